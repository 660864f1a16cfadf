import { beforeAll, describe, expect, test, vi } from "vitest";
import { buildSite, type BuiltPage } from "../helpers/eleventy.js";
import { parseDocument, readableText } from "../helpers/html.js";
import { dataStoriesSite, WIRE_ITEMS, wireFeed } from "../quality/dataStories.js";
import { quietBenchmarks } from "../quality/fixtures.js";

/**
 * The collections match every page: for every story page of a site whose stories come from data (a paginated feed,
 * computed titles, includes, macros, partials, 11ty.js), the elements on the built page and the collection items that
 * link to it are the same, element by element, in the same order, in both directions.
 */

interface StoryRef {
  url: string;
  title: string;
  date: string;
}
interface Listed {
  stories: Array<{ url: string; title: string }>;
  highlights: Array<{ story: StoryRef; items: string[] }>;
  quotes: Array<{ story: StoryRef; type: string; speaker: string; role?: string; text: string }>;
  videos: Array<{ story: StoryRef; url: string; title: string }>;
}

let pages: Map<string, BuiltPage>;
let listed: Listed;
let warnings: string[];

beforeAll(async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    pages = await buildSite(dataStoriesSite(), { configure: quietBenchmarks });
    warnings = warn.mock.calls.map((call) => String(call[0]));
  } finally {
    warn.mockRestore();
  }
  listed = JSON.parse(pages.get("/collections.json")!.content) as Listed;
}, 120_000);

const words = (text: string) => text.replace(/<[^>]+>/g, " ").replace(/[“”"]/g, '"').replace(/\s+/g, " ").trim();

/** What a reader sees of each element on a built page, top to bottom, as one line each. */
function elementsOnPage(markup: string): string[] {
  const document = parseDocument(markup);
  return [...document.querySelectorAll("article .newsroom-highlights, article .newsroom-quote, article .newsroom-pullquote, article .newsroom-video")].map((element) => {
    if (element.matches(".newsroom-highlights")) return `highlights: ${[...element.querySelectorAll("li")].map(readableText).join(" | ")}`;
    if (element.matches(".newsroom-video")) {
      const link = element.querySelector("a.newsroom-video__play")?.getAttribute("href");
      return `video: ${readableText(element.querySelector(".newsroom-video__title"))} <${link}>`;
    }
    const type = element.matches(".newsroom-pullquote") ? "pullquote" : "quote";
    return `${type}: ${readableText(element.querySelector(".newsroom-attribution__speaker"))}: ${words(readableText(element.querySelector(`.newsroom-${type}__text`)))}`;
  });
}

/** The same lines from the collection items that link to a page, in the collections' order. */
function elementsListedFor(url: string): string[] {
  const lines: Array<{ order: number; line: string }> = [];
  // Items of one story keep the story's order within each collection; the three collections are merged by the order
  // the page shows them in, which the test checks separately (front matter first, then the content).
  listed.highlights.forEach((item, order) => item.story.url === url && lines.push({ order, line: `highlights: ${item.items.map(words).join(" | ")}` }));
  listed.quotes.forEach((item, order) => item.story.url === url && lines.push({ order, line: `${item.type}: ${item.speaker}: ${words(item.text)}` }));
  listed.videos.forEach((item, order) => item.story.url === url && lines.push({ order, line: `video: ${item.title}` }));
  return lines.map((entry) => entry.line);
}

const storyPages = () => [...pages.values()].filter((page) => typeof page.url === "string" && /^\/(wire|stories)\//.test(page.url));

describe("collections of stories built from data", () => {
  test("the site has the pages the test needs: every wire item, the computed, Liquid, 11ty.js and excluded stories", () => {
    expect(storyPages().filter((page) => page.url.startsWith("/wire/"))).toHaveLength(WIRE_ITEMS);
    expect([...pages.keys()]).toEqual(expect.arrayContaining(["/stories/computed/", "/stories/liquid/", "/stories/script/", "/stories/excluded/"]));
    expect(pages.has("/stories/unpublished/")).toBe(false);
  });

  test("stories lists every page with a URL, each with its own title, and neither the permalink: false nor the excluded story", () => {
    const urls = listed.stories.map((story) => story.url);
    expect(urls).toHaveLength(WIRE_ITEMS + 3);
    expect(urls).not.toContain(false);
    expect(urls).not.toContain("/stories/excluded/");
    const feed = wireFeed(WIRE_ITEMS);
    for (const item of feed) expect(listed.stories).toContainEqual({ url: `/wire/${item.slug}/`, title: item.headline });
    expect(listed.stories).toContainEqual({ url: "/stories/computed/", title: "Videgaray on the blame game" });
  });

  test("for every story page, the elements on the page are the items that link to it, element by element", () => {
    const compared = storyPages().filter((page) => page.url !== "/stories/excluded/");
    expect(compared).toHaveLength(WIRE_ITEMS + 3);
    let elements = 0;
    for (const page of compared) {
      const onPage = elementsOnPage(page.content).map((line) => line.replace(/ <[^>]*>$/, ""));
      elements += onPage.length;
      expect(elementsListedFor(page.url).sort(), page.url).toEqual([...onPage].sort());
    }
    // Not vacuous: most pages hold elements, of every kind.
    expect(elements).toBeGreaterThan(WIRE_ITEMS * 2);
    expect(listed.highlights.length).toBeGreaterThan(WIRE_ITEMS / 2);
    expect(listed.quotes.filter((quote) => quote.type === "pullquote").length).toBeGreaterThan(WIRE_ITEMS / 4);
    expect(listed.videos.length).toBeGreaterThanOrEqual(WIRE_ITEMS / 5);
  });

  test("each story's items are in the page's order: front matter first, then the content top to bottom", () => {
    for (const url of ["/stories/computed/", "/wire/wire-2/", "/wire/wire-5/"]) {
      const onPage = elementsOnPage(pages.get(url)!.content).map((line) => line.replace(/ <[^>]*>$/, ""));
      const quotesOnPage = onPage.filter((line) => /^(quote|pullquote):/.test(line));
      const quotesListed = listed.quotes.filter((item) => item.story.url === url).map((item) => `${item.type}: ${item.speaker}: ${words(item.text)}`);
      expect(quotesListed, url).toEqual(quotesOnPage);
    }
  });

  test("every item carries its own page's URL, title and date, never template code", () => {
    const feed = new Map(wireFeed(WIRE_ITEMS).map((item) => [`/wire/${item.slug}/`, item]));
    for (const item of [...listed.highlights, ...listed.quotes, ...listed.videos]) {
      expect(pages.has(item.story.url), item.story.url).toBe(true);
      const wire = feed.get(item.story.url);
      if (wire) expect(item.story.title).toBe(wire.headline);
      expect(new Date(item.story.date).toISOString().slice(0, 10)).toMatch(/^2017-05-1\d$/);
    }
    expect(JSON.stringify(listed)).not.toMatch(/\{\{|\{%/);
  });

  test("a quote whose speaker and words come from the page's item holds that item's words", () => {
    for (const item of wireFeed(WIRE_ITEMS).filter((entry) => entry.quote)) {
      const quotes = listed.quotes.filter((quote) => quote.story.url === `/wire/${item.slug}/` && quote.type === "quote" && quote.role !== undefined);
      expect(quotes.map((quote) => [quote.speaker, quote.role, quote.text]), item.slug).toContainEqual([item.quote!.speaker, item.quote!.role, item.quote!.text]);
    }
  });

  test("elements in an include, a macro, a Liquid partial and an 11ty.js render function count", () => {
    const of = (url: string) => listed.quotes.filter((quote) => quote.story.url === url).map((quote) => `${quote.type} ${quote.speaker}`);
    expect(of("/stories/computed/")).toEqual(["pullquote Luis Videgaray", "quote Luis Videgaray", "quote John Kelly"]);
    expect(of("/stories/liquid/")).toEqual(["quote John Kelly"]);
    expect(of("/stories/script/")).toEqual(["pullquote Rex Tillerson"]);
    expect(listed.videos.filter((video) => video.story.url === "/stories/script/").map((video) => video.title)).toEqual(["A YouTube video"]);
    const withFact = wireFeed(WIRE_ITEMS).find((item) => item.fact)!;
    expect(of(`/wire/${withFact.slug}/`)).toContain(`quote ${withFact.fact!.speaker}`);
  });

  test("the build warns of nothing: every element of every page is known", () => {
    expect(warnings).toEqual([]);
  });
});
