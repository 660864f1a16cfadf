import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { beforeAll, describe, expect, test } from "vitest";
import { writeSite } from "./helpers/eleventy.js";
import { parseDocument, readableText } from "./helpers/html.js";

const root = resolve(import.meta.dirname, "..");

/** README's code blocks marked `file=PATH` form a complete site; this test builds it as a user would. */
function readmeFiles(): Record<string, string> {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const files: Record<string, string> = {};
  for (const match of readme.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)) files[match[1]!] = match[2]!;
  return files;
}

let pages: Map<string, string>;

beforeAll(async () => {
  const files = readmeFiles();
  const { "eleventy.config.js": config, ...templates } = files;
  const site = writeSite({
    ...Object.fromEntries(Object.entries(templates).map(([path, text]) => [`site/${path}`, text])),
    "package.json": JSON.stringify({ type: "module" }),
  });
  // The site installs the plugin: node_modules/eleventy-plugin-newsroom is this package (built to dist/ by npm test).
  mkdirSync(join(site, "node_modules"));
  symlinkSync(root, join(site, "node_modules", "eleventy-plugin-newsroom"), "dir");
  writeFileSync(join(site, "eleventy.config.js"), config!);
  const eleventy = new Eleventy(join(site, "site"), join(site, "_site"), { quietMode: true, configPath: join(site, "eleventy.config.js") });
  const results = (await eleventy.toJSON()) as Array<{ url: string; content: string }>;
  pages = new Map(results.map((page) => [page.url, page.content]));
});

describe("README's examples, built as a site", () => {
  test("README marks a config, stories in Markdown, Nunjucks, Liquid and 11ty.js, a layout and a listing page", () => {
    expect(Object.keys(readmeFiles()).sort()).toEqual([
      "_includes/story.njk",
      "eleventy.config.js",
      "quotes.njk",
      "stories/javascript-story.11ty.js",
      "stories/liquid-story.liquid",
      "stories/nunjucks-story.njk",
      "stories/tillerson.md",
    ]);
  });

  test("the Markdown story renders every element, and its layout renders the front matter", () => {
    const document = parseDocument(pages.get("/stories/tillerson/")!);
    const article = document.querySelector("article")!;
    expect(readableText(article.querySelector("h1"))).toContain("We Americans must own this problem");
    expect(article.querySelectorAll("section.newsroom-highlights li")).toHaveLength(2);
    expect(readableText(article.querySelector("aside.newsroom-pullquote .newsroom-attribution__speaker"))).toBe("Rex Tillerson");
    expect(readableText(article.querySelector("figure.newsroom-quote figcaption"))).toBe("Luis Videgaray, Mexican Foreign Secretary");
    expect(article.querySelector("figure.newsroom-video a.newsroom-video__play")?.getAttribute("data-newsroom-embed")).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/);
    expect(readableText(article.querySelector(".newsroom-dateline"))).toBe("CNN —");
    expect(article.querySelector("time")?.getAttribute("datetime")).toBe("2017-05-18");
  });

  test("the Nunjucks, Liquid and 11ty.js stories render their elements", () => {
    const nunjucks = parseDocument(pages.get("/stories/nunjucks-story/")!);
    expect(nunjucks.querySelectorAll(".newsroom-highlights li")).toHaveLength(2);
    expect(nunjucks.querySelector("aside.newsroom-pullquote")).not.toBeNull();
    expect(readableText(nunjucks.querySelector("figure.newsroom-quote .newsroom-attribution__role"))).toBe("US Secretary of Homeland Security");
    expect(nunjucks.querySelector(".newsroom-video--vimeo a")?.getAttribute("data-newsroom-embed")).toBe("https://player.vimeo.com/video/76979871?dnt=1");

    const liquid = parseDocument(pages.get("/stories/liquid-story/")!);
    expect(readableText(liquid.querySelector("figure.newsroom-quote figcaption"))).toBe("Rex Tillerson, US Secretary of State");
    const video = liquid.querySelector("video.newsroom-video__player")!;
    expect([video.getAttribute("preload"), video.getAttribute("poster"), video.querySelector("source")?.getAttribute("src")]).toEqual(["none", "/media/briefing.jpg", "/media/briefing.mp4"]);
    expect(readableText(liquid.querySelector("time.newsroom-video__duration"))).toBe("1:02:03");

    const javascript = parseDocument(pages.get("/stories/javascript-story/")!);
    expect(javascript.querySelector("figure.newsroom-quote")).not.toBeNull();
    expect(javascript.querySelector("figure.newsroom-video--youtube")).not.toBeNull();
  });

  test("the listing page groups the quotes of every story by speaker", () => {
    const document = parseDocument(pages.get("/quotes/")!);
    expect([...document.querySelectorAll("h2")].map(readableText)).toEqual(["Rex Tillerson", "Luis Videgaray", "John Kelly"]);
    expect(document.querySelectorAll("figure.newsroom-quote")).toHaveLength(5);
    expect(document.querySelector("aside")).toBeNull();
  });
});
