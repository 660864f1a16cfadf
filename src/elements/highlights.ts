import { ElementFields, UNREPRESENTABLE_FIX, unrepresentableCharacter } from "../values/fields.js";
import { html, trustedHtml, type SafeHtml } from "../html.js";
import { renderInlineWords } from "../markdown/plainWords.js";
import type { RenderContext } from "../context.js";
import type { ElementInput, SourceLocation, StoryHighlights } from "../types.js";

const FIELDS = ["items"] as const;

export function parseHighlights(input: ElementInput, location: SourceLocation = {}): StoryHighlights {
  const fields: ElementFields = new ElementFields("highlights", input, FIELDS, location);
  const items = fields.raw("items");
  if (!Array.isArray(items)) {
    fields.fail(
      items === undefined || items === null ? "there are no items" : "the highlights are not a list",
      'write them as a list, one "- " line per highlight (in front matter: a YAML list under "highlights:")',
    );
  }
  if (items.length === 0) fields.fail("the list is empty", "add at least one highlight, or remove the element");
  const texts = items.map((item: unknown, index) => {
    if (typeof item !== "string" && typeof item !== "number") {
      fields.fail(`item ${index + 1} is not text`, "write every highlight as one line of text");
    }
    const text = String(item).trim();
    const character = unrepresentableCharacter(text);
    if (character) fields.fail(`item ${index + 1} contains ${character}, a character HTML cannot carry`, UNREPRESENTABLE_FIX);
    if (text === "") fields.fail(`item ${index + 1} is empty`, "remove the empty item or write its text");
    if (/\n\s*\n/.test(text)) fields.fail(`item ${index + 1} has more than one paragraph`, "keep each highlight to one short line");
    return text;
  });
  return { type: "highlights", items: texts };
}

export function renderHighlights(element: StoryHighlights, context: RenderContext): SafeHtml {
  const heading = trustedHtml(`h${context.headingLevel}`);
  const items = element.items.map(
    (item) => html`<li class="newsroom-highlights__item">${trustedHtml(renderInlineWords(context.markdown, item, context.env))}</li>\n`,
  );
  const list = html`<ul class="newsroom-highlights__list">
${items}</ul>`;
  if (context.landmark === false) {
    return html`<div class="newsroom-highlights newsroom-highlights--card">
<${heading} class="newsroom-highlights__heading">${context.labels.highlightsHeading}</${heading}>
${list}
</div>`;
  }
  const id = context.ids.claim("newsroom-highlights");
  return html`<section class="newsroom-highlights" aria-labelledby="${id}">
<${heading} class="newsroom-highlights__heading" id="${id}">${context.labels.highlightsHeading}</${heading}>
${list}
</section>`;
}
