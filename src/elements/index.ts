import type { RenderContext } from "../context.js";
import { asMarkdownSafeBlock, type SafeHtml } from "../html.js";
import type { ElementInput, ElementOfType, ElementType, NewsroomElement, SourceLocation } from "../types.js";
import { parseDateline, renderDateline } from "./dateline.js";
import { parseHighlights, renderHighlights } from "./highlights.js";
import { parsePullQuote, renderPullQuote } from "./pullquote.js";
import { parseQuote, renderQuote } from "./quote.js";
import { parseVideo, renderVideo, type VideoParseOptions } from "./video.js";

export type ParseOptions = VideoParseOptions;

/** Returns the object it is given, so that a subclass's field initialisers run on that object. */
class Adopt {
  constructor(target: object) {
    return target;
  }
}

/**
 * The parsed mark: a private field, which a spread, `Object.assign`, JSON or `structuredClone` does not copy and no
 * code outside this class can add or read. (Adding it is an ordinary property store; `Object.defineProperty` with a
 * symbol, the mark before, costs a runtime call per element.)
 */
class ParsedMark extends Adopt {
  #parsed = true;
  static has(value: object): boolean {
    return #parsed in value;
  }
}

/**
 * Another copy of this module (a second install, a bundle) has a mark of its own: each copy's check is kept under a
 * registered symbol, so that every copy recognises the elements of the others.
 */
const checks: Array<(value: object) => boolean> = ((globalThis as Record<symbol, unknown>)[Symbol.for("eleventy-plugin-newsroom.parsedChecks")] ??= []) as Array<
  (value: object) => boolean
>;
checks.push(ParsedMark.has);

/** Marks an object as a parsed element (or a collection item built from one), so it is rendered, not parsed again. */
export function markParsed<T extends object>(element: T): T {
  if (!ParsedMark.has(element)) new ParsedMark(element);
  return element;
}

/** True for elements that came out of `parseElement` (and collection items built from them). */
export function isParsedElement<T extends ElementType>(value: unknown, type?: T): value is ElementOfType<T> {
  return typeof value === "object" && value !== null && isMarked(value) && (type === undefined || (value as { type?: unknown }).type === type);
}

function isMarked(value: object): boolean {
  if (ParsedMark.has(value)) return true;
  for (let index = 0; index < checks.length; index++) if (checks[index] !== ParsedMark.has && checks[index]!(value)) return true;
  return false;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled element type: ${JSON.stringify(value)}`);
}

/** The one entry point every syntax funnels into: same input, same element, same error. */
export function parseElement<T extends ElementType>(
  type: T,
  input: ElementInput,
  location: SourceLocation = {},
  options: ParseOptions = {},
): ElementOfType<T> {
  return markParsed(parseByType(type, input, location, options));
}

function parseByType<T extends ElementType>(type: T, input: ElementInput, location: SourceLocation, options: ParseOptions): ElementOfType<T> {
  const elementType: ElementType = type;
  switch (elementType) {
    case "highlights":
      return parseHighlights(input, location) as ElementOfType<T>;
    case "quote":
      return parseQuote(input, location) as ElementOfType<T>;
    case "pullquote":
      return parsePullQuote(input, location) as ElementOfType<T>;
    case "video":
      return parseVideo(input, location, options) as ElementOfType<T>;
    case "dateline":
      return parseDateline(input, location) as ElementOfType<T>;
    default:
      return assertNever(elementType);
  }
}

function renderByType(element: NewsroomElement, context: RenderContext): SafeHtml {
  switch (element.type) {
    case "highlights":
      return renderHighlights(element, context);
    case "quote":
      return renderQuote(element, context);
    case "pullquote":
      return renderPullQuote(element, context);
    case "video":
      return renderVideo(element, context);
    case "dateline":
      return renderDateline(element, context);
    default:
      return assertNever(element);
  }
}

/** Renders any element to a block of HTML that Markdown passes through untouched. */
export function renderElement(element: NewsroomElement, context: RenderContext): SafeHtml {
  const markup = asMarkdownSafeBlock(renderByType(element, context));
  context.onRender?.(element);
  return markup;
}
