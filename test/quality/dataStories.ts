/**
 * A news site whose stories come from data, the way many newsrooms on Eleventy get theirs: a wire feed in global data
 * with one page per item (pagination), stories with computed titles, elements in an include, a macro, a Liquid
 * `{% render %}` partial and an 11ty.js render function, and two stories that are in no listing (`permalink: false`,
 * `eleventyExcludeFromCollections`). Every element's words are the seed story's. Used by the collections' test
 * (test/plugin/dataStories.test.ts).
 */

/** The speakers and words of the seed story, which the feed's items take in turn. */
const SPEAKERS = [
  { speaker: "Rex Tillerson", role: "US Secretary of State", text: "We Americans must own this problem. It is ours." },
  { speaker: "Luis Videgaray", role: "Mexican Foreign Secretary", text: "We need to overcome the blame game and the finger-pointing aspect." },
  { speaker: "John Kelly", role: "US Secretary of Homeland Security", text: "The most important thing we can do is reduce the drug demand." },
] as const;

export interface WireItem {
  slug: string;
  headline: string;
  body: string[];
  highlights?: string[];
  quote?: { speaker: string; role: string; text: string };
  pullquote?: { speaker: string; text: string };
  video?: { url: string; title: string; duration: string };
  /** A pull quote the included box renders. */
  box?: { speaker: string; text: string };
  /** A quote the macro renders. */
  fact?: { speaker: string; text: string };
}

/** The feed: `count` items, each with a different mix of elements (some with none). */
export function wireFeed(count: number): WireItem[] {
  return Array.from({ length: count }, (_, index) => {
    const said = SPEAKERS[index % SPEAKERS.length]!;
    const other = SPEAKERS[(index + 1) % SPEAKERS.length]!;
    const number = index + 1;
    const item: WireItem = {
      slug: `wire-${number}`,
      headline: `Wire report ${number}: ${said.speaker} on the drug trade`,
      body: [`${said.speaker} said: "${said.text}"`, `Report ${number} of the joint Cabinet-level meetings in Washington.`],
    };
    if (index % 2 === 0) item.highlights = [`${said.speaker}: "${said.text.split(".")[0]}"`, `Report ${number} from Washington`];
    if (index % 3 !== 2) item.quote = { ...other };
    // A pull quote repeats the item's own words (its body says them).
    if (index % 4 === 1) item.pullquote = { speaker: said.speaker, text: said.text };
    if (index % 5 === 0) item.video = { url: `https://vimeo.com/${76979871 + index}`, title: `Briefing ${number}, in full`, duration: `${1 + (index % 3)}:${String(index % 60).padStart(2, "0")}` };
    if (index % 6 === 3) item.box = { speaker: said.speaker, text: said.text };
    if (index % 7 === 4) item.fact = { speaker: other.speaker, text: `Report ${number}: ${other.text}` };
    return item;
  });
}

/** The story layout: the front matter's lead video and highlights above the content, as README's layout does. */
const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title>{% newsroomAssets %}</head>
<body><main><article><h1>{{ title }}</h1>
{{ video | newsroomVideo("lead") }}
{{ highlights | newsroomHighlights }}
<div class="story-body">{{ content | safe }}</div>
</article></main></body>
</html>
`;

export const WIRE_ITEMS = 60;

/** The site's files, Eleventy's input folder. */
export function dataStoriesSite(items = WIRE_ITEMS): Record<string, string> {
  return {
    "_includes/story.njk": LAYOUT,
    "_includes/box.njk": `{% if item.box %}<div class="box">{% pullquote speaker=item.box.speaker %}{{ item.box.text }}{% endpullquote %}</div>{% endif %}`,
    "_includes/macros.njk": `{% macro fact(given) %}{% if given %}{% quote speaker=given.speaker %}{{ given.text }}{% endquote %}{% endif %}{% endmacro %}`,
    "_includes/said.liquid": `{% quote who %}{{ words }}{% endquote %}`,
    "_data/wire.json": JSON.stringify(wireFeed(items), null, 2),
    // One page per item of the feed; every page is a story (addAllPagesToCollections), titled by its item.
    "wire.njk": `---
pagination:
  data: wire
  size: 1
  alias: item
  addAllPagesToCollections: true
tags: story
date: 2017-05-18
layout: story.njk
permalink: "/wire/{{ item.slug }}/"
eleventyComputed:
  title: "{{ item.headline }}"
---
{% from "macros.njk" import fact %}
{%- if item.highlights %}{{ item.highlights | newsroomHighlights | safe }}{% endif %}
{% for paragraph in item.body %}<p>{{ paragraph }}</p>
{% endfor %}
{%- if item.quote %}{% quote speaker=item.quote.speaker, role=item.quote.role %}{{ item.quote.text }}{% endquote %}{% endif %}
{% if item.pullquote %}{% pullquote speaker=item.pullquote.speaker %}{{ item.pullquote.text }}{% endpullquote %}{% endif %}
{% include "box.njk" %}
{{ fact(item.fact) }}
{% if item.video %}{{ item.video | newsroomVideo | trim | safe }}{% endif %}
`,
    // A Markdown story whose title is computed, with an element in an include and in its front matter.
    "stories/computed.md": `---
templateEngineOverride: njk,md
tags: story
date: 2017-05-19
layout: story.njk
headline: the blame game
eleventyComputed:
  title: "Videgaray on {{ headline }}"
highlights:
  - 'Mexican foreign minister: "We need to overcome the blame game"'
video:
  url: https://vimeo.com/76979871
  title: Where does America's heroin come from?
  duration: "01:45"
item:
  box:
    speaker: Luis Videgaray
    text: We need to overcome the blame game.
---
He said: we need to overcome the blame game.

{% include "box.njk" %}

::: quote speaker="Luis Videgaray" role="Mexican Foreign Secretary"
We need to overcome the blame game and the finger-pointing aspect.
:::

{% quote speaker="John Kelly" %}The most important thing we can do is reduce the drug demand.{% endquote %}
`,
    // Liquid: a partial rendered with {% render %}, whose scope holds no page.
    "stories/liquid.liquid": `---
title: Kelly on demand, in Liquid
tags: story
date: 2017-05-17
layout: story.njk
---
<p>Kelly spoke first.</p>
{% render "said.liquid", who: "John Kelly", words: "The most important thing we can do is reduce the drug demand." %}
`,
    // 11ty.js: elements made by the render function.
    "stories/script.11ty.js": `export const data = { title: "Tillerson, in JavaScript", tags: "story", date: "2017-05-16", layout: "story.njk" };
export function render() {
  return "<p>We Americans must own this problem. It is ours.</p>" +
    this.pullquote("We Americans must own this problem.", { speaker: "Rex Tillerson" }) +
    this.video({ url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", title: "A YouTube video" });
}
`,
    // No page of its own: in no listing.
    "stories/unpublished.md": `---
title: Not published
tags: story
date: 2017-05-20
permalink: false
---
::: quote speaker="Rex Tillerson"
Words of a story that has no page.
:::
`,
    // Its page is built, but it asks to be in no collection.
    "stories/excluded.md": `---
title: Excluded from the collections
tags: story
date: 2017-05-20
layout: story.njk
eleventyExcludeFromCollections: true
---
::: quote speaker="John Kelly"
Words of a story left out of the collections.
:::
`,
    // Listings that print the collections as JSON, as a listing page would read them.
    "listing.11ty.js": `export const data = { permalink: "/collections.json", eleventyExcludeFromCollections: true, eleventyImport: { collections: ["story"] } };
export function render({ collections }) {
  const story = (item) => item.story;
  return JSON.stringify({
    stories: collections.stories.map((item) => ({ url: item.url, title: item.data.title })),
    highlights: collections.highlights.map((item) => ({ story: story(item), items: item.items })),
    quotes: collections.quotes.map((item) => ({ story: story(item), type: item.type, speaker: item.speaker, role: item.role, text: item.text })),
    videos: collections.videos.map((item) => ({ story: story(item), url: item.url, title: item.title })),
  });
}
`,
  };
}
