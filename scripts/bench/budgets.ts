/**
 * Page budgets a news reader feels, measured on a built site: what a page costs to download (brotli, quality 11, each
 * file on its own as a server sends it), what it must fetch before it can render, and whether its images reserve their
 * space. Shared by `npm run bench` (which prints it) and test/site/budgets.test.ts (which enforces it).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { servedScript } from "../../plugin/assets.js";
import { filesUnder } from "../../test/helpers/exampleSite.js";
import { parseDocument } from "../../test/helpers/html.js";

/** Budgets in KB of 1,024 bytes, as Lighthouse's budgets count them. */
export const BUDGETS = {
  /** The article page's HTML plus every stylesheet it links. */
  articleHtmlAndCss: 20 * 1024,
  /** All JavaScript of a page with a video (the click-to-play script). Pages without a video: 0. */
  scriptWithVideo: 1.5 * 1024,
  /** The polling script of a live page while its coverage runs (`assets/newsroom-live.js`, as served). */
  liveScript: 2 * 1024,
  /**
   * A live story's page (its live page or a numbered one) may weigh the article page's HTML + CSS for each this many
   * updates it shows, or part of that many: the plugin's default page size, so a live page (which shows from one page
   * size to twice that, less one) stays within two article pages.
   */
  updatesPerArticleBudget: 20,
} as const;

/** The HTML + CSS budget of a live story's page that shows `updates` updates: the article's, × ⌈updates ÷ 20⌉. */
export function liveHtmlAndCssBudget(updates: number): number {
  return BUDGETS.articleHtmlAndCss * Math.max(1, Math.ceil(updates / BUDGETS.updatesPerArticleBudget));
}

/** The live page's polling script as the site serves it (comment lines stripped), brotli. */
export function liveScriptBrotli(): number {
  return brotliSize(servedScript("newsroom-live.js"));
}

export interface Resource {
  url: string;
  bytes: number;
  brotli: number;
}

export interface PageWeight {
  /** The page's URL path, e.g. `/stories/tillerson-mexico-drug-trade/`. */
  url: string;
  html: Resource;
  stylesheets: Resource[];
  /** `<script src>`, inline scripts, module preloads and the modules they import, each counted once. */
  scripts: Resource[];
  htmlAndCssBrotli: number;
  scriptBrotli: number;
  /** Whether the page holds a video element (`.newsroom-video`). */
  hasVideo: boolean;
  /** On a live story's page (one with `.newsroom-live`): how many updates it shows, the pinned one included. */
  liveUpdates: number | undefined;
  /** Whether the page polls for news (a live page while its coverage runs: `[data-newsroom-live]`). */
  polls: boolean;
  /** Requests the browser must finish before it renders: stylesheets and classic synchronous scripts in the head, and CSS `@import`s. */
  renderBlocking: string[];
  /** `<img>` elements missing `width` or `height` (so their box is unknown until they load, and the page shifts). */
  imagesWithoutSize: string[];
  /** Scripts or stylesheets from other hosts, which cannot be measured here. */
  external: string[];
}

export function brotliSize(data: Buffer | string): number {
  return brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

const SCRIPT_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);
const ORIGIN = "http://site.invalid";

/** Every page of a built site, as URL paths (`/`, `/quotes/`, `/stories/…/`). */
export function builtPages(siteDir: string): string[] {
  return filesUnder(siteDir)
    // The editor at /admin/ (Decap CMS) is for the newsroom, not for readers: it has no budget.
    .filter((path) => path.endsWith(".html") && !path.startsWith("admin/"))
    .map((path) => (path.endsWith("index.html") ? `/${path.slice(0, -"index.html".length)}` : `/${path}`))
    .sort();
}

export function measurePage(siteDir: string, url: string): PageWeight {
  const fileOf = (path: string) => {
    const file = join(siteDir, decodeURIComponent(path));
    return existsSync(file) && statSync(file).isDirectory() ? join(file, "index.html") : file;
  };
  const pageUrl = new URL(url, ORIGIN);
  const markup = readFileSync(fileOf(pageUrl.pathname));
  const document = parseDocument(markup.toString("utf8"));
  const external: string[] = [];
  const local = (reference: string, base: URL = pageUrl): string | undefined => {
    const resolved = new URL(reference, base);
    if (resolved.origin !== ORIGIN) {
      external.push(resolved.href);
      return undefined;
    }
    return resolved.pathname;
  };
  const resource = (path: string): Resource => {
    const file = fileOf(path);
    if (!existsSync(file)) throw new Error(`${url} links ${path}, which is not in the built site`);
    const data = readFileSync(file);
    return { url: path, bytes: data.length, brotli: brotliSize(data) };
  };

  const renderBlocking: string[] = [];
  const stylesheets: Resource[] = [];
  const addStylesheet = (path: string, blocking: boolean, via?: string) => {
    if (stylesheets.some((sheet) => sheet.url === path)) return;
    const sheet = resource(path);
    stylesheets.push(sheet);
    if (blocking) renderBlocking.push(via ? `${path} (@import in ${via})` : path);
    // `@import` makes a stylesheet fetch another before anything renders.
    const css = readFileSync(fileOf(path), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    for (const [, quoted, bare] of css.matchAll(/@import\s+(?:url\(\s*)?(?:["']([^"']+)["']|([^\s;)]+))/g)) {
      const imported = local(quoted ?? bare!, new URL(path, ORIGIN));
      if (imported) addStylesheet(imported, blocking, path);
    }
  };
  for (const link of document.querySelectorAll("link[rel~=stylesheet][href]")) {
    const path = local(link.getAttribute("href")!);
    const media = (link.getAttribute("media") ?? "all").trim().toLowerCase();
    const blocking = link.closest("head") !== null && !link.hasAttribute("disabled") && media !== "print";
    if (path) addStylesheet(path, blocking);
    else if (blocking) renderBlocking.push(link.getAttribute("href")!);
  }

  const scripts: Resource[] = [];
  const addModule = (path: string) => {
    if (scripts.some((script) => script.url === path)) return;
    const script = resource(path);
    scripts.push(script);
    // Static imports load before the module runs, so they are part of what the page downloads.
    const code = readFileSync(fileOf(path), "utf8");
    for (const [, specifier] of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      if (/^(\.{1,2}\/|\/)/.test(specifier!)) {
        const imported = local(specifier!, new URL(path, ORIGIN));
        if (imported) addModule(imported);
      }
    }
  };
  let inline = 0;
  for (const script of document.querySelectorAll("script")) {
    const type = (script.getAttribute("type") ?? "").trim().toLowerCase();
    if (!SCRIPT_TYPES.has(type)) continue; // JSON-LD and other data blocks are not JavaScript
    const src = script.getAttribute("src");
    if (src === null) {
      const code = script.textContent ?? "";
      if (code.trim() !== "") scripts.push({ url: `(inline script ${++inline})`, bytes: Buffer.byteLength(code), brotli: brotliSize(code) });
      continue;
    }
    const path = local(src);
    if (path) addModule(path);
    const deferred = type === "module" || script.hasAttribute("async") || script.hasAttribute("defer");
    if (script.closest("head") !== null && !deferred) renderBlocking.push(path ?? src);
  }
  for (const link of document.querySelectorAll("link[rel~=modulepreload][href]")) {
    const path = local(link.getAttribute("href")!);
    if (path) addModule(path);
  }

  const imagesWithoutSize = [...document.querySelectorAll("img")]
    .filter((image) => !image.hasAttribute("width") || !image.hasAttribute("height"))
    .map((image) => image.getAttribute("src") ?? "(no src)");

  const html: Resource = { url, bytes: markup.length, brotli: brotliSize(markup) };
  const sum = (resources: Resource[]) => resources.reduce((total, item) => total + item.brotli, 0);
  return {
    url,
    html,
    stylesheets,
    scripts,
    htmlAndCssBrotli: html.brotli + sum(stylesheets),
    scriptBrotli: sum(scripts),
    hasVideo: document.querySelector(".newsroom-video") !== null,
    liveUpdates: document.querySelector(".newsroom-live") === null ? undefined : document.querySelectorAll("article.newsroom-update").length,
    polls: document.querySelector("[data-newsroom-live]") !== null,
    renderBlocking,
    imagesWithoutSize,
    external,
  };
}

/** Builds the repository's example site into a fresh temporary folder (the same build the tests use). */
export { buildExampleSite } from "../../test/helpers/exampleSite.js";

/** The stylesheet `{% newsroomAssets %}` links on a page with a video. */
export const PLUGIN_STYLESHEET = /^\/newsroom\/video-[0-9a-f]{10}\.css$/;

/** The budgets a page must meet, as sentences (empty when it meets them all). */
export function budgetFailures(page: PageWeight, options: { article?: boolean; siteStylesheet: string }): string[] {
  const failures: string[] = [];
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  if (options.article && page.htmlAndCssBrotli > BUDGETS.articleHtmlAndCss) {
    failures.push(`HTML + CSS is ${kb(page.htmlAndCssBrotli)} brotli, over ${kb(BUDGETS.articleHtmlAndCss)}`);
  }
  if (page.liveUpdates !== undefined && page.htmlAndCssBrotli > liveHtmlAndCssBudget(page.liveUpdates)) {
    failures.push(`HTML + CSS is ${kb(page.htmlAndCssBrotli)} brotli, over ${kb(liveHtmlAndCssBudget(page.liveUpdates))} for a live page of ${page.liveUpdates} updates`);
  }
  // JavaScript only where it does something: the click-to-play script with a video, the polling script while live.
  const scriptBudget = (page.hasVideo ? BUDGETS.scriptWithVideo : 0) + (page.polls ? BUDGETS.liveScript : 0);
  if (scriptBudget === 0 && page.scriptBrotli > 0) failures.push(`it has no video and does not poll but ships ${kb(page.scriptBrotli)} of JavaScript`);
  if (scriptBudget > 0 && page.scriptBrotli > scriptBudget) {
    failures.push(`its JavaScript is ${kb(page.scriptBrotli)} brotli, over ${kb(scriptBudget)}`);
  }
  // The site's stylesheet, and on a page with a video the plugin's one stylesheet for the video box (a file, not a
  // <style> element, so pages hold under a strict Content-Security-Policy; it must block, or the box would shift).
  const allowed = (request: string) => request === options.siteStylesheet || (page.hasVideo && PLUGIN_STYLESHEET.test(request));
  const expected = page.hasVideo ? 2 : 1;
  if (!page.renderBlocking.every(allowed) || page.renderBlocking.length !== expected) {
    failures.push(`render-blocking requests are [${page.renderBlocking.join(", ")}], not just ${options.siteStylesheet}${page.hasVideo ? " and the plugin's video stylesheet" : ""}`);
  }
  if (page.imagesWithoutSize.length > 0) failures.push(`images without width and height: ${page.imagesWithoutSize.join(", ")}`);
  if (page.external.length > 0) failures.push(`it loads from other hosts: ${page.external.join(", ")}`);
  return failures;
}
