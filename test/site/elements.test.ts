/**
 * The example site's demo page, /elements/ (site/elements.md): every element and every video provider, each under the
 * source that made it. The source shown must be the source that runs, the demonstration videos must say they are
 * unrelated to the story, and nothing may load from a third party before the reader presses play.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildExampleSite, REPOSITORY } from "../helpers/exampleSite.js";
import { parseDocument, readableText } from "../helpers/html.js";

const SOURCE = readFileSync(join(REPOSITORY, "site/elements.md"), "utf8");
const STORY = "/stories/tillerson-mexico-drug-trade/";
const CNN_PAGE = "https://edition.cnn.com/2017/05/18/politics/tillerson-mexico-drug-trade/index.html";

let output: string;
let document: Document;

beforeAll(() => {
  output = buildExampleSite();
  document = parseDocument(readFileSync(join(output, "elements/index.html"), "utf8"));
}, 120_000);

/** The demo section under the h2 named `heading`: its source blocks (as shown) and its output box. */
function section(heading: string): { sources: string[]; output: Element } {
  const h2 = [...document.querySelectorAll("main h2")].find((candidate) => readableText(candidate) === heading);
  if (!h2) throw new Error(`no section "${heading}" on the demo page`);
  const sources: string[] = [];
  for (let element = h2.nextElementSibling; element && element.localName !== "h2"; element = element.nextElementSibling) {
    if (element.localName === "pre") sources.push(element.textContent!);
    if (element.classList.contains("demo-output")) return { sources, output: element };
  }
  throw new Error(`the section "${heading}" has no output box`);
}

/** The file's fenced code blocks, and the file without them (what Eleventy runs, besides the shown code). */
function fencedBlocks(): { blocks: string[]; live: string } {
  const blocks: string[] = [];
  const live = SOURCE.replace(/^```\w*\n([\s\S]*?)^```\n/gm, (_whole, code: string) => {
    blocks.push(code);
    return "";
  });
  return { blocks, live };
}

describe("the demo page shows its own source", () => {
  test("every code block on the page is, verbatim, source that the page runs (in its body or its front matter)", () => {
    const { blocks, live } = fencedBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(11);
    for (const block of blocks) expect(live, block).toContain(block.trimEnd());
  });

  test("the built page shows each of those blocks as code, unrendered", () => {
    const shown = [...document.querySelectorAll("main pre > code")].map((code) => code.textContent);
    expect(shown).toEqual(fencedBlocks().blocks);
  });

  test("it is linked from every page's navigation, and marked as the current page on itself", () => {
    for (const page of ["index.html", "quotes/index.html", "videos/index.html", `${STORY.slice(1)}index.html`]) {
      const nav = parseDocument(readFileSync(join(output, page), "utf8")).querySelector("nav.masthead__nav")!;
      expect([...nav.querySelectorAll("a")].map((link) => link.getAttribute("href")), page).toContain("/elements/");
    }
    expect(document.querySelector('nav a[aria-current="page"]')?.getAttribute("href")).toBe("/elements/");
    expect(readableText(document.querySelector("h1"))).toBe("Every element, under its source");
  });
});

describe("every element, rendered under its source", () => {
  test("highlights, from the front matter through the filter, with the story's two highlights", () => {
    const { sources, output: box } = section("Highlights");
    expect(sources[1]).toBe("{{ highlights | newsroomHighlights(3) }}\n");
    const highlights = box.querySelector("section.newsroom-highlights")!;
    expect(readableText(highlights.querySelector("h3"))).toBe("Story highlights");
    expect([...highlights.querySelectorAll("li")].map(readableText)).toEqual([
      'Secretary Tillerson: "We Americans must own this problem"',
      'Mexican foreign minister: "We need to overcome the blame game"',
    ]);
  });

  test("the dateline, as a Nunjucks shortcode", () => {
    const { sources, output: box } = section("Dateline");
    expect(sources).toEqual(['{% dateline "CNN" %}\n']);
    expect(readableText(box.querySelector("p.newsroom-dateline"))).toBe("CNN —");
  });

  test("a quote in Markdown, attributed to its speaker", () => {
    const { sources, output: box } = section("Quote");
    expect(sources[0]).toMatch(/^::: quote speaker="Luis Videgaray"/);
    const figure = box.querySelector("figure.newsroom-quote")!;
    expect(readableText(figure.querySelector("blockquote"))).toBe("We need to overcome the blame game and the finger-pointing aspect.");
    expect(readableText(figure.querySelector("figcaption"))).toBe("Luis Videgaray, Mexican Foreign Secretary");
  });

  test("a pull quote that repeats the paragraph beside it, hidden from screen readers", () => {
    const { output: box } = section("Pull quote");
    const aside = box.querySelector("aside.newsroom-pullquote")!;
    expect(aside.getAttribute("aria-hidden")).toBe("true");
    const words = readableText(aside.querySelector(".newsroom-pullquote__text"));
    expect(words).toBe("We Americans must own this problem. It is ours.");
    expect(readableText(box.querySelector(":scope > p"))).toContain(words.replace(/\.$/, ""));
  });

  test("the story image, from the front matter through the filter, with its alt text, caption and credit", () => {
    const { output: box } = section("Story image");
    const figure = box.querySelector("figure.newsroom-image")!;
    const image = figure.querySelector("img")!;
    expect(image.getAttribute("alt")).toBe("heroin needle opioid image");
    expect(existsSync(join(output, image.getAttribute("src")!))).toBe(true);
    expect(readableText(figure.querySelector(".newsroom-image__credit"))).toBe("Illustration made for this example site");
  });

  test("the byline and the corrections are pointed to on the story page, where they belong", () => {
    const heading = [...document.querySelectorAll("main h2")].find((candidate) => readableText(candidate) === "Byline and corrections")!;
    const text = readableText(heading.nextElementSibling);
    expect(text).toContain("{% newsroomByline %}");
    expect(text).toContain("{% newsroomCorrections %}");
    const story = parseDocument(readFileSync(join(output, STORY.slice(1), "index.html"), "utf8"));
    expect(readableText(story.querySelector(".newsroom-byline__authors"))).toBe("By CNN");
  });
});

describe("every video provider", () => {
  const video = (heading: string, provider: string) => {
    const { sources, output: box } = section(heading);
    const figure = box.querySelector(`figure.newsroom-video--${provider}`);
    expect(figure, heading).not.toBeNull();
    return { source: sources.join(""), figure: figure! };
  };

  test("YouTube: “Me at the zoo”, plainly a demonstration unrelated to the story, played from youtube-nocookie.com on a click", () => {
    const { source, figure } = video("Video from YouTube", "youtube");
    expect(source).toContain('url="https://www.youtube.com/watch?v=jNQXAC9IVRw"');
    const play = figure.querySelector("a.newsroom-video__play")!;
    expect(play.getAttribute("href")).toBe("https://www.youtube.com/watch?v=jNQXAC9IVRw");
    expect(play.getAttribute("data-newsroom-embed")).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/jNQXAC9IVRw/);
    expect(readableText(figure.querySelector(".newsroom-video__description"))).toContain("unrelated to the story");
  });

  test("Vimeo: Vimeo's player demonstration, plainly unrelated to the story, played with dnt=1 on a click", () => {
    const { source, figure } = video("Video from Vimeo", "vimeo");
    expect(source).toMatch(/^\{% video url="https:\/\/vimeo\.com\/76979871"/);
    expect(figure.querySelector("a.newsroom-video__play")?.getAttribute("data-newsroom-embed")).toBe("https://player.vimeo.com/video/76979871?dnt=1");
    expect(readableText(figure.querySelector(".newsroom-video__description"))).toContain("unrelated to the story");
  });

  test("a file of the site's own: a real MP4, its poster and its captions, in the browser's player, preloading nothing", () => {
    const { figure } = video("A video file of your own", "file");
    const player = figure.querySelector("video.newsroom-video__player")!;
    expect(player.getAttribute("preload")).toBe("none");
    const file = player.querySelector("source")!.getAttribute("src")!;
    expect([file, player.querySelector("source")!.getAttribute("type")]).toEqual(["/assets/demo/test-pattern.mp4", "video/mp4"]);
    // An ISO base media file (its first box is `ftyp`), as scripts/demo-video.ts recorded it.
    expect(readFileSync(join(output, file)).subarray(4, 8).toString("latin1")).toBe("ftyp");
    const captions = player.querySelector('track[kind="captions"]')!.getAttribute("src")!;
    expect(readFileSync(join(output, captions), "utf8")).toMatch(/^WEBVTT\n[\s\S]*No sound/);
    expect(existsSync(join(output, player.getAttribute("poster")!))).toBe(true);
  });

  test("a page: the story's own video, linking to the page where CNN published it", () => {
    const { figure } = video("A video on another page", "page");
    const play = figure.querySelector("a.newsroom-video__play")!;
    expect(play.getAttribute("href")).toBe(CNN_PAGE);
    expect(play.hasAttribute("data-newsroom-embed")).toBe(false);
    expect(readableText(figure.querySelector(".newsroom-video__title"))).toBe("Where does America's heroin come from?");
    expect(readableText(figure.querySelector(".newsroom-video__poster-credit"))).toMatch(/illustration made for this example/);
  });

  test("the intro says the demonstration videos are unrelated to the story, and the file is a test pattern", () => {
    const intro = readableText(document.querySelector(".page-intro"));
    expect(intro).toContain("public demonstration videos, unrelated to the story");
    expect(intro).toContain("test pattern");
  });

  test("nothing loads from another host before a click: no frame, no remote script, image, poster or media", () => {
    const main = document.querySelector("main")!;
    expect(main.querySelectorAll("figure.newsroom-video")).toHaveLength(4);
    expect(document.querySelector("iframe")).toBeNull();
    const loaded = [...document.querySelectorAll("script[src], link[href]:not([rel=alternate]):not([rel=canonical]), img[src], source[src], source[srcset], video[poster], track[src]")].flatMap(
      (element) => ["src", "href", "poster"].map((attribute) => element.getAttribute(attribute)).filter((value): value is string => value !== null),
    );
    expect(loaded.length).toBeGreaterThan(5);
    expect(loaded.filter((address) => !address.startsWith("/") && !address.startsWith("data:"))).toEqual([]);
  });
});
