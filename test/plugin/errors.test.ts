import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildSite, writeBuiltSite, writeSite } from "../helpers/eleventy.js";
import { REPOSITORY } from "../helpers/exampleSite.js";
import { failureOf, printedDuring } from "../helpers/errors.js";
import { parseDocument, readableText } from "../helpers/html.js";

/**
 * The catalogue of bad input: every way an author can get an element wrong, in every syntax. Each must stop a
 * production build with the file, the line where it can be known, the element, the problem and a fix; and while
 * previewing (`--serve`), the rest of the site must still build, with the error shown in the broken element's place.
 */

const fm = (extra = "") => `---\ntitle: Bad story\ntags: story\nlayout: story.njk\n${extra}---\n`; // body starts on line 6 (without extra)

/** A story layout that renders the front matter elements, and a good story that must always build. */
const site = {
  "_includes/story.njk": "<!doctype html><html lang=\"en\"><head><title>{{ title }}</title></head><body>{{ video | newsroomVideo(\"lead\") }}{{ highlights | newsroomHighlights }}{{ dateline | newsroomDateline }}{{ content | safe }}</body></html>",
  "good.md": "---\ntitle: Good story\ntags: story\nlayout: story.njk\n---\n::: quote speaker=\"A\"\nFine words.\n:::\n",
};

interface BadInput {
  what: string;
  file: string;
  text: string;
  /** `file:line`, or just `file` where no line can be known (front matter values). */
  where: string;
  element: string;
  problem: RegExp;
}

const video = 'url="https://vimeo.com/1" title="T"';

const cases: BadInput[] = [
  // Markdown containers
  { what: "Markdown: a quote without speaker", file: "bad.md", text: `${fm()}Text.\n\n::: quote role="Minister"\nWords.\n:::\n`, where: "bad.md:8", element: "quote", problem: /the required field "speaker" is missing/ },
  { what: "Markdown: an empty quote", file: "bad.md", text: `${fm()}::: quote speaker="A"\n:::\n`, where: "bad.md:6", element: "quote", problem: /has no words/ },
  { what: "Markdown: an unclosed ::: block", file: "bad.md", text: `${fm()}::: quote speaker="A"\nWords that never end.\n`, where: "bad.md:6", element: "quote", problem: /never closed/ },
  { what: "Markdown: a stray closing :::", file: "bad.md", text: `${fm()}Text.\n\n:::\n`, where: "bad.md:8", element: "Markdown", problem: /closes a block that was never opened/ },
  { what: "Markdown: an unknown element", file: "bad.md", text: `${fm()}Text.\n\n::: quotes speaker="A"\nWords.\n:::\n`, where: "bad.md:8", element: "quotes", problem: /not an element this site knows/ },
  { what: "Markdown: an unknown attribute", file: "bad.md", text: `${fm()}::: quote speaker="A" colour="red"\nWords.\n:::\n`, where: "bad.md:6", element: "quote", problem: /unknown field "colour"/ },
  { what: "Markdown: a duplicate attribute", file: "bad.md", text: `${fm()}::: quote speaker="A" speaker="B"\nWords.\n:::\n`, where: "bad.md:6", element: "quote", problem: /"speaker" is given twice/ },
  { what: "Markdown: an attribute without a value", file: "bad.md", text: `${fm()}::: quote role= speaker="A"\nWords.\n:::\n`, where: "bad.md:6", element: "quote", problem: /the attribute "role" has no value/ },
  { what: "Markdown: curly quotes around a value", file: "bad.md", text: `${fm()}::: quote speaker=“Rex Tillerson”\nWords.\n:::\n`, where: "bad.md:6", element: "quote", problem: /quote mark inside an unquoted value/ },
  { what: "Markdown: an unclosed attribute quote", file: "bad.md", text: `${fm()}::: quote speaker="Rex\nWords.\n:::\n`, where: "bad.md:6", element: "quote", problem: /has no closing "/ },
  { what: "Markdown: highlights that are not a list", file: "bad.md", text: `${fm()}::: highlights\nJust a sentence.\n:::\n`, where: "bad.md:7", element: "highlights", problem: /not a list/ },
  { what: "Markdown: highlights with a nested list", file: "bad.md", text: `${fm()}::: highlights\n- One\n  - nested\n:::\n`, where: "bad.md:8", element: "highlights", problem: /an item holds a bullet list/ },
  { what: "Markdown: empty highlights", file: "bad.md", text: `${fm()}::: highlights\n:::\n`, where: "bad.md:6", element: "highlights", problem: /there are no items/ },
  { what: "Markdown: an http: video address", file: "bad.md", text: `${fm()}::: video url="http://example.com/v.mp4" title="T"\n:::\n`, where: "bad.md:6", element: "video", problem: /uses "http:", which is not allowed/ },
  { what: "Markdown: a javascript: poster", file: "bad.md", text: `${fm()}::: video ${video} poster="javascript:alert(1)" posterAlt="x"\n:::\n`, where: "bad.md:6", element: "video", problem: /poster .*"javascript:", which is not allowed/ },
  { what: "Markdown: a data: video address", file: "bad.md", text: `${fm()}::: video url="data:video/mp4;base64,AAAA" title="T"\n:::\n`, where: "bad.md:6", element: "video", problem: /uses "data:", which is not allowed/ },
  { what: "Markdown: a protocol-relative address", file: "bad.md", text: `${fm()}::: video url="//evil.example/v" title="T"\n:::\n`, where: "bad.md:6", element: "video", problem: /neither an absolute address nor a path/ },
  { what: "Markdown: a relative address", file: "bad.md", text: `${fm()}::: video url="clip.mp4" title="T"\n:::\n`, where: "bad.md:6", element: "video", problem: /neither an absolute address nor a path starting with "\/"/ },
  { what: "Markdown: a YouTube address without a video id", file: "bad.md", text: `${fm()}::: video url="https://www.youtube.com/watch?v=short" title="T"\n:::\n`, where: "bad.md:6", element: "video", problem: /YouTube address without a valid video id/ },
  { what: "Markdown: a duration of 1:75", file: "bad.md", text: `${fm()}Intro.\n\n::: video ${video} duration="1:75"\n:::\n`, where: "bad.md:8", element: "video", problem: /"1:75" has 75 seconds/ },
  { what: "Markdown: a video without title", file: "bad.md", text: `${fm()}::: video url="https://vimeo.com/1"\n:::\n`, where: "bad.md:6", element: "video", problem: /"title" is missing/ },
  { what: "Markdown: a poster without alt text", file: "bad.md", text: `${fm()}::: video ${video} poster="/p.jpg"\n:::\n`, where: "bad.md:6", element: "video", problem: /without "posterAlt"/ },
  { what: "Markdown: an aspect ratio that is not one", file: "bad.md", text: `${fm()}::: video ${video} aspectRatio="wide"\n:::\n`, where: "bad.md:6", element: "video", problem: /aspectRatio "wide" is not a ratio/ },
  { what: "Markdown: captions on a Vimeo video", file: "bad.md", text: `${fm()}::: video ${video} captions="/c.vtt"\n:::\n`, where: "bad.md:6", element: "video", problem: /captions file can only be attached to a video file of your own/ },
  { what: "Markdown: text inside a video block", file: "bad.md", text: `${fm()}::: video ${video}\nA description in the wrong place.\n:::\n`, where: "bad.md:6", element: "video", problem: /takes no content/ },
  { what: "Markdown: a link inside a pull quote", file: "bad.md", text: `${fm()}See [this](https://example.com).\n\n::: pullquote speaker="A"\nSee [this](https://example.com).\n:::\n`, where: "bad.md:8", element: "pullquote", problem: /focusable/ },
  // Nunjucks and Liquid shortcodes (the collections read the story's source, so they know the line)
  { what: "Nunjucks: a quote without speaker", file: "bad.njk", text: `${fm()}{% quote role="Minister" %}Words{% endquote %}`, where: "bad.njk:6", element: "quote", problem: /"speaker" is missing/ },
  { what: "Nunjucks: an unknown field", file: "bad.njk", text: `${fm()}{% quote speaker="A", colour="red" %}Words{% endquote %}`, where: "bad.njk:6", element: "quote", problem: /unknown field "colour"/ },
  { what: "Nunjucks: highlights content that is not a list", file: "bad.njk", text: `${fm()}\n{% highlights %}Just a sentence.{% endhighlights %}`, where: "bad.njk:7", element: "highlights", problem: /not a list/ },
  { what: "Nunjucks: a javascript: video address", file: "bad.njk", text: `${fm()}{% video url="javascript:alert(1)", title="T" %}`, where: "bad.njk:6", element: "video", problem: /"javascript:", which is not allowed/ },
  { what: "Liquid: a video without title", file: "bad.liquid", text: `${fm()}{% video "https://vimeo.com/1" %}`, where: "bad.liquid:6", element: "video", problem: /"title" is missing/ },
  { what: "Liquid: too many arguments", file: "bad.liquid", text: `${fm()}{% quote "A", "B", "C" %}Words{% endquote %}`, where: "bad.liquid:6", element: "quote", problem: /at most 2 positional arguments/ },
  { what: "Liquid: a pull quote without speaker", file: "bad.liquid", text: `${fm()}{% pullquote %}Words{% endpullquote %}`, where: "bad.liquid:6", element: "pullquote", problem: /"speaker" is missing/ },
  { what: "Liquid: a bad duration", file: "bad.liquid", text: `${fm()}\n\n{% video "https://vimeo.com/1", "T", "90 seconds" %}`, where: "bad.liquid:8", element: "video", problem: /"90 seconds" is not a duration/ },
  // Front matter
  { what: "front matter: highlights that are not a list", file: "bad.md", text: `${fm("highlights: just one string\n")}Text.\n`, where: "bad.md", element: "highlights", problem: /not a list/ },
  { what: "front matter: an empty highlight", file: "bad.md", text: `${fm('highlights:\n  - One\n  - ""\n')}Text.\n`, where: "bad.md", element: "highlights", problem: /item 2 is empty/ },
  { what: "front matter: a video without title", file: "bad.md", text: `${fm("video:\n  url: https://vimeo.com/1\n")}Text.\n`, where: "bad.md", element: "video", problem: /"title" is missing/ },
  { what: "front matter: a video field in the wrong case", file: "bad.md", text: `${fm("video:\n  url: https://vimeo.com/1\n  title: T\n  poster_alt: x\n")}Text.\n`, where: "bad.md", element: "video", problem: /unknown field "poster_alt"/ },
  { what: "front matter: a video that is a list", file: "bad.md", text: `${fm("video:\n  - https://vimeo.com/1\n")}Text.\n`, where: "bad.md", element: "video", problem: /expected an object of fields .* but got a list/ },
  { what: "front matter: a story without a title", file: "bad.md", text: "---\ntags: story\n---\nText.\n", where: "bad.md", element: "story", problem: /the story has no title/ },
];

function newsroomMessage(chain: string): string {
  return chain.split("\n").find((line) => line.startsWith("[eleventy-plugin-newsroom]")) ?? chain;
}

describe("bad input: a production build fails with file, line, element, problem and fix", () => {
  test("the catalogue has at least 30 cases across Markdown, Nunjucks, Liquid and front matter", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.what.split(":")[0]))).toEqual(new Set(["Markdown", "Nunjucks", "Liquid", "front matter"]));
  });

  test.each(cases)("$what", async ({ file, text, where, element, problem }) => {
    const message = newsroomMessage(await failureOf(buildSite({ ...site, [file]: text })));
    expect(message).toMatch(new RegExp(`/${where.replace(/[.]/g, "\\.")}: ${element}: `));
    expect(message).toMatch(problem);
    expect(message).toMatch(/\. Fix: .+\.$/);
  });
});


describe("bad input while previewing: the site still builds, and the error is shown where the element would be", () => {
  test.each(cases.filter((c) => c.element !== "story"))("$what", async ({ file, text, element, problem }) => {
    const { result, lines } = await printedDuring(() => buildSite({ ...site, [file]: text }, { runMode: "serve" }));
    const pages = result as Awaited<ReturnType<typeof buildSite>>;
    // The collections read the story and its page renders it: the problem is printed once all the same.
    expect(lines.filter((line) => problem.test(line)), lines.join("\n")).toHaveLength(1);
    expect(parseDocument(pages.get("/good/")!.content).querySelector("figure.newsroom-quote"), "the good story").not.toBeNull();
    const bad = parseDocument(pages.get("/bad/")!.content);
    const box = bad.querySelector(".newsroom-error[role=alert]");
    expect(box, "the error box").not.toBeNull();
    expect(readableText(box)).toContain(`${element}:`);
    expect(readableText(box)).toMatch(problem);
  });
});

describe("a production build prints each problem once", () => {
  const badInputs = [
    ["a Markdown block", "bad.md", `${fm()}::: video url="javascript:alert(1)" title="T"\n:::\n`],
    ["a Nunjucks shortcode", "bad.njk", `${fm()}{% video url="javascript:alert(1)", title="T" %}`],
    ["front matter", "bad.md", `${fm('video:\n  url: "javascript:alert(1)"\n  title: T\n')}Text.\n`],
  ] as const;
  const mentions = (lines: string[]) => lines.filter((line) => line.includes('"javascript:", which is not allowed'));

  test.each(badInputs)("%s, built through Eleventy's API: the message once, without the plugin's stack trace", async (_where, file, text) => {
    const { lines } = await printedDuring(() => writeBuiltSite({ ...site, [file]: text }).then(
      () => expect.unreachable("the build must fail"),
      (error: unknown) => error,
    ));
    expect(mentions(lines), lines.join("\n")).toHaveLength(1);
    expect(lines.some((line) => line.includes("Original error stack trace"))).toBe(false);
  });

  test.each(badInputs)("%s, built with Eleventy's command line: the message under each of its two headings, without a stack trace", (_where, file, text) => {
    const root = writeSite({ ...site, [file]: text });
    writeFileSync(join(root, "eleventy.config.mjs"), `import newsroom from ${JSON.stringify(join(REPOSITORY, "dist/plugin/index.js"))};\nexport default (config) => { config.addPlugin(newsroom); };\n`);
    const run = spawnSync(process.execPath, [join(REPOSITORY, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.mjs"], { cwd: root, encoding: "utf8" });
    const lines = `${run.stdout}\n${run.stderr}`.split("\n");
    expect(run.status).toBe(1);
    // Eleventy 3.1's command line prints a failed build's error twice, whatever threw it: once where the build fails
    // ("Problem writing Eleventy templates") and once more as the command's own fatal error. The plugin adds nothing.
    const headings = lines.filter((line) => /Problem writing Eleventy templates|Eleventy Fatal Error \(CLI\)/.test(line));
    expect(headings).toHaveLength(2);
    expect(mentions(lines), lines.join("\n")).toHaveLength(headings.length);
    expect(lines.some((line) => line.includes("Original error stack trace"))).toBe(false);
  });
});

test("a page that is not a story reports shortcode errors with the file", async () => {
  const text = await failureOf(buildSite({ "page.njk": "---\ntitle: Page\n---\n{% quote role=\"Minister\" %}Words{% endquote %}" }));
  expect(text).toMatch(/page\.njk:4: quote: the required field "speaker" is missing\. Fix: /);
});
