import type MarkdownIt from "markdown-it";
import {
  extractStoryElements,
  filterSubject,
  FRONT_MATTER_ELEMENTS,
  NewsroomError,
  pageRepeatsPullQuote,
  parseElement,
  pullQuoteNotInBody,
  type NewsroomElement,
  type ParseOptions,
  type LiveUpdate,
  type PullQuote,
  type SafeHtml,
} from "../src/index.js";
import type { CollectionItem, EleventyPage } from "./eleventy.js";
import { PAIRED_SHORTCODES } from "./pairedShortcodes.js";

/** What the story elements need of the build (the plugin's BuildState gives it; declared here, so neither imports the other). */
export interface StoryElementsBuild {
  readonly parseOptions: ParseOptions;
  readonly previewing: boolean;
  readonly markdown: MarkdownIt;
  readonly options: {
    readonly shortcodes: Readonly<Record<"highlights" | "quote" | "pullquote" | "video" | "dateline", string>>;
    readonly filters: Readonly<Record<"highlights" | "quote" | "pullquote" | "video", string>>;
  };
  reportOnce(error: NewsroomError, note?: string): void;
  bodyLineOffset(page: EleventyPage | undefined): number;
  /** How the elements of a page with this data are read (a live update in its story's time zone). */
  parseOptionsFor(data: Record<string, unknown>): ParseOptions;
}

/** An element of a story as the collections and the story's metadata know it. */
export interface StoryElement {
  element: NewsroomElement;
  origin: "front matter" | "content";
}

/** What one render of a page's content held. */
interface PageRender {
  /** The elements, in the order the render made them, with the markup each became. */
  elements: Array<{ element: NewsroomElement; markup: string }>;
  /** While previewing: an element of the page could not be built (the page shows the error in its place). */
  failed: boolean;
  /** In a build: the first element of the page that could not be built, thrown once the render is over. */
  error?: NewsroomError | undefined;
  /** The content the render produced (the page without its layout). */
  content: string;
  /** Whether the collections have read the page: what its layout renders later is not in them. */
  read: boolean;
  /** The page's front matter elements, once read: its layout renders them, and they are in the collections. */
  frontMatter: ReadonlySet<NewsroomElement>;
  /** The content's elements in the page's order, once worked out (an incremental rebuild reuses an unchanged page's). */
  ordered?: PageRender["elements"] | undefined;
  /**
   * Read from the page's source, not rendered early: its content needs what Eleventy makes only after the collections
   * (data computed from collections, the content map, other pages' content). Eleventy renders it at its usual time.
   */
  fromSource?: boolean;
}

const newRender = (): PageRender => ({ elements: [], failed: false, content: "", read: false, frontMatter: new Set() });

/** Eleventy 3's page entry, as the collections API hands it out: the page and the template that renders it. */
interface PageEntry extends CollectionItem {
  template?: {
    renderPageEntryWithoutLayout?(entry: PageEntry): Promise<string>;
    renderDirect?(source: string | undefined, data: object): Promise<string>;
    renderCount?: number;
    /** The render Eleventy keeps for the page (`renderPageEntryWithoutLayout` is async: it returns a new promise each call). */
    _cacheRenderedPromise?: Promise<string>;
    resetCaches?(types: { render: boolean }): void;
    /** Eleventy's computed data of the page: its queue still holds the keys computed from collections, until later. */
    computedData?: { queue?: { getOrder?(): string[] } };
  };
}

/** The element types a collection lists (datelines are in none). */
const COLLECTED = new Set<NewsroomElement["type"]>(["highlights", "quote", "pullquote", "video"]);

/** What the log adds to a problem that leaves a story out of the collections while previewing. */
export const LEFT_OUT = "(The story's elements are left out of the collections until this is fixed.)";

const pageKey = (page: { inputPath?: string | undefined; url?: string | false | undefined }) => `${page.inputPath ?? ""}\0${String(page.url)}`;

/**
 * What each story page holds, as its render made it. The collections ask Eleventy to render each story page's content
 * (Eleventy keeps that render and uses it for the page: no page is rendered twice), and every element rendered during
 * it, by Markdown, a shortcode, a filter, an include, a macro or an 11ty.js function, is the page's, with the page's
 * own data: a page paginated from a feed, a title from `eleventyComputed`, an element in a partial. What a reading of
 * the source could not know, the render knows.
 *
 * Front matter elements (`highlights`, `video`) are the story's too: its layout renders them, and layouts render
 * after the collections are made. Any other element a layout renders on a story page cannot be in the collections;
 * the build says so once, with the file and the fix.
 */
export class StoryElements {
  /** The page whose content the collections are rendering now: what is rendered meanwhile is its. */
  #current: { inputPath: string; url?: string | false; render: PageRender } | undefined;
  /** Every page's content render in this build, by input path and URL, made for the collections or by Eleventy. */
  #renders = new Map<string, PageRender>();
  /** Renders by the render Eleventy keeps for a page: a later incremental build reuses an unchanged page's, and its elements. */
  #byPromise = new WeakMap<Promise<string>, PageRender>();
  /** The elements of front matter values, parsed once per value and build, whichever page or filter asks. */
  #parsedValues = new WeakMap<object, NewsroomElement>();
  /** Elements that are collection items: rendered on a listing (or any) page, they are not that page's own. */
  #items = new WeakSet<object>();

  constructor(readonly state: StoryElementsBuild) {}

  /** Called before every build. */
  reset(): void {
    this.#current = undefined;
    this.#renders.clear();
    this.#parsedValues = new WeakMap();
  }

  /** Called for every element rendered, with the page it is rendered for (undefined in a Liquid `{% render %}`). */
  record(page: EleventyPage | undefined, element: NewsroomElement, markup: SafeHtml): void {
    if (this.#items.has(element)) return;
    const current = this.#current;
    if (current && (page?.inputPath === undefined || page.inputPath === current.inputPath)) {
      current.render.elements.push({ element, markup: markup.toString() });
      return;
    }
    if (page?.inputPath === undefined) return;
    const key = pageKey(page);
    let render = this.#renders.get(key);
    if (!render) this.#renders.set(key, (render = newRender()));
    if (render.fromSource) return;
    if (render.read) this.#warnIfUncounted(page, render, element);
    else render.elements.push({ element, markup: markup.toString() });
  }

  /**
   * The page the collections are rendering now, for an element rendered without one (a Liquid `{% render %}` partial's
   * scope holds no page): it is that page's, and so is the stylesheet it needs.
   */
  currentPage(): EleventyPage | undefined {
    const current = this.#current;
    return current && { inputPath: current.inputPath, url: current.url };
  }

  /**
   * Whether an element that cannot be built belongs to a page the collections are rendering. While previewing, that
   * page is left out of them (it shows the error in the element's place). In a build, the error is kept and thrown
   * when the render is over, from the collections: not from inside the template engine, which would wrap it in an
   * error of its own that repeats the message (LiquidJS's RenderError).
   */
  holdFailure(error: NewsroomError, previewing: boolean): boolean {
    const current = this.#current;
    if (!current) return false;
    current.render.failed = true;
    if (!previewing) current.render.error ??= error;
    return true;
  }

  /** Parses a front matter value (or a filter's subject) once per build: every page and filter gets the same element. */
  parseValue<T extends NewsroomElement["type"]>(type: T, value: unknown, file: string | undefined): NewsroomElement {
    const cached = typeof value === "object" && value !== null ? this.#parsedValues.get(value) : undefined;
    if (cached?.type === type) return cached;
    const element = parseElement(type, filterSubject(type, value) as Record<string, unknown>, { file }, this.state.parseOptions);
    if (typeof value === "object" && value !== null) this.#parsedValues.set(value, element);
    return element;
  }

  /**
   * The elements of a story page for the collections: front matter first, then the content's, in the page's order.
   * Renders the page's content if Eleventy has not yet. Undefined while previewing a page with a broken element.
   */
  async forCollections(item: PageEntry): Promise<StoryElement[] | undefined> {
    const render = await this.#renderContent(item);
    if (render.error) throw render.error;
    // Kept even when an element failed (while previewing): a live story's blog still shows its good updates.
    this.#renders.set(pageKey(item), render);
    if (render.failed) return undefined;
    let elements: StoryElement[];
    try {
      elements = this.#storyElements(item, render);
    } catch (error) {
      if (!(error instanceof NewsroomError) || !this.state.previewing) throw error;
      this.state.reportOnce(error, LEFT_OUT);
      return undefined;
    }
    // A render an incremental rebuild reuses was checked when it was made (and its warnings printed then).
    if (!render.read && !render.fromSource) this.#checkPullQuotes(item, render);
    render.read = true;
    return elements;
  }

  /**
   * The elements of a story page for its metadata (JSON-LD, feeds), once its content is rendered: the collections'
   * reading of it, or, for a story not in them (excluded), what Eleventy's render of its content held. (While
   * previewing, a story left out for a broken element has only its front matter's.)
   */
  ofPage(item: CollectionItem): StoryElement[] {
    const render = this.#renders.get(pageKey(item));
    return this.#storyElements(item, render && !render.failed ? render : newRender());
  }

  /**
   * The live updates a page's content rendered, each with the `<article>` it became ('' when the page was read from
   * its source: its live blog renders it then), in the order they were written.
   */
  updatesOf(page: { inputPath?: string | undefined; url?: string | false | undefined }): Array<{ element: LiveUpdate; markup: string }> {
    return this.renderedOf(page).filter((rendered): rendered is { element: LiveUpdate; markup: string } => rendered.element.type === "update");
  }

  /** Every element a page's content rendered, with its markup, in the order they were rendered. */
  renderedOf(page: { inputPath?: string | undefined; url?: string | false | undefined }): ReadonlyArray<{ element: NewsroomElement; markup: string }> {
    return this.#renders.get(pageKey(page))?.elements ?? [];
  }

  /** A story's content read an element collection while the collections were rendering it for them. */
  warnEarlyRead(collection: string): void {
    this.state.reportOnce(
      new NewsroomError({
        element: `collections.${collection}`,
        problem: "the story's content lists an element collection, which is made from the stories' renders, so it is still empty there",
        fix: "list the collection in the story's layout or on a listing page (layouts render after the collections are made)",
        file: this.#current?.inputPath,
      }),
    );
  }

  /** Marks an element as a collection item: the page it is rendered on does not hold it as its own. */
  markItem(element: object): void {
    this.#items.add(element);
  }

  /** A copy of an element (a pull quote shown as a quote on a listing) is an item when the element is one. */
  asItemOf<T extends object>(element: object, copy: T): T {
    if (this.#items.has(element)) this.#items.add(copy);
    return copy;
  }

  async #renderContent(item: PageEntry): Promise<PageRender> {
    const template = item.template;
    if (typeof template?.renderPageEntryWithoutLayout !== "function") {
      throw new NewsroomError({
        element: "collections",
        problem: "this Eleventy does not give collection items a template to render (Eleventy 3 does)",
        fix: "use @11ty/eleventy 3",
        file: item.inputPath,
      });
    }
    // An incremental rebuild keeps an unchanged page's render: its reading is kept with it.
    const kept = template._cacheRenderedPromise;
    const known = kept && this.#byPromise.get(kept);
    if (known) return known;
    // Data computed from collections is computed after them: rendered now, the page would show it unmade.
    if ((template.computedData?.queue?.getOrder?.() ?? []).length > 0) return this.#fromSource(item);
    const render = newRender();
    const before = template.renderCount;
    this.#current = { inputPath: item.inputPath, url: item.url, render };
    try {
      const promise = template.renderPageEntryWithoutLayout(item);
      if (template.renderCount !== before) {
        if (template._cacheRenderedPromise) this.#byPromise.set(template._cacheRenderedPromise, render);
        try {
          render.content = await promise;
        } catch (error) {
          if (error instanceof NewsroomError) throw error;
          // The content needs what Eleventy makes after the collections (another page's content, the content map for
          // `inputPathToUrl`): Eleventy renders it again at its usual time, and the collections read its source.
          template.resetCaches?.({ render: true });
          return this.#fromSource(item);
        }
        return render;
      }
      // Eleventy had rendered it already, but not for the collections (another plugin's collection, say): the page is
      // rendered again, for the collections alone. (Eleventy awaits its own render; this copy of it is not needed.)
      promise.catch(() => undefined);
      if (typeof template.renderDirect !== "function") return render;
      render.content = await template.renderDirect(item.rawInput, item.data);
      return render;
    } finally {
      this.#current = undefined;
    }
  }

  /** The elements of a page that cannot be rendered before the collections, read from its source as it is written. */
  #fromSource(item: PageEntry): PageRender {
    this.#current = undefined;
    const { shortcodes, filters } = this.state.options;
    const source = typeof item.data.page?.rawInput === "string" ? item.data.page.rawInput : typeof item.rawInput === "string" ? item.rawInput : "";
    const result = extractStoryElements(
      { data: item.data, body: source, isMarkdown: item.inputPath.endsWith(".md"), file: item.inputPath, lineOffset: this.state.bodyLineOffset(item.data.page) },
      {
        markdown: this.state.markdown,
        shortcodes,
        pairedShortcodes: PAIRED_SHORTCODES,
        filters,
        parseOptions: this.state.parseOptionsFor(item.data),
        // What the Markdown plugin reads of the page's data (Eleventy's env is the whole data): the zone of its updates.
        markdownEnv: { page: item.data.page, live: item.data["live"], timeZone: item.data["timeZone"] },
      },
    );
    for (const warning of result.warnings) this.state.reportOnce(warning);
    const render = newRender();
    render.fromSource = true;
    // Its front matter elements are the page's like any page's (see #storyElements).
    render.elements = result.elements.filter((found) => found.origin !== "front matter").map(({ element }) => ({ element, markup: "" }));
    render.ordered = render.elements;
    return render;
  }

  #storyElements(item: CollectionItem, render: PageRender): StoryElement[] {
    const found: StoryElement[] = [];
    const fromFrontMatter = new Set<NewsroomElement>();
    render.frontMatter = fromFrontMatter;
    for (const type of ["highlights", "video"] as const) {
      const value: unknown = item.data[FRONT_MATTER_ELEMENTS[type]];
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
      const element = this.parseValue(type, value, item.inputPath);
      fromFrontMatter.add(element);
      found.push({ element, origin: "front matter" });
    }
    // A story whose content renders its front matter video (`{{ video | newsroomVideo }}`) has it once: the same element,
    // or (a render an incremental rebuild reuses holds the last build's) an element of the same fields.
    const frontMatterFields = fromFrontMatter.size === 0 ? undefined : new Set([...fromFrontMatter].map((element) => JSON.stringify(element)));
    for (const { element } of (render.ordered ??= inPageOrder(render))) {
      if (!COLLECTED.has(element.type) || fromFrontMatter.has(element)) continue;
      if (frontMatterFields?.has(JSON.stringify(element))) continue;
      found.push({ element, origin: "content" });
    }
    return found;
  }

  /** A pull quote repeats the page's words: one that does not is a warning, once per build. */
  #checkPullQuotes(item: CollectionItem, render: PageRender): void {
    const pullQuotes = render.elements.filter((rendered) => rendered.element.type === "pullquote");
    if (pullQuotes.length === 0) return;
    const markups = pullQuotes.map((rendered) => rendered.markup);
    for (const { element } of pullQuotes) {
      const quote = element as PullQuote;
      if (pageRepeatsPullQuote(render.content, markups, quote.text)) continue;
      // A live story's updates are shown by its live blog, not in its content: their words are the page's too.
      const updates = render.elements.filter((rendered) => rendered.element.type === "update").map((rendered) => rendered.markup);
      if (updates.length > 0 && pageRepeatsPullQuote(`${render.content}\n${updates.join("\n")}`, markups, quote.text)) continue;
      this.state.reportOnce(pullQuoteNotInBody(quote, { file: item.inputPath, line: this.#lineOfPullQuote(item, quote) }));
    }
  }

  /**
   * Where a pull quote is written, when its words stand in the page's source once (a pull quote that the body does not
   * repeat usually does): the line of its `:::` marker or shortcode, else of its words.
   */
  #lineOfPullQuote(item: CollectionItem, quote: PullQuote): number | undefined {
    const source = typeof item.data.page?.rawInput === "string" ? item.data.page.rawInput : item.rawInput;
    const words = quote.text.split("\n")[0]!.trim();
    if (typeof source !== "string" || words === "") return undefined;
    const at = source.indexOf(words);
    if (at === -1 || source.indexOf(words, at + 1) !== -1) return undefined;
    const lines = source.slice(0, at).split("\n");
    const name = this.state.options.shortcodes.pullquote;
    const opensBefore = lines.length >= 2 && new RegExp(`^\\s*(?:>\\s*)*:{3,}\\s*${name}\\b`).test(lines.at(-2)!) && lines.at(-1)!.trim() === "";
    return lines.length - (opensBefore ? 1 : 0) + this.state.bodyLineOffset(item.data.page);
  }

  /** An element rendered on a story page after its collections were made: its layout's, unless it is front matter's. */
  #warnIfUncounted(page: EleventyPage, render: PageRender, element: NewsroomElement): void {
    if (!COLLECTED.has(element.type) || render.frontMatter.has(element)) return;
    this.state.reportOnce(
      new NewsroomError({
        element: element.type,
        problem: `a ${element.type} is rendered on this story's page outside its content (by its layout), so it is not in the collections, which are made before layouts render`,
        fix: "write it in the story's content, or give it in front matter (highlights:, video:) and render that in the layout",
        file: page.inputPath,
      }),
    );
  }
}

/**
 * A page's elements in the order its content shows them. Markdown renders after a Markdown story's template code, so
 * the render meets shortcodes before `:::` blocks: each element's place is where its markup stands in the content.
 */
function inPageOrder(render: PageRender): PageRender["elements"] {
  const from = new Map<string, number>();
  let last = -1;
  const placed = render.elements.map((rendered, order) => {
    const at = render.content.indexOf(rendered.markup, from.get(rendered.markup) ?? 0);
    if (at !== -1) from.set(rendered.markup, at + rendered.markup.length);
    last = at === -1 ? last : at;
    return { rendered, at: at === -1 ? last : at, order };
  });
  return placed.sort((a, b) => a.at - b.at || a.order - b.order).map((entry) => entry.rendered);
}
