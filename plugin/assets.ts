import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { NewsroomElement } from "../src/index.js";
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

/** What `{% newsroomAssets %}` writes until the page is finished, when it is replaced by what the page needs. */
export const ASSETS_PLACEHOLDER = "<!-- eleventy-plugin-newsroom: assets -->";

/**
 * Per-page assets: the video box's CSS on pages with a video, the click-to-play script on pages with an embedded one.
 *
 * Eleventy's bundle plugin would do this too, but its transform parses and re-serialises every HTML page of the site
 * (measured: more than half of what the plugin added to a 4,000-story build, and it rewrites the site's own markup).
 * Here the elements note what their page needs as they render, `{% newsroomAssets %}` leaves a marker in the head
 * (which may render before the elements, e.g. a lead video in the same layout), and a transform that only looks for
 * the marker swaps in the tags. The script is one file the site serves itself, named by its content's hash, written
 * after a build in which some page needed it (so it is no page of the site's, and sites without videos never get it).
 */
export class PageAssets {
  readonly #css = readAsset("newsroom-video.css").trim();
  readonly #script = withoutCommentLines(readAsset("newsroom-video.js"));
  readonly scriptPath = `/newsroom/video-${createHash("sha256").update(this.#script).digest("hex").slice(0, 10)}.js`;
  readonly #needs = new Map<string, { script: boolean }>();
  /** Whether `{% newsroomAssets %}` has written its marker in this build: until it has, no page can hold one. */
  #placed = false;

  /** Called before every build. */
  reset(): void {
    this.#needs.clear();
    this.#placed = false;
  }

  register(config: EleventyConfig, shortcodeName: string): void {
    config.on("eleventy.after", async ({ directories, outputMode }: { directories: { output: string }; outputMode?: string }) => {
      if (outputMode !== undefined && outputMode !== "fs") return;
      if (![...this.#needs.values()].some((needs) => needs.script)) return;
      const file = join(directories.output, this.scriptPath);
      await mkdir(join(file, ".."), { recursive: true });
      await writeFile(file, this.#script);
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

  /** Called for every element rendered on a page. */
  add(page: EleventyPage | undefined, element: NewsroomElement): void {
    const url = page?.url;
    if (element.type !== "video" || typeof url !== "string") return;
    const needs = this.#needs.get(url) ?? { script: false };
    needs.script ||= element.provider.kind === "embed";
    this.#needs.set(url, needs);
  }

  tagsFor(page: EleventyPage | undefined, config: EleventyConfig): string {
    const needs = typeof page?.url === "string" ? this.#needs.get(page.url) : undefined;
    if (!needs) return "";
    const style = `<style>${this.#css}</style>`;
    if (!needs.script) return style;
    // Eleventy's `url` filter adds the site's path prefix (this transform runs after the HTML base plugin's).
    const src = String(config.getFilter("url")(this.scriptPath));
    return `${style}\n<script type="module" src="${src}"></script>`;
  }
}
