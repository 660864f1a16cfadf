// `npm start`: compile the plugin, serve the example site with live reload, and keep both current.
// Eleventy re-imports its config file on change but not the modules that config imports, so a change to the plugin's
// own source would be invisible to a running server. Here `tsc --watch` recompiles the plugin into dist/, and every
// change there restarts Eleventy; the open page reconnects and reloads when it regains focus.
import { spawn } from "node:child_process";
import { watch } from "node:fs";

// Port 8080 (or the next free one), unless the command names another: `npm start -- --port=8081`.
const extra = process.argv.slice(2);
const port = extra.some((argument) => argument === "--port" || argument.startsWith("--port=")) ? [] : ["--port=8080"];
const eleventyArgs = ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--serve", ...port, ...extra];
let eleventy;
let restartTimer;

// Decap CMS's local backend (site/admin/config.yml has `local_backend: true`): the editor at /admin/ reads and writes
// site/stories/*.md here, and Eleventy rebuilds what it writes. Port 8081, Decap's default (DECAP_SERVER_PORT to change).
const decapServer = spawn(process.execPath, ["node_modules/decap-server/dist/index.js"], {
  stdio: "inherit",
  env: { ...process.env, PORT: process.env.DECAP_SERVER_PORT ?? "8081", MODE: "fs", GIT_REPO_DIRECTORY: process.cwd() },
});

function startEleventy() {
  eleventy = spawn(process.execPath, eleventyArgs, { stdio: "inherit" });
}

function restartEleventy() {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    console.log("[newsroom] plugin rebuilt: restarting Eleventy");
    const old = eleventy;
    old.once("exit", startEleventy);
    old.kill("SIGTERM");
  }, 300);
}

const tsc = spawn(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json", "--watch", "--preserveWatchOutput"], {
  stdio: ["ignore", "pipe", "inherit"],
});
let watching = false;
tsc.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!watching && /Watching for file changes/.test(String(chunk))) {
    watching = true;
    startEleventy();
    watch("dist", { recursive: true }, restartEleventy);
  }
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    tsc.kill(signal);
    eleventy?.kill(signal);
    decapServer.kill(signal);
    process.exit(0);
  });
}
