import { readFileSync } from "node:fs";
import { CONTAINER_ELEMENT_TYPES, NewsroomError, newsroomMarkdown, PLUGIN_NAME } from "../src/index.js";
import { registerCollections } from "./collections.js";
import type { EleventyConfig, EleventyPage } from "./eleventy.js";
import { registerFeeds } from "./feeds.js";
import { registerFilters } from "./filters.js";
import { registerMetadataShortcodes, StoryMetadataReader } from "./metadata.js";
import { resolveOptions, type NewsroomOptions } from "./options.js";
import { registerShortcodes } from "./shortcodes.js";
import { registerSitemaps } from "./sitemaps.js";
import { BuildState } from "./state.js";

interface PackageJson {
  name: string;
  "11ty": { compatibility: string };
}

/** package.json sits one folder up from the source (`plugin/`) and two from the build (`dist/plugin/`). */
function readPackageJson(): PackageJson {
  for (const relative of ["../package.json", "../../package.json"]) {
    try {
      const json = JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as PackageJson;
      if (json.name === "eleventy-plugin-newsroom") return json;
    } catch {
      // not here; try the next folder up
    }
  }
  throw new Error("eleventy-plugin-newsroom: cannot find its own package.json");
}

const packageJson = readPackageJson();

/**
 * eleventy-plugin-newsroom: story highlights, quotes, pull quotes, videos and datelines for Eleventy 3.
 *
 * ```js
 * import newsroom from "eleventy-plugin-newsroom";
 * export default function (eleventyConfig) {
 *   eleventyConfig.addPlugin(newsroom, { timeZone: "America/New_York" });
 * }
 * ```
 */
export default function newsroom(eleventyConfig: EleventyConfig, options: NewsroomOptions = {}): void {
  try {
    eleventyConfig.versionCheck(packageJson["11ty"].compatibility);
  } catch (error) {
    console.log(`[${PLUGIN_NAME}] WARN: this Eleventy may not be compatible: ${(error as Error).message}`);
  }
  const resolved = resolveOptions(options);
  const state = new BuildState(resolved);
  const metadata = new StoryMetadataReader(eleventyConfig, state);

  eleventyConfig.on("eleventy.before", () => {
    state.reset();
    metadata.reset();
  });

  eleventyConfig.amendLibrary("md", (md) => {
    state.useMarkdown(md);
    md.use(newsroomMarkdown, {
      names: Object.fromEntries(CONTAINER_ELEMENT_TYPES.map((type) => [type, resolved.shortcodes[type]])),
      parseOptions: state.parseOptions,
      // Eleventy renders Markdown with the page's data as env: a live update is read in its story's time zone.
      parseOptionsFor: (env: Record<string, unknown>) => state.live.parseOptionsFor(env),
      renderContext: (env: { page?: EleventyPage }) => state.markdownContext(env),
      locate: (env: { page?: EleventyPage }) => ({ file: env.page?.inputPath, lineOffset: state.bodyLineOffset(env.page) }),
      onError: (error: NewsroomError) => state.reportInPlace(error),
    });
  });

  state.assets.register(eleventyConfig, resolved.shortcodes.assets);
  // Holds each build open (eleventy.after) until its posters and story images are written.
  state.images?.register(eleventyConfig);
  registerShortcodes(eleventyConfig, state);
  registerFilters(eleventyConfig, state);
  registerCollections(eleventyConfig, state);
  registerMetadataShortcodes(eleventyConfig, state, metadata);
  state.live.register(eleventyConfig, metadata);
  if (resolved.feeds) registerFeeds(eleventyConfig, resolved.feeds, resolved.collections.stories, metadata);
  if (resolved.sitemaps) registerSitemaps(eleventyConfig, resolved.sitemaps, resolved.collections.stories, metadata);

  if (resolved.excludeDrafts) {
    eleventyConfig.addPreprocessor("newsroom-drafts", "*", (data: { draft?: unknown }) => {
      if (data.draft === true && process.env["ELEVENTY_RUN_MODE"] === "build") return false;
      return undefined;
    });
  }
}

Object.defineProperty(newsroom, "eleventyPackage", { value: packageJson.name });
Object.defineProperty(newsroom, "eleventyPluginOptions", { value: { unique: true } });

export { newsroom, NewsroomError };
export { resolveOptions, DEFAULT_OPTIONS } from "./options.js";
export type { NewsroomOptions, ResolvedOptions, ShortcodeNames, FilterNames, CollectionNames, ImageOptions } from "./options.js";
export type { ElementItem, HighlightsItem, QuoteItem, VideoItem, StoryReference } from "./collections.js";
export type { EleventyConfig } from "./eleventy.js";
export type { FeedOptions } from "./feeds.js";
export type { SitemapOptions } from "./sitemaps.js";
export type { StoryFrontMatter } from "./frontMatter.js";
export * from "../src/index.js";
