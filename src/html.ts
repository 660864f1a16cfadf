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
  // Most text has nothing to escape: then it is returned as it is, without the replacing pass.
  return HAS_SPECIAL.test(text) ? text.replace(SPECIALS, (character) => ESCAPES[character] ?? character) : text;
}

const HAS_SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

function toHtml(value: HtmlValue): string {
  // Text and markup first: they are nearly every value.
  if (typeof value === "string") return escapeHtml(value);
  if (value instanceof SafeHtml) return value.toString();
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(toHtml).join("");
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` results pass through untouched. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let index = 0; index < values.length; index++) out += toHtml(values[index]) + (strings[index + 1] ?? "");
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
  // (Keys and a lookup, not `Object.entries`: that makes an array for every attribute of every element.)
  const names = Object.keys(attrs);
  for (let index = 0; index < names.length; index++) {
    const name = names[index]!;
    const value = attrs[name];
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
  let text = markup.toString().trimStart();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === NEWLINE) end--;
  if (end < text.length) text = text.slice(0, end);
  // Every element is rendered through here, and blank lines are rare: looked for before the replacing pass.
  if (hasBlankLine(text)) text = text.replace(/\n((?:[ \t]*\n)+)/g, (_match, blankLines: string) => "\n" + blankLines.replace(/\n/g, "&#10;"));
  return new SafeHtml(`${text}\n`);
}

const NEWLINE = 0x0a;

/** Whether a line of `text` after its first is empty or only spaces and tabs (what the replacing pass above finds). */
function hasBlankLine(text: string): boolean {
  return BLANK_LINE.test(text);
}

const BLANK_LINE = /\n[ \t]*\n/;

/**
 * Characters JSON may leave as they are but a `<script>` element may not: `<` and `>` (so no `</script>`, `<!--` or
 * `<script` can end or hide the element), `&` (for XHTML and any later HTML-escaping pass), U+2028 and U+2029 (line
 * terminators to older JavaScript parsers), and what HTML cannot carry without a parse error (DEL, C1 controls and
 * noncharacters). JSON.stringify already escapes C0 controls and lone surrogates.
 */
const SCRIPT_UNSAFE = /[<>&\u007f-\u009f\u2028\u2029\p{Noncharacter_Code_Point}]/gu;

/**
 * JSON for the inside of a `<script>` element (e.g. JSON-LD): every character that could close the element, start
 * markup or trouble the HTML parser is written as a JSON `\uXXXX` escape, so `JSON.parse` of the element's text gives
 * back exactly `value`.
 */
export function scriptJson(value: unknown): SafeHtml {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`${typeof value} cannot be written as JSON`);
  // A noncharacter above U+FFFF is two UTF-16 code units, and JSON escapes it as two.
  const escape = (character: string) => Array.from({ length: character.length }, (_, index) => `\\u${character.charCodeAt(index).toString(16).padStart(4, "0")}`).join("");
  return new SafeHtml(json.replace(SCRIPT_UNSAFE, escape));
}

/**
 * Text for XML (feeds, sitemaps): `escapeHtml`'s references are XML's too, and a carriage return is written `&#13;`,
 * which an XML parser would otherwise read as a newline. In an attribute value, tab and newline are written `&#9;` and
 * `&#10;` as well, since XML parsers read them there as spaces. (Characters XML cannot carry at all are refused by
 * `src/metadata/xml.ts` before they get here.)
 */
export function escapeXml(text: string, inAttribute = false): string {
  const escaped = escapeHtml(text).replace(/\r/g, "&#13;");
  return inAttribute ? escaped.replace(/\t/g, "&#9;").replace(/\n/g, "&#10;") : escaped;
}
