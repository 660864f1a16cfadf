import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildExampleSite } from "../helpers/exampleSite.js";
import { parseDocument, readableText } from "../helpers/html.js";

const root = resolve(import.meta.dirname, "../..");
// The seed story, as the repository carries it (see test/fixtures/seed/README.md for where it comes from).
const seedPath = resolve(root, "test/fixtures/seed/article.txt");

/** The seed as a reader copied it: the lead video, the highlights, the dateline, then the body paragraphs. */
function readSeed() {
  const lines = readFileSync(seedPath, "utf8").split("\n").map((line) => line.trim());
  const highlightsAt = lines.indexOf("Story highlights");
  const datelineAt = lines.findIndex((line) => /^CNN\s+—$/.test(line));
  const nonEmpty = (from: number, to?: number) => lines.slice(from, to).filter((line) => line !== "");
  return {
    posterAlt: lines[0]!,
    videoTitle: lines[1]!,
    videoMeta: lines[2]!,
    // The seed's doubled quote mark is a typo: the words are kept, the mark is fixed.
    highlights: nonEmpty(highlightsAt + 1, datelineAt).map((line) => line.replace('""', '"')),
    paragraphs: nonEmpty(datelineAt + 1),
  };
}

let output: string;
const page = (path: string) => parseDocument(readFileSync(join(output, path, "index.html"), "utf8"));

beforeAll(() => {
  output = buildExampleSite();
}, 120_000);

describe("the example site builds the seed story", () => {
  const seed = readSeed();

  test("the seed is read as its README describes it", () => {
    expect(seed.highlights).toHaveLength(2);
    expect(seed.paragraphs.length).toBeGreaterThan(10);
    expect(seed.videoMeta).toBe("01:45 - Source: CNN");
  });

  test("every body paragraph of the seed is a paragraph of the article, in order", () => {
    const body = page("stories/tillerson-mexico-drug-trade").querySelector(".story__body")!;
    // Pull quotes are hidden from assistive technology and repeat the body: they are not body paragraphs.
    const paragraphs = [...body.querySelectorAll("p")].filter((p) => !p.closest("[aria-hidden=true]") && !p.classList.contains("newsroom-dateline"));
    expect(paragraphs.map(readableText)).toEqual(seed.paragraphs.map((p) => p.replace(/\s+/g, " ")));
  });

  test("the headline, the date without a time, the dateline and the link to the original", () => {
    const document = page("stories/tillerson-mexico-drug-trade");
    const h1 = document.querySelectorAll("h1");
    expect(h1).toHaveLength(1);
    expect(readableText(h1[0])).toContain("We Americans must own this problem");
    const time = document.querySelector(".newsroom-byline__published time")!;
    expect(time.getAttribute("datetime")).toBe("2017-05-18");
    expect(readableText(time)).not.toMatch(/\d:\d\d/);
    const dateline = document.querySelector(".story__body .newsroom-dateline")!;
    expect(readableText(dateline)).toBe("CNN —");
    expect(dateline.nextElementSibling?.textContent).toBe(seed.paragraphs[0]);
    const original = [...document.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(original).toContain("https://edition.cnn.com/2017/05/18/politics/tillerson-mexico-drug-trade/index.html");
  });

  test("the lead video: the poster with the seed's alt text, the title, 1:45, Source: CNN, linking to the original page", () => {
    const document = page("stories/tillerson-mexico-drug-trade");
    const figure = document.querySelector("article figure.newsroom-video")!;
    const poster = figure.querySelector("img")!;
    expect(poster.getAttribute("alt")).toBe(seed.posterAlt);
    expect(existsSync(join(output, poster.getAttribute("src")!))).toBe(true);
    expect(poster.getAttribute("loading")).toBe("eager");
    expect(readableText(figure.querySelector(".newsroom-video__title"))).toBe(seed.videoTitle);
    const duration = figure.querySelector("time.newsroom-video__duration")!;
    expect([readableText(duration), duration.getAttribute("datetime")]).toEqual(["1:45", "PT1M45S"]);
    expect(readableText(figure.querySelector(".newsroom-video__source"))).toBe("Source: CNN");
    const play = figure.querySelector("a.newsroom-video__play")!;
    expect(play.getAttribute("href")).toBe("https://edition.cnn.com/2017/05/18/politics/tillerson-mexico-drug-trade/index.html");
    expect(play.getAttribute("aria-label")).toBe(`Play video: ${seed.videoTitle} (1:45)`);
    expect(readableText(play)).toBe("Play video");
    expect(readableText(figure.querySelector(".newsroom-video__poster-credit"))).toMatch(/illustration/i);
    expect(figure.querySelector("iframe, script")).toBeNull();
  });

  test("the two story highlights, in a labelled region", () => {
    const document = page("stories/tillerson-mexico-drug-trade");
    const section = document.querySelector("article section.newsroom-highlights")!;
    const heading = document.getElementById(section.getAttribute("aria-labelledby")!)!;
    expect(readableText(heading)).toBe("Story highlights");
    expect([...section.querySelectorAll("li")].map(readableText)).toEqual(seed.highlights);
  });

  test("the officials' words are pull quotes that repeat the body, attributed and hidden from screen readers", () => {
    const document = page("stories/tillerson-mexico-drug-trade");
    const asides = [...document.querySelectorAll("aside.newsroom-pullquote")];
    expect(asides.map((aside) => readableText(aside.querySelector(".newsroom-attribution__speaker")))).toEqual(["Rex Tillerson", "Luis Videgaray", "John Kelly"]);
    const bodyText = seed.paragraphs.join(" ").replace(/[“”"]/g, "");
    for (const aside of asides) {
      expect(aside.getAttribute("aria-hidden")).toBe("true");
      expect(aside.querySelector("a, button, input, [tabindex]")).toBeNull();
      const words = readableText(aside.querySelector(".newsroom-pullquote__text")).replace(/\.$/, "");
      expect(bodyText).toContain(words);
    }
  });

  test("the front page lists the story with its highlights, and the live demonstration", () => {
    const document = page("");
    const cards = [...document.querySelectorAll(".story-card")];
    expect(cards.map((card) => card.querySelector("h2 a")!.getAttribute("href")).sort()).toEqual(["/stories/live-us-mexico-drug-talks/", "/stories/tillerson-mexico-drug-trade/"]);
    const seedCard = cards.find((card) => card.querySelector("h2 a")!.getAttribute("href") === "/stories/tillerson-mexico-drug-trade/")!;
    expect([...seedCard.querySelectorAll(".newsroom-highlights li")].map(readableText)).toEqual(seed.highlights);
  });

  test("the quotes page groups every quote by speaker, each linking to its story", () => {
    const document = page("quotes");
    const groups = [...document.querySelectorAll("section.speaker")].map((section) => [
      readableText(section.querySelector("h2")),
      section.querySelectorAll("figure.newsroom-quote").length,
    ]);
    // Each speaker is quoted in the story and in the live demonstration built from its quotes.
    expect(groups).toEqual([
      ["Rex Tillerson", 2],
      ["Luis Videgaray", 2],
      ["John Kelly", 2],
    ]);
    expect(document.querySelector("aside[aria-hidden]")).toBeNull();
    for (const section of document.querySelectorAll("section.speaker")) {
      expect([...section.querySelectorAll(".speaker__source a")].map((link) => link.getAttribute("href")).sort()).toEqual(["/stories/live-us-mexico-drug-talks/", "/stories/tillerson-mexico-drug-trade/"]);
    }
  });

  test("the videos page shows every video with its story", () => {
    const document = page("videos");
    const entries = [...document.querySelectorAll(".video-entry")];
    // The story's lead video, and the same video in an update of the live demonstration.
    expect(entries).toHaveLength(2);
    for (const entry of entries) expect(readableText(entry.querySelector(".newsroom-video__title"))).toBe(seed.videoTitle);
    expect(entries.map((entry) => entry.querySelector("h2 a")?.getAttribute("href")).sort()).toEqual(["/stories/live-us-mexico-drug-talks/", "/stories/tillerson-mexico-drug-trade/"]);
  });

  test("every page ships no JavaScript (structured data is not script) and links the site's stylesheet, after the plugin's where a video needs it", () => {
    for (const path of ["", "quotes", "videos", "stories/tillerson-mexico-drug-trade"]) {
      const document = page(path);
      expect(document.querySelector('script:not([type="application/ld+json"])'), path).toBeNull();
      const stylesheets = [...document.querySelectorAll("link[rel=stylesheet]")].map((link) => link.getAttribute("href")!);
      expect(stylesheets.at(-1), path).toBe("/assets/site.css");
      expect(stylesheets.slice(0, -1), path).toEqual(document.querySelector(".newsroom-video") ? [expect.stringMatching(/^\/newsroom\/video-[0-9a-f]{10}\.css$/)] : []);
      for (const stylesheet of stylesheets) expect(existsSync(join(output, stylesheet)), stylesheet).toBe(true);
    }
    expect(existsSync(join(output, "assets/site.css"))).toBe(true);
  });
});
