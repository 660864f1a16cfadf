import { beforeAll, describe, expect, test, vi } from "vitest";
import { ATOM_NAMESPACE } from "../../src/metadata/feeds.js";
import { failureOf } from "../helpers/errors.js";
import { buildFeedSite } from "../helpers/feedSite.js";
import { parseFragment } from "../helpers/html.js";
import { childrenNamed, childText, onlyChild, parseXml } from "../helpers/xml.js";

const A = ATOM_NAMESPACE;

const STORY = `---
title: 'Tillerson & Kelly: "We Americans must own this problem"'
description: The secretaries met their Mexican counterparts.
date: 2017-05-18T14:30:00-04:00
updated: 2017-05-19T09:00:00-04:00
tags: story
layout: story.njk
section: World
keywords: [Mexico, drugs]
authors:
  - name: Elise Labott
    url: https://news.example/people/elise/
  - Ana Reporter
---
Read [the background](/background/), [the next story](../dated/) and [a note](#note).

![The meeting](/assets/meeting.jpg)
`;

const DATED = `---
title: A story with only a day
date: 2017-05-10
tags: story
layout: story.njk
---
Body of the dated story.
`;

const FILES = {
  "_includes/story.njk": "<!doctype html><html><body><nav>SITE NAVIGATION</nav><main>{{ content | safe }}</main></body></html>",
  "stories/tillerson.md": STORY,
  "stories/dated.md": DATED,
  "about.md": "---\ntitle: About\n---\nAbout us.\n",
  "all.njk": "---\npermalink: /all.json\neleventyExcludeFromCollections: true\n---\n[{% for p in collections.all %}\"{{ p.url }}\"{% if not loop.last %},{% endif %}{% endfor %}]",
};

const OPTIONS = { timeZone: "America/New_York" };

describe("the Atom and JSON feeds of a site", () => {
  let pages: Map<string, string>;
  beforeAll(async () => {
    pages = await buildFeedSite(FILES, { feeds: {}, options: OPTIONS });
  });

  test("the Atom feed parses as XML and carries every story, newest first, with absolute addresses", () => {
    const feed = parseXml(pages.get("/feed.xml")!).documentElement;
    expect([feed.namespaceURI, feed.localName]).toEqual([A, "feed"]);
    expect(childrenNamed(feed, A, "link").map((link) => link.getAttribute("href"))).toEqual(["https://news.example/feed.xml", "https://news.example/"]);
    const entries = childrenNamed(feed, A, "entry");
    expect(entries.map((entry) => childText(entry, A, "title"))).toEqual(['Tillerson & Kelly: "We Americans must own this problem"', "A story with only a day"]);
    expect(entries.map((entry) => childText(entry, A, "id"))).toEqual(["https://news.example/stories/tillerson/", "https://news.example/stories/dated/"]);
    expect(onlyChild(entries[0]!, A, "link").getAttribute("href")).toBe("https://news.example/stories/tillerson/");
    expect(childText(feed, A, "updated")).toBe("2017-05-19T09:00:00-04:00");
  });

  test("an entry has its authors, dates, summary and categories", () => {
    const [story, dated] = childrenNamed(parseXml(pages.get("/feed.xml")!).documentElement, A, "entry");
    const authors = childrenNamed(story!, A, "author").map((author) => [childText(author, A, "name"), childrenNamed(author, A, "uri")[0]?.textContent]);
    expect(authors).toEqual([
      ["Elise Labott", "https://news.example/people/elise/"],
      ["Ana Reporter", undefined],
    ]);
    expect([childText(story!, A, "published"), childText(story!, A, "updated")]).toEqual(["2017-05-18T14:30:00-04:00", "2017-05-19T09:00:00-04:00"]);
    expect(childText(story!, A, "summary")).toBe("The secretaries met their Mexican counterparts.");
    expect(childrenNamed(story!, A, "category").map((category) => category.getAttribute("term"))).toEqual(["World", "Mexico", "drugs"]);
    // A story with only a day is dated at the start of that day in the site's time zone; without a byline, the publisher signs it.
    expect([childText(dated!, A, "published"), childText(dated!, A, "updated")]).toEqual(["2017-05-10T00:00:00-04:00", "2017-05-10T00:00:00-04:00"]);
    expect(childrenNamed(dated!, A, "author").map((author) => childText(author, A, "name"))).toEqual(["Example News"]);
  });

  test("an entry's content is the story's full body, without its layout, every address absolute", () => {
    const [story] = childrenNamed(parseXml(pages.get("/feed.xml")!).documentElement, A, "entry");
    const content = onlyChild(story!, A, "content");
    expect(content.getAttribute("type")).toBe("html");
    const body = parseFragment(content.textContent!);
    expect(body.textContent).not.toContain("SITE NAVIGATION");
    expect([...body.querySelectorAll("a")].map((link) => link.getAttribute("href"))).toEqual([
      "https://news.example/background/",
      "https://news.example/stories/dated/",
      "https://news.example/stories/tillerson/#note",
    ]);
    expect(body.querySelector("img")?.getAttribute("src")).toBe("https://news.example/assets/meeting.jpg");
  });

  test("the JSON Feed parses and carries the same stories, content, authors and dates", () => {
    const feed = JSON.parse(pages.get("/feed.json")!);
    expect([feed.version, feed.feed_url, feed.home_page_url]).toEqual(["https://jsonfeed.org/version/1.1", "https://news.example/feed.json", "https://news.example/"]);
    const [story, dated] = feed.items;
    expect(story).toMatchObject({
      id: "https://news.example/stories/tillerson/",
      url: "https://news.example/stories/tillerson/",
      title: 'Tillerson & Kelly: "We Americans must own this problem"',
      date_published: "2017-05-18T14:30:00-04:00",
      date_modified: "2017-05-19T09:00:00-04:00",
      authors: [{ name: "Elise Labott", url: "https://news.example/people/elise/" }, { name: "Ana Reporter" }],
      tags: ["World", "Mexico", "drugs"],
    });
    expect(parseFragment(story.content_html).querySelector("img")?.getAttribute("src")).toBe("https://news.example/assets/meeting.jpg");
    expect(dated.authors).toEqual([{ name: "Example News", url: "https://news.example/" }]);
  });

  test("the feeds are in no collection", () => {
    const all = JSON.parse(pages.get("/all.json")!) as string[];
    expect(all.sort()).toEqual(["/about/", "/stories/dated/", "/stories/tillerson/"]);
  });
});

describe("feed options", () => {
  test("paths of the site's choosing, one format only, a title, a description and a limit", async () => {
    const pages = await buildFeedSite(FILES, { feeds: { atom: "/feeds/atom.xml", json: false, title: "World desk", description: "Stories & more", limit: 1 }, options: OPTIONS });
    expect(pages.has("/feed.json")).toBe(false);
    const feed = parseXml(pages.get("/feeds/atom.xml")!).documentElement;
    expect([childText(feed, A, "title"), childText(feed, A, "subtitle"), childText(feed, A, "id")]).toEqual(["World desk", "Stories & more", "https://news.example/feeds/atom.xml"]);
    expect(childrenNamed(feed, A, "entry").map((entry) => childText(entry, A, "id"))).toEqual(["https://news.example/stories/tillerson/"]);
  });

  test("a site's default layout does not wrap the feeds", async () => {
    const pages = await buildFeedSite({ ...FILES, "_data/layout.json": '"story.njk"' }, { feeds: {}, options: OPTIONS });
    expect(pages.get("/about/")).toContain("SITE NAVIGATION");
    expect(pages.get("/feed.xml")).not.toContain("SITE NAVIGATION");
    expect(JSON.parse(pages.get("/feed.json")!).items).toHaveLength(2);
  });

  test("a site without stories gets a valid empty feed", async () => {
    const pages = await buildFeedSite({ "about.md": "---\ntitle: About\n---\nAbout.\n" }, { feeds: {} });
    expect(childrenNamed(parseXml(pages.get("/feed.xml")!).documentElement, A, "entry")).toHaveLength(0);
    expect(JSON.parse(pages.get("/feed.json")!).items).toEqual([]);
  });
});

describe("a site under a path prefix", () => {
  test("every address in the feeds carries the prefix, in the content too (with Eleventy's HTML base plugin)", async () => {
    const pages = await buildFeedSite(FILES, {
      feeds: {},
      options: OPTIONS,
      pathPrefix: "/news/",
      configure: (eleventyConfig) => eleventyConfig.addPlugin(eleventyConfig.resolvePlugin("@11ty/eleventy/html-base-plugin")),
    });
    const feed = parseXml(pages.get("/feed.xml")!).documentElement;
    expect(childText(feed, A, "id")).toBe("https://news.example/news/feed.xml");
    expect(childrenNamed(feed, A, "link").map((link) => link.getAttribute("href"))).toEqual(["https://news.example/news/feed.xml", "https://news.example/news/"]);
    const [story] = childrenNamed(feed, A, "entry");
    expect(childText(story!, A, "id")).toBe("https://news.example/news/stories/tillerson/");
    const body = parseFragment(childText(story!, A, "content"));
    expect([...body.querySelectorAll("a")].map((link) => link.getAttribute("href"))).toEqual([
      "https://news.example/news/background/",
      "https://news.example/news/stories/dated/",
      "https://news.example/news/stories/tillerson/#note",
    ]);
    expect(body.querySelector("img")?.getAttribute("src")).toBe("https://news.example/news/assets/meeting.jpg");
    const json = JSON.parse(pages.get("/feed.json")!);
    expect([json.feed_url, json.home_page_url, json.items[0].url]).toEqual(["https://news.example/news/feed.json", "https://news.example/news/", "https://news.example/news/stories/tillerson/"]);
  });
});

describe("what a feed cannot carry", () => {
  test("a character XML 1.0 cannot carry fails the build, naming the story's file", async () => {
    // YAML's "\f" is a form feed: HTML can carry it (the page builds), XML 1.0 cannot.
    const story = '---\ntitle: "A page\\fbreak"\ndate: 2017-05-18\ntags: story\n---\nBody.\n';
    const message = await failureOf(buildFeedSite({ "stories/broken.md": story }, { feeds: { json: false } }));
    expect(message).toContain("stories/broken.md");
    expect(message).toContain("U+000C, a character XML 1.0 cannot carry");
  });
});

describe("a story whose metadata is wrong", () => {
  const broken = '---\ntitle: Broken\ndate: 2017-05-18\nupdated: 2017-05-01\ntags: story\n---\nBody.\n';

  test("stops a build, naming the file", async () => {
    const message = await failureOf(buildFeedSite({ "stories/broken.md": broken, "stories/dated.md": DATED.replace("layout: story.njk\n", "") }, { feeds: {} }));
    expect(message).toMatch(/stories\/broken\.md: story "updated": the story is updated or corrected before it was published/);
  });

  test("is left out of the feeds while previewing, with a warning, and the rest of the feed builds", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const pages = await buildFeedSite({ "stories/broken.md": broken, "stories/dated.md": DATED.replace("layout: story.njk\n", "") }, { feeds: {}, runMode: "serve" });
    const messages = warn.mock.calls.map((call) => String(call[0]));
    warn.mockRestore();
    const json = JSON.parse(pages.get("/feed.json")!);
    expect(json.items.map((item: { title: string }) => item.title)).toEqual(["A story with only a day"]);
    expect(messages.some((message) => message.includes("stories/broken.md") && message.includes("left out of the feeds and sitemaps"))).toBe(true);
  });
});
