/**
 * What the feeds and the sitemaps share: XML built from escaped parts (the escaping is `src/html.ts`'s `escapeXml`), a
 * check for the characters XML 1.0 cannot carry at all, and the instant a story's date stands for where a format needs
 * one.
 */
import type { DateTime } from "luxon";
import type { StoryDate } from "../values/dates.js";
import { NewsroomError } from "../errors.js";
import { UNREPRESENTABLE_FIX } from "../values/fields.js";
import { escapeXml, html, SafeHtml, type HtmlValue } from "../html.js";

export const XML_DECLARATION = new SafeHtml('<?xml version="1.0" encoding="UTF-8"?>\n');

/** Where text for XML came from, so an error can name it: the output (`feed`, `news sitemap`) and the story's file. */
export interface XmlSource {
  /** The output, used as the error's element, e.g. "feed". */
  output: string;
  /** What the text is, e.g. `the story "/stories/a/"`. */
  what: string;
  file?: string | undefined;
}

/**
 * XML 1.0's `Char` production: tab, newline, carriage return and everything from U+0020 up, except lone surrogates
 * and U+FFFE/U+FFFF. Anything else cannot be written in an XML 1.0 document at all, not even as `&#…;`, and parsers
 * (feed readers, search engines) reject the whole file, so it is an error and not something to drop quietly.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

export function xmlUnrepresentableCharacter(text: string): string | undefined {
  const found = NOT_XML.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function refuseUnrepresentable(text: string, source: XmlSource): void {
  const character = xmlUnrepresentableCharacter(text);
  if (character === undefined) return;
  const index = text.search(NOT_XML);
  const near = text.slice(Math.max(0, index - 30), index).replace(/\s+/g, " ").trim();
  throw new NewsroomError({
    element: source.output,
    problem: `${source.what} contains ${character}, a character XML 1.0 cannot carry${near ? ` (after "${near}")` : ""}`,
    fix: UNREPRESENTABLE_FIX,
    file: source.file,
  });
}

/** A value as XML: text checked and escaped once (for an attribute when `inAttribute`); nested results as they are. */
function xmlValue(value: HtmlValue, source: XmlSource, inAttribute: boolean): HtmlValue {
  if (Array.isArray(value)) return value.map((item: HtmlValue) => xmlValue(item, source, inAttribute));
  if (typeof value === "number") return new SafeHtml(String(value));
  if (typeof value !== "string") return value;
  refuseUnrepresentable(value, source);
  return new SafeHtml(escapeXml(value, inAttribute));
}

/**
 * A tagged template for XML, bound to where its text comes from: every value is checked for characters XML cannot
 * carry and escaped once by `escapeXml` (as an attribute value when the markup before it ends in `="`); results of
 * the template nest untouched, as with `html`.
 */
export function xmlFor(source: XmlSource): (strings: TemplateStringsArray, ...values: readonly HtmlValue[]) => SafeHtml {
  return (strings, ...values) => html(strings, ...values.map((value, index) => xmlValue(value, source, strings[index]!.endsWith('="'))));
}

/**
 * The instant a story's date stands for in formats that require a time of day (Atom, RFC 3339, the news window): the
 * instant itself, or for a date-only story the start of that day in the story's own time zone. It is the format's
 * requirement, never shown to readers as a time the story was published.
 */
export function storyInstant(date: StoryDate): DateTime {
  return date.dateOnly ? date.dateTime.startOf("day") : date.dateTime;
}

/** RFC 3339 with the story's own offset, e.g. "2026-11-27T14:30:00-05:00" (a date-only story: "…T00:00:00-05:00"). */
export function rfc3339(date: StoryDate): string {
  return storyInstant(date).toISO({ suppressMilliseconds: true, includeOffset: true })!;
}
