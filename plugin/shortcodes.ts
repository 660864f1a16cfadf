import type { ElementType } from "../src/index.js";
import type { CollectionItem, EleventyConfig, EleventyContext } from "./eleventy.js";
import { PAIRED_SHORTCODES } from "./pairedShortcodes.js";
import { pageData, type ShortcodeThis } from "./metadata.js";
import { renderFromTemplate } from "./render.js";
import type { BuildState } from "./state.js";

const SINGLE_SHORTCODES: readonly ElementType[] = ["video", "dateline"];

/**
 * The data of each story page, by its `page` object (collections.ts records it before the stories render). An 11ty.js
 * template has no template context: its `this.update(…)` sees only `page`, and a live update is read in its story's
 * time zone (`timeZone:` in the story's data). Without this, an 11ty.js story's updates were read in the site's zone.
 */
const dataByPage = new WeakMap<object, Record<string, unknown>>();

export function rememberPageData(items: readonly CollectionItem[]): void {
  for (const item of items) {
    const page: unknown = item.data["page"];
    if (typeof page === "object" && page !== null) dataByPage.set(page, item.data);
  }
}

/** The data of the page an update is written on: the template's context (Nunjucks, Liquid), else the page's as recorded. */
function updatePageData(self: ShortcodeThis | undefined): Record<string, unknown> {
  const page = self?.ctx === undefined ? self?.page : undefined;
  return (page && dataByPage.get(page)) ?? pageData(self, undefined);
}

/**
 * `{% quote speaker="…" %}…{% endquote %}` (Nunjucks), `{% quote "…", "…" %}…{% endquote %}` (Liquid) and
 * `this.quote(content, { speaker })` (11ty.js) all become the same element.
 */
export function registerShortcodes(config: EleventyConfig, state: BuildState): void {
  const names = state.options.shortcodes;
  for (const type of PAIRED_SHORTCODES) {
    config.addPairedShortcode(names[type], function (this: EleventyContext, content: string, ...args: unknown[]) {
      return renderFromTemplate(state, { type, args, body: content, page: this?.page, data: type === "update" ? updatePageData(this as ShortcodeThis) : undefined });
    });
  }
  for (const type of SINGLE_SHORTCODES) {
    config.addShortcode(names[type], function (this: EleventyContext, ...args: unknown[]) {
      return renderFromTemplate(state, { type, args, page: this?.page });
    });
  }
}
