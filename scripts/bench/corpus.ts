/**
 * A synthetic newsroom for the benchmark: N stories of about 1 KB of text, each with story highlights (two items), two
 * quotes, a pull quote whose words repeat the body and a video, written twice:
 *
 * - `plugin`: the elements in the plugin's Markdown syntax (`::: quote speaker="…"`), built with the plugin;
 * - `plain`: the same elements already written as the HTML the plugin's core renders for them, built by plain Eleventy.
 *
 * Both use the same layout and the same Eleventy defaults, so the only difference is the plugin. The plain HTML is made
 * by the published core (`eleventy-plugin-newsroom/core`, i.e. `dist/src/`), so the two builds write the same bytes;
 * the bench checks that they do.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import MarkdownIt from "markdown-it";
import { createIdRegistry, DEFAULT_LABELS, inputWithBody, parseElement, renderElement, type ElementInput } from "eleventy-plugin-newsroom/core";

export type Variant = "plugin" | "plain";

/**
 * How the stories are written: `markdown`, one Markdown file per story; `data`, one paginated Nunjucks template over a
 * feed in global data (the way many news sites take a wire or headless-CMS feed), its elements rendered by shortcodes
 * from each item's fields.
 */
export type Corpus = "markdown" | "data";

/** One element as an author writes it: the attributes after `::: name`, and the lines between the markers. */
interface ElementSource {
  type: "highlights" | "quote" | "pullquote" | "video";
  attributes: Record<string, string>;
  body: string;
}

type Block = { kind: "paragraph"; text: string } | { kind: "element"; element: ElementSource };

export interface Story {
  file: string;
  title: string;
  date: string;
  blocks: Block[];
}

/** Elements per story, for the per-element cost. */
export const ELEMENTS_PER_STORY = 5;

/** A small deterministic generator (mulberry32), so every run builds the same newsroom. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ["The council", "The ministry", "Officials", "The mayor", "Investigators", "The committee", "Residents", "The agency", "Prosecutors", "The governor", "Analysts", "The court"];
const VERBS = ["approved", "rejected", "questioned", "delayed", "announced", "reviewed", "defended", "criticised", "expanded", "funded", "postponed", "published"];
const OBJECTS = [
  "the harbour budget",
  "a plan for new housing",
  "the report on water quality",
  "a tax on empty homes",
  "the transport strategy",
  "an inquiry into the fire",
  "the school building programme",
  "new rules for street trading",
  "the hospital's night service",
  "a study of air pollution",
  "the bridge repairs",
  "an agreement with the unions",
];
const TAILS = [
  "after a long debate on Tuesday",
  "despite protests outside the hall",
  "in a vote of seven to four",
  "as the deadline approached",
  "following months of pressure",
  "without giving a date",
  "with support from both parties",
  "amid questions about the cost",
];
const SPEAKERS: ReadonlyArray<[string, string]> = [
  ["Amara Okafor", "Mayor"],
  ["Jonas Lindqvist", "Finance Director"],
  ["Priya Raman", "Council Leader"],
  ["Tomás Herrera", "Chief Inspector"],
  ["Mei Tanaka", "Health Minister"],
  ["Samuel Adeyemi", "Union Secretary"],
  ["Claire Dubois", "Opposition Spokeswoman"],
  ["Rafael Costa", "Transport Commissioner"],
  ["Hannah Weiss", "Judge"],
  ["Omar Haddad", "Housing Advocate"],
  ["Lucía Fernández", "Environment Officer"],
  ["Daniel Novak", "Police Commissioner"],
];

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)]!;
}

function sentence(next: () => number): string {
  return `${pick(SUBJECTS, next)} ${pick(VERBS, next)} ${pick(OBJECTS, next)} ${pick(TAILS, next)}.`;
}

function paragraph(next: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(next)).join(" ");
}

function videoOf(index: number, next: () => number): Record<string, string> {
  const title = `Video: ${pick(OBJECTS, next)}`;
  const duration = `${1 + Math.floor(next() * 9)}:${String(Math.floor(next() * 60)).padStart(2, "0")}`;
  const id = Math.floor(next() * 36 ** 8)
    .toString(36)
    .padStart(8, "0");
  // The three kinds of address news sites use most: YouTube, Vimeo and a file of their own with its poster.
  switch (index % 3) {
    case 0:
      return { url: `https://www.youtube.com/watch?v=${id}abc`, title, duration, source: "Newsroom" };
    case 1:
      return { url: `https://vimeo.com/${100000 + index}`, title, duration, source: "Newsroom" };
    default:
      return { url: `/media/clip-${index}.mp4`, title, duration, source: "Newsroom", poster: `/media/clip-${index}.jpg`, posterAlt: `A frame of ${title}` };
  }
}

/** Story `index` (0-based), about 1 KB of body text around its five elements. */
export function makeStory(index: number): Story {
  const next = random(index + 1);
  const [speaker1, role1] = pick(SPEAKERS, next);
  const [speaker2, role2] = pick(SPEAKERS, next);
  const [speaker3, role3] = pick(SPEAKERS, next);
  const repeated = sentence(next);
  const day = new Date(Date.UTC(2024, 0, 1) + (index % 730) * 86_400_000).toISOString().slice(0, 10);
  const number = String(index + 1).padStart(5, "0");
  return {
    file: `story-${number}.md`,
    title: `Story ${index + 1}: ${pick(SUBJECTS, next)} ${pick(VERBS, next)} ${pick(OBJECTS, next)}`,
    date: day,
    blocks: [
      { kind: "element", element: { type: "highlights", attributes: {}, body: `- ${sentence(next)}\n- ${sentence(next)}` } },
      { kind: "paragraph", text: paragraph(next, 3) },
      { kind: "element", element: { type: "quote", attributes: { speaker: speaker1, role: role1 }, body: sentence(next) } },
      { kind: "paragraph", text: `${paragraph(next, 1)} ${repeated} ${paragraph(next, 1)}` },
      { kind: "element", element: { type: "pullquote", attributes: { speaker: speaker2, role: role2 }, body: repeated } },
      { kind: "paragraph", text: paragraph(next, 3) },
      { kind: "element", element: { type: "quote", attributes: { speaker: speaker3, role: role3 }, body: sentence(next) } },
      { kind: "element", element: { type: "video", attributes: videoOf(index, next), body: "" } },
      { kind: "paragraph", text: paragraph(next, 2) },
    ],
  };
}

/** `::: quote speaker="…" role="…"` … `:::`, as README documents it. */
function asContainer(element: ElementSource): string {
  const attributes = Object.entries(element.attributes)
    .map(([name, value]) => ` ${name}="${value.replace(/["\\]/g, "\\$&")}"`)
    .join("");
  return `::: ${element.type}${attributes}\n${element.body}${element.body ? "\n" : ""}:::`;
}

/** Renders elements with the published core, as the plugin renders them on a page built by Eleventy. */
export class StaticRenderer {
  // Eleventy's own Markdown setup: markdown-it with HTML allowed and indented code blocks off.
  readonly #markdown = new MarkdownIt({ html: true }).disable("code");

  /**
   * One page's elements share an id registry, as they do when the plugin renders the page. In Markdown an element is a
   * block without its last line break; a shortcode's output keeps it.
   */
  renderStory(story: Story, syntax: "markdown" | "nunjucks" = "markdown"): Map<ElementSource, string> {
    const ids = createIdRegistry();
    const out = new Map<ElementSource, string>();
    for (const block of story.blocks) {
      if (block.kind !== "element") continue;
      const { type, attributes, body } = block.element;
      const input = inputWithBody(type, attributes as ElementInput, type === "video" ? body || undefined : body, this.#markdown);
      const element = parseElement(type, input);
      const context = { markdown: this.#markdown, labels: DEFAULT_LABELS, headingLevel: 2 as const, ids, env: {} };
      const markup = renderElement(element, context).toString();
      out.set(block.element, syntax === "markdown" ? markup.replace(/\n$/, "") : markup);
    }
    return out;
  }
}

export function storySource(story: Story, variant: Variant, renderer: StaticRenderer): string {
  const rendered = variant === "plain" ? renderer.renderStory(story) : undefined;
  const body = story.blocks.map((block) => (block.kind === "paragraph" ? block.text : (rendered?.get(block.element) ?? asContainer(block.element))));
  return `---\ntitle: ${JSON.stringify(story.title)}\ndate: ${story.date}\n---\n${body.join("\n\n")}\n`;
}

const LAYOUT = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<link rel="stylesheet" href="/site.css">
</head>
<body>
<main>
<article>
<h1>{{ title }}</h1>
{{ content | safe }}
</article>
</main>
</body>
</html>
`;

/** Pages that list every element of every story through the plugin's collections and filters, as site/ does. */
const LISTING_PAGES: Record<string, string> = {
  "index.njk": `---
layout: listing.njk
eleventyImport:
  collections: ["story"]
---
{%- for story in collections.stories %}
<h2><a href="{{ story.url }}">{{ story.data.title }}</a></h2>
{%- endfor %}
`,
  "highlights.njk": `---
layout: listing.njk
permalink: /highlights/
eleventyImport:
  collections: ["story"]
---
{%- for highlights in collections.highlights %}
{{ highlights | newsroomHighlights(3) }}
<p><a href="{{ highlights.story.url }}">{{ highlights.story.title }}</a></p>
{%- endfor %}
`,
  "quotes.njk": `---
layout: listing.njk
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
`,
  "videos.njk": `---
layout: listing.njk
permalink: /videos/
eleventyImport:
  collections: ["story"]
---
{%- for video in collections.videos %}
<h2><a href="{{ video.story.url }}">{{ video.story.title }}</a></h2>
{{ video | newsroomVideo }}
{%- endfor %}
`,
};

const LISTING_LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Listing</title><link rel="stylesheet" href="/site.css"></head>
<body><main>
{{ content | safe }}
</main></body>
</html>
`;

/**
 * The newest-first collection of stories that a news site's front page needs, as a site without the plugin defines it:
 * the plugin's `stories` collection, in the same order. B has it unless the bench runs with `--bare-plain` (a
 * diagnostic: then B pays Eleventy for no collection at all).
 */
const PLAIN_STORIES_COLLECTION = `  eleventyConfig.addCollection("stories", (api) =>
    api.getFilteredByTag("story").slice().sort((a, b) => b.date - a.date || a.inputPath.localeCompare(b.inputPath)),
  );
`;

/**
 * The site's config. The plugin's config also times the plugin's collection callbacks (a wrapper around
 * `addCollection`, which costs two clock reads per call; the element collections' time includes the stories' renders,
 * which they ask Eleventy for) and, when asked, counts markdown-it parses of whole stories.
 */
function configFile(variant: Variant, plainStories = true): string {
  const shared = `export const config = { dir: { input: "src", output: "_site" } };\n`;
  if (variant === "plain") return `export default function (eleventyConfig) {\n${plainStories ? PLAIN_STORIES_COLLECTION : ""}}\n${shared}`;
  return `import newsroom, { DEFAULT_OPTIONS } from "eleventy-plugin-newsroom";

const bench = (globalThis.__newsroomBench ??= {
  collectionMs: 0,
  collectionCalls: 0,
  storyParses: { render: 0, collections: 0 },
  storyBlockParses: { render: 0, collections: 0 },
});

export default function (eleventyConfig) {
  const addCollection = eleventyConfig.addCollection.bind(eleventyConfig);
  eleventyConfig.addCollection = (name, callback) =>
    addCollection(name, (api) => {
      const start = performance.now();
      const done = () => {
        bench.collectionMs += performance.now() - start;
        bench.collectionCalls += 1;
      };
      let result;
      try {
        result = callback(api);
      } catch (error) {
        done();
        throw error;
      }
      // The element collections are async (they wait for the stories' renders): timed until they resolve.
      if (typeof result?.then === "function") return result.finally(done);
      done();
      return result;
    });
  // The synthetic posters are not image files: they are written as given, as the plain variant's pages have them.
  eleventyConfig.addPlugin(newsroom, "images" in DEFAULT_OPTIONS ? { images: false } : {});
  if (process.env.NEWSROOM_BENCH_COUNT_PARSES) {
    // Every markdown-it parse, whole or up to the block rules, starts with a core state; every block parse (what the
    // collections' read can hand to the render) with a block state.
    eleventyConfig.amendLibrary("md", (md) => {
      // A whole story (not an element's own text): Eleventy renders with its data cascade, the collections without.
      const count = (counts, source, env) => {
        if (source.includes("::: highlights")) counts[env && "collections" in env ? "render" : "collections"] += 1;
      };
      const State = md.core.State;
      md.core.State = class extends State {
        constructor(source, instance, env) {
          super(source, instance, env);
          count(bench.storyParses, source, env);
        }
      };
      const BlockState = md.block.State;
      md.block.State = class extends BlockState {
        constructor(source, instance, env, tokens) {
          super(source, instance, env, tokens);
          count(bench.storyBlockParses, source, env);
        }
      };
    });
  }
}
${shared}`;
}

/** Reports what only the build's own process knows; loaded with `node --import` before Eleventy. */
export const REPORTER = `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  const file = process.env.NEWSROOM_BENCH_REPORT;
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  if (file) writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs, ...globalThis.__newsroomBench }));
});
`;

/** The feed's item for a story: its elements as fields (the plugin renders them) or as HTML (plain Eleventy prints it). */
function feedItem(story: Story, variant: Variant, renderer: StaticRenderer): Record<string, unknown> {
  const rendered = variant === "plain" ? renderer.renderStory(story, "nunjucks") : undefined;
  return {
    slug: story.file.replace(/\.md$/, ""),
    title: story.title,
    blocks: story.blocks.map((block) =>
      block.kind === "paragraph"
        ? block
        : rendered
          ? { kind: "html", html: rendered.get(block.element) }
          : { kind: "element", type: block.element.type, attributes: block.element.attributes, body: block.element.body },
    ),
  };
}

/** One page per item of the feed; each page is a story with its own title. */
const FEED_FRONT_MATTER = `---
pagination:
  data: feed
  size: 1
  alias: story
  addAllPagesToCollections: true
tags: story
layout: story.njk
date: 2024-01-01
permalink: "/stories/{{ story.slug }}/"
eleventyComputed:
  title: "{{ story.title }}"
---
`;

/** The plugin's template renders each element from its fields with the shortcodes; plain Eleventy prints the HTML. */
const FEED_TEMPLATE: Record<Variant, string> = {
  plugin: `${FEED_FRONT_MATTER}{%- for block in story.blocks %}
{% if block.kind == "paragraph" %}<p>{{ block.text }}</p>
{% elif block.type == "highlights" %}{% highlights %}{{ block.body | safe }}{% endhighlights %}
{% elif block.type == "quote" %}{% quote speaker=block.attributes.speaker, role=block.attributes.role %}{{ block.body | safe }}{% endquote %}
{% elif block.type == "pullquote" %}{% pullquote speaker=block.attributes.speaker, role=block.attributes.role %}{{ block.body | safe }}{% endpullquote %}
{% elif block.type == "video" %}{% video block.attributes %}
{% endif %}
{%- endfor %}
`,
  plain: `${FEED_FRONT_MATTER}{%- for block in story.blocks %}
{% if block.kind == "paragraph" %}<p>{{ block.text }}</p>
{% else %}{{ block.html | safe }}
{% endif %}
{%- endfor %}
`,
};

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * Writes one site: `<root>/eleventy.config.mjs` and `<root>/src/…`. `repository` is linked as
 * `node_modules/eleventy-plugin-newsroom` under `workspace`, so the config imports the package by name through its
 * published entry point (`exports` → `dist/plugin/index.js`), as a user's site does.
 */
export function writeSite(
  root: string,
  variant: Variant,
  stories: number,
  options: { listing?: boolean; renderer: StaticRenderer; plainStories?: boolean | undefined; corpus?: Corpus },
): void {
  rmSync(root, { recursive: true, force: true });
  write(join(root, "eleventy.config.mjs"), configFile(variant, options.plainStories));
  write(join(root, "src/_includes/story.njk"), LAYOUT);
  if (options.corpus === "data") {
    const feed = Array.from({ length: stories }, (_, index) => feedItem(makeStory(index), variant, options.renderer));
    write(join(root, "src/_data/feed.json"), JSON.stringify(feed));
    write(join(root, "src/stories.njk"), FEED_TEMPLATE[variant]);
  } else {
    write(join(root, "src/stories/stories.11tydata.json"), JSON.stringify({ tags: "story", layout: "story.njk" }));
    for (let index = 0; index < stories; index++) {
      const story = makeStory(index);
      write(join(root, "src/stories", story.file), storySource(story, variant, options.renderer));
    }
  }
  if (options.listing) {
    write(join(root, "src/_includes/listing.njk"), LISTING_LAYOUT);
    for (const [file, text] of Object.entries(LISTING_PAGES)) write(join(root, "src", file), text);
  }
}

export function linkPackage(workspace: string, repository: string): void {
  const link = join(workspace, "node_modules/eleventy-plugin-newsroom");
  mkdirSync(dirname(link), { recursive: true });
  rmSync(link, { force: true });
  symlinkSync(repository, link, "dir");
}
