import {
  inputFromArguments,
  inputWithBody,
  isParsedElement,
  NewsroomError,
  parseElement,
  renderElement,
  scanTemplateTags,
  type ElementType,
  type RenderContext,
} from "../src/index.js";
import type { EleventyPage } from "./eleventy.js";
import { PAIRED_SHORTCODES } from "./pairedShortcodes.js";
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
  /** The page's data, where the template engine gives it (a live update is read in its story's time zone). */
  data?: Record<string, unknown> | undefined;
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
          ? state.stories.asItemOf(subject, { ...subject, type: "quote" as const })
          : "subject" in request
            ? // A front matter value is parsed once per build, whichever page and filter render it (StoryElements).
              state.stories.parseValue(type, subject, location.file)
            : parseElement(type, inputWithBody(type, inputFromArguments(type, args, location), body, state.markdown, location), location, type === "update" ? state.live.parseOptionsFor(request.data) : state.parseOptions);
    const context = state.renderContext(page, request.data ?? { page }, request.lead);
    const markup = renderElement(element, Object.assign({}, context, { headingLevel: request.headingLevel ?? context.headingLevel, landmark: request.landmark ?? true })).toString();
    // A live update is shown by the story's live blog, not where it is written (see plugin/live.ts).
    return type === "update" ? "" : markup;
  } catch (error) {
    if (!(error instanceof NewsroomError)) throw error;
    return state.reportInPlace(error.locate({ ...location, line: "subject" in request ? undefined : shortcodeLine(state, page, type) }));
  }
}

/**
 * The line of a shortcode whose element is wrong, when the page's source names that shortcode once: a render does not
 * know where in the source it is, but a tag written once can only be that one. (Written more than once, in a loop, an
 * include or a macro, the line is left out rather than guessed.)
 */
function shortcodeLine(state: BuildState, page: EleventyPage | undefined, type: ElementType): number | undefined {
  const source = page?.rawInput;
  if (typeof source !== "string") return undefined;
  const name = state.options.shortcodes[type];
  const paired = PAIRED_SHORTCODES.includes(type);
  const tags = scanTemplateTags(source, { single: paired ? [] : [name], paired: paired ? [name] : [], filters: [] });
  if (tags.length !== 1) return undefined;
  return tags[0]!.line + state.bodyLineOffset(page);
}

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}
