/**
 * The public vocabulary of the news core: one discriminated union of elements, tagged by `type`. Adding an element is
 * adding one interface here, one file in `elements/`, and one case in `elements/index.ts`; the compiler finds the rest.
 */
import type { Duration } from "./values/duration.js";
import type { AspectRatio } from "./values/aspectRatio.js";
import type { VideoSource } from "./video/providers.js";

export type ElementType = "highlights" | "quote" | "pullquote" | "video" | "dateline" | "update";

export const ELEMENT_TYPES: readonly ElementType[] = ["highlights", "quote", "pullquote", "video", "dateline", "update"];

/** A short list of the story's main points. Each item is one line of inline Markdown. */
export interface StoryHighlights {
  type: "highlights";
  items: string[];
}

interface AttributedWords {
  /** The quoted words, as Markdown. */
  text: string;
  /** Who said it: a person's name (required). */
  speaker: string;
  /** The speaker's role, e.g. "US Secretary of State". */
  role?: string | undefined;
  /** The language of the words when it is not the page's (BCP 47, e.g. "es-MX"); right-to-left languages get `dir="rtl"`. */
  lang?: string | undefined;
}

/** Words that are quoted once, set apart from the body. */
export interface Quote extends AttributedWords {
  type: "quote";
}

/** Words that repeat the body for emphasis; hidden from assistive technology so they are not read twice. */
export interface PullQuote extends AttributedWords {
  type: "pullquote";
}

export interface Video {
  type: "video";
  /** The address the author gave: `https:` or a site-relative path. */
  url: string;
  title: string;
  duration?: Duration | undefined;
  /** Credit for the video, rendered as "Source: {source}". */
  source?: string | undefined;
  /** A poster image (`https:` or site-relative). */
  poster?: string | undefined;
  /** The poster's alt text; required with a poster (an empty string marks it decorative). */
  posterAlt?: string | undefined;
  /** Credit for the poster image, e.g. "Illustration: Jane Doe". */
  posterCredit?: string | undefined;
  /** A sentence or two about the video, for readers and for structured data. */
  description?: string | undefined;
  /** Where a transcript of the video is (`https:` or site-relative); linked under the video. */
  transcript?: string | undefined;
  /** A WebVTT captions file for a video file of your own (`https:` or site-relative). */
  captions?: string | undefined;
  /** The language of the captions (BCP 47); default "en". */
  captionsLanguage?: string | undefined;
  /** When the video was first published (ISO 8601), for structured data. */
  uploadDate?: string | undefined;
  aspectRatio: AspectRatio;
  /** What the address was recognised as, and the addresses derived from it. */
  provider: VideoSource;
}

/** The place and/or agency line that opens the body, e.g. "CNN —". */
export interface Dateline {
  type: "dateline";
  text: string;
}

/**
 * One timestamped update of a live story (`live: true`). Its body is Markdown and may hold the other elements. Updates
 * are not shown where they are written: the story's live blog shows them, newest first (`src/live/`).
 */
export interface LiveUpdate {
  type: "update";
  /** Its stable id: the one given, or one derived from its time and title (`update-20170518-1005-title-words`). */
  id: string;
  /** When it was posted: ISO 8601 with the offset of `timeZone` at that instant. */
  time: string;
  /** When it was last edited, in the same form; shown as "Updated 9:40 pm". */
  updated?: string | undefined;
  /** The IANA time zone its times are shown in (the story's). */
  timeZone: string;
  /** Its heading; required for a key event. */
  title?: string | undefined;
  /** A key event: listed at the top of the live blog. */
  key: boolean;
  /** Shown first, above the newest updates (one per story). */
  pinned: boolean;
  /** Who wrote it. */
  author?: string | undefined;
  /** The update's words, as Markdown (may hold quotes, videos and the other elements). */
  text: string;
}

export type NewsroomElement = StoryHighlights | Quote | PullQuote | Video | Dateline | LiveUpdate;

export type ElementOfType<T extends ElementType> = Extract<NewsroomElement, { type: T }>;

/** What a syntax hands to a parser: field names and values as the author wrote them (`src/values/fields.ts`). */
export type { ElementInput } from "./values/fields.js";

/** Where an element was written, for error messages. */
export interface SourceLocation {
  file?: string | undefined;
  line?: number | undefined;
}
