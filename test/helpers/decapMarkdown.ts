/**
 * Decap CMS's own Markdown reading and writing of editor components, from the decap-cms package this repository pins
 * (decap-cms-widget-markdown's `remarkShortcodes`, with the unified and remark-parse/-stringify it uses): a test gives
 * it the plugin's components and sees what Decap does with their `pattern`, `fromBlock` and `toBlock`.
 *
 * How Decap calls them (its src/serializers/remarkShortcodes.js): at each block, it copies every pattern into a plain
 * RegExp (`new RegExp("^" + source, flags)`), executes it on the rest of the text (then on the text up to the next
 * blank line), calls `fromBlock(match)` — outside any try, so a throw stops the editor — and eats `match[0]` as one
 * "shortcode" node; when eating fails it leaves the text to its other rules. Writing, it calls `toBlock(data)`.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { DecapEditorComponent } from "../../src/cms/register.js";
import { REPOSITORY } from "./exampleSite.js";

const WIDGET = join(REPOSITORY, "node_modules/decap-cms-widget-markdown");
const decapRequire = createRequire(join(WIDGET, "package.json"));
const unified = decapRequire("unified") as () => any;
const remarkParse = decapRequire("remark-parse") as unknown;
const remarkStringify = decapRequire("remark-stringify") as unknown;
const shortcodes = (await import(pathToFileURL(join(WIDGET, "dist/esm/serializers/remarkShortcodes.js")).href)) as {
  remarkParseShortcodes: unknown;
  createRemarkShortcodeStringifier: (options: { plugins: readonly DecapEditorComponent[] }) => unknown;
};

/** A node of the tree Decap reads a body into (MDAST). */
export interface DecapNode {
  type: string;
  value?: string;
  data?: { shortcode: string; shortcodeData: unknown };
  children?: DecapNode[];
}

/** The top-level nodes Decap reads a body into, with the components given (as `markdownToRemark` does). */
export function decapRead(markdown: string, plugins: readonly DecapEditorComponent[]): DecapNode[] {
  const processor = unified().use(remarkParse, { fences: true, commonmark: true }).use(shortcodes.remarkParseShortcodes, { plugins });
  return (processor.parse(markdown) as { children: DecapNode[] }).children;
}

/** The Markdown Decap writes for the nodes (the shortcodes through their components' `toBlock`). */
export function decapWrite(nodes: DecapNode[], plugins: readonly DecapEditorComponent[]): string {
  const processor = unified().use(remarkStringify, { fences: true, commonmark: true }).use(shortcodes.createRemarkShortcodeStringifier({ plugins }));
  return processor.stringify({ type: "root", children: nodes }) as string;
}

/** Plain text of a node, as Decap holds it. */
export function textOf(node: DecapNode): string {
  return node.value ?? (node.children ?? []).map(textOf).join("");
}
