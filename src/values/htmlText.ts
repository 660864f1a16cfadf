/**
 * Rendered HTML as plain text, for places that carry no markup (a live update's `articleBody` in JSON-LD). It reads
 * markup this plugin and the site's markdown-it made, so a small tokenizer suffices: no DOM, nothing from `node:`, as
 * the browser's copy of the core needs.
 */

/** Elements that do not break the flow of text: no space is put where they open or close. */
const INLINE = new Set([
  "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp",
  "small", "span", "strong", "sub", "sup", "time", "u", "var",
]);
/** Elements whose content is not text a reader reads. */
const UNREAD = new Set(["script", "style", "template", "noscript", "svg", "math", "iframe", "object", "button", "select", "textarea"]);
/** Elements that have no closing tag. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
/** Elements whose content is raw text, not markup: it ends only at its own closing tag. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\?[^>]*>|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED: Readonly<Record<string, string>> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ndash: "–", mdash: "—", hellip: "…",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»", shy: "",
};

/** Character references decoded (`&amp;` → `&`, `&#8212;` → `—`); an unknown name stays as written. */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));/g, (reference, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? reference;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    // NUL, surrogates and beyond Unicode are what an HTML parser replaces with U+FFFD.
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? "\ufffd" : String.fromCodePoint(code);
  });
}

export interface HtmlTextOptions {
  /**
   * Only the text inside the first element with this class (e.g. a live update's `newsroom-update__body`, without its
   * header); the whole markup's text when no element has it.
   */
  within?: string | undefined;
}

/**
 * The words a reader sees in the markup, as one line of plain text: tags dropped (a block element's edges become
 * spaces), character references decoded, runs of white space made one space. What is not read is left out: scripts,
 * styles, templates, controls, and elements marked `hidden` or `aria-hidden="true"`; images are not words.
 */
export function plainTextOfHtml(markup: string, options: HtmlTextOptions = {}): string {
  const all: string[] = [];
  const inside: string[] = [];
  /** The open elements: their names, and whether their content is left out or is the part asked for. */
  const open: Array<{ name: string; skipped: boolean; within: boolean }> = [];
  let skipped = 0;
  let within = 0;
  let found = false;
  const push = (text: string) => {
    if (skipped > 0 || text === "") return;
    all.push(text);
    if (within > 0) inside.push(text);
  };
  const close = (index: number) => {
    for (const element of open.splice(index)) {
      if (element.skipped) skipped--;
      if (element.within) within--;
    }
  };
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(markup); match !== null; match = TOKEN.exec(markup)) {
    push(decodeCharacterReferences(markup.slice(last, match.index)));
    last = TOKEN.lastIndex;
    const name = match[2]?.toLowerCase();
    if (name === undefined) continue; // a comment, a doctype, CDATA, a processing instruction
    if (!INLINE.has(name)) push(" ");
    if (match[1] === "/") {
      const index = open.findLastIndex((element) => element.name === name);
      if (index !== -1) close(index);
      continue;
    }
    const attributes = match[3] ?? "";
    if (RAW_TEXT.has(name)) {
      // Its content is not markup: skip to its own closing tag (text in a title or textarea is not the page's words).
      const end = markup.toLowerCase().indexOf(`</${name}`, last);
      last = end === -1 ? markup.length : end;
      TOKEN.lastIndex = last;
      continue;
    }
    if (VOID.has(name) || attributes.trimEnd().endsWith("/")) continue;
    const values = attributesOf(attributes);
    const element = {
      name,
      skipped: UNREAD.has(name) || values.has("hidden") || values.get("aria-hidden")?.toLowerCase() === "true",
      within: options.within !== undefined && !found && (values.get("class") ?? "").split(/\s+/).includes(options.within),
    };
    if (element.within) found = true;
    if (element.skipped) skipped++;
    if (element.within) within++;
    open.push(element);
  }
  push(decodeCharacterReferences(markup.slice(last)));
  return (found ? inside : all).join("").replace(/\s+/g, " ").trim();
}

/** An element's attributes by their (lower-case) names, values decoded; the first of a name counts, as in HTML. */
function attributesOf(text: string): Map<string, string> {
  const values = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match !== null; match = ATTRIBUTE.exec(text)) {
    const name = match[1]!.toLowerCase();
    if (!values.has(name)) values.set(name, decodeCharacterReferences(match[2] ?? match[3] ?? match[4] ?? ""));
  }
  return values;
}
