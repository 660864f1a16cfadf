import type MarkdownIt from "markdown-it";
import { NewsroomError } from "../errors.js";
import { isPlainObject } from "../values/fields.js";
import { parseElement, type ParseOptions } from "../elements/index.js";
import { elementsInMarkdown } from "../markdown/plugin.js";
import { inputFromArguments } from "./arguments.js";
import { inputWithBody } from "./body.js";
import { argumentValues, lineStarts, scanTemplateTags, type TagNames } from "./templateTags.js";
import type { ElementInput, ElementType, NewsroomElement, PullQuote } from "../types.js";

/** The front matter keys that hold elements of the story itself. */
export const FRONT_MATTER_ELEMENTS = { highlights: "highlights", video: "video", dateline: "dateline" } as const;

export interface StorySource {
  /** The story's data (front matter and the rest of the data cascade). */
  data: Readonly<Record<string, unknown>>;
  /** The template's body, without front matter. */
  body: string;
  /** Whether the body is Markdown (so `:::` containers count). */
  isMarkdown: boolean;
  file?: string | undefined;
  /** Lines of the file before `body` (the front matter), so errors name the file's own line numbers. */
  lineOffset?: number | undefined;
}

export interface ExtractOptions {
  /** The site's markdown-it, with the newsroom plugin applied. */
  markdown: MarkdownIt;
  /** The shortcode and filter names in use, mapped to the element each renders. */
  shortcodes: Readonly<Partial<Record<ElementType, string>>>;
  pairedShortcodes: readonly ElementType[];
  filters: Readonly<Partial<Record<ElementType, string>>>;
  parseOptions?: ParseOptions | undefined;
  /** The `env` markdown-it gets, so error locations resolve as they do when rendering. */
  markdownEnv?: object | undefined;
}

export interface FoundElement {
  element: NewsroomElement;
  /** 1-based line in the file; undefined for front matter. */
  line?: number | undefined;
  origin: "front matter" | "markdown" | "shortcode" | "filter";
}

export interface ExtractResult {
  elements: FoundElement[];
  /** Problems that do not stop the build (a pull quote that does not repeat the body, a variable that cannot be read). */
  warnings: NewsroomError[];
}

/**
 * Reads every element of one story, in reading order: front matter first, then the body's Markdown containers,
 * shortcodes and filters, each parsed by the same `parseElement` that renders it.
 */
export function extractStoryElements(story: StorySource, options: ExtractOptions): ExtractResult {
  const { data, body, file } = story;
  const lineOffset = story.lineOffset ?? 0;
  const parseOptions = options.parseOptions;
  const elements: FoundElement[] = [];
  const warnings: NewsroomError[] = [];
  const countedObjects = new Set<unknown>();

  for (const type of ["highlights", "video"] as const) {
    const value = data[FRONT_MATTER_ELEMENTS[type]];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    const input = filterSubject(type, value);
    const element = withLocation(() => parseElement(type, input as Record<string, unknown>, {}, parseOptions), { file });
    elements.push({ element, origin: "front matter" });
    countedObjects.add(value);
  }

  const removedRanges: Array<[number, number]> = [];
  const bodyElements: FoundElement[] = [];

  if (story.isMarkdown) {
    // Offsets of line starts, needed only to cut pull quotes out of the body: made on the first one.
    let starts: number[] | undefined;
    for (const found of elementsInMarkdown(options.markdown, body, options.markdownEnv ?? {})) {
      bodyElements.push({ element: found.element, line: found.line + lineOffset, origin: "markdown" });
      if (found.element.type !== "pullquote") continue;
      starts ??= lineStarts(body);
      removedRanges.push([starts[found.line - 1]!, starts[found.endLine] ?? body.length]);
    }
  }

  const { typeByShortcode, typeByFilter, tagNames } = namesOf(options);
  const tags = scanTemplateTags(body, tagNames);
  for (const tag of tags) {
    const type = (tag.kind === "filter" ? typeByFilter : typeByShortcode)[tag.name]!;
    const location = { file, line: tag.line + lineOffset };
    if (tag.unreadable !== undefined) {
      warnings.push(cannotCount(type, tag.name, `its arguments (${tag.unreadable}) are not plain values or variables`, location));
      continue;
    }
    // A filter's element is its subject; what follows (`newsroomVideo("lead")`) are display settings.
    const { values, unresolved } = argumentValues(tag.kind === "filter" ? tag.args.slice(0, 1) : tag.args, data);
    if (unresolved.length > 0) {
      warnings.push(cannotCount(type, tag.name, `${unresolved.map((path) => `"${path}"`).join(", ")} is not in the story's data`, location));
      continue;
    }
    if (values.length === 1 && countedObjects.has(values[0])) continue;
    const element = withLocation(() => {
      const input = tag.kind === "filter" ? (filterSubject(type, values[0]) as ElementInput) : inputFromArguments(type, values);
      return parseElement(type, inputWithBody(type, input, tag.body, options.markdown), {}, parseOptions);
    }, location);
    bodyElements.push({ element, line: location.line, origin: tag.kind });
    if (element.type === "pullquote") removedRanges.push([tag.start, tag.end]);
  }

  // The Markdown's elements come in the order of their lines; only template tags can come between them.
  if (tags.length > 0) bodyElements.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  elements.push(...bodyElements);

  // The rest of the body is only needed to check pull quotes against it.
  let rest: string | undefined;
  for (const found of bodyElements) {
    if (found.element.type !== "pullquote") continue;
    // Most pull quotes copy a sentence of the body exactly: found as it is, the body is not lower-cased and compared.
    if (repeatsExactly(body, removedRanges, found.element.text)) continue;
    rest ??= comparable(removeRanges(body, removedRanges));
    if (!repeatsWords(rest, found.element.text)) warnings.push(pullQuoteNotInBody(found.element, { file, line: found.line }));
  }
  return { elements, warnings };
}

interface Names {
  typeByShortcode: Record<string, ElementType>;
  typeByFilter: Record<string, ElementType>;
  tagNames: TagNames;
}

/** The name tables depend only on the options, which a site keeps for the whole build: made once per options object. */
const namesByShortcodes = new WeakMap<object, Names & { from: Pick<ExtractOptions, "filters" | "pairedShortcodes"> }>();

function namesOf(options: ExtractOptions): Names {
  const cached = namesByShortcodes.get(options.shortcodes);
  if (cached && cached.from.filters === options.filters && cached.from.pairedShortcodes === options.pairedShortcodes) return cached;
  const typeByShortcode = invert(options.shortcodes);
  const typeByFilter = invert(options.filters);
  const names = {
    typeByShortcode,
    typeByFilter,
    tagNames: {
      single: Object.keys(typeByShortcode).filter((name) => !options.pairedShortcodes.includes(typeByShortcode[name]!)),
      paired: Object.keys(typeByShortcode).filter((name) => options.pairedShortcodes.includes(typeByShortcode[name]!)),
      filters: Object.keys(typeByFilter),
    },
  };
  namesByShortcodes.set(options.shortcodes, { ...names, from: { filters: options.filters, pairedShortcodes: options.pairedShortcodes } });
  return names;
}

/**
 * What front matter holds (and a filter receives) becomes the input a shortcode would make: highlights are their list
 * of items, a dateline is its text, other elements are objects of fields already. The adapter's filters use it too.
 */
export function filterSubject(type: ElementType, value: unknown): unknown {
  if (type === "highlights" && !isPlainObject(value)) return { items: value };
  if (type === "dateline" && !isPlainObject(value)) return { text: value };
  return value;
}

function invert<T extends string>(names: Readonly<Partial<Record<T, string>>>): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [type, name] of Object.entries(names) as Array<[T, string | undefined]>) if (name) result[name] = type;
  return result;
}

function withLocation<T>(parse: () => T, location: { file?: string | undefined; line?: number | undefined }): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof NewsroomError) {
      if (error.line !== undefined && location.line !== undefined) error.offsetLine(location.line - 1);
      error.locate(location);
    }
    throw error;
  }
}

function cannotCount(type: ElementType, name: string, why: string, location: { file?: string | undefined; line?: number }): NewsroomError {
  return new NewsroomError({
    element: type,
    problem: `the "${name}" on this line renders, but it is left out of the collections because ${why}`,
    fix: "pass a value from the story's front matter or data, or write the values in quotes",
    ...location,
  });
}

export function pullQuoteNotInBody(element: PullQuote, location: { file?: string | undefined; line?: number | undefined }): NewsroomError {
  const excerpt = element.text.length > 60 ? `${element.text.slice(0, 57)}…` : element.text;
  return new NewsroomError({
    element: "pullquote",
    problem: `the words "${excerpt}" do not appear in the story's body, but a pull quote repeats the body (and is hidden from screen readers)`,
    fix: "copy the sentence exactly from the body, or make it a quote if the words appear nowhere else",
    ...location,
  });
}

function removeRanges(text: string, ranges: Array<[number, number]>): string {
  let out = "";
  let position = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    out += text.slice(position, Math.max(position, start)) + " ";
    position = Math.max(position, end);
  }
  return out + text.slice(position);
}

/**
 * Whether `quote`, all ASCII, is in `body` exactly as written, outside the `removed` ranges, with an ASCII character
 * that is not a letter or digit (or the body's start or end) on each side. Then `repeatsWords` finds its words in what
 * is left of the body once the ranges are removed, lower-cased and composed (ASCII is neither changed by that nor
 * composed with what follows into a letter or digit), so this answers yes without preparing that text. No is not an
 * answer: the caller then asks `repeatsWords`.
 */
export function repeatsExactly(body: string, removed: ReadonlyArray<readonly [number, number]>, quote: string): boolean {
  if (quote === "" || NON_ASCII.test(quote)) return false;
  search: for (let at = body.indexOf(quote); at !== -1; at = body.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    for (const [start, stop] of removed) if (at < stop && end > start) continue search;
    if (isAsciiNonWord(body, at - 1) && isAsciiNonWord(body, end)) return true;
  }
  return false;
}

/** Whether the character at `index` is ASCII and not a letter or digit; true before the start and past the end. */
function isAsciiNonWord(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  const code = text.charCodeAt(index);
  return code < 0x80 && !isWordCodePoint(text, index, index + 1);
}

/** Letters and digits only, lower-cased and space-separated: quote marks, dashes and Markdown emphasis do not count. */
export function wordsOf(text: string): string {
  const words = comparable(text).match(/[\p{L}\p{N}]+/gu);
  return words ? ` ${words.join(" ")} ` : " ";
}

/** Text as `wordsOf` compares it: lower-cased, then composed (NFC). */
function comparable(text: string): string {
  const lower = text.toLowerCase();
  // ASCII text is its own NFC form.
  return NON_ASCII.test(lower) ? lower.normalize("NFC") : lower;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Whether a page's rendered content repeats a pull quote's words: its text, with every pull quote's markup taken out
 * (a pull quote repeats the body, not another pull quote), tags removed and character references read.
 */
export function pageRepeatsPullQuote(html: string, pullQuoteMarkups: readonly string[], quote: string): boolean {
  let rest = html;
  for (const markup of pullQuoteMarkups) {
    const at = rest.indexOf(markup);
    if (at !== -1) rest = `${rest.slice(0, at)} ${rest.slice(at + markup.length)}`;
  }
  return repeatsWords(comparable(textOfHtml(rest)), quote);
}

const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** The text of HTML as far as words go: tags become spaces, character references their characters. */
function textOfHtml(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
    if (name[0] !== "#") return NAMED_REFERENCES[name.toLowerCase()] ?? reference;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });
}

/**
 * Whether `text` (already `comparable`) holds the words of `quote` in order and next to each other; the same answer as
 * `wordsOf(text).includes(wordsOf(quote))`, without making the words of a whole story body: it looks for the quote as
 * written, then for the quote's first word, reading on from each place it is found.
 */
export function repeatsWords(text: string, quote: string): boolean {
  // Most pull quotes copy their sentence exactly: then it is found as it is, with no word running on at either end.
  const exact = comparable(quote);
  const at = exact === "" ? -1 : text.indexOf(exact);
  if (at !== -1 && !isLowSurrogate(exact.charCodeAt(0)) && !isHighSurrogate(exact.charCodeAt(exact.length - 1))) {
    const runsOnBefore = isWordAt(exact, 0) && isWordBefore(text, at);
    const runsOnAfter = isWordBefore(exact, exact.length) && isWordAt(text, at + exact.length);
    if (!runsOnBefore && !runsOnAfter) return true;
  }
  const words = wordsOf(quote).slice(1, -1).split(" ");
  const first = words[0]!;
  if (first === "") return true;
  search: for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    if (isWordBefore(text, at)) continue;
    let position = at + first.length;
    if (isWordAt(text, position)) continue;
    for (let next = 1; next < words.length; next++) {
      const word = words[next]!;
      while (position < text.length && !isWordAt(text, position)) position += codePointLength(text, position);
      if (!text.startsWith(word, position)) continue search;
      position += word.length;
      if (isWordAt(text, position)) continue search;
    }
    return true;
  }
  return false;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whether the code point in `text[start, end)` is a letter or a digit, as `wordsOf` counts them. */
function isWordCodePoint(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(start);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return LETTER_OR_DIGIT.test(text.slice(start, end));
}

const isHighSurrogate = (code: number) => (code & 0xfc00) === 0xd800;
const isLowSurrogate = (code: number) => (code & 0xfc00) === 0xdc00;

function codePointLength(text: string, index: number): number {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
}

function isWordAt(text: string, index: number): boolean {
  return index < text.length && isWordCodePoint(text, index, index + codePointLength(text, index));
}

function isWordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const isPair = index >= 2 && isLowSurrogate(text.charCodeAt(index - 1)) && isHighSurrogate(text.charCodeAt(index - 2));
  return isWordCodePoint(text, isPair ? index - 2 : index - 1, index);
}
