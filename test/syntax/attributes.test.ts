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

describe("parseAttributes: flags written bare", () => {
  const flags = ["key", "pinned"];
  const read = (text: string) => parseAttributes(text, "update", {}, flags);
  function flagError(text: string, given: readonly string[] = flags): NewsroomError {
    const error = thrown(() => parseAttributes(text, "update", { file: "s.md", line: 3 }, given));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).message).toMatch(/^\[eleventy-plugin-newsroom\] s\.md:3: update: /);
    return error as NewsroomError;
  }

  it.each([
    [`time="2017-05-18T21:05" key`, { time: "2017-05-18T21:05", key: "true" }],
    [`key time="2017-05-18T21:05"`, { key: "true", time: "2017-05-18T21:05" }],
    [`pinned key`, { pinned: "true", key: "true" }],
    [`  key\tpinned  `, { key: "true", pinned: "true" }],
    [`key="false" pinned=true`, { key: "false", pinned: "true" }],
    [`title='A title' key pinned id=x`, { title: "A title", key: "true", pinned: "true", id: "x" }],
  ])("reads %s", (text, attributes) => {
    expect(read(text)).toEqual(attributes);
  });

  it("a bare name that is not one of the flags given has no value", () => {
    expect(flagError(`time="x" urgent`).problem).toBe('the attribute "urgent" has no value');
    // The same names are no flags for an element that gives none.
    expect(flagError(`key`, []).problem).toBe('the attribute "key" has no value');
    expect(attributeError(`speaker="A" pinned`).problem).toBe('the attribute "pinned" has no value');
  });

  it("a flag is a whole name: a longer one is not it", () => {
    expect(flagError(`keys`).problem).toBe('the attribute "keys" has no value');
    expect(flagError(`key-event`).problem).toBe('the attribute "key-event" has no value');
  });

  it.each([[`key key`], [`key time="x" key`], [`key key="true"`], [`key="true" key`], [`pinned=false pinned`]])("a flag given twice is refused: %s", (text) => {
    const name = text.includes("pinned") ? "pinned" : "key";
    const error = flagError(text);
    expect(error.problem).toBe(`the attribute "${name}" is given twice`);
    expect(error.fix).toBe(`keep one "${name}"`);
  });

  it("a flag followed by something other than white space is not a flag", () => {
    expect(flagError(`key"x"`).problem).toBe('the attribute "key" has no value');
    expect(flagError(`key=`).problem).toBe('the attribute "key" has no value');
  });
});
