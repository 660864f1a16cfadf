/**
 * Two versions of the plugin and plain Eleventy, built in turn on the same synthetic site: this checkout's plugin,
 * another checkout's (`--other`, built with `npm run build:plugin` there), and the plain variant, in rotating order for
 * `--rounds` rounds after a warm-up build of each. Medians of CPU and wall time, each plugin's ratio to plain, and the
 * CPU time each adds per story. For telling a change apart from the noise of a shared machine, with instruction counts
 * (`instructions.ts`).
 *
 *   node --import tsx scripts/bench/versions.ts --other ../before --stories 4000 --rounds 10
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildOnce, type BuildResult } from "./build.js";
import { linkPackage, StaticRenderer, writeSite } from "./corpus.js";
import { max, median, min, seconds, table } from "./stats.js";

const repository = resolve(import.meta.dirname, "../..");
const { values: flags } = parseArgs({
  options: { other: { type: "string" }, stories: { type: "string", default: "4000" }, rounds: { type: "string", default: "10" } },
});
if (!flags.other) throw new Error("--other: the path of another checkout of the plugin, to compare this one with");
const other = resolve(flags.other);
const stories = Number(flags.stories);
const rounds = Number(flags.rounds);

const renderer = new StaticRenderer();
const sites = new Map<string, { root: string; repository: string; workspace: string }>();
const scratch = mkdtempSync(join(tmpdir(), "newsroom-versions-"));
for (const [name, plugin, variant] of [
  ["this", repository, "plugin"],
  ["other", other, "plugin"],
  ["plain", repository, "plain"],
] as const) {
  // Each site links its own copy of the package, so `import "eleventy-plugin-newsroom"` finds that version.
  const workspace = join(scratch, name);
  linkPackage(workspace, plugin);
  writeSite(join(workspace, "site"), variant, stories, { renderer });
  sites.set(name, { root: join(workspace, "site"), repository: plugin, workspace });
}

const names = [...sites.keys()];
const results = new Map<string, BuildResult[]>(names.map((name) => [name, []]));
for (const site of sites.values()) await buildOnce(site);
console.log(`${stories} stories: this checkout (${repository}), the other (${other}) and plain Eleventy, ${rounds} rounds`);
for (let round = 0; round < rounds; round++) {
  const order = names.map((_, index) => names[(index + round) % names.length]!);
  const line: string[] = [];
  for (const name of order) {
    const result = await buildOnce(sites.get(name)!);
    results.get(name)!.push(result);
    line.push(`${name} CPU ${seconds(result.cpuMs)}, wall ${seconds(result.wallMs)}`);
  }
  console.log(`  round ${round + 1}: ${line.join(" | ")} (load ${loadavg()[0]!.toFixed(1)})`);
}
const cpu = (name: string) => results.get(name)!.map((result) => result.cpuMs);
const wall = (name: string) => results.get(name)!.map((result) => result.wallMs);
const rows = [["", "CPU median", "CPU min", "wall median", "wall min", "CPU ÷ plain", "wall ÷ plain", "CPU added per story"]];
for (const name of names) {
  rows.push([
    name,
    seconds(median(cpu(name))),
    seconds(min(cpu(name))),
    seconds(median(wall(name))),
    seconds(min(wall(name))),
    (median(cpu(name)) / median(cpu("plain"))).toFixed(3),
    (median(wall(name)) / median(wall("plain"))).toFixed(3),
    name === "plain" ? "" : `${(((median(cpu(name)) - median(cpu("plain"))) * 1000) / stories).toFixed(0)} µs`,
  ]);
}
console.log(table(rows));
// The machine's speed drifts during a run (other work, caches): each round's builds ran next to each other, so the
// ratios within a round are less disturbed than the ratio of medians taken over the whole run.
const perRound = (name: string, pick: (result: BuildResult) => number) =>
  results.get(name)!.map((result, round) => pick(result) / pick(results.get("plain")![round]!));
for (const name of names.filter((name) => name !== "plain")) {
  const cpuRatios = perRound(name, (result) => result.cpuMs);
  const wallRatios = perRound(name, (result) => result.wallMs);
  console.log(
    `${name} ÷ plain within each round: CPU median ${median(cpuRatios).toFixed(3)} (${min(cpuRatios).toFixed(3)}–${max(cpuRatios).toFixed(3)}), wall median ${median(wallRatios).toFixed(3)} (${min(wallRatios).toFixed(3)}–${max(wallRatios).toFixed(3)})`,
  );
}
rmSync(scratch, { recursive: true, force: true });
