import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { REPOSITORY } from "../helpers/exampleSite.js";
import { freePort } from "../helpers/ports.js";

/**
 * README, "Try it: the example site": "While `npm start` runs, editing a story, a layout or the plugin's own source
 * (`src/`, `plugin/`) shows up on reload: the plugin is recompiled and Eleventy restarted."
 *
 * `npm start` runs in a copy of the repository's files in a temporary folder (node_modules linked), so the checkout is
 * never edited; the test edits the copy's story and then a renderer in the copy's `src/`, and asks the server for the
 * story page until each edit shows.
 *
 * The port: a free one, found by listening on port 0, given as `npm start -- --port=N` (scripts/start.js passes 8080
 * unless the command names a port). The test still reads the address from the server's own "Server at
 * http://localhost:N/" line, the last one (a restart announces it again).
 */

/** One budget for the whole test: its timeout, and the deadline every step polls against. */
const TIMEOUT = 240_000;
/** Kept back from the deadline for the report and for stopping the processes. */
const MARGIN = 10_000;
const STORY = "/stories/tillerson-mexico-drug-trade/";
const STORY_FILE = "site/stories/tillerson-mexico-drug-trade.md";
const RENDERER_FILE = "src/elements/dateline.ts";

let server: ChildProcess | undefined;
let log = "";

afterAll(async () => {
  await stopTree(server);
}, 30_000);

/** Stops `npm start` and everything it started (npm, sh, start.js, tsc --watch, Eleventy): they share one process group. */
async function stopTree(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  };
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signal("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  // Whatever did not stop on SIGTERM (or outlived npm) stops now.
  signal("SIGKILL");
}


/** The last address the dev server announced, if any yet. */
function serverAddress(): string | undefined {
  const announced = [...log.matchAll(/Server at (http:\/\/localhost:\d+\/)/g)];
  return announced.at(-1)?.[1];
}

const logTail = () => log.split("\n").slice(-30).join("\n");

test(
  "while `npm start` runs, an edited story and an edited renderer in src/ both reach the served page",
  async () => {
    const started = Date.now();
    const deadline = started + TIMEOUT - MARGIN;
    const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

    // The copy: what `npm start` reads. Its dist/ is made by `npm start` itself (build:plugin, then tsc --watch).
    const copy = mkdtempSync(join(tmpdir(), "newsroom-start-"));
    for (const name of ["package.json", "eleventy.config.ts", "tsconfig.json", "tsconfig.build.json", "scripts", "src", "plugin", "assets", "site"]) {
      cpSync(join(REPOSITORY, name), join(copy, name), { recursive: true });
    }
    symlinkSync(join(REPOSITORY, "node_modules"), join(copy, "node_modules"), "dir");

    const port = await freePort();
    server = spawn("npm", ["start", "--", `--port=${port}`], {
      cwd: copy,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, npm_config_update_notifier: "false" },
    });
    server.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));

    /** The story page as served now, or undefined while there is no server or it does not answer. */
    async function storyPage(): Promise<string | undefined> {
      const address = serverAddress();
      if (!address) return undefined;
      try {
        const response = await fetch(new URL(STORY, address), { signal: AbortSignal.timeout(5_000) });
        return response.ok ? await response.text() : undefined;
      } catch {
        return undefined; // refused while Eleventy restarts, or slow
      }
    }

    /**
     * Asks for the story page until `done` holds; `retry` runs every 15 s without success (an edit a watcher missed
     * while settling is written again). Fails at the test's deadline, naming the step.
     */
    async function until(step: string, done: (page: string) => boolean, retry?: () => void): Promise<string> {
      const stepStarted = Date.now();
      let lastRetry = Date.now();
      let page: string | undefined;
      while (Date.now() < deadline) {
        if (server!.exitCode !== null || server!.signalCode !== null) {
          throw new Error(`${step}: \`npm start\` exited (${server!.exitCode ?? server!.signalCode}) after ${seconds()}.\nLog:\n${logTail()}`);
        }
        page = await storyPage();
        if (page !== undefined && done(page)) return page;
        if (retry && Date.now() - lastRetry > 15_000) {
          retry();
          lastRetry = Date.now();
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(
        `Too slow: ${step} did not happen within the test's ${TIMEOUT / 1000} s budget ` +
          `(this step ran ${((Date.now() - stepStarted) / 1000).toFixed(1)} s; ${seconds()} in all). ` +
          `Server: ${serverAddress() ?? "none announced"}; page ${page === undefined ? "not served" : "served without the change"}.\nLog:\n${logTail()}`,
      );
    }

    // 1. The plugin is built, the site built and served.
    const first = await until("the story page being served (npm start: build:plugin, tsc --watch, Eleventy --serve)", (page) => page.includes("stunningly loud and clear"));
    expect(serverAddress()).toBe(`http://localhost:${port}/`);
    expect(first).toContain('class="newsroom-dateline__separator"');
    expect(first).not.toContain("stunningly loud and plain");
    expect(first).not.toContain("newsroom-dateline__dash");

    // 2. A story edited: one word of its first paragraph.
    const storyFile = join(copy, STORY_FILE);
    const storyText = readFileSync(storyFile, "utf8");
    expect(storyText).toContain("stunningly loud and clear");
    const editStory = () => writeFileSync(storyFile, storyText.replace("stunningly loud and clear", "stunningly loud and plain"));
    editStory();
    const afterStory = await until("the edited story reaching the served page", (page) => page.includes("stunningly loud and plain"), editStory);
    expect(afterStory).not.toContain("stunningly loud and clear");

    // 3. The plugin's own source edited: the dateline renderer's class name for its separator.
    const rendererFile = join(copy, RENDERER_FILE);
    const rendererText = readFileSync(rendererFile, "utf8");
    expect(rendererText.match(/newsroom-dateline__separator/g)).toHaveLength(1);
    const editRenderer = () => writeFileSync(rendererFile, rendererText.replace("newsroom-dateline__separator", "newsroom-dateline__dash"));
    editRenderer();
    const afterRenderer = await until("the edited renderer (src/elements/dateline.ts) reaching the served page", (page) => page.includes('class="newsroom-dateline__dash"'), editRenderer);
    expect(afterRenderer).not.toContain("newsroom-dateline__separator");
    // The restarted Eleventy builds the story as it is now, edit included.
    expect(afterRenderer).toContain("stunningly loud and plain");
    // It got there the way README says: tsc recompiled the plugin and start.js restarted Eleventy.
    expect(log).toContain("[newsroom] plugin rebuilt: restarting Eleventy");
  },
  TIMEOUT,
);
