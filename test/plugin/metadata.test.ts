import { describe, expect, it, vi } from "vitest";
import { buildPage, buildSite } from "../helpers/eleventy.js";
import { failureOf } from "../helpers/errors.js";
import { parseDocument, readableText } from "../helpers/html.js";

const SITE = { url: "https://news.example/", name: "Example News", language: "en" };

const STORY = `---
title: "Mexico and the US meet on drugs"
date: 2017-05-18
updated: 2017-05-19T10:00:00-04:00
tags: [story, Mexico]
section: Politics
authors:
  - name: Ana Reporter
    url: /people/ana/
publisher: { name: "Example News", url: "https://news.example/" }
image: { src: "https://images.example/lead.jpg", alt: "The ministers at the State Department" }
corrections:
  - date: 2017-05-19
    text: "An earlier version gave Kelly's title *wrongly*."
highlights:
  - "Tillerson: we must own this"
---
Body.
`;

const NUNJUCKS_LAYOUT = `<!doctype html><html lang="en"><head><title>{{ title }}</title>{% newsroomMetadata %}</head>
<body><main><h1>{{ title }}</h1>{% newsroomByline %}{{ content | safe }}{% newsroomCorrections %}</main></body></html>`;

const LIQUID_LAYOUT = `<!doctype html><html lang="en"><head><title>{{ title }}</title>{% newsroomMetadata %}</head>
<body><main><h1>{{ title }}</h1>{% newsroomByline %}{{ content }}{% newsroomCorrections %}</main></body></html>`;

function site(layout: { name: string; text: string }, story = STORY) {
  return { [`_includes/${layout.name}`]: layout.text, "stories/mexico.md": story.replace("---\nBody", `layout: ${layout.name}\n---\nBody`) };
}

function read(markup: string) {
  const document = parseDocument(markup);
  const scripts = [...document.querySelectorAll('script[type="application/ld+json"]')];
  const graph = JSON.parse(scripts[0]?.textContent ?? "null") as { "@graph": Array<Record<string, any>> } | null;
  return { document, scripts, article: graph?.["@graph"].find((node) => node["@type"] === "NewsArticle") };
}

describe("the metadata shortcodes", () => {
  for (const layout of [
    { name: "story.njk", text: NUNJUCKS_LAYOUT },
    { name: "story.liquid", text: LIQUID_LAYOUT },
  ]) {
    it(`read the page's data in ${layout.name.split(".")[1]} layouts: head, byline and corrections agree`, async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const { document, scripts, article } = read(await buildPage(site(layout), "/stories/mexico/", { options: { site: SITE, timeZone: "America/New_York" } }));
      warn.mockRestore();
      expect(scripts).toHaveLength(1);
      expect(article).toMatchObject({
        headline: "Mexico and the US meet on drugs",
        datePublished: "2017-05-18",
        dateModified: "2017-05-19T10:00:00-04:00",
        author: [{ "@type": "Person", name: "Ana Reporter", url: "https://news.example/people/ana/" }],
        articleSection: "Politics",
        keywords: ["Mexico"],
        description: "Tillerson: we must own this",
        url: "https://news.example/stories/mexico/",
      });
      expect(document.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://news.example/stories/mexico/");
      expect(document.querySelector('meta[property="article:modified_time"]')?.getAttribute("content")).toBe("2017-05-19T10:00:00-04:00");
      // What the page shows is what the machines read.
      expect(readableText(document.querySelector(".newsroom-byline__authors"))).toBe("By Ana Reporter");
      expect(document.querySelector(".newsroom-byline__published time")?.getAttribute("datetime")).toBe(article!["datePublished"]);
      expect(document.querySelector(".newsroom-byline__updated time")?.getAttribute("datetime")).toBe(article!["dateModified"]);
      const notice = document.querySelector(".newsroom-corrections li")!;
      expect(readableText(notice)).toBe("Correction, Fri May 19, 2017: An earlier version gave Kelly's title wrongly.");
    });
  }

  it("render nothing on pages that are not stories", async () => {
    const pages = await buildSite(
      { "_includes/page.njk": NUNJUCKS_LAYOUT, "about.md": "---\nlayout: page.njk\ntitle: About\n---\nAbout us." },
      { options: { site: SITE } },
    );
    const document = parseDocument(pages.get("/about/")!.content);
    expect(document.querySelector("script, link[rel=canonical], meta[property], .newsroom-byline, .newsroom-corrections")).toBeNull();
  });

  it("take the data as an argument in 11ty.js templates", async () => {
    const markup = await buildPage(
      {
        "stories/js.11ty.js": `export const data = { title: "From JavaScript", tags: ["story"], date: "2017-05-18", author: "Ana" };
export function render(data) { return this.newsroomMetadata(data) + this.newsroomByline(data); }`,
      },
      "/stories/js/",
      { options: { site: SITE } },
    );
    const { article, document } = read(markup);
    expect(article?.["headline"]).toBe("From JavaScript");
    expect(readableText(document.querySelector(".newsroom-byline__authors"))).toBe("By Ana");
  });

  it("put the path prefix into every absolute address", async () => {
    const markup = await buildPage(site({ name: "story.njk", text: NUNJUCKS_LAYOUT }), "/stories/mexico/", {
      options: { site: SITE },
      pathPrefix: "/news/",
    });
    const { article, document } = read(markup);
    expect(article?.["url"]).toBe("https://news.example/news/stories/mexico/");
    expect(article?.["author"][0].url).toBe("https://news.example/news/people/ana/");
    expect(document.querySelector('meta[property="og:url"]')?.getAttribute("content")).toBe("https://news.example/news/stories/mexico/");
  });

  it("warn about what Google recommends and the story lacks, once per story; strict mode makes it an error", async () => {
    const lacking = STORY.replace(/authors:\n.*\n.*\n/, "").replace(/publisher: .*\n/, "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await buildPage(site({ name: "story.njk", text: NUNJUCKS_LAYOUT }, lacking), "/stories/mexico/", { options: { site: { ...SITE, publisher: { name: "Example News" } } } });
    const messages = warn.mock.calls.map((call) => String(call[0]));
    warn.mockRestore();
    expect(messages.filter((message) => message.includes("stories/mexico.md"))).toHaveLength(1);
    expect(messages[0]).toMatch(/stories\/mexico\.md.*author.*Fix:/);
    const error = await failureOf(
      buildPage(site({ name: "story.njk", text: NUNJUCKS_LAYOUT }, lacking), "/stories/mexico/", { options: { site: { ...SITE, publisher: { name: "Example News" } }, strict: true } }),
    );
    expect(error).toMatch(/stories\/mexico\.md.*author/);
  });

  it("need the site's address, and say so", async () => {
    const error = await failureOf(buildPage(site({ name: "story.njk", text: NUNJUCKS_LAYOUT }), "/stories/mexico/"));
    expect(error).toMatch(/option "site".*need the site's public address.*Fix: pass site: \{ url:/s);
  });
});
