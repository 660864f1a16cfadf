/**
 * What the CMS preview shows is what the build publishes: the body through markdown-it with the plugin's Markdown
 * plugin, every element through `renderElement`, and the front matter elements (lead image, lead video, highlights,
 * dateline) in the order and with the settings the example layout uses. An element that does not parse shows the
 * plugin's error box in its place, as `npm start` does.
 */
import MarkdownIt, { type Options as MarkdownItOptions } from "markdown-it";
import { createIdRegistry, DEFAULT_LABELS, type Labels, type RenderContext } from "../context.js";
import { parseElement, renderElement, type ParseOptions } from "../elements/index.js";
import { renderErrorBox } from "../elements/errorBox.js";
import { NewsroomError } from "../errors.js";
import { escapeHtml } from "../html.js";
import { parseStoryImage, renderStoryImage } from "../images/storyImage.js";
import { newsroomMarkdown, type ContainerElementType } from "../markdown/plugin.js";
import type { ElementType } from "../types.js";
import { DEFAULT_PROVIDERS, type VideoProvider } from "../video/providers.js";
import { canonicalValues, DEFAULT_BLOCK_NAMES, type BlockNames } from "./blocks.js";

export interface PreviewOptions {
  /** The words readers see (SPANISH_LABELS for a Spanish site). */
  labels?: Labels | undefined;
  /** The shortcode names, when the site renames them. */
  names?: BlockNames | undefined;
  /** The site's time zone: a live update's local time is read in it. Default "UTC". */
  timeZone?: string | undefined;
  /** The site's own video providers, tried before the built-in ones. */
  videoProviders?: readonly VideoProvider[] | undefined;
  /** markdown-it's options; Eleventy's default is `{ html: true }`. */
  markdownOptions?: MarkdownItOptions | undefined;
}

/** A story's front matter, as the CMS holds it. */
export interface StoryPreviewData {
  title?: unknown;
  section?: unknown;
  dateline?: unknown;
  highlights?: unknown;
  video?: unknown;
  image?: unknown;
  body?: unknown;
}

interface CollectingEnv {
  errors: NewsroomError[];
}

/** Drops empty fields of a front matter value (a CMS writes them as empty strings), as a YAML writer leaves them out. */
function withoutEmptyFields(value: unknown): unknown {
  const plain = (value as { toJS?: () => unknown } | null)?.toJS?.() ?? value;
  if (Array.isArray(plain)) return plain.filter((item) => item !== "" && item !== null && item !== undefined);
  if (typeof plain !== "object" || plain === null) return plain;
  return Object.fromEntries(Object.entries(plain).filter(([, field]) => field !== "" && field !== null && field !== undefined));
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0) || (typeof value === "object" && !Array.isArray(value) && Object.keys(value as object).length === 0);

export class NewsroomPreview {
  readonly labels: Labels;
  readonly names: BlockNames;
  readonly parseOptions: ParseOptions;
  readonly markdown: MarkdownIt;
  #context: RenderContext;

  constructor(options: PreviewOptions = {}) {
    this.labels = options.labels ?? DEFAULT_LABELS;
    this.names = options.names ?? DEFAULT_BLOCK_NAMES;
    this.parseOptions = { providers: [...(options.videoProviders ?? []), ...DEFAULT_PROVIDERS], timeZone: options.timeZone ?? "UTC" };
    this.markdown = new MarkdownIt(options.markdownOptions ?? { html: true });
    // After the markdown-it it holds (created before it, the context had none until the first render).
    this.#context = this.#newContext();
    this.markdown.use(newsroomMarkdown, {
      names: this.names,
      parseOptions: this.parseOptions,
      renderContext: () => this.#context,
      onError: (error: NewsroomError, env: object) => {
        (env as Partial<CollectingEnv>).errors?.push(error);
        return renderErrorBox(error).toString();
      },
    });
  }

  #newContext(): RenderContext {
    return { markdown: this.markdown, labels: this.labels, ids: createIdRegistry(), headingLevel: 2 };
  }

  /** The HTML of one element from its form values, as the build renders the block those values become. */
  renderBlockValues(type: ContainerElementType, values: unknown): string {
    this.#context = this.#newContext();
    try {
      return renderElement(parseElement(type, canonicalValues(type, values), {}, this.parseOptions), this.#context).toString();
    } catch (error) {
      if (error instanceof NewsroomError) return renderErrorBox(error).toString();
      throw error;
    }
  }

  /** The story's body as the build renders it. */
  renderBody(markdown: string): string {
    this.#context = this.#newContext();
    return this.#renderBodyInContext(markdown);
  }

  #renderBodyInContext(markdown: string): string {
    return this.markdown.render(markdown, { errors: [] } satisfies CollectingEnv);
  }

  /** The first error in a body (each element parsed and rendered as the build does), or undefined. */
  checkBody(markdown: string): NewsroomError | undefined {
    this.#context = this.#newContext();
    const env: CollectingEnv = { errors: [] };
    this.markdown.render(markdown, env);
    return env.errors[0];
  }

  /** The error a front matter element would stop the build with, or undefined (an empty value renders nothing). */
  checkFrontMatter(type: Extract<ElementType, "highlights" | "video" | "dateline"> | "image", value: unknown): NewsroomError | undefined {
    this.#context = this.#newContext();
    try {
      this.#renderFrontMatter(type, value);
      return undefined;
    } catch (error) {
      if (error instanceof NewsroomError) return error;
      throw error;
    }
  }

  #renderFrontMatter(type: Extract<ElementType, "highlights" | "video" | "dateline"> | "image", raw: unknown, lead = false): string {
    const value = withoutEmptyFields(raw);
    if (isEmpty(value)) return "";
    if (type === "image") return renderStoryImage(parseStoryImage(value), { lead }).toString();
    const input = type === "dateline" ? { text: value } : type === "highlights" ? { items: value } : value;
    const element = parseElement(type, input as Record<string, unknown>, {}, this.parseOptions);
    return renderElement(element, Object.assign({}, this.#context, { lead })).toString();
  }

  #frontMatterOrBox(type: Extract<ElementType, "highlights" | "video" | "dateline"> | "image", value: unknown, lead = false): string {
    try {
      return this.#renderFrontMatter(type, value, lead);
    } catch (error) {
      if (error instanceof NewsroomError) return renderErrorBox(error.locate({ file: `front matter "${type}"` })).toString();
      throw error;
    }
  }

  /**
   * A story as the example site's layout (`site/_includes/layouts/story.njk`) lays it out: section, headline, the lead
   * image, the lead video, the highlights, then the body opened by the dateline. The byline, metadata and live blog
   * are the build's.
   */
  renderStory(data: StoryPreviewData): string {
    this.#context = this.#newContext();
    const text = (value: unknown) => escapeHtml(typeof value === "string" ? value : value instanceof Date ? value.toISOString() : "");
    const lines = [
      `<article class="story">`,
      `<header class="story__header">`,
      `<p class="story__section">${text(data.section)}</p>`,
      `<h1 class="story__headline">${text(data.title)}</h1>`,
      `</header>`,
      this.#frontMatterOrBox("image", data.image, true),
      this.#frontMatterOrBox("video", data.video, true),
      this.#frontMatterOrBox("highlights", data.highlights),
      `<div class="story__body">`,
      this.#frontMatterOrBox("dateline", data.dateline),
      this.#renderBodyInContext(typeof data.body === "string" ? data.body : ""),
      `</div>`,
      `</article>`,
    ];
    return lines.filter((line) => line !== "").join("\n");
  }
}
