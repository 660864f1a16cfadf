import { describe, expect, test } from "vitest";
import { buildSite } from "../helpers/eleventy.js";
import { parseDocument, readableText } from "../helpers/html.js";

const WORDS = "We Americans must own this problem. It is ours.";
const frontMatter = (extra = "") => `---\ntitle: Story\n${extra}---\n`;

/** The same quote, written in every syntax an Eleventy author has. */
const quoteSites: Record<string, string> = {
  "markdown.md": `${frontMatter()}Intro.\n\n::: quote speaker="Rex Tillerson" role="US Secretary of State"\n${WORDS}\n:::\n\nAfter.\n`,
  "markdown-shortcode.md": `${frontMatter()}Intro.\n\n{% quote "Rex Tillerson", "US Secretary of State" %}\n${WORDS}\n{% endquote %}\n\nAfter.\n`,
  "nunjucks.njk": `${frontMatter()}<p>Intro.</p>\n{% quote speaker="Rex Tillerson", role="US Secretary of State" %}${WORDS}{% endquote %}`,
  "liquid.liquid": `${frontMatter()}<p>Intro.</p>\n{% quote "Rex Tillerson", "US Secretary of State" %}${WORDS}{% endquote %}`,
  "javascript.11ty.js": `export const data = { title: "Story" };\nexport function render() { return "<p>Intro.</p>" + this.quote(${JSON.stringify(WORDS)}, { speaker: "Rex Tillerson", role: "US Secretary of State" }); }\n`,
  "front-matter.njk": `${frontMatter(`said:\n  text: "${WORDS}"\n  speaker: Rex Tillerson\n  role: US Secretary of State\n`)}<p>Intro.</p>\n{{ said | newsroomQuote }}`,
  "front-matter-liquid.liquid": `${frontMatter(`said:\n  text: "${WORDS}"\n  speaker: Rex Tillerson\n  role: US Secretary of State\n`)}<p>Intro.</p>\n{{ said | newsroomQuote }}`,
};

function elementHtml(content: string, selector: string): string {
  const found = parseDocument(content).querySelectorAll(selector);
  expect(found, `exactly one ${selector}`).toHaveLength(1);
  return found[0]!.outerHTML;
}

describe("every syntax renders the same element", () => {
  test("a quote in Markdown, Markdown with a shortcode, Nunjucks, Liquid, 11ty.js and front matter is the same markup", async () => {
    const pages = await buildSite(quoteSites);
    const rendered = Object.keys(quoteSites).map((file) => {
      const page = [...pages.values()].find((p) => p.inputPath.endsWith(file));
      expect(page, file).toBeDefined();
      return [file, elementHtml(page!.content, "figure.newsroom-quote")] as const;
    });
    expect(rendered).toHaveLength(7);
    const [, first] = rendered[0]!;
    for (const [file, markup] of rendered) expect(markup, file).toBe(first);

    const figure = parseDocument(first).querySelector("figure")!;
    expect(readableText(figure.querySelector("blockquote"))).toBe(WORDS);
    expect(readableText(figure.querySelector("figcaption"))).toBe("Rex Tillerson, US Secretary of State");
    expect(figure.querySelector("cite")).toBeNull();
  });

  test("an element written in Markdown is a block: never wrapped in a paragraph, and the text around it stays intact", async () => {
    const pages = await buildSite({
      "a.md": quoteSites["markdown.md"]!,
      "b.md": quoteSites["markdown-shortcode.md"]!,
    });
    expect([...pages.values()]).toHaveLength(2);
    for (const page of pages.values()) {
      const document = parseDocument(page.content);
      const figure = document.querySelector("figure.newsroom-quote")!;
      expect(figure.parentElement!.tagName, page.inputPath).toBe("BODY");
      expect([...document.querySelectorAll("p")].map(readableText), page.inputPath).toEqual(["Intro.", WORDS, "After."]);
    }
  });

  test("highlights, pull quotes and videos match across Markdown, Nunjucks, Liquid and front matter filters", async () => {
    const video = `url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="Where does America's heroin come from?" duration="01:45" source="CNN"`;
    const pages = await buildSite({
      "md.md": `${frontMatter()}::: highlights\n- One *point*\n- Two\n:::\n\nThe body says it: repeated words here.\n\n::: pullquote speaker="Luis Videgaray"\nrepeated words here\n:::\n\n::: video ${video}\n:::\n`,
      "njk.njk": `${frontMatter()}{% highlights %}\n- One *point*\n- Two\n{% endhighlights %}\n<p>The body says it: repeated words here.</p>\n{% pullquote speaker="Luis Videgaray" %}repeated words here{% endpullquote %}\n{% video url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", title="Where does America's heroin come from?", duration="01:45", source="CNN" %}`,
      "liquid.liquid": `${frontMatter()}{% highlights %}\n- One *point*\n- Two\n{% endhighlights %}\n<p>The body says it: repeated words here.</p>\n{% pullquote "Luis Videgaray" %}repeated words here{% endpullquote %}\n{% video "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "Where does America's heroin come from?", "01:45", "CNN" %}`,
      "data.njk": `${frontMatter(`highlights:\n  - One *point*\n  - Two\nquoted:\n  text: repeated words here\n  speaker: Luis Videgaray\nclip:\n  url: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n  title: Where does America's heroin come from?\n  duration: "01:45"\n  source: CNN\n`)}{{ highlights | newsroomHighlights }}\n<p>The body says it: repeated words here.</p>\n{{ quoted | newsroomPullQuote }}\n{{ clip | newsroomVideo }}`,
    });
    expect(pages.size).toBe(4);
    for (const selector of ["section.newsroom-highlights", "aside.newsroom-pullquote", "figure.newsroom-video"]) {
      const markups = [...pages.values()].map((page) => elementHtml(page.content, selector));
      expect(new Set(markups).size, selector).toBe(1);
    }
    const document = parseDocument([...pages.values()][0]!.content);
    expect([...document.querySelectorAll(".newsroom-highlights li")].map((li) => li.innerHTML)).toEqual(["One <em>point</em>", "Two"]);
    expect(document.querySelector(".newsroom-video__play")?.getAttribute("aria-label")).toBe("Play video: Where does America's heroin come from? (1:45)");
  });

  test("shortcode and filter arguments are escaped once, in Nunjucks (which trusts shortcode output) and Liquid", async () => {
    const evil = `<script>alert("x")</script> & "quotes"`;
    const pages = await buildSite({
      "n.njk": `${frontMatter()}{% quote speaker=evil %}words{% endquote %}{% video url="https://vimeo.com/123456", title=evil %}`,
      "l.liquid": `${frontMatter()}{% quote evil %}words{% endquote %}{% video "https://vimeo.com/123456", evil %}`,
      "_data/evil.json": JSON.stringify(evil),
    });
    expect([...pages.values()]).toHaveLength(2);
    for (const page of pages.values()) {
      const document = parseDocument(page.content);
      expect(document.querySelector("script"), page.inputPath).toBeNull();
      expect(readableText(document.querySelector(".newsroom-attribution__speaker"))).toBe(evil);
      expect(readableText(document.querySelector(".newsroom-video__title"))).toBe(evil);
      expect(page.content).not.toContain("&amp;lt;");
    }
  });

  test("ids are unique on a page with several highlights, and the same on every build", async () => {
    const site = {
      "a.md": `${frontMatter("highlights:\n  - From front matter\nlayout: story.njk\n")}::: highlights\n- From the body\n:::\n`,
      "_includes/story.njk": "{{ highlights | newsroomHighlights }}{{ content | safe }}",
    };
    const first = (await buildSite(site)).get("/a/")!.content;
    const second = (await buildSite(site)).get("/a/")!.content;
    expect(second).toBe(first);
    const document = parseDocument(first);
    const sections = [...document.querySelectorAll("section.newsroom-highlights")];
    expect(sections).toHaveLength(2);
    const ids = sections.map((section) => section.getAttribute("aria-labelledby"));
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(document.getElementById(id!)?.tagName).toBe("H2");
  });

  test("Markdown inside elements goes through the site's own markdown-it, with the site's settings and plugins", async () => {
    const pages = await buildSite(
      {
        "a.md": '::: quote speaker="A"\nCopyright (c) 2017 -- all rights\n:::\n',
        "b.njk": '{% quote speaker="A" %}Copyright (c) 2017 -- all rights{% endquote %}',
      },
      { configure: (config) => config.amendLibrary("md", (md: any) => md.set({ typographer: true })) },
    );
    expect([...pages.values()]).toHaveLength(2);
    for (const page of pages.values()) {
      expect(readableText(parseDocument(page.content).querySelector("blockquote")), page.inputPath).toBe("Copyright © 2017 – all rights");
    }
  });
});
