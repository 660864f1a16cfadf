import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import {
  isCanonicalStory,
  NEWS_SITEMAP_LIMIT,
  NEWS_SITEMAP_NAMESPACE,
  newsLanguage,
  newsSitemapXml,
  numberedPath,
  SITEMAP_NAMESPACE,
  sitemapIndexXml,
  sitemapXml,
  splitSitemap,
  storiesInNewsWindow,
} from "../../src/metadata/sitemaps.js";
import type { StoryMetadata } from "../../src/metadata/types.js";
import { day, instant, storyMetadata } from "../helpers/storyMetadata.js";
import { childNames, childrenNamed, childText, onlyChild, parseXml } from "../helpers/xml.js";
import { liveStory, MORNING } from "../helpers/liveStory.js";

const S = SITEMAP_NAMESPACE;
const N = NEWS_SITEMAP_NAMESPACE;
const urlsOf = (xml: string) => childrenNamed(parseXml(xml).documentElement, S, "url");

describe("sitemapXml", () => {
  it("is a urlset in the sitemaps.org namespace with a loc per page and lastmod where known", () => {
    const xml = sitemapXml([
      { loc: "https://news.example/search/?q=a&b=c", lastmod: day("2017-05-18") },
      { loc: "https://news.example/stories/a/", lastmod: instant("2026-11-27T14:30:00-05:00") },
      { loc: "https://news.example/about/" },
    ]);
    const root = parseXml(xml).documentElement;
    expect([root.namespaceURI, root.localName]).toEqual([S, "urlset"]);
    const urls = urlsOf(xml);
    expect(urls.map((url) => childNames(url).length)).toEqual([2, 2, 1]);
    expect(urls.map((url) => childText(url, S, "loc"))).toEqual(["https://news.example/search/?q=a&b=c", "https://news.example/stories/a/", "https://news.example/about/"]);
    // The W3C date format allows a bare day: a date-only story keeps its day, with no invented time.
    expect(urls.slice(0, 2).map((url) => childText(url, S, "lastmod"))).toEqual(["2017-05-18", "2026-11-27T14:30:00-05:00"]);
  });

  it("is a valid empty urlset when there are no pages", () => {
    expect(urlsOf(sitemapXml([]))).toHaveLength(0);
  });

  it("fails clearly on an address XML cannot carry", () => {
    expect(() => sitemapXml([{ loc: "https://a.example/\u0001" }])).toThrow(NewsroomError);
  });
});

describe("newsSitemapXml", () => {
  const story = storyMetadata({ headline: 'Tillerson & "Kelly" in Mexico' });

  it("follows the sitemap and Google News structure: loc, then news:news with publication, date and title", () => {
    const xml = newsSitemapXml([story], { publicationName: "Example & News" });
    const root = parseXml(xml).documentElement;
    expect([root.namespaceURI, root.localName]).toEqual([S, "urlset"]);
    const [url] = urlsOf(xml);
    expect(childNames(url!)).toEqual([`{${S}}loc`, `{${N}}news`]);
    expect(childText(url!, S, "loc")).toBe("https://news.example/stories/a-story/");
    const news = onlyChild(url!, N, "news");
    expect(childNames(news)).toEqual([`{${N}}publication`, `{${N}}publication_date`, `{${N}}title`]);
    const publication = onlyChild(news, N, "publication");
    expect(childNames(publication)).toEqual([`{${N}}name`, `{${N}}language`]);
    expect([childText(publication, N, "name"), childText(publication, N, "language")]).toEqual(["Example & News", "en"]);
    expect(childText(news, N, "publication_date")).toBe("2026-11-27T14:30:00-05:00");
    expect(childText(news, N, "title")).toBe('Tillerson & "Kelly" in Mexico');
  });

  it("keeps a date-only publication date date-only, and gives each story its own language", () => {
    const xml = newsSitemapXml([storyMetadata({ published: day("2017-05-18"), language: "es-MX" })], { publicationName: "Noticias" });
    const news = onlyChild(urlsOf(xml)[0]!, N, "news");
    expect(childText(news, N, "publication_date")).toBe("2017-05-18");
    expect(childText(onlyChild(news, N, "publication"), N, "language")).toBe("es");
  });

  it("says when a story changed after it was published (a live story: at its newest update), in the sitemap's own lastmod before news:news", () => {
    const xml = newsSitemapXml([liveStory(MORNING), storyMetadata()], { publicationName: "Example News" });
    const [live, unchanged] = urlsOf(xml);
    expect(childNames(live!)).toEqual([`{${S}}loc`, `{${S}}lastmod`, `{${N}}news`]);
    expect(childText(live!, S, "lastmod")).toBe("2017-05-18T12:30:00-04:00");
    expect(childText(onlyChild(live!, N, "news"), N, "publication_date")).toBe("2017-05-18T10:00:00-04:00");
    expect(childNames(unchanged!)).toEqual([`{${S}}loc`, `{${N}}news`]);
  });
});

describe("newsLanguage", () => {
  it("gives Google News the ISO 639 code, and zh-cn or zh-tw for Chinese", () => {
    expect(["en", "en-GB", "es-MX", "pt-BR", "fil", "zh", "zh-CN", "zh-Hans", "zh-TW", "zh-Hant-HK", "zh-HK"].map(newsLanguage)).toEqual([
      "en",
      "en",
      "es",
      "pt",
      "fil",
      "zh-cn",
      "zh-cn",
      "zh-cn",
      "zh-tw",
      "zh-tw",
      "zh-tw",
    ]);
  });
});

describe("storiesInNewsWindow", () => {
  const now = new Date("2026-11-29T12:00:00Z");
  const at = (iso: string, path = iso) => storyMetadata({ path, published: instant(iso) });
  const paths = (stories: StoryMetadata[]) => storiesInNewsWindow(stories, now).map((story) => story.path);

  it("keeps the stories of the 48 hours before the build, from its first millisecond to the build itself", () => {
    const stories = [
      at("2026-11-29T11:00:00Z", "an hour ago"),
      at("2026-11-27T12:00:00Z", "exactly 48 hours ago"),
      at("2026-11-27T11:59:59Z", "48 hours and a second ago"),
      at("2026-11-20T12:00:00Z", "a week ago"),
      at("2026-11-29T12:00:00Z", "now"),
      at("2026-11-29T12:00:01Z", "a second from now"),
    ];
    expect(paths(stories)).toEqual(["an hour ago", "exactly 48 hours ago", "now"]);
  });

  it("counts a date-only story from the start of its day in its own time zone", () => {
    // Nov 27 began at 05:00 UTC in New York and at 15:00 UTC on Nov 26 in Tokyo.
    const newYork = storyMetadata({ path: "new york", published: day("2026-11-27", "America/New_York") });
    const tokyo = storyMetadata({ path: "tokyo", published: day("2026-11-27", "Asia/Tokyo") });
    expect(storiesInNewsWindow([newYork, tokyo], new Date("2026-11-29T04:59:59Z")).map((story) => story.path)).toEqual(["new york"]);
    expect(storiesInNewsWindow([newYork, tokyo], new Date("2026-11-29T05:00:01Z"))).toEqual([]);
    // A day that has begun is not in the future: a story dated today is news from the first minute of today.
    expect(storiesInNewsWindow([newYork], new Date("2026-11-27T05:00:00Z"))).toHaveLength(1);
    expect(storiesInNewsWindow([newYork], new Date("2026-11-27T04:59:59Z"))).toHaveLength(0);
  });

  it("takes another window length", () => {
    expect(storiesInNewsWindow([at("2026-11-28T13:00:00Z")], now, 24)).toHaveLength(1);
    expect(storiesInNewsWindow([at("2026-11-28T11:00:00Z")], now, 24)).toHaveLength(0);
  });
});

describe("isCanonicalStory", () => {
  it("leaves out a republished story whose canonical address is its original's", () => {
    expect(isCanonicalStory(storyMetadata())).toBe(true);
    expect(isCanonicalStory(storyMetadata({ basedOn: "https://wire.example/a", canonical: "https://wire.example/a" }))).toBe(false);
  });
});

describe("splitting", () => {
  it("numbers the files of a split sitemap after the sitemap's own name", () => {
    expect(numberedPath("/sitemap.xml", 1)).toBe("/sitemap-1.xml");
    expect(numberedPath("/maps/news.sitemap.xml", 12)).toBe("/maps/news.sitemap-12.xml");
    expect(numberedPath("/sitemap", 2)).toBe("/sitemap-2");
    expect(numberedPath("/v1.0/sitemap", 2)).toBe("/v1.0/sitemap-2");
  });

  it("writes one file up to the limit", () => {
    const stories = Array.from({ length: NEWS_SITEMAP_LIMIT }, (_, index) => storyMetadata({ url: `https://news.example/s/${index}/` }));
    const files = splitSitemap("/news-sitemap.xml", stories, NEWS_SITEMAP_LIMIT, (chunk) => newsSitemapXml(chunk, { publicationName: "N" }), "https://news.example/");
    expect(files.map((file) => file.path)).toEqual(["/news-sitemap.xml"]);
    expect(urlsOf(files[0]!.xml)).toHaveLength(1000);
  });

  it("splits beyond the limit, with a sitemap index at the sitemap's address", () => {
    const stories = Array.from({ length: NEWS_SITEMAP_LIMIT + 1 }, (_, index) => storyMetadata({ url: `https://news.example/s/${index}/` }));
    const files = splitSitemap("/news-sitemap.xml", stories, NEWS_SITEMAP_LIMIT, (chunk) => newsSitemapXml(chunk, { publicationName: "N" }), "https://news.example/news/");
    expect(files.map((file) => file.path)).toEqual(["/news-sitemap.xml", "/news-sitemap-1.xml", "/news-sitemap-2.xml"]);
    const index = parseXml(files[0]!.xml).documentElement;
    expect([index.namespaceURI, index.localName]).toEqual([S, "sitemapindex"]);
    const locs = childrenNamed(index, S, "sitemap").map((sitemap) => childText(sitemap, S, "loc"));
    expect(locs).toEqual(["https://news.example/news/news-sitemap-1.xml", "https://news.example/news/news-sitemap-2.xml"]);
    expect(urlsOf(files[1]!.xml)).toHaveLength(1000);
    const last = urlsOf(files[2]!.xml);
    expect(last.map((url) => childText(url, S, "loc"))).toEqual(["https://news.example/s/1000/"]);
  });

  it("refuses a limit that is not a positive whole number", () => {
    expect(() => splitSitemap("/s.xml", [], 0, () => "", "https://a.example/")).toThrow(RangeError);
  });

  it("writes a sitemap index by itself", () => {
    const index = parseXml(sitemapIndexXml(["https://a.example/1.xml?x=1&y=2"])).documentElement;
    expect(childrenNamed(index, S, "sitemap").map((sitemap) => childText(sitemap, S, "loc"))).toEqual(["https://a.example/1.xml?x=1&y=2"]);
  });
});
