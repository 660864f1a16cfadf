import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import { parseAttributes } from "../../src/syntax/attributes.js";
import { thrown } from "../helpers/newsroom.js";

function attributeError(text: string, element = "quote"): NewsroomError {
  const error = thrown(() => parseAttributes(text, element, { file: "s.md", line: 3 }));
  expect(error).toBeInstanceOf(NewsroomError);
  return error as NewsroomError;
}

describe("parseAttributes", () => {
  it("reads double-quoted, single-quoted and bare values", () => {
    expect(parseAttributes(` speaker="Rex Tillerson" role='US Secretary of State' aspectRatio=9/16 `, "quote")).toEqual({
      speaker: "Rex Tillerson",
      role: "US Secretary of State",
      aspectRatio: "9/16",
    });
  });

  it("reads escaped quote marks and backslashes inside quoted values", () => {
    expect(parseAttributes(String.raw`speaker="Dwayne \"The Rock\" Johnson" role='it\'s \\ fine'`, "quote")).toEqual({
      speaker: 'Dwayne "The Rock" Johnson',
      role: "it's \\ fine",
    });
  });

  it("keeps the other quote mark and a lone backslash as written", () => {
    expect(parseAttributes(String.raw`title="It's a \d" other='say "hi"'`, "video")).toEqual({ title: "It's a \\d", other: 'say "hi"' });
  });

  it("reads nothing from an empty line", () => {
    expect(parseAttributes("   ", "highlights")).toEqual({});
  });

  it.each([
    [`speaker="A" speaker="B"`, 'the attribute "speaker" is given twice'],
    [`speaker="Rex`, 'the value of "speaker" has no closing "'],
    [`speaker='Rex`, `the value of "speaker" has no closing '`],
    [`"Rex Tillerson"`, "cannot read the attributes"],
    [`speaker`, 'the attribute "speaker" has no value'],
    [`speaker: "Rex"`, 'the attribute "speaker" has no value'],
    [`speaker=“Rex Tillerson”`, "quote mark inside an unquoted value"],
    [`speaker=‘Rex’`, "quote mark inside an unquoted value"],
    [`speaker="A"role="B"`, "without a space"],
  ])("rejects %s", (text, problem) => {
    const error = attributeError(text);
    expect(error.problem).toContain(problem);
    expect(error.element).toBe("quote");
    expect(error.message).toContain("s.md:3: quote:");
  });

  it("names the element it reads for", () => {
    expect(attributeError(`"x"`, "video").message).toMatch(/^\[eleventy-plugin-newsroom\] s\.md:3: video: /);
    expect(attributeError(`url=“https://example.com/”`, "video").element).toBe("video");
  });

  it("rejects a name followed by = and no value (it would be read silently as empty)", () => {
    // `role= speaker="A"` is a typo for role="…"; reading role as "" drops what the author meant without a word.
    expect(attributeError(`role= speaker="A"`).problem).toContain('"role"');
  });
});
