import { DateTime, Info } from "luxon";
import type { FeedOptions } from "./feeds.js";
import type { SitemapOptions } from "./sitemaps.js";
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
  /** A live story's update (`::: update time="…"`). */
  update: string;
  /** `{% newsroomLiveBlog %}`: a live story's updates, key events and status, where its layout shows them. */
  liveBlog: string;
  /** `{% newsroomAssets %}`: the video box's CSS and the player script, for the page's `<head>`. */
  assets: string;
  /** `{% newsroomMetadata %}`: canonical link, social cards and JSON-LD, for a story's `<head>`. */
  metadata: string;
  /** `{% newsroomByline %}`: authors, publication and update dates. */
  byline: string;
  /** `{% newsroomCorrections %}`: the dated corrections and updates, for the foot of a story. */
  corrections: string;
}

/** The site as machines see it: search engines, social networks and feed readers need absolute addresses. */
export interface SiteOptions {
  /** The site's public address, e.g. "https://news.example/" (without the path prefix, which Eleventy adds). */
  url: string;
  /** The site's name, e.g. "Example News". Default: the address's host name. */
  name?: string;
  /** BCP 47 language of the site. Default: the language of the `locale` option. */
  language?: string;
  /** Who publishes the site's stories; a story may name its own (`publisher:` in front matter). Default: the site. */
  publisher?: { name: string; url?: string; logo?: { src: string; width: number; height: number } };
}

export interface ResolvedSite {
  url: string;
  name: string;
  language: string;
  publisher?: { name: string; url?: string | undefined; logo?: { src: string; width: number; height: number } | undefined } | undefined;
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
  /** The story's lead image (front matter `image: { src, alt, credit, caption }`). */
  image: string;
}

/** The image pipeline (`@11ty/eleventy-img`) for video posters and story images on the site. */
export interface ImageOptions {
  /** The formats offered in `<source>`s, best first. The `<img>` falls back to JPEG (PNG for a PNG or GIF); an SVG stays as it is. Default `["avif", "webp"]`. */
  formats: Array<"avif" | "webp" | "jpeg" | "png">;
  /** Widths in pixels; the original's width replaces those above it. Default `[400, 800, 1200]`. */
  widths: number[];
  /** Where the files go: a folder inside the output folder (or an absolute path). Default `"img"`. */
  outputDir: string;
  /** The address of that folder on the site (Eleventy's HTML base plugin adds a path prefix in HTML). Default `"/img/"`. */
  urlPath: string;
  /** How wide the story's column is at each viewport width. Default `"(min-width: 52rem) 52rem, 100vw"`. */
  sizes: string;
}

export const DEFAULT_IMAGE_OPTIONS: Readonly<ImageOptions> = Object.freeze<ImageOptions>({
  formats: ["avif", "webp"],
  widths: [400, 800, 1200],
  outputDir: "img",
  urlPath: "/img/",
  sizes: "(min-width: 52rem) 52rem, 100vw",
});

/** Live coverage: stories with `live: true`, told in timestamped updates. */
export interface LiveOptions {
  /** How many updates a numbered page of older updates holds. Default 20. */
  pageSize: number;
  /**
   * The layout of the numbered pages of older updates (e.g. `"layouts/base.njk"`). It gets `content` (the page's
   * updates), `title` and `liveUpdates` ({ story, number, url }). Needed once a story has more than one page.
   */
  layout: string | undefined;
  /** How far in the future (minutes) an update's time may be before the build calls it a mistake. Default 10. */
  futureToleranceMinutes: number;
  /** luxon format of an update's time. Default `"h:mm a ZZZZ"` ("9:05 pm EDT"). */
  timeFormat: string;
  /** Atom and JSON feeds of each live story's updates, beside its page (`feed.xml`, `feed.json`); needs `site`. Default true. */
  feeds: boolean;
}

export const DEFAULT_LIVE_OPTIONS: Readonly<LiveOptions> = Object.freeze({ pageSize: 20, layout: undefined, futureToleranceMinutes: 10, timeFormat: "h:mm a ZZZZ", feeds: true });

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
  /** Filter names. Defaults: `newsroomHighlights`, `newsroomQuote`, `newsroomPullQuote`, `newsroomVideo`, `newsroomDateline`, `newsroomDate`, `newsroomIsoDate`, `newsroomTime`, `newsroomImage`. */
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
  /** The site's address, name, language and publisher, for structured data, cards, feeds and sitemaps. */
  site?: SiteOptions;
  /** Make the structured-data checks (Google's recommendations) errors instead of warnings. Default false. */
  strict?: boolean;
  /** Atom and JSON feeds of the stories; `true` for the defaults. Needs `site`. Default false. */
  feeds?: boolean | { atom?: string | false; json?: string | false; title?: string; description?: string; limit?: number };
  /** `sitemap.xml` of every page and a Google News sitemap; `true` for the defaults. Needs `site`. Default false. */
  sitemaps?: boolean | { sitemap?: string | false; news?: string | false; publicationName?: string; buildTime?: Date | string };
  /** Responsive posters and story images through `@11ty/eleventy-img`; `false` writes images as given. Default on. */
  images?: false | Partial<ImageOptions>;
  /** Live coverage: page size, the older pages' layout, the future tolerance, the time format, the per-story feeds. */
  live?: Partial<LiveOptions>;
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
  site: ResolvedSite | undefined;
  strict: boolean;
  feeds: FeedOptions | false;
  sitemaps: SitemapOptions | false;
  images: ImageOptions | false;
  live: LiveOptions;
}

export const DEFAULT_OPTIONS: Readonly<ResolvedOptions> = Object.freeze({
  storyTag: "story",
  collections: { stories: "stories", highlights: "highlights", quotes: "quotes", videos: "videos" },
  shortcodes: { highlights: "highlights", quote: "quote", pullquote: "pullquote", video: "video", dateline: "dateline", update: "update", liveBlog: "newsroomLiveBlog", assets: "newsroomAssets", metadata: "newsroomMetadata", byline: "newsroomByline", corrections: "newsroomCorrections" },
  filters: {
    highlights: "newsroomHighlights",
    quote: "newsroomQuote",
    pullquote: "newsroomPullQuote",
    video: "newsroomVideo",
    dateline: "newsroomDateline",
    date: "newsroomDate",
    isoDate: "newsroomIsoDate",
    time: "newsroomTime",
    image: "newsroomImage",
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
  site: undefined,
  strict: false,
  feeds: false,
  sitemaps: false,
  images: DEFAULT_IMAGE_OPTIONS,
  live: DEFAULT_LIVE_OPTIONS,
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
    site: site(given["site"], locale),
    strict: boolean("strict", given["strict"], defaults.strict),
    feeds: feeds(given["feeds"], given["site"]),
    sitemaps: sitemaps(given["sitemaps"], given["site"]),
    images: images(given["images"]),
    live: live(given["live"]),
  };
}

function live(value: unknown): LiveOptions {
  if (value === undefined) return { ...DEFAULT_LIVE_OPTIONS };
  const given = checkKeys("live", value, Object.keys(DEFAULT_LIVE_OPTIONS));
  const pageSize = given["pageSize"] ?? DEFAULT_LIVE_OPTIONS.pageSize;
  if (!Number.isInteger(pageSize) || (pageSize as number) < 1) throw optionError("live.pageSize", `must be a whole number of 1 or more but is ${describe(pageSize)}`, "pass e.g. 20");
  const tolerance = given["futureToleranceMinutes"] ?? DEFAULT_LIVE_OPTIONS.futureToleranceMinutes;
  if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0) {
    throw optionError("live.futureToleranceMinutes", `must be a number of minutes of 0 or more but is ${describe(tolerance)}`, "pass e.g. 10");
  }
  return {
    pageSize: pageSize as number,
    layout: given["layout"] === undefined ? undefined : text("live.layout", given["layout"], "layouts/base.njk"),
    futureToleranceMinutes: tolerance,
    timeFormat: text("live.timeFormat", given["timeFormat"], DEFAULT_LIVE_OPTIONS.timeFormat),
    feeds: boolean("live.feeds", given["feeds"], DEFAULT_LIVE_OPTIONS.feeds),
  };
}

const IMAGE_FORMATS: ReadonlyArray<ImageOptions["formats"][number]> = ["avif", "webp", "jpeg", "png"];

function images(value: unknown): ImageOptions | false {
  if (value === false) return false;
  if (value === undefined || value === true) return { ...DEFAULT_IMAGE_OPTIONS, formats: [...DEFAULT_IMAGE_OPTIONS.formats], widths: [...DEFAULT_IMAGE_OPTIONS.widths] };
  const given = checkKeys("images", value, Object.keys(DEFAULT_IMAGE_OPTIONS));
  const formats = given["formats"] ?? DEFAULT_IMAGE_OPTIONS.formats;
  if (!Array.isArray(formats) || formats.some((format) => !IMAGE_FORMATS.includes(format as never))) {
    throw optionError("images.formats", `must be a list of ${IMAGE_FORMATS.join(", ")} but is ${describe(formats)}`, 'pass e.g. ["avif", "webp"] (best first)');
  }
  const widths = given["widths"] ?? DEFAULT_IMAGE_OPTIONS.widths;
  if (!Array.isArray(widths) || widths.length === 0 || widths.some((width) => !Number.isInteger(width) || (width as number) <= 0)) {
    throw optionError("images.widths", `must be a list of whole numbers of pixels but is ${describe(widths)}`, "pass e.g. [400, 800, 1200]");
  }
  return {
    formats: [...new Set(formats as ImageOptions["formats"])],
    widths: [...new Set(widths as number[])].sort((a, b) => a - b),
    outputDir: text("images.outputDir", given["outputDir"], DEFAULT_IMAGE_OPTIONS.outputDir),
    urlPath: text("images.urlPath", given["urlPath"], DEFAULT_IMAGE_OPTIONS.urlPath, /^(\/|https:\/\/)\S*$/, 'a path that starts with "/" (or an "https:" address)'),
    sizes: text("images.sizes", given["sizes"], DEFAULT_IMAGE_OPTIONS.sizes),
  };
}

function site(value: unknown, locale: string): ResolvedSite | undefined {
  if (value === undefined) return undefined;
  const given = checkKeys("site", value, ["url", "name", "language", "publisher"]);
  const address = text("site.url", given["url"], "https://news.example/", undefined, "the site's absolute address");
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw optionError("site.url", `"${address}" is not an absolute address`, 'pass the site\'s public address, e.g. "https://news.example/"');
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw optionError("site.url", `"${address}" is not a web address`, 'pass an "https:" address (or "http://localhost:8080/" for a local preview)');
  }
  if (url.search || url.hash) throw optionError("site.url", `"${address}" has a query or fragment`, "pass the address of the site's home page alone");
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  const language = text("site.language", given["language"], new Intl.Locale(locale).language);
  if (!isLocale(language)) throw optionError("site.language", `"${language}" is not a BCP 47 language tag`, 'use a tag such as "en" or "es-MX"');
  return {
    url: url.href,
    name: text("site.name", given["name"], url.hostname),
    language,
    publisher: given["publisher"] === undefined ? undefined : publisher(given["publisher"]),
  };
}

function publisher(value: unknown): NonNullable<ResolvedSite["publisher"]> {
  const given = checkKeys("site.publisher", value, ["name", "url", "logo"]);
  const name = text("site.publisher.name", given["name"], "Example News");
  const url = given["url"] === undefined ? undefined : text("site.publisher.url", given["url"], "https://news.example/", /^https?:\/\/\S+$/, "an absolute address");
  if (given["logo"] === undefined) return { name, url };
  const logo = checkKeys("site.publisher.logo", given["logo"], ["src", "width", "height"]);
  const size = (key: "width" | "height"): number => {
    const n = logo[key];
    if (typeof n !== "number" || !Number.isInteger(n) || n <= 0) throw optionError(`site.publisher.logo.${key}`, `must be a whole number of pixels but is ${describe(n)}`, "give the logo file's size in pixels");
    return n;
  };
  return { name, url, logo: { src: text("site.publisher.logo.src", logo["src"], "/assets/logo.png"), width: size("width"), height: size("height") } };
}

/**
 * What `DateTime.setZone(name)` accepts: an IANA zone, "UTC", a fixed offset such as "UTC+3", or "system". Asked of
 * luxon's zone parser directly, so checking the options does not make luxon work out the system's locale (~30 ms).
 */
export function isTimeZone(name: string): boolean {
  return Info.normalizeZone(name)?.isValid ?? false;
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

/** A site path to a file: starts with "/", no spaces, query or fragment, and does not end in "/". */
const OUTPUT_PATH = /^\/[^\s?#]*[^\s?#/]$/;

function outputPath(option: string, value: unknown, fallback: string): string | false {
  if (value === false) return false;
  return text(option, value, fallback, OUTPUT_PATH, 'a site path to a file, starting with "/", or false');
}

function needsSite(option: string, site: unknown): void {
  if (site === undefined) throw optionError(option, "needs the site's public address", 'pass site: { url: "https://your.site/", name: "Your Site" } too');
}

function feeds(value: unknown, site: unknown): FeedOptions | false {
  if (value === undefined || value === false) return false;
  const given = value === true ? {} : checkKeys("feeds", value, ["atom", "json", "title", "description", "limit"]);
  needsSite("feeds", site);
  const limit = given["limit"] ?? 50;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) {
    throw optionError("feeds.limit", `must be a whole number above 0 but is ${describe(limit)}`, "pass how many of the newest stories the feeds carry, e.g. 50");
  }
  const atom = outputPath("feeds.atom", given["atom"], "/feed.xml");
  const json = outputPath("feeds.json", given["json"], "/feed.json");
  if (atom !== false && atom === json) throw optionError("feeds.json", `uses the path "${json}", which feeds.atom uses too`, "give each feed a path of its own");
  return {
    atom,
    json,
    title: given["title"] === undefined ? undefined : text("feeds.title", given["title"], "Example News"),
    description: given["description"] === undefined ? undefined : text("feeds.description", given["description"], "The latest stories"),
    limit,
  };
}

function sitemaps(value: unknown, site: unknown): SitemapOptions | false {
  if (value === undefined || value === false) return false;
  const given = value === true ? {} : checkKeys("sitemaps", value, ["sitemap", "news", "publicationName", "buildTime"]);
  needsSite("sitemaps", site);
  const sitemap = outputPath("sitemaps.sitemap", given["sitemap"], "/sitemap.xml");
  const news = outputPath("sitemaps.news", given["news"], "/news-sitemap.xml");
  if (sitemap !== false && sitemap === news) throw optionError("sitemaps.news", `uses the path "${news}", which sitemaps.sitemap uses too`, "give each sitemap a path of its own");
  return {
    sitemap,
    news,
    publicationName: given["publicationName"] === undefined ? undefined : text("sitemaps.publicationName", given["publicationName"], "Example News"),
    buildTime: buildTime(given["buildTime"]),
  };
}

/** A fixed end for the news window, for repeatable builds: a Date, or an ISO 8601 time with its offset (never the machine's zone). */
function buildTime(value: unknown): Date | undefined {
  if (value === undefined) return undefined;
  const fix = 'pass a Date or an ISO 8601 time with an offset, e.g. "2026-11-29T12:00:00Z"';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw optionError("sitemaps.buildTime", "is an invalid date", fix);
    return value;
  }
  if (typeof value !== "string" || !/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) throw optionError("sitemaps.buildTime", `must be a time with an offset but is ${describe(value)}`, fix);
  const parsed = DateTime.fromISO(value.trim(), { setZone: true });
  if (!parsed.isValid) throw optionError("sitemaps.buildTime", `"${value}" is not an ISO 8601 time`, fix);
  return parsed.toJSDate();
}
