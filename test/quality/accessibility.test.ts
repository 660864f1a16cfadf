import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, serveDirectory, type StaticServer } from "../helpers/browser.js";
import { buildExampleSite } from "../helpers/exampleSite.js";

/**
 * axe-core on every page of the example site, as readers meet it: light and dark, on a 320 px phone and a 1280 px
 * screen. WCAG 2.0–2.2 A and AA and axe's best practices, with WCAG 2.2's target-size rule (off by default) turned on.
 */
const PAGES = ["/", "/stories/tillerson-mexico-drug-trade/", "/stories/live-us-mexico-drug-talks/", "/stories/live-us-mexico-drug-talks/updates/1/", "/quotes/", "/videos/", "/elements/"];
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const VIEWS = [
  { width: 320, height: 640, colorScheme: "light" },
  { width: 320, height: 640, colorScheme: "dark" },
  { width: 1280, height: 900, colorScheme: "light" },
  { width: 1280, height: 900, colorScheme: "dark" },
] as const;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDirectory(buildExampleSite());
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, view: (typeof VIEWS)[number]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: view.width, height: view.height }, colorScheme: view.colorScheme });
  const page = await context.newPage();
  await page.goto(server.origin + path, { waitUntil: "load" });
  return page;
}

describe("axe finds no violation on any page, in any view", () => {
  test.each(PAGES.flatMap((path) => VIEWS.map((view) => ({ path, ...view }))))("$path at $width px, $colorScheme", async ({ path, ...view }) => {
    const page = await open(path, view);
    try {
      const results = await new AxeBuilder({ page }).withTags(TAGS).options({ rules: { "target-size": { enabled: true } } }).analyze();
      const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(violations).toEqual([]);
      // The rule really ran (it is off by default): a page with controls has target-size results.
      expect([...results.passes, ...results.inapplicable, ...results.incomplete].some((r) => r.id === "target-size")).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});

describe("the keyboard reaches every control, and each shows where focus is", () => {
  test.each(PAGES)("%s", async (path) => {
    const page = await open(path, VIEWS[2]);
    try {
      const controls = await page.locator("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])").count();
      const seen = new Set<string>();
      for (let press = 0; press < controls + 2; press++) {
        await page.keyboard.press("Tab");
        const focus = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return undefined;
          const style = getComputedStyle(element);
          const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
          // Number each element the first time focus reaches it, so two links alike still count as two.
          element.dataset["focusOrder"] ??= String(document.querySelectorAll("[data-focus-order]").length);
          return { key: element.dataset["focusOrder"], name: `${element.tagName} ${element.textContent?.trim().slice(0, 40)}`, visible };
        });
        if (!focus) continue;
        expect(focus.visible, `focus indicator on ${focus.name}`).toBe(true);
        seen.add(focus.key);
      }
      expect(seen.size).toBe(controls);
    } finally {
      await page.context().close();
    }
  });
});
