/** README's `file=` examples as a site, as test/readme.test.ts builds it, with every page laid out in a whole document. */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { writeSite } from "../helpers/eleventy.js";
import { REPOSITORY } from "../helpers/exampleSite.js";
import { documentLayout, quietBenchmarks } from "./fixtures.js";

/** README's code blocks marked `file=PATH`. */
export function readmeFiles(): Record<string, string> {
  const readme = readFileSync(join(REPOSITORY, "README.md"), "utf8");
  const files: Record<string, string> = {};
  for (const match of readme.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)) files[match[1]!] = match[2]!;
  return files;
}

/**
 * Builds README's site with the installed plugin (this package, built to dist/). README's story layout is a fragment,
 * so it is itself laid out in a document; pages without a layout get a document with their title as the h1.
 */
export async function buildReadmeSite(): Promise<Array<{ url: string; inputPath: string; content: string }>> {
  const { "eleventy.config.js": config, ...templates } = readmeFiles();
  const layouts: Record<string, string> = {
    "_includes/document.njk": documentLayout(true),
    "_includes/document-without-heading.njk": documentLayout(false),
    "_data/layout.json": JSON.stringify("document.njk"),
  };
  const story = templates["_includes/story.njk"];
  if (story !== undefined) templates["_includes/story.njk"] = `---\nlayout: document-without-heading.njk\n---\n${story}`;
  const site = writeSite({
    ...Object.fromEntries(Object.entries({ ...templates, ...layouts }).map(([path, text]) => [`site/${path}`, text])),
    "package.json": JSON.stringify({ type: "module" }),
  });
  mkdirSync(join(site, "node_modules"));
  symlinkSync(REPOSITORY, join(site, "node_modules", "eleventy-plugin-newsroom"), "dir");
  writeFileSync(join(site, "eleventy.config.js"), config!);
  const eleventy = new Eleventy(join(site, "site"), join(site, "_site"), {
    quietMode: true,
    configPath: join(site, "eleventy.config.js"),
    config: quietBenchmarks,
  });
  return (await eleventy.toJSON()) as Array<{ url: string; inputPath: string; content: string }>;
}
