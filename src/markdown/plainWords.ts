/**
 * Quotes, pull quotes, highlights and corrections render their words through the site's markdown-it, so an author's
 * emphasis and links work there as in the body. Most such words are one plain run of text, which markdown-it renders
 * as the text escaped (in a paragraph, for a block): a whole parse for that costs more than everything else the element
 * does. When the instance is a plain markdown-it (its own rules and this plugin's, default rendering, no typographer or
 * linkify) and the words hold nothing Markdown could read as markup, they are escaped the way markdown-it's text rule
 * escapes them instead. Anything else goes through markdown-it. test/properties/shortcuts.test.ts checks that both ways
 * give the same bytes, for arbitrary text and nine instances.
 */
import type MarkdownIt from "markdown-it";
import type { MarkdownRenderer } from "../context.js";
import { hasOnlyKnownRules } from "./handOver.js";

/**
 * Text that markdown-it reads as one run of text whatever its options: no character that starts inline markup
 * (`* _ [ ] < & \ ` ~`), no line break or other control character, and nothing at its start that starts a block (a
 * heading, quote, list, rule, fence, table, HTML, or this plugin's `:::`); no white space at either end (a paragraph is
 * trimmed).
 */
// eslint-disable-next-line no-control-regex
const PLAIN_RUN = /^(?![#>+\-*=|:~_`<\s]|\d+[.)])[^\u0000-\u001f\u007f*_[\]<&\\`~]*$/;
const ENDS_WITH_SPACE = /\s$/;

export function isPlainRun(text: string): boolean {
  return text !== "" && PLAIN_RUN.test(text) && !ENDS_WITH_SPACE.test(text);
}

/** `md.render(text, env)`: a paragraph of the words, or whatever markdown-it makes of them. */
export function renderWords(markdown: MarkdownRenderer, text: string, env?: object): string {
  if (isPlainRun(text) && rendersPlainly(markdown)) return `<p>${(markdown as MarkdownIt).utils.escapeHtml(text)}</p>\n`;
  return markdown.render(text, env);
}

/** `md.renderInline(text, env)`: the words, or whatever markdown-it makes of them. */
export function renderInlineWords(markdown: MarkdownRenderer, text: string, env?: object): string {
  if (isPlainRun(text) && rendersPlainly(markdown)) return (markdown as MarkdownIt).utils.escapeHtml(text);
  return markdown.renderInline(text, env);
}

interface Checked {
  /** What the answer depends on, as it was when checked. */
  on: readonly unknown[];
  ok: boolean;
}
const checked = new WeakMap<object, Checked>();
const builtInInline = new WeakMap<object, { rules: Set<unknown>; renderer: Record<string, unknown> } | null>();

/**
 * What `rendersPlainly` depends on: the rule lists (markdown-it keeps the same arrays until one changes), the
 * renderer's rules and methods, and the methods that render. (Read one by one and compared with the values of the last
 * check, without making a list: this runs for the words of every quote and highlight.)
 */
const DEPENDENCIES: ReadonlyArray<(md: MarkdownIt) => unknown> = [
  (md) => md.core.ruler.getRules(""),
  (md) => md.block.ruler.getRules(""),
  (md) => md.inline.ruler.getRules(""),
  (md) => md.inline.ruler2.getRules(""),
  (md) => md.renderer.rules.text,
  (md) => md.renderer.rules.paragraph_open,
  (md) => md.renderer.rules.paragraph_close,
  (md) => md.renderer.render,
  (md) => md.renderer.renderInline,
  (md) => md.renderer.renderToken,
  (md) => md.render,
  (md) => md.renderInline,
  (md) => md.parse,
  (md) => md.parseInline,
  (md) => md.utils?.escapeHtml,
];

function unchanged(md: MarkdownIt, on: readonly unknown[]): boolean {
  for (let index = 0; index < DEPENDENCIES.length; index++) if (DEPENDENCIES[index]!(md) !== on[index]) return false;
  return true;
}

/**
 * Whether `markdown` is a markdown-it that renders a plain run of text as that text escaped: its own rules and this
 * plugin's only, markdown-it's own inline rules and text, paragraph and render methods, typographer and linkify off.
 * A probe through the instance itself confirms it. Rechecked whenever any of these changes.
 */
export function rendersPlainly(markdown: MarkdownRenderer): boolean {
  const md = markdown as MarkdownIt;
  if (md.options?.typographer !== false || md.options.linkify !== false) return false;
  if (typeof md.inline?.ruler?.getRules !== "function" || typeof md.renderer?.rules !== "object") return false;
  const last = checked.get(md);
  if (last && unchanged(md, last.on)) return last.ok;
  const on = DEPENDENCIES.map((dependency) => dependency(md));
  const ok = hasOnlyKnownRules(md) && hasBuiltInInline(md) && probe(md);
  checked.set(md, { on, ok });
  return ok;
}

function hasBuiltInInline(md: MarkdownIt): boolean {
  const Inline = md.inline.constructor as new () => MarkdownIt["inline"];
  let builtIn = builtInInline.get(Inline);
  if (builtIn === undefined) {
    try {
      const inline = new Inline();
      const Renderer = md.renderer.constructor as new () => MarkdownIt["renderer"];
      const renderer = new Renderer();
      builtIn = {
        rules: new Set([...inline.ruler.getRules(""), ...inline.ruler2.getRules("")]),
        renderer: { text: renderer.rules.text, paragraph_open: renderer.rules.paragraph_open, paragraph_close: renderer.rules.paragraph_close },
      };
    } catch {
      builtIn = null;
    }
    builtInInline.set(Inline, builtIn);
  }
  if (builtIn === null) return false;
  const rules = md.renderer.rules;
  return (
    md.inline.ruler.getRules("").every((rule) => builtIn.rules.has(rule)) &&
    md.inline.ruler2.getRules("").every((rule) => builtIn.rules.has(rule)) &&
    rules.text === builtIn.renderer["text"] &&
    rules.paragraph_open === builtIn.renderer["paragraph_open"] &&
    rules.paragraph_close === builtIn.renderer["paragraph_close"]
  );
}

/** Words with every character the shortcut lets through that markdown-it's renderer escapes or could treat specially. */
const PROBES = ['He said "yes" > no, it\'s 1. done! $5 % #2 + - = : | {x} @ ^ ( ) ? ; / é 😀', "Plain words."];

function probe(md: MarkdownIt): boolean {
  try {
    return PROBES.every(
      (text) => isPlainRun(text) && md.render(text, {}) === `<p>${md.utils.escapeHtml(text)}</p>\n` && md.renderInline(text, {}) === md.utils.escapeHtml(text),
    );
  } catch {
    return false;
  }
}
