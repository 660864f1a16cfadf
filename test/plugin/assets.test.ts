import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { writeBuiltSite } from "../helpers/eleventy.js";
import { parseDocument } from "../helpers/html.js";

/**
 * `{% newsroomAssets %}`: the video box's stylesheet and the click-to-play script are files the site serves itself,
 * named by their content, linked only from pages that need them. A ratio the stylesheet does not carry is added to
 * the stylesheet of the pages that show it.
 */
const layout = `<!doctype html><html lang="en"><head><title>{{ title }}</title>{% newsroomAssets %}</head><body>{{ content | safe }}{{ lead | newsroomVideo("lead") }}</body></html>`;
const video = (url: string, ratio?: string) => `::: video url="${url}" title="A video"${ratio ? ` aspectRatio="${ratio}"` : ""}\n:::\n`;

let output: string;
const head = (path: string) => parseDocument(readFileSync(join(output, path, "index.html"), "utf8")).head;
const linked = (path: string) => [...head(path).querySelectorAll("link[rel=stylesheet]")].map((link) => link.getAttribute("href")!);
const scripts = (path: string) => [...head(path).querySelectorAll("script")].map((script) => script.getAttribute("src")!);
const fileText = (path: string) => readFileSync(join(output, path), "utf8");

beforeAll(async () => {
  output = await writeBuiltSite({
    "_includes/page.njk": layout,
    "_data/layout.json": JSON.stringify("page.njk"),
    "common.md": `---\ntitle: Common ratios\n---\n${video("https://vimeo.com/1")}\n${video("/a.mp4", "9/16")}`,
    "also-common.md": `---\ntitle: A file in 4:3\n---\n${video("/b.mp4", "4:3")}`,
    "cinema.md": `---\ntitle: A cinema ratio\n---\n${video("/c.mp4", "2.39/1")}\n${video("/d.mp4", "7/5")}`,
    // The video is rendered by the layout, after {% newsroomAssets %} in the <head>: the marker is filled when the page is done.
    "lead.md": `---\ntitle: A lead video in the layout\nlead:\n  url: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n  title: The lead\n  aspectRatio: 5/4\n---\nWords.\n`,
    "plain.md": "---\ntitle: No video\n---\nWords.\n",
    // A story whose only video is in a Liquid {% render %} partial, whose scope holds no page.
    "_includes/clip.liquid": "{% video clip %}",
    "partial.liquid": "---\ntitle: A video in a partial\ntags: story\nclip:\n  url: /e.mp4\n  title: In a partial\n  aspectRatio: 2.39/1\n---\n{% render 'clip.liquid', clip: clip %}",
  });
});

describe("{% newsroomAssets %}", () => {
  test("pages with the common ratios link one stylesheet of the same name, which carries those ratios", () => {
    const [common] = linked("common");
    expect(common).toMatch(/^\/newsroom\/video-[0-9a-f]{10}\.css$/);
    expect(linked("also-common")).toEqual([common]);
    const css = fileText(common!);
    for (const ratio of ["16x9", "9x16", "4x3", "3x4", "1x1", "21x9"]) expect(css).toContain(`.newsroom-video__media--${ratio} {`);
    expect(css).toContain(".newsroom-video__media {");
  });

  test("a page with other ratios links a stylesheet that adds their rules, and its boxes carry their classes", () => {
    const [cinema] = linked("cinema");
    expect(cinema).not.toEqual(linked("common")[0]);
    const css = fileText(cinema!);
    expect(css).toContain(".newsroom-video__media--2_39x1 { aspect-ratio: 2.39 / 1; }");
    expect(css).toContain(".newsroom-video__media--7x5 { aspect-ratio: 7 / 5; }");
    expect(css.startsWith(fileText(linked("common")[0]!))).toBe(true);
    const boxes = parseDocument(fileText("cinema/index.html")).querySelectorAll(".newsroom-video__media");
    expect([...boxes].map((box) => [...box.classList].join(" "))).toEqual(["newsroom-video__media newsroom-video__media--2_39x1", "newsroom-video__media newsroom-video__media--7x5"]);
    expect(fileText("common/index.html")).not.toContain("2_39x1");
  });

  test("a video the layout renders after the <head> gets its stylesheet and its script", () => {
    const [stylesheet] = linked("lead");
    expect(fileText(stylesheet!)).toContain(".newsroom-video__media--5x4 { aspect-ratio: 5 / 4; }");
    expect(scripts("lead")).toEqual([expect.stringMatching(/^\/newsroom\/video-[0-9a-f]{10}\.js$/)]);
  });

  test("the script only where a video plays in place; nothing on a page without a video", () => {
    expect(scripts("common")).toHaveLength(1);
    // Files play in the browser's own player: a stylesheet for the box, no script.
    expect(scripts("also-common")).toEqual([]);
    expect(scripts("cinema")).toEqual([]);
    expect(linked("plain")).toEqual([]);
    expect(scripts("plain")).toEqual([]);
    expect(head("plain").querySelector("style")).toBeNull();
  });

  test("a story's video in a Liquid {% render %} partial (no page in its scope) still gets its stylesheet", () => {
    const [stylesheet] = linked("partial");
    expect(fileText(stylesheet!)).toContain(".newsroom-video__media--2_39x1 { aspect-ratio: 2.39 / 1; }");
  });

  test("no page holds a <style> element or a style attribute", () => {
    for (const path of ["common", "also-common", "cinema", "lead", "plain", "partial"]) {
      const page = fileText(`${path}/index.html`);
      expect(parseDocument(page).querySelector("style, [style]"), path).toBeNull();
    }
  });
});
