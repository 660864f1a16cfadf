/**
 * What a newsroom feels on every edit: `eleventy --watch --incremental` on a site, one story edited, and the time from
 * the edit to Eleventy's "Wrote N files" for the rebuild. Two watchers (with and without the plugin) run side by side
 * and are edited in turn, so both meet the same machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const WROTE = /Wrote (\d+) files?(?: \(skipped \d+\))? in ([\d.]+) seconds/g;

export interface RebuildTimes {
  /** From writing the edited file to the rebuild's "Wrote N files" line. */
  wallMs: number[];
  /** What Eleventy reports for the rebuild. */
  eleventyMs: number[];
  files: number[];
}

/** One site under `eleventy --watch --incremental`. */
class Watcher {
  readonly #child: ChildProcess;
  #output = "";
  #seen = 0;

  constructor(readonly root: string, repository: string, eleventy?: string) {
    const env: NodeJS.ProcessEnv = { ...process.env, ELEVENTY_ENV: "production" };
    delete env["NODE_OPTIONS"];
    this.#child = spawn(process.execPath, [eleventy ?? join(repository, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.mjs", "--watch", "--incremental", "--quiet"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const take = (chunk: Buffer) => (this.#output += chunk.toString().replace(/\u001b\[[0-9;]*m/g, ""));
    this.#child.stdout?.on("data", take);
    this.#child.stderr?.on("data", take);
  }

  /** Waits for the next "Wrote N files" line after the last one taken, and for `wanted` in the output after it. */
  async nextBuild(deadlineMs: number, wanted?: string): Promise<{ files: number; eleventyMs: number; at: number }> {
    const deadline = performance.now() + deadlineMs;
    while (performance.now() < deadline) {
      WROTE.lastIndex = this.#seen;
      const match = WROTE.exec(this.#output);
      if (match && (!wanted || this.#output.includes(wanted, match.index))) {
        this.#seen = WROTE.lastIndex;
        return { files: Number(match[1]), eleventyMs: Number(match[2]) * 1000, at: performance.now() };
      }
      if (this.#child.exitCode !== null) throw new Error(`eleventy --watch in ${this.root} exited:\n${this.#output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`eleventy --watch in ${this.root}: no build within ${deadlineMs / 1000} s:\n${this.#output.slice(-2000)}`);
  }

  /** Resolves once Eleventy says it watches the files (an edit before that would go unseen). */
  async watching(deadlineMs: number): Promise<void> {
    const deadline = performance.now() + deadlineMs;
    while (!this.#output.includes("Watching")) {
      if (performance.now() > deadline) throw new Error(`eleventy --watch in ${this.root} never said it was watching:\n${this.#output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  stop(): void {
    if (this.#child.pid !== undefined && this.#child.exitCode === null) process.kill(-this.#child.pid, "SIGTERM");
  }
}

/**
 * Edits `story` (a path under each site's root) `edits` times in each site, in turn, after one warm-up edit each, and
 * times every rebuild. Each edit adds a sentence to the story's last paragraph.
 */
export async function measureRebuilds(options: {
  roots: Record<"plugin" | "plain", string>;
  repository: string;
  story: string;
  edits: number;
  eleventy?: string | undefined;
}): Promise<Record<"plugin" | "plain", RebuildTimes>> {
  const variants = ["plugin", "plain"] as const;
  const watchers = Object.fromEntries(variants.map((variant) => [variant, new Watcher(options.roots[variant], options.repository, options.eleventy)])) as Record<(typeof variants)[number], Watcher>;
  const times = Object.fromEntries(variants.map((variant) => [variant, { wallMs: [], eleventyMs: [], files: [] } as RebuildTimes])) as Record<(typeof variants)[number], RebuildTimes>;
  try {
    for (const variant of variants) {
      await watchers[variant].nextBuild(600_000);
      await watchers[variant].watching(60_000);
    }
    const original = Object.fromEntries(variants.map((variant) => [variant, readFileSync(join(options.roots[variant], options.story), "utf8")]));
    for (let edit = 0; edit <= options.edits; edit++) {
      for (const variant of variants) {
        const file = join(options.roots[variant], options.story);
        // Settle: a watcher may still be writing files of the last build; the next edit must start a build of its own.
        await new Promise((resolve) => setTimeout(resolve, 500));
        const start = performance.now();
        writeFileSync(file, `${original[variant]!.trimEnd()} Edit ${edit + 1}.\n`);
        const build = await watchers[variant].nextBuild(120_000);
        if (edit === 0) continue; // the warm-up edit
        times[variant].wallMs.push(build.at - start);
        times[variant].eleventyMs.push(build.eleventyMs);
        times[variant].files.push(build.files);
      }
    }
    for (const variant of variants) writeFileSync(join(options.roots[variant], options.story), original[variant]!);
  } finally {
    for (const variant of variants) watchers[variant].stop();
  }
  return times;
}
