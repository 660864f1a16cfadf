/**
 * Build times of the robustness gate's big story at growing sizes, one dimension at a time, to show they grow linearly.
 * Not a test (wall-clock assertions flake): run `npx tsx test/quality/robustness.timings.ts` and read the table.
 * Each figure is the fastest of three in-memory builds of the whole site (Eleventy's fixed cost included).
 */
import { performance } from "node:perf_hooks";
import { bigStorySite, type BigStorySizes } from "./bigStory.js";
import { buildQuietly } from "./fixtures.js";

const SMALL: BigStorySizes = { highlights: 1, quoteBytes: 200, videos: 1, nesting: 1 };

async function fastestBuild(sizes: BigStorySizes): Promise<number> {
  let fastest = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    await buildQuietly(bigStorySite(sizes));
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const series: Array<[label: string, unit: string, sizes: (n: number) => BigStorySizes, steps: number[]]> = [
  ["highlights", "highlight", (n) => ({ ...SMALL, highlights: n }), [500, 1000, 2000, 4000, 8000]],
  ["quote", "KB", (n) => ({ ...SMALL, quoteBytes: n * 1024 }), [100, 200, 400, 800, 1600]],
  ["videos", "video", (n) => ({ ...SMALL, videos: n }), [200, 400, 800, 1600, 3200]],
  ["nesting", "level", (n) => ({ ...SMALL, nesting: n }), [5, 10, 20, 30]],
];

for (let warmUp = 0; warmUp < 3; warmUp++) await fastestBuild({ highlights: 200, quoteBytes: 20_000, videos: 50, nesting: 10 });
const baseline = await fastestBuild(SMALL);
console.log(`baseline (one of each): ${baseline.toFixed(0)} ms`);
for (const [label, unit, sizes, steps] of series) {
  const rows: string[] = [];
  for (const n of steps) {
    const ms = await fastestBuild(sizes(n));
    rows.push(`${n} → ${ms.toFixed(0)} ms (${(((ms - baseline) / n) * 1000).toFixed(0)} µs/${unit})`);
  }
  console.log(`${label}: ${rows.join("; ")}`);
}
