import { describe, expect, it } from "vitest";
import { aspectRatio, DEFAULT_ASPECT_RATIO, parseAspectRatio } from "../src/aspectRatio.js";
import { InvalidValue } from "../src/fields.js";

describe("parseAspectRatio", () => {
  it.each([
    ["16/9", 16, 9],
    ["9:16", 9, 16],
    ["4x3", 4, 3],
    [" 16 / 9 ", 16, 9],
    ["1.85/1", 1.85, 1],
    ["4/1", 4, 1],
  ])("reads %j as %d by %d", (written, width, height) => {
    const ratio = parseAspectRatio(written);
    expect(ratio.width).toBe(width);
    expect(ratio.height).toBe(height);
    expect(String(ratio)).toBe(`${width} / ${height}`);
    expect(JSON.stringify(ratio)).toBe(`"${width}/${height}"`);
  });

  it("accepts an object with numeric width and height", () => {
    expect(String(parseAspectRatio({ width: 4, height: 3 }))).toBe("4 / 3");
  });

  it.each([["0/9"], ["16/0"], ["abc"], ["16/9/1"], ["-16/9"], ["5/1"], ["1/5"], ["100:1"], [16], [{ width: 0, height: 9 }]])(
    "rejects %j",
    (written) => {
      expect(() => parseAspectRatio(written)).toThrow(InvalidValue);
    },
  );

  it("says why an extreme or empty ratio is rejected", () => {
    expect(() => parseAspectRatio("5/1")).toThrow(/more extreme than 4:1/);
    expect(() => parseAspectRatio("0/9")).toThrow(/above 0/);
  });

  it("defaults to 16 / 9", () => {
    expect(String(DEFAULT_ASPECT_RATIO)).toBe("16 / 9");
    expect(String(aspectRatio(9, 16))).toBe("9 / 16");
  });
});
