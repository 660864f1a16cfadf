/**
 * A live story's page in Chromium while its coverage runs (`assets/newsroom-live.js`): the site is built, served under
 * the example site's Content-Security-Policy, and built again in place while the page is open, as a newsroom
 * publishes. New updates wait behind the "N new updates" button (announced politely, counted in the title) and nothing
 * moves under the reader (no layout shift over the whole visit, with the example site's stylesheet); an edited update
 * is replaced where it is, once it is off the screen; the button reveals the new update and takes focus to it; once
 * the JSON says coverage ended, the page says so and polling stops. Without JavaScript the page shows every update, and
 * a link to an update that has moved to a numbered page lands on it there.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, serveDirectory, watchedContext, type StaticServer } from "../helpers/browser.js";
import { rebuildSite, writeBuiltSite, type BuildOptions, type SiteFiles } from "../helpers/eleventy.js";
import { REPOSITORY } from "../helpers/exampleSite.js";

/**
 * The deadline for anything the browser or a build does in its own time (a poll, a rebuild, a navigation): long enough
 * for a loaded two-core machine, where expect.poll's default of 1 s is not.
 */
const PATIENCE = 20_000;
/** The poll interval the pages get through the script's test hook (`window.newsroomLiveInterval`), in ms. */
const INTERVAL = 250;

/** The example site's stylesheet: its live blog styles are what keep the button and the announcer from moving the page. */
const SITE_CSS = join(REPOSITORY, "site/assets/site.css");
/** The Content-Security-Policy the example site ships (`site/_headers`), sent with every response: polling needs no more. */
const POLICY = readFileSync(join(REPOSITORY, "site/_headers"), "utf8")
  .split("\n")
  .find((line) => /^\s+Content-Security-Policy:/.test(line))!
  .replace(/^\s+Content-Security-Policy:\s*/, "")
  .trim();

const layout = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title>{% newsroomAssets %}<link rel="stylesheet" href="/assets/site.css"></head>
<body><main id="main"><article class="story">
<h1 class="story__headline">{{ title }}</h1>
<div class="story__body">{{ content | safe }}</div>
{% newsroomLiveBlog %}
</article></main></body>
</html>`;

/** The numbered pages of older updates (the plugin gives `liveUpdates`). */
const updatesLayout = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title>{% newsroomAssets %}<link rel="stylesheet" href="/assets/site.css"></head>
<body><main id="main"><article class="story">
<h1 class="story__headline">{{ liveUpdates.story.title }}</h1>
{{ content | safe }}
</article></main></body>
</html>`;

interface Update {
  time: string;
  title: string;
  text: string;
  /** More attributes, written as they are: ' key', ' pinned', ' updated="…"'. */
  more?: string;
}

const block = (update: Update) => `::: update time="${update.time}" title="${update.title}"${update.more ?? ""}\n${update.text}\n:::\n`;

/** A live story of election night 2024, in New York's zone: its updates in any order, and front matter to add. */
function story(updates: readonly Update[], frontMatter = ""): string {
  return `---
title: Election night, live
tags: story
live: true
layout: live.njk
date: 2024-11-05
${frontMatter}---
Results from across the country as they come in, newest first.

${updates.map(block).join("\n")}`;
}

const words = (sentence: string) => `${sentence} Officials said the count would go on through the night, county by county, and that the first full results were not expected before the morning.`;

const POLLS_CLOSE: Update = { time: "2024-11-05T19:00", title: "Polls close in six states", text: words("Polls have closed in Georgia, Indiana, Kentucky, South Carolina, Vermont and Virginia."), more: " key" };
const TURNOUT: Update = { time: "2024-11-05T19:30", title: "Turnout is high in the suburbs", text: words("Lines stretched round the block in the suburbs of Atlanta and Philadelphia.") };
const OHIO: Update = { time: "2024-11-05T20:00", title: "Ohio called", text: words("The Associated Press called Ohio at 8 pm."), more: " key pinned" };
const PENNSYLVANIA: Update = { time: "2024-11-05T20:15", title: "Counting in Pennsylvania", text: words("Mail ballots are being counted in Philadelphia.") };
const ARIZONA: Update = { time: "2024-11-05T20:40", title: "A long night in Arizona", text: words("Maricopa County expects to report in batches.") };
const FLORIDA: Update = { time: "2024-11-05T21:00", title: "Florida called", text: words("The Associated Press called Florida at 9 pm.") };
/** The first update, edited: a sentence added, and the time of the edit. Its id (from its time and title) stays. */
const POLLS_CLOSE_EDITED: Update = { ...POLLS_CLOSE, text: `${POLLS_CLOSE.text} Voters still in line when the polls closed may vote.`, more: ' key updated="2024-11-05T21:05"' };
const FLORIDA_EDITED: Update = { ...FLORIDA, text: `${FLORIDA.text} Miami-Dade County reported first.`, more: ' updated="2024-11-05T21:20"' };

const id = (update: Update) => `update-${update.time.replace(/[-:]/g, "").replace("T", "-")}-${update.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

const STORY_URL = "/stories/election/";
const BEFORE = [POLLS_CLOSE, TURNOUT, OHIO, PENNSYLVANIA, ARIZONA];
/** The next build: one new update and one edited. */
const AFTER = [POLLS_CLOSE_EDITED, TURNOUT, OHIO, PENNSYLVANIA, ARIZONA, FLORIDA];
/** And the one after: the new update edited. */
const LATER = [POLLS_CLOSE_EDITED, TURNOUT, OHIO, PENNSYLVANIA, ARIZONA, FLORIDA_EDITED];

const BUILD: BuildOptions = { options: { site: { url: "https://news.example/", name: "Example News" }, timeZone: "America/New_York" } };

const siteFiles = (storySource: string, more: SiteFiles = {}): SiteFiles => ({ "_includes/live.njk": layout, "stories/election.md": storySource, ...more });

/** Builds a site to serve, with the example site's stylesheet beside it. */
async function buildServedSite(files: SiteFiles, build: BuildOptions = BUILD): Promise<string> {
  const output = await writeBuiltSite(files, build);
  mkdirSync(join(output, "assets"), { recursive: true });
  copyFileSync(SITE_CSS, join(output, "assets/site.css"));
  return output;
}

let browser: Browser;
const servers: StaticServer[] = [];

async function serve(output: string): Promise<string> {
  const server = await serveDirectory(output, { "Content-Security-Policy": POLICY });
  servers.push(server);
  return server.origin;
}

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

/** What the page records from before its first byte is parsed (page clock, `performance.now()`). */
interface Watch {
  /**
   * The sum of layout shifts not caused by input, as Core Web Vitals' CLS counts them, once the page has loaded and
   * painted: what the live script (and nothing else) may move.
   */
  layoutShift: number;
  /** The same, while the page loaded (before `loaded`). */
  loadShift: number;
  loaded?: boolean;
  /** What moved, for the message when something did. */
  shifted: string[];
  /** When each request for live.json started. */
  polls: number[];
  /** What the Content-Security-Policy blocked. */
  violations: string[];
  /** When the "new updates" button was first shown, and when the status first said coverage ended. */
  buttonShown?: number;
  ended?: number;
}

interface Visit {
  page: Page;
  context: BrowserContext;
  /** Requests to any other origin than the site's. */
  external: string[];
  /** Every request the page made, from its first. */
  requests: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  watch: () => Promise<Watch>;
}

/** Opens a page of the site with the short poll interval and every request, layout shift and poll watched. */
async function visit(origin: string, path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Visit> {
  const { context, external } = await watchedContext(browser, origin, { javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => requests.push(request.url()));
  await page.addInitScript((interval) => {
    const record = { layoutShift: 0, loadShift: 0, shifted: [] as string[], polls: [] as number[], violations: [] as string[] } as Watch;
    document.addEventListener("securitypolicyviolation", (event) => record.violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"}`));
    const scope = window as unknown as { newsroomLiveInterval: number; liveWatch: Watch };
    scope.newsroomLiveInterval = interval;
    scope.liveWatch = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> }>) {
        if (entry.hadRecentInput) continue;
        if (record.loaded) record.layoutShift += entry.value;
        else record.loadShift += entry.value;
        for (const source of entry.sources ?? []) {
          // A text node is named by its element and its first words.
          const node = source.node as Node | undefined;
          const element = node && node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | undefined);
          const words = node?.nodeType === Node.TEXT_NODE ? ` "${(node.textContent ?? "").trim().slice(0, 40)}"` : "";
          record.shifted.push(`${entry.value.toFixed(4)} ${element?.localName ?? "?"}#${element?.id ?? ""}.${element?.className ?? ""}${words} at ${Math.round(entry.startTime)} ms, ${JSON.stringify(source.previousRect)} → ${JSON.stringify(source.currentRect)}`);
        }
      }
    }).observe({ type: "layout-shift", buffered: true });
    const fetchOf = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).includes("live.json")) record.polls.push(performance.now());
      return fetchOf(input, init);
    };
    new MutationObserver(() => {
      const button = document.querySelector<HTMLButtonElement>(".newsroom-live__new");
      if (record.buttonShown === undefined && button && !button.hidden) record.buttonShown = performance.now();
      if (record.ended === undefined && document.querySelector(".newsroom-live__status")?.textContent === "Coverage has ended") record.ended = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }, INTERVAL);
  await page.goto(`${origin}${path}`, { waitUntil: "load", timeout: PATIENCE });
  const watch = () => page.evaluate(() => (window as unknown as { liveWatch: Watch }).liveWatch);
  // Without JavaScript there is nothing to watch; a link to a moved update navigates on to its page.
  if (options.javaScriptEnabled === false || path.includes("#")) return { page, context, external, requests, errors, watch };
  await painted(page);
  const loaded = await page.evaluate(() => {
    const record = (window as unknown as { liveWatch: Watch }).liveWatch;
    record.loaded = true;
    return record;
  });
  // While the page loads, the live script changes nothing (it waits for its first poll). One full run of the suite on a
  // loaded machine once saw a text node move 0.0012 at 215 ms, during the load; it was not reproduced in many runs
  // since, alone or under load. So the load is held far below CLS's "good" limit of 0.1, and everything after it, which
  // is what the script does, must be exactly 0.
  expect(loaded.loadShift, loaded.shifted.join("\n")).toBeLessThan(0.01);
  return { page, context, external, requests, errors, watch };
}

const now = (page: Page) => page.evaluate(() => performance.now());
/** Two animation frames: whatever just changed has been laid out and painted, so any shift it caused is recorded. */
const painted = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
/** The polls that started after a moment of the page's clock. */
const pollsSince = async (watch: () => Promise<Watch>, moment: number) => (await watch()).polls.filter((time) => time > moment).length;
/** The ids of the updates in the list, in order (the pinned one stands apart, above it). */
const listed = (page: Page) => page.locator(".newsroom-live__updates > article").evaluateAll((articles) => articles.map((article) => article.id));

describe("a live page in Chromium while coverage runs", () => {
  test("new updates wait behind the button, edits are replaced in place off the screen, nothing shifts, and polling stops when coverage ends", async () => {
    const output = await buildServedSite(siteFiles(story(BEFORE)));
    const origin = await serve(output);
    const { page, context, external, requests, errors, watch } = await visit(origin, STORY_URL);
    try {
      expect(await page.locator("[data-newsroom-live]").getAttribute("data-newsroom-live")).toBe(`${STORY_URL}live.json`);
      expect(await page.locator(".newsroom-live__announcer").getAttribute("aria-live")).toBe("polite");
      const button = page.locator(".newsroom-live__new");
      // Polls with nothing new change nothing: two polls done (the second starts only once the first was applied).
      await expect.poll(async () => (await watch()).polls.length, { timeout: PATIENCE, message: "the page polls live.json" }).toBeGreaterThanOrEqual(2);
      expect(await button.isHidden()).toBe(true);
      expect(await page.title()).toBe("Election night, live");
      expect(await listed(page)).toEqual([ARIZONA, PENNSYLVANIA, TURNOUT, POLLS_CLOSE].map(id));

      // The update to be edited is below the fold, as an edit mostly is: it grows, and only what is below it moves.
      const edited = page.locator(`article#${id(POLLS_CLOSE)}`);
      const top = await edited.evaluate((article) => article.getBoundingClientRect().top);
      expect(top).toBeGreaterThan(await page.evaluate(() => window.innerHeight));
      expect(await edited.textContent()).not.toContain("Voters still in line");
      const versionBefore = await edited.getAttribute("data-version");

      await rebuildSite(output, siteFiles(story(AFTER)), BUILD);
      const rebuilt = await now(page);

      // Within one poll of the build, the button shows the count; the title and the polite live region say it too.
      await button.waitFor({ state: "visible", timeout: PATIENCE });
      const shown = await watch();
      expect(shown.polls.filter((time) => time > rebuilt && time < shown.buttonShown!).length).toBeLessThanOrEqual(1);
      expect(await button.textContent()).toBe("1 new update");
      expect(await page.getByRole("button", { name: "1 new update" }).isVisible()).toBe(true);
      expect(await page.title()).toBe("(1) Election night, live");
      expect(await page.locator(".newsroom-live__announcer").textContent()).toBe("1 new update");
      // The new update waits: nothing is added to the page until the reader asks.
      expect(await page.locator(`#${id(FLORIDA)}`).count()).toBe(0);
      expect(await listed(page)).toEqual([ARIZONA, PENNSYLVANIA, TURNOUT, POLLS_CLOSE].map(id));
      // The edited update is the edited one, where it was, with its id.
      expect(await edited.textContent()).toContain("Voters still in line when the polls closed may vote.");
      expect(await edited.locator(".newsroom-update__edited").textContent()).toBe("Updated 9:05 pm EST");
      expect(await edited.getAttribute("data-version")).not.toBe(versionBefore);
      await painted(page);
      expect((await watch()).layoutShift, (await watch()).shifted.join("\n")).toBe(0);

      // The axe checks, with the button shown.
      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);

      // Pressed (from the keyboard: a mouse click on a fixed control after a scroll is sometimes lost in headless
      // Chromium, see csp.test.ts), the button reveals the new update at the top and takes focus to it.
      await button.press("Enter");
      await expect.poll(() => listed(page), { timeout: PATIENCE, message: "the new update is revealed" }).toEqual([FLORIDA, ARIZONA, PENNSYLVANIA, TURNOUT, POLLS_CLOSE].map(id));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(id(FLORIDA));
      expect(await button.isHidden()).toBe(true);
      expect(await page.title()).toBe("Election night, live");
      const box = await page.locator(`#${id(FLORIDA)}`).evaluate((article) => ({ top: article.getBoundingClientRect().top, height: window.innerHeight }));
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeLessThan(box.height);
      // Revealing moved the page, but because the reader asked (a shift within 500 ms of input is not counted).
      await painted(page);
      expect((await watch()).layoutShift, (await watch()).shifted.join("\n")).toBe(0);

      // The update the reader is looking at is edited: the edit waits while it is on the screen, since it would push
      // down what is below it, and is applied once the reader has scrolled past it, focus staying on it.
      const florida = page.locator(`article#${id(FLORIDA)}`);
      await rebuildSite(output, siteFiles(story(LATER)), BUILD);
      const edit = await now(page);
      // Two polls started after the build: the first, which read the edit, has been applied.
      await expect.poll(() => pollsSince(watch, edit), { timeout: PATIENCE, message: "the page polled the edit" }).toBeGreaterThanOrEqual(2);
      expect(await florida.textContent()).not.toContain("Miami-Dade");
      const above = await page.evaluate((wanted) => {
        const article = document.getElementById(wanted)!;
        window.scrollTo(0, article.getBoundingClientRect().bottom + window.scrollY + 10);
        return article.getBoundingClientRect().bottom;
      }, id(FLORIDA));
      expect(above, "the edited update is above the screen").toBeLessThan(0);
      await expect.poll(() => florida.textContent(), { timeout: PATIENCE, message: "the edit is applied above the screen" }).toContain("Miami-Dade County reported first.");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(id(FLORIDA));
      expect(await listed(page)).toEqual([FLORIDA, ARIZONA, PENNSYLVANIA, TURNOUT, POLLS_CLOSE].map(id));
      await painted(page);
      expect((await watch()).layoutShift, (await watch()).shifted.join("\n")).toBe(0);

      // Coverage ends: the next poll says so, and it is the last.
      await rebuildSite(output, siteFiles(story(LATER, "coverageEnded: 2024-11-06T01:00:00-05:00\n")), BUILD);
      await expect.poll(async () => (await watch()).ended, { timeout: PATIENCE, message: "the status says coverage has ended" }).toBeGreaterThan(0);
      expect(await page.locator(".newsroom-live__status").textContent()).toBe("Coverage has ended");
      expect(await page.locator(".newsroom-live__status").getAttribute("class")).toContain("newsroom-live__status--ended");
      expect(await page.locator(".newsroom-live").getAttribute("class")).toBe("newsroom-live newsroom-live--ended");
      // A deliberate fixed wait: the test shows that NO poll follows over several intervals, so there is no event to wait for.
      await page.waitForTimeout(8 * INTERVAL);
      const ended = await watch();
      expect(ended.polls.filter((time) => time > ended.ended!)).toEqual([]);
      // What the page counted is what it asked of the server.
      expect(requests.filter((url) => url === `${origin}${STORY_URL}live.json`)).toHaveLength(ended.polls.length);

      await painted(page);
      expect(ended.layoutShift, ended.shifted.join("\n")).toBe(0);
      expect((await watch()).layoutShift).toBe(0);
      expect(external).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
      expect((await watch()).violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("a new update deleted before it is revealed takes the button away", async () => {
    const output = await buildServedSite(siteFiles(story(BEFORE)));
    const origin = await serve(output);
    const { page, context, external, errors, watch } = await visit(origin, STORY_URL);
    try {
      const button = page.locator(".newsroom-live__new");
      await rebuildSite(output, siteFiles(story([...BEFORE, FLORIDA])), BUILD);
      await button.waitFor({ state: "visible", timeout: PATIENCE });
      expect(await page.title()).toBe("(1) Election night, live");
      await rebuildSite(output, siteFiles(story(BEFORE)), BUILD);
      await button.waitFor({ state: "hidden", timeout: PATIENCE });
      expect(await page.title()).toBe("Election night, live");
      expect(await page.locator(".newsroom-live__announcer").textContent()).toBe("");
      expect(await page.locator(`#${id(FLORIDA)}`).count()).toBe(0);
      expect((await watch()).layoutShift, (await watch()).shifted.join("\n")).toBe(0);
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("without JavaScript the page shows all its updates, and asks for nothing more", async () => {
    const output = await buildServedSite(siteFiles(story(AFTER)));
    const origin = await serve(output);
    const { page, context, external, requests } = await visit(origin, STORY_URL, { javaScriptEnabled: false });
    try {
      // The pinned update stands first, the others newest first.
      expect(await page.locator(".newsroom-live__pinned > article").getAttribute("id")).toBe(id(OHIO));
      expect(await listed(page)).toEqual([FLORIDA, ARIZONA, PENNSYLVANIA, TURNOUT, POLLS_CLOSE].map(id));
      for (const update of AFTER) {
        const article = page.locator(`article#${id(update)}`);
        expect(await article.isVisible(), update.title).toBe(true);
        expect(await article.textContent(), update.title).toContain(update.text.slice(0, 40));
      }
      expect(await page.locator(".newsroom-live__new").isHidden()).toBe(true);
      expect(await page.locator(".newsroom-live__status").textContent()).toBe("Live");
      // A deliberate fixed wait: the test shows that NOTHING is polled without JavaScript, so there is no event to wait for.
      await page.waitForTimeout(4 * INTERVAL);
      expect(requests.filter((url) => url.includes("live.json"))).toEqual([]);
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a link to an update that moved to a numbered page lands on it there", async () => {
    // Pages of two: page 1 holds the two oldest updates, the live page the three newest.
    const output = await buildServedSite(siteFiles(story(BEFORE), { "_includes/updates.njk": updatesLayout }), {
      options: { ...BUILD.options, live: { pageSize: 2, layout: "updates.njk" } },
    });
    const origin = await serve(output);
    const moved = id(POLLS_CLOSE);
    const pageOne = `${STORY_URL}updates/1/`;

    // Without JavaScript it lands on the update's entry in the live page's list of moved updates, a link to it.
    const plain = await visit(origin, `${STORY_URL}#${moved}`, { javaScriptEnabled: false });
    try {
      const entry = plain.page.locator(`.newsroom-live__moved li#${moved}`);
      expect(await entry.count()).toBe(1);
      expect(await entry.locator("a").getAttribute("href")).toBe(`${pageOne}#${moved}`);
      expect(await plain.page.locator("article").evaluateAll((articles, wanted) => articles.some((article) => article.id === wanted), moved)).toBe(false);
    } finally {
      await plain.context.close();
    }

    // With it, the page follows the entry to the update on its numbered page.
    const { page, context, external, errors } = await visit(origin, `${STORY_URL}#${moved}`);
    try {
      await page.waitForURL(`${origin}${pageOne}#${moved}`, { timeout: PATIENCE });
      await page.waitForLoadState("load", { timeout: PATIENCE });
      const target = await page.evaluate(() => {
        const element = document.querySelector(":target");
        return element && { tag: element.localName, id: element.id, top: element.getBoundingClientRect().top, height: window.innerHeight };
      });
      expect(target).toMatchObject({ tag: "article", id: moved });
      expect(target!.top).toBeGreaterThanOrEqual(0);
      expect(target!.top).toBeLessThan(target!.height);
      // An update still on the live page is not followed anywhere.
      await page.goto(`${origin}${STORY_URL}#${id(ARIZONA)}`, { waitUntil: "load", timeout: PATIENCE });
      expect(new URL(page.url()).pathname).toBe(STORY_URL);
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // "%E0%A4%A" is not percent-encoded text: looking it up among the moved updates must not stop the script.
    const malformed = await visit(origin, `${STORY_URL}#%E0%A4%A`);
    try {
      await expect.poll(async () => (await malformed.watch()).polls.length, { timeout: PATIENCE, message: "the page polls live.json" }).toBeGreaterThanOrEqual(1);
      expect(new URL(malformed.page.url()).pathname).toBe(STORY_URL);
      expect(malformed.errors).toEqual([]);
    } finally {
      await malformed.context.close();
    }
  });
});
