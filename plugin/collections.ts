import {
  extractStoryElements,
  NewsroomError,
  type ExtractOptions,
  type ExtractResult,
  type NewsroomElement,
  type PullQuote,
  type Quote,
  type StoryHighlights,
  type Video,
} from "../src/index.js";
import type { CollectionApi, CollectionItem, EleventyConfig } from "./eleventy.js";
import { PAIRED_SHORTCODES } from "./shortcodes.js";
import type { BuildState } from "./state.js";

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

/** Newest first; stories on the same date keep a stable order by their input path, so builds are reproducible. */
function newestFirst(a: CollectionItem, b: CollectionItem): number {
  return b.date.getTime() - a.date.getTime() || byPath(a.inputPath, b.inputPath);
}

/** `localeCompare` without arguments, with its collator made once (when first needed) instead of on every call. */
let pathCollator: Intl.Collator | undefined;
const byPath = (a: string, b: string) => (pathCollator ??= new Intl.Collator()).compare(a, b);

/**
 * Every story is read once per build, whichever collections ask for it: the cache lives for one build and is keyed
 * by the story's file and the exact source, so a rebuild after an edit reads the new source.
 */
export class StoryReader {
  #cache = new Map<string, { body: string; result: ExtractResult }>();
  #names: Pick<ExtractOptions, "shortcodes" | "pairedShortcodes" | "filters"> | undefined;

  constructor(readonly state: BuildState) {}

  /** The names to look for, the same for every story (so the core makes its name tables once). */
  get #extractNames(): Pick<ExtractOptions, "shortcodes" | "pairedShortcodes" | "filters"> {
    const { shortcodes, filters } = this.state.options;
    return (this.#names ??= {
      shortcodes: {
        highlights: shortcodes.highlights,
        quote: shortcodes.quote,
        pullquote: shortcodes.pullquote,
        video: shortcodes.video,
        dateline: shortcodes.dateline,
      },
      pairedShortcodes: PAIRED_SHORTCODES,
      filters: {
        highlights: filters.highlights,
        quote: filters.quote,
        pullquote: filters.pullquote,
        video: filters.video,
      },
    });
  }

  reset(): void {
    this.#cache.clear();
    this.#stories = undefined;
  }

  #stories: { api: CollectionApi; tag: string; items: readonly CollectionItem[] } | undefined;

  /** The stories of this build, newest first; found once per build, whichever collection asks first. */
  storiesOf(api: CollectionApi, tag: string): readonly CollectionItem[] {
    if (this.#stories?.api !== api || this.#stories.tag !== tag) this.#stories = { api, tag, items: api.getFilteredByTag(tag).slice().sort(newestFirst) };
    return this.#stories.items;
  }

  read(item: CollectionItem): ExtractResult {
    const page = item.data.page;
    // An 11ty.js template's "body" is its JavaScript, which cannot be read without running it: its elements count
    // when they are in its data (front matter), not when they are only in its render function.
    const raw: unknown = page?.rawInput ?? item.rawInput;
    const body = typeof raw === "string" ? raw : "";
    const cached = this.#cache.get(item.inputPath);
    if (cached && cached.body === body) return cached.result;
    // Errors name the file through `env.page`, as when the page renders; Eleventy's page object serves when it agrees.
    const envPage = page?.inputPath === item.inputPath && page.rawInput === body ? page : { ...page, inputPath: item.inputPath, rawInput: body };
    const names = this.#extractNames;
    const extract = (lineOffset: number) =>
      extractStoryElements(
        { data: item.data, body, isMarkdown: item.inputPath.endsWith(".md"), file: item.inputPath, lineOffset },
        {
          shortcodes: names.shortcodes,
          pairedShortcodes: names.pairedShortcodes,
          filters: names.filters,
          markdown: this.state.markdown,
          markdownEnv: { page: envPage },
          parseOptions: this.state.parseOptions,
        },
      );
    // Warnings and errors name lines of the file, which means counting its front matter, which means reading the file
    // again: that is done only when there is something to report, so a clean story is read from disk once, by Eleventy.
    // (The lines of the elements found count from the body then; the collections do not use them.)
    let result: ExtractResult;
    try {
      result = extract(0);
    } catch {
      // Reading is deterministic: this throws the same error again, now with the file's own line numbers.
      result = extract(this.state.bodyLineOffset(page));
    }
    if (result.warnings.length > 0) result = extract(this.state.bodyLineOffset(page));
    for (const warning of result.warnings) console.warn(warning.message);
    this.#cache.set(item.inputPath, { body, result });
    return result;
  }
}

export function registerCollections(config: EleventyConfig, state: BuildState, reader: StoryReader): void {
  const { collections, storyTag } = state.options;
  // The four collections start from the same stories, found and sorted once per build (Eleventy's getFilteredByTag
  // sorts every page of the site each time it is called).
  const stories = (api: CollectionApi) => reader.storiesOf(api, storyTag).slice();

  // While previewing, a story with a broken element keeps building (its page shows the error in place); it is left
  // out of the collections until fixed, and the log says so once per build (the page's render meets the same error
  // and does not print it again).
  const elementsIn = (story: CollectionItem) => {
    try {
      return reader.read(story).elements;
    } catch (error) {
      if (!(error instanceof NewsroomError) || !state.previewing) throw error;
      state.reportOnce(error, "(The story's elements are left out of the collections until this is fixed.)");
      return [];
    }
  };

  // The three element collections are made together, in one pass over the stories, once per build (the first of them
  // that Eleventy asks for makes all three; the story list they were made from tells a later build's apart).
  let made: { from: readonly CollectionItem[]; highlights: HighlightsItem[]; quotes: QuoteItem[]; videos: VideoItem[] } | undefined;
  const elementItems = (api: CollectionApi) => {
    const from = reader.storiesOf(api, storyTag);
    if (made?.from === from) return made;
    made = { from, highlights: [], quotes: [], videos: [] };
    for (const story of from) {
      // Every story needs a title, with elements or not (listing pages name stories by it).
      const title = storyTitle(story);
      const found = elementsIn(story);
      if (found.length === 0) continue;
      const reference: StoryReference = { url: String(story.url), title, date: story.date };
      for (const { element } of found) {
        // The element becomes its item by gaining its story: it was parsed for this story alone, in this build (the
        // read's cache is emptied before each), so no other story shares it; and it is already marked as parsed, so a
        // template can pass the item to a shortcode or filter. (A copy made and marked again cost more than the rest
        // of this loop.)
        const item = element as ElementItem<NewsroomElement>;
        item.story = reference;
        if (item.type === "highlights") made.highlights.push(item);
        else if (item.type === "quote" || item.type === "pullquote") made.quotes.push(item);
        else if (item.type === "video") made.videos.push(item);
      }
    }
    return made;
  };

  config.addCollection(collections.stories, stories);
  config.addCollection(collections.highlights, (api) => elementItems(api).highlights.slice());
  config.addCollection(collections.quotes, (api) => elementItems(api).quotes.slice());
  config.addCollection(collections.videos, (api) => elementItems(api).videos.slice());
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
