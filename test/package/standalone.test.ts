import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * The repository stands alone: a user who clones it has nothing beside it, so nothing it builds, tests or measures may
 * read a file outside its own folder. (`.ci/run` proves it too, by running the tests in a clone with nothing beside it.)
 */
const root = resolve(import.meta.dirname, "../..");
const IGNORED_FOLDERS = new Set([".git", "node_modules", "dist", "_site", ".cache", "scratch", ".probe"]);
const TEXT_FILES = new Set([".ts", ".js", ".mjs", ".cjs", ".json", ".sh", ".yml", ".yaml", ".njk", ".liquid", ".md", ".html", ".css", ""]);

/** The files git tracks; in a copy without git (an unpacked archive), every file but the ignored folders. */
function repositoryFiles(): string[] {
  if (existsSync(join(root, ".git"))) {
    return execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
  }
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.has(entry.name)) walk(path);
      } else files.push(path);
    }
  };
  walk("");
  return files;
}

const textFiles = repositoryFiles().filter((file) => TEXT_FILES.has(extname(file)) && existsSync(join(root, file)));

/** Whether `path`, resolved from the folder `from` (relative to the root), lands outside the repository. */
const escapes = (from: string, path: string) => {
  const target = relative(root, resolve(root, from, path));
  return target === ".." || target.startsWith(`..${sep}`);
};

describe("the repository reads nothing outside its own folder", () => {
  test("it has files to check", () => {
    // A listing that found nothing would make the checks below pass without checking.
    expect(textFiles).toContain("test/package/standalone.test.ts");
    expect(textFiles.length).toBeGreaterThan(100);
  });

  test("no file names the folder the project was developed beside", () => {
    // Built from parts, so that this file does not name it either.
    const sibling = ["..", "shared"].join("/");
    const offenders = textFiles.filter((file) => readFileSync(join(root, file), "utf8").includes(sibling));
    expect(offenders).toEqual([]);
  });

  test("no relative path in code or configuration leads out of the repository", () => {
    const offenders: string[] = [];
    for (const file of textFiles.filter((name) => !name.endsWith(".md"))) {
      const folder = dirname(file);
      // src/ and plugin/ also run compiled from dist/src/ and dist/plugin/, one folder deeper.
      const folders = /^(src|plugin)\//.test(file) ? [folder, `dist/${folder}`] : [folder];
      for (const match of readFileSync(join(root, file), "utf8").matchAll(/["'`]((?:\.\.\/)+[^"'`\s]*)["'`]/g)) {
        if (folders.every((from) => escapes(from, match[1]!))) offenders.push(`${file}: ${match[1]}`);
      }
      // A path joined to the repository's root (resolve(root, …) with a leading ../) starts from the root, not the file.
      for (const match of readFileSync(join(root, file), "utf8").matchAll(/\broot\b\s*,\s*["'`](\.\.\/[^"'`\s]*)["'`]/g)) {
        offenders.push(`${file}: ${match[1]} (from the root)`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test("the example story the tests compare the site with is in the repository", () => {
    expect(readFileSync(join(root, "test/fixtures/seed/article.txt"), "utf8")).toContain("We Americans must own this problem");
  });
});
