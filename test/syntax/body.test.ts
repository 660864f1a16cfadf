import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import { dedent, highlightsFromMarkdown, inputWithBody } from "../../src/syntax/body.js";
import { thrown } from "../helpers/newsroom.js";

const md = new MarkdownIt();

function highlightsError(body: string, line?: number): NewsroomError {
  const error = thrown(() => highlightsFromMarkdown(body, md, { file: "s.md", line }));
  expect(error).toBeInstanceOf(NewsroomError);
  expect((error as NewsroomError).element).toBe("highlights");
  return error as NewsroomError;
}

describe("dedent", () => {
  it("removes the indentation all lines share, and leading and trailing blank lines", () => {
    expect(dedent("\n\n    first\n      second\n\n    third\n   \n")).toBe("first\n  second\n\nthird");
  });

  it("ignores blank lines when finding the common indentation", () => {
    expect(dedent("  a\n\n  b")).toBe("a\n\nb");
  });

  it("leaves text without shared indentation alone", () => {
    expect(dedent("a\n  b")).toBe("a\n  b");
    expect(dedent("")).toBe("");
  });
});

describe("highlightsFromMarkdown", () => {
  it.each([
    ["- a\n- b", ["a", "b"]],
    ["* a\n* b\n", ["a", "b"]],
    ["1. a\n2. b", ["a", "b"]],
    ["\n    - a\n    - b *c*\n  ", ["a", "b *c*"]],
    ["- a\n\n- b", ["a", "b"]],
    ["- a long\n  line", ["a long line"]],
  ])("reads %j", (body, items) => {
    expect(highlightsFromMarkdown(body, md)).toEqual(items);
  });

  it.each([
    ["Just a paragraph.", "the highlights are not a list (found a paragraph)"],
    ["- a\n\nA paragraph.", "the highlights are not a list (found a paragraph)"],
    ["- a\n* b", "there is more than one list"],
    ["- a\n  - nested", "an item holds a bullet list instead of one line of text"],
    ["- a\n\n  second paragraph", "an item holds more than one paragraph"],
    ["- # Heading", "an item holds a heading instead of one line of text"],
    ["- a\n-\n- c", "an item is empty"],
    ["", "there are no items"],
    ["  \n ", "there are no items"],
  ])("rejects %j", (body, problem) => {
    expect(highlightsError(body).problem).toBe(problem);
  });

  it("names the line in the file: the opening line plus the line in the body", () => {
    expect(highlightsError("- a\n- b\n\nStray.", 10).line).toBe(14);
    expect(highlightsError("- a\n* b", 10).line).toBe(12);
    expect(highlightsError("- a\n\n  two", 10).message).toContain("s.md:13: highlights:");
  });

  it("keeps the line of an indented body that starts with a blank line", () => {
    expect(highlightsError("\n  - a\n\n  Stray.", 10).line).toBe(14);
  });

  it("leaves the line unknown when the location has none", () => {
    expect(highlightsError("Stray.").line).toBeUndefined();
  });
});

describe("inputWithBody", () => {
  it("reads a highlights body into items", () => {
    expect(inputWithBody("highlights", {}, "- a\n- b", md)).toEqual({ items: ["a", "b"] });
    expect(inputWithBody("highlights", { items: ["x"] }, undefined, md)).toEqual({ items: ["x"] });
  });

  it("refuses highlights given both ways", () => {
    expect(() => inputWithBody("highlights", { items: ["x"] }, "- a", md)).toThrow(/both as a field and as content/);
  });

  it.each([["quote"], ["pullquote"]] as const)("puts a %s body, dedented, into text", (type) => {
    expect(inputWithBody(type, { speaker: "A" }, "\n    Line one.\n\n    Line two.\n", md)).toEqual({ speaker: "A", text: "Line one.\n\nLine two." });
    expect(inputWithBody(type, { speaker: "A", text: "Given." }, "  \n", md)).toEqual({ speaker: "A", text: "Given." });
    expect(inputWithBody(type, { speaker: "A" }, undefined, md)).toEqual({ speaker: "A" });
    const error = thrown(() => inputWithBody(type, { text: "Given." }, "Also given.", md, { line: 4 }));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).element).toBe(type);
    expect((error as NewsroomError).line).toBe(4);
  });

  it("refuses content in a video or a dateline, quoting it", () => {
    expect(inputWithBody("video", { url: "/x.mp4" }, "  \n", md)).toEqual({ url: "/x.mp4" });
    const error = thrown(() => inputWithBody("video", { url: "/x.mp4" }, "A caption.", md));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).problem).toBe('the video takes no content, but text was written inside it: "A caption."');
    expect(() => inputWithBody("dateline", { text: "CNN" }, "x", md)).toThrow(/dateline takes no content/);
  });
});
