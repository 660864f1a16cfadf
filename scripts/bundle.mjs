/**
 * Bundles the compiled plugin (`dist/`, from `tsc -p tsconfig.build.json`) into its two entry points, the plugin
 * (`dist/plugin/index.js`) and the core (`dist/src/index.js`), and the browser's CMS module (`dist/cms/index.js`), with the code they share in one chunk beside the core,
 * so that both entries use the same classes and state. Dependencies stay imports. The type declarations stay one per
 * module, as tsc wrote them.
 *
 * Why: Eleventy 3 on Node 20 imports ESM through loader hooks that answer each import from another thread, and the
 * plugin's sixty modules cost a build about 80 ms of wall time and 180 ms of CPU time before its first page; as three
 * files, about 20 ms and 30 ms (BENCHMARKS.md). `tsc --watch` (`npm start`) writes the modules unbundled, which works
 * the same, only starts slower.
 */
import { readdirSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { build } from "esbuild";

const dist = new URL("../dist/", import.meta.url).pathname;
const result = await build({
  entryPoints: { "plugin/index": join(dist, "plugin/index.js"), "src/index": join(dist, "src/index.js") },
  outdir: dist,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  chunkNames: "src/shared-[hash]",
  format: "esm",
  platform: "node",
  target: "node18",
  packages: "external",
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
});

// The CMS module (`eleventy-plugin-newsroom/cms`) runs in the browser, inside Decap CMS's admin page: one file with
// everything it needs, markdown-it and luxon included, and nothing of Node.
const cms = await build({
  entryPoints: { "cms/index": join(dist, "src/cms/index.js") },
  outdir: dist,
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "eof",
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
});

// The modules tsc wrote are now inside the bundles: only the bundles' own files stay (and every declaration file).
const kept = new Set([...Object.keys(result.metafile.outputs), ...Object.keys(cms.metafile.outputs)].map((path) => relative(dist, resolve(path))));
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  const path = relative(dist, join(entry.parentPath, entry.name));
  if (entry.isFile() && /\.js(\.map)?$/.test(entry.name) && !kept.has(path)) rmSync(join(dist, path));
}
