/**
 * Instructions, not seconds: the same two sites as `npm run bench` (the plugin's and plain Eleventy's), each built once
 * per size under valgrind, which counts every instruction the build executes. On a machine shared with other work,
 * wall and CPU times of one build vary by ±30 %; these counts vary by about ±3 %, so a change of a few per cent in what
 * the plugin adds can be seen. Slow (about 30 times a native build) and Linux-only: it needs `valgrind`.
 *
 *   node --import tsx scripts/bench/instructions.ts                    # 1 and 2,000 stories, one build of each
 *   node --import tsx scripts/bench/instructions.ts --stories 1,500 --runs 2
 *
 * Node runs with `--predictable` (one thread: no concurrent compiling or garbage collection), which is what makes the
 * counts repeat; the absolute numbers are not a native build's, the comparisons between builds are. Run it in two
 * checkouts to compare two versions of the plugin (`npm run build:plugin` in each first).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { linkPackage, StaticRenderer, writeSite, type Variant } from "./corpus.js";
import { table } from "./stats.js";

const repository = resolve(import.meta.dirname, "../..");
const { values: flags } = parseArgs({ options: { stories: { type: "string", default: "1,2000" }, runs: { type: "string", default: "1" } } });
const sizes = flags.stories.split(",").map(Number);
const runs = Number(flags.runs);
if (!sizes.every((size) => Number.isInteger(size) && size > 0) || !(runs >= 1)) throw new Error("--stories takes whole numbers (e.g. 1,2000), --runs 1 or more");

/** Instructions of one build of the site in `root` (all threads; there is one). */
async function instructions(root: string): Promise<number> {
  rmSync(join(root, "_site"), { recursive: true, force: true });
  const args = [
    "--tool=cachegrind",
    "--cache-sim=no",
    "--cachegrind-out-file=/dev/null",
    "--smc-check=all-non-file",
    process.execPath,
    "--predictable",
    join(repository, "node_modules/@11ty/eleventy/cmd.cjs"),
    "--config=eleventy.config.mjs",
    "--quiet",
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, ELEVENTY_ENV: "production" };
  delete env["NODE_OPTIONS"];
  const output = await new Promise<string>((done, fail) => {
    const child = spawn("valgrind", args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done(text) : fail(new Error(`The build in ${root} failed under valgrind (exit ${code}):\n${text.slice(-2000)}`))));
  });
  const counted = /I\s+refs:\s+([\d,]+)/.exec(output);
  if (!counted || !/Wrote \d+ files?/.test(output)) throw new Error(`No instruction count for ${root}:\n${output.slice(-2000)}`);
  return Number(counted[1]!.replace(/,/g, ""));
}

const workspace = mkdtempSync(join(tmpdir(), "newsroom-instructions-"));
linkPackage(workspace, repository);
const renderer = new StaticRenderer();
const giga = (count: number) => `${(count / 1e9).toFixed(2)} G`;
const mega = (count: number) => `${(count / 1e6).toFixed(2)} M`;
const counts = new Map<number, Record<Variant, number[]>>();
console.log(`Instructions per build (valgrind cachegrind, node --predictable), ${runs} run(s) of each; plugin from ${repository}`);
for (const stories of sizes) {
  const roots = { plugin: join(workspace, `n${stories}/plugin`), plain: join(workspace, `n${stories}/plain`) };
  writeSite(roots.plugin, "plugin", stories, { renderer });
  writeSite(roots.plain, "plain", stories, { renderer });
  const result: Record<Variant, number[]> = { plugin: [], plain: [] };
  for (let run = 0; run < runs; run++) {
    for (const variant of ["plugin", "plain"] as const) {
      result[variant].push(await instructions(roots[variant]));
      console.log(`  ${stories} stories, ${variant}, run ${run + 1}: ${giga(result[variant].at(-1)!)}`);
    }
  }
  counts.set(stories, result);
  rmSync(join(workspace, `n${stories}`), { recursive: true, force: true });
}
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const rows = [["stories", "plugin", "plain", "plugin ÷ plain", "plugin − plain"]];
for (const [stories, { plugin, plain }] of counts) {
  rows.push([String(stories), giga(mean(plugin)), giga(mean(plain)), (mean(plugin) / mean(plain)).toFixed(3), giga(mean(plugin) - mean(plain))]);
}
console.log(table(rows));
if (sizes.length >= 2) {
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  const perStory = (variant: Variant) => (mean(counts.get(large)![variant]) - mean(counts.get(small)![variant])) / (large - small);
  console.log(
    `Per story (${small} → ${large}): plugin ${mega(perStory("plugin"))}, plain ${mega(perStory("plain"))}, the plugin's own ${mega(perStory("plugin") - perStory("plain"))} (${(((perStory("plugin") - perStory("plain")) / perStory("plain")) * 100).toFixed(1)} % of plain's); fixed (start-up) ${giga(mean(counts.get(small)!.plugin) - mean(counts.get(small)!.plain))}`,
  );
}
rmSync(workspace, { recursive: true, force: true });
