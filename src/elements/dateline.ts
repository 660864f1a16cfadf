import { ElementFields } from "../values/fields.js";
import { html, type SafeHtml } from "../html.js";
import type { RenderContext } from "../context.js";
import type { Dateline, ElementInput, SourceLocation } from "../types.js";

export function parseDateline(input: ElementInput, location: SourceLocation = {}): Dateline {
  const fields: ElementFields = new ElementFields("dateline", input, ["text"], location);
  // Authors often copy the dash along with the place ("CNN —"); the renderer adds it, so it is not doubled.
  const text = fields.requiredText("text", 'the place and/or agency, e.g. dateline: "WASHINGTON (CNN)"').replace(/\s*[—–-]+$/, "");
  if (text === "") fields.fail("the dateline is only a dash", 'write the place and/or agency, e.g. "CNN"');
  return { type: "dateline", text };
}

export function renderDateline(element: Dateline, context: RenderContext): SafeHtml {
  return html`<p class="newsroom-dateline"><span class="newsroom-dateline__text">${element.text}</span> <span class="newsroom-dateline__separator">${context.labels.datelineSeparator}</span></p>`;
}
