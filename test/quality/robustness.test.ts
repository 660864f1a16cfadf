/**
 * Gate: stories far larger than any newsroom writes build correctly, checked by parsing what they render: 500
 * highlights (front matter and Markdown), a 100 KB quote, 200 videos, Markdown nested twenty levels deep inside a
 * quote, and right-to-left text. No wall-clock assertions here (they flake); `npx tsx test/quality/robustness.timings.ts`
 * prints build times at growing sizes, to show they grow linearly.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { createIdRegistry } from "../../src/context.js";
import type { BuiltPage } from "../helpers/eleventy.js";
import { parseDocument, readableText } from "../helpers/html.js";
import {
  bigStorySite,
  highlightText,
  ISSUE_SIZES,
  quoteWords,
  RIGHT_TO_LEFT,
  videoAddress,
  videoTitle,
} from "./bigStory.js";
import { buildQuietly } from "./fixtures.js";
import { problemsOfPages } from "./htmlValidate.js";

let pages: Map<string, BuiltPage>;
const documents = new Map<string, Document>();
/** The page at `url`, parsed once. */
function page(url: string): Document {
  const built = pages.get(url);
  if (!built) throw new Error(`No page at ${url}; built: ${[...pages.keys()].join(", ")}`);
  if (!documents.has(url)) documents.set(url, parseDocument(built.content));
  return documents.get(url)!;
}
/** What a reader gets from Markdown: the text without its emphasis marks. */
const withoutEmphasis = (text: string) => text.replace(/\*/g, "");

beforeAll(async () => {
  pages = await buildQuietly(bigStorySite(ISSUE_SIZES));
}, 120_000);

describe("a story far larger than any newsroom writes", () => {
  test("500 highlights in front matter and 500 in a ::: block are every item, in order", () => {
    const expected = Array.from({ length: ISSUE_SIZES.highlights }, (_unused, index) => withoutEmphasis(highlightText(index)));
    for (const url of ["/stories/big/", "/stories/markdown-highlights/"]) {
      const sections = page(url).querySelectorAll("section.newsroom-highlights");
      expect(sections, url).toHaveLength(1);
      expect([...sections[0]!.querySelectorAll("li")].map(readableText), url).toEqual(expected);
      expect(sections[0]!.querySelectorAll("li em"), url).toHaveLength(ISSUE_SIZES.highlights);
    }
  });

  test("a 100 KB quote keeps every paragraph, in order, inside its blockquote", () => {
    const paragraphs = quoteWords(ISSUE_SIZES.quoteBytes);
    expect(Buffer.byteLength(paragraphs.join("\n\n"))).toBeGreaterThanOrEqual(100 * 1024);
    const figure = [...page("/stories/big/").querySelectorAll("figure.newsroom-quote")].find((quote) => readableText(quote.querySelector("figcaption")) === "Rex Tillerson, US Secretary of State");
    expect(figure).toBeDefined();
    const blockquote = figure!.querySelector(":scope > blockquote.newsroom-quote__text")!;
    expect([...blockquote.children].map((child) => child.localName)).toEqual(paragraphs.map(() => "p"));
    expect([...blockquote.children].map(readableText)).toEqual(paragraphs.map(withoutEmphasis));
  });

  test("200 videos: every one rendered with its provider, its title and an id of its own; the collection counts 200", () => {
    const document = page("/stories/big/");
    const figures = [...document.querySelectorAll(".story-body figure.newsroom-video, article > figure.newsroom-video")];
    expect(figures).toHaveLength(ISSUE_SIZES.videos);
    figures.forEach((figure, index) => {
      const { provider } = videoAddress(index);
      expect([index, figure.classList.contains(`newsroom-video--${provider}`)]).toEqual([index, true]);
      expect([index, readableText(figure.querySelector(".newsroom-video__title"))]).toEqual([index, videoTitle(index)]);
    });
    const titleIds = figures.map((figure) => figure.querySelector(".newsroom-video__title")!.id);
    expect(new Set(titleIds).size).toBe(ISSUE_SIZES.videos);
    for (const labelled of document.querySelectorAll("[aria-labelledby]")) {
      expect(document.getElementById(labelled.getAttribute("aria-labelledby")!), labelled.outerHTML.slice(0, 80)).not.toBeNull();
    }
    expect(readableText(page("/collections/").querySelector(".videos"))).toBe(String(ISSUE_SIZES.videos + 1)); // + the right-to-left story's
  });

  test("Markdown nested 20 levels deep (a list item holding a blockquote holding a list) inside a quote keeps its depth", () => {
    const document = page("/stories/big/");
    const figure = [...document.querySelectorAll("figure.newsroom-quote")].find((quote) => readableText(quote.querySelector("figcaption")) === "Luis Videgaray")!;
    const deepest = [...figure.querySelectorAll("p")].find((paragraph) => readableText(paragraph) === "The deepest words.");
    expect(deepest).toBeDefined();
    const ancestors: string[] = [];
    for (let node = deepest!.parentElement; node && node !== figure; node = node.parentElement) ancestors.push(node.localName);
    // Innermost first: blockquote, li, ul, repeated per level, then the quote's own blockquote.
    expect(ancestors).toEqual([...Array.from({ length: ISSUE_SIZES.nesting }, () => ["blockquote", "li", "ul"]).flat(), "blockquote"]);
    for (let level = 1; level <= ISSUE_SIZES.nesting; level++) {
      expect(figure.textContent).toContain(`Item at level ${level}`);
      expect(figure.textContent).toContain(`Quoted at level ${level}.`);
    }
  });

  test("the collections read the big story whole", () => {
    const document = page("/collections/");
    expect([...document.querySelectorAll(".highlights")].map(readableText)).toEqual(
      expect.arrayContaining([`The longest story: ${ISSUE_SIZES.highlights}`, `Highlights in Markdown: ${ISSUE_SIZES.highlights}`]),
    );
    const quoteLength = quoteWords(ISSUE_SIZES.quoteBytes).join("\n\n").length;
    expect([...document.querySelectorAll(".quote")].map(readableText)).toEqual(expect.arrayContaining([`Rex Tillerson: ${quoteLength}`]));
  });

  test("every page is valid HTML (html-validate, as the validity gate runs it): no duplicate id among 200 videos", async () => {
    expect(await problemsOfPages([...pages.values()].map((built) => [built.url, built.content] as const))).toEqual([]);
  });
});

describe("right-to-left text", () => {
  test("Arabic and Hebrew render and round-trip in every element; the site sets lang and dir", () => {
    const document = page("/stories/right-to-left/");
    expect([document.documentElement.getAttribute("lang"), document.documentElement.getAttribute("dir")]).toEqual(["ar", "rtl"]);
    const rtl = RIGHT_TO_LEFT;
    expect(readableText(document.querySelector("h1"))).toBe(rtl.title);
    expect([...document.querySelectorAll(".newsroom-highlights li")].map(readableText)).toEqual(rtl.highlights.map(withoutEmphasis));
    expect(readableText(document.querySelector(".newsroom-dateline__text"))).toBe(rtl.dateline);
    const quote = document.querySelector("figure.newsroom-quote")!;
    expect([...quote.querySelectorAll("blockquote p")].map(readableText)).toEqual(rtl.quote.split("\n\n"));
    expect(readableText(quote.querySelector(".newsroom-attribution__speaker"))).toBe(rtl.speaker);
    expect(readableText(quote.querySelector(".newsroom-attribution__role"))).toBe(rtl.role);
    expect(readableText(document.querySelector(".newsroom-video__title"))).toBe(rtl.videoTitle);
  });
});

describe("work that grows linearly with the story (counted, not timed)", () => {
  test("giving ids to 2,000 videos on one page takes linear work, and the ids stay newsroom-video-title, -2, -3, …", () => {
    // Timing the 200-video story at 200…3,200 videos (robustness.timings.ts) showed build time per video tripling; the
    // profile put a third of the time in the id registry, which tries base, base-2, … base-k for the k-th claim.
    const registry = createIdRegistry();
    const prototype = Set.prototype as { has(value: unknown): boolean };
    const has = prototype.has;
    let lookups = 0;
    prototype.has = function (this: Set<unknown>, value: unknown) {
      lookups++;
      return has.call(this, value);
    };
    let ids: string[];
    try {
      ids = Array.from({ length: 2000 }, () => registry.claim("newsroom-video-title"));
    } finally {
      prototype.has = has;
    }
    expect(ids.slice(0, 3)).toEqual(["newsroom-video-title", "newsroom-video-title-2", "newsroom-video-title-3"]);
    expect(new Set(ids).size).toBe(2000);
    expect(lookups, "Set lookups for 2,000 claims").toBeLessThan(2000 * 4);
  });
});
