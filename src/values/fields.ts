import { NewsroomError, type ErrorLocation } from "../errors.js";

/** What any syntax (Markdown container, shortcode, filter, front matter) hands to `parseElement`: a plain object. */
export type ElementInput = Readonly<Record<string, unknown>>;

/** Thrown by value parsers (`parseDuration`, `parseAspectRatio`, …); `ElementFields` turns it into a NewsroomError. */
export class InvalidValue extends Error {
  constructor(
    readonly problem: string,
    readonly fix: string,
  ) {
    super(problem);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "string") return `the text ${JSON.stringify(value)}`;
  return /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`;
}

/**
 * The first character in `text` that HTML cannot carry — control characters other than tab, newline, form feed and
 * carriage return; noncharacters; lone surrogates — as "U+0000", or undefined. Browsers drop or replace them, so the
 * page would not say what the author wrote.
 */
export function unrepresentableCharacter(text: string): string | undefined {
  // Text made only of characters that are always fine (no controls, surrogates or noncharacters) needs no walk.
  if (!MAYBE_UNREPRESENTABLE.test(text)) return undefined;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const control = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
    const nonCharacter = (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
    const loneSurrogate = code >= 0xd800 && code <= 0xdfff;
    if (control || nonCharacter || loneSurrogate) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return undefined;
}

/** Every character the walk above could refuse, and surrogates (which it reads in pairs); a superset, for a fast "no". */
// eslint-disable-next-line no-control-regex
const MAYBE_UNREPRESENTABLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

export const UNREPRESENTABLE_FIX = "remove it (such characters are often pasted in, invisibly, from another program)";

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const RIGHT_TO_LEFT_LANGUAGES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi"]);
const RIGHT_TO_LEFT_SCRIPTS = new Set(["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"]);

/** A BCP 47 language tag, e.g. "es-MX" (its shape; the registry is not consulted). */
export function parseLanguageTag(value: unknown): string {
  if (typeof value !== "string" || !LANGUAGE_TAG.test(value.trim())) {
    throw new InvalidValue(`${JSON.stringify(value)} is not a language tag`, 'write it as a BCP 47 tag, e.g. "en" or "es-MX"');
  }
  return value.trim();
}

/** The writing direction of a language, from its script subtag or its language. */
export function directionOf(languageTag: string): "ltr" | "rtl" {
  const [language = "", ...rest] = languageTag.toLowerCase().split("-");
  const script = rest.find((subtag) => subtag.length === 4);
  if (script) return RIGHT_TO_LEFT_SCRIPTS.has(script) ? "rtl" : "ltr";
  return RIGHT_TO_LEFT_LANGUAGES.has(language) ? "rtl" : "ltr";
}

export function listOfNames(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/**
 * Reads an element's input: rejects unknown fields (so nothing an author wrote is silently dropped) and turns every
 * wrong value into a NewsroomError that names the element and the field.
 */
export class ElementFields {
  readonly #input: Record<string, unknown>;

  constructor(
    readonly element: string,
    input: ElementInput | unknown,
    readonly allowed: readonly string[],
    readonly location: ErrorLocation = {},
  ) {
    if (!isPlainObject(input)) {
      this.fail(`expected an object of fields (${listOfNames(allowed)}) but got ${describe(input)}`, "write the element's fields as name/value pairs");
    }
    this.#input = input;
    for (const key of Object.keys(input)) {
      if (!allowed.includes(key)) {
        this.fail(`unknown field "${key}"`, `use only ${listOfNames(allowed)} (names are camelCase), or remove "${key}"`);
      }
    }
  }

  fail(problem: string, fix: string): never {
    throw new NewsroomError({ element: this.element, problem, fix, ...this.location });
  }

  has(name: string): boolean {
    const value = this.#input[name];
    return value !== undefined && value !== null;
  }

  raw(name: string): unknown {
    return this.#input[name];
  }

  /** A text field that must be present and not blank. Numbers are accepted and read as text. */
  requiredText(name: string, what: string): string {
    const text = this.optionalText(name);
    if (text === undefined || text === "") {
      this.fail(`the required field "${name}" is ${text === "" ? "empty" : "missing"}`, `give ${what}`);
    }
    return text;
  }

  optionalText(name: string): string | undefined {
    const value = this.#input[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value !== "string") {
      this.fail(`the field "${name}" must be text but is ${describe(value)}`, `write "${name}" as text in quotes`);
    }
    const character = unrepresentableCharacter(value);
    if (character) this.fail(`the field "${name}" contains ${character}, a character HTML cannot carry`, UNREPRESENTABLE_FIX);
    return value.trim();
  }

  /** Runs a value parser on a field, turning its InvalidValue into an error that names the field. */
  parsed<T>(name: string, parse: (value: unknown) => T): T | undefined {
    const value = this.#input[name];
    if (value === undefined || value === null || value === "") return undefined;
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof InvalidValue) this.fail(`${name} ${error.problem}`, error.fix);
      throw error;
    }
  }
}
