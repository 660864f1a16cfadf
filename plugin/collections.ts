import {
  markParsed,
  NewsroomError,
  type NewsroomElement,
  type PullQuote,
  type Quote,
  type StoryHighlights,
  type Video,
} from "../src/index.js";
import type { CollectionApi, CollectionItem, EleventyConfig } from "./eleventy.js";
import type { BuildState } from "./state.js";
import { rememberPageData } from "./shortcodes.js";
import { LIVE_PAGES_COLLECTION, LIVE_STORIES_COLLECTION, type LiveUpdatesPageItem } from "./live.js";

/** The story an element belongs to, as collection items carry it. */
export interface StoryReference {
  url: string;
  title: string;
  date: Date;
}

export type ElementItem<T extends NewsroomElement> = T & { story: StoryReference };
export type HighlightsItem = ElementItem<StoryHighlights>;
export type QuoteItem = ElementItem<Quote> | ElementItem<PullQuote>;
export type VideoItem = ElementItem<Video>;

/**
 * Newest first; stories on the same date keep a stable order by their input path and then their URL (the pages of one
 * paginated template), so builds are reproducible.
 */
function newestFirst(a: CollectionItem, b: CollectionItem): number {
  return b.date.getTime() - a.date.getTime() || byPath(a.inputPath, b.inputPath) || byPath(String(a.url), String(b.url));
}

/** `localeCompare` without arguments, with its collator made once (when first needed) instead of on every call. */
let pathCollator: Intl.Collator | undefined;
const byPath = (a: string, b: string) => (pathCollator ??= new Intl.Collator()).compare(a, b);

/**
 * The stories of this build, newest first: every page tagged as a story that has a URL (a `permalink: false` story
 * has no page to link to). Found once per build, whichever collection asks first; Eleventy's getFilteredByTag sorts
 * every page of the site each time it is called.
 */
class StoryList {
  #stories: { api: CollectionApi; tag: string; items: readonly CollectionItem[] } | undefined;

  of(api: CollectionApi, tag: string): readonly CollectionItem[] {
    if (this.#stories?.api !== api || this.#stories.tag !== tag) {
      this.#stories = { api, tag, items: api.getFilteredByTag(tag).filter((item) => item.url !== false).sort(newestFirst) };
    }
    return this.#stories.items;
  }
}

export function registerCollections(config: EleventyConfig, state: BuildState): void {
  const { collections, storyTag } = state.options;
  const list = new StoryList();
  const stories = (api: CollectionApi) => list.of(api, storyTag).slice();

  // The three element collections are made together, in one pass over the stories, once per build (the first of them
  // that Eleventy asks for makes all three; the story list they were made from tells a later build's apart). Each
  // story page's content is rendered for it (once: Eleventy keeps the render for the page) and what it held is listed.
  let made: { from: readonly CollectionItem[]; items: Promise<ElementItems> } | undefined;
  const elementItems = (api: CollectionApi): Promise<ElementItems> => {
    const from = list.of(api, storyTag);
    if (made?.from !== from) {
      // Before the stories render: an 11ty.js story's updates find its data (its time zone) through its page.
      rememberPageData(from);
      made = { from, items: itemsOf(from, state) };
    }
    return made.items;
  };

  config.addCollection(collections.stories, stories);
  config.addCollection(collections.highlights, async (api) => (await elementItems(api)).highlights.slice());
  config.addCollection(collections.quotes, async (api) => (await elementItems(api)).quotes.slice());
  config.addCollection(collections.videos, async (api) => (await elementItems(api)).videos.slice());

  // Live stories, and their numbered pages of older updates, for the live virtual templates (plugin/live.ts): made
  // after the stories' renders, which hold their updates. While previewing, a story whose coverage is wrong (two
  // updates with one id, two pinned) is left out of both: its page shows the error in its live blog's place, and no
  // live.json is made for it, whose render would otherwise throw the error and stop the whole preview build.
  const hasCoverage = (story: CollectionItem): boolean => {
    try {
      state.live.collected(story);
      return true;
    } catch (error) {
      if (!(error instanceof NewsroomError) || !state.previewing) throw error;
      state.reportOnce(error);
      return false;
    }
  };
  const liveStories = async (api: CollectionApi) => {
    await elementItems(api);
    return list.of(api, storyTag).filter((story) => state.live.isLive(story.data) && hasCoverage(story));
  };
  config.addCollection(LIVE_STORIES_COLLECTION, liveStories);
  config.addCollection(LIVE_PAGES_COLLECTION, async (api) => {
    const pages: LiveUpdatesPageItem[] = [];
    for (const story of await liveStories(api)) {
      const coverage = state.live.coverageOf(story);
      for (const page of coverage.pages) {
        if (page.number === undefined) continue;
        if (state.options.live.layout === undefined) {
          throw new NewsroomError({
            element: 'option "live.layout"',
            problem: `the live story has ${coverage.updates.length} updates, more than one page of ${state.options.live.pageSize}, and its older pages need a layout`,
            fix: 'pass live: { layout: "layouts/base.njk" } (a layout of your site) to the plugin, or a larger live.pageSize',
            file: story.inputPath,
          });
        }
        const title = storyTitle(story);
        const shortTitle = typeof story.data["shortTitle"] === "string" && story.data["shortTitle"].trim() !== "" ? story.data["shortTitle"] : title;
        pages.push({ story: { url: String(story.url), title, shortTitle, inputPath: story.inputPath }, number: page.number, url: page.url });
      }
    }
    return pages;
  });
}

interface ElementItems {
  highlights: HighlightsItem[];
  quotes: QuoteItem[];
  videos: VideoItem[];
}

async function itemsOf(stories: readonly CollectionItem[], state: BuildState): Promise<ElementItems> {
  const made: ElementItems = { highlights: [], quotes: [], videos: [] };
  const restore = guardUnmadeCollections(stories, state);
  try {
    for (const story of stories) await addItemsOf(story, state, made);
  } finally {
    restore();
  }
  return made;
}

/**
 * The element collections are made from the stories' renders, so a story whose content lists them (`collections.quotes`
 * in its body) would see them unmade. While the stories render for them, reading one says so, once, with the file.
 * Returns what puts Eleventy's collections object back as it was.
 */
function guardUnmadeCollections(stories: readonly CollectionItem[], state: BuildState): () => void {
  const collections: unknown = stories[0]?.data["collections"];
  if (typeof collections !== "object" || collections === null) return () => {};
  const { highlights, quotes, videos } = state.options.collections;
  const guarded = [highlights, quotes, videos].filter((name) => !Object.prototype.hasOwnProperty.call(collections, name));
  for (const name of guarded) {
    Object.defineProperty(collections, name, {
      configurable: true,
      enumerable: false,
      get: () => {
        state.stories.warnEarlyRead(name);
        return [];
      },
    });
  }
  return () => {
    for (const name of guarded) delete (collections as Record<string, unknown>)[name];
  };
}

/** Adds a story page's elements to the collections, each as an item that knows its story. */
async function addItemsOf(story: CollectionItem, state: BuildState, made: ElementItems): Promise<void> {
  // Every story needs a title, with elements or not (listing pages name stories by it).
  const title = storyTitle(story);
  // While previewing, a story with a broken element keeps building (its page shows the error in place) and is left
  // out of the collections until fixed: the error's one line in the log says so.
  const found = await state.stories.forCollections(story);
  if (!found || found.length === 0) return;
  const reference: StoryReference = { url: String(story.url), title, date: story.date };
  for (const { element } of found) {
    // Each item is a copy of the element with its story: one element can stand on several pages (a value of global
    // data, or of front matter that the pages of a pagination share), and a page that renders it must still hold it.
    const item = markParsed({ ...element }) as ElementItem<NewsroomElement>;
    item.story = reference;
    state.stories.markItem(item);
    if (item.type === "highlights") made.highlights.push(item);
    else if (item.type === "quote" || item.type === "pullquote") made.quotes.push(item);
    else if (item.type === "video") made.videos.push(item);
  }
}

function storyTitle(story: CollectionItem): string {
  const title: unknown = story.data["title"];
  if (typeof title !== "string" || title.trim() === "") {
    throw new NewsroomError({
      element: "story",
      problem: "the story has no title",
      fix: 'add "title:" to its front matter (collections and listing pages name every story by it)',
      file: story.inputPath,
    });
  }
  return title;
}
