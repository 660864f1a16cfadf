import { NewsroomError } from "../errors.js";
import type { SourceLocation } from "../types.js";

const WHITESPACE = /\s/;

/** White space as `\s` has it: ASCII tab to carriage return and space, and Unicode's spaces. */
function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return WHITESPACE.test(text[index]!);
}

const isLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
const isNameCharacter = (code: number) => isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d;

/**
 * Reads the attributes of a Markdown container's opening line: `speaker="Rex Tillerson" role='US Secretary of State'
 * aspectRatio=9/16`. Values are in straight double or single quotes (a backslash escapes the quote mark), or bare
 * words without spaces. A duplicate name or anything that is not name=value is an error, never silently skipped.
 */
export function parseAttributes(text: string, element: string, location: SourceLocation = {}, flags: readonly string[] = []): Record<string, string> {
  const result: Record<string, string> = {};
  let position = skipSpace(text, 0);
  while (position < text.length) {
    // Most attributes are a name and a quoted value without a backslash, then white space or the end: read at once.
    // (A regular expression, not a loop over the characters: in a build this code runs mostly before V8 optimises
    // it, and the expression is compiled to machine code from the start.)
    QUOTED_PAIR.lastIndex = position;
    const pair = QUOTED_PAIR.exec(text);
    if (pair && !Object.hasOwn(result, pair[1]!)) {
      result[pair[1]!] = pair[2] ?? pair[3]!;
      position = QUOTED_PAIR.lastIndex;
    } else {
      // Anything else, and a name given twice, the long way (which says what is wrong).
      position = readAttribute(text, position, result, element, location, flags);
    }
  }
  return result;
}

/** `name="value"` or `name='value'` (no backslash inside), followed by white space or the end, and that white space. */
const QUOTED_PAIR = /([A-Za-z][A-Za-z0-9_-]*)=(?:"([^"\\]*)"|'([^'\\]*)')(?=\s|$)\s*/y;

function fail(element: string, location: SourceLocation, problem: string, fix: string): never {
  throw new NewsroomError({ element, problem, fix, ...location });
}

function skipSpace(text: string, position: number): number {
  while (position < text.length && isSpaceAt(text, position)) position++;
  return position;
}

/**
 * Reads one attribute at `position` the long way (an unquoted value, a backslash in quotes, or an error) into
 * `result`; returns where the next one starts.
 */
function readAttribute(text: string, position: number, result: Record<string, string>, element: string, location: SourceLocation, flags: readonly string[]): number {
  // A name is a letter, then letters, digits, "_" and "-".
  let nameEnd = position;
  if (isLetter(text.charCodeAt(nameEnd))) {
    nameEnd++;
    while (isNameCharacter(text.charCodeAt(nameEnd))) nameEnd++;
  }
  if (nameEnd === position) {
    fail(
      element,
      location,
      `cannot read the attributes at ${JSON.stringify(text.slice(position, position + 30))}`,
      'write attributes as name="value" pairs separated by spaces, in straight quotes (" or \')',
    );
  }
  const name = text.slice(position, nameEnd);
  position = nameEnd;
  // A flag written bare (`key`, `pinned`): on, as if written key="true".
  if (flags.includes(name) && (position === text.length || isSpaceAt(text, position))) {
    if (Object.hasOwn(result, name)) fail(element, location, `the attribute "${name}" is given twice`, `keep one "${name}"`);
    result[name] = "true";
    return skipSpace(text, position);
  }
  if (text[position] !== "=") fail(element, location, `the attribute "${name}" has no value`, `write ${name}="…"`);
  position++;
  let value = "";
  const quote = text[position];
  if (quote === '"' || quote === "'") {
    position++;
    let closed = false;
    // Most values have no backslash: up to the closing quote as it is.
    const close = text.indexOf(quote, position);
    const backslash = text.indexOf("\\", position);
    if (close !== -1 && (backslash === -1 || backslash > close)) {
      value = text.slice(position, close);
      position = close + 1;
      closed = true;
    }
    while (!closed && position < text.length) {
      const character = text[position]!;
      if (character === "\\" && (text[position + 1] === quote || text[position + 1] === "\\")) {
        value += text[position + 1];
        position += 2;
      } else if (character === quote) {
        position++;
        closed = true;
        break;
      } else {
        value += character;
        position++;
      }
    }
    if (!closed) fail(element, location, `the value of "${name}" has no closing ${quote}`, `end the value with ${quote}`);
    if (position < text.length && !isSpaceAt(text, position)) {
      fail(element, location, `the value of "${name}" is followed by ${JSON.stringify(text[position])} without a space`, "separate attributes with a space");
    }
  } else {
    const end = text.slice(position).search(/\s|$/);
    if (end === 0) fail(element, location, `the attribute "${name}" has no value`, `write ${name}="…"`);
    value = text.slice(position, position + end);
    if (/["'“”‘’]/.test(value)) {
      fail(
        element,
        location,
        `the value of "${name}" has a quote mark inside an unquoted value`,
        'put the value in straight quotes: name="value" (curly quotes “ ” do not count)',
      );
    }
    position += end;
  }
  if (Object.hasOwn(result, name)) fail(element, location, `the attribute "${name}" is given twice`, `keep one "${name}"`);
  result[name] = value;
  return skipSpace(text, position);
}
