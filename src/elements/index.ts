import type { RenderContext } from "../context.js";
import { asMarkdownSafeBlock, type SafeHtml } from "../html.js";
import type { ElementInput, ElementOfType, ElementType, NewsroomElement, SourceLocation } from "../types.js";
import { parseDateline, renderDateline } from "./dateline.js";
import { parseHighlights, renderHighlights } from "./highlights.js";
import { parsePullQuote, renderPullQuote } from "./pullquote.js";
import { parseQuote, renderQuote } from "./quote.js";
import { parseUpdate, renderUpdate, type UpdateParseOptions } from "./update.js";
import { parseVideo, renderVideo, type VideoParseOptions } from "./video.js";

export type ParseOptions = VideoParseOptions & UpdateParseOptions;

const PARSED = Symbol.for("eleventy-plugin-newsroom.element");
/** The mark's descriptor, one for every element: hidden, read-only, not copied by a spread or `Object.assign`. */
const MARK: PropertyDescriptor = Object.freeze({ value: true, enumerable: false, writable: false, configurable: false });

/** Marks an object as a parsed element (or a collection item built from one), so it is rendered, not parsed again. */
export function markParsed<T extends object>(element: T): T {
  Object.defineProperty(element, PARSED, MARK);
  return element;
}

/** True for elements that came out of `parseElement` (and collection items built from them). */
export function isParsedElement<T extends ElementType>(value: unknown, type?: T): value is ElementOfType<T> {
  return typeof value === "object" && value !== null && PARSED in value && (type === undefined || (value as { type?: unknown }).type === type);
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
    case "update":
      return parseUpdate(input, location, options) as ElementOfType<T>;
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
    case "update":
      return renderUpdate(element, context);
    default:
      return assertNever(element);
  }
}

/** Renders any element to a block of HTML that Markdown passes through untouched. */
export function renderElement(element: NewsroomElement, context: RenderContext): SafeHtml {
  const markup = asMarkdownSafeBlock(renderByType(element, context));
  context.onRender?.(element, markup);
  return markup;
}
