/**
 * A live story's own feeds of its updates, Atom 1.0 and JSON Feed 1.1, for readers who follow one event: each update an
 * entry, newest first, written by the same writers as the site's feeds (`src/metadata/feeds.ts`) from the story's
 * `StoryMetadata.live`. The content of each entry is the update as its page shows it.
 */
import { storyFolder } from "./coverage.js";
import { NewsroomError } from "../errors.js";
import { atomFeedOfItems, jsonFeedOfItems, storyFeedAuthors, type FeedDescription, type FeedItem } from "../metadata/feeds.js";
import type { LiveUpdateMetadata, StoryMetadata } from "../metadata/types.js";
import { storyInstant } from "../metadata/xml.js";

/** The category (Atom) and tag (JSON Feed) of a key event, so a reader can follow only those. */
export const KEY_EVENT_CATEGORY = "key-event";

/**
 * The site path of a live story's feed of its updates, beside its page: `/stories/election/feed.xml` (Atom) and
 * `/stories/election/feed.json` for the story at `/stories/election/` (or `/stories/election.html`).
 */
export function liveFeedPath(storyPath: string, format: "atom" | "json"): string {
  return `${storyFolder(storyPath)}${format === "atom" ? "feed.xml" : "feed.json"}`;
}

export interface LiveFeedOptions {
  /** The feed's own absolute address. */
  feedUrl: string;
  /** An update's `<article>` as its page shows it, with every address made absolute. */
  contentHtml(update: LiveUpdateMetadata): string;
  /** The story's input file, named by errors. */
  file?: string | undefined;
}

function liveOf(story: StoryMetadata, file: string | undefined) {
  if (story.live) return story.live;
  throw new NewsroomError({
    element: "live feed",
    problem: `the story at ${story.path} is not a live story, so it has no updates to make a feed of`,
    fix: 'give it "live: true" in its front matter, or make no live feed of it',
    file,
  });
}

/** What the feed says about itself: the story's headline, description, page, language and publisher. */
function description(story: StoryMetadata, options: LiveFeedOptions): FeedDescription {
  return {
    title: story.headline,
    description: story.description || undefined,
    homeUrl: story.url,
    feedUrl: options.feedUrl,
    language: story.language,
    publisher: story.publisher,
    // A story whose coverage has not started yet: the feed has not changed since the story was published.
    updatedWhenEmpty: storyInstant(story.published).toJSDate(),
    file: options.file,
  };
}

/**
 * Each update as a feed entry. Its id is its permalink (the story's address and `#id`), which never changes, though
 * the update moves from the live page to an older one; its link is where it is now. Untitled, it is named by its first
 * words; a key event has the category `key-event`. An update without an author of its own is signed as the story is.
 */
export function liveFeedItems(story: StoryMetadata, options: LiveFeedOptions): FeedItem[] {
  const live = liveOf(story, options.file);
  const storyAuthors = storyFeedAuthors(story);
  return live.updates.map((update) => ({
    id: update.permalink,
    url: update.url,
    title: update.title ?? update.headline,
    published: update.published,
    modified: update.modified,
    authors: update.author ? [{ name: update.author.name, url: update.author.url }] : storyAuthors,
    categories: update.key ? [KEY_EVENT_CATEGORY] : [],
    language: story.language,
    contentHtml: options.contentHtml(update),
    what: `the update "${update.id}" of the live story at ${story.path}`,
    file: options.file,
  }));
}

/** The live story's updates as an Atom 1.0 feed, newest first. */
export function liveAtomFeed(story: StoryMetadata, options: LiveFeedOptions): string {
  return atomFeedOfItems(description(story, options), liveFeedItems(story, options));
}

/** The live story's updates as a JSON Feed 1.1, newest first. */
export function liveJsonFeed(story: StoryMetadata, options: LiveFeedOptions): string {
  return jsonFeedOfItems(description(story, options), liveFeedItems(story, options));
}
