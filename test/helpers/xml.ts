import { JSDOM } from "jsdom";

/** One window's DOMParser for every parse: a window per document would cost more than the parse. */
const parser = new new JSDOM("").window.DOMParser();

/**
 * Parses XML as a strict XML parser does (jsdom's, for `text/xml`): a document that is not well-formed fails here, as it
 * would in a feed reader or a search engine's crawler.
 */
export function parseXml(text: string): Document {
  const document = parser.parseFromString(text, "text/xml");
  const error = document.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`Not well-formed XML: ${error.textContent}`);
  return document;
}

/** The element children of `parent` in `namespace` named `localName`. */
export function childrenNamed(parent: Element, namespace: string, localName: string): Element[] {
  return [...parent.children].filter((child) => child.namespaceURI === namespace && child.localName === localName);
}

/** The one child named so; fails when there is none or more than one. */
export function onlyChild(parent: Element, namespace: string, localName: string): Element {
  const found = childrenNamed(parent, namespace, localName);
  if (found.length !== 1) throw new Error(`Expected one <${localName}> in <${parent.localName}>, found ${found.length}`);
  return found[0]!;
}

/** The text of the one child named so. */
export function childText(parent: Element, namespace: string, localName: string): string {
  return onlyChild(parent, namespace, localName).textContent ?? "";
}

/** "{namespace}localName" of every element child, to compare structure. */
export function childNames(parent: Element): string[] {
  return [...parent.children].map((child) => `{${child.namespaceURI}}${child.localName}`);
}
