/**
 * Builds a small site with the plugin, its `site` option and feeds and/or sitemaps, optionally under a path prefix,
 * and returns every output file by its URL.
 */
import type { NewsroomOptions } from "../../plugin/index.js";
import { buildSite, writeBuiltSite } from "./eleventy.js";

export const SITE_OPTION = { url: "https://news.example/", name: "Example News", language: "en", publisher: { name: "Example News", url: "https://news.example/" } };

export interface FeedSiteOptions {
  feeds?: NewsroomOptions["feeds"];
  sitemaps?: NewsroomOptions["sitemaps"];
  pathPrefix?: string;
  /** More plugin options. */
  options?: NewsroomOptions;
  configure?: (eleventyConfig: any) => void;
  runMode?: "build" | "serve";
}

function buildOptions(build: FeedSiteOptions) {
  const options: NewsroomOptions = { site: SITE_OPTION, ...build.options };
  if (build.feeds) options.feeds = build.feeds;
  if (build.sitemaps) options.sitemaps = build.sitemaps;
  return { options, pathPrefix: build.pathPrefix, configure: build.configure, runMode: build.runMode };
}

/** Builds in memory and returns every output by its URL. */
export async function buildFeedSite(files: Record<string, string>, build: FeedSiteOptions = {}): Promise<Map<string, string>> {
  const pages = await buildSite(files, buildOptions(build));
  return new Map([...pages].map(([url, page]) => [url, page.content]));
}

/** Builds to disk, as `eleventy` does, and returns the output folder. */
export async function writeFeedSite(files: Record<string, string>, build: FeedSiteOptions = {}): Promise<string> {
  return writeBuiltSite(files, buildOptions(build));
}
