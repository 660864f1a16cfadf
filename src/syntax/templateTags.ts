/**
 * Finds the plugin's shortcodes and filters in a template's source without running the template, so collections can
 * count elements written as `{% quote … %}…{% endquote %}` or `{{ clip | newsroomVideo }}`. Arguments are read as
 * literals (strings, numbers, booleans), Nunjucks keywords (`name="…"`) or variable paths (`clip`, `story.video`),
 * which the caller resolves from the page's data. `{% raw %}`, `{% comment %}` and `{# … #}` are skipped.
 */

export type TagArgument =
  | { kind: "literal"; value: unknown }
  | { kind: "variable"; path: string }
  | { kind: "keyword"; name: string; value: TagArgument };

export interface FoundTag {
  /** The shortcode or filter name as written. */
  name: string;
  kind: "shortcode" | "filter";
  args: TagArgument[];
  /** For paired shortcodes, the raw text between the opening and closing tags. */
  body?: string | undefined;
  /** 1-based line of the opening tag in the source. */
  line: number;
  /** Offsets of the whole tag (with its closing tag) in the source. */
  start: number;
  end: number;
  /** Set when the arguments could not be read as literals, keywords or variables. */
  unreadable?: string | undefined;
}

export interface TagNames {
  single: readonly string[];
  paired: readonly string[];
  filters: readonly string[];
}

const TAG = /\{%-?\s*([A-Za-z_][\w-]*)([\s\S]*?)-?%\}/g;
const SKIPPED = /\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{#[\s\S]*?#\}/g;
const OUTPUT = /\{\{-?\s*([A-Za-z_][\w.[\]"']*)\s*\|\s*([A-Za-z_][\w-]*)([\s\S]*?)-?\}\}/g;

/** Where each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}

/** Maps offsets to 1-based lines in O(log n), so a story with hundreds of elements stays linear to scan. */
function lineFinder(source: string): (offset: number) => number {
  const starts = lineStarts(source);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** Replaces skipped regions with spaces of the same length, so offsets and lines stay true. */
function blankSkipped(source: string): string {
  return source.replace(SKIPPED, (region) => region.replace(/[^\n]/g, " "));
}

export function scanTemplateTags(source: string, names: TagNames): FoundTag[] {
  // Most Markdown stories hold no template code at all: every tag and output starts with one of these.
  if (!source.includes("{%") && !source.includes("{{")) return [];
  const text = blankSkipped(source);
  let lines: ((offset: number) => number) | undefined;
  const lineAt = (offset: number) => (lines ??= lineFinder(source))(offset);
  const found: FoundTag[] = [];
  for (const match of text.matchAll(TAG)) {
    const name = match[1]!;
    const isPaired = names.paired.includes(name);
    if (!isPaired && !names.single.includes(name)) continue;
    const start = match.index;
    let end = start + match[0].length;
    let body: string | undefined;
    if (isPaired) {
      const close = findClosingTag(text, name, end);
      if (close) {
        body = source.slice(end, close.start);
        end = close.end;
      }
    }
    found.push({ name, kind: "shortcode", ...readArguments(match[2]!), body, line: lineAt(start), start, end });
  }
  for (const match of text.matchAll(OUTPUT)) {
    const name = match[2]!;
    if (!names.filters.includes(name)) continue;
    const subject: TagArgument = { kind: "variable", path: match[1]! };
    const extra = match[3]!.trim().replace(/^[(:]\s*/, "").replace(/\)\s*$/, "");
    const rest = readArguments(extra);
    found.push({
      name,
      kind: "filter",
      args: [subject, ...rest.args],
      unreadable: rest.unreadable,
      line: lineAt(match.index),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

function findClosingTag(text: string, name: string, from: number): { start: number; end: number } | undefined {
  const pattern = new RegExp(`\\{%-?\\s*(end)?${name.replace(/[-]/g, "\\-")}\\b[\\s\\S]*?-?%\\}`, "g");
  pattern.lastIndex = from;
  let depth = 1;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return { start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

const ARGUMENT = /\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?)(?![\w.])|(true|false|null)\b|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\]|\['[^']*'\])*))\s*/y;

function unescape(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}

function readValue(text: string, position: number): { value: TagArgument; position: number } | undefined {
  ARGUMENT.lastIndex = position;
  const match = ARGUMENT.exec(text);
  if (!match) return undefined;
  const [, double, single, number, keyword, path] = match;
  const value: TagArgument =
    double !== undefined
      ? { kind: "literal", value: unescape(double) }
      : single !== undefined
        ? { kind: "literal", value: unescape(single) }
        : number !== undefined
          ? { kind: "literal", value: Number(number) }
          : keyword !== undefined
            ? { kind: "literal", value: keyword === "null" ? null : keyword === "true" }
            : { kind: "variable", path: path! };
  return { value, position: ARGUMENT.lastIndex };
}

export function readArguments(text: string): { args: TagArgument[]; unreadable?: string } {
  const args: TagArgument[] = [];
  let position = 0;
  const source = text.trim();
  while (position < source.length) {
    const keyword = /\s*([A-Za-z_$][\w$]*)\s*=(?!=)\s*/y;
    keyword.lastIndex = position;
    const named = keyword.exec(source);
    const read = readValue(source, named ? keyword.lastIndex : position);
    if (!read) return { args, unreadable: source };
    args.push(named ? { kind: "keyword", name: named[1]!, value: read.value } : read.value);
    position = read.position;
    if (source[position] === ",") position++;
    else if (position < source.length && !/\s/.test(source[position - 1] ?? "")) return { args, unreadable: source };
  }
  return { args };
}

/** Looks a dotted path (`story.video`, `clips[0]`) up in the page's data. */
export function resolvePath(data: unknown, path: string): unknown {
  const parts = path.match(/[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\]|\['[^']*'\]/g) ?? [];
  let value: unknown = data;
  for (const part of parts) {
    if (value === null || value === undefined) return undefined;
    const key = part.startsWith("[") ? part.slice(1, -1).replace(/^["']|["']$/g, "") : part;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Turns read arguments into the values a template engine would pass: keywords become a Nunjucks keyword object. */
export function argumentValues(args: readonly TagArgument[], data: unknown): { values: unknown[]; unresolved: string[] } {
  const values: unknown[] = [];
  const unresolved: string[] = [];
  const keywords: Record<string, unknown> = {};
  const valueOf = (arg: TagArgument): unknown => {
    if (arg.kind === "literal") return arg.value;
    if (arg.kind === "variable") {
      const value = resolvePath(data, arg.path);
      if (value === undefined) unresolved.push(arg.path);
      return value;
    }
    return valueOf(arg.value);
  };
  for (const arg of args) {
    if (arg.kind === "keyword") keywords[arg.name] = valueOf(arg.value);
    else values.push(valueOf(arg));
  }
  if (Object.keys(keywords).length > 0) values.push({ ...keywords, __keywords: true });
  return { values, unresolved };
}
