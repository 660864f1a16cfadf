import { attributes, html, type SafeHtml } from "../html.js";
import { directionOf } from "../values/fields.js";
import type { PullQuote, Quote } from "../types.js";

/** `lang` and `dir` for words in another language than the page's, so they are pronounced, hyphenated and set right. */
export function languageAttributes(element: Quote | PullQuote): SafeHtml {
  return element.lang ? attributes({ lang: element.lang, dir: directionOf(element.lang) }) : html``;
}

export function renderAttribution(element: Quote | PullQuote): SafeHtml {
  const role = element.role ? html`<span class="newsroom-attribution__separator">, </span><span class="newsroom-attribution__role">${element.role}</span>` : "";
  return html`<span class="newsroom-attribution__speaker">${element.speaker}</span>${role}`;
}
