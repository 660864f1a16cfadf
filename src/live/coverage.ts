import { DateTime } from "luxon";
import { NewsroomError } from "../errors.js";
import type { LiveUpdate } from "../types.js";

/** One page of a live story's updates. */
export interface UpdatesPage {
  /** 1 for the oldest page; undefined for the live page (the story's own address), which shows the newest. */
  number: number | undefined;
  /** The page's address: the story's, or its numbered page's (`numberedUpdatesPath`). */
  url: string;
  /** Newest first. */
  updates: LiveUpdate[];
}

export interface LiveCoverage {
  /** "live" while coverage runs; "ended" once `coverageEnded` is given. */
  status: "live" | "ended";
  /** Every update, newest first (by time; updates of one time by id, so the source's order never matters). */
  updates: LiveUpdate[];
  /** The update shown first, if one is pinned. */
  pinned: LiveUpdate | undefined;
  /** Key events, newest first. */
  keyEvents: LiveUpdate[];
  /** When coverage started: the first update's time (ISO 8601 with offset); undefined without updates. */
  started: string | undefined;
  /** The newest update's time, or the latest edit of any update, whichever is later. */
  modified: string | undefined;
  /** When coverage ended, as given. */
  ended: string | undefined;
  /** The live page first, then the numbered pages from the newest to page 1. */
  pages: UpdatesPage[];
  /** The page each update is on, by id. */
  pageOf: ReadonlyMap<string, UpdatesPage>;
}

export interface LiveCoverageOptions {
  /** The story's address (a path such as "/stories/election/"). */
  url: string;
  /** How many updates a numbered page holds. The live page shows from `pageSize` to twice that, less one. */
  pageSize: number;
  /** When coverage ended (front matter `coverageEnded`), as ISO 8601; undefined while it runs. */
  ended?: string | undefined;
  /** The story's zone, for an `ended` time without an offset. */
  timeZone: string;
  /** For errors. */
  file?: string | undefined;
  /** For errors about one update: the line of the file where it is written, when that can be known. */
  lineOf?: ((update: LiveUpdate) => number | undefined) | undefined;
}

const instant = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

/** Newest first; updates posted at one time in the order of their ids. */
export function newestFirst(a: LiveUpdate, b: LiveUpdate): number {
  return instant(b.time) - instant(a.time) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The address of a live story's numbered page of updates: `/stories/election/updates/2/` for the story at
 * `/stories/election/` (or `/stories/election.html`).
 */
export function numberedUpdatesPath(storyUrl: string, number: number): string {
  return `${storyFolder(storyUrl)}updates/${number}/`;
}

/** The folder of a live story's own files (its numbered pages, live.json, its feeds): `/stories/x/` for `/stories/x/` or `/stories/x.html`. */
export function storyFolder(storyUrl: string): string {
  return storyUrl.endsWith("/") ? storyUrl : `${storyUrl.replace(/\.html?$/, "")}/`;
}

/**
 * A live story's updates as readers get them: newest first, the pinned one, the key events, the status and dates, and
 * the pages. Pages are numbered from the oldest update and filled `pageSize` at a time, so an update that has reached a
 * numbered page stays on it whatever comes after; the live page shows the rest, the newest (at least `pageSize` of
 * them once there are that many, fewer than twice that).
 *
 * The story's own faults are errors here: two updates with one id, more than one pinned, coverage ended before its
 * last update.
 */
export function liveCoverage(updates: readonly LiveUpdate[], options: LiveCoverageOptions): LiveCoverage {
  const fail = (problem: string, fix: string, update?: LiveUpdate): never => {
    throw new NewsroomError({ element: "update", problem, fix, file: options.file, line: update && options.lineOf?.(update) });
  };
  if (!Number.isInteger(options.pageSize) || options.pageSize < 1) {
    throw new NewsroomError({ element: 'option "live.pageSize"', problem: `${JSON.stringify(options.pageSize)} is not a number of updates`, fix: "give a whole number of 1 or more, e.g. 20", file: options.file });
  }
  const ordered = [...updates].sort(newestFirst);
  const seen = new Map<string, LiveUpdate>();
  for (const update of ordered) {
    const other = seen.get(update.id);
    if (other) {
      fail(
        `two updates have the id "${update.id}" (posted ${other.time} and ${update.time})`,
        `give one of them an id of its own (id="…"), or a title that tells them apart`,
        update,
      );
    }
    seen.set(update.id, update);
  }
  const pinned = ordered.filter((update) => update.pinned);
  if (pinned.length > 1) {
    fail(`${pinned.length} updates are pinned (${pinned.map((update) => `"${update.id}"`).join(", ")})`, "pin one update: remove pinned from the others", pinned[1]);
  }
  let ended: string | undefined;
  if (options.ended !== undefined) {
    const end = DateTime.fromISO(options.ended, /(Z|[+-]\d{2}:?\d{2})$/i.test(options.ended) ? { setZone: true } : { zone: options.timeZone });
    if (!end.isValid) fail(`coverageEnded "${options.ended}" is not an ISO 8601 date and time`, 'write it as "2017-05-18T23:30" or with its offset');
    const newest = ordered[0];
    if (newest && end.toMillis() < instant(newest.time)) {
      fail(`coverageEnded (${options.ended}) is before the last update (${newest.time}, "${newest.id}")`, "set coverageEnded to when coverage ended, after the last update", newest);
    }
    ended = end.setZone(options.timeZone).toISO({ suppressMilliseconds: true })!;
  }
  const oldestFirst = [...ordered].reverse();
  const size = options.pageSize;
  const numbered = ordered.length >= 2 * size ? Math.floor(ordered.length / size) - 1 : 0;
  const pages: UpdatesPage[] = [{ number: undefined, url: options.url, updates: oldestFirst.slice(numbered * size).reverse() }];
  for (let number = numbered; number >= 1; number--) {
    pages.push({ number, url: numberedUpdatesPath(options.url, number), updates: oldestFirst.slice((number - 1) * size, number * size).reverse() });
  }
  const pageOf = new Map<string, UpdatesPage>();
  for (const page of pages) for (const update of page.updates) pageOf.set(update.id, page);
  const latestEdit = ordered.reduce<string | undefined>((latest, update) => {
    const time = update.updated ?? update.time;
    return latest === undefined || instant(time) > instant(latest) ? time : latest;
  }, undefined);
  return {
    status: ended === undefined ? "live" : "ended",
    updates: ordered,
    pinned: pinned[0],
    keyEvents: ordered.filter((update) => update.key),
    started: ordered.at(-1)?.time,
    modified: latestEdit,
    ended,
    pages,
    pageOf,
  };
}
