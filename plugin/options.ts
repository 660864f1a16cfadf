import { DateTime } from "luxon";
import {
  DEFAULT_DATE_OPTIONS,
  DEFAULT_LABELS,
  DEFAULT_PROVIDERS,
  NewsroomError,
  UNREPRESENTABLE_FIX,
  unrepresentableCharacter,
  type Labels,
  type VideoProvider,
} from "../src/index.js";

/** Names of the shortcodes (and of the `:::` Markdown containers) for each element. */
export interface ShortcodeNames {
  highlights: string;
  quote: string;
  pullquote: string;
  video: string;
  dateline: string;
  /** `{% newsroomAssets %}`: the video box's CSS and the player script, for the page's `<head>`. */
  assets: string;
}

/** Names of the filters. */
export interface FilterNames {
  highlights: string;
  quote: string;
  pullquote: string;
  video: string;
  dateline: string;
  /** A date for readers, e.g. "Thu May 18, 2017". */
  date: string;
  /** A date for machines: ISO 8601 with offset (or the bare day). */
  isoDate: string;
  /** `<time datetime="…">…</time>`. */
  time: string;
}

export interface CollectionNames {
  stories: string;
  highlights: string;
  quotes: string;
  videos: string;
}

export interface NewsroomOptions {
  /** The tag that makes a page a story. Default `"story"`. */
  storyTag?: string;
  /** Collection names. Defaults: `stories`, `highlights`, `quotes`, `videos`. */
  collections?: Partial<CollectionNames>;
  /** Shortcode and Markdown container names. Defaults: `highlights`, `quote`, `pullquote`, `video`, `dateline`. */
  shortcodes?: Partial<ShortcodeNames>;
  /** Filter names. Defaults: `newsroomHighlights`, `newsroomQuote`, `newsroomPullQuote`, `newsroomVideo`, `newsroomDateline`, `newsroomDate`, `newsroomIsoDate`, `newsroomTime`. */
  filters?: Partial<FilterNames>;
  /** Every visible word the plugin writes. */
  labels?: Partial<Labels>;
  /** Heading level of the highlights box. Default 2. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** IANA time zone for dates shown to readers. Default `"UTC"`. */
  timeZone?: string;
  /** BCP 47 locale for dates shown to readers. Default `"en-US"`. */
  locale?: string;
  /** luxon format for dates with a time of day. Default `"h:mm a ZZZZ, EEE MMMM d, yyyy"`. */
  dateTimeFormat?: string;
  /** luxon format for date-only values. Default `"EEE MMMM d, yyyy"`. */
  dateFormat?: string;
  /** Leave pages with `draft: true` out of `eleventy` builds (they still show while serving). Default true. */
  excludeDrafts?: boolean;
  /** Video providers of the site's own, tried before the built-in ones (YouTube, Vimeo, files, page links). */
  videoProviders?: VideoProvider[];
  /** Use YouTube's thumbnail as the poster of a video without one. Off by default: it is a request to YouTube before the reader asks for the video. */
  providerThumbnails?: boolean;
}

export interface ResolvedOptions {
  storyTag: string;
  collections: CollectionNames;
  shortcodes: ShortcodeNames;
  filters: FilterNames;
  labels: Labels;
  headingLevel: 2 | 3 | 4 | 5 | 6;
  timeZone: string;
  locale: string;
  dateTimeFormat: string;
  dateFormat: string;
  excludeDrafts: boolean;
  videoProviders: VideoProvider[];
  providerThumbnails: boolean;
}

export const DEFAULT_OPTIONS: Readonly<ResolvedOptions> = Object.freeze({
  storyTag: "story",
  collections: { stories: "stories", highlights: "highlights", quotes: "quotes", videos: "videos" },
  shortcodes: { highlights: "highlights", quote: "quote", pullquote: "pullquote", video: "video", dateline: "dateline", assets: "newsroomAssets" },
  filters: {
    highlights: "newsroomHighlights",
    quote: "newsroomQuote",
    pullquote: "newsroomPullQuote",
    video: "newsroomVideo",
    dateline: "newsroomDateline",
    date: "newsroomDate",
    isoDate: "newsroomIsoDate",
    time: "newsroomTime",
  },
  labels: { ...DEFAULT_LABELS },
  headingLevel: 2,
  timeZone: DEFAULT_DATE_OPTIONS.timeZone,
  locale: DEFAULT_DATE_OPTIONS.locale,
  dateTimeFormat: DEFAULT_DATE_OPTIONS.dateTimeFormat,
  dateFormat: DEFAULT_DATE_OPTIONS.dateFormat,
  excludeDrafts: true,
  videoProviders: [],
  providerThumbnails: false,
});

function optionError(option: string, problem: string, fix: string): NewsroomError {
  return new NewsroomError({ element: `option "${option}"`, problem, fix, file: "your Eleventy config" });
}

const IDENTIFIER = /^[A-Za-z_][\w-]*$/;

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "string" ? JSON.stringify(value) : `a ${typeof value}`;
}

function checkKeys(option: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw optionError(option, `must be an object but is ${describe(value)}`, `pass an object with any of: ${allowed.join(", ")}`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw optionError(option === "" ? key : `${option}.${key}`, "is not an option of this plugin", `use only ${allowed.join(", ")}`);
    }
  }
  return value as Record<string, unknown>;
}

function text(option: string, value: unknown, fallback: string, pattern?: RegExp, accepts = "a non-empty text"): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || value.trim() === "" || (pattern && !pattern.test(value))) {
    throw optionError(option, `must be ${accepts} but is ${describe(value)}`, `pass ${accepts}, e.g. ${JSON.stringify(fallback)}`);
  }
  const character = unrepresentableCharacter(value);
  if (character) throw optionError(option, `contains ${character}, a character HTML cannot carry`, UNREPRESENTABLE_FIX);
  return value;
}

function names<T extends object>(option: string, value: unknown, defaults: T): T {
  if (value === undefined) return { ...defaults };
  const given = checkKeys(option, value, Object.keys(defaults));
  const result = { ...defaults } as Record<string, string>;
  for (const key of Object.keys(defaults)) {
    result[key] = text(`${option}.${key}`, given[key], (defaults as Record<string, string>)[key]!, IDENTIFIER, "a name of letters, digits, _ or - that starts with a letter");
  }
  const seen = new Map<string, string>();
  for (const [key, name] of Object.entries(result)) {
    if (seen.has(name)) throw optionError(`${option}.${key}`, `uses the name "${name}", which ${option}.${seen.get(name)} uses too`, "give each a name of its own");
    seen.set(name, key);
  }
  return result as T;
}

/** Merges the options with the defaults and checks every value; a wrong one fails at config time, not mid-build. */
export function resolveOptions(options: unknown = {}): ResolvedOptions {
  const given = checkKeys("", options ?? {}, Object.keys(DEFAULT_OPTIONS));
  const defaults = DEFAULT_OPTIONS;
  const timeZone = text("timeZone", given["timeZone"], defaults.timeZone);
  if (!isTimeZone(timeZone)) {
    throw optionError("timeZone", `"${timeZone}" is not an IANA time zone`, 'use a name such as "UTC", "America/New_York" or "America/Mexico_City"');
  }
  const locale = text("locale", given["locale"], defaults.locale);
  if (!isLocale(locale)) throw optionError("locale", `"${locale}" is not a BCP 47 locale`, 'use a tag such as "en-US" or "es-MX"');
  const headingLevel = given["headingLevel"] ?? defaults.headingLevel;
  if (![2, 3, 4, 5, 6].includes(headingLevel as number)) {
    throw optionError("headingLevel", `must be 2, 3, 4, 5 or 6 but is ${describe(headingLevel)}`, "pass a number from 2 to 6");
  }
  const excludeDrafts = boolean("excludeDrafts", given["excludeDrafts"], defaults.excludeDrafts);
  const providerThumbnails = boolean("providerThumbnails", given["providerThumbnails"], defaults.providerThumbnails);
  const videoProviders = providers(given["videoProviders"]);
  const labels = given["labels"] === undefined ? { ...defaults.labels } : checkKeys("labels", given["labels"], Object.keys(defaults.labels));
  const resolvedLabels = { ...defaults.labels };
  for (const key of Object.keys(defaults.labels) as Array<keyof Labels>) {
    resolvedLabels[key] = text(`labels.${key}`, labels[key], defaults.labels[key]);
  }
  return {
    storyTag: text("storyTag", given["storyTag"], defaults.storyTag),
    collections: names("collections", given["collections"], defaults.collections),
    shortcodes: names("shortcodes", given["shortcodes"], defaults.shortcodes),
    filters: names("filters", given["filters"], defaults.filters),
    labels: resolvedLabels,
    headingLevel: headingLevel as ResolvedOptions["headingLevel"],
    timeZone,
    locale,
    dateTimeFormat: text("dateTimeFormat", given["dateTimeFormat"], defaults.dateTimeFormat),
    dateFormat: text("dateFormat", given["dateFormat"], defaults.dateFormat),
    excludeDrafts,
    videoProviders,
    providerThumbnails,
  };
}

export function isTimeZone(name: string): boolean {
  return DateTime.local().setZone(name).isValid;
}

export function isLocale(tag: string): boolean {
  try {
    new Intl.Locale(tag);
    return true;
  } catch {
    return false;
  }
}

function boolean(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw optionError(option, `must be true or false but is ${describe(value)}`, "pass true or false");
  return value;
}

function providers(value: unknown): VideoProvider[] {
  if (value === undefined) return [];
  const accepts = "a list of providers, each { id, name, recognise(url, written) } (see the VideoProvider type)";
  if (!Array.isArray(value)) throw optionError("videoProviders", `must be a list but is ${describe(value)}`, `pass ${accepts}`);
  const builtIn = new Set(DEFAULT_PROVIDERS.map((provider) => provider.id));
  return value.map((provider: unknown, index) => {
    const candidate = provider as Partial<VideoProvider> | null;
    if (!candidate || typeof candidate.id !== "string" || typeof candidate.name !== "string" || typeof candidate.recognise !== "function") {
      throw optionError(`videoProviders[${index}]`, "is not a video provider", `pass ${accepts}`);
    }
    if (!IDENTIFIER.test(candidate.id) || builtIn.has(candidate.id)) {
      throw optionError(`videoProviders[${index}].id`, `"${candidate.id}" is not a usable id`, `use a name of letters, digits, _ or - that is not one of ${[...builtIn].join(", ")}`);
    }
    return candidate as VideoProvider;
  });
}
