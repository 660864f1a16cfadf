import {
  filterSubject,
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
  /** Shortcode arguments as the template engine passed them. */
  args?: readonly unknown[];
  /** A filter's subject: the element's fields as an object (front matter), a list of highlights, or a collection item. */
  subject?: unknown;
  /** A paired shortcode's content (Markdown). */
  body?: string | undefined;
  page: EleventyPage | undefined;
  lead?: boolean;
  /** Overrides the highlights heading level for this call (e.g. 3 on a front page whose stories have h2 titles). */
  headingLevel?: RenderContext["headingLevel"] | undefined;
  /** False renders highlights without making them a named landmark region (see the "card" filter argument). */
  landmark?: boolean | undefined;
}

/** Shortcodes and filters both end here: arguments → input → `parseElement` → `renderElement`. */
export function renderFromTemplate(state: BuildState, request: RenderRequest): string {
  const { type, args = [], body, page } = request;
  const location = { file: page?.inputPath };
  try {
    const subject = "subject" in request ? request.subject : args.length === 1 ? args[0] : undefined;
    const element =
      isParsedElement(subject, type)
        ? subject
        : // A listing page shows a pull quote's words once, away from the body they repeat: there it is a quote.
          type === "quote" && isParsedElement(subject, "pullquote")
          ? { ...subject, type: "quote" as const }
          : parseElement(
              type,
              "subject" in request
                ? (filterSubject(type, subject) as ElementInput)
                : inputWithBody(type, inputFromArguments(type, args, location), body, state.markdown, location),
              location,
              state.parseOptions,
            );
    const context = state.renderContext(page, { page }, request.lead);
    return renderElement(element, Object.assign({}, context, { headingLevel: request.headingLevel ?? context.headingLevel, landmark: request.landmark ?? true })).toString();
  } catch (error) {
    if (!(error instanceof NewsroomError)) throw error;
    return state.reportInPlace(error.locate(location));
  }
}

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}
