import { describe, expect, it } from "vitest";
import { durationFromSeconds, parseDuration } from "../../src/values/duration.js";
import { InvalidValue } from "../../src/values/fields.js";
import { thrown } from "../helpers/newsroom.js";

describe("parseDuration", () => {
  it.each([
    ["01:45", 105, "PT1M45S", "1:45"],
    ["1:45", 105, "PT1M45S", "1:45"],
    [" 1:45 ", 105, "PT1M45S", "1:45"],
    ["1:02:03", 3723, "PT1H2M3S", "1:02:03"],
    ["PT1M45S", 105, "PT1M45S", "1:45"],
    ["PT1H2M3S", 3723, "PT1H2M3S", "1:02:03"],
    ["PT45S", 45, "PT45S", "0:45"],
    ["pt2m", 120, "PT2M", "2:00"],
  ])("reads %j as %i seconds (%s, %s)", (written, seconds, iso, text) => {
    const duration = parseDuration(written);
    expect(duration.seconds).toBe(seconds);
    expect(duration.iso).toBe(iso);
    expect(duration.text).toBe(text);
  });

  it("reads a whole number as seconds", () => {
    const duration = parseDuration(105);
    expect({ seconds: duration.seconds, iso: duration.iso, text: duration.text }).toEqual({ seconds: 105, iso: "PT1M45S", text: "1:45" });
  });

  it("prints the reader's form and serialises the machine's form", () => {
    const duration = parseDuration("1:02:03");
    expect(String(duration)).toBe("1:02:03");
    expect(`${duration}`).toBe("1:02:03");
    expect(JSON.stringify(duration)).toBe('"PT1H2M3S"');
    expect(JSON.stringify({ duration: parseDuration(105) })).toBe('{"duration":"PT1M45S"}');
  });

  it.each([["1:75"], ["1:60:00"], ["0:00"], ["PT0S"], ["abc"], ["PT"], [""], ["1:4a"], [-5], [0], [1.5], [Number.NaN], [null], [{ seconds: 5 }]])(
    "rejects %j with an InvalidValue",
    (written) => {
      expect(() => parseDuration(written)).toThrow(InvalidValue);
    },
  );

  it("explains what was wrong and how to write it", () => {
    expect(() => parseDuration("1:75")).toThrow(/75 seconds/);
    expect(() => parseDuration("1:60:00")).toThrow(/60 minutes/);
    expect(() => parseDuration("0:00")).toThrow(/zero/);
    const error = thrown(() => parseDuration("abc"));
    expect(error).toBeInstanceOf(InvalidValue);
    expect((error as InvalidValue).fix).toContain("1:45");
  });
});

describe("durationFromSeconds", () => {
  it("leaves out the zero parts of the ISO form but keeps the clock padded", () => {
    expect(durationFromSeconds(3600).iso).toBe("PT1H");
    expect(durationFromSeconds(3600).text).toBe("1:00:00");
    expect(durationFromSeconds(3605).iso).toBe("PT1H5S");
    expect(durationFromSeconds(65).text).toBe("1:05");
  });
});

describe("parseDuration's memory of written forms", () => {
  it("gives the same frozen duration for a form read before, and refuses a wrong form every time", () => {
    const first = parseDuration("4:05");
    expect(parseDuration("4:05")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(`${first}`).toBe("4:05");
    expect(JSON.stringify({ duration: first })).toBe('{"duration":"PT4M5S"}');
    for (let attempt = 0; attempt < 2; attempt++) expect(() => parseDuration("4:75")).toThrow(/75 seconds/);
  });

  it("stays right after more forms than it keeps", () => {
    for (let seconds = 1; seconds <= 5000; seconds++) expect(parseDuration(`PT${seconds}S`).seconds).toBe(seconds);
    expect(parseDuration("PT7S").text).toBe("0:07");
  });
});
