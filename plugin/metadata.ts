import {
  absoluteUrl,
  checkStory,
  cropsFor,
  liveFeedPath,
  pictureFor,
  metadataWarningError,
  NewsroomError,
  readStoryMetadata,
  renderByline,
  renderCorrections,
  renderStoryHead,
  type DateOptions,
  type LiveMetadataSource,
  type SiteMetadata,
  type StoryMetadata,
} from "../src/index.js";
import type { CollectionItem, EleventyConfig, EleventyPage } from "./eleventy.js";
import { isLocale } from "./options.js";
import type { BuildState } from "./state.js";
import { pageData, type ShortcodeThis } from "./pageData.js";

export { pageData, type ShortcodeThis };

/**
 * One StoryMetadata per story and build, whoever asks (the page's head, its byline, the feeds, the sitemaps): read
 * from the story page's data and the elements its render held (see StoryElements). The pages of a paginated story
 * are stories of their own, each with its own metadata.
 */
export class StoryMetadataReader {
  #cache = new Map<string, StoryMetadata>();
  #checked = new Set<string>();

  constructor(
    readonly config: EleventyConfig & { pathPrefix?: string },
    readonly state: BuildState,
  ) {}

  reset(): void {
    this.#cache.clear();
    this.#checked.clear();
  }

  /** The site with its address as readers reach it: the `site.url` option joined with Eleventy's path prefix. */
  site(file?: string): SiteMetadata {
    const site = this.state.options.site;
    if (!site) {
      throw new NewsroomError({
        element: 'option "site"',
        problem: "structured data, social cards, feeds and sitemaps need the site's public address",
        fix: 'pass site: { url: "https://your.site/", name: "Your Site" } to the plugin',
        file,
      });
    }
    const prefix = (this.config.pathPrefix ?? "/").replace(/^\/+/, "");
    const url = new URL(prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`, site.url).href;
    const publisher = site.publisher && {
      name: site.publisher.name,
      url: site.publisher.url,
      logo: site.publisher.logo && { url: absoluteUrl(site.publisher.logo.src, url), width: site.publisher.logo.width, height: site.publisher.logo.height },
    };
    return { url, name: site.name, language: site.language, publisher };
  }

  isStory(data: Record<string, unknown>): boolean {
    const tags = data["tags"];
    const storyTag = this.state.options.storyTag;
    return tags === storyTag || (Array.isArray(tags) && tags.includes(storyTag));
  }

  /** A collection item, or a page's data (from a shortcode), as the story's metadata. */
  story(item: CollectionItem): StoryMetadata {
    const key = `${item.inputPath}\0${String(item.url)}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const site = this.site(item.inputPath);
    const metadata = readStoryMetadata(
      {
        data: item.data,
        path: String(item.url),
        date: item.date,
        file: item.inputPath,
        elements: this.state.stories.ofPage(item).map((found) => found.element),
        live: this.state.live.isLive(item.data) && typeof item.url === "string" ? this.#live(item) : undefined,
      },
      {
        site,
        storyTag: this.state.options.storyTag,
        timeZone: this.state.options.timeZone,
        markdown: this.state.markdown,
        images: (src, origin) => {
          const [element, field] = origin === "poster" ? ["video", "poster"] : ["image", "src"];
          const picture = pictureFor(this.state.images, src, element, field);
          return { width: picture?.width, height: picture?.height, crops: cropsFor(this.state.images, src, site.url, element, field) };
        },
      },
    );
    this.#cache.set(key, metadata);
    return metadata;
  }

  /**
   * A live story's coverage, and each update as its page shows it (its words for machines are read from it), and the
   * addresses of its feeds of its updates when they are written.
   */
  #live(item: CollectionItem): LiveMetadataSource {
    const { live, options } = this.state;
    const path = String(item.url);
    const page: EleventyPage = { url: item.url, inputPath: item.inputPath };
    let context: ReturnType<typeof live.contextFor> | undefined;
    return {
      coverage: live.coverageOf(item),
      markup: (update) => live.markupOf(item, update, page, () => (context ??= live.contextFor(page, item.data))),
      feeds: options.live.feeds && options.site ? { atom: liveFeedPath(path, "atom"), json: liveFeedPath(path, "json") } : undefined,
    };
  }

  /**
   * For the feeds and sitemaps: while previewing, a story whose metadata is wrong is left out of them (its page shows
   * the error) instead of stopping every rebuild; a build stops with the error, as for any other fault.
   */
  storyIfReadable(item: CollectionItem): StoryMetadata | undefined {
    try {
      return this.story(item);
    } catch (error) {
      if (!(error instanceof NewsroomError) || !this.state.previewing) throw error;
      this.state.reportOnce(error, "(The story is left out of the feeds and sitemaps until this is fixed.)");
      return undefined;
    }
  }

  /** The same, from the data a shortcode sees. */
  storyOfPage(data: Record<string, unknown>): StoryMetadata {
    const page = (data["page"] ?? {}) as EleventyPage & { date?: Date };
    return this.story({ url: page.url ?? false, inputPath: page.inputPath ?? "", date: page.date ?? new Date(NaN), data, rawInput: page.rawInput });
  }

  /** Runs once per story and build: Google's recommendations as warnings, or errors in strict mode. */
  check(story: StoryMetadata, file: string, checks: (story: StoryMetadata) => NewsroomError[]): void {
    if (this.#checked.has(file)) return;
    this.#checked.add(file);
    const problems = checks(story);
    if (problems.length === 0) return;
    if (this.state.options.strict) throw problems[0];
    for (const problem of problems) console.warn(`${problem.message} (a warning; strict: true makes it an error)`);
  }
}

/**
 * `{% newsroomMetadata %}` in the `<head>`, `{% newsroomByline %}` under the headline and `{% newsroomCorrections %}`
 * at the foot of the story. They read the page's data themselves (an 11ty.js template passes it as the argument).
 */
export function registerMetadataShortcodes(config: EleventyConfig, state: BuildState, reader: StoryMetadataReader): void {
  const names = state.options.shortcodes;
  const render = (self: ShortcodeThis | undefined, explicit: unknown, draw: (story: StoryMetadata, data: Record<string, unknown>) => string): string => {
    const data = pageData(self, explicit);
    const page = (data["page"] ?? self?.page) as EleventyPage | undefined;
    try {
      if (!reader.isStory(data)) return "";
      return draw(reader.storyOfPage(data), data);
    } catch (error) {
      if (!(error instanceof NewsroomError)) throw error;
      return state.reportInPlace(error.locate({ file: page?.inputPath }));
    }
  };
  const dates = (data: Record<string, unknown>): DateOptions => {
    const page = data["page"] as EleventyPage | undefined;
    const lang = typeof data["lang"] === "string" && isLocale(data["lang"]) ? data["lang"] : page?.lang;
    return { ...state.options, locale: typeof lang === "string" ? lang : state.options.locale };
  };

  config.addShortcode(names.metadata, function (this: ShortcodeThis, explicit?: unknown) {
    return render(this, explicit, (story, data) => {
      const file = String((data["page"] as EleventyPage | undefined)?.inputPath ?? "");
      const site = reader.site(file);
      reader.check(story, file, (checked) => checkStory(checked, site).map((warning) => metadataWarningError(warning, file)));
      return renderStoryHead(story, site).toString();
    });
  });
  config.addShortcode(names.byline, function (this: ShortcodeThis, explicit?: unknown) {
    return render(this, explicit, (story, data) => renderByline(story, { labels: state.options.labels, dates: dates(data) }).toString());
  });
  config.addShortcode(names.corrections, function (this: ShortcodeThis, explicit?: unknown) {
    return render(this, explicit, (story, data) => {
      const page = data["page"] as EleventyPage | undefined;
      return renderCorrections(story.corrections, state.renderContext(page, { page }), dates(data)).toString();
    });
  });
}
