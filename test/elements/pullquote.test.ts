import { describe, expect, it } from "vitest";
import { parsePullQuote, renderPullQuote } from "../../src/elements/pullquote.js";
import { NewsroomError } from "../../src/errors.js";
import { parseFragment, readableText } from "../helpers/html.js";
import { renderContext, thrown } from "../helpers/newsroom.js";

const FOCUSABLE = "a, button, input, select, textarea, iframe, video, audio, details, summary, [tabindex], [contenteditable]";

describe("parsePullQuote", () => {
  it("takes the same fields as a quote", () => {
    expect(parsePullQuote({ text: "Repeated words.", speaker: "A", role: "B" })).toEqual({ type: "pullquote", text: "Repeated words.", speaker: "A", role: "B" });
  });

  it("names the pull quote in its errors", () => {
    const error = thrown(() => parsePullQuote({ speaker: "A" }));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).message).toContain("pullquote: the pullquote has no words");
    expect((thrown(() => parsePullQuote({ text: "x" })) as NewsroomError).message).toMatch(/pullquote: .*"speaker"/);
  });
});

describe("renderPullQuote", () => {
  it("renders an aside hidden from assistive technology, with nothing focusable", () => {
    const element = parsePullQuote({ text: "We are **not** leaving.", speaker: "Rex Tillerson", role: "US Secretary of State" });
    const root = parseFragment(renderPullQuote(element, renderContext()).toString());
    const aside = root.querySelector("aside.newsroom-pullquote")!;
    expect(aside).not.toBeNull();
    expect(aside.getAttribute("aria-hidden")).toBe("true");
    expect(aside.querySelectorAll(FOCUSABLE)).toHaveLength(0);
    expect(readableText(aside.querySelector(".newsroom-pullquote__text"))).toBe("We are not leaving.");
    expect(aside.querySelector(".newsroom-pullquote__text strong")?.textContent).toBe("not");
    expect(readableText(aside.querySelector(".newsroom-pullquote__attribution"))).toBe("Rex Tillerson, US Secretary of State");
    expect(root.querySelector("blockquote, figure")).toBeNull();
  });

  it("refuses words that hold a link", () => {
    const element = parsePullQuote({ text: "We are [not](https://example.com) leaving.", speaker: "A" });
    const error = thrown(() => renderPullQuote(element, renderContext()));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).element).toBe("pullquote");
    expect((error as NewsroomError).problem).toContain("link");
  });

  it("refuses an autolink too", () => {
    const element = parsePullQuote({ text: "See <https://example.com>.", speaker: "A" });
    expect(() => renderPullQuote(element, renderContext())).toThrow(NewsroomError);
  });
});
