import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import { ElementFields, InvalidValue, isPlainObject, listOfNames } from "../../src/values/fields.js";
import { thrown } from "../helpers/newsroom.js";

const ALLOWED = ["text", "speaker", "role"] as const;

function newsroomError(action: () => unknown): NewsroomError {
  const error = thrown(action);
  expect(error).toBeInstanceOf(NewsroomError);
  return error as NewsroomError;
}

describe("ElementFields", () => {
  it("rejects an unknown field and lists the allowed ones", () => {
    const error = newsroomError(() => new ElementFields("quote", { text: "x", speker: "A" }, ALLOWED, { file: "s.md", line: 4 }));
    expect(error.element).toBe("quote");
    expect(error.problem).toBe('unknown field "speker"');
    expect(error.fix).toContain('"text", "speaker" or "role"');
    expect(error.message).toContain("s.md:4: quote:");
  });

  it.each([
    [null, "null"],
    [["a"], "a list"],
    ["words", 'the text "words"'],
    [new Date(0), "a date"],
    [5, "a number"],
  ])("rejects %j instead of an object and says what it got", (input, described) => {
    const error = newsroomError(() => new ElementFields("quote", input, ALLOWED));
    expect(error.problem).toContain(`but got ${described}`);
  });

  it("requiredText returns trimmed text and accepts numbers", () => {
    const fields = new ElementFields("quote", { text: "  words  ", speaker: 42 }, ALLOWED);
    expect(fields.requiredText("text", "the words")).toBe("words");
    expect(fields.requiredText("speaker", "a name")).toBe("42");
  });

  it("requiredText tells a missing field from an empty one", () => {
    const fields = new ElementFields("quote", { text: "   " }, ALLOWED);
    expect(newsroomError(() => fields.requiredText("text", "the words")).problem).toBe('the required field "text" is empty');
    const missing = newsroomError(() => fields.requiredText("speaker", "the name of the person quoted"));
    expect(missing.problem).toBe('the required field "speaker" is missing');
    expect(missing.fix).toBe("give the name of the person quoted");
  });

  it.each([[true, "a boolean"], [["A"], "a list"], [Number.NaN, "a number"]])(
    "optionalText rejects %j as not text",
    (value, described) => {
      const fields = new ElementFields("quote", { speaker: value }, ALLOWED);
      const error = newsroomError(() => fields.optionalText("speaker"));
      expect(error.problem).toBe(`the field "speaker" must be text but is ${described}`);
    },
  );

  it('describes an object field as "an object" (not "a object")', () => {
    const fields = new ElementFields("quote", { speaker: { name: "A" } }, ALLOWED);
    expect(newsroomError(() => fields.optionalText("speaker")).problem).toBe('the field "speaker" must be text but is an object');
  });

  it("optionalText and has treat null like a missing field", () => {
    const fields = new ElementFields("quote", { role: null }, ALLOWED);
    expect(fields.optionalText("role")).toBeUndefined();
    expect(fields.has("role")).toBe(false);
    expect(fields.has("speaker")).toBe(false);
  });

  it("parsed turns an InvalidValue into an error naming the element and field, and skips empty values", () => {
    const fields = new ElementFields("video", { duration: "1:75", title: "" }, ["duration", "title"], { line: 9 });
    const error = newsroomError(() =>
      fields.parsed("duration", () => {
        throw new InvalidValue("is wrong", "write it right");
      }),
    );
    expect(error.message).toBe("[eleventy-plugin-newsroom] line 9: video: duration is wrong. Fix: write it right.");
    expect(fields.parsed("title", () => "never called")).toBeUndefined();
    expect(fields.parsed("missing" as string, () => "never called")).toBeUndefined();
  });

  it("parsed lets other errors through unchanged", () => {
    const fields = new ElementFields("video", { duration: "x" }, ["duration"]);
    const bug = new TypeError("bug");
    expect(
      thrown(() =>
        fields.parsed("duration", () => {
          throw bug;
        }),
      ),
    ).toBe(bug);
  });
});

describe("helpers", () => {
  it("listOfNames quotes and joins names", () => {
    expect(listOfNames([])).toBe("");
    expect(listOfNames(["a"])).toBe('"a"');
    expect(listOfNames(["a", "b", "c"])).toBe('"a", "b" or "c"');
  });

  it("isPlainObject accepts object literals only", () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(new Date())).toBe(false);
  });
});
