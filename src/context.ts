/** What renderers need besides the element: the site's Markdown, its words, and the page's id registry. */
import type { SafeHtml } from "./html.js";
import type { ImagePipeline } from "./images/image.js";
import type { NewsroomElement } from "./types.js";
import type { DateOptions } from "./values/dates.js";

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
  /** A live story's status while its coverage runs. */
  liveNow: string;
  /** A live story's status once its coverage has ended. */
  coverageEnded: string;
  /** Heading of the list of a live story's key events. */
  keyEvents: string;
  /** The mark on a key event. */
  keyEvent: string;
  /** The mark on the pinned update. */
  pinned: string;
  /** The name of the list of a live story's updates (read by screen readers). */
  latestUpdates: string;
  /** Under an edited update; `{time}` is replaced by the time of the edit. */
  updateEdited: string;
  /** Heading of the links to a live story's older pages of updates. */
  earlierUpdates: string;
  /** The title of a numbered page of older updates; `{title}` is the story's (its `shortTitle` when it has one). */
  updatesPageTitle: string;
  /** A link to one older page of updates; `{number}` is its number, `{from}` and `{to}` the times of its first and last update. */
  updatesPage: string;
  /** The control that shows updates that came in while the page was open; `{count}` is their number (2 or more). */
  newUpdates: string;
  /** The same control for a single update. */
  newUpdate: string;
  /** The link from an older page of updates back to the live page. */
  backToLive: string;
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
  liveNow: "Live",
  coverageEnded: "Coverage has ended",
  keyEvents: "Key events",
  keyEvent: "Key event",
  pinned: "Pinned",
  latestUpdates: "Updates",
  updateEdited: "Updated {time}",
  earlierUpdates: "Earlier updates",
  updatesPageTitle: "{title}: updates, page {number}",
  updatesPage: "Page {number}: {from} to {to}",
  newUpdates: "{count} new updates",
  newUpdate: "1 new update",
  backToLive: "Back to the latest updates",
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
  liveNow: "En vivo",
  coverageEnded: "La cobertura ha terminado",
  keyEvents: "Momentos clave",
  keyEvent: "Momento clave",
  pinned: "Fijado",
  latestUpdates: "Actualizaciones",
  updateEdited: "Actualizado a las {time}",
  earlierUpdates: "Actualizaciones anteriores",
  updatesPageTitle: "{title}: actualizaciones, página {number}",
  updatesPage: "Página {number}: de {from} a {to}",
  newUpdates: "{count} actualizaciones nuevas",
  newUpdate: "1 actualización nueva",
  backToLive: "Volver a las últimas actualizaciones",
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
  /** How a live story's times are shown (its locale and time format); the site's when not given. */
  dates?: Pick<DateOptions, "locale"> & { timeFormat?: string | undefined } | undefined;
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
