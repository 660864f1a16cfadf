/**
 * Gate: two clean builds of the example site write the same bytes. The builds run in different output folders, time
 * zones and locales, seconds apart, so output that leaks the machine's clock, zone, locale or paths shows up as a
 * difference (the site's own `timeZone` and `locale` options are what the output may depend on).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { buildExampleSite, filesUnder } from "../helpers/exampleSite.js";
import { buildQuietly, EVERY_ELEMENT_SITE } from "./fixtures.js";

/** path → sha256 of every file under `root`. */
function hashes(root: string): Record<string, string> {
  return Object.fromEntries(filesUnder(root).map((path) => [path, createHash("sha256").update(readFileSync(join(root, path))).digest("hex")]));
}

/** Files whose hashes differ (or that only one build has), with the first line where their text differs. */
function differences(first: string, second: string): string[] {
  const [a, b] = [hashes(first), hashes(second)];
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return paths
    .filter((path) => a[path] !== b[path])
    .map((path) => {
      if (a[path] === undefined || b[path] === undefined) return `${path}: only in the ${a[path] === undefined ? "second" : "first"} build`;
      const [linesA, linesB] = [first, second].map((root) => readFileSync(join(root, path), "utf8").split("\n"));
      const line = linesA!.findIndex((text, index) => text !== linesB![index]);
      return `${path}:${line + 1}: ${JSON.stringify(linesA![line]?.slice(0, 120))} ≠ ${JSON.stringify(linesB![line]?.slice(0, 120))}`;
    });
}

test("two clean builds of the example site, in different zones, locales and folders, are byte for byte the same", () => {
  const first = buildExampleSite({ TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" });
  const second = buildExampleSite({ TZ: "Asia/Kathmandu", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" });
  const files = Object.keys(hashes(first));
  expect(files.filter((path) => path.endsWith(".html")).length).toBeGreaterThanOrEqual(4);
  expect(differences(first, second)).toEqual([]);
}, 120_000);

test("two builds of the site with every element in every syntax render the same pages", async () => {
  const render = async () => new Map([...(await buildQuietly(EVERY_ELEMENT_SITE)).values()].map((page) => [page.url, page.content]));
  const [first, second] = [await render(), await render()];
  expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  expect([...first.keys()].filter((url) => first.get(url) !== second.get(url))).toEqual([]);
});
