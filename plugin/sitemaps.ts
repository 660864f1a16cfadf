/**
 * `sitemap.xml` of every page and a Google News sitemap of the last two days' stories, as Eleventy virtual templates
 * (11ty.js), so a site gets them by turning the `sitemaps` option on. Each is paginated over the list of its files,
 * one page per file, so a sitemap beyond its limit becomes numbered files and a sitemap index at its own address.
 */
import {
  isCanonicalStory,
  NEWS_SITEMAP_LIMIT,
  newsSitemapXml,
  SITEMAP_LIMIT,
  sitemapXml,
  splitSitemap,
  storiesInNewsWindow,
  type SitemapEntry,
  type SitemapFile,
} from "../src/metadata/sitemaps.js";
import { absoluteUrl } from "../src/values/url.js";
import type { StoryMetadata } from "../src/metadata/types.js";
import type { CollectionItem, EleventyConfig } from "./eleventy.js";
import { useVirtualTemplates, virtualTemplateData, type MetadataSource } from "./virtualTemplates.js";

export interface SitemapOptions {
  /** Site path of the sitemap of every page, or false for none. */
  sitemap: string | false;
  /** Site path of the Google News sitemap, or false for none. */
  news: string | false;
  /** The publication's name in the news sitemap. Default: the site's name. */
  publicationName?: string | undefined;
  /** The time the news window ends at. Default: the time of each build. Pass one to make builds repeatable. */
  buildTime?: Date | undefined;
}

interface SitemapTemplateData {
  collections: Record<string, CollectionItem[] | undefined>;
  newsroomSitemapFile: SitemapFile;
}

/** A page that is written, as HTML, and whose front matter does not say `sitemap: false` (a 404 page, say). */
function listedPage(item: CollectionItem): boolean {
  const output = item.data.page?.outputPath ?? (item as { outputPath?: unknown }).outputPath;
  return typeof item.url === "string" && typeof output === "string" && output.endsWith(".html") && item.data["sitemap"] !== false;
}

export function registerSitemaps(config: EleventyConfig, options: SitemapOptions, storiesCollection: string, metadata: MetadataSource): void {
  if (options.sitemap !== false || options.news !== false) useVirtualTemplates(config);
  const storyItems = (data: SitemapTemplateData) => data.collections[storiesCollection] ?? [];

  const register = (name: string, files: (data: SitemapTemplateData) => SitemapFile[]) => {
    config.addTemplate(
      `newsroom-${name}.11ty.js`,
      (data: SitemapTemplateData) => data.newsroomSitemapFile.xml,
      // Paginating over `collections.all` makes Eleventy render it after every collection is complete (the stories
      // collection included, so it is not listed in `eleventyImport`: naming both there breaks Eleventy's ordering).
      // `before` turns the pages into the list of files once the collections are known; each file is a page.
      virtualTemplateData([], {
        pagination: {
          data: "collections.all",
          size: 1,
          alias: "newsroomSitemapFile",
          before: (_items: unknown[], data: SitemapTemplateData) => files(data),
        },
        permalink: (data: SitemapTemplateData) => data.newsroomSitemapFile.path,
      }),
    );
  };

  const { sitemap, news } = options;
  if (sitemap !== false) {
    register("sitemap", (data) => {
      const site = metadata.site();
      const stories = new Map(storyItems(data).map((item) => [item.inputPath, item]));
      const entries: SitemapEntry[] = [];
      for (const item of data.collections["all"] ?? []) {
        if (!listedPage(item)) continue;
        const storyItem = stories.get(item.inputPath);
        if (!storyItem) {
          entries.push({ loc: absoluteUrl(String(item.url), site.url) });
          continue;
        }
        const story = metadata.storyIfReadable(storyItem);
        if (story && isCanonicalStory(story)) entries.push({ loc: story.url, lastmod: story.modified ?? story.published });
      }
      // By address, so the file does not depend on the order Eleventy found the files in (or on their dates on disk).
      entries.sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
      return splitSitemap(sitemap, entries, SITEMAP_LIMIT, sitemapXml, site.url);
    });
  }

  if (news !== false) {
    register("news-sitemap", (data) => {
      const site = metadata.site();
      const now = options.buildTime ?? new Date();
      const stories = storyItems(data)
        .filter(listedPage)
        .flatMap((item) => metadata.storyIfReadable(item) ?? [])
        .filter(isCanonicalStory);
      const publication = { publicationName: options.publicationName ?? site.name };
      const render = (chunk: readonly StoryMetadata[]) => newsSitemapXml(chunk, publication);
      return splitSitemap(news, storiesInNewsWindow(stories, now), NEWS_SITEMAP_LIMIT, render, site.url);
    });
  }
}
