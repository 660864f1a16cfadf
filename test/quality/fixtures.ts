/**
 * Fixture sites for the quality gates: every element, in every syntax the README documents, on whole documents (so
 * html-validate's document preset applies). Each page's own layout is a real HTML document; stories written with
 * front matter go through a story layout that uses the filters, as the README's layout does.
 */
import { buildSite, type BuildOptions, type BuiltPage, type SiteFiles } from "../helpers/eleventy.js";
import { fixturePhotos } from "../helpers/images.js";

/**
 * Eleventy's quietMode does not reach its "Configuration" benchmarks (created before the mode is read), which warn when
 * a transform takes more than 8% of a build: true of small and of very big sites, and noise in a test's output.
 */
export const quietBenchmarks = (eleventyConfig: { benchmarks?: { config?: { setIsVerbose(verbose: boolean): void } } }) =>
  eleventyConfig.benchmarks?.config?.setIsVerbose(false);

/** `buildSite`, without Eleventy's benchmark warnings. */
export function buildQuietly(files: SiteFiles, build: BuildOptions = {}): Promise<Map<string, BuiltPage>> {
  return buildSite(files, {
    ...build,
    configure(eleventyConfig) {
      quietBenchmarks(eleventyConfig);
      build.configure?.(eleventyConfig);
    },
  });
}

/**
 * A minimal, valid HTML document around whatever a page renders. With `heading`, the page's title is its h1 (for
 * pages that have none of their own). The <title> is cut to 60 characters (html-validate's long-title: README's
 * headline is longer, as headlines are; the example site gives its story a short title). `{% newsroomAssets %}` links
 * the video's stylesheet and script where a page needs them, as README's layout does.
 */
export function documentLayout(heading: boolean): string {
  return `<!doctype html>
<html lang="{{ lang or 'en' }}"{% if dir %} dir="{{ dir }}"{% endif %}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ (title or page.url) | truncate(60) }}</title>
{% newsroomAssets %}
</head>
<body>
<main>
${heading ? "<h1>{{ title or page.url }}</h1>\n" : ""}{{ content | safe }}
</main>
</body>
</html>
`;
}
const DOCUMENT_LAYOUT = documentLayout(true);

/** A story layout in the README's style: the lead image or video, the highlights and the dateline come from front matter. */
const STORY_LAYOUT = `---
layout: document.njk
---
<article>
<p>Published {{ page.date | newsroomTime }} ({{ page.date | newsroomDate }}, {{ page.date | newsroomIsoDate }})</p>
{{ image | newsroomImage("lead") }}
{{ video | newsroomVideo("lead") }}
{{ highlights | newsroomHighlights }}
{{ dateline | newsroomDateline }}
{{ content | safe }}
</article>
`;

const YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s&list=PL0123456789";
const YOUTUBE_SHORT = "https://youtu.be/dQw4w9WgXcQ";
const SHORTS = "https://www.youtube.com/shorts/dQw4w9WgXcQ";
const VIMEO = "https://vimeo.com/76979871";
const VIMEO_UNLISTED = "https://player.vimeo.com/video/76979871?h=abcdef12";
const FILE = "/media/briefing.mp4";
const PAGE = "https://edition.cnn.com/2017/05/18/politics/tillerson-mexico-drug-trade/index.html";

/** A story in Markdown: front matter elements through the story layout, and every `:::` container in the body. */
const MARKDOWN_STORY = `---
title: A story in Markdown
date: 2017-05-18
tags: story
layout: story.njk
dateline: WASHINGTON (CNN) —
video:
  url: ${YOUTUBE}
  title: The lead video, from YouTube
  duration: "01:45"
  source: CNN
  poster: /media/lead.jpg
  posterAlt: Rex Tillerson at a lectern
  posterCredit: "Photo: Jane Doe"
  description: The Secretary of State speaks to reporters.
highlights:
  - 'Secretary Tillerson: "We Americans must own this problem"'
  - Mexican foreign minister on *the blame game*
  - A highlight with a [link](/stories/nunjucks/) and \`code\`
---
We Americans must own this problem. It is ours, the Secretary said.

::: pullquote speaker="Rex Tillerson" role="US Secretary of State"
We Americans must own this problem.
:::

::: quote speaker="Luis Videgaray" role="Mexican Foreign Secretary"
We need to overcome the *blame game* and the [finger-pointing](https://example.com/finger) aspect.

- a list inside the quote
- with two items

\`\`\`
code with a blank line

inside the quote
\`\`\`
:::

::: video url="${VIMEO}" title="A Vimeo video" duration="2:30" description="Played with dnt=1."
:::

::: video url="${VIMEO_UNLISTED}" title="An unlisted Vimeo video" aspectRatio="4/3"
:::

::: video url="${FILE}" title="The briefing, in full" duration="1:02:03" poster="/media/briefing.jpg" posterAlt="Officials at the lectern" posterCredit="Photo: the State Department"
:::

::: video url="${PAGE}" title="Where does America's heroin come from?" duration="PT1M45S" source="CNN" poster="/media/heroin.jpg" posterAlt=""
:::

::: video url="${SHORTS}" title="A YouTube Short"
:::

> A blockquote of the story's own, holding an element:
>
> ::: quote speaker="John Kelly"
> The United States is indeed the magnet that feeds drug smuggling.
> :::

- A list item holding an element:

  ::: quote speaker="John Kelly" role="US Secretary of Homeland Security"
  We have to develop a comprehensive drug demand reduction program.
  :::

{% dateline "MEXICO CITY" %}

After the elements, the story goes on.
`;

/** A story in Markdown whose highlights are a `:::` block (not front matter). */
const MARKDOWN_HIGHLIGHTS_STORY = `---
title: Highlights written in Markdown
date: 2017-05-17T14:30:00-04:00
tags: story
---
::: highlights
- One thing to know, with *emphasis*
- Another thing to know, with a [link](/stories/markdown/)
:::

The body of the story.
`;

const NUNJUCKS_STORY = `---
title: A story in Nunjucks
date: 2017-05-16
tags: story
---
<article>
{% dateline "WASHINGTON (CNN)" %}
{% highlights %}
- One thing to know
- Another thing to know
{% endhighlights %}
<p>He said the words once, here: we need to overcome the blame game.</p>
{% pullquote speaker="Luis Videgaray" %}We need to overcome the blame game{% endpullquote %}
{% quote speaker="John Kelly", role="US Secretary of Homeland Security" %}
The United States is indeed the magnet that feeds drug smuggling.
{% endquote %}
{% video url="${VIMEO}", title="A Vimeo video", duration="2:30", source="Vimeo" %}
{% video url="${YOUTUBE_SHORT}", title="A YouTube video", poster="/media/youtube.jpg", posterAlt="A frame of the video" %}
</article>
`;

const LIQUID_STORY = `---
title: A story in Liquid
date: 2017-05-15
tags: story
clip:
  url: ${FILE}
  title: The briefing, in full
  duration: "1:02:03"
  poster: /media/briefing.jpg
  posterAlt: Officials at the lectern
page_video:
  url: ${PAGE}
  title: The report on CNN
said:
  text: We really have to own up to that.
  speaker: Rex Tillerson
points:
  - First point
  - Second point
---
<article>
{% dateline "MEXICO CITY" %}
<h2>In short</h2>
{{ points | newsroomHighlights: 3 }}
<p>We really have to own up to that, he said.</p>
{% quote "Rex Tillerson", "US Secretary of State" %}We really have to own up to that.{% endquote %}
{% pullquote "Rex Tillerson" %}We really have to own up to that.{% endpullquote %}
{% video clip %}
{{ page_video | newsroomVideo }}
{% video "${VIMEO}", "A Vimeo video", "2:30", "Vimeo" %}
{{ said | newsroomQuote }}
</article>
`;

const JAVASCRIPT_STORY = `export const data = {
  title: "A story in JavaScript",
  date: "2017-05-14",
  tags: "story",
  video: { url: "${YOUTUBE_SHORT}", title: "A YouTube video" },
};

export function render(data) {
  return "<article>" +
    this.dateline({ text: "LONDON" }) +
    this.highlights("- One\\n- Two\\n") +
    "<p>We know what we own, he said.</p>" +
    this.pullquote("We know what we own.", { speaker: "Rex Tillerson" }) +
    this.quote("We know what we own.", { speaker: "Rex Tillerson", role: "US Secretary of State" }) +
    this.video(data.video) +
    this.video({ url: "${FILE}", title: "A file", poster: "/media/file.jpg", posterAlt: "A still" }) +
    "</article>";
}
`;

/** Listing pages over the collections, as the README and the example site write them. */
const FRONT_PAGE = `---
title: Front page
eleventyImport:
  collections: ["story"]
---
<ol>
{%- for story in collections.stories %}
<li>
<h2><a href="{{ story.url }}">{{ story.data.title }}</a></h2>
<p>{{ story.date | newsroomTime }}</p>
{{ story.data.highlights | newsroomHighlights(3) }}
</li>
{%- endfor %}
</ol>
`;

const QUOTES_PAGE = `---
title: Quotes
permalink: /quotes/
eleventyImport:
  collections: ["story"]
---
{%- for speaker, quotes in collections.quotes | groupby("speaker") %}
<h2>{{ speaker }}</h2>
{%- for quote in quotes %}
{{ quote | newsroomQuote }}
<p>From <a href="{{ quote.story.url }}">{{ quote.story.title }}</a></p>
{%- endfor %}
{%- endfor %}
`;

const VIDEOS_PAGE = `---
title: Videos
permalink: /videos/
eleventyImport:
  collections: ["story"]
---
{%- for video in collections.videos %}
<h2><a href="{{ video.story.url }}">{{ video.story.title }}</a></h2>
{{ video | newsroomVideo }}
{%- endfor %}
`;

const PULL_QUOTES_PAGE = `---
title: Pull quotes, as filters
permalink: /pull-quotes/
eleventyImport:
  collections: ["story"]
said:
  text: We know what we own.
  speaker: Rex Tillerson
  role: US Secretary of State
---
<p>We know what we own, he said.</p>
{{ said | newsroomPullQuote }}
{{ "SANTIAGO" | newsroomDateline }}
`;

/** Liquid's filter arguments, on a page that is not a story (stories: see the lead-video tests in html-validate.test.ts). */
const LIQUID_FILTERS_PAGE = `---
title: Liquid filters
permalink: /liquid-filters/
clip:
  url: ${YOUTUBE}
  title: A lead video, in Liquid
  poster: /media/lead.jpg
  posterAlt: Rex Tillerson at a lectern
points:
  - First point
  - Second point
---
{{ clip | newsroomVideo: "lead" }}
<h2>Section</h2>
<h3>Subsection</h3>
{{ points | newsroomHighlights: 4 }}
<p>{{ "2017-05-18T12:45:00-04:00" | newsroomTime }}, {{ "2017-05-18" | newsroomDate }}, {{ "2017-05-18T12:45:00Z" | newsroomIsoDate }}</p>
`;

/** Right-to-left text: the site sets `lang` and `dir` on the document, the plugin just renders the words. */
const RIGHT_TO_LEFT_STORY = `---
title: قصة باللغة العربية
lang: ar
dir: rtl
date: 2017-05-13
tags: story
layout: story.njk
dateline: القاهرة
image:
  src: /media/cairo.jpg
  alt: الوزير أمام الصحفيين
  caption: المؤتمر الصحفي في القاهرة
  credit: "تصوير: جين دو"
---
::: highlights
- النقطة الأولى
- הנקודה השנייה
:::

قال الوزير: علينا أن نتحمل المسؤولية.

::: quote speaker="ריקס טילרסון" role="מזכיר המדינה"
علينا أن نتحمل المسؤولية.
:::
`;

/**
 * The site: every element in every syntax (Markdown containers, Markdown with shortcodes, Nunjucks, Liquid, 11ty.js,
 * front matter through filters), every video provider, the time filters, and the collections' listing pages.
 */
export const EVERY_ELEMENT_SITE = {
  "_includes/document.njk": DOCUMENT_LAYOUT,
  "_includes/story.njk": STORY_LAYOUT,
  // Global data: every page is laid out in the document unless it names a layout of its own.
  "_data/layout.json": JSON.stringify("document.njk"),
  "stories/stories.11tydata.json": JSON.stringify({ permalink: "/stories/{{ page.fileSlug }}/" }),
  "stories/markdown.md": MARKDOWN_STORY,
  "stories/markdown-highlights.md": MARKDOWN_HIGHLIGHTS_STORY,
  "stories/nunjucks.njk": NUNJUCKS_STORY,
  "stories/liquid.liquid": LIQUID_STORY,
  "stories/javascript.11ty.js": JAVASCRIPT_STORY,
  "stories/right-to-left.md": RIGHT_TO_LEFT_STORY,
  "index.njk": FRONT_PAGE,
  "quotes.njk": QUOTES_PAGE,
  "videos.njk": VIDEOS_PAGE,
  "pull-quotes.njk": PULL_QUOTES_PAGE,
  "liquid-filters.liquid": LIQUID_FILTERS_PAGE,
  // Posters and story images are read by the image pipeline, so the files are there.
  ...fixturePhotos("media/lead.jpg", "media/briefing.jpg", "media/heroin.jpg", "media/youtube.jpg", "media/file.jpg", "media/cairo.jpg"),
} satisfies SiteFiles;

/** The same site in another language: every label, the locale and the time zone set by options. */
export const TRANSLATED_OPTIONS = {
  labels: {
    highlightsHeading: "Lo esencial",
    videoSource: "Fuente: {source}",
    playVideo: "Reproducir el vídeo",
    datelineSeparator: "–",
  },
  locale: "es-MX",
  timeZone: "America/Mexico_City",
} as const;
