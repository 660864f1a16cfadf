import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { parseDocument, readableText } from "../helpers/html.js";
import { FIXTURE_JPEG } from "../helpers/images.js";

/**
 * Other people's sites, built from the packed package (`npm pack`), not from this source tree: installed with npm into
 * a folder of their own, next to the same Eleventy and tsx versions this repository uses.
 */
const root = resolve(import.meta.dirname, "../..");
/** The version installed here (read from node_modules: not every package exports its package.json). */
const versionOf = (name: string) => (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

let sandbox: string;
let packedFiles: string[];

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), "newsroom-consumers-"));
  // `npm test` has just built dist/; packing must not build again.
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", sandbox], { cwd: root, encoding: "utf8" })) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  packedFiles = packed[0]!.files.map((file) => file.path);
  writeFileSync(join(sandbox, "package.json"), JSON.stringify({ name: "consumers", private: true }));
  execFileSync(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", `./${packed[0]!.filename}`, `@11ty/eleventy@${versionOf("@11ty/eleventy")}`, `tsx@${versionOf("tsx")}`],
    { cwd: sandbox, stdio: "pipe" },
  );
}, 300_000);

/** Writes a site into its own folder of the sandbox and builds it with Eleventy's command line, as its owner would. */
function buildConsumer(name: string, files: Record<string, string | Uint8Array>, args: string[] = [], node: string[] = []): Map<string, Document> {
  const site = join(sandbox, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  execFileSync(process.execPath, [...node, join(sandbox, "node_modules/@11ty/eleventy/cmd.cjs"), "--input=src", "--output=_site", "--quiet", ...args], { cwd: site, stdio: "pipe" });
  const pages = new Map<string, Document>();
  const walk = (directory: string, url: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(directory, entry.name), `${url}${entry.name}/`);
      else if (entry.name === "index.html") pages.set(url, parseDocument(readFileSync(join(directory, entry.name), "utf8")));
    }
  };
  walk(join(site, "_site"), "/");
  return pages;
}

const story = `---
title: A story
date: 2017-05-18
tags: story
layout: story.njk
highlights:
  - "One thing"
  - "Another thing"
---
The words repeat here.

::: pullquote speaker="Luis Videgaray"
The words repeat here.
:::

::: quote speaker="Rex Tillerson" role="US Secretary of State"
We Americans must own this problem.
:::

::: video url="https://youtu.be/dQw4w9WgXcQ" title="A video" duration="1:45"
:::
`;

const nunjucksLayout = `<!doctype html><html lang="en"><head><title>{{ title }}</title>{% newsroomAssets %}</head>
<body><main><h1>{{ title }}</h1>{{ highlights | newsroomHighlights }}{{ content | safe }}</main></body></html>`;

const quotesPage = `---
permalink: /quotes/
eleventyImport:
  collections: ["story"]
---
{% for quote in collections.quotes %}{{ quote | newsroomQuote }}{% endfor %}`;

/** What every consumer's story page must show. */
function expectStory(document: Document | undefined): void {
  expect(document, "the story page").toBeDefined();
  expect(document!.querySelectorAll(".newsroom-highlights li")).toHaveLength(2);
  expect(readableText(document!.querySelector("aside.newsroom-pullquote .newsroom-attribution__speaker"))).toBe("Luis Videgaray");
  expect(readableText(document!.querySelector("figure.newsroom-quote figcaption"))).toBe("Rex Tillerson, US Secretary of State");
  expect(document!.querySelector("figure.newsroom-video--youtube a")?.getAttribute("aria-label")).toBe("Play video: A video (1:45)");
}

describe("the packed package", () => {
  test("holds the built code with types and source maps, the player's and the live page's assets, README, LICENSE and CHANGELOG — and nothing else", () => {
    expect(packedFiles).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE", "CHANGELOG.md", "assets/newsroom-video.js", "assets/newsroom-video.css", "assets/newsroom-live.js", "dist/plugin/index.js", "dist/plugin/index.d.ts", "dist/plugin/index.js.map", "dist/src/index.d.ts", "dist/cms/index.js", "dist/cms/index.js.map", "dist/src/cms/index.d.ts"]));
    // eleventy-plugin-newsroom/cms (package.json "exports") is one browser bundle, dist/cms/index.js, and its source map.
    const unexpected = packedFiles.filter((path) => !/^(dist\/(plugin|src)\/.+\.(js|d\.ts|js\.map|d\.ts\.map)|dist\/cms\/index\.js(\.map)?|assets\/newsroom-video\.(js|css)|assets\/newsroom-live\.js|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(path));
    expect(unexpected).toEqual([]);
  });
});

describe("sites built from the packed package", () => {
  test("(a) an ESM eleventy.config.js with Nunjucks layouts", () => {
    const pages = buildConsumer("esm", {
      "package.json": JSON.stringify({ type: "module" }),
      "eleventy.config.js": 'import newsroom from "eleventy-plugin-newsroom";\nexport default function (eleventyConfig) { eleventyConfig.addPlugin(newsroom); }\n',
      "src/_includes/story.njk": nunjucksLayout,
      "src/story.md": story,
      "src/quotes.njk": quotesPage,
    });
    expectStory(pages.get("/story/"));
    expect(pages.get("/quotes/")!.querySelectorAll("figure.newsroom-quote")).toHaveLength(2);
    // The player's script is a file the site serves itself.
    const script = pages.get("/story/")!.querySelector("script[type=module]")!.getAttribute("src")!;
    expect(readFileSync(join(sandbox, "esm/_site", script), "utf8")).toContain("newsroom-video__play");
  });

  test("(b) a CommonJS eleventy.config.cjs, loading the plugin with import()", () => {
    const pages = buildConsumer(
      "cjs",
      {
        "package.json": JSON.stringify({ type: "commonjs" }),
        "eleventy.config.cjs": 'module.exports = async function (eleventyConfig) {\n  const { default: newsroom } = await import("eleventy-plugin-newsroom");\n  eleventyConfig.addPlugin(newsroom);\n};\n',
        "src/_includes/story.njk": nunjucksLayout,
        "src/story.md": story,
      },
      ["--config=eleventy.config.cjs"],
    );
    expectStory(pages.get("/story/"));
  });

  test("(c) Liquid templates only", () => {
    const pages = buildConsumer("liquid", {
      "package.json": JSON.stringify({ type: "module" }),
      "eleventy.config.js": 'import newsroom from "eleventy-plugin-newsroom";\nexport default function (eleventyConfig) { eleventyConfig.addPlugin(newsroom); }\n',
      "src/_includes/story.liquid": '<!doctype html><html lang="en"><head><title>{{ title }}</title>{% newsroomAssets %}</head><body><main>{{ highlights | newsroomHighlights }}{{ content }}</main></body></html>',
      "src/story.md": story.replace("layout: story.njk", "layout: story.liquid"),
      "src/clip.liquid": '---\nclip:\n  url: https://vimeo.com/76979871\n  title: A clip\n---\n{% quote "Rex Tillerson", "US Secretary of State" %}Words.{% endquote %}{% video clip %}',
    });
    expectStory(pages.get("/story/"));
    expect(pages.get("/clip/")!.querySelector("figure.newsroom-video--vimeo")).not.toBeNull();
  });

  test("(d) an eleventy.config.ts run through tsx, typed with the package's own types", () => {
    const pages = buildConsumer(
      "typescript",
      {
        "package.json": JSON.stringify({ type: "module" }),
        "eleventy.config.ts":
          'import newsroom, { type EleventyConfig, type NewsroomOptions } from "eleventy-plugin-newsroom";\nconst options: NewsroomOptions = { timeZone: "America/New_York" };\nexport default function (eleventyConfig: EleventyConfig) { eleventyConfig.addPlugin(newsroom, options); }\n',
        "src/_includes/story.njk": nunjucksLayout,
        "src/story.md": story,
      },
      ["--config=eleventy.config.ts"],
      ["--import", "tsx"],
    );
    expectStory(pages.get("/story/"));
  });

  test("(e) a path prefix (GitHub Pages): every link, poster, script, feed, sitemap and JSON-LD address carries it", () => {
    const pages = buildConsumer("prefix", {
      "package.json": JSON.stringify({ type: "module" }),
      "eleventy.config.js": `import { HtmlBasePlugin } from "@11ty/eleventy";
import newsroom from "eleventy-plugin-newsroom";
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(newsroom, { site: { url: "https://user.github.io/", name: "User's news" }, feeds: true, sitemaps: true });
}
export const config = { pathPrefix: "/news/" };
`,
      "src/_includes/story.njk": nunjucksLayout.replace("{% newsroomAssets %}", "{% newsroomAssets %}{% newsroomMetadata %}"),
      "src/story.md": `${story}\n::: video url="/media/clip.mp4" title="Clip" poster="/media/clip.jpg" posterAlt="A frame" captions="/media/clip.vtt" transcript="/media/clip/"\n:::\n`,
      // The poster goes through the image pipeline, which reads the file.
      "src/media/clip.jpg": FIXTURE_JPEG,
      "src/quotes.njk": quotesPage + '{% for quote in collections.quotes %}<a class="story-link" href="{{ quote.story.url }}">{{ quote.story.title }}</a>{% endfor %}',
    });
    const document = pages.get("/story/")!;
    expectStory(document);
    const urls = [
      document.querySelector("script[type=module]")?.getAttribute("src"),
      document.querySelector("video")?.getAttribute("poster"),
      document.querySelector("video source")?.getAttribute("src"),
      document.querySelector("video track")?.getAttribute("src"),
      document.querySelector(".newsroom-video__transcript")?.getAttribute("href"),
    ];
    for (const url of urls) expect(url).toMatch(/^\/news\//);
    expect(pages.get("/quotes/")!.querySelector("a.story-link")?.getAttribute("href")).toBe("/news/story/");

    // Machines get absolute addresses: the site's address, then the prefix.
    const graph = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!)["@graph"] as Array<Record<string, any>>;
    const article = graph.find((node) => node["@type"] === "NewsArticle")!;
    const videos = graph.filter((node) => node["@type"] === "VideoObject");
    const absolute = [
      article["url"],
      article["mainEntityOfPage"]["@id"],
      ...article["image"].map((image: Record<string, string>) => image["url"]),
      ...videos.flatMap((video) => [video["contentUrl"], video["thumbnailUrl"]].flat().filter(Boolean)),
      document.querySelector('meta[property="og:url"]')?.getAttribute("content"),
      document.querySelector('meta[property="og:image"]')?.getAttribute("content"),
    ];
    expect(absolute.length).toBeGreaterThan(6);
    for (const url of absolute) expect(url).toMatch(/^https:\/\/user\.github\.io\/news\//);
    const output = join(sandbox, "prefix", "_site");
    const feed = readFileSync(join(output, "feed.xml"), "utf8");
    expect(feed).toContain("<id>https://user.github.io/news/story/</id>");
    expect(JSON.parse(readFileSync(join(output, "feed.json"), "utf8")).items[0].url).toBe("https://user.github.io/news/story/");
    const sitemap = readFileSync(join(output, "sitemap.xml"), "utf8");
    expect([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])).toEqual(["https://user.github.io/news/quotes/", "https://user.github.io/news/story/"]);
  });

  test("(f) every shortcode, container and collection renamed", () => {
    const pages = buildConsumer("renamed", {
      "package.json": JSON.stringify({ type: "module" }),
      "eleventy.config.js":
        'import newsroom from "eleventy-plugin-newsroom";\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(newsroom, {\n    shortcodes: { highlights: "nrHighlights", quote: "nrQuote", pullquote: "nrPullquote", video: "nrVideo", dateline: "nrDateline", assets: "nrAssets" },\n    filters: { quote: "asQuote" },\n    collections: { stories: "nrStories", highlights: "nrHighlights", quotes: "nrQuotes", videos: "nrVideos" },\n  });\n}\n',
      "src/_includes/story.njk": nunjucksLayout.replace("newsroomAssets", "nrAssets"),
      "src/story.md": story.replace(/::: (pullquote|quote|video)/g, (_m, name: string) => `::: nr${name[0]!.toUpperCase()}${name.slice(1)}`),
      "src/quotes.njk": quotesPage.replace("collections.quotes", "collections.nrQuotes").replace("newsroomQuote", "asQuote"),
    });
    expectStory(pages.get("/story/"));
    expect(pages.get("/quotes/")!.querySelectorAll("figure.newsroom-quote")).toHaveLength(2);
  });

  test("(g) another plugin that also defines `video`: the one added last wins, so rename ours", () => {
    const otherPlugin = 'function otherVideoPlugin(eleventyConfig) { eleventyConfig.addShortcode("video", (id) => `<div class="other-video">${id}</div>`); }\n';
    const files = (options: string, page: string) => ({
      "package.json": JSON.stringify({ type: "module" }),
      "eleventy.config.js": `import newsroom from "eleventy-plugin-newsroom";\n${otherPlugin}export default function (eleventyConfig) {\n  eleventyConfig.addPlugin(newsroom${options});\n  eleventyConfig.addPlugin(otherVideoPlugin);\n}\n`,
      "src/page.njk": page,
    });
    // Without renaming, the other plugin's `video` replaces ours: Eleventy keeps the last shortcode of a name, silently.
    const clash = buildConsumer("conflict", files("", '{% video "abc" %}')).get("/page/")!;
    expect(readableText(clash.querySelector(".other-video"))).toBe("abc");
    expect(clash.querySelector("figure.newsroom-video")).toBeNull();
    // Renamed, both work side by side.
    const page = buildConsumer("conflict-renamed", files(', { shortcodes: { video: "newsVideo" } }', '{% video "abc" %}{% newsVideo url="https://vimeo.com/1", title="Ours" %}')).get("/page/")!;
    expect(readableText(page.querySelector(".other-video"))).toBe("abc");
    expect(readableText(page.querySelector("figure.newsroom-video .newsroom-video__title"))).toBe("Ours");
  });
});
