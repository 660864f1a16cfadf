/**
 * Sitemaps, for search engines: `sitemap.xml` of every page (sitemaps.org 0.9) and a Google News sitemap of the
 * stories published in the two days before the build, split into files of at most 50,000 and 1,000 addresses with a
 * sitemap index beyond one file. Pure functions: the build time is a parameter, so the same stories and the same time
 * make the same bytes.
 */
import { machineDate, type StoryDate } from "../values/dates.js";
import type { SafeHtml } from "../html.js";
import { absoluteUrl } from "../values/url.js";
import type { StoryMetadata } from "./types.js";
import { storyInstant, XML_DECLARATION, xmlFor } from "./xml.js";

export const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const NEWS_SITEMAP_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";
/** sitemaps.org: at most 50,000 addresses in one sitemap. */
export const SITEMAP_LIMIT = 50_000;
/** Google News: at most 1,000 stories in one news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1_000;
/** Google News lists stories published in the last two days. */
export const NEWS_WINDOW_HOURS = 48;

export interface SitemapEntry {
  /** Absolute address. */
  loc: string;
  /** When the page last changed: a date-only value stays date-only (the W3C date format allows it). */
  lastmod?: StoryDate | undefined;
}

export interface NewsPublication {
  /** The publication's name as Google News knows it, e.g. "The Example Times". */
  publicationName: string;
}

/** One output file: its site path (as a permalink, without the path prefix) and its text. */
export interface SitemapFile {
  path: string;
  xml: string;
}

/** A `urlset` of the entries. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const xml = xmlFor({ output: "sitemap", what: "an address" });
  const urls = entries.map(({ loc, lastmod }) => xml`
  <url>
    <loc>${loc}</loc>${lastmod ? xml`
    <lastmod>${machineDate(lastmod)}</lastmod>` : ""}
  </url>`);
  return xml`${XML_DECLARATION}<urlset xmlns="${SITEMAP_NAMESPACE}">${urls}
</urlset>
`.toString();
}

/**
 * Google News wants the language as an ISO 639 code ("en", "es"), except Chinese, which is "zh-cn" (simplified) or
 * "zh-tw" (traditional); stories carry BCP 47 tags ("es-MX", "zh-Hant-HK").
 */
export function newsLanguage(tag: string): string {
  const [language = "", ...rest] = tag.toLowerCase().split("-");
  if (language !== "zh") return language;
  return rest.some((part) => ["hant", "tw", "hk", "mo"].includes(part)) ? "zh-tw" : "zh-cn";
}

function newsUrl(story: StoryMetadata, publication: NewsPublication): SafeHtml {
  const xml = xmlFor({ output: "news sitemap", what: `the story at ${story.path}` });
  // A story changed since it was published (a live story at its newest update) says when, as any sitemap may.
  return xml`
  <url>
    <loc>${story.url}</loc>${story.modified ? xml`
    <lastmod>${machineDate(story.modified)}</lastmod>` : ""}
    <news:news>
      <news:publication>
        <news:name>${publication.publicationName}</news:name>
        <news:language>${newsLanguage(story.language)}</news:language>
      </news:publication>
      <news:publication_date>${machineDate(story.published)}</news:publication_date>
      <news:title>${story.headline}</news:title>
    </news:news>
  </url>`;
}

/**
 * A Google News sitemap of the stories (pick them with `storiesInNewsWindow`). Each story's language is its own, so a
 * site that publishes in two languages lists each story under its language, as Google News asks. A story that changed
 * after it was published has the sitemap's own `lastmod` too (before `news:news`, as the sitemap schema orders them).
 */
export function newsSitemapXml(stories: readonly StoryMetadata[], publication: NewsPublication): string {
  const xml = xmlFor({ output: "news sitemap", what: "the publication name" });
  return xml`${XML_DECLARATION}<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:news="${NEWS_SITEMAP_NAMESPACE}">${stories.map((story) => newsUrl(story, publication))}
</urlset>
`.toString();
}

/** A `sitemapindex` of sitemaps, by absolute address. */
export function sitemapIndexXml(locs: readonly string[]): string {
  const xml = xmlFor({ output: "sitemap index", what: "an address" });
  return xml`${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NAMESPACE}">${locs.map((loc) => xml`
  <sitemap>
    <loc>${loc}</loc>
  </sitemap>`)}
</sitemapindex>
`.toString();
}

/**
 * The stories published in the `hours` before `now`, not after it (a story dated in the future is not news yet). A
 * date-only story counts from the start of its day in its own time zone, the earliest it can have been published, so it
 * stays in the window until 48 hours after that day began. Order is kept.
 */
export function storiesInNewsWindow(stories: readonly StoryMetadata[], now: Date, hours = NEWS_WINDOW_HOURS): StoryMetadata[] {
  const end = now.getTime();
  const start = end - hours * 3_600_000;
  return stories.filter((story) => {
    const published = storyInstant(story.published).toMillis();
    return published >= start && published <= end;
  });
}

/**
 * Only a story's own address belongs in sitemaps: a republished story whose canonical address is elsewhere is left
 * out, as search engines ask (listing it would claim it as the original).
 */
export function isCanonicalStory(story: StoryMetadata): boolean {
  return story.canonical === story.url;
}

/** "/sitemap.xml", 2 → "/sitemap-2.xml"; a path without an extension gets "-2" at its end. */
export function numberedPath(path: string, number: number): string {
  const match = /^(.*?)(\.[^./]*)?$/.exec(path)!;
  return `${match[1]}-${number}${match[2] ?? ""}`;
}

/**
 * The files for `items` at `path`: one file when they fit in `limit`; else numbered files of `limit` each
 * (`sitemap-1.xml`, …) and, at `path`, a sitemap index of them, so the address given to search engines never changes.
 */
export function splitSitemap<T>(
  path: string,
  items: readonly T[],
  limit: number,
  render: (chunk: readonly T[]) => string,
  siteUrl: string,
): SitemapFile[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A sitemap limit must be a positive whole number, not ${limit}`);
  if (items.length <= limit) return [{ path, xml: render(items) }];
  const parts: SitemapFile[] = [];
  for (let start = 0; start < items.length; start += limit) {
    parts.push({ path: numberedPath(path, parts.length + 1), xml: render(items.slice(start, start + limit)) });
  }
  return [{ path, xml: sitemapIndexXml(parts.map((part) => absoluteUrl(part.path, siteUrl))) }, ...parts];
}
