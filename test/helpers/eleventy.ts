import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Eleventy from "@11ty/eleventy";
import newsroom, { type NewsroomOptions } from "../../plugin/index.js";

export interface BuiltPage {
  url: string;
  inputPath: string;
  content: string;
}

export interface BuildOptions {
  /** Plugin options; `false` leaves the plugin out (for plain-Eleventy comparisons). */
  options?: NewsroomOptions | false;
  /** Extra configuration, as a site's config function would do it. */
  configure?: (eleventyConfig: any) => void;
  runMode?: "build" | "serve" | "watch";
  /** Eleventy's path prefix, e.g. "/news/" for a site served from a folder. */
  pathPrefix?: string;
}

/** A site's files by path: text, or bytes (e.g. an image). */
export type SiteFiles = Readonly<Record<string, string | Uint8Array>>;

/** Writes a small site into a fresh temporary folder. */
export function writeSite(files: SiteFiles): string {
  const root = mkdtempSync(join(tmpdir(), "newsroom-site-"));
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  // An empty config file of the site's own, so Eleventy does not pick up this repository's config.
  writeFileSync(join(root, "eleventy.config.mjs"), "export default function () {}\n");
  return root;
}

function createEleventy(root: string, build: BuildOptions): Eleventy {
  return new Eleventy(root, join(root, "_site"), {
    quietMode: true,
    configPath: join(root, "eleventy.config.mjs"),
    runMode: build.runMode ?? "build",
    pathPrefix: build.pathPrefix,
    config(eleventyConfig: any) {
      if (build.options !== false) eleventyConfig.addPlugin(newsroom, build.options ?? {});
      build.configure?.(eleventyConfig);
    },
  });
}

/** Builds a site through Eleventy's programmatic API (in memory) and returns every page, keyed by URL. */
export async function buildSite(files: SiteFiles, build: BuildOptions = {}): Promise<Map<string, BuiltPage>> {
  const results = (await createEleventy(writeSite(files), build).toJSON()) as BuiltPage[];
  return new Map(results.map((page) => [page.url, page]));
}

/** Builds a site to disk (as `eleventy` does) and returns the output folder, e.g. to serve it to a browser. */
export async function writeBuiltSite(files: SiteFiles, build: BuildOptions = {}): Promise<string> {
  const root = writeSite(files);
  await createEleventy(root, build).write();
  return join(root, "_site");
}

/**
 * Writes `files` over a site that `writeBuiltSite` built (its output folder is `output`) and builds it again into the
 * same folder, as an author's next build does while the site is being served.
 */
export async function rebuildSite(output: string, files: SiteFiles, build: BuildOptions = {}): Promise<void> {
  const root = dirname(output);
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  // Eleventy keeps templates, layouts and what it read of them in caches of the process, by path: the next build of
  // the same folder must read it afresh.
  const configure = (eleventyConfig: any) => {
    eleventyConfig.setUseTemplateCache(false);
    build.configure?.(eleventyConfig);
  };
  await createEleventy(root, { ...build, configure }).write();
}

/** Builds and returns the one page at `url`, failing loudly if it is not there. */
export async function buildPage(files: SiteFiles, url: string, build: BuildOptions = {}): Promise<string> {
  const pages = await buildSite(files, build);
  const page = pages.get(url);
  if (!page) throw new Error(`No page at ${url}; built: ${[...pages.keys()].join(", ")}`);
  return page.content;
}
