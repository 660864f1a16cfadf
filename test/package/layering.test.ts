import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * The house as ARCHITECTURE and README describe it: `src/` knows nothing of Eleventy, `plugin/` is the adapter on top
 * of it, no import runs upward, and no module imports itself round a circle (type-only imports count: a circle of
 * types is a circle a reader must walk).
 */
const root = resolve(import.meta.dirname, "../..");

function sourcesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith(".ts")) found.push(relative(root, path));
    }
  };
  walk(join(root, folder));
  return found.sort();
}

/** Every module a file imports (static, dynamic and type-only): relative ones as repository paths, others by name. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(join(root, file), "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((match) => (match[1] ?? match[2])!);
  const local = specifiers.filter((specifier) => specifier.startsWith(".")).map((specifier) => normalize(join(dirname(file), specifier)).replace(/\.js$/, ".ts"));
  const packages = specifiers.filter((specifier) => !specifier.startsWith("."));
  return { local, packages };
}

function cyclesAmong(files: string[]): string[] {
  return cyclesOf(new Map(files.map((file) => [file, importsOf(file).local.filter((target) => files.includes(target))])));
}

/** The circles of a graph (module → the modules it imports), each as `a → b → a`. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "visiting");
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === "visiting") cycles.push([...stack.slice(stack.indexOf(target)), target].join(" → "));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

const core = sourcesUnder("src");
const adapter = sourcesUnder("plugin");

describe("the layers", () => {
  test("there are modules to check", () => {
    expect(core.length).toBeGreaterThan(30);
    expect(adapter.length).toBeGreaterThan(10);
    expect(importsOf("plugin/index.ts").local).toContain("src/index.ts");
  });

  test("src/ imports nothing of Eleventy, of the adapter, the example site, the scripts or the tests", () => {
    const offences = core.flatMap((file) => {
      const { local, packages } = importsOf(file);
      return [...local.filter((target) => !target.startsWith("src/")), ...packages.filter((name) => name.startsWith("@11ty/"))].map((target) => `${file} → ${target}`);
    });
    expect(offences).toEqual([]);
  });

  test("plugin/ imports the core and itself, never the example site, the scripts or the tests", () => {
    const offences = adapter.flatMap((file) => importsOf(file).local.filter((target) => !/^(src|plugin)\//.test(target)).map((target) => `${file} → ${target}`));
    expect(offences).toEqual([]);
  });

  test("no import circles in src/ or plugin/", () => {
    expect(cyclesAmong(core)).toEqual([]);
    expect(cyclesAmong(adapter)).toEqual([]);
  });

  test("src/cms/ (a browser bundle) and everything it imports use nothing of Node", () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const target of importsOf(file).local) visit(target);
    };
    for (const file of core.filter((path) => path.startsWith("src/cms/"))) visit(file);
    expect([...seen]).toEqual(expect.arrayContaining(["src/cms/index.ts", "src/markdown/plugin.ts", "src/syntax/attributes.ts", "src/elements/index.ts"]));
    const offences = [...seen].flatMap((file) => importsOf(file).packages.filter((name) => name.startsWith("node:") || !["markdown-it", "luxon"].includes(name)).map((name) => `${file} → ${name}`));
    expect(offences).toEqual([]);
  });

  test("the shared types import only values, which import nothing that imports the types", () => {
    const { local } = importsOf("src/types.ts");
    expect(local.every((target) => /^src\/(values|video)\//.test(target))).toBe(true);
  });

  test("the check finds a circle when there is one", () => {
    // Not vacuous: the circle this repository had (the types importing the values, which imported the types).
    const graph = new Map([
      ["src/types.ts", ["src/values/duration.ts"]],
      ["src/values/duration.ts", ["src/values/fields.ts"]],
      ["src/values/fields.ts", ["src/types.ts"]],
      ["src/errors.ts", []],
    ]);
    expect(cyclesOf(graph)).toEqual(["src/types.ts → src/values/duration.ts → src/values/fields.ts → src/types.ts"]);
  });
});
