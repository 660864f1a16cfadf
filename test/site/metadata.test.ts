/**
 * The built example story, read as machines read it: its JSON-LD, cards, feeds and sitemaps, checked against the facts
 * in test/fixtures/seed/README.md and against what the page itself shows.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { buildExampleSite } from "../helpers/exampleSite.js";
import { parseDocument, readableText } from "../helpers/html.js";
import { childrenNamed, childText, parseXml } from "../helpers/xml.js";

const ORIGINAL = "https://edition.cnn.com/2017/05/18/politics/tillerson-mexico-drug-trade/index.html";
const SITE_URL = "http://localhost:8080/";
const STORY_URL = `${SITE_URL}stories/tillerson-mexico-drug-trade/`;
const LIVE_STORY_URL = `${SITE_URL}stories/live-us-mexico-drug-talks/`;
const ATOM = "http://www.w3.org/2005/Atom";
const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

type Node = Record<string, any>;

let output: string;
let document: Document;
let nodes: Node[];
const node = (type: string) => nodes.find((candidate) => candidate["@type"] === type)!;
const meta = (key: string) => [...document.querySelectorAll("meta")].filter((m) => (m.getAttribute("property") ?? m.getAttribute("name")) === key).map((m) => m.getAttribute("content"));
/** An address on the example site, as the file the build wrote for it. */
const fileOf = (url: string) => join(output, new URL(url).pathname);

beforeAll(() => {
  output = buildExampleSite({ SITE_URL });
  document = parseDocument(readFileSync(join(output, "stories/tillerson-mexico-drug-trade/index.html"), "utf8"));
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  const graph = JSON.parse(scripts[0]!.textContent!) as { "@context": string; "@graph": Node[] };
  expect(graph["@context"]).toBe("https://schema.org");
  nodes = graph["@graph"];
}, 120_000);

describe("the example story's JSON-LD", () => {
  test("one graph: the article, its video and the breadcrumbs", () => {
    expect(nodes.map((n) => n["@type"])).toEqual(["NewsArticle", "VideoObject", "BreadcrumbList"]);
  });

  test("the seed's facts: CNN, Politics, 18 May 2017 without a time, the original address; no invented author", () => {
    const article = node("NewsArticle");
    expect(article["publisher"]).toEqual({ "@type": "NewsMediaOrganization", name: "CNN", url: "https://edition.cnn.com/" });
    expect(article["articleSection"]).toBe("Politics");
    expect(article["datePublished"]).toBe("2017-05-18");
    expect(article["dateModified"]).toBe("2017-05-18");
    expect(article["isBasedOn"]).toBe(ORIGINAL);
    // No byline is known: the story is credited to its publisher, not to an invented person.
    expect(article["author"]).toEqual([{ "@type": "Organization", name: "CNN", url: "https://edition.cnn.com/" }]);
    expect(JSON.stringify(nodes)).not.toContain('"Person"');
    expect(article["isAccessibleForFree"]).toBe(true);
    expect(article["inLanguage"]).toBe("en");
    expect(article["mainEntityOfPage"]["@id"]).toBe(STORY_URL);
    expect(article["url"]).toBe(STORY_URL);
  });

  test("says what the page shows: headline, description, section, byline, date, dateline", () => {
    const article = node("NewsArticle");
    expect(article["headline"]).toBe(readableText(document.querySelector("h1")));
    const highlights = [...document.querySelectorAll(".newsroom-highlights li")].map(readableText);
    // The seed's story highlights: two items.
    expect(highlights).toHaveLength(2);
    expect(article["description"]).toBe(highlights.join(" · "));
    expect(meta("description")).toEqual([article["description"]]);
    expect(article["articleSection"]).toBe(readableText(document.querySelector(".story__section")));
    expect(readableText(document.querySelector(".newsroom-byline__authors"))).toBe(`By ${article["author"][0].name}`);
    expect(document.querySelector(".newsroom-byline__published time")?.getAttribute("datetime")).toBe(article["datePublished"]);
    expect(article["dateline"]).toBe(readableText(document.querySelector(".newsroom-dateline__text")));
    // The default speakable parts: the headline and the highlights.
    expect(article["speakable"]["cssSelector"]).toHaveLength(2);
    for (const selector of article["speakable"]["cssSelector"] as string[]) expect(document.querySelector(selector), selector).not.toBeNull();
  });

  test("the image: 16:9, 4:3 and 1:1 crops of the poster illustration, 1200 px wide, written to disk at their sizes", async () => {
    const images = node("NewsArticle")["image"] as Node[];
    expect(images.map((image) => [image["width"], image["height"]])).toEqual([
      [1200, 675],
      [1200, 900],
      [1200, 1200],
    ]);
    for (const image of images) {
      expect(image["url"].startsWith(`${SITE_URL}img/`)).toBe(true);
      expect(image["creditText"]).toMatch(/illustration made for this example/);
      const file = await sharp(fileOf(image["url"])).metadata();
      expect([file.width, file.height, file.format]).toEqual([image["width"], image["height"], "jpeg"]);
    }
  });

  test("the video: the title, 1:45, the page where it plays, the crops as thumbnails, no invented id", () => {
    const video = node("VideoObject");
    const figure = document.querySelector("figure.newsroom-video")!;
    expect(video["name"]).toBe(readableText(figure.querySelector(".newsroom-video__title")));
    expect(video["duration"]).toBe("PT1M45S");
    expect(figure.querySelector(".newsroom-video__duration")?.getAttribute("datetime")).toBe(video["duration"]);
    expect(video["url"]).toBe(ORIGINAL);
    expect(figure.querySelector("a.newsroom-video__play")?.getAttribute("href")).toBe(video["url"]);
    expect(video["uploadDate"]).toBe("2017-05-18");
    expect(video["thumbnailUrl"]).toEqual(node("NewsArticle")["image"].map((image: Node) => image["url"]));
    expect(video).not.toHaveProperty("embedUrl");
    expect(video).not.toHaveProperty("contentUrl");
    expect(node("NewsArticle")["video"]).toEqual([{ "@id": video["@id"] }]);
  });

  test("the breadcrumbs: the site, then the story", () => {
    expect(node("BreadcrumbList")["itemListElement"]).toEqual([
      { "@type": "ListItem", position: 1, name: "Newsroom example", item: SITE_URL },
      { "@type": "ListItem", position: 2, name: node("NewsArticle")["headline"], item: STORY_URL },
    ]);
  });
});

describe("the example story's cards and links", () => {
  test("the canonical link is the original, which the page also links to", () => {
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(ORIGINAL);
    expect(document.querySelector(".story__footer a")?.getAttribute("href")).toBe(ORIGINAL);
  });

  test("Open Graph and X: an article of 18 May 2017 in Politics, with the 16:9 crop and its alt text", async () => {
    expect(meta("og:type")).toEqual(["article"]);
    expect(meta("og:url")).toEqual([STORY_URL]);
    expect(meta("article:published_time")).toEqual(["2017-05-18"]);
    expect(meta("article:modified_time")).toEqual([]);
    expect(meta("article:section")).toEqual(["Politics"]);
    expect(meta("og:image:alt")).toEqual(["heroin needle opioid image"]);
    const [image] = meta("og:image");
    const file = await sharp(fileOf(image!)).metadata();
    expect([file.width, file.height]).toEqual([1200, 675]);
    expect(meta("twitter:card")).toEqual(["summary_large_image"]);
    expect([...meta("twitter:title")[0]!].length).toBeLessThanOrEqual(70);
  });
});

describe("the example site's feeds and sitemaps", () => {
  test("the Atom feed carries the story in full, dated, credited and linked to its original", () => {
    const feed = parseXml(readFileSync(join(output, "feed.xml"), "utf8")).documentElement;
    // The seed story and the live demonstration (test/site/live.test.ts reads that one).
    const entries = childrenNamed(feed, ATOM, "entry");
    expect(entries.map((candidate) => childText(candidate, ATOM, "id")).sort()).toEqual([LIVE_STORY_URL, STORY_URL]);
    const entry = entries.find((candidate) => childText(candidate, ATOM, "id") === STORY_URL);
    expect(childText(entry!, ATOM, "title")).toBe(node("NewsArticle")["headline"]);
    expect(childText(entry!, ATOM, "id")).toBe(STORY_URL);
    expect(childText(entry!, ATOM, "published")).toBe("2017-05-18T00:00:00-04:00");
    expect(childText(childrenNamed(entry!, ATOM, "author")[0]!, ATOM, "name")).toBe("CNN");
    expect(childrenNamed(entry!, ATOM, "link").map((link) => link.getAttribute("href"))).toContain(ORIGINAL);
    const content = parseDocument(childText(entry!, ATOM, "content"));
    const paragraphs = [...document.querySelectorAll(".story__body > p:not(.newsroom-dateline)")].map(readableText);
    // The seed's body: thirteen paragraphs after the dateline.
    expect(paragraphs).toHaveLength(13);
    for (const paragraph of paragraphs) expect(readableText(content.body)).toContain(paragraph);
  });

  test("the JSON Feed parses and carries the same story", () => {
    const feed = JSON.parse(readFileSync(join(output, "feed.json"), "utf8"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    const items = feed.items.filter((item: Node) => item["url"] !== LIVE_STORY_URL);
    expect(items.map((item: Node) => [item["url"], item["title"], item["external_url"]])).toEqual([[STORY_URL, node("NewsArticle")["headline"], ORIGINAL]]);
  });

  test("the page points feed readers at both feeds", () => {
    expect([...document.querySelectorAll('link[rel="alternate"]')].map((link) => [link.getAttribute("type"), link.getAttribute("href")])).toEqual([
      ["application/atom+xml", "/feed.xml"],
      ["application/feed+json", "/feed.json"],
    ]);
  });

  test("the sitemap lists the site's own pages, the live demonstration among them; the republished story's canonical page is CNN's, so it is not listed", () => {
    const urlset = parseXml(readFileSync(join(output, "sitemap.xml"), "utf8")).documentElement;
    const locs = childrenNamed(urlset, SITEMAP, "url").map((url) => childText(url, SITEMAP, "loc"));
    expect(locs).toEqual([SITE_URL, `${SITE_URL}elements/`, `${SITE_URL}quotes/`, `${SITE_URL}stories/live-us-mexico-drug-talks/`, `${SITE_URL}videos/`]);
    for (const loc of locs) expect(existsSync(join(fileOf(loc), "index.html"))).toBe(true);
  });

  test("the news sitemap is there, and empty: a story of 2017 is not news of the last two days", () => {
    const urlset = parseXml(readFileSync(join(output, "news-sitemap.xml"), "utf8")).documentElement;
    expect(urlset.namespaceURI).toBe(SITEMAP);
    expect(childrenNamed(urlset, SITEMAP, "url")).toHaveLength(0);
  });
});
