import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { createIdRegistry, DEFAULT_PROVIDERS, renderErrorBox, type IdRegistry, type NewsroomError, type ParseOptions, type RenderContext } from "../src/index.js";
import { forgetReadStories } from "../src/markdown/plugin.js";
import { PageAssets } from "./assets.js";
import { SiteImages } from "./images.js";
import { LEFT_OUT, StoryElements } from "./storyElements.js";
import { LiveStories } from "./live.js";
import type { EleventyPage } from "./eleventy.js";
import { isLocale, type ResolvedOptions } from "./options.js";

/** The language of a page: its data's `lang`, else its page's (Eleventy's i18n); one that is not a locale is left out. */
function pageLanguage(page: EleventyPage | undefined, env: object | undefined): string | undefined {
  const lang = (env as { lang?: unknown } | undefined)?.lang;
  const language = typeof lang === "string" ? lang : page?.lang;
  return language !== undefined && isLocale(language) ? language : undefined;
}

/**
 * What the plugin keeps during one build: the site's markdown-it (handed over by `amendLibrary`), one id registry per
 * page (so ids are unique on each page and the same on every build), and the line where each file's body starts.
 */
export class BuildState {
  #markdown: MarkdownIt | undefined;
  #ids = new Map<string, IdRegistry>();
  #bodyLines = new Map<string, number>();
  #markdownContexts = new WeakMap<object, RenderContext>();
  #lastMarkdownContext: { env: object; context: RenderContext } | undefined;
  /** The problems printed in this build (by file, element, problem and line, and without the line), each once. */
  #reported = new Set<string>();

  /** How every syntax parses elements: the site's video providers first, then the built-in ones. */
  readonly parseOptions: ParseOptions;
  readonly assets = new PageAssets();
  /** What each story page holds, as its render made it: the collections' and the metadata's source. */
  readonly stories = new StoryElements(this);
  /** Live stories: their coverage, worked out from their updates once per build. */
  readonly live = new LiveStories(this);
  /** The image pipeline for posters and story images; undefined with `images: false`. */
  readonly images: SiteImages | undefined;

  constructor(readonly options: ResolvedOptions) {
    this.parseOptions = {
      providers: [...options.videoProviders, ...DEFAULT_PROVIDERS],
      providerThumbnails: options.providerThumbnails,
    };
    this.images = options.images ? new SiteImages(options.images) : undefined;
  }

  /** Called before every build (and every rebuild while serving). */
  reset(): void {
    this.#ids.clear();
    this.#bodyLines.clear();
    this.#markdownContexts = new WeakMap();
    this.#lastMarkdownContext = undefined;
    this.#reported.clear();
    this.assets.reset();
    this.stories.reset();
    this.live.reset();
    if (this.#markdown) forgetReadStories(this.#markdown);
  }

  /** While serving (or watching), a broken element is shown on its page instead of stopping the preview. */
  get previewing(): boolean {
    const mode = process.env["ELEVENTY_RUN_MODE"];
    return mode === "serve" || mode === "watch";
  }

  /** Throws the error in a build; while previewing, logs it (once a build) and returns the box to show in its place. */
  reportInPlace(error: NewsroomError): string {
    const inCollections = this.stories.holdFailure(error, this.previewing);
    if (!this.previewing) {
      // The collections throw it once the page's render is over (see `holdFailure`).
      if (inCollections) return "";
      throw error;
    }
    this.reportOnce(error, inCollections ? LEFT_OUT : undefined);
    return renderErrorBox(error).toString();
  }

  /**
   * Prints a problem (an error while previewing, or a warning), unless this build has printed it already: a page's
   * elements can be met more than once in a build (the collections, a layout, the metadata). `note` follows the first
   * report of it.
   */
  reportOnce(error: NewsroomError, note?: string): void {
    // A problem met once with its line and once without (a shortcode's render knows its line only when the tag is
    // written once in the file) is the same problem: printed once.
    const problem = `${error.file ?? ""}\0${error.element}\0${error.problem}\0`;
    const key = `${problem}${error.line ?? ""}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key).add(problem);
    console.warn(note ? `${error.message} ${note}` : error.message);
  }

  parseOptionsFor(data: Record<string, unknown>): ParseOptions {
    return this.live.parseOptionsFor(data);
  }

  useMarkdown(md: MarkdownIt): void {
    this.#markdown = md;
  }

  /** The site's markdown-it; a site that never builds Markdown gets a default one, as Eleventy would set it up. */
  get markdown(): MarkdownIt {
    this.#markdown ??= new MarkdownIt({ html: true });
    return this.#markdown;
  }

  idsFor(page: EleventyPage | undefined): IdRegistry {
    const key = page ? String(page.outputPath || page.url || page.inputPath) : "";
    if (!page) return createIdRegistry();
    let registry = this.#ids.get(key);
    if (!registry) this.#ids.set(key, (registry = createIdRegistry()));
    return registry;
  }

  renderContext(page: EleventyPage | undefined, env?: object, lead = false): RenderContext {
    return {
      markdown: this.markdown,
      labels: this.options.labels,
      headingLevel: this.options.headingLevel,
      ids: this.idsFor(page),
      env,
      lead,
      // A live update's times are shown as its live blog shows times (LiveStories.contextFor): in the page's language
      // and the live time format. Without it, an update written in the content was always "9:05 pm EDT" (en-US and the
      // default format), whatever the site's locale and `live.timeFormat`.
      dates: { locale: pageLanguage(page, env) ?? this.options.locale, timeFormat: this.options.live.timeFormat },
      onRender: (element, markup) => {
        this.assets.add(page?.url === undefined ? (this.stories.currentPage() ?? page) : page, element);
        this.stories.record(page, element, markup);
      },
      images: this.images,
    };
  }

  /** The context of the Markdown elements of one render (one `env`): the elements of a page share it. */
  markdownContext(env: { page?: EleventyPage }): RenderContext {
    // A page's elements render one after another: most calls ask for the context the last one asked for.
    if (this.#lastMarkdownContext?.env === env) return this.#lastMarkdownContext.context;
    let context = this.#markdownContexts.get(env);
    if (!context) this.#markdownContexts.set(env, (context = this.renderContext(env.page, env)));
    this.#lastMarkdownContext = { env, context };
    return context;
  }

  /** Lines before the template body (its front matter), read from the file only when an error needs them. */
  bodyLineOffset(page: EleventyPage | undefined): number {
    const file = page?.inputPath;
    const body = page?.rawInput;
    if (!file || body === undefined) return 0;
    let offset = this.#bodyLines.get(file);
    if (offset === undefined) {
      try {
        const whole = readFileSync(file, "utf8").replace(/\r\n?/g, "\n");
        const at = body === "" ? -1 : whole.lastIndexOf(body.replace(/\r\n?/g, "\n"));
        offset = at > 0 ? whole.slice(0, at).split("\n").length - 1 : 0;
      } catch {
        offset = 0;
      }
      this.#bodyLines.set(file, offset);
    }
    return offset;
  }
}
