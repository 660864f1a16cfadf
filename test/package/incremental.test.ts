import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";
import { parseDocument, readableText } from "../helpers/html.js";

/**
 * `eleventy --watch --incremental`, as a writer previewing would run it: editing a story's quote updates the story
 * page and the quotes page, which declares the stories it lists with `eleventyImport`; the story that was not edited
 * (whose render Eleventy keeps from the first build) stays in the collections.
 */
const root = resolve(import.meta.dirname, "../..");
let eleventy: ChildProcess | undefined;

afterAll(() => {
  eleventy?.kill();
});

function write(site: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
}

const story = (words: string) => `---\ntitle: A story\ntags: story\n---\n::: quote speaker="Rex Tillerson"\n${words}\n:::\n`;

/** The test's time limit, given to vitest; every step below waits within the one deadline derived from it. */
const TEST_TIMEOUT_MS = 90_000;
/** Kept back from the test's timeout, so the deadline fails with its own message and Eleventy is stopped before vitest gives up. */
const CLEANUP_MARGIN_MS = 10_000;
/** How long one write of the edit is given before it is written again (the watcher may miss an early edit). */
const EDIT_RETRY_MS = 10_000;

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

interface Wait {
  /** When to stop waiting, as a `Date.now()` time. */
  deadline: number;
  /** What did not happen if the wait runs out, e.g. "the first build did not write quotes/index.html". */
  step: string;
  /** When the test started, for the message. */
  started: number;
  /** Eleventy's output so far, for the message. */
  log: () => string;
  /** Past the deadline, return undefined (so the caller can try again) instead of failing. */
  retry?: boolean;
}

/**
 * Polls `read` until its text includes `wanted`. Past `deadline` (a `Date.now()` time) it returns undefined if `retry`
 * is set, and otherwise fails, naming the `step` that was slow; it fails at once if Eleventy has exited.
 */
async function until(read: () => string | undefined, wanted: string, wait: Wait & { retry: true }): Promise<string | undefined>;
async function until(read: () => string | undefined, wanted: string, wait: Wait & { retry?: false }): Promise<string>;
async function until(read: () => string | undefined, wanted: string, { deadline, step, started, log, retry = false }: Wait): Promise<string | undefined> {
  let last: string | undefined;
  for (;;) {
    last = read();
    if (last?.includes(wanted)) return last;
    if (eleventy?.exitCode != null) throw new Error(`Eleventy exited (code ${eleventy.exitCode}), so ${step}; its output: ${log().slice(-1000)}`);
    if (Date.now() >= deadline) {
      if (retry) return undefined;
      throw new Error(
        `${step} within ${seconds(deadline - started)} (the test's one deadline, ${seconds(TEST_TIMEOUT_MS)} less ${seconds(CLEANUP_MARGIN_MS)} for cleanup): "${wanted}" did not appear; last: ${last?.slice(0, 300)}; Eleventy's output: ${log().slice(-1000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test("editing a story's quote while watching updates the story page and the quotes page", async () => {
  const started = Date.now();
  const deadline = started + TEST_TIMEOUT_MS - CLEANUP_MARGIN_MS;
  const site = mkdtempSync(join(tmpdir(), "newsroom-watch-"));
  write(site, {
    "package.json": JSON.stringify({ type: "module" }),
    // The config also logs every render of a story's Markdown, to count what a rebuild renders.
    "eleventy.config.js": `import newsroom from ${JSON.stringify(join(root, "dist/plugin/index.js"))};
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(newsroom);
  eleventyConfig.amendLibrary("md", (md) => md.core.ruler.push("count", (state) => { if (!state.inlineMode && state.env?.page) console.log("rendered " + state.env.page.inputPath); }));
}
`,
    "src/story.md": story("We Americans must own this problem."),
    "src/other.md": `---\ntitle: Another story\ntags: story\ndate: 2017-05-17\n---\n::: quote speaker="John Kelly"\nThe United States is indeed the magnet.\n:::\n`,
    "src/quotes.njk": '---\npermalink: /quotes/\neleventyImport:\n  collections: ["story"]\n---\n{% for quote in collections.quotes %}{{ quote | newsroomQuote }}{% endfor %}',
  });
  const read = (path: string) => (existsSync(join(site, "_site", path)) ? readFileSync(join(site, "_site", path), "utf8") : undefined);
  eleventy = spawn(process.execPath, [join(root, "node_modules/@11ty/eleventy/cmd.cjs"), "--input=src", "--output=_site", "--watch", "--incremental"], { cwd: site, stdio: "pipe" });
  let log = "";
  eleventy.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  eleventy.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const wait = { deadline, started, log: () => log };
  await until(() => read("quotes/index.html"), "We Americans must own this problem.", { ...wait, step: "the first build did not write quotes/index.html" });
  // Edit only once Eleventy watches the files: an edit before that would go unseen.
  await until(() => log, "Watching", { ...wait, step: "Eleventy did not say it was watching" });

  // The watcher may still be settling after it says so: an edit it misses is written again, every few seconds, until
  // the one deadline.
  let storyPage: string | undefined;
  let writes = 0;
  while (!storyPage && Date.now() < deadline) {
    write(site, { "src/story.md": story("We really have to own up to that.") });
    writes++;
    storyPage = await until(() => read("story/index.html"), "We really have to own up to that.", {
      ...wait,
      deadline: Math.min(deadline, Date.now() + EDIT_RETRY_MS),
      step: "the edit did not reach story/index.html",
      retry: true,
    });
  }
  expect(storyPage, `the edit did not reach story/index.html within ${seconds(deadline - started)} (the test's one deadline; the edit was written ${writes} times)`).toBeDefined();
  const quotesPage = await until(() => read("quotes/index.html"), "We really have to own up to that.", { ...wait, step: "the edit did not reach quotes/index.html after the story page was rebuilt" });
  expect(readableText(parseDocument(storyPage!).querySelector("blockquote"))).toBe("We really have to own up to that.");
  // The collections take the unedited story's elements from the render Eleventy kept: a rebuild renders only the edit.
  const afterFirstBuild = log.slice(log.indexOf("Watching"));
  expect(afterFirstBuild).toContain("rendered ./src/story.md");
  expect(afterFirstBuild).not.toContain("rendered ./src/other.md");
  expect([...parseDocument(quotesPage).querySelectorAll("blockquote")].map(readableText).sort()).toEqual(["The United States is indeed the magnet.", "We really have to own up to that."]);
}, TEST_TIMEOUT_MS);
