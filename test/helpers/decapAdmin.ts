/**
 * The example site's Decap CMS admin in Chromium: served from a build of the site, with its config's backend replaced
 * (Decap's in-memory `test-repo`, or decap-server at a given address), and every request watched.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { REPOSITORY } from "./exampleSite.js";
import { freePort } from "./ports.js";

export interface AdminContext {
  context: BrowserContext;
  /** Requests to any host but the site's and the local backend's (none should be made). */
  external: string[];
  /** Every request the pages made. */
  requests: string[];
}

/** The site's config.yml with another backend in place of its hosted one (and of `local_backend`). */
export function configWithBackend(output: string, backend: string): string {
  const config = readFileSync(join(output, "admin/config.yml"), "utf8");
  const replaced = config.replace(/^backend:\n(?:  .*\n)+local_backend: true\n/m, backend);
  if (replaced === config) throw new Error("admin/config.yml no longer starts with the backend and local_backend: update this helper");
  return replaced;
}

export async function adminContext(browser: Browser, origin: string, config: string, allowed: readonly string[] = []): Promise<AdminContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const external: string[] = [];
  const requests: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === `${origin}/admin/config.yml`) return route.fulfill({ status: 200, contentType: "text/yaml", body: config });
    if (url.startsWith(origin) || allowed.some((prefix) => url.startsWith(prefix))) return route.continue();
    external.push(url);
    return route.abort();
  });
  return { context, external, requests };
}

/** Opens the admin and logs in (test-repo and the local backend take a click). */
export async function logIn(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/admin/`);
  await page.getByRole("button", { name: /login/i }).click();
  await page.getByText(/Stories/).first().waitFor();
}

/** The entry's Markdown as Decap's test-repo backend holds it, or undefined. */
export function repoFile(page: Page, name: string): Promise<string | undefined> {
  return page.evaluate((file) => (window as unknown as { repoFiles: { site?: { stories?: Record<string, { content: string }> } } }).repoFiles.site?.stories?.[file]?.content, name);
}

/** Publish now (simple publish mode). */
export async function publish(page: Page): Promise<void> {
  await page.getByText("Publish", { exact: true }).first().click();
  await page.getByText("Publish now", { exact: true }).click();
}

export interface DecapServer {
  /** Its API, as a config's `local_backend: { url }` names it. */
  api: string;
  /** What it printed (for a failure's message). */
  log(): string;
  stop(): Promise<void>;
}


/**
 * decap-server (Decap's local backend) as scripts/start.js runs it, on a free port, over `directory` (a copy of the
 * repository's site: it writes there), once it answers.
 */
export async function startDecapServer(directory: string, patience = 20_000): Promise<DecapServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(REPOSITORY, "node_modules/decap-server/dist/index.js")], {
    env: { ...process.env, PORT: String(port), MODE: "fs", GIT_REPO_DIRECTORY: directory },
    stdio: "pipe",
  });
  let log = "";
  child.stdout?.on("data", (chunk) => (log += String(chunk)));
  child.stderr?.on("data", (chunk) => (log += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: DecapServer = {
    api: `http://127.0.0.1:${port}/api/v1`,
    log: () => log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  const deadline = Date.now() + patience;
  for (;;) {
    try {
      const response = await fetch(server.api, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "info", params: {} }) });
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await server.stop();
      throw new Error(`decap-server did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
