/**
 * Live coverage in Eleventy's terms: a story with `live: true` is told in `::: update` elements (or `{% update %}`
 * shortcodes), which its content renders but does not show; `{% newsroomLiveBlog %}` in its layout shows them, newest
 * first (`src/live/`). Besides the page, each live story gets, as virtual templates: its numbered pages of older
 * updates, the JSON an open page polls (`live.json`), and Atom and JSON feeds of its updates (`feed.xml`, `feed.json`).
 */
import {
  liveCoverage,
  storyFolder,
  livePollDocument,
  NewsroomError,
  renderElement,
  fillLabel,
  renderLiveBlog,
  type LiveCoverage,
  type LiveUpdate,
  type ParseOptions,
  type RenderContext,
  type UpdatesPage,
} from "../src/index.js";
import { DateTime } from "luxon";
import type { CollectionItem, EleventyConfig, EleventyPage } from "./eleventy.js";
import { isTimeZone, type ResolvedOptions } from "./options.js";
import { registerLiveFeeds } from "./liveFeeds.js";
import { pageData, type ShortcodeThis } from "./pageData.js";
import type { PageAssets } from "./assets.js";
import type { StoryElements } from "./storyElements.js";
import { useVirtualTemplates, virtualTemplateData, type MetadataSource } from "./virtualTemplates.js";

/** What live stories need of the build (the plugin's BuildState gives it; declared here, so neither imports the other). */
export interface LiveStoriesBuild {
  readonly options: ResolvedOptions;
  readonly parseOptions: ParseOptions;
  readonly stories: StoryElements;
  readonly assets: PageAssets;
  readonly previewing: boolean;
  renderContext(page: EleventyPage | undefined, env?: object, lead?: boolean): RenderContext;
  reportInPlace(error: NewsroomError): string;
  reportOnce(error: NewsroomError, note?: string): void;
  bodyLineOffset(page: EleventyPage | undefined): number;
}

/** The collections the live virtual templates paginate over (the plugin's own; not for sites to rely on). */
export const LIVE_STORIES_COLLECTION = "newsroomLiveStories";
export const LIVE_PAGES_COLLECTION = "newsroomLivePages";

/** A numbered page of a live story's older updates, as its virtual template gets it. */
export interface LiveUpdatesPageItem {
  /** The live story: its page's address and title. */
  story: { url: string; title: string; shortTitle: string; inputPath: string };
  number: number;
  url: string;
}

const pageKey = (page: { inputPath?: string | undefined; url?: string | false | undefined }) => `${page.inputPath ?? ""}\0${String(page.url)}`;

/** `coverageEnded` as written: YAML reads an unquoted date-time as a Date. */
function endedOf(value: unknown, file: string): string | undefined {
  if (value === undefined || value === null || value === false || value === "") return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === "string") return value.trim();
  throw new NewsroomError({ element: "story", problem: `coverageEnded is ${JSON.stringify(value)}, not a date and time`, fix: 'write it as coverageEnded: "2017-05-18T23:30:00-04:00"', file });
}

/**
 * The line of the story's source where an update is written, when one line can only be it: a `:::` marker or an
 * `{% update %}` tag that carries its time as written (in the story's zone, to the minute) or its given id. An update
 * written in a loop, an include or an 11ty.js function has no such line: undefined, never a guess.
 */
export function lineOfUpdate(source: string, update: LiveUpdate, name: string): number | undefined {
  const wallTime = DateTime.fromISO(update.time, { setZone: true }).setZone(update.timeZone).toFormat("yyyy-MM-dd'T'HH:mm");
  const opens = new RegExp(`^\\s*(?:>\\s*)*:{3,}\\s*${name}(?:\\s|$)|\\{%-?\\s*${name}\\s`);
  const lines = source.split("\n");
  const candidates = lines.flatMap((line, index) => (opens.test(line) ? [{ line, number: index + 1 }] : []));
  for (const holds of [(line: string) => line.includes(wallTime) && line.includes(`"${update.id}"`), (line: string) => line.includes(wallTime)]) {
    const found = candidates.filter((candidate) => holds(candidate.line));
    if (found.length === 1) return found[0]!.number;
  }
  return undefined;
}

export class LiveStories {
  /** Each live story's coverage, worked out once per build. */
  #coverage = new Map<string, LiveCoverage>();
  /** Each update's `<article>`, as its story's content rendered it ('' for a story read from its source). */
  #markup = new Map<LiveUpdate, string>();
  /** The pages whose live blog was rendered in this build. */
  #blogs = new Set<string>();
  /** The live stories the collections hold: each gets its live.json and numbered pages. */
  #collected = new Set<string>();

  constructor(readonly state: LiveStoriesBuild) {}

  reset(): void {
    this.#coverage.clear();
    this.#markup.clear();
    this.#blogs.clear();
    this.#collected.clear();
  }

  /** Called by the live collections (plugin/collections.ts) for each live story they hold. */
  collected(story: CollectionItem): LiveCoverage {
    this.#collected.add(pageKey(story));
    return this.coverageOf(story);
  }

  isLive(data: Record<string, unknown> | undefined): boolean {
    return data?.["live"] === true;
  }

  /** The story's own zone (front matter `timeZone`), else the site's. */
  timeZoneOf(data: Record<string, unknown> | undefined): string {
    const zone = data?.["timeZone"];
    // A live story's zone that is not one (a typo) would read every local time in the site's zone without a word.
    if (zone !== undefined && !(typeof zone === "string" && isTimeZone(zone)) && this.isLive(data)) {
      throw new NewsroomError({
        element: "story",
        problem: `timeZone ${JSON.stringify(zone)} is not an IANA time zone`,
        fix: 'use a name such as "America/New_York" or "America/Mexico_City", or leave it out to read the story\'s times in the site\'s zone',
        file: (data?.["page"] as EleventyPage | undefined)?.inputPath,
      });
    }
    return typeof zone === "string" && isTimeZone(zone) ? zone : this.state.options.timeZone;
  }

  /** How the updates of a page with this data are read. */
  parseOptionsFor(data: Record<string, unknown> | undefined): ParseOptions {
    return { ...this.state.parseOptions, timeZone: this.timeZoneOf(data), futureToleranceMinutes: this.state.options.live.futureToleranceMinutes };
  }

  /** A live story's coverage: its updates as its content rendered them, ordered and paged. */
  coverageOf(story: CollectionItem): LiveCoverage {
    const key = pageKey(story);
    const known = this.#coverage.get(key);
    if (known) return known;
    const rendered = this.state.stories.updatesOf(story);
    for (const { element, markup } of rendered) this.#markup.set(element, markup);
    const updates = rendered.map(({ element }) => element);
    const coverage = liveCoverage(updates, {
      url: String(story.url),
      pageSize: this.state.options.live.pageSize,
      ended: endedOf(story.data["coverageEnded"], story.inputPath),
      timeZone: this.timeZoneOf(story.data),
      file: story.inputPath,
      lineOf: (update) => {
        const page = story.data["page"] as EleventyPage | undefined;
        const line = typeof page?.rawInput === "string" ? lineOfUpdate(page.rawInput, update, this.state.options.shortcodes.update) : undefined;
        return line === undefined ? undefined : line + this.state.bodyLineOffset(page);
      },
    });
    this.#coverage.set(key, coverage);
    return coverage;
  }

  /**
   * An update's `<article>` for a page of the story: the one the story's content rendered (a page read from its source
   * renders it now). A numbered page also needs what the elements inside the update need (a video's stylesheet).
   */
  markupOf(story: CollectionItem, update: LiveUpdate, onPage: EleventyPage, context: () => RenderContext): string {
    const markup = this.#markup.get(update);
    if (!markup) return renderElement(update, context()).toString();
    if (onPage.url !== story.url) {
      for (const entry of this.state.stories.renderedOf(story)) {
        if (entry.element !== update && entry.markup !== "" && markup.includes(entry.markup)) this.state.assets.add(onPage, entry.element);
      }
    }
    return markup;
  }

  /** The context live blogs render in: the page's (its words, its language, the live time format). */
  contextFor(page: EleventyPage | undefined, data: Record<string, unknown>): RenderContext {
    return this.state.renderContext(page, data);
  }

  /** Where the live page's script polls: beside the page. */
  static pollPath(storyUrl: string): string {
    return `${storyFolder(storyUrl)}live.json`;
  }

  register(config: EleventyConfig, metadata: MetadataSource): void {
    const live = this;
    const { state } = this;
    const names = state.options.shortcodes;
    const url = (path: string) => String(config.getFilter("url")(path));

    config.addShortcode(names.liveBlog, function (this: ShortcodeThis, explicit?: unknown) {
      const data = pageData(this, explicit);
      const page = (data["page"] ?? this?.page) as EleventyPage | undefined;
      if (!live.isLive(data) || !page || typeof page.url !== "string") return "";
      live.#blogs.add(pageKey(page));
      try {
        const story: CollectionItem = { url: page.url, inputPath: page.inputPath ?? "", date: new Date(NaN), data };
        const coverage = live.coverageOf(story);
        // Only the live stories the collections hold get a live.json and numbered pages: any other live page would poll
        // an address that does not exist, and link to numbered pages that are never written.
        if (!live.#collected.has(pageKey(page))) {
          throw new NewsroomError({
            element: "story",
            problem: `the live page is not in the "${state.options.collections.stories}" collection, so its live.json and numbered pages are not made`,
            fix: `tag it "${state.options.storyTag}" (a paginated template also needs "addAllPagesToCollections: true" under pagination), and do not exclude it from collections`,
            file: page.inputPath,
          });
        }
        const context = live.contextFor(page, data);
        if (coverage.status === "live") state.assets.addLive(page);
        return renderLiveBlog(coverage, context, {
          page: coverage.pages[0]!,
          markup: (update) => live.markupOf(story, update, page, () => context),
          pollUrl: url(LiveStories.pollPath(page.url)),
          // Links to the numbered pages carry the site's path prefix, as the poll address does.
          href: url,
        }).toString();
      } catch (error) {
        if (!(error instanceof NewsroomError)) throw error;
        return state.reportInPlace(error.locate({ file: page.inputPath }));
      }
    });

    // Nothing an author wrote is dropped: a page whose content holds updates must show them. (Checked once the pages
    // are written: a transform also sees a story's content alone, when a feed renders it.)
    config.on("eleventy.after", ({ results }: { results?: Array<{ inputPath?: string; url?: string | false }> }) => {
      for (const page of results ?? []) {
        if (live.#blogs.has(pageKey(page)) || state.stories.updatesOf(page).length === 0) continue;
        const error = new NewsroomError({
          element: "update",
          problem: "the page holds live updates but shows no live blog, so they would not be shown",
          fix: `make it a live story: "live: true" in its front matter, and {% ${names.liveBlog} %} in its layout where the updates go`,
          file: page.inputPath,
        });
        if (!state.previewing) throw error;
        state.reportOnce(error);
      }
    });

    this.#registerTemplates(config);
    if (state.options.live.feeds && state.options.site) registerLiveFeeds(config, this, metadata, LIVE_STORIES_COLLECTION);
  }

  #registerTemplates(config: EleventyConfig): void {
    const live = this;
    const { state } = this;
    useVirtualTemplates(config);
    const storyItem = (data: { collections: Record<string, CollectionItem[] | undefined> }, inputPath: string, storyUrl: string) =>
      (data.collections[state.options.collections.stories] ?? []).find((item) => item.inputPath === inputPath && item.url === storyUrl);

    // The numbered pages of older updates, in the layout the site names.
    config.addTemplate(
      "newsroom-live-pages.11ty.js",
      (data: { liveUpdates: LiveUpdatesPageItem; collections: Record<string, CollectionItem[] | undefined>; page: EleventyPage }) => {
        const item = data.liveUpdates;
        const story = storyItem(data, item.story.inputPath, item.story.url);
        if (!story) return "";
        const coverage = live.coverageOf(story);
        const shown = coverage.pages.find((page) => page.number === item.number) as UpdatesPage;
        const context = live.contextFor(data.page, story.data);
        const href = (path: string) => String(config.getFilter("url")(path));
        return renderLiveBlog(coverage, context, { page: shown, markup: (update) => live.markupOf(story, update, data.page, () => context), href }).toString();
      },
      {
        ...virtualTemplateData([LIVE_PAGES_COLLECTION, state.options.collections.stories], {
          pagination: { data: `collections.${LIVE_PAGES_COLLECTION}`, size: 1, alias: "liveUpdates" },
          permalink: (data: { liveUpdates: LiveUpdatesPageItem }) => data.liveUpdates.url,
          eleventyComputed: {
            title: (data: { liveUpdates: LiveUpdatesPageItem }) =>
              fillLabel(state.options.labels.updatesPageTitle, { title: data.liveUpdates.story.title, number: String(data.liveUpdates.number) }),
            shortTitle: (data: { liveUpdates: LiveUpdatesPageItem }) =>
              fillLabel(state.options.labels.updatesPageTitle, { title: data.liveUpdates.story.shortTitle, number: String(data.liveUpdates.number) }),
          },
        }),
        layout: state.options.live.layout ?? false,
      },
    );

    // The JSON an open live page polls.
    config.addTemplate(
      "newsroom-live-json.11ty.js",
      (data: { liveStory: CollectionItem; page: EleventyPage }) => {
        const story = data.liveStory;
        const coverage = live.coverageOf(story);
        const storyPage = { url: story.url, inputPath: story.inputPath };
        const context = live.contextFor(storyPage, story.data);
        return JSON.stringify(livePollDocument(coverage, (update) => live.markupOf(story, update, storyPage, () => context)));
      },
      virtualTemplateData([LIVE_STORIES_COLLECTION], {
        pagination: { data: `collections.${LIVE_STORIES_COLLECTION}`, size: 1, alias: "liveStory" },
        permalink: (data: { liveStory: CollectionItem }) => LiveStories.pollPath(String(data.liveStory.url)),
      }),
    );
  }
}
