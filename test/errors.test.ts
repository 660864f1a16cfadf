import { describe, expect, it } from "vitest";
import { isNewsroomError, NewsroomError, PLUGIN_NAME } from "../src/errors.js";

const details = { element: "video", problem: "the url is missing", fix: "add a url" };

describe("NewsroomError", () => {
  it("formats file, line, element, problem and fix", () => {
    const error = new NewsroomError({ ...details, file: "./site/story.md", line: 12 });
    expect(error.message).toBe("[eleventy-plugin-newsroom] ./site/story.md:12: video: the url is missing. Fix: add a url.");
    expect(error.name).toBe("NewsroomError");
    expect(PLUGIN_NAME).toBe("eleventy-plugin-newsroom");
    expect(error).toBeInstanceOf(Error);
  });

  it("leaves out the parts of the location that are unknown", () => {
    expect(new NewsroomError(details).message).toBe("[eleventy-plugin-newsroom] video: the url is missing. Fix: add a url.");
    expect(new NewsroomError({ ...details, line: 3 }).message).toBe("[eleventy-plugin-newsroom] line 3: video: the url is missing. Fix: add a url.");
    expect(new NewsroomError({ ...details, file: "a.md" }).message).toBe("[eleventy-plugin-newsroom] a.md: video: the url is missing. Fix: add a url.");
  });

  it("locate fills only the missing parts and updates the message", () => {
    const error = new NewsroomError({ ...details, line: 7 });
    const returned = error.locate({ file: "story.md", line: 1 });
    expect(returned).toBe(error);
    expect(error.file).toBe("story.md");
    expect(error.line).toBe(7);
    expect(error.message).toContain("story.md:7: video:");
    error.locate({ file: "other.md", line: 99 });
    expect(error.where).toBe("story.md:7");
  });

  it("offsetLine moves a known line and leaves an unknown line unknown", () => {
    const known = new NewsroomError({ ...details, file: "f.md", line: 2 }).offsetLine(10);
    expect(known.line).toBe(12);
    expect(known.message).toContain("f.md:12:");
    const unknown = new NewsroomError(details).offsetLine(10);
    expect(unknown.line).toBeUndefined();
    expect(unknown.where).toBe("");
  });

  it("isNewsroomError tells NewsroomErrors from other errors", () => {
    expect(isNewsroomError(new NewsroomError(details))).toBe(true);
    expect(isNewsroomError(new Error("x"))).toBe(false);
    expect(isNewsroomError({ ...details, message: "looks alike" })).toBe(false);
  });
});
