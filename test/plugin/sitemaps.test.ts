import { beforeAll, describe, expect, test } from "vitest";
import { NEWS_SITEMAP_NAMESPACE, SITEMAP_NAMESPACE } from "../../src/metadata/sitemaps.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildFeedSite, writeFeedSite } from "../helpers/feedSite.js";
import { childNames, childrenNamed, childText, onlyChild, parseXml } from "../helpers/xml.js";

const S = SITEMAP_NAMESPACE;
const N = NEWS_SITEMAP_NAMESPACE;
/** Two days and a bit after the fresh story, a week after the old one. */
const BUILD_TIME = new Date("2026-11-29T12:00:00Z");

const story = (title: string, date: string, extra = "") => `---\ntitle: ${title}\ndate: ${date}\ntags: story\n${extra}---\nBody of ${title}.\n`;

const FILES = {
  "index.njk": "---\ntitle: Home\n---\n<h1>Home</h1>",
  "about.md": "---\ntitle: About\n---\nAbout us.\n",
  "404.md": "---\ntitle: Not found\npermalink: /404.html\nsitemap: false\n---\nNothing here.\n",
  "hidden.md": "---\ntitle: Hidden\npermalink: false\n---\nNot written.\n",
  "style.njk": "---\npermalink: /style.css\n---\nbody { color: black; }",
  "stories/fresh.md": story("Fresh & new", "2026-11-28T09:00:00-05:00"),
  "stories/today.md": story("Dated today", "2026-11-29"),
  "stories/old.md": story("Old", "2026-11-20T09:00:00-05:00", "updated: 2026-11-21T10:00:00-05:00\n"),
  "stories/future.md": story("Embargoed", "2026-11-30T09:00:00-05:00"),
  "stories/republished.md": story("Republished", "2026-11-28T10:00:00-05:00", "original: https://wire.example/story\n"),
};

const OPTIONS = { timeZone: "America/New_York" };
const locs = (xml: string) => childrenNamed(parseXml(xml).documentElement, S, "url").map((url) => childText(url, S, "loc"));

describe("the sitemaps of a site", () => {
  let pages: Map<string, string>;
  beforeAll(async () => {
    pages = await buildFeedSite(FILES, { sitemaps: { buildTime: BUILD_TIME, publicationName: "The Example Times" }, options: OPTIONS, feeds: {} });
  });

  test("sitemap.xml lists every HTML page by absolute address, and nothing else", () => {
    const xml = pages.get("/sitemap.xml")!;
    const root = parseXml(xml).documentElement;
    expect([root.namespaceURI, root.localName]).toEqual([S, "urlset"]);
    // Not the stylesheet, the feeds, the sitemaps, a page without output, a page that opts out, or a republished story.
    expect(locs(xml)).toEqual([
      "https://news.example/",
      "https://news.example/about/",
      "https://news.example/stories/fresh/",
      "https://news.example/stories/future/",
      "https://news.example/stories/old/",
      "https://news.example/stories/today/",
    ]);
  });

  test("a story's lastmod is when it last changed; a date-only story's stays a day", () => {
    const urls = childrenNamed(parseXml(pages.get("/sitemap.xml")!).documentElement, S, "url");
    const lastmod = Object.fromEntries(urls.map((url) => [childText(url, S, "loc"), childrenNamed(url, S, "lastmod")[0]?.textContent]));
    expect(lastmod).toEqual({
      "https://news.example/": undefined,
      "https://news.example/about/": undefined,
      "https://news.example/stories/fresh/": "2026-11-28T09:00:00-05:00",
      "https://news.example/stories/future/": "2026-11-30T09:00:00-05:00",
      "https://news.example/stories/old/": "2026-11-21T10:00:00-05:00",
      "https://news.example/stories/today/": "2026-11-29",
    });
  });

  test("the news sitemap has the sitemap and Google News structure", () => {
    const root = parseXml(pages.get("/news-sitemap.xml")!).documentElement;
    expect([root.namespaceURI, root.localName, root.lookupNamespaceURI("news")]).toEqual([S, "urlset", N]);
    const urls = childrenNamed(root, S, "url");
    for (const url of urls) {
      expect(childNames(url)).toEqual([`{${S}}loc`, `{${N}}news`]);
      const news = onlyChild(url, N, "news");
      expect(childNames(news)).toEqual([`{${N}}publication`, `{${N}}publication_date`, `{${N}}title`]);
      const publication = onlyChild(news, N, "publication");
      expect([childText(publication, N, "name"), childText(publication, N, "language")]).toEqual(["The Example Times", "en"]);
    }
    const fresh = urls.find((url) => childText(url, S, "loc") === "https://news.example/stories/fresh/")!;
    const news = onlyChild(fresh, N, "news");
    expect([childText(news, N, "publication_date"), childText(news, N, "title")]).toEqual(["2026-11-28T09:00:00-05:00", "Fresh & new"]);
  });

  test("the news sitemap has the stories of the two days before the build, newest first, and no other", () => {
    // Not the week-old story, not the one dated after the build, not the republished one (its original is elsewhere).
    expect(locs(pages.get("/news-sitemap.xml")!)).toEqual(["https://news.example/stories/today/", "https://news.example/stories/fresh/"]);
  });

  test("feeds and sitemaps are in no sitemap", () => {
    expect(pages.has("/feed.xml")).toBe(true);
    expect(locs(pages.get("/sitemap.xml")!).some((loc) => /feed|sitemap|style/.test(loc))).toBe(false);
  });
});

describe("sitemap options", () => {
  test("one sitemap only, at a path of the site's choosing; the publication is the site's name by default", async () => {
    const pages = await buildFeedSite(FILES, { sitemaps: { sitemap: false, news: "/sitemaps/news.xml", buildTime: BUILD_TIME }, options: OPTIONS });
    expect(pages.has("/sitemap.xml")).toBe(false);
    const url = childrenNamed(parseXml(pages.get("/sitemaps/news.xml")!).documentElement, S, "url")[0]!;
    expect(childText(onlyChild(onlyChild(url, N, "news"), N, "publication"), N, "name")).toBe("Example News");
  });

  test("a later build time moves the window", async () => {
    const pages = await buildFeedSite(FILES, { sitemaps: { buildTime: new Date("2026-11-21T12:00:00Z") }, options: OPTIONS });
    expect(locs(pages.get("/news-sitemap.xml")!)).toEqual(["https://news.example/stories/old/"]);
  });

  test("a news sitemap with no story in the window is an empty urlset, still at its address", async () => {
    const pages = await buildFeedSite(FILES, { sitemaps: { buildTime: new Date("2030-01-01T00:00:00Z") }, options: OPTIONS });
    expect(locs(pages.get("/news-sitemap.xml")!)).toEqual([]);
  });
});

describe("a site under a path prefix", () => {
  test("every address in the sitemaps carries the prefix", async () => {
    const pages = await buildFeedSite(FILES, { sitemaps: { buildTime: BUILD_TIME }, options: OPTIONS, pathPrefix: "/news/" });
    expect(locs(pages.get("/sitemap.xml")!)).toContain("https://news.example/news/stories/fresh/");
    expect(locs(pages.get("/sitemap.xml")!).every((loc) => loc.startsWith("https://news.example/news/"))).toBe(true);
    expect(locs(pages.get("/news-sitemap.xml")!)).toEqual(["https://news.example/news/stories/today/", "https://news.example/news/stories/fresh/"]);
  });
});

describe("written to disk", () => {
  test("the sitemaps and feeds are files at their paths (the path prefix is where the site is served, not a folder)", async () => {
    const output = await writeFeedSite(FILES, { sitemaps: { buildTime: BUILD_TIME }, feeds: {}, options: OPTIONS, pathPrefix: "/news/" });
    const read = (path: string) => readFileSync(join(output, path), "utf8");
    expect(locs(read("sitemap.xml"))).toContain("https://news.example/news/about/");
    expect(locs(read("news-sitemap.xml"))).toHaveLength(2);
    expect(JSON.parse(read("feed.json")).items.length).toBeGreaterThan(0);
    parseXml(read("feed.xml"));
  });
});

describe("a news site with more than 1,000 stories in two days", () => {
  test("the news sitemap splits at 1,000, with a sitemap index at its address", async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 1001; index++) {
      const minute = String(index % 60).padStart(2, "0");
      const hour = String(Math.floor(index / 60) % 24).padStart(2, "0");
      files[`stories/s${index}.md`] = `---\ntitle: Story ${index}\ndate: 2026-11-28T${hour}:${minute}:00Z\ntags: story\n---\nx\n`;
    }
    const pages = await buildFeedSite(files, { sitemaps: { sitemap: false, buildTime: BUILD_TIME }, pathPrefix: "/news/" });
    const index = parseXml(pages.get("/news-sitemap.xml")!).documentElement;
    expect([index.namespaceURI, index.localName]).toEqual([S, "sitemapindex"]);
    const parts = childrenNamed(index, S, "sitemap").map((sitemap) => childText(sitemap, S, "loc"));
    expect(parts).toEqual(["https://news.example/news/news-sitemap-1.xml", "https://news.example/news/news-sitemap-2.xml"]);
    const first = locs(pages.get("/news-sitemap-1.xml")!);
    const second = locs(pages.get("/news-sitemap-2.xml")!);
    expect([first.length, second.length]).toEqual([1000, 1]);
    expect(new Set([...first, ...second]).size).toBe(1001);
  }, 120_000);
});
