import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { aspectRatioRule, BUILT_IN_ASPECT_RATIOS, html, type NewsroomElement } from "../src/index.js";
import type { EleventyConfig, EleventyContext, EleventyPage } from "./eleventy.js";

/** The shipped assets sit in `assets/`, one folder up from the source (`plugin/`) and two from the build (`dist/plugin/`). */
function readAsset(name: string): string {
  for (const relative of [`../assets/${name}`, `../../assets/${name}`]) {
    try {
      return readFileSync(new URL(relative, import.meta.url), "utf8");
    } catch {
      // not here; try the next folder up
    }
  }
  throw new Error(`eleventy-plugin-newsroom: cannot find its asset ${name}`);
}

/** Comment lines explain the source; readers need not download them. */
function withoutCommentLines(code: string): string {
  return code
    .split("\n")
    .filter((line) => !/^\s*\/\//.test(line))
    .join("\n")
    .trim();
}

/** A script of `assets/` as the site serves it (what the page budgets measure, `scripts/bench/budgets.ts`). */
export function servedScript(name: "newsroom-video.js" | "newsroom-live.js"): string {
  return withoutCommentLines(readAsset(name));
}

/** What `{% newsroomAssets %}` writes until the page is finished, when it is replaced by what the page needs. */
export const ASSETS_PLACEHOLDER = "<!-- eleventy-plugin-newsroom: assets -->";

const contentHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 10);

/** What one page's elements need. */
interface PageNeeds {
  /** A page with a video: the video box's stylesheet. */
  video: boolean;
  script: boolean;
  /** A live page while its coverage runs: the polling script. */
  live: boolean;
  /** Rules for video boxes of ratios the stylesheet does not carry. */
  ratioRules: Set<string>;
}

/**
 * Per-page assets: the video box's stylesheet on pages with a video, the click-to-play script on pages with an
 * embedded one. Both are files the site serves itself, named by a hash of their content and linked from
 * `{% newsroomAssets %}`, so pages hold under a Content-Security-Policy without `'unsafe-inline'`: nothing the plugin
 * writes in a build is a `<style>` element, a `style` attribute or an inline script.
 *
 * Eleventy's bundle plugin would do this too, but its transform parses and re-serialises every HTML page of the site
 * (measured: more than half of what the plugin added to a 4,000-story build, and it rewrites the site's own markup).
 * Here the elements note what their page needs as they render, `{% newsroomAssets %}` leaves a marker in the head
 * (which may render before the elements, e.g. a lead video in the same layout), and a transform that only looks for
 * the marker swaps in the tags. The files are written after a build in which some page needed them (so they are no
 * pages of the site's, and sites without videos never get them).
 *
 * A video of a ratio the stylesheet does not carry (`BUILT_IN_ASPECT_RATIOS`) adds its rule to the stylesheet of the
 * pages that show it: such a page links a stylesheet of its own content and name, and every page of the same needs
 * links the same file. Sites with the common ratios only have one stylesheet.
 */
export class PageAssets {
  readonly #css = `${readAsset("newsroom-video.css").trim()}\n${BUILT_IN_ASPECT_RATIOS.map(aspectRatioRule).join("\n")}\n`;
  readonly #builtInRules = new Set(BUILT_IN_ASPECT_RATIOS.map(aspectRatioRule));
  readonly #script = servedScript("newsroom-video.js");
  readonly scriptPath = `/newsroom/video-${contentHash(this.#script)}.js`;
  readonly #liveScript = servedScript("newsroom-live.js");
  readonly liveScriptPath = `/newsroom/live-${contentHash(this.#liveScript)}.js`;
  readonly #needs = new Map<string, PageNeeds>();
  /** The stylesheets the pages of this build link, by path: written once each after the build. */
  readonly #stylesheets = new Map<string, string>();
  /** Whether `{% newsroomAssets %}` has written its marker in this build: until it has, no page can hold one. */
  #placed = false;

  /** Called before every build. */
  reset(): void {
    this.#needs.clear();
    this.#stylesheets.clear();
    this.#placed = false;
  }

  register(config: EleventyConfig, shortcodeName: string): void {
    config.on("eleventy.after", async ({ directories, outputMode }: { directories: { output: string }; outputMode?: string }) => {
      if (outputMode !== undefined && outputMode !== "fs") return;
      const files = new Map(this.#stylesheets);
      if ([...this.#needs.values()].some((needs) => needs.script)) files.set(this.scriptPath, this.#script);
      if ([...this.#needs.values()].some((needs) => needs.live)) files.set(this.liveScriptPath, this.#liveScript);
      await Promise.all(
        [...files].map(async ([path, content]) => {
          const file = join(directories.output, path);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, content);
        }),
      );
    });
    config.addShortcode(shortcodeName, () => {
      this.#placed = true;
      return ASSETS_PLACEHOLDER;
    });
    const assets = this;
    // Every page of the site passes here: a site whose layouts do not use the shortcode has no page to search.
    config.addTransform("eleventy-plugin-newsroom/assets", function (this: EleventyContext, content: unknown) {
      if (!assets.#placed || typeof content !== "string" || !content.includes(ASSETS_PLACEHOLDER)) return content;
      return content.replace(ASSETS_PLACEHOLDER, assets.tagsFor(this.page, config));
    });
  }

  #needsOf(url: string): PageNeeds {
    let needs = this.#needs.get(url);
    if (!needs) this.#needs.set(url, (needs = { video: false, script: false, live: false, ratioRules: new Set() }));
    return needs;
  }

  /** Called for every element rendered on a page. */
  add(page: EleventyPage | undefined, element: NewsroomElement): void {
    const url = page?.url;
    if (element.type !== "video" || typeof url !== "string") return;
    const needs = this.#needsOf(url);
    needs.video = true;
    needs.script ||= element.provider.kind === "embed";
    const rule = aspectRatioRule(element.aspectRatio);
    if (!this.#builtInRules.has(rule)) needs.ratioRules.add(rule);
  }

  /** A live page whose coverage runs: it polls for news. */
  addLive(page: EleventyPage | undefined): void {
    if (typeof page?.url === "string") this.#needsOf(page.url).live = true;
  }

  /** The stylesheet a page of these needs links: its path (named by its content) once the build has noted it. */
  #stylesheetFor(needs: PageNeeds): string {
    const css = needs.ratioRules.size === 0 ? this.#css : `${this.#css}${[...needs.ratioRules].sort().join("\n")}\n`;
    const path = `/newsroom/video-${contentHash(css)}.css`;
    this.#stylesheets.set(path, css);
    return path;
  }

  tagsFor(page: EleventyPage | undefined, config: EleventyConfig): string {
    const needs = typeof page?.url === "string" ? this.#needs.get(page.url) : undefined;
    if (!needs) return "";
    // Eleventy's `url` filter adds the site's path prefix (this transform runs after the HTML base plugin's).
    const url = config.getFilter("url");
    const tags = [];
    if (needs.video) tags.push(html`<link rel="stylesheet" href="${String(url(this.#stylesheetFor(needs)))}">`);
    if (needs.script) tags.push(html`<script type="module" src="${String(url(this.scriptPath))}"></script>`);
    if (needs.live) tags.push(html`<script type="module" src="${String(url(this.liveScriptPath))}"></script>`);
    return tags.join("\n");
  }
}
