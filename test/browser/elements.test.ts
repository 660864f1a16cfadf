import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, serveDirectory, watchedContext, type StaticServer } from "../helpers/browser.js";
import { buildExampleSite } from "../helpers/exampleSite.js";

/**
 * The example site's demo page (/elements/) in Chromium: its YouTube and Vimeo demonstrations ask nothing of YouTube or
 * Vimeo until the reader presses play, and its own video file is one the browser really plays.
 */
let server: StaticServer;
let browser: Browser;

/**
 * The deadline for anything the browser does in its own time (a request, a video starting to play): long enough for a
 * loaded two-core machine, where expect.poll's default of 1 s is not.
 */
const PATIENCE = 20_000;

beforeAll(async () => {
  server = await serveDirectory(buildExampleSite());
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The demo page with every request watched: the site's own are served, any other host gets a small local stand-in. */
async function openDemo(): Promise<{ page: Page; context: BrowserContext; external: string[] }> {
  const { context, external } = await watchedContext(browser, server.origin);
  const page = await context.newPage();
  await page.goto(`${server.origin}/elements/`, { waitUntil: "networkidle" });
  return { page, context, external };
}

describe("the demo page in Chromium", () => {
  test("scrolled to the end, it has asked nothing of another host; a press on YouTube's play asks youtube-nocookie.com only", async () => {
    const { page, context, external } = await openDemo();
    try {
      await page.mouse.wheel(0, 20_000);
      await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: PATIENCE, message: "the page scrolled" }).toBeGreaterThan(0);
      // A deliberate fixed wait: the test shows that NOTHING is requested once the page has scrolled, so there is no event to wait for.
      await page.waitForTimeout(300);
      expect(external).toEqual([]);
      await page.getByRole("button", { name: "Play video: Me at the zoo (0:19)" }).click();
      await page.locator(".newsroom-video--youtube iframe").waitFor();
      await expect.poll(() => external.length, { timeout: PATIENCE, message: "the player was requested" }).toBeGreaterThan(0);
      expect(external.every((url) => url.startsWith("https://www.youtube-nocookie.com/embed/jNQXAC9IVRw"))).toBe(true);
      // Vimeo's demonstration is still a button: only the video asked for plays.
      await expect(page.getByRole("button", { name: "Play video: The New Vimeo Player (You Know, For Videos) (1:02)" }).count()).resolves.toBe(1);
    } finally {
      await context.close();
    }
  });

  test("the site's own file plays in the browser's player: about four seconds of video, from this site", async () => {
    const { page, context, external } = await openDemo();
    try {
      const played = await page.locator("video.newsroom-video__player").evaluate(async (video: HTMLVideoElement, patience: number) => {
        video.muted = true;
        // Waits for the video to advance (a timeupdate past 0 s), not for a fixed time a slow machine could outrun.
        const advanced = new Promise<void>((resolve) => {
          const check = () => {
            if (video.currentTime > 0) {
              video.removeEventListener("timeupdate", check);
              resolve();
            }
          };
          video.addEventListener("timeupdate", check);
        });
        let timer: ReturnType<typeof setTimeout> | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the video did not play within ${patience} ms (currentTime ${video.currentTime}, readyState ${video.readyState}, error ${video.error?.message ?? "none"})`)), patience);
        });
        try {
          await Promise.race([video.play().then(() => advanced), deadline]);
        } finally {
          clearTimeout(timer);
        }
        video.pause();
        return { duration: video.duration, time: video.currentTime, width: video.videoWidth, height: video.videoHeight, source: video.currentSrc };
      }, PATIENCE);
      expect(played.duration).toBeGreaterThan(3.5);
      expect(played.duration).toBeLessThan(4.5);
      expect(played.time).toBeGreaterThan(0);
      expect([played.width, played.height]).toEqual([320, 180]);
      expect(new URL(played.source).pathname).toBe("/assets/demo/test-pattern.mp4");
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
