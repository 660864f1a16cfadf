/**
 * Gate: a small crawler over the built example site. Every internal address (`href`, `src`, `poster`, `srcset`) names
 * a file the build wrote, every `#fragment` an id on the page it points to, and every id reference (`aria-labelledby`,
 * `aria-describedby`, `aria-controls`, `for`, …) an id on the same page. External addresses are listed, never fetched.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { parseDocument } from "../helpers/html.js";
import { buildExampleSite, filesUnder } from "../helpers/exampleSite.js";
import { buildQuietly, EVERY_ELEMENT_SITE } from "./fixtures.js";

/** An origin no real site has: addresses that resolve to it are the site's own. */
const SITE = "https://site.invalid";
const URL_ATTRIBUTES = ["href", "src", "poster", "action", "cite", "data", "data-newsroom-embed"];
const ID_REFERENCES = ["aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-flowto", "aria-activedescendant", "aria-details", "aria-errormessage", "for", "headers", "list", "form"];

interface Page {
  /** The file, relative to the output folder (`quotes/index.html`). */
  file: string;
  /** The URL a static host serves it at (`/quotes/`). */
  url: string;
  document: Document;
  ids: Set<string>;
}

interface Link {
  from: string;
  element: string;
  attribute: string;
  value: string;
}

let output: string;
let pages: Map<string, Page>;
let links: Link[];

const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

beforeAll(() => {
  // The site's own absolute addresses (canonical links, feeds) are on this origin, so they are checked like the others.
  output = buildExampleSite({ SITE_URL: `${SITE}/` });
  pages = new Map();
  links = [];
  // The editor at /admin/ (Decap CMS) is for the newsroom, not a page of the site: no page links to it.
  for (const file of filesUnder(output).filter((path) => path.endsWith(".html") && !path.startsWith("admin/"))) {
    const document = parseDocument(readFileSync(join(output, file), "utf8"));
    const page: Page = { file, url: urlOf(file), document, ids: new Set([...document.querySelectorAll("[id]")].map((element) => element.id)) };
    pages.set(page.url, page);
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of URL_ATTRIBUTES) {
        const value = element.getAttribute(attribute);
        if (value !== null) links.push({ from: page.url, element: element.localName, attribute, value });
      }
      for (const candidate of (element.getAttribute("srcset") ?? "").split(",")) {
        const value = candidate.trim().split(/\s+/)[0];
        if (value) links.push({ from: page.url, element: element.localName, attribute: "srcset", value });
      }
    }
  }
}, 120_000);

/** The file a static host serves for a path: the file itself, or a folder's index.html. */
function fileFor(pathname: string): string | undefined {
  const path = join(output, decodeURIComponent(pathname));
  if (!path.startsWith(output)) return undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, "index.html");
  return existsSync(index) ? index : undefined;
}

/** References to ids that are not on the page, and ids used twice. */
function idProblems(url: string, document: Document): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const element of document.querySelectorAll("[id]")) {
    if (ids.has(element.id)) problems.push(`${url}: the id "${element.id}" is used twice`);
    ids.add(element.id);
  }
  for (const attribute of ID_REFERENCES) {
    for (const element of document.querySelectorAll(`[${attribute}]`)) {
      for (const id of element.getAttribute(attribute)!.trim().split(/\s+/).filter(Boolean)) {
        if (!ids.has(id)) problems.push(`${url}: <${element.localName} ${attribute}="${id}">: no such id`);
      }
    }
  }
  for (const link of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(link.getAttribute("href")!.slice(1));
    if (id !== "" && !ids.has(id)) problems.push(`${url}: <a href="#${id}">: no such id`);
  }
  return problems;
}

const describeLink = (link: Link) => `${link.from}: <${link.element} ${link.attribute}="${link.value}">`;

describe("links in the built example site", () => {
  test("the crawler sees every page and the links between them", () => {
    expect([...pages.keys()]).toEqual(expect.arrayContaining(["/", "/quotes/", "/videos/", "/elements/", "/stories/tillerson-mexico-drug-trade/"]));
    expect(links.filter((link) => link.value.startsWith("/")).length).toBeGreaterThan(10);
  });

  test("every internal address resolves to a file of the build, and every #fragment to an id on its page", () => {
    const broken: string[] = [];
    for (const link of links) {
      const resolved = new URL(link.value, `${SITE}${link.from}`);
      if (resolved.origin !== SITE) continue;
      const target = link.value.startsWith("#") ? pages.get(link.from) : pages.get(resolved.pathname);
      if (!fileFor(resolved.pathname)) {
        broken.push(`${describeLink(link)}: no file for ${resolved.pathname}`);
      } else if (resolved.hash.length > 1) {
        const id = decodeURIComponent(resolved.hash.slice(1));
        if (!target) broken.push(`${describeLink(link)}: ${resolved.pathname} is not a page, so it has no #${id}`);
        else if (!target.ids.has(id)) broken.push(`${describeLink(link)}: ${target.url} has no id "${id}"`);
      }
    }
    expect(broken).toEqual([]);
  });

  test("every id reference (aria-labelledby, for, …) names an id on the same page, and no id is used twice", () => {
    expect([...pages.values()].flatMap((page) => idProblems(page.url, page.document))).toEqual([]);
  });

  test("every page can be reached from the front page by following links", () => {
    const reached = new Set<string>(["/"]);
    const queue = ["/"];
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      for (const link of links.filter((candidate) => candidate.from === url && candidate.element === "a")) {
        const resolved = new URL(link.value, `${SITE}${url}`);
        if (resolved.origin === SITE && pages.has(resolved.pathname) && !reached.has(resolved.pathname)) {
          reached.add(resolved.pathname);
          queue.push(resolved.pathname);
        }
      }
    }
    expect([...pages.keys()].filter((url) => !reached.has(url))).toEqual([]);
  });

  test("external addresses are https: and inline ones images (listed, not fetched: LIST_EXTERNAL_LINKS=1 prints them)", () => {
    const external = links.filter((link) => new URL(link.value, `${SITE}${link.from}`).origin !== SITE);
    if (process.env["LIST_EXTERNAL_LINKS"]) console.log(external.map(describeLink).join("\n"));
    expect(external.length).toBeGreaterThan(0);
    const acceptable = (link: Link) => {
      const url = new URL(link.value);
      return url.protocol === "https:" || (url.protocol === "data:" && /^data:image\//.test(link.value));
    };
    expect(external.filter((link) => !acceptable(link)).map(describeLink)).toEqual([]);
  });
});

describe("ids in the fixture site with every element in every syntax", () => {
  test("every id reference names an id on its page, and no id is used twice (elements from layouts, bodies and filters together)", async () => {
    const built = await buildQuietly(EVERY_ELEMENT_SITE);
    expect(built.size).toBeGreaterThan(5);
    expect([...built.values()].flatMap((page) => idProblems(page.url, parseDocument(page.content)))).toEqual([]);
  });
});
