import type { Labels } from "../context.js";
import { readableDate, renderTime, type DateOptions } from "../values/dates.js";
import { escapeHtml, html, SafeHtml } from "../html.js";
import type { Author, StoryMetadata } from "./types.js";

/** Replaces `{name}` in a label with markup; the label's own words are escaped. */
export function labelWithMarkup(label: string, values: Readonly<Record<string, SafeHtml>>): SafeHtml {
  let out = "";
  let last = 0;
  for (const match of label.matchAll(/\{(\w+)\}/g)) {
    const value = values[match[1]!];
    if (!value) continue;
    out += escapeHtml(label.slice(last, match.index)) + value.toString();
    last = match.index + match[0].length;
  }
  return new SafeHtml(out + escapeHtml(label.slice(last)));
}

function authorName(author: Author): SafeHtml {
  return author.url
    ? html`<a class="newsroom-byline__author" href="${author.url}" rel="author">${author.name}</a>`
    : html`<span class="newsroom-byline__author">${author.name}</span>`;
}

/** "Ana and Ben" in English, "Ana y Ben" in Spanish: the locale's own way of joining a list, with markup per name. */
function joinedNames(authors: readonly Author[], locale: string): SafeHtml {
  const names = authors.map((author) => author.name);
  const parts = new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).formatToParts(names);
  let index = 0;
  return html`${parts.map((part) => (part.type === "element" ? authorName(authors[index++]!) : part.value))}`;
}

export interface BylineOptions {
  labels: Labels;
  dates: DateOptions;
}

/**
 * Who wrote the story and when: "By Ana Reporter", "Published …", and "Updated …" when it was updated or corrected.
 * A story without a byline is credited to its publisher, as the structured data credits it. The dateline ("CNN —")
 * is a separate element at the start of the body: it says where the story comes from, not when.
 */
export function renderByline(story: StoryMetadata, options: BylineOptions): SafeHtml {
  const { labels, dates } = options;
  const authors: Author[] = story.authors.length > 0 ? story.authors : [{ type: "Organization", name: story.publisher.name, url: story.publisher.url }];
  const published = labelWithMarkup(labels.published, { date: renderTime(story.published, dates, "newsroom-byline__date") });
  const updated = story.modified && readableDate(story.modified, dates) !== readableDate(story.published, dates)
    ? html` <span class="newsroom-byline__updated">${labelWithMarkup(labels.updated, { date: renderTime(story.modified, dates, "newsroom-byline__date") })}</span>`
    : "";
  return html`<div class="newsroom-byline">
<p class="newsroom-byline__authors">${labelWithMarkup(labels.byline, { authors: joinedNames(authors, dates.locale) })}</p>
<p class="newsroom-byline__dates"><span class="newsroom-byline__published">${published}</span>${updated}</p>
</div>
`;
}
