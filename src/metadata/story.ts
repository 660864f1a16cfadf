/**
 * Reads what machines need about one story from what its author wrote (front matter) and the elements found in it.
 * Every field is checked here, once, so the JSON-LD, the cards, the feeds and the sitemaps are built from the same
 * validated values the page shows.
 */
import { toStoryDate, type StoryDate } from "../values/dates.js";
import { NewsroomError } from "../errors.js";
import { ElementFields, InvalidValue, isPlainObject, parseLanguageTag, unrepresentableCharacter, UNREPRESENTABLE_FIX } from "../values/fields.js";
import { plainText, type InlineParser } from "../values/plainText.js";
import type { NewsroomElement, StoryHighlights, Video } from "../types.js";
import { parseStoryImage } from "../images/storyImage.js";
import { absoluteUrl, parseSafeUrl } from "../values/url.js";
import type { Author, Correction, ImageCrop, Publisher, SiteMetadata, StoryImage, StoryMetadata } from "./types.js";
import { liveModified, liveStoryMetadata, type LiveMetadataSource } from "../live/metadata.js";

export interface StoryMetadataSource {
  /** The story's data: front matter and the rest of the data cascade. */
  data: Readonly<Record<string, unknown>>;
  /** The page's URL as Eleventy gives it (`page.url`, without a path prefix). */
  path: string;
  /** The page's date (`page.date`): the front matter `date`, or the file's date when it has none. */
  date: unknown;
  /** The input file, for error messages. */
  file?: string | undefined;
  /** The elements found in the story, in reading order (front matter first). */
  elements: readonly NewsroomElement[];
  /** A live story's coverage (`live: true`), as the adapter worked it out from its updates; undefined for others. */
  live?: LiveMetadataSource | undefined;
}

export interface StoryMetadataOptions {
  site: SiteMetadata;
  /** The tag that makes a page a story; it is not a keyword. */
  storyTag: string;
  /** The zone of dates written without an offset. */
  timeZone: string;
  /** The site's markdown-it, to read highlights and corrections as plain text. */
  markdown: InlineParser;
  /**
   * What the image pipeline made of a site image (the story's own, or the lead video's poster): its size and its
   * crops for machines, by absolute address. Without it, images are described as written.
   */
  images?: ((src: string, origin: "image" | "poster") => ProcessedImage) | undefined;
}

export interface ProcessedImage {
  width?: number | undefined;
  height?: number | undefined;
  crops: ImageCrop[];
}

export function readStoryMetadata(source: StoryMetadataSource, options: StoryMetadataOptions): StoryMetadata {
  const { data, file } = source;
  const { site } = options;
  const fail = (element: string, problem: string, fix: string): never => {
    throw new NewsroomError({ element, problem, fix, file });
  };
  const text = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") return fail(`story "${key}"`, `must be text but is ${describe(value)}`, `write "${key}" as text in quotes`);
    const character = unrepresentableCharacter(value);
    if (character) fail(`story "${key}"`, `contains ${character}, a character HTML cannot carry`, UNREPRESENTABLE_FIX);
    return value.trim();
  };
  const date = (key: string, value: unknown): StoryDate => {
    try {
      return toStoryDate(value, options.timeZone);
    } catch (error) {
      if (error instanceof InvalidValue) return fail(`story "${key}"`, error.problem, error.fix);
      throw error;
    }
  };

  const headline = text("title") ?? fail('story "title"', "the story has no title", 'add "title:" to its front matter');
  const highlights = source.elements.find((element): element is StoryHighlights => element.type === "highlights");
  const highlightTexts = highlights ? highlights.items.map((item) => plainText(options.markdown, item)) : [];
  const videos = source.elements.filter((element): element is Video => element.type === "video");
  const url = absoluteUrl(source.path, site.url);
  const live = source.live && liveStoryMetadata(source.live, url, site.url);
  // A live story was published when its coverage started, and changes with every update and edit.
  const published = live?.started ?? date("date", source.date);
  const updated = data["updated"] === undefined || data["updated"] === null ? undefined : date("updated", data["updated"]);
  const corrections = readCorrections(data["corrections"], options, file);
  const written = latest([updated, ...corrections.map((correction) => correction.date)]);
  if (written && isBefore(written, published)) {
    fail('story "updated"', "the story is updated or corrected before it was published", `give a date on or after the publication date (${published.dateTime.toISODate()})`);
  }
  const changed = latest([written, source.live && liveModified(source.live)]);
  // A live story of one update, never edited, has not changed since it was published.
  const modified = live && changed && !changed.dateOnly && !published.dateOnly && changed.dateTime.toMillis() === published.dateTime.toMillis() ? undefined : changed;
  const basedOn = data["original"] === undefined ? undefined : absoluteOnly("original", data["original"], fail);
  const dateline = source.elements.find((element) => element.type === "dateline")?.text ?? text("dateline");

  return {
    url,
    path: source.path,
    headline,
    description: text("description") ?? highlightTexts.join(" · "),
    published,
    modified,
    authors: readAuthors(data["authors"] ?? data["author"], site, fail),
    publisher: readPublisher(data["publisher"], site, fail),
    section: text("section"),
    keywords: readKeywords(data, options.storyTag, fail),
    image: readImage(data["image"], videos, options, file),
    basedOn,
    canonical: basedOn ?? url,
    language: readLanguage(data, site, fail),
    accessibleForFree: readBoolean(data["isAccessibleForFree"], true, fail),
    highlights,
    highlightTexts,
    videos,
    corrections,
    dateline,
    live,
  };
}

type Fail = (element: string, problem: string, fix: string) => never;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  return typeof value === "string" ? JSON.stringify(value) : `a ${typeof value}`;
}

function absoluteOnly(key: string, value: unknown, fail: Fail): string {
  try {
    const url = parseSafeUrl(value);
    if (url.startsWith("/")) fail(`story "${key}"`, `"${url}" is a path on this site`, "give the full https: address where the story was first published");
    return url;
  } catch (error) {
    if (error instanceof InvalidValue) return fail(`story "${key}"`, error.problem, error.fix);
    throw error;
  }
}

function siteUrlField(fields: ElementFields, name: string, site: SiteMetadata): string | undefined {
  const url = fields.parsed(name, parseSafeUrl);
  return url === undefined ? undefined : absoluteUrl(url, site.url);
}

function readAuthors(value: unknown, site: SiteMetadata, fail: Fail): Author[] {
  if (value === undefined || value === null || value === "") return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry: unknown) => {
    if (typeof entry === "string" && entry.trim() !== "") return { type: "Person" as const, name: entry.trim() };
    if (!isPlainObject(entry)) {
      return fail("story author", `expected a name or { name, url, type } but got ${describe(entry)}`, 'write `author: "Ana Reporter"` or `authors: [{ name: "Ana Reporter", url: "/people/ana/" }]`');
    }
    const fields = new ElementFields("story author", entry, ["name", "url", "type"]);
    const type = fields.optionalText("type") ?? "Person";
    if (type !== "Person" && type !== "Organization") fields.fail(`the type "${type}" is neither "Person" nor "Organization"`, 'write type: "Person" (the default) or type: "Organization"');
    return { type, name: fields.requiredText("name", "the author's name"), url: siteUrlField(fields, "url", site) } as Author;
  });
}

function readPublisher(value: unknown, site: SiteMetadata, fail: Fail): Publisher {
  const sitePublisher: Publisher = site.publisher ?? { name: site.name, url: site.url };
  if (value === undefined || value === null || value === "") return sitePublisher;
  let publisher: Publisher;
  if (typeof value === "string") {
    publisher = { name: value.trim() };
  } else if (isPlainObject(value)) {
    const fields = new ElementFields("story publisher", value, ["name", "url"]);
    publisher = { name: fields.requiredText("name", "the publisher's name"), url: siteUrlField(fields, "url", site) };
  } else {
    return fail("story publisher", `expected a name or { name, url } but got ${describe(value)}`, 'write `publisher: "CNN"` or `publisher: { name: "CNN", url: "https://edition.cnn.com/" }`');
  }
  // The site's own publisher, named again in a story, keeps its address and logo.
  return publisher.name === sitePublisher.name ? { ...sitePublisher, ...definedOnly(publisher) } : publisher;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function readKeywords(data: Readonly<Record<string, unknown>>, storyTag: string, fail: Fail): string[] {
  const words: string[] = [];
  for (const key of ["tags", "keywords"]) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list) || list.some((word) => typeof word !== "string")) {
      fail(`story "${key}"`, `must be a text or a list of texts but is ${describe(value)}`, `write ${key}: ["Mexico", "drugs"]`);
    }
    for (const word of list as string[]) {
      const trimmed = word.trim();
      // The story tag and Eleventy's own "all" say what kind of page this is, not what the story is about.
      if (key === "tags" && (trimmed === storyTag || trimmed === "all")) continue;
      if (trimmed !== "" && !words.includes(trimmed)) words.push(trimmed);
    }
  }
  return words;
}

/** The story's own image, or else the poster of its first video that has one. */
function readImage(value: unknown, videos: readonly Video[], options: StoryMetadataOptions, file: string | undefined): StoryImage | undefined {
  let image: Omit<StoryImage, "crops"> | undefined;
  let origin: "image" | "poster" = "image";
  if (value !== undefined && value !== null) {
    const { src, alt, credit } = parseStoryImage(value, { file });
    image = { src, alt, credit };
  } else {
    const video = videos.find((candidate) => candidate.poster !== undefined);
    if (video?.poster) image = { src: video.poster, alt: video.posterAlt ?? "", credit: video.posterCredit };
    origin = "poster";
  }
  if (!image) return undefined;
  if (!image.src.startsWith("/") || !options.images) return { ...image, crops: [] };
  const processed = options.images(image.src, origin);
  return { ...image, width: processed.width, height: processed.height, crops: processed.crops };
}

function readCorrections(value: unknown, options: StoryMetadataOptions, file: string | undefined): Correction[] {
  if (value === undefined || value === null) return [];
  const example = 'write corrections: [{ date: "2017-05-19", text: "An earlier version misspelt …" }]';
  if (!Array.isArray(value)) throw new NewsroomError({ element: "story corrections", problem: `must be a list but is ${describe(value)}`, fix: example, file });
  const corrections = value.map((entry: unknown, index) => {
    const fields = new ElementFields(`story correction ${index + 1}`, entry, ["date", "text", "kind"], { file });
    const kind = fields.optionalText("kind") ?? "correction";
    if (kind !== "correction" && kind !== "update") fields.fail(`the kind "${kind}" is neither "correction" nor "update"`, 'write kind: "correction" (the default) or kind: "update"');
    if (!fields.has("date")) fields.fail('the required field "date" is missing', "give the date of the correction, e.g. 2017-05-19");
    const date = fields.parsed("date", (raw) => toStoryDate(raw, options.timeZone))!;
    return { kind, date, text: fields.requiredText("text", "what was corrected or updated (inline Markdown)") } as Correction;
  });
  return corrections.sort((a, b) => a.date.dateTime.toMillis() - b.date.dateTime.toMillis());
}

/** When either date is only a day, days are compared: a correction dated the day of publication is not before it. */
function isBefore(a: StoryDate, b: StoryDate): boolean {
  if (a.dateOnly || b.dateOnly) return a.dateTime.toISODate()! < b.dateTime.setZone(a.dateTime.zone).toISODate()!;
  return a.dateTime < b.dateTime;
}

function latest(dates: ReadonlyArray<StoryDate | undefined>): StoryDate | undefined {
  let newest: StoryDate | undefined;
  for (const date of dates) {
    if (date && (!newest || date.dateTime > newest.dateTime)) newest = date;
  }
  return newest;
}

function readLanguage(data: Readonly<Record<string, unknown>>, site: SiteMetadata, fail: Fail): string {
  const page = data["page"] as { lang?: unknown } | undefined;
  const value = data["lang"] ?? page?.lang;
  if (value === undefined || value === null || value === "") return site.language;
  try {
    return parseLanguageTag(value);
  } catch (error) {
    if (error instanceof InvalidValue) return fail('story "lang"', error.problem, error.fix);
    throw error;
  }
}

function readBoolean(value: unknown, fallback: boolean, fail: Fail): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") return fail('story "isAccessibleForFree"', `must be true or false but is ${describe(value)}`, "write true or false (false for a story behind a paywall)");
  return value;
}
