/** html-validate with the repository's `.htmlvalidate.mjs`, reporting problems as `name:line:column rule: message`. */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { HtmlValidate, type ConfigData } from "html-validate";
import { REPOSITORY } from "../helpers/exampleSite.js";

export async function loadConfig(): Promise<ConfigData> {
  const module = (await import(pathToFileURL(join(REPOSITORY, ".htmlvalidate.mjs")).href)) as { default: ConfigData };
  return module.default;
}

let validator: Promise<HtmlValidate> | undefined;
const getValidator = () => (validator ??= loadConfig().then((config) => new HtmlValidate({ ...config, root: true })));

/** Validates one page; returns its problems as `name:line:column rule: message` lines (none when it is valid). */
export async function problems(name: string, markup: string): Promise<string[]> {
  const report = await (await getValidator()).validateString(markup, name);
  return report.results
    .flatMap((result) => result.messages)
    .map((message) => `${name}:${message.line}:${message.column} ${message.ruleId}: ${message.message}${message.selector ? ` (${message.selector})` : ""}`);
}

export async function problemsOfPages(pages: ReadonlyArray<readonly [name: string, markup: string]>): Promise<string[]> {
  return (await Promise.all(pages.map(([name, markup]) => problems(name, markup)))).flat();
}
