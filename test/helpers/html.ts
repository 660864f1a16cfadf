import { JSDOM } from "jsdom";

/** Parses HTML the way a browser does (jsdom uses parse5, a spec-compliant parser). */
export function parseDocument(markup: string): Document {
  return new JSDOM(markup).window.document;
}

/** Parses a fragment into a container element, so tests can query the structure an element renders. */
export function parseFragment(markup: string): HTMLElement {
  const document = parseDocument("<!doctype html><body></body>");
  const container = document.createElement("div");
  container.innerHTML = markup;
  return container;
}

/** Text as a reader gets it: whitespace collapsed. */
export function readableText(node: Node | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** The tag names of an element's element children, for structure assertions. */
export function childTags(element: Element): string[] {
  return [...element.children].map((child) => child.tagName.toLowerCase());
}
