/**
 * The one place where text becomes HTML. Renderers build markup with the `html` tagged template: every interpolated
 * value is escaped exactly once unless it is already `SafeHtml` (markup this module, or the site's Markdown library,
 * produced). Nothing else in the code base concatenates raw strings into HTML.
 */

export class SafeHtml {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function toHtml(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(toHtml).join("");
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` results pass through untouched. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += toHtml(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Marks markup that was produced by a trusted renderer (the site's markdown-it) as safe. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export type AttributeValue = string | number | boolean | null | undefined;

/** Renders attributes in the given order; `false`, `null` and `undefined` omit the attribute, `true` writes it bare. */
export function attributes(attrs: Readonly<Record<string, AttributeValue>>): SafeHtml {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return new SafeHtml(out);
}

/**
 * Element markup must survive being dropped into Markdown as an HTML block: it starts without indentation and no line
 * is blank (a blank line ends an HTML block). Blank lines can only come from rendered Markdown inside `<pre>`; they are
 * kept as encoded newlines, which the HTML parser reads back as the same characters.
 */
export function asMarkdownSafeBlock(markup: SafeHtml): SafeHtml {
  const text = markup
    .toString()
    .trimStart()
    .replace(/\n+$/, "")
    .replace(/\n((?:[ \t]*\n)+)/g, (_match, blankLines: string) => "\n" + blankLines.replace(/\n/g, "&#10;"));
  return new SafeHtml(`${text}\n`);
}
