/**
 * `npm run lighthouse` (after `npm run build`): Lighthouse on the built example site, offline, served on 127.0.0.1,
 * mobile settings, with Debian's Chromium; then Lighthouse CI's assertions on the reports.
 *
 * The settings are Lighthouse CI's config, scripts/lighthouserc.json (URLs, runs, Chrome path and flags, assertions).
 * The reports are made by lighthouse 12.2.3, this repository's pinned version, run directly: `lhci collect` would run
 * the older Lighthouse that @lhci/cli 0.14.0 bundles (12.1.0). `lhci assert` then checks them, as it would its own.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serveDirectory } from "../test/helpers/browser.js";

const repository = resolve(import.meta.dirname, "..");
const configPath = join(repository, "scripts/lighthouserc.json");

interface LighthouseConfig {
  ci: {
    collect: {
      staticDistDir: string;
      url: string[];
      numberOfRuns: number;
      chromePath: string;
      settings: { formFactor: "mobile" | "desktop"; chromeFlags: string };
    };
  };
}

interface AuditResult {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  displayValue?: string;
  explanation?: string;
  details?: { items?: Array<Record<string, unknown>> };
}

interface Report {
  lighthouseVersion: string;
  userAgent: string;
  finalDisplayedUrl: string;
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
  categories: Record<string, { title: string; score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, AuditResult>;
}

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stdout.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", fail);
    child.on("exit", (code) => done({ code, output }));
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The audits that cost a category points: scored, weighted, below 1. */
function failingAudits(report: Report, category: string): string[] {
  return report.categories[category]!.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => report.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "notApplicable")
    .map((audit) => {
      const items = (audit.details?.items ?? []).slice(0, 3).map((item) => {
        const node = item["node"] as { snippet?: string; explanation?: string } | undefined;
        return node?.snippet ? `${node.snippet}${node.explanation ? ` — ${node.explanation.split("\n")[0]}` : ""}` : JSON.stringify(item).slice(0, 160);
      });
      return `${audit.id} (${audit.title}): score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ""}${audit.explanation ? `; ${audit.explanation}` : ""}${items.length ? `\n        ${items.join("\n        ")}` : ""}`;
    });
}

async function main(): Promise<number> {
  const config = (JSON.parse(readFileSync(configPath, "utf8")) as LighthouseConfig).ci.collect;
  const siteDir = resolve(repository, config.staticDistDir);
  if (!existsSync(join(siteDir, "index.html"))) {
    console.error(`No built site in ${siteDir}: run "npm run build" first.`);
    return 1;
  }
  if (!existsSync(config.chromePath)) {
    console.error(`Chromium is not at ${config.chromePath}: run "bash scripts/ensure-chromium.sh" (or apt-get install -y chromium).`);
    return 1;
  }
  const lighthouse = join(repository, "node_modules/lighthouse/cli/index.js");
  const version = (JSON.parse(readFileSync(join(repository, "node_modules/lighthouse/package.json"), "utf8")) as { version: string }).version;
  const lhciVersion = (JSON.parse(readFileSync(join(repository, "node_modules/@lhci/cli/package.json"), "utf8")) as { version: string }).version;
  const workspace = mkdtempSync(join(tmpdir(), "newsroom-lighthouse-"));
  const reportsDir = join(workspace, ".lighthouseci");
  mkdirSync(reportsDir);
  const server = await serveDirectory(siteDir);
  console.log(`Lighthouse ${version} (assertions: Lighthouse CI ${lhciVersion}), ${config.settings.formFactor} settings, ${config.numberOfRuns} runs per page`);
  console.log(`Serving ${siteDir} at ${server.origin} (nothing else is requested); Chromium: ${config.chromePath} ${config.settings.chromeFlags}`);
  let failed = false;
  try {
    for (const address of config.url) {
      const url = new URL(new URL(address).pathname + new URL(address).search, server.origin).href;
      const reports: Report[] = [];
      for (let runIndex = 1; runIndex <= config.numberOfRuns; runIndex++) {
        const file = join(reportsDir, `lhr-${Date.now()}${runIndex}.json`);
        const { code, output } = await run(
          process.execPath,
          [lighthouse, url, "--output=json", `--output-path=${file}`, `--form-factor=${config.settings.formFactor}`, `--chrome-flags=${config.settings.chromeFlags}`, "--quiet"],
          { cwd: workspace, env: { ...process.env, CHROME_PATH: config.chromePath }, quiet: true },
        );
        if (code !== 0 || !existsSync(file)) throw new Error(`Lighthouse failed on ${url} (exit code ${code}):\n${output.slice(-2000)}`);
        const report = JSON.parse(readFileSync(file, "utf8")) as Report;
        if (report.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
        reports.push(report);
      }
      const score = (report: Report, category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);
      const metric = (report: Report, audit: string) => report.audits[audit]?.numericValue ?? Number.NaN;
      console.log(`\n${new URL(url).pathname} (${reports[0]!.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? "Chromium"}):`);
      const header = ["run", "performance", "accessibility", "best-practices", "seo", "LCP", "CLS", "TBT", "FCP"];
      const rows = reports.map((report, index) => [
        String(index + 1),
        ...CATEGORIES.map((category) => String(score(report, category))),
        `${Math.round(metric(report, "largest-contentful-paint"))} ms`,
        metric(report, "cumulative-layout-shift").toFixed(3),
        `${Math.round(metric(report, "total-blocking-time"))} ms`,
        `${Math.round(metric(report, "first-contentful-paint"))} ms`,
      ]);
      rows.push([
        "median",
        ...CATEGORIES.map((category) => String(median(reports.map((report) => score(report, category))))),
        `${Math.round(median(reports.map((report) => metric(report, "largest-contentful-paint"))))} ms`,
        median(reports.map((report) => metric(report, "cumulative-layout-shift"))).toFixed(3),
        `${Math.round(median(reports.map((report) => metric(report, "total-blocking-time"))))} ms`,
        `${Math.round(median(reports.map((report) => metric(report, "first-contentful-paint"))))} ms`,
      ]);
      const widths = header.map((_, column) => Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)));
      for (const row of [header, ...rows]) console.log(`  ${row.map((cell, column) => cell.padStart(widths[column]!)).join("  ")}`);
      for (const category of CATEGORIES) {
        const failures = [...new Set(reports.flatMap((report) => failingAudits(report, category)))];
        if (failures.length > 0) console.log(`  ${category} below 100 because of:\n      ${failures.join("\n      ")}`);
      }
      const warnings = [...new Set(reports.flatMap((report) => report.runWarnings))];
      if (warnings.length > 0) console.log(`  Lighthouse warnings: ${warnings.join(" | ")}`);
    }
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    failed = true;
  } finally {
    await server.close();
  }
  if (failed) return 1;

  console.log(`\nLighthouse CI assertions (${configPath}):`);
  const lhci = join(repository, "node_modules/@lhci/cli/src/cli.js");
  const { code } = await run(process.execPath, [lhci, "assert", `--config=${configPath}`], { cwd: workspace });
  console.log(code === 0 ? "All assertions passed." : `Assertions failed (exit code ${code}).`);
  if (process.env["KEEP_LIGHTHOUSE_REPORTS"]) console.log(`Reports kept in ${reportsDir}: ${readdirSync(reportsDir).join(", ")}`);
  else rmSync(workspace, { recursive: true, force: true });
  return code ?? 1;
}

process.exitCode = await main();
