import { NewsroomError } from "../errors.js";
import { hasOnlyKnownRules } from "../markdown/handOver.js";
import type { ElementInput, ElementType, SourceLocation } from "../types.js";

/** The part of markdown-it that reads a highlights list; any markdown-it instance fits. */
export interface MarkdownParser {
  parse(source: string, env: object): ReadonlyArray<{ type: string; content: string; map: [number, number] | null; level: number }>;
}

/** Removes the indentation that all non-blank lines share (template code is often indented). */
export function dedent(text: string): string {
  // Most bodies start with a visible character: then no blank line starts them and no indentation is shared.
  if (startsVisible(text)) return text.trimEnd();
  const lines = text.replace(/^\s*\n/, "").replace(/\s+$/, "").split("\n");
  const indents = lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join("\n");
}

/**
 * Reads a highlights body written as a Markdown list ("- one\n- two") into its items. Anything that is not one flat
 * list of one-paragraph items is an error: silently keeping only part of it would drop what the author wrote.
 */
export function highlightsFromMarkdown(body: string, markdown: MarkdownParser, location: SourceLocation = {}): string[] {
  // dedent drops the blank lines the body starts with; count them so lines still point into the author's file.
  const droppedLines = startsVisible(body) ? 0 : (/^\s*\n/.exec(body)?.[0].match(/\n/g) ?? []).length;
  const fail = (problem: string, line?: number): never => {
    throw new NewsroomError({
      element: "highlights",
      problem,
      fix: 'write the highlights as one list, one "- " line per highlight, with nothing else inside the element',
      ...location,
      line: line === undefined || location.line === undefined ? location.line : location.line + droppedLines + line,
    });
  };
  const source = dedent(body);
  if (source === "") fail("there are no items");
  const simple = simpleListItems(source, markdown);
  if (simple) return simple;
  const tokens = markdown.parse(source, {});
  const items: string[] = [];
  let listsSeen = 0;
  let paragraphsInItem = 0;
  let itemLine: number | undefined;
  for (const token of tokens) {
    const line = token.map ? token.map[0] + 1 : undefined;
    if (token.level === 0) {
      if (token.type === "bullet_list_open" || token.type === "ordered_list_open") {
        listsSeen++;
        if (listsSeen > 1) fail("there is more than one list", line);
      } else if (token.type !== "bullet_list_close" && token.type !== "ordered_list_close") {
        fail(`the highlights are not a list (found a ${describe(token.type)})`, line);
      }
      continue;
    }
    if (!allowedAtLevel[token.level]?.includes(token.type)) {
      fail(`an item holds a ${describe(token.type)} instead of one line of text`, line);
    }
    if (token.type === "list_item_open") {
      paragraphsInItem = 0;
      itemLine = line;
    }
    if (token.type === "paragraph_open" && ++paragraphsInItem > 1) fail("an item holds more than one paragraph", line);
    if (token.type === "list_item_close" && paragraphsInItem === 0) fail("an item is empty", itemLine);
    if (token.type === "inline") items.push(token.content.replace(/\s*\n\s*/g, " "));
  }
  return items;
}

const allowedAtLevel: Record<number, readonly string[]> = {
  1: ["list_item_open", "list_item_close"],
  2: ["paragraph_open", "paragraph_close"],
  3: ["inline"],
};
const describe = (type: string) => type.replace(/_(open|close)$/, "").replace(/_/g, " ");

/** Whether the text starts with a visible ASCII character (so with neither white space nor a line break). */
function startsVisible(text: string): boolean {
  const first = text.charCodeAt(0);
  return first > 0x20 && first < 0x7f;
}

const WHITESPACE = /\s/;
const isAsciiLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

/**
 * The items of a list written the plainest way, every line "- Text" with the same marker and a letter after one space,
 * and no white space at its end, read without a parse when the parser is a markdown-it with only its own rules and this
 * plugin's: each such line is then one list item holding one paragraph, whose text is the rest of the line, as the
 * parse would find. Anything else (another start, a blank line, a continued item, a carriage return or NUL, which
 * markdown-it first normalises) gives undefined, and the parse decides.
 */
function simpleListItems(source: string, markdown: MarkdownParser): string[] | undefined {
  const marker = source.charCodeAt(0);
  if (marker !== 0x2d && marker !== 0x2a && marker !== 0x2b) return undefined;
  if (source.includes("\r") || source.includes("\u0000") || !hasOnlyKnownRules(markdown)) return undefined;
  const items: string[] = [];
  for (let start = 0; start <= source.length; ) {
    const newline = source.indexOf("\n", start);
    const end = newline === -1 ? source.length : newline;
    if (source.charCodeAt(start) !== marker || source.charCodeAt(start + 1) !== 0x20 || !isAsciiLetter(source.charCodeAt(start + 2))) return undefined;
    // Nothing to trim at either end (markdown-it versions trim paragraphs differently: some ASCII only, some Unicode).
    if (WHITESPACE.test(source[end - 1]!)) return undefined;
    items.push(source.slice(start + 2, end));
    start = end + 1;
  }
  return items;
}

/** Where the text between an element's opening and closing lines (or a paired shortcode's content) goes. */
export function inputWithBody(
  type: ElementType,
  input: ElementInput,
  body: string | undefined,
  markdown: MarkdownParser,
  location: SourceLocation = {},
): ElementInput {
  const hasBody = body !== undefined && body.trim() !== "";
  switch (type) {
    case "highlights":
      if (body === undefined) return input;
      if (Object.hasOwn(input, "items")) {
        throw new NewsroomError({ element: type, problem: "items are given both as a field and as content", fix: "keep one of the two", ...location });
      }
      return Object.assign({}, input, { items: highlightsFromMarkdown(body, markdown, location) });
    case "quote":
    case "pullquote":
    case "update":
      if (body === undefined) return input;
      if (Object.hasOwn(input, "text") && hasBody) {
        throw new NewsroomError({ element: type, problem: "the words are given both as a text field and as content", fix: "keep one of the two", ...location });
      }
      return Object.hasOwn(input, "text") ? input : Object.assign({}, input, { text: dedent(body) });
    case "video":
    case "dateline":
      if (hasBody) {
        throw new NewsroomError({
          element: type,
          problem: `the ${type} takes no content, but text was written inside it: ${JSON.stringify(body.trim().slice(0, 60))}`,
          fix: type === "video" ? 'put everything in attributes (e.g. description="…"), or move the text out of the element' : "give the dateline as its text field",
          ...location,
        });
      }
      return input;
  }
}
