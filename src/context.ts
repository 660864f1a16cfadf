/** What renderers need besides the element: the site's Markdown, its words, and the page's id registry. */
import type { SafeHtml } from "./html.js";
import type { ImagePipeline } from "./images/image.js";
import type { NewsroomElement } from "./types.js";

/** The part of markdown-it that renderers use; any markdown-it instance fits. */
export interface MarkdownRenderer {
  render(source: string, env?: object): string;
  renderInline(source: string, env?: object): string;
}

/** Every visible word the plugin writes, so a site can translate them. */
export interface Labels {
  /** Heading of the story highlights box. */
  highlightsHeading: string;
  /** The video credit; `{source}` is replaced by the credit. */
  videoSource: string;
  /** Visible text of the play control; its accessible name adds ": {title} ({duration})". */
  playVideo: string;
  /** The mark that ends a dateline, e.g. "—" in "CNN —". */
  datelineSeparator: string;
  /** The player's frame title (read by screen readers); `{title}` is the video's title. */
  videoFrameTitle: string;
  /** The link to a video's transcript. */
  transcript: string;
  /** The label of a captions track. */
  captions: string;
  /** The byline; `{authors}` is replaced by the authors' names, joined as the locale joins a list. */
  byline: string;
  /** `{date}` is replaced by the publication date. */
  published: string;
  /** `{date}` is replaced by the date of the latest update or correction. */
  updated: string;
  /** Heading of the dated notices at the foot of a story. */
  correctionsHeading: string;
  /** The word before a correction's date. */
  correction: string;
  /** The word before an update's date. */
  update: string;
}

export const DEFAULT_LABELS: Readonly<Labels> = Object.freeze({
  highlightsHeading: "Story highlights",
  videoSource: "Source: {source}",
  playVideo: "Play video",
  datelineSeparator: "—",
  videoFrameTitle: "Video: {title}",
  transcript: "Transcript",
  captions: "Captions",
  byline: "By {authors}",
  published: "Published {date}",
  updated: "Updated {date}",
  correctionsHeading: "Corrections and updates",
  correction: "Correction",
  update: "Update",
});

/** A complete Spanish set (Mexican usage: "video", not "vídeo"), for `labels: SPANISH_LABELS` with `locale: "es-MX"`. */
export const SPANISH_LABELS: Readonly<Labels> = Object.freeze({
  highlightsHeading: "Lo más destacado",
  videoSource: "Fuente: {source}",
  playVideo: "Reproducir video",
  datelineSeparator: "—",
  videoFrameTitle: "Video: {title}",
  transcript: "Transcripción",
  captions: "Subtítulos",
  byline: "Por {authors}",
  published: "Publicado el {date}",
  updated: "Actualizado el {date}",
  correctionsHeading: "Correcciones y actualizaciones",
  correction: "Corrección",
  update: "Actualización",
});

/** Hands out ids that are unique on one page; the adapter keeps one registry per page and build. */
export interface IdRegistry {
  claim(base: string): string;
}

export function createIdRegistry(): IdRegistry {
  const used = new Set<string>();
  // The next number to try for each base, so the k-th claim of a base does not retry the k-1 taken before it.
  const next = new Map<string, number>();
  return {
    claim(base) {
      let n = next.get(base) ?? 1;
      let id = n === 1 ? base : `${base}-${n}`;
      while (used.has(id)) id = `${base}-${++n}`;
      used.add(id);
      next.set(base, n + 1);
      return id;
    },
  };
}

export interface RenderContext {
  markdown: MarkdownRenderer;
  labels: Labels;
  ids: IdRegistry;
  /** Heading level of the highlights box (2 by default: it sits under the story's h1). */
  headingLevel: 2 | 3 | 4 | 5 | 6;
  /** False when an element is one of many alike on a listing page: it is then not a named landmark region. Default true. */
  landmark?: boolean | undefined;
  /** The element is the story's lead (e.g. the video at the top): its image loads eagerly, with high priority. */
  lead?: boolean | undefined;
  /**
   * Told of every element rendered and the markup it became, e.g. so the adapter can add the video player's script to
   * the page, and know which elements each page holds.
   */
  onRender?: ((element: NewsroomElement, markup: SafeHtml) => void) | undefined;
  /** Passed to markdown-it as `env`, so the site's Markdown plugins see the page's data. */
  env?: object | undefined;
  /** Makes posters and story images responsive (AVIF/WebP, widths, sizes); without it they are written as given. */
  images?: ImagePipeline | undefined;
}

/** Puts the values into a label's `{name}` places; a place without a value is left as it is. */
export function fillLabel(label: string, values: Readonly<Record<string, string>>): string {
  // A site has a handful of labels, each filled for many elements: each is split into text and places once.
  let parts = labelParts.get(label);
  if (parts === undefined) {
    if (labelParts.size >= 256) labelParts.clear();
    labelParts.set(label, (parts = label.split(PLACE)));
  }
  // Text at even indexes, place names at odd ones.
  let out = parts[0]!;
  for (let index = 1; index < parts.length; index += 2) out += (values[parts[index]!] ?? `{${parts[index]}}`) + parts[index + 1]!;
  return out;
}

const PLACE = /\{(\w+)\}/;
const labelParts = new Map<string, string[]>();
