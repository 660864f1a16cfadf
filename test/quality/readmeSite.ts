/**
 * README's code blocks, read as the sites they make. test/readme.test.ts builds and checks every site; the html-validate
 * gate validates README's pages with `buildReadmeSite`.
 *
 * The convention, in each block's info string after the language (Markdown renderers show only the language):
 *
 * - `file=PATH`: the block is the whole file PATH of a site (a config, a layout, a story). PATH is relative to the
 *   site's folder, which is also Eleventy's input folder (Eleventy's defaults, as a new site has them).
 * - `site=NAME`: the site the block belongs to; without it, README's main site (`readme`). Each site is declared in
 *   README_SITES below, so a block cannot name a site that no test builds.
 * - `part=PATH`: the block is an excerpt, verbatim, of the file PATH of its site, shown where the text needs it.
 * - `output=PATH`: the block is HTML that the page built from PATH renders, with `…` for what is left out; the test
 *   compares it element by element with the built page.
 *
 * A block with none of these must be in a language listed in EXEMPT_LANGUAGES, with the reason; any other block fails
 * the test, so no code example can be added to README without being run.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import Eleventy from "@11ty/eleventy";
import sharp from "sharp";
import { FIXTURE_JPEG } from "../helpers/images.js";
import { filesUnder, REPOSITORY } from "../helpers/exampleSite.js";
import { documentLayout, quietBenchmarks } from "./fixtures.js";

/** README's main site: the blocks with no `site=`. */
export const MAIN_SITE = "readme";

/** Languages whose blocks are not code examples to run, and why. */
export const EXEMPT_LANGUAGES: Readonly<Record<string, string>> = {
  sh: "commands for the reader's terminal, not code examples: npm install reaches the registry and npm start serves until it is stopped (the sites here are installed by linking this package into node_modules)",
  text: "a program's output (the error message a bad element gives), shown as the reader meets it, not code",
};

export type ReadmeBlockKind = "file" | "part" | "output" | "exempt" | "unrun";

export interface ReadmeBlock {
  /** The line of the opening fence, for messages. */
  line: number;
  language: string;
  kind: ReadmeBlockKind;
  site: string;
  /** The file the block is, is part of, or is the output of. */
  path?: string;
  text: string;
}

const ATTRIBUTES = new Set(["site", "file", "part", "output"]);

/** Every fenced code block of README, classified by its info string. */
export function readmeBlocks(readme = readFileSync(join(REPOSITORY, "README.md"), "utf8")): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  for (const match of readme.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)) {
    const [language = "", ...words] = match[1]!.trim().split(/\s+/);
    const info: Record<string, string> = {};
    const line = readme.slice(0, match.index).split("\n").length;
    for (const word of words) {
      const [key, value] = word.split("=", 2);
      if (!ATTRIBUTES.has(key!) || !value) throw new Error(`README.md:${line}: unknown "${word}" in a code block's info string (known: ${[...ATTRIBUTES].map((name) => `${name}=…`).join(", ")})`);
      info[key!] = value;
    }
    const kinds = (["file", "part", "output"] as const).filter((kind) => info[kind] !== undefined);
    if (kinds.length > 1) throw new Error(`README.md:${line}: a block is one of file=, part= or output=, not ${kinds.join(" and ")}`);
    const kind: ReadmeBlockKind = kinds[0] ?? (language in EXEMPT_LANGUAGES ? "exempt" : "unrun");
    blocks.push({ line, language, kind, site: info["site"] ?? MAIN_SITE, path: kinds[0] && info[kinds[0]], text: match[2]! });
  }
  return blocks;
}

interface ReadmeSiteDefinition {
  /** What the site shows. */
  purpose: string;
  /** The templates of another site (its stories, layouts and listing page) that this one builds under its own config. */
  templatesOf?: string;
  /** Files README names but cannot show (images), made here. */
  assets?: () => Promise<Record<string, Uint8Array>>;
}

/**
 * A 1200×800 JPEG, the size README's image example shows: the image pipeline reads it as a photograph (it is a few
 * flat shapes, so its AVIF and WebP encode quickly).
 */
let photo: Promise<Uint8Array> | undefined;
export function readmePhoto(): Promise<Uint8Array> {
  photo ??= sharp(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="#2d3a42"/><circle cx="820" cy="330" r="190" fill="#b85347"/><rect x="150" y="560" width="750" height="110" fill="#e9e5dc"/></svg>',
    ),
  )
    .jpeg({ quality: 70 })
    .toBuffer()
    .then((bytes) => new Uint8Array(bytes));
  return photo;
}

/** The small fixture JPEG at the paths README's stories name, for the sites that build them under another config. */
const storyAssets = async () => ({ "media/briefing.jpg": FIXTURE_JPEG, "assets/tillerson.jpg": FIXTURE_JPEG });

/** Every site README's blocks make. A block's `site=` must be one of these. */
export const README_SITES: Readonly<Record<string, ReadmeSiteDefinition>> = {
  [MAIN_SITE]: {
    purpose: "the quick start: the ESM config, a page layout, stories in every syntax, the story layout, a listing page",
    // The Liquid story's poster, and the lead image at the size README's output example shows.
    assets: async () => ({ "media/briefing.jpg": FIXTURE_JPEG, "assets/tillerson.jpg": await readmePhoto() }),
  },
  typescript: { purpose: "the TypeScript config (through tsx) and the exported types", templatesOf: MAIN_SITE, assets: storyAssets },
  commonjs: { purpose: "the CommonJS config", templatesOf: MAIN_SITE, assets: storyAssets },
  spanish: { purpose: "the Spanish labels", templatesOf: MAIN_SITE, assets: storyAssets },
  provider: { purpose: "a video provider of the site's own" },
  live: { purpose: "live coverage: updates, the live blog, numbered pages" },
  metadata: { purpose: "structured data, byline, corrections, feeds and sitemaps", assets: async () => ({ "assets/lead.jpg": FIXTURE_JPEG }) },
};

/** The files (path → text) of a site: its own `file=` blocks, over the templates of the site it builds on. */
export function readmeSiteFiles(site: string, blocks = readmeBlocks()): Record<string, string> {
  const definition = README_SITES[site];
  if (!definition) throw new Error(`README has no site "${site}"`);
  const own = (name: string) => Object.fromEntries(blocks.filter((block) => block.kind === "file" && block.site === name).map((block) => [block.path!, block.text]));
  const inherited = definition.templatesOf ? Object.entries(own(definition.templatesOf)).filter(([path]) => !isConfig(path)) : [];
  return { ...Object.fromEntries(inherited), ...own(site) };
}

const isConfig = (path: string) => /^eleventy\.config\.[cm]?[jt]s$/.test(path);

/** The site's one config file. */
export function configOf(files: Record<string, string>): string {
  const configs = Object.keys(files).filter(isConfig);
  if (configs.length !== 1) throw new Error(`a README site has one config file, not ${configs.length} (${configs.join(", ")})`);
  return configs[0]!;
}

/**
 * Writes a README site into a fresh folder, as its owner would have it: its files, `package.json` of an ESM project,
 * and the plugin installed (node_modules/eleventy-plugin-newsroom is this package, built to dist/ by `npm test`), with
 * Eleventy and tsx beside it. `extra` adds or replaces files.
 */
export async function writeReadmeSite(site: string, extra: Record<string, string | Uint8Array> = {}): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), `newsroom-site-readme-${site}-`));
  const files = {
    "package.json": JSON.stringify({ name: `readme-${site}`, private: true, type: "module" }),
    ...readmeSiteFiles(site),
    ...(await README_SITES[site]!.assets?.()),
    ...extra,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  mkdirSync(join(root, "node_modules/@11ty"), { recursive: true });
  symlinkSync(REPOSITORY, join(root, "node_modules/eleventy-plugin-newsroom"), "dir");
  symlinkSync(join(REPOSITORY, "node_modules/@11ty/eleventy"), join(root, "node_modules/@11ty/eleventy"), "dir");
  symlinkSync(join(REPOSITORY, "node_modules/tsx"), join(root, "node_modules/tsx"), "dir");
  return root;
}

export interface BuiltReadmeSite {
  root: string;
  output: string;
  /** Every file written, by URL (`/stories/tillerson/` for `stories/tillerson/index.html`). */
  files: Map<string, string>;
}

/** Reads what a build wrote into `output`. */
export function readOutput(root: string, output = join(root, "_site")): BuiltReadmeSite {
  const files = new Map<string, string>();
  for (const path of filesUnder(output)) files.set(`/${path.replace(/(^|\/)index\.html$/, "$1")}`, readFileSync(join(output, path), "utf8"));
  return { root, output, files };
}

/** Builds a written README site in this process, with Eleventy's defaults: input is the site's folder, output _site. */
export async function buildInProcess(root: string): Promise<BuiltReadmeSite> {
  await eleventyFor(root).write();
  return readOutput(root);
}

function eleventyFor(root: string) {
  const config = configOf(Object.fromEntries(readdirSync(root).map((path) => [path, ""])));
  return new Eleventy(root, join(root, "_site"), {
    quietMode: true,
    configPath: join(root, config),
    config(eleventyConfig: Parameters<typeof quietBenchmarks>[0] & { ignores: Set<string> }) {
      quietBenchmarks(eleventyConfig);
      // Run in its folder, Eleventy leaves the site's node_modules alone ("**/node_modules/**"); run from here, the
      // folder's path starts with "../", which that pattern does not match, so it is named.
      eleventyConfig.ignores.add(`${relative(process.cwd(), root)}/node_modules/**`);
    },
  });
}

/**
 * A README site for the html-validate gate, every page a whole document. README's story pages are (its story layouts
 * are, or are laid out by, a whole page layout); the main site's other pages are written without a layout, for
 * brevity, so they get a minimal document here, with their title as the h1. Pages only: feeds and sitemaps are not HTML.
 */
export async function buildReadmeSite(site = MAIN_SITE): Promise<Array<{ url: string; inputPath: string; content: string }>> {
  const root = await writeReadmeSite(site, {
    "_includes/document.njk": documentLayout(true),
    // Global data: a page without a layout of its own gets the document; README's layouts keep theirs.
    "_data/layout.json": JSON.stringify("document.njk"),
  });
  const built = (await eleventyFor(root).toJSON()) as Array<{ url: string; inputPath: string; content: string }>;
  return built.filter((page) => page.url.endsWith("/"));
}
