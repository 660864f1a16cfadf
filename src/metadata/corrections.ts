import { trustedHtml, html, type SafeHtml } from "../html.js";
import type { RenderContext } from "../context.js";
import { renderTime, type DateOptions } from "../values/dates.js";
import { renderInlineWords } from "../markdown/plainWords.js";
import type { Correction } from "./types.js";

/**
 * The dated notices at the foot of a story, oldest first, under one heading. Readers see what changed and when; the
 * latest date is the story's `dateModified` for machines. Nothing is rendered for a story without corrections.
 */
export function renderCorrections(corrections: readonly Correction[], context: RenderContext, dates: DateOptions): SafeHtml {
  if (corrections.length === 0) return html``;
  const { labels } = context;
  const heading = `h${context.headingLevel}`;
  const id = context.ids.claim("newsroom-corrections");
  const items = corrections.map(
    (correction) => html`<li class="newsroom-corrections__item newsroom-corrections__item--${correction.kind}"><span class="newsroom-corrections__kind">${correction.kind === "update" ? labels.update : labels.correction}</span>, ${renderTime(correction.date, dates, "newsroom-corrections__date")}: ${trustedHtml(renderInlineWords(context.markdown, correction.text, context.env))}</li>\n`,
  );
  return html`<section class="newsroom-corrections" aria-labelledby="${id}">
<${heading} class="newsroom-corrections__heading" id="${id}">${labels.correctionsHeading}</${heading}>
<ol class="newsroom-corrections__list">
${items}</ol>
</section>
`;
}
