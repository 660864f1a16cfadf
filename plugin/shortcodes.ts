import type { ElementType } from "../src/index.js";
import type { EleventyConfig, EleventyContext } from "./eleventy.js";
import { PAIRED_SHORTCODES } from "./pairedShortcodes.js";
import { pageData, type ShortcodeThis } from "./metadata.js";
import { renderFromTemplate } from "./render.js";
import type { BuildState } from "./state.js";

const SINGLE_SHORTCODES: readonly ElementType[] = ["video", "dateline"];

/**
 * `{% quote speaker="…" %}…{% endquote %}` (Nunjucks), `{% quote "…", "…" %}…{% endquote %}` (Liquid) and
 * `this.quote(content, { speaker })` (11ty.js) all become the same element.
 */
export function registerShortcodes(config: EleventyConfig, state: BuildState): void {
  const names = state.options.shortcodes;
  for (const type of PAIRED_SHORTCODES) {
    config.addPairedShortcode(names[type], function (this: EleventyContext, content: string, ...args: unknown[]) {
      return renderFromTemplate(state, { type, args, body: content, page: this?.page, data: type === "update" ? pageData(this as ShortcodeThis, undefined) : undefined });
    });
  }
  for (const type of SINGLE_SHORTCODES) {
    config.addShortcode(names[type], function (this: EleventyContext, ...args: unknown[]) {
      return renderFromTemplate(state, { type, args, page: this?.page });
    });
  }
}
