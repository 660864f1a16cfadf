import { html, type SafeHtml } from "../html.js";
import type { PullQuote, Quote } from "../types.js";

export function renderAttribution(element: Quote | PullQuote): SafeHtml {
  const role = element.role ? html`<span class="newsroom-attribution__separator">, </span><span class="newsroom-attribution__role">${element.role}</span>` : "";
  return html`<span class="newsroom-attribution__speaker">${element.speaker}</span>${role}`;
}
