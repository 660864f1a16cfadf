import { NewsroomError } from "../errors.js";
import { isPlainObject, listOfNames } from "../values/fields.js";
import type { ElementInput, ElementType, SourceLocation } from "../types.js";

/** The fields that positional shortcode arguments fill, in order (Liquid has only positional arguments). */
export const POSITIONAL_FIELDS: Readonly<Record<ElementType, readonly string[]>> = {
  highlights: ["items"],
  quote: ["speaker", "role"],
  pullquote: ["speaker", "role"],
  video: ["url", "title", "duration", "source"],
  dateline: ["text"],
  update: ["time", "title"],
};

function isKeywordObject(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && value["__keywords"] === true;
}

/**
 * Turns shortcode arguments into an element input, the same way for every template language:
 * one object (`{% video clip %}`, 11ty.js `this.video({...})`), Nunjucks keywords (`speaker="…", role="…"`), or
 * positional values in the order of POSITIONAL_FIELDS (Liquid: `{% quote "Rex Tillerson", "US Secretary of State" %}`).
 */
export function inputFromArguments(type: ElementType, args: readonly unknown[], location: SourceLocation = {}): ElementInput {
  const positional = [...args];
  let keywords: Record<string, unknown> = {};
  if (positional.length > 0 && isKeywordObject(positional.at(-1))) {
    const { __keywords: _marker, ...rest } = positional.pop() as Record<string, unknown>;
    keywords = rest;
  }
  const fail = (problem: string, fix: string): never => {
    throw new NewsroomError({ element: type, problem, fix, ...location });
  };
  const order = POSITIONAL_FIELDS[type];
  positional.forEach((value, index) => {
    if (value === undefined) {
      fail(`argument ${index + 1} is undefined`, "check the variable's name, or write the value in quotes");
    }
  });
  if (positional.length === 1 && isPlainObject(positional[0])) {
    return { ...positional[0], ...keywords };
  }
  if (positional.length > order.length) {
    fail(
      `it takes at most ${order.length} positional argument${order.length === 1 ? "" : "s"} (${listOfNames(order)}) but got ${positional.length}`,
      "pass an object with named fields instead",
    );
  }
  const input: Record<string, unknown> = {};
  positional.forEach((value, index) => {
    input[order[index]!] = value;
  });
  for (const [name, value] of Object.entries(keywords)) {
    if (Object.hasOwn(input, name)) fail(`"${name}" is given both by position and by name`, `give "${name}" once`);
    input[name] = value;
  }
  return input;
}
