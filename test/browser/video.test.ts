import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, serveDirectory, watchedContext, type StaticServer } from "../helpers/browser.js";
import { writeBuiltSite } from "../helpers/eleventy.js";
import { parseDocument } from "../helpers/html.js";

const layout = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title>{% newsroomAssets %}</head>
<body><main><h1>{{ title }}</h1>{{ content | safe }}<p><a href="/">A link after the videos</a></p></main></body>
</html>`;

const site = {
  "_includes/page.njk": layout,
  "videos.md": `---
title: Three videos
layout: page.njk
---
::: video url="https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s" title="Where does America's heroin come from?" duration="01:45" source="CNN" poster="/poster.svg" posterAlt="A syringe"
:::

::: video url="https://vimeo.com/76979871/8272103f6e" title="A Vimeo video" duration="2:30"
:::

::: video url="/media/clip.mp4" title="Our own clip" poster="/poster.svg" posterAlt="A syringe" captions="/media/clip.vtt" transcript="/media/clip-transcript/"
:::
`,
  "plain.md": "---\ntitle: No video here\nlayout: page.njk\n---\nJust words.\n",
  "poster.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="#345"/></svg>`,
};

/**
 * The deadline for anything the browser does in its own time (a request, a layout shift): long enough for a loaded
 * two-core machine, where expect.poll's default of 1 s is not.
 */
const PATIENCE = 20_000;

let output: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  output = await writeBuiltSite(site, { configure: (config) => config.addPassthroughCopy({ [join("poster.svg")]: "poster.svg" }) });
  server = await serveDirectory(output);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page whose every request is watched: the site's own are served, any other origin gets a small local stand-in. */
async function openPage(options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; context: BrowserContext; external: string[] }> {
  const { context, external } = await watchedContext(browser, server.origin, { javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  // Sum every layout shift from the first paint on (buffered), as Core Web Vitals' CLS does.
  await page.addInitScript(() => {
    (window as unknown as { layoutShift: number }).layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        (window as unknown as { layoutShift: number }).layoutShift += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(`${server.origin}/videos/`, { waitUntil: "networkidle" });
  return { page, context, external };
}

/** An element's box in page coordinates (focusing the player may scroll the viewport; that is not a layout shift). */
const pageBox = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { x: box.x + window.scrollX, y: box.y + window.scrollY, width: box.width, height: box.height };
  });

const youtubeButton = (page: Page) => page.getByRole("button", { name: "Play video: Where does America's heroin come from? (1:45)" });

describe("click-to-play video, in Chromium", () => {
  test("before any click, no request leaves localhost", async () => {
    const { page, context, external } = await openPage();
    await page.mouse.wheel(0, 2000);
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: PATIENCE, message: "the page scrolled" }).toBeGreaterThan(0);
    // A deliberate fixed wait: the test shows that NOTHING is requested once the page has scrolled, so there is no event to wait for.
    await page.waitForTimeout(300);
    expect(external).toEqual([]);
    // The play controls are real buttons, named for what they play.
    await expect(youtubeButton(page).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Play video: A Vimeo video (2:30)" }).count()).resolves.toBe(1);
    await context.close();
  });

  test("clicking the button swaps in the privacy-enhanced player, with autoplay and the start time, and focus moves into it", async () => {
    const { page, context, external } = await openPage();
    const boxBefore = await pageBox(page, ".newsroom-video--youtube .newsroom-video__media");
    await youtubeButton(page).click();
    const frame = page.locator(".newsroom-video--youtube iframe");
    await frame.waitFor();
    const src = new URL((await frame.getAttribute("src"))!);
    expect(src.origin + src.pathname).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    // The whole query: the start time from the address's t=1m30s, and the script's autoplay and rel=0 (README).
    expect(Object.fromEntries(src.searchParams)).toEqual({ start: "90", autoplay: "1", rel: "0" });
    expect(await frame.getAttribute("title")).toBe("Video: Where does America's heroin come from?");
    expect(await frame.getAttribute("loading")).toBe("lazy");
    expect(await frame.getAttribute("referrerpolicy")).toBe("strict-origin-when-cross-origin");
    expect(await frame.getAttribute("allow")).toBe("autoplay; encrypted-media; fullscreen; picture-in-picture");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");
    await expect
      .poll(() => external.some((url) => url.startsWith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")), { timeout: PATIENCE, message: "the player was requested from youtube-nocookie.com" })
      .toBe(true);
    expect(external.every((url) => url.startsWith("https://www.youtube-nocookie.com/"))).toBe(true);
    // The player takes the poster's box: same place, same size.
    expect(await pageBox(page, ".newsroom-video--youtube .newsroom-video__media")).toEqual(boxBefore);
    expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBe(0);
    await context.close();
  });

  test("the keyboard reaches the button (with a visible focus ring) and Enter plays the video", async () => {
    const { page, context } = await openPage();
    let focused = "";
    for (let tab = 0; tab < 10 && !focused.includes("heroin"); tab++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    }
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BUTTON");
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Enter");
    await page.locator(".newsroom-video--youtube iframe").waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");
    await context.close();
  });

  test("Vimeo plays without tracking (dnt=1), keeping the unlisted hash", async () => {
    const { page, context } = await openPage();
    await page.getByRole("button", { name: "Play video: A Vimeo video (2:30)" }).click();
    const src = new URL((await page.locator(".newsroom-video--vimeo iframe").getAttribute("src"))!);
    expect(src.origin + src.pathname).toBe("https://player.vimeo.com/video/76979871");
    expect(Object.fromEntries(src.searchParams)).toEqual({ h: "8272103f6e", dnt: "1", autoplay: "1" });
    await context.close();
  });

  test("a video file of the site's own plays natively, preloads nothing and carries captions", async () => {
    const { page, context, external } = await openPage();
    const video = page.locator("video.newsroom-video__player");
    expect(await video.getAttribute("preload")).toBe("none");
    // The poster is the image pipeline's copy of /poster.svg (an SVG is served as it is), written by the build.
    const poster = await video.getAttribute("poster");
    expect(poster).toMatch(/^\/img\/[\w-]+-16\.svg$/);
    expect(readFileSync(join(output, poster!), "utf8")).toBe(site["poster.svg"]);
    expect(await page.locator("video track").getAttribute("kind")).toBe("captions");
    expect(await page.getByRole("link", { name: "Transcript: Our own clip" }).getAttribute("href")).toBe("/media/clip-transcript/");
    expect(external).toEqual([]);
    await context.close();
  });

  test("the layout shift over load and both players swapping in is 0", async () => {
    const { page, context } = await openPage();
    await youtubeButton(page).click();
    await page.locator(".newsroom-video--youtube iframe").waitFor({ timeout: PATIENCE });
    // Vimeo's button is pressed from the keyboard: a mouse click just after scrolling to it, with YouTube's cross-origin
    // player now on the page, is sometimes routed to where that player was before the scroll, and lost.
    await page.getByRole("button", { name: /A Vimeo video/ }).press("Enter");
    await page.locator(".newsroom-video--vimeo iframe").waitFor({ timeout: PATIENCE });
    // Two animation frames: the swapped-in players have been laid out and painted, so any shift they cause is recorded.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    // A deliberate fixed wait: the test shows that NO layout shift is reported, so there is no event to wait for.
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBe(0);
    await context.close();
  });

  test("axe finds no violation, before and after the player is swapped in", async () => {
    const { page, context } = await openPage();
    const check = async () => {
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .options({ rules: { "target-size": { enabled: true } } })
        .analyze();
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    };
    expect(await check()).toEqual([]);
    await youtubeButton(page).click();
    await page.locator(".newsroom-video--youtube iframe").waitFor();
    expect(await check()).toEqual([]);
    await context.close();
  });

  test("the layout-shift measurement itself sees a shift when there is one", async () => {
    const { page, context } = await openPage();
    await page.evaluate(() => document.querySelector("main")!.prepend(Object.assign(document.createElement("div"), { style: "height: 200px" })));
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift), { timeout: PATIENCE, message: "the layout shift was measured" })
      .toBeGreaterThan(0);
    await context.close();
  });

  test("with JavaScript off, the play control is a working link to the video", async () => {
    const { page, context, external } = await openPage({ javaScriptEnabled: false });
    const link = page.getByRole("link", { name: "Play video: Where does America's heroin come from? (1:45)" });
    expect(await link.getAttribute("href")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s");
    await link.click();
    await page.waitForURL("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s");
    expect(external[0]).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s");
    await context.close();
  });
});

describe("the player's script and CSS ship only where they are needed", () => {
  const scriptsOf = (path: string) => [...parseDocument(readFileSync(join(output, path), "utf8")).querySelectorAll("script")];

  test("a page with an embedded video gets one module script, served by the site, within 1.5 KB brotli", () => {
    const scripts = scriptsOf("videos/index.html");
    expect(scripts).toHaveLength(1);
    const src = scripts[0]!.getAttribute("src")!;
    expect(scripts[0]!.getAttribute("type")).toBe("module");
    expect(src).toMatch(/^\/newsroom\/[\w-]+\.js$/);
    const size = brotliCompressSync(readFileSync(join(output, src)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`click-to-play script: ${size} bytes brotli`);
    expect(size).toBeLessThanOrEqual(1536);
  });

  test("a page without a video ships no script and no video CSS", () => {
    expect(scriptsOf("plain/index.html")).toEqual([]);
    const plain = parseDocument(readFileSync(join(output, "plain/index.html"), "utf8"));
    expect(plain.querySelector("style")).toBeNull();
    expect([...plain.querySelectorAll("link[rel=stylesheet]")].map((link) => link.getAttribute("href"))).not.toContainEqual(expect.stringContaining("/newsroom/"));
  });
});
