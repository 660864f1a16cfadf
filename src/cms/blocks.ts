/**
 * A CMS form is one more syntax: its values become the `:::` block README documents, in one canonical form, and a
 * block is read back into form values with the plugin's own attribute parser and body reader. So a story opened in
 * the CMS and saved unchanged is the same bytes, and what the form wrote is what the build reads.
 *
 * Canonical form: `::: name` (`::::` for a live update; more colons when the body holds a line of colons), then the attributes in the element's
 * field order, each `name="value"` in double quotes (a backslash before `"` and `\`), a flag written bare (`key`);
 * then the body (highlights as `- item` lines, words as written) and the closing line of as many colons. Empty fields
 * are left out.
 */
import { NewsroomError } from "../errors.js";
import { parseFlag, UPDATE_FLAGS } from "../elements/update.js";
import { InvalidValue } from "../values/fields.js";
import { VIDEO_FIELDS } from "../elements/video.js";
import { parseAttributes } from "../syntax/attributes.js";
import { dedent, highlightsFromMarkdown, type MarkdownParser } from "../syntax/body.js";
import type { ContainerElementType } from "../markdown/plugin.js";

/** What a CMS form holds for one element: text fields, flags (a live update's `key`, `pinned`) and the highlights' items. */
export type BlockValues = Record<string, string | boolean | readonly string[]>;

/** How each element is written as a block: its attributes in canonical order, its flags, and what its body holds. */
export interface BlockShape {
  attributes: readonly string[];
  flags: readonly string[];
  body: "items" | "text" | "none";
  /** The fewest colons of its marker lines. */
  colons: number;
}

export const BLOCK_SHAPES: Readonly<Record<ContainerElementType, BlockShape>> = {
  highlights: { attributes: [], flags: [], body: "items", colons: 3 },
  quote: { attributes: ["speaker", "role", "lang"], flags: [], body: "text", colons: 3 },
  pullquote: { attributes: ["speaker", "role", "lang"], flags: [], body: "text", colons: 3 },
  video: { attributes: VIDEO_FIELDS, flags: [], body: "none", colons: 3 },
  // UPDATE_FIELDS' order, the flags in their place among the attributes. Four colons, as README writes every update:
  // an update often holds a `:::` element, and a story's updates then all look alike.
  update: { attributes: ["time", "updated", "title", "key", "pinned", "author", "id"], flags: UPDATE_FLAGS, body: "text", colons: 4 },
};

/** The word after `:::` for each element: the shortcode names, renamed or not. */
export type BlockNames = Readonly<Record<ContainerElementType, string>>;

export const DEFAULT_BLOCK_NAMES: BlockNames = { highlights: "highlights", quote: "quote", pullquote: "pullquote", video: "video", update: "update" };

/** One line of an attribute: a line break becomes a space (an opening line cannot hold one), ends are trimmed. */
const attributeText = (value: string) => value.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, " ").trim();
/** A body as the block reader gives it back: line ends as "\n", no blank lines before, no white space after, no shared indentation. */
const bodyText = (value: string) => dedent(value.replace(/\r\n?/g, "\n"));

function plainValues(values: unknown): Record<string, unknown> {
  // Decap hands over plain objects, or Immutable maps and lists, which know `toJS`.
  const plain = (values as { toJS?: () => unknown } | null)?.toJS?.() ?? values;
  return typeof plain === "object" && plain !== null ? (plain as Record<string, unknown>) : {};
}

/**
 * The values as the block will hold them: text fields trimmed (attributes on one line), empty fields and flags that
 * are off left out, the highlights' items one trimmed line each. `readBlock(writeBlock(v))` equals `canonicalValues(v)`.
 */
export function canonicalValues(type: ContainerElementType, values: unknown): BlockValues {
  const shape = BLOCK_SHAPES[type];
  const input = plainValues(values);
  const result: BlockValues = {};
  for (const name of shape.attributes) {
    const value = input[name];
    if (shape.flags.includes(name)) {
      if (value === true || value === "true") result[name] = true;
      continue;
    }
    if (value === undefined || value === null) continue;
    const text = attributeText(String(value));
    if (text !== "") result[name] = text;
  }
  if (shape.body === "items") {
    const items = Array.isArray(input["items"]) ? (input["items"] as unknown[]) : [];
    const lines = items.map((item) => attributeText(String(item ?? ""))).filter((item) => item !== "");
    if (lines.length > 0) result["items"] = lines;
  } else if (shape.body === "text") {
    const text = typeof input["text"] === "string" ? bodyText(input["text"]) : "";
    if (text !== "") result["text"] = text;
  }
  return result;
}

/** A value in double quotes; the attribute parser reads `\"` as `"` and `\\` as `\`. */
const quoted = (value: string) => `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;

/**
 * Enough colons that no line of the body closes the block: one more than the longest run of colons a line starts
 * with, and at least the element's own number.
 */
function markerFor(body: string, fewest: number): string {
  let longest = fewest - 1;
  for (const match of body.matchAll(/^[ \t]*(:+)/gm)) longest = Math.max(longest, match[1]!.length);
  return ":".repeat(longest + 1);
}

/** The canonical `:::` block of an element's form values. */
export function writeBlock(type: ContainerElementType, values: unknown, names: BlockNames = DEFAULT_BLOCK_NAMES): string {
  const shape = BLOCK_SHAPES[type];
  const canonical = canonicalValues(type, values);
  let opening = names[type];
  for (const name of shape.attributes) {
    const value = canonical[name];
    if (value === undefined) continue;
    opening += value === true ? ` ${name}` : ` ${name}=${quoted(value as string)}`;
  }
  const body = shape.body === "items" ? ((canonical["items"] as string[] | undefined) ?? []).map((item) => `- ${item}`).join("\n") : shape.body === "text" ? ((canonical["text"] as string | undefined) ?? "") : "";
  const marker = markerFor(body, shape.colons);
  return `${marker} ${opening}\n${body === "" ? "" : `${body}\n`}${marker}`;
}

/**
 * The opening line, the body, the closing line: as the plugin's block rule finds them (see `markdown/plugin.ts`), the
 * block closing at the first line of enough colons. An empty body is tried first (`??`): with the body tried first, a
 * block written with nothing inside (`::: video` then `:::`) ran on to a later block's closing line.
 */
const blockPattern = (name: string) =>
  `^[ ]{0,3}(:{3,})[ \\t]*${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=[ \\t\\n]|$)([^\\n]*)(?:\\n([\\s\\S]*?))??\\n[ ]{0,3}\\1:*[ \\t]*(?=\\n|$)`;

/** A regular expression that finds an element's block at the start of a text (Decap's editor components match blocks with it). */
export function blockRegExp(type: ContainerElementType, names: BlockNames = DEFAULT_BLOCK_NAMES): RegExp {
  return new RegExp(blockPattern(names[type]));
}

/** A flag read as `parseUpdate` reads it, its fault named as the element's. */
function flagValue(name: string, value: string, type: ContainerElementType): boolean {
  try {
    return parseFlag(value);
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    throw new NewsroomError({ element: type, problem: `${name} ${error.problem}`, fix: error.fix });
  }
}

/**
 * Reads a block (as `writeBlock` writes it, or as an author wrote it) into form values, with the plugin's attribute
 * parser and body reader. Throws the plugin's NewsroomError for a block a form cannot hold without losing what was
 * written: unreadable attributes, an attribute the element does not have, a highlights body that is not a list.
 */
export function readBlock(type: ContainerElementType, block: string, markdown: MarkdownParser, names: BlockNames = DEFAULT_BLOCK_NAMES): BlockValues {
  const source = block.replace(/\r\n?/g, "\n");
  const match = blockRegExp(type, names).exec(source);
  if (!match || match[0].length !== source.replace(/\n+$/, "").length) {
    throw new NewsroomError({ element: type, problem: `this is not one "::: ${names[type]}" block`, fix: `write the element as "::: ${names[type]} …", its content, and a closing ":::" line` });
  }
  const shape = BLOCK_SHAPES[type];
  const attributes = parseAttributes(match[2]!, type, {}, shape.flags);
  const values: Record<string, string | boolean | readonly string[]> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (!shape.attributes.includes(name)) {
      throw new NewsroomError({ element: type, problem: `unknown field "${name}"`, fix: `use only ${shape.attributes.map((known) => `"${known}"`).join(", ")}, or remove "${name}"` });
    }
    values[name] = shape.flags.includes(name) ? flagValue(name, value, type) : value;
  }
  const body = match[3] ?? "";
  if (shape.body === "items") {
    if (body.trim() !== "") values["items"] = highlightsFromMarkdown(body, markdown);
  } else if (shape.body === "text") {
    values["text"] = body;
  } else if (body.trim() !== "") {
    throw new NewsroomError({ element: type, problem: `the ${type} takes no content, but text was written inside it`, fix: "put everything in its fields" });
  }
  return canonicalValues(type, values);
}
