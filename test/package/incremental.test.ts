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

async function until(read: () => string | undefined, wanted: string, seconds: number): Promise<string> {
  const deadline = Date.now() + seconds * 1000;
  let last: string | undefined;
  while (Date.now() < deadline) {
    last = read();
    if (last?.includes(wanted)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`"${wanted}" did not appear within ${seconds} s; last: ${last?.slice(0, 300)}`);
}

test("editing a story's quote while watching updates the story page and the quotes page", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsroom-watch-"));
  write(site, {
    "package.json": JSON.stringify({ type: "module" }),
    "eleventy.config.js": `import newsroom from ${JSON.stringify(join(root, "dist/plugin/index.js"))};\nexport default function (eleventyConfig) { eleventyConfig.addPlugin(newsroom); }\n`,
    "src/story.md": story("We Americans must own this problem."),
    "src/other.md": `---\ntitle: Another story\ntags: story\ndate: 2017-05-17\n---\n::: quote speaker="John Kelly"\nThe United States is indeed the magnet.\n:::\n`,
    "src/quotes.njk": '---\npermalink: /quotes/\neleventyImport:\n  collections: ["story"]\n---\n{% for quote in collections.quotes %}{{ quote | newsroomQuote }}{% endfor %}',
  });
  const read = (path: string) => (existsSync(join(site, "_site", path)) ? readFileSync(join(site, "_site", path), "utf8") : undefined);
  eleventy = spawn(process.execPath, [join(root, "node_modules/@11ty/eleventy/cmd.cjs"), "--input=src", "--output=_site", "--watch", "--incremental"], { cwd: site, stdio: "pipe" });
  let log = "";
  eleventy.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  eleventy.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await until(() => read("quotes/index.html"), "We Americans must own this problem.", 30);
  // Edit only once Eleventy watches the files: an edit before that would go unseen.
  await until(() => log, "Watching", 30);

  // The watcher may still be settling after it says so: an edit it misses is written again (up to three times).
  let storyPage: string | undefined;
  for (let attempt = 1; !storyPage && attempt <= 3; attempt++) {
    write(site, { "src/story.md": story("We really have to own up to that.") });
    storyPage = await until(() => read("story/index.html"), "We really have to own up to that.", 10).catch(() => undefined);
  }
  expect(storyPage, "the story page was rebuilt").toBeDefined();
  const quotesPage = await until(() => read("quotes/index.html"), "We really have to own up to that.", 30);
  expect(readableText(parseDocument(storyPage!).querySelector("blockquote"))).toBe("We really have to own up to that.");
  expect([...parseDocument(quotesPage).querySelectorAll("blockquote")].map(readableText).sort()).toEqual(["The United States is indeed the magnet.", "We really have to own up to that."]);
}, 90_000);
