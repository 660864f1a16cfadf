/**
 * Everything a story page's `<head>` needs for machines, from one StoryMetadata: the canonical address, the social
 * cards and the JSON-LD, so they can never disagree with each other.
 */
import { html, type SafeHtml } from "../html.js";
import { socialCards } from "./socialCards.js";
import { jsonLdScript, storyDescription, storyGraph, type StoryGraphOptions } from "./structuredData.js";
import type { SiteMetadata, StoryMetadata } from "./types.js";

export type StoryHeadOptions = StoryGraphOptions;

/**
 * The description `<meta>`, `<link rel="canonical">`, the links to a live story's feeds of its updates, the Open Graph
 * and Twitter `<meta>` elements and the JSON-LD `<script>`, one a line. The description is the story's (or its
 * highlights), as search results show it.
 */
export function renderStoryHead(story: StoryMetadata, site: SiteMetadata, options: StoryHeadOptions = {}): SafeHtml {
  const description = storyDescription(story);
  const feeds = story.live?.feeds;
  return html`${description ? html`<meta name="description" content="${description}">
` : ""}<link rel="canonical" href="${story.canonical}">
${feeds ? html`<link rel="alternate" type="application/atom+xml" href="${feeds.atom}" title="${story.headline}">
<link rel="alternate" type="application/feed+json" href="${feeds.json}" title="${story.headline}">
` : ""}${socialCards(story, site)}
${jsonLdScript(storyGraph(story, site, options))}`;
}
