import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { writeSite } from "../helpers/eleventy.js";
import { REPOSITORY } from "../helpers/exampleSite.js";

/**
 * README, "Images", Build time: "Each image is made once: later builds into the same output folder, and rebuilds
 * while serving, reuse its files (an edited image gets new ones)." test/plugin/images.test.ts shows it within one
 * process (the pipeline's own memory); here each build is a new `eleventy` process, as `npm run build` run twice is,
 * so nothing is remembered but what the first build left in the output folder.
 */

/** Each build is Eleventy's command line in a process of its own. */
const BUILD_TIMEOUT = 90_000;

/** eleventy-img's content hash names every file made from a source (plugin/imageSource.ts uses the same call). */
const eleventyImage = createRequire(import.meta.url)("@11ty/eleventy-img") as { getHash(src: string, options: object): string };

const layout = `<!doctype html><html lang="en"><head><title>{{ title }}</title>{% newsroomMetadata %}</head>
<body><main>{{ image | newsroomImage("lead") }}{{ video | newsroomVideo("lead") }}{{ content | safe }}</main></body></html>`;

const story = `---
title: A story with a lead image and a video
date: 2017-05-18
tags: story
layout: story.njk
image:
  src: /media/lead.jpg
  alt: Officials at the lectern
video:
  url: https://youtu.be/dQw4w9WgXcQ
  title: The briefing in Mexico City
  duration: "01:45"
  poster: /media/poster.jpg
  posterAlt: The briefing room
---
The story.
`;

const config = `import newsroom from ${JSON.stringify(join(REPOSITORY, "dist/plugin/index.js"))};
export default (config) => {
  config.addPlugin(newsroom, { timeZone: "America/New_York", site: { url: "https://news.example/", name: "Example News", language: "en" } });
};
`;

/** Builds the site in `root` with Eleventy's command line, in a new process, into `root/_site`. */
function build(root: string): void {
  const run = spawnSync(process.execPath, [join(REPOSITORY, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.mjs"], {
    cwd: root,
    encoding: "utf8",
    timeout: BUILD_TIMEOUT,
  });
  expect(run.status, `eleventy failed (signal ${run.signal}):\n${run.stdout}\n${run.stderr}`).toBe(0);
}

/** Each file in the image folder: its modification time and inode, which change only if the file is written again. */
function imageFiles(root: string): Map<string, { mtimeMs: number; ino: number }> {
  const folder = join(root, "_site/img");
  return new Map(
    readdirSync(folder)
      .sort()
      .map((name) => {
        const stats = statSync(join(folder, name));
        return [name, { mtimeMs: stats.mtimeMs, ino: stats.ino }];
      }),
  );
}

/** Every image file the story page names (in `<picture>`, `srcset`s and the metadata's absolute addresses), sorted. */
function namedInPage(root: string): string[] {
  const page = readFileSync(join(root, "_site/story/index.html"), "utf8");
  return [...new Set([...page.matchAll(/\/img\/([\w-]+\.(?:avif|webp|jpeg|png))/g)].map((match) => match[1]!))].sort();
}

const ofSource = (names: Iterable<string>, hash: string) => [...names].filter((name) => name.startsWith(`${hash}-`)).sort();

/** The lead image, 1600×1200: AVIF, WebP and JPEG at 400, 800 and 1200 px for the page. */
const LEAD_PAGE_FILES = ["400.avif", "400.webp", "400.jpeg", "800.avif", "800.webp", "800.jpeg", "1200.avif", "1200.webp", "1200.jpeg"];
/** And, as the story's image in its metadata, its crops for machines, 1200 px wide. */
const LEAD_CROPS = ["16x9-1200.jpeg", "4x3-1200.jpeg", "1x1-1200.jpeg"];
/**
 * The poster, 640×360: the three formats at 400 and 640 px (its own width instead of 800 and 1200). No crops: the
 * metadata takes a video's poster only for a story without an image of its own.
 */
const POSTER_FILES = ["400.avif", "400.webp", "400.jpeg", "640.avif", "640.webp", "640.jpeg"];

const suffixes = (names: string[], hash: string) => names.map((name) => name.slice(hash.length + 1)).sort();

describe("an image is made once across builds in separate processes; an edited image gets new files", () => {
  let root: string;
  let leadHash: string;
  let posterHash: string;
  let afterFirst: Map<string, { mtimeMs: number; ino: number }>;
  let namedFirst: string[];

  beforeAll(async () => {
    const lead = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#35606f" } }).jpeg().toBuffer();
    const poster = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#6f3543" } }).jpeg().toBuffer();
    root = writeSite({ "_includes/story.njk": layout, "story.md": story, "media/lead.jpg": lead, "media/poster.jpg": poster });
    writeFileSync(join(root, "eleventy.config.mjs"), config);
    leadHash = eleventyImage.getHash(join(root, "media/lead.jpg"), {});
    posterHash = eleventyImage.getHash(join(root, "media/poster.jpg"), {});
    expect(leadHash).not.toBe(posterHash);
    build(root);
    afterFirst = imageFiles(root);
    namedFirst = namedInPage(root);
  }, 2 * BUILD_TIMEOUT);

  test("the first build writes every rendition and crop of both images, and the page names them", () => {
    expect(suffixes(ofSource(afterFirst.keys(), leadHash), leadHash)).toEqual([...LEAD_PAGE_FILES, ...LEAD_CROPS].sort());
    expect(suffixes(ofSource(afterFirst.keys(), posterHash), posterHash)).toEqual([...POSTER_FILES].sort());
    // Nothing else: 12 files of the lead image and 6 of the poster.
    expect(afterFirst.size).toBe(18);
    expect(namedFirst.filter((name) => !afterFirst.has(name))).toEqual([]);
    // The page names both images' files (the lead's crops in its metadata), so the comparisons below are not empty.
    expect(suffixes(ofSource(namedFirst, leadHash), leadHash)).toEqual([...LEAD_PAGE_FILES, ...LEAD_CROPS].sort());
    expect(suffixes(ofSource(namedFirst, posterHash), posterHash)).toEqual([...POSTER_FILES].sort());
  });

  test("a second build, in a new process, into the same output folder names the same files and writes none of them again", () => {
    build(root);
    const afterSecond = imageFiles(root);
    expect(namedInPage(root)).toEqual(namedFirst);
    expect([...afterSecond.keys()]).toEqual([...afterFirst.keys()]);
    const rewritten = [...afterSecond].filter(([name, file]) => file.mtimeMs !== afterFirst.get(name)!.mtimeMs || file.ino !== afterFirst.get(name)!.ino).map(([name]) => name);
    expect(rewritten, "files written again by the second build").toEqual([]);
  }, BUILD_TIMEOUT + 30_000);

  test("after the poster is edited, a third build makes new files for it and reuses the lead image's", async () => {
    const before = imageFiles(root);
    const edited = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#2f6f35" } }).jpeg().toBuffer();
    writeFileSync(join(root, "media/poster.jpg"), edited);
    const editedHash = eleventyImage.getHash(join(root, "media/poster.jpg"), {});
    expect(editedHash).not.toBe(posterHash);

    build(root);
    const afterThird = imageFiles(root);
    const named = namedInPage(root);

    // The edited poster: new names, in the page and on disk, freshly written.
    expect(ofSource(named, posterHash), "the page still names the old poster's files").toEqual([]);
    expect(suffixes(ofSource(named, editedHash), editedHash)).toEqual([...POSTER_FILES].sort());
    const madeNow = ofSource(afterThird.keys(), editedHash);
    expect(suffixes(madeNow, editedHash)).toEqual([...POSTER_FILES].sort());
    for (const name of madeNow) expect(before.has(name), `${name} existed before the third build`).toBe(false);
    expect(named.filter((name) => !afterThird.has(name))).toEqual([]);

    // The lead image: the same names in the page, and its 12 files untouched.
    expect(ofSource(named, leadHash)).toEqual(ofSource(namedFirst, leadHash));
    const leadFiles = ofSource(before.keys(), leadHash);
    expect(leadFiles).toHaveLength(12);
    const rewritten = leadFiles.filter((name) => afterThird.get(name)?.mtimeMs !== before.get(name)!.mtimeMs || afterThird.get(name)?.ino !== before.get(name)!.ino);
    expect(rewritten, "lead image files written again by the third build").toEqual([]);

    // The old poster's files are left where they were (nothing deletes them): 18 + 6 new.
    expect(ofSource(afterThird.keys(), posterHash)).toHaveLength(6);
    expect(afterThird.size).toBe(24);
    expect(existsSync(join(root, "_site/img", ofSource(before.keys(), posterHash)[0]!))).toBe(true);
  }, BUILD_TIMEOUT + 30_000);
});
