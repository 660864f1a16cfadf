import { ElementFields, parseLanguageTag } from "../values/fields.js";
import type { ElementInput, PullQuote, Quote, SourceLocation } from "../types.js";

const FIELDS = ["text", "speaker", "role", "lang"] as const;

/** Quotes and pull quotes take the same fields; only their meaning, and so their markup, differs. */
export function parseAttributedWords<T extends "quote" | "pullquote">(
  type: T,
  input: ElementInput,
  location: SourceLocation,
): T extends "quote" ? Quote : PullQuote {
  const fields: ElementFields = new ElementFields(type, input, FIELDS, location);
  const text = fields.optionalText("text");
  if (!text) {
    fields.fail(`the ${type} has no words`, type === "quote" ? "write the quoted words between the opening and closing lines" : "write the repeated sentence between the opening and closing lines");
  }
  const speaker = fields.requiredText("speaker", 'the name of the person quoted, e.g. speaker="Rex Tillerson"');
  const role = fields.optionalText("role") || undefined;
  const lang = fields.parsed("lang", parseLanguageTag);
  return { type, text, speaker, role, lang } as T extends "quote" ? Quote : PullQuote;
}
