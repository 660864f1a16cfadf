import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import semver from "semver";
import { describe, expect, test } from "vitest";

/**
 * The Node versions the package supports are one statement: package.json's `engines`, which README repeats, and which
 * is exactly what the package's runtime dependencies need (their own `engines`), no more and no less.
 */
const root = resolve(import.meta.dirname, "../..");
const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } };
const ours = packageJson.engines.node;

interface ListedPackage {
  name?: string;
  path?: string;
  dependencies?: Record<string, ListedPackage>;
}

/** Every package the published plugin installs (its dependencies, all the way down), with its own Node range. */
function runtimeEngines(): Array<{ name: string; node: string }> {
  const tree = JSON.parse(execFileSync("npm", ["ls", "--omit=dev", "--all", "--long", "--json"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })) as ListedPackage;
  const found = new Map<string, string>();
  const walk = (node: ListedPackage) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (child.path && !found.has(child.path)) {
        const engines = (JSON.parse(readFileSync(join(child.path, "package.json"), "utf8")) as { engines?: { node?: string } }).engines;
        found.set(child.path, engines?.node ?? "*");
        walk(child);
      } else if (!child.path) found.set(name, "*");
    }
  };
  walk(tree);
  return [...found].map(([path, node]) => ({ name: path.replace(/^.*node_modules\//, ""), node }));
}

describe("the Node versions the package supports", () => {
  const dependencies = runtimeEngines();

  test("the dependency tree was read", () => {
    // Not vacuous: Eleventy's image plugin and sharp (which it uses) are among the packages the plugin installs.
    expect(dependencies.length).toBeGreaterThan(20);
    expect(dependencies.map((dependency) => dependency.name)).toEqual(expect.arrayContaining(["@11ty/eleventy-img", "sharp"]));
  });

  test("package.json's engines admit no Node version a runtime dependency refuses", () => {
    const refusing = dependencies.filter((dependency) => !semver.subset(ours, dependency.node, { includePrerelease: false }));
    expect(refusing).toEqual([]);
  });

  test("and refuse none that every runtime dependency admits (checked at every boundary the dependencies name)", () => {
    const boundaries = new Set<string>();
    for (const { node } of [...dependencies, { node: ours }]) {
      for (const comparators of new semver.Range(node).set) {
        for (const comparator of comparators) {
          if (comparator.value === "") continue; // "*": no boundary
          const version = comparator.semver.version;
          boundaries.add(version);
          const below = semver.coerce(version)!;
          if (below.patch > 0) boundaries.add(`${below.major}.${below.minor}.${below.patch - 1}`);
          else if (below.minor > 0) boundaries.add(`${below.major}.${below.minor - 1}.99`);
          else if (below.major > 0) boundaries.add(`${below.major - 1}.99.99`);
        }
      }
    }
    expect(boundaries.size).toBeGreaterThan(3);
    const disagreements = [...boundaries].filter((version) => semver.satisfies(version, ours) !== dependencies.every((dependency) => semver.satisfies(version, dependency.node)));
    expect(disagreements).toEqual([]);
  });

  test("the Node running the tests is one of them", () => {
    expect(semver.satisfies(process.version, ours)).toBe(true);
  });

  test("README states the same versions", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme).toContain(`Requires Node ${ours.replaceAll(" || ", ", ")} (package.json's \`engines\`) and \`@11ty/eleventy\` 3.`);
  });

  test("the compiled code is for the oldest of them: ES2022 from tsc, node18 from the bundler", () => {
    const tsconfig = readFileSync(join(root, "tsconfig.json"), "utf8");
    expect(tsconfig).toMatch(/"target":\s*"ES2022"/);
    expect(readFileSync(join(root, "scripts/bundle.mjs"), "utf8")).toMatch(/target:\s*"node18"/);
    expect(semver.minVersion(ours)!.major).toBe(18);
  });
});
