import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import { inputFromArguments, POSITIONAL_FIELDS } from "../../src/syntax/arguments.js";
import { thrown } from "../helpers/newsroom.js";

function argumentsError(...args: Parameters<typeof inputFromArguments>): NewsroomError {
  const error = thrown(() => inputFromArguments(...args));
  expect(error).toBeInstanceOf(NewsroomError);
  return error as NewsroomError;
}

describe("inputFromArguments", () => {
  it("takes one object as the input", () => {
    const clip = { url: "https://youtu.be/dQw4w9WgXcQ", title: "T" };
    expect(inputFromArguments("video", [clip])).toEqual(clip);
  });

  it("reads a Nunjucks keyword object without its marker", () => {
    expect(inputFromArguments("quote", [{ speaker: "A", role: "B", __keywords: true }])).toEqual({ speaker: "A", role: "B" });
  });

  it("lets keywords add to an object argument", () => {
    expect(inputFromArguments("video", [{ url: "/x.mp4", title: "Old" }, { title: "New", __keywords: true }])).toEqual({ url: "/x.mp4", title: "New" });
  });

  it("reads Liquid positional arguments in order", () => {
    expect(inputFromArguments("quote", ["Rex Tillerson", "US Secretary of State"])).toEqual({ speaker: "Rex Tillerson", role: "US Secretary of State" });
    expect(inputFromArguments("pullquote", ["A"])).toEqual({ speaker: "A" });
    expect(inputFromArguments("video", ["/x.mp4", "Title", "1:45", "CNN"])).toEqual({ url: "/x.mp4", title: "Title", duration: "1:45", source: "CNN" });
    expect(inputFromArguments("dateline", ["CNN —"])).toEqual({ text: "CNN —" });
    expect(inputFromArguments("highlights", [["a", "b"]])).toEqual({ items: ["a", "b"] });
  });

  it("mixes positional arguments and keywords", () => {
    expect(inputFromArguments("quote", ["A", { role: "B", __keywords: true }])).toEqual({ speaker: "A", role: "B" });
  });

  it("takes no arguments as an empty input", () => {
    expect(inputFromArguments("quote", [])).toEqual({});
  });

  it("refuses too many positional arguments and names the fields", () => {
    const error = argumentsError("quote", ["A", "B", "C"], { file: "s.liquid", line: 3 });
    expect(error.problem).toBe('it takes at most 2 positional arguments ("speaker" or "role") but got 3');
    expect(error.message).toContain("s.liquid:3: quote:");
    expect(argumentsError("dateline", ["a", "b"]).problem).toContain("at most 1 positional argument (");
  });

  it("refuses an undefined argument (a misspelt variable)", () => {
    expect(argumentsError("video", ["/x.mp4", undefined]).problem).toBe("argument 2 is undefined");
    expect(argumentsError("video", [undefined]).problem).toBe("argument 1 is undefined");
  });

  it("refuses a field given by position and by name", () => {
    expect(argumentsError("quote", ["A", { speaker: "B", __keywords: true }]).problem).toBe('"speaker" is given both by position and by name');
  });

  it("does not treat an object without the marker as keywords", () => {
    expect(inputFromArguments("quote", ["A", { speaker: "B" }])).toEqual({ speaker: "A", role: { speaker: "B" } });
  });

  it("orders positional fields as documented", () => {
    expect(POSITIONAL_FIELDS.quote).toEqual(["speaker", "role"]);
    expect(POSITIONAL_FIELDS.video).toEqual(["url", "title", "duration", "source"]);
  });
});
