/**
 * A live story's coverage as machines read it (`StoryMetadata.live`): its status and dates, and each update with its
 * headline, its words as plain text and its addresses. The JSON-LD's `LiveBlogPosting` and the story's feeds of its
 * updates are pure functions of it.
 */
import { DateTime } from "luxon";
import { truncateOnWord } from "../metadata/socialCards.js";
import type { Author, LiveStoryMetadata, LiveUpdateMetadata } from "../metadata/types.js";
import type { LiveUpdate } from "../types.js";
import type { StoryDate } from "../values/dates.js";
import { plainTextOfHtml } from "../values/htmlText.js";
import { absoluteUrl } from "../values/url.js";
import type { LiveCoverage } from "./coverage.js";

/** Google shows at most 110 characters of a headline; an update's headline is cut on a word to fit. */
export const LIVE_UPDATE_HEADLINE_LIMIT = 110;

/** What the adapter knows of a live story besides its data: its coverage, and each update as its page shows it. */
export interface LiveMetadataSource {
  coverage: LiveCoverage;
  /** An update's `<article>`, as the page shows it: its words are read from it, the elements inside it included. */
  markup(update: LiveUpdate): string;
  /** The site paths (without a path prefix) of the story's feeds of its updates, when the site writes them. */
  feeds?: { atom: string; json: string } | undefined;
}

/** An update's time (ISO 8601 with its offset) as a date in the story's zone, so it reads "10:00 am EDT". */
export function liveDate(iso: string, timeZone: string): StoryDate {
  return { dateTime: DateTime.fromISO(iso, { setZone: true }).setZone(timeZone), dateOnly: false };
}

/**
 * The live part of a story's metadata. `storyUrl` is the story's absolute address, `siteUrl` the site's (with its path
 * prefix), against which the pages' site paths are made absolute.
 */
export function liveStoryMetadata(source: LiveMetadataSource, storyUrl: string, siteUrl: string): LiveStoryMetadata {
  const { coverage } = source;
  const zone = coverage.updates[0]?.timeZone ?? "UTC";
  const updates = coverage.updates.map((update): LiveUpdateMetadata => {
    const page = coverage.pageOf.get(update.id);
    const text = plainTextOfHtml(source.markup(update), { within: "newsroom-update__body" });
    const author: Author | undefined = update.author ? { type: "Person", name: update.author } : undefined;
    return {
      id: update.id,
      title: update.title,
      headline: truncateOnWord(update.title ?? text, LIVE_UPDATE_HEADLINE_LIMIT),
      text,
      published: liveDate(update.time, update.timeZone),
      modified: update.updated === undefined ? undefined : liveDate(update.updated, update.timeZone),
      author,
      url: `${page ? absoluteUrl(page.url, siteUrl) : storyUrl}#${update.id}`,
      permalink: `${storyUrl}#${update.id}`,
      key: update.key,
      pinned: update.pinned,
    };
  });
  return {
    status: coverage.status,
    started: coverage.started === undefined ? undefined : liveDate(coverage.started, zone),
    ended: coverage.ended === undefined ? undefined : liveDate(coverage.ended, zone),
    updates,
    feeds: source.feeds && { atom: absoluteUrl(source.feeds.atom, siteUrl), json: absoluteUrl(source.feeds.json, siteUrl) },
  };
}

/** When the live story last changed: its newest update or the latest edit of one (`LiveCoverage.modified`). */
export function liveModified(source: LiveMetadataSource): StoryDate | undefined {
  const { coverage } = source;
  return coverage.modified === undefined ? undefined : liveDate(coverage.modified, coverage.updates[0]?.timeZone ?? "UTC");
}
