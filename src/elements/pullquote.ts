import { NewsroomError } from "../errors.js";
import { html, trustedHtml, type SafeHtml } from "../html.js";
import type { RenderContext } from "../context.js";
import type { ElementInput, PullQuote, SourceLocation } from "../types.js";
import { renderWords } from "../markdown/plainWords.js";
import { parseAttributedWords } from "./attributedWords.js";
import { languageAttributes, renderAttribution } from "./attribution.js";

export function parsePullQuote(input: ElementInput, location: SourceLocation = {}): PullQuote {
  return parseAttributedWords("pullquote", input, location);
}

const FOCUSABLE = /<(a|area|button|input|select|textarea|iframe|object|embed|video|audio|details|summary)\b|[\s"'/]tabindex\s*=|[\s"'/]contenteditable\b/i;

/**
 * Presentational: the words are already in the body, so the aside is hidden from assistive technology (DPUB-ARIA's
 * advice for doc-pullquote) and must hold nothing focusable, or keyboard users would land on something unannounced.
 */
export function renderPullQuote(element: PullQuote, context: RenderContext): SafeHtml {
  const words = renderWords(context.markdown, element.text, context.env);
  if (FOCUSABLE.test(words)) {
    throw new NewsroomError({
      element: "pullquote",
      problem: "the words contain a link or another focusable element, which a pull quote hidden from screen readers must not",
      fix: "remove the link from the pull quote (keep it in the body paragraph the pull quote repeats)",
    });
  }
  return html`<aside class="newsroom-pullquote" aria-hidden="true">
<div class="newsroom-pullquote__text"${languageAttributes(element)}>
${trustedHtml(words)}</div>
<p class="newsroom-pullquote__attribution">${renderAttribution(element)}</p>
</aside>`;
}
