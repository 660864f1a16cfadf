import { describe, expect, test } from "vitest";
import { buildSite } from "../helpers/eleventy.js";
import { failureOf } from "../helpers/errors.js";

const fm = "---\ntitle: Bad story\ntags: story\n---\n"; // 4 lines: the body starts on line 5

interface BadInput {
  what: string;
  file: string;
  text: string;
  /** `file:line` or just `file` where the line cannot be known (template engines do not pass it to shortcodes). */
  where: string;
  element: string;
  problem: RegExp;
}

const cases: BadInput[] = [
  { what: "a Markdown quote without speaker", file: "bad.md", text: `${fm}Text.\n\n::: quote role="Minister"\nWords.\n:::\n`, where: "bad.md:7", element: "quote", problem: /the required field "speaker" is missing/ },
  { what: "a Nunjucks quote without speaker", file: "bad.njk", text: `${fm}{% quote role="Minister" %}Words{% endquote %}`, where: "bad.njk:5", element: "quote", problem: /"speaker" is missing/ },
  { what: "a Liquid video without title", file: "bad.liquid", text: `${fm}{% video "https://vimeo.com/1" %}`, where: "bad.liquid:5", element: "video", problem: /"title" is missing/ },
  { what: "an http: video address", file: "bad.md", text: `${fm}::: video url="http://example.com/v.mp4" title="T"\n:::\n`, where: "bad.md:5", element: "video", problem: /uses "http:", which is not allowed/ },
  { what: "a javascript: poster", file: "bad.md", text: `${fm}::: video url="https://vimeo.com/1" title="T" poster="javascript:alert(1)" posterAlt="x"\n:::\n`, where: "bad.md:5", element: "video", problem: /poster .*"javascript:", which is not allowed/ },
  { what: "a relative address no provider can place", file: "bad.md", text: `${fm}::: video url="clip.mp4" title="T"\n:::\n`, where: "bad.md:5", element: "video", problem: /neither an absolute address nor a path starting with "\/"/ },
  { what: "a YouTube address without a video id", file: "bad.md", text: `${fm}::: video url="https://www.youtube.com/watch?v=short" title="T"\n:::\n`, where: "bad.md:5", element: "video", problem: /YouTube address without a valid video id/ },
  { what: "a duration of 1:75", file: "bad.md", text: `${fm}Intro.\n\n::: video url="https://vimeo.com/1" title="T" duration="1:75"\n:::\n`, where: "bad.md:7", element: "video", problem: /"1:75" has 75 seconds/ },
  { what: "an unclosed ::: block", file: "bad.md", text: `${fm}::: quote speaker="A"\nWords that never end.\n`, where: "bad.md:5", element: "quote", problem: /never closed/ },
  { what: "an unknown attribute", file: "bad.md", text: `${fm}::: quote speaker="A" colour="red"\nWords.\n:::\n`, where: "bad.md:5", element: "quote", problem: /unknown field "colour"/ },
  { what: "a duplicate attribute", file: "bad.md", text: `${fm}::: quote speaker="A" speaker="B"\nWords.\n:::\n`, where: "bad.md:5", element: "quote", problem: /"speaker" is given twice/ },
  { what: "an unknown element", file: "bad.md", text: `${fm}Text.\n\n::: quotes speaker="A"\nWords.\n:::\n`, where: "bad.md:7", element: "quotes", problem: /not an element this site knows/ },
  { what: "highlights that are not a list (Markdown)", file: "bad.md", text: `${fm}::: highlights\nJust a sentence.\n:::\n`, where: "bad.md:6", element: "highlights", problem: /not a list/ },
  { what: "highlights that are not a list (front matter)", file: "bad.md", text: "---\ntitle: T\ntags: story\nhighlights: just one string\n---\nText.\n", where: "bad.md", element: "highlights", problem: /not a list/ },
  { what: "an empty quote", file: "bad.md", text: `${fm}::: quote speaker="A"\n:::\n`, where: "bad.md:5", element: "quote", problem: /has no words/ },
  { what: "too many Liquid arguments", file: "bad.liquid", text: `${fm}{% quote "A", "B", "C" %}Words{% endquote %}`, where: "bad.liquid:5", element: "quote", problem: /at most 2 positional arguments/ },
  { what: "a poster without alt text", file: "bad.md", text: `${fm}::: video url="https://vimeo.com/1" title="T" poster="/p.jpg"\n:::\n`, where: "bad.md:5", element: "video", problem: /without "posterAlt"/ },
  { what: "a link inside a pull quote", file: "bad.md", text: `${fm}See [this](https://example.com).\n\n::: pullquote speaker="A"\nSee [this](https://example.com).\n:::\n`, where: "bad.md:7", element: "pullquote", problem: /focusable/ },
];

describe("bad input fails the build with file, line, element, problem and fix", () => {
  test.each(cases)("$what", async ({ file, text, where, element, problem }) => {
    const chain = (await failureOf(buildSite({ [file]: text }))).split("\n");
    const message = chain.find((m) => m.startsWith("[eleventy-plugin-newsroom]")) ?? chain.join("\n");
    expect(message).toMatch(new RegExp(`${where.replace(/[.]/g, "\\.")}: ${element}: `));
    expect(message).toMatch(problem);
    expect(message).toMatch(/\. Fix: .+\.$/);
  });
});

describe("a page that is not a story still reports shortcode errors with the file", () => {
  test("a Nunjucks page without the story tag", async () => {
    const text = await failureOf(buildSite({ "page.njk": "---\ntitle: Page\n---\n{% quote role=\"Minister\" %}Words{% endquote %}" }));
    expect(text).toMatch(/page\.njk: quote: the required field "speaker" is missing\. Fix: /);
  });
});
