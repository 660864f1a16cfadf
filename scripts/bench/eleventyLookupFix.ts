/**
 * A diagnostic, not part of any build: a copy of the installed Eleventy whose template lookup by input path is a `Map`
 * instead of `Array.find`, the change Eleventy made for 4.0 (pull request 3939 of 11ty/eleventy, now 11ty/buildawesome;
 * 4.0.0-alpha.10 keys its map by absolute path).
 *
 *   node --import tsx scripts/bench/eleventyLookupFix.ts      # prints the copy's cmd.cjs
 *   npm run bench -- --eleventy node_modules/@11ty/eleventy-lookup-fix/cmd.cjs
 *
 * Eleventy 3.1 looks every item of every collection up in a list of all templates (`populateCollectionsWithContent`)
 * and every template a few more times while it orders them: quadratic in the number of templates, and the plugin's
 * `stories` collection is one more collection of every story. The copy shows what that costs each variant; the bench
 * prints that it ran another Eleventy. The copy sits beside the real one in node_modules so that its own imports
 * resolve; `npm ci` removes it.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const modules = resolve(import.meta.dirname, "../../node_modules/@11ty");
const copy = join(modules, "eleventy-lookup-fix");
const file = join(copy, "src/TemplateMap.js");

const LINEAR = `	getMapEntryForInputPath(inputPath) {
		let absoluteInputPath = TemplatePath.absolutePath(inputPath);
		return this.map.find((entry) => {
			if (entry.inputPath === inputPath || entry.inputPath === absoluteInputPath) {
				return entry;
			}
		});
	}`;

// The first template with the path, as Array.find gives it; made again whenever the list of templates grows.
const MAPPED = `	getMapEntryForInputPath(inputPath) {
		if (this.entriesByInputPath?.size !== this.map.length) {
			this.entriesByInputPath = new Map();
			for (let entry of this.map) if (!this.entriesByInputPath.has(entry.inputPath)) this.entriesByInputPath.set(entry.inputPath, entry);
		}
		return this.entriesByInputPath.get(inputPath) ?? this.entriesByInputPath.get(TemplatePath.absolutePath(inputPath));
	}`;

rmSync(copy, { recursive: true, force: true });
cpSync(join(modules, "eleventy"), copy, { recursive: true });
const source = readFileSync(file, "utf8");
if (!source.includes(LINEAR)) {
  rmSync(copy, { recursive: true, force: true });
  throw new Error(`${file}: getMapEntryForInputPath is not the one this diagnostic knows (Eleventy 3.1); nothing was made`);
}
writeFileSync(file, source.replace(LINEAR, MAPPED));
console.log(join(copy, "cmd.cjs"));
