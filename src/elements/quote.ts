import { html, trustedHtml, type SafeHtml } from "../html.js";
import type { RenderContext } from "../context.js";
import type { ElementInput, Quote, SourceLocation } from "../types.js";
import { renderWords } from "../markdown/plainWords.js";
import { parseAttributedWords } from "./attributedWords.js";
import { languageAttributes, renderAttribution } from "./attribution.js";

export function parseQuote(input: ElementInput, location: SourceLocation = {}): Quote {
  return parseAttributedWords("quote", input, location);
}

/** A figure, so the attribution (a figcaption) sits outside the quoted words; a person is not a `<cite>`. */
export function renderQuote(element: Quote, context: RenderContext): SafeHtml {
  return html`<figure class="newsroom-quote">
<blockquote class="newsroom-quote__text"${languageAttributes(element)}>
${trustedHtml(renderWords(context.markdown, element.text, context.env))}</blockquote>
<figcaption class="newsroom-quote__attribution">${renderAttribution(element)}</figcaption>
</figure>`;
}
