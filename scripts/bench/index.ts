/**
 * `npm run bench`: what the plugin adds to an Eleventy build, side by side with plain Eleventy in one run, and the page
 * budgets of the example site. See BENCHMARKS.md for what it measures and a recorded run.
 *
 *   npm run bench                                   # ratio at 1,000 and 4,000 stories, growth up to 10,000
 *   npm run bench -- --stories 250 --pairs 3        # a quick run (growth then uses the same sizes)
 *   npm run bench -- --growth 250,1000 --profile    # also write and summarise a CPU profile of a plugin build
 *   npm run bench -- --budgets-only                 # only the example site's page budgets
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { BUDGETS, budgetFailures, buildExampleSite, builtPages, liveScriptBrotli, measurePage } from "./budgets.js";
import { buildOnce, type BuildResult } from "./build.js";
import { ELEMENTS_PER_STORY, linkPackage, StaticRenderer, writeSite, type Corpus, type Variant } from "./corpus.js";
import { describeMachine } from "./machine.js";
import { summariseProfile } from "./profile.js";
import { measureRebuilds } from "./rebuild.js";
import { kilobytes, linearFit, max, median, min, quantile, seconds, table } from "./stats.js";

const repository = resolve(import.meta.dirname, "../..");

const { values: flags } = parseArgs({
  options: {
    stories: { type: "string" },
    pairs: { type: "string", default: "5" },
    growth: { type: "string" },
    "growth-runs": { type: "string", default: "3" },
    "listing-runs": { type: "string", default: "3" },
    profile: { type: "boolean", default: false },
    "no-budgets": { type: "boolean", default: false },
    "budgets-only": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    eleventy: { type: "string" },
    "bare-plain": { type: "boolean", default: false },
    data: { type: "string" },
    rebuild: { type: "string" },
    "rebuild-edits": { type: "string", default: "5" },
    help: { type: "boolean", default: false },
  },
});

if (flags.help) {
  console.log(`npm run bench -- [options]
  --stories 1000,4000        sizes for the plugin ÷ plain ratio (default 1000,4000)
  --pairs 5                  measured A/B pairs per ratio size, after one warm-up pair (default 5)
  --growth 250,1000,4000,10000   sizes for the growth table (default: those four, or --stories when given; "none" skips)
  --growth-runs 3            A/B pairs at growth-only sizes (default 3)
  --listing-runs 3           pairs for the listing pages' cost, at the largest ratio size (0 skips; default 3)
  --profile                  CPU-profile one plugin build at the largest ratio size and summarise it
  --no-budgets               skip the example site's page budgets
  --budgets-only             only the example site's page budgets (no build is timed)
  --keep                     keep the generated sites (the folder is printed)
  --eleventy path/cmd.cjs    build both variants with another Eleventy, e.g. the copy scripts/bench/eleventyLookupFix.ts
                             makes (a diagnostic: what Eleventy's own costs do to the ratio)
  --data 4000                sizes for the data-driven corpus (one paginated template over a feed in global data,
                             elements rendered by shortcodes from the items' fields), measured like the ratio sizes
                             (default: the largest ratio size; "none" skips)
  --rebuild 4000             sizes for the incremental rebuild (\`eleventy --watch --incremental\`, one story edited),
                             with and without the plugin (default: the largest ratio size; "none" skips)
  --rebuild-edits 5          timed edits per variant, after a warm-up edit (default 5)
  --bare-plain               B without the newest-first \`stories\` collection a news site defines for its front page
                             (a diagnostic: the comparison before the baseline was decided; B then pays Eleventy for
                             no collection at all)`);
  process.exit(0);
}

if (flags["budgets-only"]) {
  printBudgets();
  process.exit(0);
}

const sizeList = (text: string) =>
  text === "none"
    ? []
    : text.split(",").map((part) => {
        const size = Number(part.replace(/_/g, ""));
        if (!Number.isInteger(size) || size < 1) throw new Error(`Not a number of stories: "${part}"`);
        return size;
      });
const ratioSizes = sizeList(flags.stories ?? "1000,4000");
const dataSizes = sizeList(flags.data ?? String(Math.max(...ratioSizes)));
const rebuildSizes = sizeList(flags.rebuild ?? String(Math.max(...ratioSizes)));
const rebuildEdits = Number(flags["rebuild-edits"]);
const growthSizes = sizeList(flags.growth ?? (flags.stories ? flags.stories : "250,1000,4000,10000"));
const pairs = Number(flags.pairs);
const growthRuns = Number(flags["growth-runs"]);
const listingRuns = Number(flags["listing-runs"]);
if (![pairs, growthRuns, listingRuns].every((n) => Number.isInteger(n) && n >= 0) || pairs < 1) throw new Error("--pairs must be 1 or more; run counts whole numbers");

const eleventy = flags.eleventy === undefined ? undefined : resolve(flags.eleventy);
const workspace = mkdtempSync(join(tmpdir(), "newsroom-bench-"));
linkPackage(workspace, repository);
const renderer = new StaticRenderer();
const started = performance.now();

const say = (text = "") => console.log(text);
const ms = (value: number) => `${Math.round(value)} ms`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const ratioText = (value: number) => value.toFixed(3);

say("eleventy-plugin-newsroom benchmark");
for (const line of describeMachine(repository)) say(`  ${line}`);
say(`  Command: npm run bench -- ${process.argv.slice(2).join(" ") || "(defaults)"}`);
say(`  Ratio sizes ${ratioSizes.join(", ")} × ${pairs} A/B pairs after a warm-up pair; growth sizes ${growthSizes.join(", ") || "none"}; data-driven corpus ${dataSizes.join(", ") || "none"}`);
say(`  Load average at start: ${loadavg().map((load) => load.toFixed(2)).join(", ")} (other work on the machine disturbs wall times; compare the CPU ratio)`);
say(`  Each build: a fresh \`node …/@11ty/eleventy/cmd.cjs --quiet\` process; wall time from spawn to exit. Sites in ${workspace}`);
if (eleventy) say(`  Eleventy: NOT the repository's, but ${eleventy} (a diagnostic run)`);
say(
  flags["bare-plain"]
    ? "  B has no collection at all (--bare-plain, a diagnostic run: the comparison before the baseline was decided)"
    : "  B has the newest-first `stories` collection a news site defines for its front page without the plugin (the baseline)",
);
say();

interface SizeResult {
  stories: number;
  plugin: BuildResult[];
  plain: BuildResult[];
  /** Per pair: plugin ÷ plain. */
  ratios: number[];
  identicalOutput: string;
}

/** Compares the two variants' story pages byte for byte: the benchmark is only fair if they are the same pages. */
function compareOutputs(pluginRoot: string, plainRoot: string): string {
  const folder = (root: string) => join(root, "_site/stories");
  const names = readdirSync(folder(pluginRoot));
  const differing = names.filter((name) => {
    const file = (root: string) => readFileSync(join(folder(root), name, "index.html"));
    return !file(pluginRoot).equals(file(plainRoot));
  });
  if (differing.length === 0) return `all ${names.length} story pages byte-identical`;
  const first = differing[0]!;
  const lines = (root: string) => readFileSync(join(folder(root), first, "index.html"), "utf8").split("\n");
  const [a, b] = [lines(pluginRoot), lines(plainRoot)];
  const at = a.findIndex((line, index) => line !== b[index]);
  return `${differing.length} of ${names.length} story pages differ, e.g. ${first} line ${at + 1}:\n      plugin: ${a[at]?.slice(0, 160)}\n      plain:  ${b[at]?.slice(0, 160)}`;
}

async function measureSize(stories: number, runs: number, corpus: Corpus = "markdown"): Promise<SizeResult> {
  const folder = `n${stories}-${corpus}`;
  const roots: Record<Variant, string> = { plugin: join(workspace, `${folder}/plugin`), plain: join(workspace, `${folder}/plain`) };
  writeSite(roots.plugin, "plugin", stories, { renderer, corpus });
  writeSite(roots.plain, "plain", stories, { renderer, plainStories: !flags["bare-plain"], corpus });
  const label = `${String(stories).padStart(6)} stories${corpus === "data" ? " (data)" : ""}`;
  const build = (variant: Variant) => buildOnce({ root: roots[variant], repository, workspace, eleventy });
  // Warm-up pair: file system caches, and a check that both variants build the same pages.
  await build("plugin");
  await build("plain");
  const identicalOutput = compareOutputs(roots.plugin, roots.plain);
  const result: SizeResult = { stories, plugin: [], plain: [], ratios: [], identicalOutput };
  for (let pair = 1; pair <= runs; pair++) {
    const a = await build("plugin");
    const b = await build("plain");
    result.plugin.push(a);
    result.plain.push(b);
    result.ratios.push(a.wallMs / b.wallMs);
    say(`  ${label}, pair ${pair}/${runs}: plugin ${seconds(a.wallMs)}, plain ${seconds(b.wallMs)}, ratio ${ratioText(a.wallMs / b.wallMs)}`);
  }
  say(`  ${label}: A and B story pages: ${identicalOutput}`);
  if (!flags.keep) rmSync(join(workspace, folder), { recursive: true, force: true });
  return result;
}

const results = new Map<number, SizeResult>();
say("Builds (A = with the plugin, B = plain Eleventy with the same HTML written in; A B A B …):");
for (const stories of [...new Set([...ratioSizes, ...growthSizes])].sort((a, b) => a - b)) {
  results.set(stories, await measureSize(stories, ratioSizes.includes(stories) ? pairs : growthRuns));
}
const dataResults = new Map<number, SizeResult>();
for (const stories of dataSizes) dataResults.set(stories, await measureSize(stories, pairs, "data"));
say();

const wall = (builds: BuildResult[]) => median(builds.map((build) => build.wallMs));
const eleventyTime = (builds: BuildResult[]) => median(builds.map((build) => build.eleventyMs));
const cpu = (builds: BuildResult[]) => median(builds.map((build) => build.cpuMs));

say(`Plugin ÷ plain Eleventy (medians of ${pairs} pairs; the spread is of the per-pair ratios):`);
const ratioRows = [["stories", "plugin", "plain", "ratio", "pair ratios: median, min–max", "IQR", "CPU time A / B", "CPU ratio", "Eleventy's own A/B", "µs per element", "peak RSS A / B"]];
const measured = [...ratioSizes.map((stories) => ({ corpus: "", result: results.get(stories)! })), ...dataSizes.map((stories) => ({ corpus: " (data)", result: dataResults.get(stories)! }))];
for (const { corpus, result } of measured) {
  const { stories, plugin, plain, ratios } = result;
  const perElement = ((wall(plugin) - wall(plain)) * 1000) / (stories * ELEMENTS_PER_STORY);
  ratioRows.push([
    `${stories}${corpus}`,
    seconds(wall(plugin)),
    seconds(wall(plain)),
    ratioText(wall(plugin) / wall(plain)),
    `${ratioText(median(ratios))}, ${ratioText(min(ratios))}–${ratioText(max(ratios))}`,
    `${ratioText(quantile(ratios, 0.25))}–${ratioText(quantile(ratios, 0.75))}`,
    `${seconds(cpu(plugin))} / ${seconds(cpu(plain))}`,
    ratioText(cpu(plugin) / cpu(plain)),
    ratioText(eleventyTime(plugin) / eleventyTime(plain)),
    perElement.toFixed(1),
    `${mb(median(plugin.map((b) => b.maxRssKb)))} / ${mb(median(plain.map((b) => b.maxRssKb)))}`,
  ]);
}
say(table(ratioRows));
say(`  (ratio: of the medians of wall time, spawn to exit; the median of the pair ratios is less disturbed when the machine's speed drifts during the run.`);
say(`   CPU: user + system time of the build process, all threads. Eleventy's own: the time it prints.`);
say(`   µs per element: (A − B) wall ÷ (stories × ${ELEMENTS_PER_STORY} elements: highlights, 2 quotes, pull quote, video). Goals: see the end.`);
say(`   (data): the same stories as one paginated template over a feed in global data, elements rendered by shortcodes.)`);
say();

const growth = growthSizes.map((stories) => results.get(stories)!);
let growthVerdict: string | undefined;
if (growth.length > 0) {
  say("Growth (wall time per build, medians; collections = time inside the plugin's four collection callbacks):");
  const rows = [["stories", "runs", "plugin", "per story", "plain", "per story", "ratio", "collections", "per story", "share", "calls", "peak RSS A"]];
  for (const { stories, plugin, plain } of growth) {
    const collections = median(plugin.map((build) => build.collectionMs ?? 0));
    rows.push([
      String(stories),
      String(plugin.length),
      seconds(wall(plugin)),
      `${(wall(plugin) / stories).toFixed(2)} ms`,
      seconds(wall(plain)),
      `${(wall(plain) / stories).toFixed(2)} ms`,
      ratioText(wall(plugin) / wall(plain)),
      ms(collections),
      `${((collections * 1000) / stories).toFixed(0)} µs`,
      `${((collections / wall(plugin)) * 100).toFixed(1)} %`,
      String(median(plugin.map((build) => build.collectionCalls ?? 0))),
      mb(median(plugin.map((build) => build.maxRssKb))),
    ]);
  }
  say(table(rows));
  if (growth.length >= 2) {
    const slopes = (pick: (result: SizeResult) => number) =>
      growth.slice(1).map((result, index) => {
        const previous = growth[index]!;
        return { from: previous.stories, to: result.stories, µs: ((pick(result) - pick(previous)) / (result.stories - previous.stories)) * 1000 };
      });
    // Linear: the cost of one more story does not grow with the number of stories (within 25 %, for noise).
    const verdict = (pick: (result: SizeResult) => number) => {
      const list = slopes(pick);
      if (list.length < 2) return "(three sizes or more tell whether it is linear)";
      const first = list[0]!.µs;
      const worst = Math.max(...list.map((slope) => slope.µs));
      return worst <= first * 1.25 ? "linear" : `NOT linear (the cost of a story grows ${(worst / first).toFixed(2)}×)`;
    };
    const marginal = (pick: (result: SizeResult) => number) =>
      `${slopes(pick).map((slope) => `${slope.from}→${slope.to}: ${slope.µs.toFixed(0)} µs`).join(", ")}: ${verdict(pick)}`;
    const fit = (pick: (result: SizeResult) => number) => linearFit(growth.map((result) => [result.stories, pick(result)] as const));
    const a = fit((result) => wall(result.plugin));
    const b = fit((result) => wall(result.plain));
    const c = fit((result) => median(result.plugin.map((build) => build.collectionMs ?? 0)));
    growthVerdict = `${growth[0]!.stories}→${growth.at(-1)!.stories}: ${verdict((result) => wall(result.plugin))}`;
    say(`  Marginal cost per story, plugin: ${marginal((result) => wall(result.plugin))}`);
    say(`  Marginal cost per story, plain:  ${marginal((result) => wall(result.plain))}`);
    say(`  Marginal cost per story, collections: ${marginal((result) => median(result.plugin.map((build) => build.collectionMs ?? 0)))}`);
    say(
      `  Straight-line fit: plugin ${(a.slope * 1000).toFixed(0)} µs/story + ${seconds(a.intercept)} (r² ${a.r2.toFixed(4)}); plain ${(b.slope * 1000).toFixed(0)} µs/story + ${seconds(b.intercept)} (r² ${b.r2.toFixed(4)}); collections ${(c.slope * 1000).toFixed(0)} µs/story (r² ${c.r2.toFixed(4)})`,
    );
  }
  say();
}

// Each story is parsed once per build, by its render, whichever collections ask for it: count whole-story parses.
{
  const stories = Math.min(...[...ratioSizes, ...growthSizes]);
  const root = join(workspace, `parses/plugin`);
  writeSite(root, "plugin", stories, { renderer });
  const counted = await buildOnce({ root, repository, workspace, countParses: true, eleventy });
  const parses = counted.storyParses ?? { render: 0, collections: 0 };
  const blockParses = counted.storyBlockParses ?? { render: 0, collections: 0 };
  const perStory = (count: number) => (count / stories).toFixed(2);
  say(
    `Markdown parses of a whole story per build (${stories} stories): ${perStory(parses.render)} by Eleventy's render, ${perStory(parses.collections)} by the plugin's collections (shared by all four; ${counted.collectionCalls} collection calls)`,
  );
  say(`  of which block parses: ${perStory(blockParses.render)} by Eleventy's render, ${perStory(blockParses.collections)} by the collections (they parse no story: they take what Eleventy's render of each story held)`);
  rmSync(join(workspace, "parses"), { recursive: true, force: true });
  say();
}

// The listing pages (front page, highlights, quotes by speaker, videos) that render every collection item.
if (listingRuns > 0 && ratioSizes.length > 0) {
  const stories = Math.max(...ratioSizes);
  const roots = { without: join(workspace, `listing/without`), with: join(workspace, `listing/with`) };
  writeSite(roots.without, "plugin", stories, { renderer });
  writeSite(roots.with, "plugin", stories, { renderer, listing: true });
  const without: BuildResult[] = [];
  const withListing: BuildResult[] = [];
  await buildOnce({ root: roots.with, repository, workspace, eleventy });
  for (let run = 0; run < listingRuns; run++) {
    without.push(await buildOnce({ root: roots.without, repository, workspace, eleventy }));
    withListing.push(await buildOnce({ root: roots.with, repository, workspace, eleventy }));
  }
  const extra = wall(withListing) - wall(without);
  say(
    `Listing pages at ${stories} stories (${listingRuns} pairs): plugin build ${seconds(wall(without))} without, ${seconds(wall(withListing))} with the four listing pages (+${ms(extra)}, ${((extra / wall(withListing)) * 100).toFixed(1)} % of that build); collections ${ms(median(withListing.map((build) => build.collectionMs ?? 0)))} of it`,
  );
  if (!flags.keep) rmSync(join(workspace, "listing"), { recursive: true, force: true });
  say();
}

// What a newsroom feels on every edit: an incremental rebuild of one edited story, with and without the plugin.
const rebuildResults = new Map<number, { plugin: number; plain: number; pluginEleventy: number; plainEleventy: number; files: number }>();
if (rebuildSizes.length > 0 && rebuildEdits > 0) {
  say(`Incremental rebuild (\`eleventy --watch --incremental\`, one story edited; ${rebuildEdits} edits per variant, in turn, after a warm-up edit):`);
  const rows = [["stories", "plugin", "plain", "ratio", "Eleventy's own A / B", "files written A / B"]];
  for (const stories of rebuildSizes) {
    const roots = { plugin: join(workspace, `rebuild-${stories}/plugin`), plain: join(workspace, `rebuild-${stories}/plain`) };
    writeSite(roots.plugin, "plugin", stories, { renderer });
    writeSite(roots.plain, "plain", stories, { renderer, plainStories: !flags["bare-plain"] });
    const times = await measureRebuilds({ roots, repository, story: "src/stories/story-00001.md", edits: rebuildEdits, eleventy });
    const result = {
      plugin: median(times.plugin.wallMs),
      plain: median(times.plain.wallMs),
      pluginEleventy: median(times.plugin.eleventyMs),
      plainEleventy: median(times.plain.eleventyMs),
      files: median(times.plugin.files),
    };
    rebuildResults.set(stories, result);
    rows.push([
      String(stories),
      ms(result.plugin),
      ms(result.plain),
      ratioText(result.plugin / result.plain),
      `${ms(result.pluginEleventy)} / ${ms(result.plainEleventy)}`,
      `${median(times.plugin.files)} / ${median(times.plain.files)}`,
    ]);
    if (!flags.keep) rmSync(join(workspace, `rebuild-${stories}`), { recursive: true, force: true });
  }
  say(table(rows));
  say("  (wall: from writing the edited file to Eleventy's \"Wrote N files\" line for the rebuild, medians.)");
  say();
}

const profiled: Array<{ corpus: Corpus; stories: number }> = [];
if (flags.profile && ratioSizes.length > 0) profiled.push({ corpus: "markdown", stories: Math.max(...ratioSizes) });
if (flags.profile && dataSizes.length > 0) profiled.push({ corpus: "data", stories: Math.max(...dataSizes) });
for (const { corpus, stories } of profiled) {
  const root = join(workspace, `profile-${corpus}/plugin`);
  const profileDir = join(workspace, `profile-${corpus}/cpu`);
  writeSite(root, "plugin", stories, { renderer, corpus });
  await buildOnce({ root, repository, workspace, cpuProfileDir: profileDir, eleventy });
  const file = join(profileDir, readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"))!);
  const summary = summariseProfile(file);
  const share = (value: number) => `${ms(value).padStart(8)} ${((value / summary.totalMs) * 100).toFixed(1).padStart(5)} %`;
  say(`CPU profile of one plugin build, ${stories} stories, ${corpus} corpus (${flags.keep ? file : "run with --keep to keep the .cpuprofile"}):`);
  say(`  inside the plugin (any plugin frame on the stack): ${share(summary.insidePluginMs)}`);
  for (const [entry, value] of summary.insideByPluginFile.slice(0, 6)) say(`    entered through ${entry.padEnd(28)} ${share(value)}`);
  say("  self time by package:");
  for (const [area, value] of summary.byArea.slice(0, 10)) say(`    ${area.padEnd(34)} ${share(value)}`);
  say("  the plugin's functions, with what they call:");
  for (const [name, value] of summary.topPluginFunctions.slice(0, 12)) say(`    ${share(value)}  ${name}`);
  say();
}

if (!flags["no-budgets"]) printBudgets();

// The goals, on the baseline (B with the `stories` collection a news site defines anyway), at 4,000 stories.
{
  const at = ratioSizes.includes(4000) ? 4000 : Math.max(...ratioSizes);
  const result = results.get(at);
  if (result) {
    const pairRatio = (pick: (build: BuildResult) => number) => median(result.plugin.map((build, index) => pick(build) / pick(result.plain[index]!)));
    const goal = (name: string, value: number, limit: number) =>
      `  ${name.padEnd(34)} ${ratioText(value)}  goal ≤ ${limit.toFixed(2)}  ${value <= limit ? "met" : `NOT met (${((value / limit - 1) * 100).toFixed(1)} % over)`}`;
    say(`Goals at ${at} stories${flags["bare-plain"] ? " (NOT on the baseline: --bare-plain)" : ", on the baseline"} (medians of the ${result.ratios.length} interleaved pairs):`);
    say(goal("wall time, plugin ÷ plain", pairRatio((build) => build.wallMs), 1.05));
    say(goal("CPU time, plugin ÷ plain", pairRatio((build) => build.cpuMs), 1.08));
    say(goal("peak memory, plugin ÷ plain", pairRatio((build) => build.maxRssKb), 1.1));
    say(`  ${"growth of the plugin's build time".padEnd(34)} ${growthVerdict ?? "(run with growth sizes up to 10,000)"}`);
    const rebuild = rebuildResults.get(at) ?? [...rebuildResults.values()].at(-1);
    if (rebuild) say(`  ${"incremental rebuild, plugin ÷ plain".padEnd(34)} ${ratioText(rebuild.plugin / rebuild.plain)}  (${ms(rebuild.plugin)} / ${ms(rebuild.plain)}; no goal set)`);
    say();
  }
}

say(`Done in ${seconds(performance.now() - started)}. Load average at the end: ${loadavg().map((load) => load.toFixed(2)).join(", ")}.`);
if (!flags.keep) rmSync(workspace, { recursive: true, force: true });

/** The example site's page budgets, measured and printed (`--budgets-only` prints nothing else). */
function printBudgets(): void {
  const say = (text = "") => console.log(text);
  const site = buildExampleSite();
  const article = "/stories/tillerson-mexico-drug-trade/";
  say(
    `Page budgets of the example site (brotli quality 11; KB = 1,024 bytes; budgets: article HTML + CSS ≤ ${kilobytes(BUDGETS.articleHtmlAndCss)}, a live story's page ≤ that × ⌈updates shown ÷ ${BUDGETS.updatesPerArticleBudget}⌉, JS 0 without a video and ≤ ${kilobytes(BUDGETS.scriptWithVideo)} with one, + ≤ ${kilobytes(BUDGETS.liveScript)} on a live page that polls):`,
  );
  const rows = [["page", "HTML", "CSS", "HTML + CSS", "JS", "video", "updates", "render-blocking", "img w/o size", "verdict"]];
  for (const url of builtPages(site)) {
    const weight = measurePage(site, url);
    const failures = budgetFailures(weight, { article: url === article, siteStylesheet: "/assets/site.css" });
    rows.push([
      url,
      kilobytes(weight.html.brotli),
      kilobytes(weight.htmlAndCssBrotli - weight.html.brotli),
      kilobytes(weight.htmlAndCssBrotli),
      weight.scripts.length === 0 ? "0" : `${kilobytes(weight.scriptBrotli)} (${weight.scripts.length})`,
      weight.hasVideo ? "yes" : "no",
      weight.liveUpdates === undefined ? "" : `${weight.liveUpdates}${weight.polls ? " (polls)" : ""}`,
      weight.renderBlocking.join(" ") || "none",
      String(weight.imagesWithoutSize.length),
      failures.length === 0 ? "ok" : `OVER: ${failures.join("; ")}`,
    ]);
  }
  say(table(rows));
  const live = liveScriptBrotli();
  say(`live page's polling script (assets/newsroom-live.js as served): ${live} bytes brotli, budget ${BUDGETS.liveScript}: ${live <= BUDGETS.liveScript ? "ok" : "OVER"}`);
  rmSync(site, { recursive: true, force: true });
  say();
}
