import { beforeAll, describe, expect, test } from "vitest";
import { buildSite, type BuildOptions, type BuiltPage, type SiteFiles } from "../helpers/eleventy.js";
import { failureOf, printedDuring } from "../helpers/errors.js";
import { parseDocument, readableText } from "../helpers/html.js";

/**
 * Live stories built by Eleventy with the real plugin: every syntax an author has gives the same live blog, its numbered
 * pages and its live.json; every fault stops a build with the file, the element, the problem and a fix; and while
 * previewing, a broken update is shown where it is written and printed once.
 */

const STORY_LAYOUT =
  '<!doctype html><html lang="en"><head><title>{{ title }}</title>{% newsroomAssets %}</head><body><main><h1>{{ title }}</h1><div class="story-body">{{ content | safe }}</div>{% newsroomLiveBlog %}</main></body></html>';
const UPDATES_LAYOUT = '<!doctype html><html lang="en"><head><title>{{ title }}</title></head><body><main class="updates-page"><h1>{{ liveUpdates.story.title }}</h1><p class="page-number">{{ liveUpdates.number }}</p>{{ content | safe }}</main></body></html>';
const LAYOUTS: SiteFiles = { "_includes/story.njk": STORY_LAYOUT, "_includes/updates-page.njk": UPDATES_LAYOUT };
const OPTIONS: BuildOptions = { options: { live: { pageSize: 2, layout: "updates-page.njk" } } };

const frontMatter = (extra = "") => `---\ntitle: Talks\ntags: story\nlayout: story.njk\nlive: true\ntimeZone: America/New_York\n${extra}---\n`;

/** The same five updates; pages of two: page 1 holds the pinned 10:00 and the key event of 10:45. */
interface Written {
  time: string;
  title?: string;
  key?: boolean;
  pinned?: boolean;
  updated?: string;
  author?: string;
  text: string;
}
const WRITTEN: Written[] = [
  { time: "2017-05-18T10:00", title: "The meeting opens", pinned: true, text: "Tillerson and Videgaray meet." },
  { time: "2017-05-18T10:45", title: "We Americans must own this problem", key: true, text: "Tillerson said it *bluntly*." },
  { time: "2017-05-18T11:30", updated: "2017-05-18T11:40", author: "Desk editor", text: "America’s “pervasive demand” came up repeatedly." },
  { time: "2017-05-18T12:00", title: "Overcome the blame game", key: true, text: "Videgaray spoke of the blame game." },
  { time: "2017-05-18T12:30", text: "All the finger-pointing was from the US." },
];
// Written in another order than posted: the order of the source never matters.
const SOURCE_ORDER = [2, 0, 4, 1, 3].map((index) => WRITTEN[index]!);

const attributes = (update: Written, separator: string, flag: (name: string) => string) =>
  [
    `time="${update.time}"`,
    update.title && `title="${update.title}"`,
    update.updated && `updated="${update.updated}"`,
    update.author && `author="${update.author}"`,
    update.key && flag("key"),
    update.pinned && flag("pinned"),
  ]
    .filter(Boolean)
    .join(separator);

const markdownStory = frontMatter() + "The talks, as they happen.\n\n" + SOURCE_ORDER.map((update) => `::: update ${attributes(update, " ", (name) => name)}\n${update.text}\n:::\n`).join("\n");
const nunjucksUpdates = SOURCE_ORDER.map((update) => `{% update ${attributes(update, ", ", (name) => `${name}=true`)} %}\n${update.text}\n{% endupdate %}`).join("\n");
const nunjucksStory = `${frontMatter()}<p>The talks, as they happen.</p>\n${nunjucksUpdates}`;
// Liquid's arguments are positional (time, title), or one object: the flagged updates are given as objects of front matter.
const liquidStory =
  frontMatter(
    `opening:\n  time: "2017-05-18T10:00"\n  title: The meeting opens\n  pinned: true\nowning:\n  time: "2017-05-18T10:45"\n  title: We Americans must own this problem\n  key: true\nedited:\n  time: "2017-05-18T11:30"\n  updated: "2017-05-18T11:40"\n  author: Desk editor\nblame:\n  time: "2017-05-18T12:00"\n  title: Overcome the blame game\n  key: true\n`,
  ) +
  `<p>The talks, as they happen.</p>\n{% update edited %}\n${WRITTEN[2]!.text}\n{% endupdate %}\n{% update opening %}\n${WRITTEN[0]!.text}\n{% endupdate %}\n{% update "2017-05-18T12:30" %}\n${WRITTEN[4]!.text}\n{% endupdate %}\n{% update owning %}\n${WRITTEN[1]!.text}\n{% endupdate %}\n{% update blame %}\n${WRITTEN[3]!.text}\n{% endupdate %}`;
const javascriptStory =
  `export const data = { title: "Talks", tags: "story", layout: "story.njk", live: true, timeZone: "America/New_York" };\n` +
  `export function render() {\n  return "<p>The talks, as they happen.</p>\\n" + ${SOURCE_ORDER.map((update) => {
    const { text, ...fields } = update;
    return `this.update(${JSON.stringify(`\n${text}\n`)}, ${JSON.stringify(fields)})`;
  }).join(" + ")};\n}\n`;
const paginatedStory =
  `---\npagination:\n  data: coverage\n  size: 1\n  alias: story\n  addAllPagesToCollections: true\npermalink: "/{{ story.slug }}/"\neleventyComputed:\n  title: "{{ story.title }}"\ntags: story\nlayout: story.njk\nlive: true\ntimeZone: America/New_York\n---\n<p>The talks, as they happen.</p>\n` +
  `{% for u in story.updates %}{% update time=u.time, title=u.title, key=u.key, pinned=u.pinned, updated=u.updated, author=u.author %}\n{{ u.text }}\n{% endupdate %}\n{% endfor %}`;
const COVERAGE_DATA = [
  { slug: "paginated", title: "Talks", updates: SOURCE_ORDER },
  { slug: "paginated-other", title: "Other talks", updates: [{ time: "2017-05-18T09:00", title: "Another story", text: "Elsewhere." }] },
];

const SYNTAX_SITE: SiteFiles = {
  ...LAYOUTS,
  "markdown.md": markdownStory,
  "nunjucks.njk": nunjucksStory,
  "liquid.liquid": liquidStory,
  "javascript.11ty.js": javascriptStory,
  "paginated.njk": paginatedStory,
  "_data/coverage.json": JSON.stringify(COVERAGE_DATA),
  "_includes/talks-updates.njk": nunjucksUpdates,
  "included.njk": `${frontMatter()}<p>The talks, as they happen.</p>\n{% include "talks-updates.njk" %}`,
};
const STORIES = ["markdown", "nunjucks", "liquid", "javascript", "paginated", "included"];

const liveBlogOf = (page: BuiltPage | undefined): Element => {
  expect(page, "the page").toBeDefined();
  const blogs = parseDocument(page!.content).querySelectorAll(".newsroom-live");
  expect(blogs).toHaveLength(1);
  return blogs[0]!;
};
/** A live blog's markup with its story's address made neutral, so stories at two addresses compare. */
const neutral = (markup: string, story: string) => markup.replaceAll(`/${story}/`, "/STORY/");
const idsOf = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((element) => element.id);
const ID = {
  opens: "update-20170518-1000-the-meeting-opens",
  owning: "update-20170518-1045-we-americans-must-own-this-problem",
  edited: "update-20170518-1130",
  blame: "update-20170518-1200-overcome-the-blame-game",
  pointing: "update-20170518-1230",
};

describe("one live story in every syntax", () => {
  let pages: Map<string, BuiltPage>;
  beforeAll(async () => {
    pages = await buildSite(SYNTAX_SITE, OPTIONS);
  }, 120_000);

  test("the live page: the same live blog, element for element, from Markdown, Nunjucks, Liquid, 11ty.js, a data file and an include", () => {
    const blogs = STORIES.map((story) => [story, neutral(liveBlogOf(pages.get(`/${story}/`)).outerHTML, story)] as const);
    for (const [story, markup] of blogs) expect(markup, story).toBe(blogs[0]![1]);
    // And that blog is the story's: read in its zone, newest first, the pinned one first, the moved ones listed.
    const blog = liveBlogOf(pages.get("/markdown/"));
    expect(idsOf(blog, ".newsroom-live__pinned > article")).toEqual([ID.opens]);
    expect(idsOf(blog, ".newsroom-live__updates > article")).toEqual([ID.pointing, ID.blame, ID.edited]);
    expect(idsOf(blog, ".newsroom-live__moved > li")).toEqual([ID.owning]);
    expect([...blog.querySelectorAll(".newsroom-live__key-events a")].map((link) => [link.getAttribute("href"), readableText(link)])).toEqual([
      [`#${ID.blame}`, "12:00 pm EDT Overcome the blame game"],
      [`/markdown/updates/1/#${ID.owning}`, "10:45 am EDT We Americans must own this problem"],
    ]);
    const edited = blog.querySelector(`[id="${ID.edited}"]`)!;
    expect(readableText(edited.querySelector(".newsroom-update__author"))).toBe("By Desk editor");
    expect(readableText(edited.querySelector(".newsroom-update__edited"))).toBe("Updated 11:40 am EDT");
    expect(blog.getAttribute("data-newsroom-live")).toBe("/markdown/live.json");
  });

  test("updates are not shown where they are written: the story's body holds none", () => {
    for (const story of STORIES) {
      const body = parseDocument(pages.get(`/${story}/`)!.content).querySelector(".story-body")!;
      expect(readableText(body), story).toBe("The talks, as they happen.");
    }
  });

  test("the story's own timeZone reads its local times: 10:00 is EDT, not the site's UTC", () => {
    for (const story of STORIES) {
      const time = liveBlogOf(pages.get(`/${story}/`)).querySelector(`[id="${ID.opens}"] .newsroom-update__permalink time`)!;
      expect([story, time.getAttribute("datetime"), readableText(time)]).toEqual([story, "2017-05-18T10:00:00-04:00", "10:00 am EDT"]);
    }
  });

  test("the numbered pages are written at <story>/updates/<n>/ in the layout given, the same from every syntax", () => {
    const numbered = STORIES.map((story) => {
      const page = pages.get(`/${story}/updates/1/`);
      expect(page, `/${story}/updates/1/`).toBeDefined();
      return [story, page!] as const;
    });
    for (const [story, page] of numbered) {
      const document = parseDocument(page.content);
      expect(document.querySelector("main.updates-page"), story).not.toBeNull();
      expect(readableText(document.querySelector("main.updates-page > h1")), story).toBe("Talks");
      expect(readableText(document.querySelector(".page-number")), story).toBe("1");
      expect(document.title, story).toContain("Talks");
      const blog = liveBlogOf(page);
      expect(idsOf(blog, ".newsroom-live__updates > article"), story).toEqual([ID.owning, ID.opens]);
      expect(blog.querySelector(".newsroom-live__back a")!.getAttribute("href"), story).toBe(`/${story}/`);
      expect(neutral(blog.outerHTML, story), story).toBe(neutral(liveBlogOf(numbered[0]![1]).outerHTML, "markdown"));
    }
    // Five updates in pages of two: one numbered page, no more.
    expect([...pages.keys()].filter((url) => url.includes("/updates/")).sort()).toEqual(STORIES.map((story) => `/${story}/updates/1/`).sort());
  });

  test("<story>/live.json is written for each live story, parses, and its updates are the live page's articles", () => {
    for (const story of STORIES) {
      const json = pages.get(`/${story}/live.json`);
      expect(json, `/${story}/live.json`).toBeDefined();
      const document = JSON.parse(json!.content) as { version: number; status: string; modified: string; updates: Array<{ id: string; html: string }>; ids: string[] };
      expect([document.version, document.status, document.modified]).toEqual([1, "live", "2017-05-18T12:30:00-04:00"]);
      expect(document.ids).toEqual([ID.pointing, ID.blame, ID.edited, ID.owning, ID.opens]);
      const blog = liveBlogOf(pages.get(`/${story}/`));
      const onPage = [...blog.querySelectorAll("article.newsroom-update")].map((article): [string, string] => [article.id, article.outerHTML]);
      const inJson = document.updates.map((update): [string, string] => [update.id, parseDocument(update.html).body.firstElementChild!.outerHTML]);
      expect(new Map(inJson), story).toEqual(new Map(onPage));
      expect(document.updates.map((update) => update.id), story).toEqual([ID.pointing, ID.blame, ID.edited, ID.opens]);
    }
  });

  test("each page of a paginated template is a live story of its own", () => {
    const other = liveBlogOf(pages.get("/paginated-other/"));
    expect(idsOf(other, "article")).toEqual(["update-20170518-0900-another-story"]);
    const json = JSON.parse(pages.get("/paginated-other/live.json")!.content) as { ids: string[] };
    expect(json.ids).toEqual(["update-20170518-0900-another-story"]);
    expect(pages.has("/paginated-other/updates/1/")).toBe(false);
  });

  test("the live page loads the polling script; the numbered pages do not", () => {
    const scripts = (url: string) => [...parseDocument(pages.get(url)!.content).querySelectorAll("script[src]")].map((script) => script.getAttribute("src"));
    expect(scripts("/markdown/")).toEqual([expect.stringMatching(/^\/newsroom\/live-[0-9a-f]+\.js$/)]);
    expect(scripts("/markdown/updates/1/")).toEqual([]);
  });
});

describe("a live story's time zone, status and addresses", () => {
  test("a story in another zone reads and shows its times there; a story without one, in the site's", async () => {
    const update = '::: update time="2017-05-18T10:00"\nWords.\n:::\n';
    const pages = await buildSite(
      {
        ...LAYOUTS,
        "mexico.md": `${frontMatter().replace("America/New_York", "America/Mexico_City")}${update}`,
        "site.md": `${frontMatter().replace("timeZone: America/New_York\n", "")}${update}`,
      },
      { options: { timeZone: "Europe/Madrid" } },
    );
    const timeOf = (url: string) => liveBlogOf(pages.get(url)).querySelector("article time")!;
    expect([timeOf("/mexico/").getAttribute("datetime"), readableText(timeOf("/mexico/"))]).toEqual(["2017-05-18T10:00:00-05:00", "10:00 am CDT"]);
    expect([timeOf("/site/").getAttribute("datetime"), readableText(timeOf("/site/"))]).toEqual(["2017-05-18T10:00:00+02:00", "10:00 am GMT+2"]);
  });

  test("once coverage has ended, every page says so and nothing polls", async () => {
    const pages = await buildSite({ ...LAYOUTS, "markdown.md": markdownStory.replace("live: true\n", "live: true\ncoverageEnded: 2017-05-18T17:00:00-04:00\n") }, OPTIONS);
    for (const url of ["/markdown/", "/markdown/updates/1/"]) {
      const blog = liveBlogOf(pages.get(url));
      expect(readableText(blog.querySelector(".newsroom-live__status")), url).toBe("Coverage has ended");
      expect(blog.hasAttribute("data-newsroom-live"), url).toBe(false);
      expect(parseDocument(pages.get(url)!.content).querySelector("script"), url).toBeNull();
    }
    expect(JSON.parse(pages.get("/markdown/live.json")!.content).status).toBe("ended");
  });

  test("with a path prefix, the links between pages and the poll address carry it", async () => {
    const pages = await buildSite({ ...LAYOUTS, "markdown.md": markdownStory }, { ...OPTIONS, pathPrefix: "/news/" });
    for (const url of ["/markdown/", "/markdown/updates/1/"]) {
      const blog = liveBlogOf(pages.get(url));
      const addresses = [...blog.querySelectorAll("a")].map((link) => link.getAttribute("href")!).filter((address) => !address.startsWith("#"));
      expect(addresses.length, url).toBeGreaterThan(0);
      for (const address of addresses) expect(address, url).toMatch(/^\/news\/markdown\//);
    }
    expect(liveBlogOf(pages.get("/markdown/")).getAttribute("data-newsroom-live")).toBe("/news/markdown/live.json");
  });

  test("a site in Spanish: its labels, its locale's times and the live time format", async () => {
    const { SPANISH_LABELS } = await import("../../src/index.js");
    const pages = await buildSite({ ...LAYOUTS, "markdown.md": markdownStory }, { options: { labels: SPANISH_LABELS, locale: "es-MX", live: { pageSize: 2, layout: "updates-page.njk", timeFormat: "HH:mm ZZZZ" } } });
    const blog = liveBlogOf(pages.get("/markdown/"));
    expect(readableText(blog.querySelector(".newsroom-live__status"))).toBe("En vivo");
    expect(readableText(blog.querySelector(".newsroom-live__key-events h2"))).toBe("Momentos clave");
    expect(readableText(blog.querySelector(`[id="${ID.edited}"] .newsroom-update__edited`))).toBe("Actualizado a las 11:40 GMT-4");
    expect(readableText(blog.querySelector(".newsroom-live__page-list > li > a"))).toBe("Página 1: de 10:00 GMT-4 a 10:45 GMT-4");
    expect(readableText(liveBlogOf(pages.get("/markdown/updates/1/")).querySelector(".newsroom-live__back"))).toBe("Volver a las últimas actualizaciones");
  });

  test("a live story whose data is computed from collections (read from its source, not rendered early) reads its local times in its own timeZone", async () => {
    // `eleventyComputed` from collections: the collections cannot render the story early, so they read its source.
    const computed = (filter: string) => `eleventyComputed:\n  storyCount: "{{ collections.stories | ${filter} }}"\n`;
    const words = "Markdown update.";
    const pages = await buildSite(
      {
        ...LAYOUTS,
        "mexico.md": `${frontMatter(computed("size")).replace("America/New_York", "America/Mexico_City")}Count: {{ storyCount }}\n\n::: update time="2017-05-18T10:00"\n${words}\n:::\n`,
        "mexico-njk.njk": `${frontMatter(computed("length")).replace("America/New_York", "America/Mexico_City")}{% update time="2017-05-18T11:00" %}Nunjucks update.{% endupdate %}`,
      },
      { options: { timeZone: "Europe/Madrid" } },
    );
    expect(readableText(parseDocument(pages.get("/mexico/")!.content).querySelector(".story-body"))).toBe("Count: 2");
    const timeOf = (url: string) => liveBlogOf(pages.get(url)).querySelector("article time")!.getAttribute("datetime");
    expect([timeOf("/mexico/"), timeOf("/mexico-njk/")]).toEqual(["2017-05-18T10:00:00-05:00", "2017-05-18T11:00:00-05:00"]);
    // The feeds and structured data read the same coverage: the JSON the page polls holds the same update.
    expect(JSON.parse(pages.get("/mexico/live.json")!.content).updates[0].html).toContain('datetime="2017-05-18T10:00:00-05:00"');
  });
});

// ---------------------------------------------------------------------------------------------------------------

function newsroomMessage(chain: string): string {
  return chain.split("\n").find((line) => line.startsWith("[eleventy-plugin-newsroom]")) ?? chain;
}

interface BadLiveStory {
  what: string;
  files: SiteFiles;
  /** `file:line`, or just `file` where no line can be known. */
  where: string;
  element: string;
  problem: RegExp;
  fix: RegExp;
  build?: BuildOptions;
}

const update = (attributes: string, words = "Words.") => `::: update ${attributes}\n${words}\n:::\n`;
// Front matter ends on line 7: the body starts on line 8.
const BAD: BadLiveStory[] = [
  {
    what: "an update on a page that is not live",
    files: { "bad.md": `${frontMatter().replace("live: true\n", "")}Intro.\n\n${update('time="2017-05-18T10:00"')}` },
    where: "bad.md",
    element: "update",
    problem: /^the page holds live updates but shows no live blog, so they would not be shown$/,
    fix: /"live: true" in its front matter, and \{% newsroomLiveBlog %\} in its layout/,
  },
  {
    what: "an update on a live page whose layout shows no live blog",
    files: { "_includes/plain.njk": "<main>{{ content | safe }}</main>", "bad.md": `${frontMatter().replace("story.njk", "plain.njk")}Intro.\n\n${update('time="2017-05-18T10:00"')}` },
    where: "bad.md",
    element: "update",
    problem: /^the page holds live updates but shows no live blog/,
    fix: /newsroomLiveBlog/,
  },
  {
    what: "coverageEnded before the last update",
    files: { "bad.md": `${frontMatter("coverageEnded: 2017-05-18T10:30:00-04:00\n")}${update('time="2017-05-18T10:00"')}\n${update('time="2017-05-18T11:00"')}` },
    where: "bad.md:13",
    element: "update",
    problem: /^coverageEnded \(.+\) is before the last update \(2017-05-18T11:00:00-04:00, "update-20170518-1100"\)$/,
    fix: /after the last update/,
  },
  {
    what: "two updates with one id",
    files: { "bad.md": `${frontMatter()}${update('time="2017-05-18T10:00" id="polls"')}\n${update('time="2017-05-18T11:00" id="polls"')}` },
    where: "bad.md:8",
    element: "update",
    problem: /^two updates have the id "polls"/,
    fix: /id="…"/,
  },
  {
    what: "two pinned updates",
    files: { "bad.njk": `${frontMatter()}{% update time="2017-05-18T10:00", pinned=true %}A{% endupdate %}{% update time="2017-05-18T11:00", pinned=true %}B{% endupdate %}` },
    where: "bad.njk:8",
    element: "update",
    problem: /^2 updates are pinned \("update-20170518-1100", "update-20170518-1000"\)$/,
    fix: /pin one update/,
  },
  {
    what: "Markdown: a key event without a title",
    files: { "bad.md": `${frontMatter()}Intro.\n\n${update('time="2017-05-18T10:00" key')}` },
    where: "bad.md:10",
    element: "update",
    problem: /^a key event has no title$/,
    fix: /title="…"/,
  },
  {
    what: "Nunjucks: a key event without a title",
    files: { "bad.njk": `${frontMatter()}<p>Intro.</p>\n{% update time="2017-05-18T10:00", key=true %}A{% endupdate %}` },
    where: "bad.njk:9",
    element: "update",
    problem: /^a key event has no title$/,
    fix: /title="…"/,
  },
  {
    what: "Markdown: a missing time",
    files: { "bad.md": `${frontMatter()}${update('title="Polls close"')}` },
    where: "bad.md:8",
    element: "update",
    problem: /^the required field "time" is missing$/,
    fix: /2017-05-18T21:05/,
  },
  {
    what: "Liquid: a missing time",
    files: { "bad.liquid": `${frontMatter()}\n{% update %}Words.{% endupdate %}` },
    where: "bad.liquid:9",
    element: "update",
    problem: /^the required field "time" is missing$/,
    fix: /2017-05-18T21:05/,
  },
  {
    what: "Markdown: an unreadable time",
    files: { "bad.md": `${frontMatter()}\n\n${update('time="yesterday"')}` },
    where: "bad.md:10",
    element: "update",
    problem: /^time "yesterday" is not a date with a time of day$/,
    fix: /ISO 8601/,
  },
  {
    what: "Nunjucks: a date without a time of day",
    files: { "bad.njk": `${frontMatter()}{% update time="2017-05-18" %}A{% endupdate %}` },
    where: "bad.njk:8",
    element: "update",
    problem: /^time "2017-05-18" is not a date with a time of day$/,
    fix: /ISO 8601/,
  },
  {
    what: "Markdown: a time that does not exist",
    files: { "bad.md": `${frontMatter()}${update('time="2017-02-30T10:00"')}` },
    where: "bad.md:8",
    element: "update",
    problem: /^time "2017-02-30T10:00" is not a time that exists/,
    fix: /ISO 8601/,
  },
  {
    what: "Markdown: a time in the future",
    files: { "bad.md": `${frontMatter()}${update('time="2099-05-18T10:00"')}` },
    where: "bad.md:8",
    element: "update",
    problem: /^its time 2099-05-18T10:00:00-04:00 is in the future \(more than 10 minutes after the build's clock, .+\)$/,
    fix: /time zone/,
  },
  {
    what: "more updates than one page holds, without live.layout",
    files: { "bad.md": markdownStory },
    where: "bad.md",
    element: 'option "live.layout"',
    problem: /^the live story has 5 updates, more than one page of 2, and its older pages need a layout$/,
    fix: /live: \{ layout: /,
    build: { options: { live: { pageSize: 2 } } },
  },
  {
    what: "a live page that is not a story (its live.json and numbered pages would not be made)",
    files: { "bad.md": `${frontMatter().replace("tags: story\n", "")}${update('time="2017-05-18T10:00"')}` },
    where: "bad.md",
    element: "story",
    problem: /^the live page is not in the "stories" collection, so its live\.json and numbered pages are not made$/,
    fix: /tag it "story"/,
  },
  {
    what: "a live story whose timeZone is not one",
    files: { "bad.md": `${frontMatter().replace("America/New_York", "America/New_Yrok")}${update('time="2017-05-18T10:00"')}` },
    where: "bad.md:8",
    element: "story",
    problem: /^timeZone "America\/New_Yrok" is not an IANA time zone$/,
    fix: /America\/New_York/,
  },
];

describe("a live story's faults stop a build, with the file, the line where it can be known, the element, the problem and a fix", () => {
  test.each(BAD)("$what", async ({ files, where, element, problem, fix, build }) => {
    const message = newsroomMessage(await failureOf(buildSite({ ...LAYOUTS, ...files }, build ?? OPTIONS)));
    const match = /^\[eleventy-plugin-newsroom\] (.+?): (.+?): (.+)\. Fix: (.+)\.$/.exec(message);
    expect(match, message).not.toBeNull();
    const [, location, named, said, fixed] = match!;
    expect(location).toMatch(new RegExp(`/${where.replace(/[.]/g, "\\.")}$`));
    expect(named).toBe(element);
    expect(said).toMatch(problem);
    expect(fixed).toMatch(fix);
  });
});


describe("while previewing, a broken live story still builds, shows its error in place and prints it once", () => {
  const GOOD = { "good.md": markdownStory.replace("title: Talks", "title: Good talks") };

  test.each([
    ["Markdown: an unreadable time", { "bad.md": `${frontMatter()}${update('time="2017-05-18T10:00"')}\n${update('time="yesterday"')}` }, /time "yesterday" is not a date with a time of day/, ".story-body"],
    ["Nunjucks: a key event without a title", { "bad.njk": `${frontMatter()}{% update time="2017-05-18T10:00" %}A{% endupdate %}{% update time="2017-05-18T11:00", key=true %}B{% endupdate %}` }, /a key event has no title/, ".story-body"],
    ["two updates with one id", { "bad.md": `${frontMatter()}${update('time="2017-05-18T10:00" id="polls"')}\n${update('time="2017-05-18T11:00" id="polls"')}` }, /two updates have the id "polls"/, "main"],
    ["two pinned updates", { "bad.md": `${frontMatter()}${update('time="2017-05-18T10:00" pinned')}\n${update('time="2017-05-18T11:00" pinned')}` }, /2 updates are pinned/, "main"],
  ])("%s", async (_what, files, problem, container) => {
    const { result: pages, lines } = await printedDuring(() => buildSite({ ...LAYOUTS, ...GOOD, ...files }, { ...OPTIONS, runMode: "serve" }));
    expect(lines.filter((line) => problem.test(line)), lines.join("\n")).toHaveLength(1);
    const bad = [...pages.values()].find((page) => page.inputPath.includes("/bad."))!;
    const document = parseDocument(bad.content);
    const box = document.querySelector(".newsroom-error[role=alert]");
    expect(box, "the error box").not.toBeNull();
    expect(box!.closest(container), `the box is in ${container}`).not.toBeNull();
    expect(readableText(box)).toMatch(/update:/);
    expect(readableText(box)).toMatch(problem);
    // The good story is untouched.
    expect(idsOf(liveBlogOf(pages.get("/good/")), ".newsroom-live__updates > article")).toEqual([ID.pointing, ID.blame, ID.edited]);
    expect(pages.has("/good/live.json")).toBe(true);
  });

  test("the story's good updates still show in its live blog beside the broken one", async () => {
    const broken = markdownStory.replace("title: Talks", "title: Broken talks") + `\n${update('time="yesterday"')}`;
    const { result: pages, lines } = await printedDuring(() => buildSite({ ...LAYOUTS, "bad.md": broken }, { ...OPTIONS, runMode: "serve" }));
    expect(lines.filter((line) => line.includes('time "yesterday" is not a date with a time of day')), lines.join("\n")).toHaveLength(1);
    const document = parseDocument(pages.get("/bad/")!.content);
    expect(document.querySelector(".story-body .newsroom-error[role=alert]")).not.toBeNull();
    // The five good updates: the pinned one first, the live page's three newest, and the one moved to page 1.
    expect(idsOf(liveBlogOf(pages.get("/bad/")), ".newsroom-live__updates > article")).toEqual([ID.pointing, ID.blame, ID.edited]);
    expect(liveBlogOf(pages.get("/bad/")).querySelector(".newsroom-live__pinned article")?.id).toBe(ID.opens);
  });

  test("an update on a page that is not live is printed once, and the site builds", async () => {
    const { result: pages, lines } = await printedDuring(() =>
      buildSite({ ...LAYOUTS, ...GOOD, "bad.md": `${frontMatter().replace("live: true\n", "")}Intro.\n\n${update('time="2017-05-18T10:00"')}` }, { ...OPTIONS, runMode: "serve" }),
    );
    expect(lines.filter((line) => line.includes("the page holds live updates but shows no live blog")), lines.join("\n")).toHaveLength(1);
    expect(pages.has("/bad/")).toBe(true);
    expect(pages.has("/good/live.json")).toBe(true);
  });
});

describe("lineOfUpdate: the line an update is written on, or none when it cannot be known", () => {
  const update = (time: string, id: string) => ({ type: "update" as const, id, time, timeZone: "America/New_York", key: false, pinned: false, text: "Words." });
  test("a marker or a tag carrying its time as written (local, or with its offset); its given id tells two of one time apart", async () => {
    const { lineOfUpdate } = await import("../../plugin/live.js");
    const source = 'Intro.\n\n::: update time="2017-05-18T10:00"\nA\n:::\n\n> :::: update time="2017-05-18T11:00:00-04:00" id="b"\n> B\n> ::::\n{% update time="2017-05-18T11:00", id="c" %}C{% endupdate %}\n';
    expect(lineOfUpdate(source, update("2017-05-18T10:00:00-04:00", "update-20170518-1000"), "update")).toBe(3);
    expect(lineOfUpdate(source, update("2017-05-18T11:00:00-04:00", "b"), "update")).toBe(7);
    expect(lineOfUpdate(source, update("2017-05-18T11:00:00-04:00", "c"), "update")).toBe(10);
  });
  test("an update written in a loop, or under another name, has no line", async () => {
    const { lineOfUpdate } = await import("../../plugin/live.js");
    expect(lineOfUpdate("{% for u in updates %}{% update time=u.time %}{{ u.text }}{% endupdate %}{% endfor %}", update("2017-05-18T10:00:00-04:00", "x"), "update")).toBeUndefined();
    expect(lineOfUpdate('::: meldung time="2017-05-18T10:00"\nA\n:::\n', update("2017-05-18T10:00:00-04:00", "x"), "update")).toBeUndefined();
    expect(lineOfUpdate('::: update time="2017-05-18T10:00"\nA\n:::\n::: update time="2017-05-18T10:00"\nB\n:::\n', update("2017-05-18T10:00:00-04:00", "x"), "update")).toBeUndefined();
  });
});
