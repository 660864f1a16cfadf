/**
 * The example site's live story, read as machines read it: its JSON-LD (a LiveBlogPosting whose every update's address
 * lands on that update), its own Atom and JSON feeds of its updates, the links to them, and the site's feed; then the
 * same story as news, in a site that publishes it as its own, for the sitemaps. Everything expected is read from the
 * pages the build wrote, so the test checks that machines are told what readers are shown.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildExampleSite } from "../helpers/exampleSite.js";
import { buildFeedSite } from "../helpers/feedSite.js";
import { parseDocument, parseFragment, readableText } from "../helpers/html.js";
import { childrenNamed, childText, onlyChild, parseXml } from "../helpers/xml.js";

const SITE_URL = "http://localhost:8080/";
const STORY_PATH = "/stories/live-us-mexico-drug-talks/";
const STORY_URL = `${SITE_URL}${STORY_PATH.slice(1)}`;
const ATOM = "http://www.w3.org/2005/Atom";
const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

type Node = Record<string, any>;

/** An update as its page shows it: its id, the page, its times, its title and words, and whether it is a key event. */
interface ShownUpdate {
  id: string;
  page: string;
  time: string;
  edited: string | undefined;
  title: string | undefined;
  body: string;
  key: boolean;
}

let output: string;
let document: Document;
let posting: Node;
const pages = new Map<string, Document>();
/** The page at an address of the example site, as the build wrote it. */
const pageAt = (url: string) => {
  const path = new URL(url).pathname;
  if (!pages.has(path)) pages.set(path, parseDocument(readFileSync(join(output, path, "index.html"), "utf8")));
  return pages.get(path)!;
};
/** Every update the live page and its numbered pages show, by id (the pinned one once, where it is listed in order). */
let shown: Map<string, ShownUpdate>;

function updatesOn(url: string): ShownUpdate[] {
  return [...pageAt(url).querySelectorAll(".newsroom-live__updates > article.newsroom-update")].map((article) => ({
    id: article.id,
    page: url,
    time: article.querySelector(".newsroom-update__meta time")!.getAttribute("datetime")!,
    edited: article.querySelector(".newsroom-update__edited time")?.getAttribute("datetime") ?? undefined,
    title: readableText(article.querySelector(".newsroom-update__title")) || undefined,
    body: readableText(article.querySelector(".newsroom-update__body")),
    key: article.classList.contains("newsroom-update--key"),
  }));
}

const instant = (iso: string) => new Date(iso).getTime();

beforeAll(() => {
  output = buildExampleSite({ SITE_URL });
  document = pageAt(STORY_URL);
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  const graph = JSON.parse(scripts[0]!.textContent!) as { "@context": string; "@graph": Node[] };
  expect(graph["@context"]).toBe("https://schema.org");
  posting = graph["@graph"][0]!;
  // The live page and every numbered page it links to.
  const numbered = [...document.querySelectorAll(".newsroom-live__page-list > li > a")].map((link) => new URL(link.getAttribute("href")!, STORY_URL).href);
  expect(numbered).toEqual([`${STORY_URL}updates/1/`]);
  shown = new Map([STORY_URL, ...numbered].flatMap(updatesOn).map((update) => [update.id, update]));
  // The pinned update is shown apart, above the others, on the live page.
  const pinned = document.querySelector(".newsroom-live__pinned article.newsroom-update")!;
  expect(shown.has(pinned.id)).toBe(true);
}, 120_000);

const newestFirst = () => [...shown.values()].sort((a, b) => instant(b.time) - instant(a.time));

describe("the live story's JSON-LD", () => {
  test("its article is a LiveBlogPosting in the page's one graph, with the publisher and the breadcrumbs as any story's", () => {
    expect(posting["@type"]).toBe("LiveBlogPosting");
    expect(posting["@id"]).toBe(`${STORY_URL}#article`);
    expect(posting["headline"]).toBe(readableText(document.querySelector("h1")));
    expect(posting["publisher"]).toEqual({ "@type": "NewsMediaOrganization", name: "CNN", url: "https://edition.cnn.com/" });
    expect(posting["mainEntityOfPage"]["@id"]).toBe(STORY_URL);
    expect(posting).not.toHaveProperty("dateline");
  });

  test("coverage started at the first update, ended when the story says, and the story was last modified at its newest update", () => {
    const times = newestFirst().map((update) => update.time);
    expect(times).toHaveLength(12);
    expect(posting["coverageStartTime"]).toBe(times.at(-1));
    expect(posting["datePublished"]).toBe(times.at(-1));
    // The page says coverage has ended; front matter: coverageEnded: 2017-05-18T17:00:00-04:00.
    expect(document.querySelector(".newsroom-live__status--ended")).not.toBeNull();
    expect(posting["coverageEndTime"]).toBe("2017-05-18T17:00:00-04:00");
    expect(posting["dateModified"]).toBe(times[0]);
    // The byline says so too.
    expect(document.querySelector(".newsroom-byline__published time")?.getAttribute("datetime")).toBe(times.at(-1));
    expect(document.querySelector(".newsroom-byline__updated time")?.getAttribute("datetime")).toBe(times[0]);
  });

  test("liveBlogUpdate: a BlogPosting per update of every page, newest first, each dated, titled and worded as the page shows it", () => {
    const updates = posting["liveBlogUpdate"] as Node[];
    const expected = newestFirst();
    expect(updates.map((update) => update["@type"])).toEqual(Array(expected.length).fill("BlogPosting"));
    expect(updates.map((update) => update["datePublished"])).toEqual(expected.map((update) => update.time));
    for (const [index, update] of updates.entries()) {
      const page = expected[index]!;
      expect(update["dateModified"], page.id).toBe(page.edited ?? page.time);
      expect(update["articleBody"], page.id).toBe(page.body);
      if (page.title) expect(update["headline"], page.id).toBe(page.title);
      else expect(page.body.startsWith(update["headline"].replace(/…$/, "")), page.id).toBe(true);
      expect([...update["headline"]].length, page.id).toBeLessThanOrEqual(110);
      // The example's updates give no author: none is invented.
      expect(update, page.id).not.toHaveProperty("author");
    }
    // The edited one: posted at 11:00, edited at 11:25.
    expect(updates.filter((update) => update["dateModified"] !== update["datePublished"]).map((update) => [update["datePublished"], update["dateModified"]])).toEqual([
      ["2017-05-18T11:00:00-04:00", "2017-05-18T11:25:00-04:00"],
    ]);
  });

  test("every update's url lands on it: its #id is an element of the page the address names", () => {
    for (const update of posting["liveBlogUpdate"] as Node[]) {
      const url = new URL(update["url"]);
      const page = `${url.origin}${url.pathname}`;
      const target = pageAt(page).getElementById(url.hash.slice(1));
      expect(target, update["url"]).not.toBeNull();
      expect(target!.matches("article.newsroom-update"), update["url"]).toBe(true);
      expect(shown.get(target!.id)?.time, update["url"]).toBe(update["datePublished"]);
    }
    // The older ones are on the numbered page.
    expect((posting["liveBlogUpdate"] as Node[]).filter((update) => update["url"].startsWith(`${STORY_URL}updates/1/#`))).toHaveLength(5);
  });
});

describe("the live story's own feeds", () => {
  test("the page announces them, and they are where it says", () => {
    const links = [...document.querySelectorAll('link[rel="alternate"]')].filter((link) => link.getAttribute("href")!.startsWith(STORY_URL));
    expect(links.map((link) => [link.getAttribute("type"), link.getAttribute("href"), link.getAttribute("title")])).toEqual([
      ["application/atom+xml", `${STORY_URL}feed.xml`, posting["headline"]],
      ["application/feed+json", `${STORY_URL}feed.json`, posting["headline"]],
    ]);
    for (const link of links) expect(existsSync(join(output, new URL(link.getAttribute("href")!).pathname))).toBe(true);
  });

  test("the Atom feed parses and has an entry per update, newest first: permalink, page, title, dates, key events, the update as shown", () => {
    const feed = parseXml(readFileSync(join(output, STORY_PATH, "feed.xml"), "utf8")).documentElement;
    expect([feed.namespaceURI, feed.localName]).toEqual([ATOM, "feed"]);
    expect(childText(feed, ATOM, "title")).toBe(posting["headline"]);
    expect(childText(feed, ATOM, "updated")).toBe(posting["dateModified"]);
    const entries = childrenNamed(feed, ATOM, "entry");
    const expected = newestFirst();
    expect(entries.map((entry) => childText(entry, ATOM, "id"))).toEqual(expected.map((update) => `${STORY_URL}#${update.id}`));
    const blogUpdates = posting["liveBlogUpdate"] as Node[];
    for (const [index, entry] of entries.entries()) {
      const update = expected[index]!;
      expect(onlyChild(entry, ATOM, "link").getAttribute("href"), update.id).toBe(blogUpdates[index]!["url"]);
      expect(childText(entry, ATOM, "title"), update.id).toBe(update.title ?? blogUpdates[index]!["headline"]);
      expect([childText(entry, ATOM, "published"), childText(entry, ATOM, "updated")], update.id).toEqual([update.time, update.edited ?? update.time]);
      expect(childrenNamed(entry, ATOM, "category").map((category) => category.getAttribute("term")), update.id).toEqual(update.key ? ["key-event"] : []);
      expect(childText(childrenNamed(entry, ATOM, "author")[0]!, ATOM, "name")).toBe("CNN");
      // The content is the update's <article>, every address in it absolute.
      const content = parseFragment(childText(entry, ATOM, "content"));
      const article = content.querySelector("article.newsroom-update")!;
      expect(article.id, update.id).toBe(update.id);
      expect(readableText(article.querySelector(".newsroom-update__body")), update.id).toBe(update.body);
      for (const element of content.querySelectorAll("[href], [src]")) {
        const address = element.getAttribute("href") ?? element.getAttribute("src")!;
        expect(address, update.id).toMatch(/^https?:\/\//);
      }
      expect(article.querySelector(".newsroom-update__permalink")?.getAttribute("href"), update.id).toBe(blogUpdates[index]!["url"]);
    }
    expect(entries.filter((entry) => childrenNamed(entry, ATOM, "category").length > 0)).toHaveLength(document.querySelectorAll(".newsroom-live__key-event-list li").length);
  });

  test("the JSON Feed parses and carries the same updates, tags and dates", () => {
    const feed = JSON.parse(readFileSync(join(output, STORY_PATH, "feed.json"), "utf8"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect([feed.title, feed.home_page_url, feed.feed_url]).toEqual([posting["headline"], STORY_URL, `${STORY_URL}feed.json`]);
    const expected = newestFirst();
    expect(feed.items.map((item: Node) => [item["id"], item["date_published"], item["date_modified"], item["tags"]])).toEqual(
      expected.map((update) => [`${STORY_URL}#${update.id}`, update.time, update.edited, update.key ? ["key-event"] : undefined]),
    );
    expect(feed.items.map((item: Node) => item["url"])).toEqual((posting["liveBlogUpdate"] as Node[]).map((update) => update["url"]));
  });
});

describe("the site's feed", () => {
  test("shows the live story published at its first update and updated at its newest", () => {
    const feed = parseXml(readFileSync(join(output, "feed.xml"), "utf8")).documentElement;
    const entry = childrenNamed(feed, ATOM, "entry").find((candidate) => childText(candidate, ATOM, "id") === STORY_URL)!;
    expect(entry).toBeDefined();
    expect([childText(entry, ATOM, "published"), childText(entry, ATOM, "updated")]).toEqual([posting["coverageStartTime"], posting["dateModified"]]);
    const item = JSON.parse(readFileSync(join(output, "feed.json"), "utf8")).items.find((candidate: Node) => candidate["id"] === STORY_URL);
    expect([item["date_published"], item["date_modified"]]).toEqual([posting["coverageStartTime"], posting["dateModified"]]);
  });
});

describe("the example live story as news, in a site that publishes it as its own", () => {
  // The example site is built years after 2017, when the story is no longer news: here it is built the day after.
  const source = readFileSync(resolve(import.meta.dirname, "../../site/stories/live-us-mexico-drug-talks.md"), "utf8");
  const FILES = {
    "stories/live.md": source.replace(/^---\n/, "---\ntags: story\nlayout: story.njk\npermalink: /stories/live/\n"),
    "_includes/story.njk": "<!doctype html><html><head><title>{{ title }}</title>{% newsroomMetadata %}</head><body><h1>{{ title }}</h1>{{ content | safe }}{% newsroomLiveBlog %}</body></html>",
    "_includes/updates.njk": "<!doctype html><html><head><title>{{ title }}</title></head><body>{{ content | safe }}</body></html>",
  };
  let built: Map<string, string>;
  let article: Node;
  beforeAll(async () => {
    built = await buildFeedSite(FILES, {
      sitemaps: { buildTime: new Date("2017-05-19T12:00:00Z") },
      options: { timeZone: "America/New_York", images: false, live: { pageSize: 5, layout: "updates.njk" } },
    });
    const page = parseDocument(built.get("/stories/live/")!);
    article = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!)["@graph"][0];
  }, 120_000);

  test("the news sitemap lists it, published at its first update and last modified at its newest", () => {
    const urls = childrenNamed(parseXml(built.get("/news-sitemap.xml")!).documentElement, SITEMAP, "url");
    expect(urls.map((url) => childText(url, SITEMAP, "loc"))).toEqual(["https://news.example/stories/live/"]);
    const [url] = urls;
    expect(article["dateModified"]).toBe("2017-05-18T16:00:00-04:00");
    expect(childText(url!, SITEMAP, "lastmod")).toBe(article["dateModified"]);
    expect(childText(onlyChild(url!, NEWS, "news"), NEWS, "publication_date")).toBe(article["coverageStartTime"]);
  });

  test("the sitemap gives it the same lastmod", () => {
    const urls = childrenNamed(parseXml(built.get("/sitemap.xml")!).documentElement, SITEMAP, "url");
    const url = urls.find((candidate) => childText(candidate, SITEMAP, "loc") === "https://news.example/stories/live/")!;
    expect(childText(url, SITEMAP, "lastmod")).toBe(article["dateModified"]);
  });
});
