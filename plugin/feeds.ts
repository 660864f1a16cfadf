/**
 * Atom and JSON feeds of the stories, as Eleventy virtual templates (11ty.js), so a site gets them by turning the
 * `feeds` option on.
 *
 * Why not @11ty/eleventy-plugin-rss's own feed templates: they write titles into JSON without JSON escaping and carry
 * no per-entry authors or updated dates. The feeds are written by `src/metadata/feeds.ts` from the same StoryMetadata
 * as the page's JSON-LD, and the rss plugin does what it is good at: `convertHtmlToAbsoluteUrls` makes every address
 * in a story's content absolute against the story's own address (which carries the path prefix). Before that, the
 * content goes through the site's own transforms (Eleventy's `renderTransforms`, as the rss plugin's templates do), so
 * it has the addresses the page has, e.g. with the path prefix the HTML base plugin adds. The rss plugin's
 * `dateToRfc3339` is not used: it gives UTC, while the feeds keep each story's own offset.
 */
import { atomFeed, jsonFeed, type FeedDescription, type FeedEntry } from "../src/metadata/feeds.js";
import { absoluteUrl } from "../src/values/url.js";
import type { CollectionItem, EleventyConfig, EleventyPage } from "./eleventy.js";
import { useVirtualTemplates, virtualTemplateData, type MetadataSource } from "./virtualTemplates.js";

export interface FeedOptions {
  /** Site path of the Atom feed, or false for none. */
  atom: string | false;
  /** Site path of the JSON Feed, or false for none. */
  json: string | false;
  /** The feeds' title. Default: the site's name. */
  title?: string | undefined;
  /** Atom's subtitle, JSON Feed's description. */
  description?: string | undefined;
  /** How many of the newest stories the feeds carry. */
  limit: number;
}

interface FeedTemplateData {
  collections: Record<string, CollectionItem[] | undefined>;
  permalink: string;
}

/**
 * Markup of a page as the page has it (after the site's transforms), with every address made absolute against `base`
 * (the absolute address of the page it is on). The site's feeds and a live story's feeds of its updates both use it.
 */
export async function absoluteContent(config: EleventyConfig, markup: string, page: EleventyPage, base: string): Promise<string> {
  if (markup === "") return "";
  const transformed = String(await config.getFilter("renderTransforms").call({ page }, markup, page));
  // Loaded when a feed is first rendered: the rss plugin brings posthtml and htmlparser2, about 0.2 s of start-up that
  // sites without feeds should not pay on every build.
  const { convertHtmlToAbsoluteUrls } = await import("@11ty/eleventy-plugin-rss");
  return convertHtmlToAbsoluteUrls(transformed, base);
}

/** The story's content as its page has it (after the site's transforms), every address made absolute. */
async function fullContent(config: EleventyConfig, item: CollectionItem, storyUrl: string): Promise<string> {
  const rendered: unknown = (item as { templateContent?: unknown }).templateContent;
  if (typeof rendered !== "string" || rendered === "") return "";
  return absoluteContent(config, rendered, item.data.page as EleventyPage, storyUrl);
}

export function registerFeeds(config: EleventyConfig, options: FeedOptions, storiesCollection: string, metadata: MetadataSource): void {
  const formats = { atom: atomFeed, json: jsonFeed } as const;
  if (options.atom !== false || options.json !== false) useVirtualTemplates(config);
  for (const format of ["atom", "json"] as const) {
    const path = options[format];
    if (path === false) continue;
    config.addTemplate(
      `newsroom-feed-${format}.11ty.js`,
      async (data: FeedTemplateData) => {
        const site = metadata.site();
        const items = (data.collections[storiesCollection] ?? []).filter((item) => typeof item.url === "string").slice(0, options.limit);
        const readable = items.flatMap((item) => {
          const story = metadata.storyIfReadable(item);
          return story ? [{ item, story }] : [];
        });
        const entries: FeedEntry[] = await Promise.all(
          readable.map(async ({ item, story }) => ({ story, contentHtml: await fullContent(config, item, story.url), file: item.inputPath })),
        );
        const feed: FeedDescription = {
          title: options.title ?? site.name,
          description: options.description,
          homeUrl: site.url,
          feedUrl: absoluteUrl(data.permalink, site.url),
          language: site.language,
          publisher: site.publisher ?? { name: site.name, url: site.url },
          updatedWhenEmpty: new Date(),
        };
        return formats[format](feed, entries);
      },
      virtualTemplateData([storiesCollection], { permalink: path }),
    );
  }
}
