/**
 * Every page holds under a strict Content-Security-Policy: the one the example site ships in `site/_headers` (and
 * README gives), sent as a response header. Chromium reports each thing the policy blocks as a
 * `securitypolicyviolation` event; a page must raise none, before and after a YouTube, a Vimeo and a file video is
 * played.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, serveDirectory, watchedContext, type StaticServer } from "../helpers/browser.js";
import { buildExampleSite, filesUnder, REPOSITORY } from "../helpers/exampleSite.js";
import { writeBuiltSite } from "../helpers/eleventy.js";
import { EVERY_ELEMENT_SITE, quietBenchmarks } from "../quality/fixtures.js";

/** The policy of the example site's `_headers` file, for every path. */
function shippedPolicy(): string {
  const line = readFileSync(join(REPOSITORY, "site/_headers"), "utf8")
    .split("\n")
    .find((text) => /^\s+Content-Security-Policy:/.test(text));
  if (!line) throw new Error("site/_headers has no Content-Security-Policy line");
  return line.replace(/^\s+Content-Security-Policy:\s*/, "").trim();
}

const POLICY = shippedPolicy();
/** The wait for a player or a page, long enough for a loaded two-core machine. */
const PATIENCE = 20_000;

let browser: Browser;
const servers: StaticServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

interface Visit {
  page: Page;
  violations: () => Promise<string[]>;
  close: () => Promise<void>;
}

/** Opens a page with every violation of the policy recorded (from before the first byte is parsed). */
async function visit(origin: string, path: string): Promise<Visit> {
  const { context } = await watchedContext(browser, origin);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile || "(page)"}:${event.lineNumber}`);
    });
  });
  const response = await page.goto(`${origin}${path}`, { waitUntil: "load", timeout: PATIENCE });
  expect(response?.headers()["content-security-policy"]).toBe(POLICY);
  return {
    page,
    violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations.slice()),
    close: () => context.close(),
  };
}

/** Presses every play button (YouTube, Vimeo, a site's own provider) and starts every video file on the page. */
async function playEverything(page: Page): Promise<{ players: number; files: number }> {
  const buttons = page.locator("button.newsroom-video__play");
  const count = await buttons.count();
  for (let index = 0; index < count; index++) {
    // Each press replaces its own button with the player, so the first one left is always the next. Pressed with the
    // keyboard: with focus in the last player, a mouse click that must scroll the page first is sometimes lost in
    // headless Chromium (test/browser/video.test.ts saw the same).
    await page.locator("button.newsroom-video__play").first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("iframe.newsroom-video__frame").count(), { timeout: PATIENCE, message: `player ${index + 1} on ${page.url()}` }).toBe(index + 1);
  }
  await expect.poll(() => page.locator("iframe.newsroom-video__frame").count(), { timeout: PATIENCE, message: `the players on ${page.url()}` }).toBe(count);
  const files = await page.locator("video.newsroom-video__player").count();
  // A file plays or fails to load (a fixture may name a file it does not have); either way the browser has asked for it.
  await page.evaluate(
    (timeout) =>
      Promise.all(
        [...document.querySelectorAll<HTMLVideoElement>("video.newsroom-video__player")].map(
          (video) =>
            new Promise<void>((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error(`the video ${video.currentSrc || "(no source)"} neither played nor failed`)), timeout);
              const done = () => (clearTimeout(timer), resolve());
              video.muted = true;
              video.addEventListener("playing", done, { once: true });
              video.querySelector("source")?.addEventListener("error", done, { once: true });
              video.addEventListener("error", done, { once: true });
              video.play().catch(done);
            }),
        ),
      ),
    PATIENCE,
  );
  return { players: count, files };
}

/** Visits every HTML page of a built site, plays what it holds, and returns what the policy blocked, by page. */
async function violationsOnEveryPage(output: string): Promise<{ pages: number; players: number; files: number; violations: string[] }> {
  const server = await serveDirectory(output, { "Content-Security-Policy": POLICY });
  servers.push(server);
  const paths = filesUnder(output)
    // The editor at /admin/ is Decap CMS, which styles itself inline: README says how to serve it (not under this policy).
    .filter((path) => path.endsWith(".html") && !path.startsWith("admin/"))
    .map((path) => `/${path.replace(/(^|\/)index\.html$/, "$1")}`);
  const found = { pages: paths.length, players: 0, files: 0, violations: [] as string[] };
  for (const path of paths) {
    const { page, violations, close } = await visit(server.origin, path);
    const onLoad = await violations();
    found.violations.push(...onLoad.map((line) => `${path} (on load): ${line}`));
    const played = await playEverything(page);
    found.players += played.players;
    found.files += played.files;
    found.violations.push(...(await violations()).slice(onLoad.length).map((line) => `${path} (after play): ${line}`));
    await close();
  }
  return found;
}

describe("a strict Content-Security-Policy, in Chromium", () => {
  test("the policy is the one README gives: no 'unsafe-inline', no hash, no host but the two players", () => {
    expect(POLICY).toBe(
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; media-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; object-src 'none'; base-uri 'self'",
    );
    expect(readFileSync(join(REPOSITORY, "README.md"), "utf8")).toContain(POLICY);
  });

  test("the policy is strict enough to see an inline style: a page with one raises a violation", async () => {
    const output = await writeBuiltSite({ "index.html": '<!doctype html><html lang="en"><head><title>Inline</title><style>p { color: red }</style></head><body><p style="color: blue">Styled inline.</p></body></html>' }, { options: false });
    const found = await violationsOnEveryPage(output);
    expect(found.pages).toBe(1);
    expect(found.violations).toEqual([expect.stringContaining("style-src-elem"), expect.stringContaining("style-src-attr")]);
  }, 60_000);

  test("every page of the example site: no violation before or after its videos play", async () => {
    const found = await violationsOnEveryPage(buildExampleSite());
    // Not vacuous: the site's pages, with the elements page's YouTube and Vimeo players and its video file.
    expect(found.pages).toBeGreaterThanOrEqual(5);
    expect(found.players).toBeGreaterThanOrEqual(2);
    expect(found.files).toBeGreaterThanOrEqual(1);
    expect(found.violations).toEqual([]);
  }, 240_000);

  test("every page of the fixture site of every element in every syntax: no violation before or after its videos play", async () => {
    const output = await writeBuiltSite(EVERY_ELEMENT_SITE, { configure: quietBenchmarks });
    const found = await violationsOnEveryPage(output);
    expect(found.pages).toBe(11);
    expect(found.players).toBeGreaterThanOrEqual(4);
    expect(found.files).toBeGreaterThanOrEqual(1);
    expect(found.violations).toEqual([]);
  }, 240_000);
});
