import { describe, expect, it } from "vitest";
import { createIdRegistry } from "../../src/context.js";
import { isParsedElement, markParsed, parseElement, renderElement } from "../../src/elements/index.js";
import { NewsroomError } from "../../src/errors.js";
import { ELEMENT_TYPES, type ElementInput, type ElementType } from "../../src/types.js";
import { parseFragment } from "../helpers/html.js";
import { renderContext } from "../helpers/newsroom.js";

const INPUTS: Record<ElementType, ElementInput> = {
  highlights: { items: ["One", "Two"] },
  quote: { text: "First.\n\n```\ncode\n\n\nmore code\n```", speaker: "A" },
  pullquote: { text: "Repeated.", speaker: "B" },
  video: { url: "https://youtu.be/dQw4w9WgXcQ", title: "T", duration: 105 },
  dateline: { text: "CNN —" },
  update: { time: "2017-05-18T21:05:00-04:00", title: "Polls close", text: "Polls *closed* at 9 pm." },
};

const ROOT_SELECTORS: Record<ElementType, string> = {
  highlights: "section.newsroom-highlights",
  quote: "figure.newsroom-quote",
  pullquote: "aside.newsroom-pullquote",
  video: "figure.newsroom-video",
  dateline: "p.newsroom-dateline",
  update: "article.newsroom-update",
};

describe("parseElement", () => {
  it.each(ELEMENT_TYPES.map((type) => [type]))("parses a %s and marks it as parsed", (type) => {
    const element = parseElement(type, INPUTS[type]);
    expect(element.type).toBe(type);
    expect(isParsedElement(element)).toBe(true);
    expect(isParsedElement(element, type)).toBe(true);
  });

  it("passes the location into errors", () => {
    expect(() => parseElement("quote", { text: "x" }, { file: "a.md", line: 5 })).toThrow(/a\.md:5: quote:/);
  });

  it("passes parse options to the video", () => {
    expect(() => parseElement("video", INPUTS.video, {}, { providers: [] })).toThrow(NewsroomError);
  });
});

describe("renderElement", () => {
  it.each(ELEMENT_TYPES.map((type) => [type]))("renders a %s as one HTML block Markdown passes through", (type) => {
    const out = renderElement(parseElement(type, INPUTS[type]), renderContext({ ids: createIdRegistry() })).toString();
    expect(out).toMatch(/^</);
    expect(out.endsWith("\n")).toBe(true);
    expect(out.endsWith("\n\n")).toBe(false);
    expect(out.split("\n").slice(0, -1).every((line) => line.trim() !== "")).toBe(true);
    const root = parseFragment(out);
    expect(root.children).toHaveLength(1);
    expect(root.firstElementChild!.matches(ROOT_SELECTORS[type])).toBe(true);
  });

  it("keeps a code block with blank lines intact", () => {
    const root = parseFragment(renderElement(parseElement("quote", INPUTS.quote), renderContext()).toString());
    expect(root.querySelector("blockquote pre code")!.textContent).toBe("code\n\n\nmore code\n");
  });
});

describe("isParsedElement and markParsed", () => {
  it("tells parsed elements from look-alike objects", () => {
    expect(isParsedElement({ type: "quote", text: "x", speaker: "A" })).toBe(false);
    expect(isParsedElement(null)).toBe(false);
    expect(isParsedElement("quote")).toBe(false);
    expect(isParsedElement(parseElement("quote", INPUTS.quote), "video")).toBe(false);
  });

  it("does not count a copy of a parsed element as parsed (a copy may have been changed, so it is checked again)", () => {
    const element = parseElement("quote", INPUTS.quote);
    expect(isParsedElement(element, "quote")).toBe(true);
    expect(isParsedElement({ ...element }, "quote")).toBe(false);
    expect(isParsedElement(Object.assign({}, element), "quote")).toBe(false);
    expect(isParsedElement(JSON.parse(JSON.stringify(element)), "quote")).toBe(false);
    expect(isParsedElement(structuredClone(element), "quote")).toBe(false);
  });

  it("knows a parsed element seen through a Proxy (Eleventy's render plugin can pass data objects so)", () => {
    const element = parseElement("quote", INPUTS.quote);
    expect(isParsedElement(new Proxy(element, {}), "quote")).toBe(true);
  });

  it("knows the elements that another copy of the module parsed (a site may load the plugin and its core apart)", async () => {
    // @ts-expect-error -- a second instance of the same module, as a second copy of the package would be
    const other = (await import("../../src/elements/index.js?copy")) as typeof import("../../src/elements/index.js");
    expect(other.isParsedElement).not.toBe(isParsedElement);
    expect(other.isParsedElement(parseElement("quote", INPUTS.quote), "quote")).toBe(true);
    expect(isParsedElement(other.parseElement("quote", INPUTS.quote), "quote")).toBe(true);
  });

  it("marks an object without adding a visible property", () => {
    const item = markParsed({ type: "video" as const, extra: 1 });
    expect(isParsedElement(item, "video")).toBe(true);
    expect(Object.keys(item)).toEqual(["type", "extra"]);
    expect(JSON.stringify(item)).toBe('{"type":"video","extra":1}');
  });

  it("marks an object once, however often it is marked", () => {
    const item = { type: "quote" as const };
    expect(markParsed(markParsed(item))).toBe(item);
    expect(isParsedElement(item, "quote")).toBe(true);
  });
});
