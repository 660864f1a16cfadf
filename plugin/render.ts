import {
  inputFromArguments,
  inputWithBody,
  isParsedElement,
  NewsroomError,
  parseElement,
  renderElement,
  type ElementInput,
  type ElementType,
  type RenderContext,
} from "../src/index.js";
import type { EleventyPage } from "./eleventy.js";
import type { BuildState } from "./state.js";

export interface RenderRequest {
  type: ElementType;
  /** Shortcode arguments as the template engine passed them, or the filter's subject. */
  args: readonly unknown[];
  /** A paired shortcode's content (Markdown). */
  body?: string | undefined;
  page: EleventyPage | undefined;
  lead?: boolean;
  /** Overrides the highlights heading level for this call (e.g. 3 on a front page whose stories have h2 titles). */
  headingLevel?: RenderContext["headingLevel"] | undefined;
}

/** Shortcodes and filters both end here: arguments → input → `parseElement` → `renderElement`. */
export function renderFromTemplate(state: BuildState, request: RenderRequest): string {
  const { type, args, body, page } = request;
  const location = { file: page?.inputPath };
  try {
    const subject = args[0];
    const element =
      args.length === 1 && isParsedElement(subject, type)
        ? subject
        : // A listing page shows a pull quote's words once, away from the body they repeat: there it is a quote.
          args.length === 1 && type === "quote" && isParsedElement(subject, "pullquote")
          ? { ...subject, type: "quote" as const }
          : parseElement(type, inputWithBody(type, inputFromArguments(type, args, location), body, state.markdown, location), location);
    const context = state.renderContext(page, { page }, request.lead);
    return renderElement(element, { ...context, headingLevel: request.headingLevel ?? context.headingLevel }).toString();
  } catch (error) {
    if (error instanceof NewsroomError) error.locate(location);
    throw error;
  }
}

/** What a filter receives for a story's front matter field becomes the same input a shortcode would make. */
export function filterInput(type: ElementType, value: unknown): unknown {
  if (type === "highlights" && Array.isArray(value)) return { items: value } satisfies ElementInput;
  if (type === "dateline" && typeof value === "string") return { text: value } satisfies ElementInput;
  return value;
}

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}
