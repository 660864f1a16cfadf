import { beforeAll, describe, expect, test } from "vitest";
import { ATOM_NAMESPACE } from "../../src/metadata/feeds.js";
import { buildSite } from "../helpers/eleventy.js";
import { buildFeedSite } from "../helpers/feedSite.js";
import { parseDocument, parseFragment } from "../helpers/html.js";
import { childrenNamed, childText, onlyChild, parseXml } from "../helpers/xml.js";

const A = ATOM_NAMESPACE;

const LIVE = `---
title: "Live: the talks"
date: 2017-05-18
tags: story
layout: story.njk
live: true
---
:::: update time="2017-05-18T10:00" title="The meeting opens"
The secretaries meet. ![The room](/assets/room.jpg) [Background](/background/)
::::

:::: update time="2017-05-18T10:45" title="Tillerson speaks" key
He said it plainly.
::::

:::: update time="2017-05-18T11:30" author="Ana Reporter"
Demand came up again.
::::
`;

const FILES = {
  "_includes/story.njk": "<!doctype html><html><head><title>{{ title }}</title>{% newsroomMetadata %}</head><body><h1>{{ title }}</h1>{{ content | safe }}{% newsroomLiveBlog %}</body></html>",
  "stories/live.md": LIVE,
  "stories/plain.md": "---\ntitle: A plain story\ndate: 2017-05-18\ntags: story\nlayout: story.njk\n---\nWords.\n",
};
const OPTIONS = { timeZone: "America/New_York", images: false as const };

describe("a live story's feeds of its updates", () => {
  let pages: Map<string, string>;
  beforeAll(async () => {
    pages = await buildFeedSite(FILES, {
      options: OPTIONS,
      pathPrefix: "/news/",
      // The site's own transforms run on each update as on the page: here the HTML base plugin adds the prefix.
      configure: (eleventyConfig) => eleventyConfig.addPlugin(eleventyConfig.resolvePlugin("@11ty/eleventy/html-base-plugin")),
    });
  });

  test("are written beside the live story, and beside no other story", () => {
    expect([...pages.keys()].filter((url) => /feed\.(xml|json)$/.test(url)).sort()).toEqual(["/stories/live/feed.json", "/stories/live/feed.xml"]);
  });

  test("the Atom feed carries every update, newest first, at addresses with the path prefix, its content through the site's transforms with every address absolute", () => {
    const feed = parseXml(pages.get("/stories/live/feed.xml")!).documentElement;
    expect(childText(feed, A, "id")).toBe("https://news.example/news/stories/live/feed.xml");
    const entries = childrenNamed(feed, A, "entry");
    expect(entries.map((entry) => childText(entry, A, "title"))).toEqual(["Demand came up again.", "Tillerson speaks", "The meeting opens"]);
    expect(entries.map((entry) => childText(entry, A, "id"))).toEqual([
      "https://news.example/news/stories/live/#update-20170518-1130",
      "https://news.example/news/stories/live/#update-20170518-1045-tillerson-speaks",
      "https://news.example/news/stories/live/#update-20170518-1000-the-meeting-opens",
    ]);
    expect(childText(onlyChild(entries[0]!, A, "author"), A, "name")).toBe("Ana Reporter");
    expect(entries.map((entry) => childrenNamed(entry, A, "category").map((category) => category.getAttribute("term")))).toEqual([[], ["key-event"], []]);
    const content = parseFragment(childText(entries[2]!, A, "content"));
    expect(content.querySelector("article.newsroom-update")?.id).toBe("update-20170518-1000-the-meeting-opens");
    expect(content.querySelector("img")?.getAttribute("src")).toBe("https://news.example/news/assets/room.jpg");
    expect(content.querySelector(".newsroom-update__body a")?.getAttribute("href")).toBe("https://news.example/news/background/");
    expect(content.querySelector(".newsroom-update__permalink")?.getAttribute("href")).toBe("https://news.example/news/stories/live/#update-20170518-1000-the-meeting-opens");
  });

  test("the JSON Feed carries the same updates", () => {
    const feed = JSON.parse(pages.get("/stories/live/feed.json")!);
    expect(feed.feed_url).toBe("https://news.example/news/stories/live/feed.json");
    expect(feed.items.map((item: { id: string; tags?: string[] }) => [item.id.replace(/^.*#/, ""), item.tags])).toEqual([
      ["update-20170518-1130", undefined],
      ["update-20170518-1045-tillerson-speaks", ["key-event"]],
      ["update-20170518-1000-the-meeting-opens", undefined],
    ]);
  });

  test("the live page links to both, and its JSON-LD is a LiveBlogPosting; the plain story links to none", () => {
    const live = parseDocument(pages.get("/stories/live/")!);
    expect([...live.querySelectorAll('link[rel="alternate"]')].map((link) => [link.getAttribute("type"), link.getAttribute("href"), link.getAttribute("title")])).toEqual([
      ["application/atom+xml", "https://news.example/news/stories/live/feed.xml", "Live: the talks"],
      ["application/feed+json", "https://news.example/news/stories/live/feed.json", "Live: the talks"],
    ]);
    expect(JSON.parse(live.querySelector('script[type="application/ld+json"]')!.textContent!)["@graph"][0]["@type"]).toBe("LiveBlogPosting");
    expect(parseDocument(pages.get("/stories/plain/")!).querySelectorAll('link[rel="alternate"]')).toHaveLength(0);
  });
});

describe("without them", () => {
  test("live: { feeds: false } writes no feeds and links none; the story is still a LiveBlogPosting", async () => {
    const pages = await buildFeedSite(FILES, { options: { ...OPTIONS, live: { feeds: false } } });
    expect([...pages.keys()].filter((url) => url.includes("feed"))).toEqual([]);
    const live = parseDocument(pages.get("/stories/live/")!);
    expect(live.querySelectorAll('link[rel="alternate"]')).toHaveLength(0);
    expect(JSON.parse(live.querySelector('script[type="application/ld+json"]')!.textContent!)["@graph"][0]["@type"]).toBe("LiveBlogPosting");
  });

  test("a site without the site option gets no feeds (they need absolute addresses)", async () => {
    const files = { ...FILES, "_includes/story.njk": "<!doctype html><html><head><title>{{ title }}</title></head><body>{{ content | safe }}{% newsroomLiveBlog %}</body></html>" };
    const pages = await buildSite(files, { options: OPTIONS });
    expect(pages.has("/stories/live/")).toBe(true);
    expect([...pages.keys()].filter((url) => url.includes("feed"))).toEqual([]);
  });
});
