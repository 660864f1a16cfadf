/**
 * One Eleventy build in a fresh child process, the way a site runs it (`npx @11ty/eleventy --quiet`): plain Node, no
 * TypeScript loader (the bench sites' configs are JavaScript, as a user's are), so start-up is the same for both
 * variants and what differs is the plugin.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPORTER } from "./corpus.js";

export interface BuildResult {
  /** From starting the child process to its exit: what a user waits for. */
  wallMs: number;
  /** What Eleventy itself reports ("Wrote 4000 files in 6.12 seconds"), from its start to the last file written. */
  eleventyMs: number;
  files: number;
  /** CPU time of the build's process, all threads, user + system: less disturbed than wall time by other work on the machine. */
  cpuMs: number;
  /** Peak resident memory of the build's process (`process.resourceUsage().maxRSS`). */
  maxRssKb: number;
  /** Time inside the plugin's collection callbacks (plugin builds only), and how many times Eleventy called them. */
  collectionMs?: number;
  collectionCalls?: number;
  /** Markdown-it parses of whole stories, when counted: by Eleventy's render and by the plugin's collections. */
  storyParses?: { render: number; collections: number };
  /** Of those, the ones that ran markdown-it's block parser (the render takes the tokens the collections' read made). */
  storyBlockParses?: { render: number; collections: number };
}

export interface BuildRequest {
  /** The site folder (holds eleventy.config.mjs and src/). */
  root: string;
  /** The repository, whose node_modules hold Eleventy. */
  repository: string;
  /** Where the reporter module and report files go. */
  workspace: string;
  countParses?: boolean;
  /** Write a V8 CPU profile of the build into this folder. */
  cpuProfileDir?: string | undefined;
  /** Another Eleventy's `cmd.cjs` to build with (a diagnostic, see `--eleventy`); the repository's by default. */
  eleventy?: string | undefined;
}

const WROTE = /Wrote (\d+) files? in ([\d.]+) seconds/;

export async function buildOnce(request: BuildRequest): Promise<BuildResult> {
  const { root, repository, workspace } = request;
  const reporter = join(workspace, "bench-reporter.mjs");
  writeFileSync(reporter, REPORTER);
  const report = join(workspace, "bench-report.json");
  rmSync(report, { force: true });
  // The output folder is kept from the site's last build, as when a site is rebuilt: Eleventy writes every page again.
  // (Deleting 4,000 page folders before each build made this machine's file system slower with every build, system
  // time 0.8 → 3.3 s in six builds, and the extra wait hid the CPU work the two variants differ by.)

  const args = [
    ...(request.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${request.cpuProfileDir}`] : []),
    "--import",
    pathToFileURL(reporter).href,
    request.eleventy ?? join(repository, "node_modules/@11ty/eleventy/cmd.cjs"),
    "--config=eleventy.config.mjs",
    "--quiet",
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, NEWSROOM_BENCH_REPORT: report, ELEVENTY_ENV: "production" };
  delete env["NODE_OPTIONS"]; // the bench itself runs under tsx; the build must not
  if (request.countParses) env["NEWSROOM_BENCH_COUNT_PARSES"] = "1";
  else delete env["NEWSROOM_BENCH_COUNT_PARSES"];

  const start = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
  const wallMs = performance.now() - start;
  // Strip colours, should a terminal setting force them on.
  const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
  const wrote = WROTE.exec(plain);
  if (code !== 0 || !wrote) throw new Error(`The build in ${root} failed (exit code ${code}):\n${plain.slice(-3000)}`);
  const reported = JSON.parse(readFileSync(report, "utf8")) as Omit<BuildResult, "wallMs" | "eleventyMs" | "files">;
  const warnings = plain.split("\n").filter((line) => /WARN|warning|Warning/.test(line));
  if (warnings.length > 0) throw new Error(`The build in ${root} warned (the synthetic stories should be clean):\n${warnings.slice(0, 5).join("\n")}`);
  return { wallMs, eleventyMs: Number(wrote[2]) * 1000, files: Number(wrote[1]), ...reported };
}
