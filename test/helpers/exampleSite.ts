/** Builds the example site as `npm run build` does, into a fresh temporary folder, and lists what it wrote. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";

export const REPOSITORY = resolve(import.meta.dirname, "../..");

/**
 * Runs Eleventy's command line on the example site (the plugin must be built: `npm test` builds it first), with extra
 * environment variables for the build (e.g. `TZ`).
 */
export function buildExampleSite(environment: Record<string, string> = {}, output = mkdtempSync(join(tmpdir(), "newsroom-quality-"))): string {
  if (!existsSync(join(REPOSITORY, "dist/plugin/index.js"))) throw new Error("Build the plugin first: npm run build:plugin (npm test does)");
  execFileSync(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", `--output=${output}`, "--quiet"], {
    cwd: REPOSITORY,
    env: { ...process.env, ...environment },
    stdio: "pipe",
  });
  return output;
}

/** Every file under `root`, as sorted `/`-separated paths relative to it. */
export function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(root, path).split(sep).join("/"));
    }
  };
  walk(root);
  return found.sort();
}
