import { readFileSync } from "node:fs";
import type { NewsroomElement } from "../src/index.js";
import type { EleventyConfig, EleventyContext, EleventyPage } from "./eleventy.js";

/** The bundles the plugin fills: the video box's CSS on every page with a video, the player script on pages with an embed. */
export const CSS_BUNDLE = "newsroomCss";
export const SCRIPT_BUNDLE = "newsroomJs";

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

interface BundleManager {
  addToPage(url: string, code: string[]): void;
}

export class PageAssets {
  readonly #css = readAsset("newsroom-video.css").trim();
  readonly #script = withoutCommentLines(readAsset("newsroom-video.js"));
  #managers: Record<string, BundleManager | undefined> = {};

  /** Uses Eleventy's bundles (Eleventy 3 ships the bundle plugin), so each page gets only what its elements need. */
  register(config: EleventyConfig, shortcodeName: string): void {
    config.addBundle(CSS_BUNDLE, { shortcodeName: false, hoist: false });
    config.addBundle(SCRIPT_BUNDLE, { shortcodeName: false, hoist: false, toFileDirectory: "newsroom", outputFileExtension: "js" });
    this.#managers = config.getBundleManagers();
    // `{% newsroomAssets %}` in the <head>: the CSS inline (no extra request) and the script as a module file. The
    // bundle plugin removes both tags from pages whose bundles stay empty, so pages without a video ship neither.
    config.addShortcode(shortcodeName, function (this: EleventyContext) {
      const getBundle = config.getShortcode("getBundle");
      const getBundleFileUrl = config.getShortcode("getBundleFileUrl");
      return `<style>${getBundle.call(this, CSS_BUNDLE)}</style>\n<script type="module" src="${getBundleFileUrl.call(this, SCRIPT_BUNDLE)}"></script>`;
    });
  }

  /** Called for every element rendered on a page. */
  add(page: EleventyPage | undefined, element: NewsroomElement): void {
    const url = page?.url;
    if (element.type !== "video" || typeof url !== "string") return;
    this.#managers[CSS_BUNDLE]?.addToPage(url, [this.#css]);
    if (element.provider.kind === "embed") this.#managers[SCRIPT_BUNDLE]?.addToPage(url, [this.#script]);
  }
}
