import { describe, expect, it } from "vitest";
import { aspectRatio, aspectRatioClass, aspectRatioRule, BUILT_IN_ASPECT_RATIOS, DEFAULT_ASPECT_RATIO, parseAspectRatio } from "../../src/values/aspectRatio.js";
import { InvalidValue } from "../../src/values/fields.js";

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

describe("aspectRatioClass and aspectRatioRule", () => {
  it.each([
    ["16/9", "newsroom-video__media--16x9", "16 / 9"],
    ["21:9", "newsroom-video__media--21x9", "21 / 9"],
    ["9/16", "newsroom-video__media--9x16", "9 / 16"],
    ["2.39/1", "newsroom-video__media--2_39x1", "2.39 / 1"],
    ["7/5", "newsroom-video__media--7x5", "7 / 5"],
  ])("gives %j the class %s and a rule with the ratio as written", (written, className, css) => {
    const ratio = parseAspectRatio(written);
    expect(aspectRatioClass(ratio)).toBe(className);
    expect(aspectRatioRule(ratio)).toBe(`.${className} { aspect-ratio: ${css}; }`);
  });

  it("makes class names that CSS reads without escaping", () => {
    for (const written of ["16/9", "1.85/1", "2.39/1", "4:3", "1/1", "0.5/1"]) {
      expect(aspectRatioClass(parseAspectRatio(written))).toMatch(/^[a-z_-][\w-]*$/);
    }
  });

  it("builds in the common ratios, each with a class of its own, the default among them", () => {
    const classes = BUILT_IN_ASPECT_RATIOS.map(aspectRatioClass);
    expect(new Set(classes).size).toBe(BUILT_IN_ASPECT_RATIOS.length);
    expect(classes).toContain(aspectRatioClass(DEFAULT_ASPECT_RATIO));
    expect(classes).toContain("newsroom-video__media--9x16");
  });
});
