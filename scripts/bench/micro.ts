/**
 * The plugin's own work per story, in one process, without Eleventy: what the collections' read and the page render
 * cost for the bench's synthetic stories, against markdown-it rendering the same stories with the elements already
 * written as HTML (what plain Eleventy's render does). Wall time of a build varies by ±30 % on a shared machine; this
 * isolates the part the plugin adds, so a change to it can be seen in a minute.
 *
 *   npm run bench:micro                          (4,000 stories, 5 warm passes)
 *   npm run bench:micro -- --stories 1000 --rounds 10
 *
 * It loads the published build (`dist/`) through a stand-in for Eleventy's config that runs the plugin's own
 * `amendLibrary` and collection callbacks, so the code measured is the code a site runs. "Cold" is the first pass
 * over the stories in a fresh process (as in a build, where the collections run before V8 has optimised anything);
 * "warm" is the median of later passes.
 */
import { parseArgs } from "node:util";
import MarkdownIt from "markdown-it";
import newsroom from "eleventy-plugin-newsroom";
import { makeStory, StaticRenderer, storySource, ELEMENTS_PER_STORY } from "./corpus.js";
import { median } from "./stats.js";

const { values } = parseArgs({
  options: {
    stories: { type: "string", default: "4000" },
    rounds: { type: "string", default: "5" },
  },
});
const count = Number(values.stories);
const rounds = Number(values.rounds);

interface Item {
  inputPath: string;
  url: string;
  date: Date;
  data: Record<string, unknown>;
  rawInput: string;
}

function bodyOf(source: string): string {
  return source.slice(source.indexOf("\n---\n") + 5);
}

const renderer = new StaticRenderer();
const stories = Array.from({ length: count }, (_, index) => makeStory(index));
const pluginBodies = stories.map((story) => bodyOf(storySource(story, "plugin", renderer)));
const plainBodies = stories.map((story) => bodyOf(storySource(story, "plain", renderer)));

/** Eleventy's markdown-it, with the plugin applied through its real entry point. */
function pluginSite(): { md: MarkdownIt; before: () => void; collections: Map<string, (api: unknown) => unknown> } {
  const md = new MarkdownIt({ html: true }).disable("code");
  const collections = new Map<string, (api: unknown) => unknown>();
  const listeners: Array<() => void> = [];
  const config = new Proxy(
    {
      versionCheck: () => undefined,
      amendLibrary: (_name: string, amend: (md: MarkdownIt) => void) => amend(md),
      addCollection: (name: string, callback: (api: unknown) => unknown) => collections.set(name, callback),
      on: (event: string, listener: () => void) => {
        if (event === "eleventy.before") listeners.push(listener);
      },
      getFilter: () => () => "",
    } as Record<string, unknown>,
    { get: (target, key) => (typeof key === "string" && key in target ? target[key] : () => undefined) },
  );
  newsroom(config as never, { images: false });
  return { md, before: () => listeners.forEach((listener) => listener()), collections };
}

const site = pluginSite();
const plainMd = new MarkdownIt({ html: true }).disable("code");
const items: Item[] = stories.map((story, index) => ({
  inputPath: `./src/${story.file}`,
  url: `/${story.file.replace(/\.md$/, "")}/`,
  date: new Date(story.date),
  data: { title: story.title, tags: ["story"] } as Record<string, unknown>,
  rawInput: pluginBodies[index]!,
}));
for (const item of items) item.data["page"] = { inputPath: item.inputPath, rawInput: item.rawInput, url: item.url };
const api = { getFilteredByTag: () => items };

const pluginPages: string[] = [];
const plainPages: string[] = [];

function plugin(): { read: number; render: number } {
  site.before();
  const start = performance.now();
  for (const callback of site.collections.values()) callback(api);
  const read = performance.now();
  for (let index = 0; index < items.length; index++) pluginPages[index] = site.md.render(items[index]!.rawInput, { page: items[index]!.data["page"] });
  return { read: read - start, render: performance.now() - read };
}

function plain(): number {
  const start = performance.now();
  for (let index = 0; index < plainBodies.length; index++) plainPages[index] = plainMd.render(plainBodies[index]!, {});
  return performance.now() - start;
}

/** The two ways must write the same pages, or the comparison means nothing. */
function checkSamePages(): void {
  const differing = pluginPages.findIndex((page, index) => page !== plainPages[index]);
  if (differing !== -1) throw new Error(`${stories[differing]!.file}: the plugin's render differs from the plain one:\n${pluginPages[differing]}\n---\n${plainPages[differing]}`);
  console.log(`All ${count} story bodies render to the same HTML both ways.`);
}

const perStory = (ms: number) => `${((ms * 1000) / count).toFixed(1)} µs`;
const results: Array<{ read: number; render: number; plain: number }> = [];
for (let round = 0; round <= rounds; round++) {
  const a = plugin();
  const b = plain();
  results.push({ ...a, plain: b });
  if (round === 0) checkSamePages();
  const label = round === 0 ? "cold" : `warm ${round}`;
  console.log(
    `${label.padEnd(7)} plugin: read ${perStory(a.read)} + render ${perStory(a.render)} = ${perStory(a.read + a.render)} a story; plain render ${perStory(b)}; added ${perStory(a.read + a.render - b)}`,
  );
}
const warm = results.slice(1);
const added = median(warm.map((r) => r.read + r.render - r.plain));
const best = (pick: (r: (typeof results)[number]) => number) => Math.min(...warm.map(pick));
console.log(
  `\n${count} stories, median of ${rounds} warm passes: read ${perStory(median(warm.map((r) => r.read)))}, render ${perStory(median(warm.map((r) => r.render)))}, plain ${perStory(median(warm.map((r) => r.plain)))}; ` +
    `the plugin adds ${perStory(added)} a story, ${((added * 1000) / count / ELEMENTS_PER_STORY).toFixed(1)} µs an element (cold: ${perStory(results[0]!.read + results[0]!.render - results[0]!.plain)})`,
);
// The fastest pass is the least disturbed by other work on the machine: the figure to compare two versions with.
console.log(`fastest warm passes: read ${perStory(best((r) => r.read))}, render ${perStory(best((r) => r.render))}, plain ${perStory(best((r) => r.plain))}; the plugin adds ${perStory(best((r) => r.read) + best((r) => r.render) - best((r) => r.plain))} a story`);
