import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATE_OPTIONS, machineDate, readableDate, renderTime, toStoryDate } from "../../src/values/dates.js";
import { InvalidValue } from "../../src/values/fields.js";
import { parseFragment } from "../helpers/html.js";

const NEW_YORK = "America/New_York";
const NY_OPTIONS = { ...DEFAULT_DATE_OPTIONS, timeZone: NEW_YORK };

describe("toStoryDate", () => {
  it("reads YAML's midnight-UTC Date as that calendar day, not the evening before", () => {
    const date = toStoryDate(new Date("2017-05-18T00:00:00Z"), NEW_YORK);
    expect(date.dateOnly).toBe(true);
    expect(date.dateTime.zoneName).toBe(NEW_YORK);
    expect([date.dateTime.year, date.dateTime.month, date.dateTime.day]).toEqual([2017, 5, 18]);
    expect(machineDate(date)).toBe("2017-05-18");
    expect(readableDate(date, NY_OPTIONS)).toBe("Thu May 18, 2017");
  });

  it("reads a midnight Date as the same day east of UTC too", () => {
    expect(machineDate(toStoryDate(new Date("2017-05-18T00:00:00Z"), "Asia/Tokyo"))).toBe("2017-05-18");
  });

  it("converts a Date with a time of day to the site's zone", () => {
    const date = toStoryDate(new Date("2017-05-18T18:30:00Z"), NEW_YORK);
    expect(date.dateOnly).toBe(false);
    expect(machineDate(date)).toBe("2017-05-18T14:30:00-04:00");
    expect(readableDate(date, NY_OPTIONS)).toBe("2:30 PM EDT, Thu May 18, 2017");
  });

  it("keeps an evening in New York on its own day", () => {
    expect(machineDate(toStoryDate(new Date("2017-05-19T01:00:00Z"), NEW_YORK))).toBe("2017-05-18T21:00:00-04:00");
  });

  it.each([
    ["2017-05-18", true, "2017-05-18"],
    ["2017-05-18T14:30:00", false, "2017-05-18T14:30:00-04:00"],
    ["2017-05-18T14:30:00-04:00", false, "2017-05-18T14:30:00-04:00"],
    ["2017-05-18T14:30:00+02:00", false, "2017-05-18T08:30:00-04:00"],
    ["2017-05-18T12:30:00Z", false, "2017-05-18T08:30:00-04:00"],
    [" 2017-05-18 ", true, "2017-05-18"],
  ])("reads the string %j (a time without offset is the site's local time)", (text, dateOnly, machine) => {
    const date = toStoryDate(text, NEW_YORK);
    expect(date.dateOnly).toBe(dateOnly);
    expect(machineDate(date)).toBe(machine);
  });

  it("reads a luxon DateTime in the site's zone", () => {
    const date = toStoryDate(DateTime.fromISO("2017-05-18T12:00:00Z", { setZone: true }), NEW_YORK);
    expect(machineDate(date)).toBe("2017-05-18T08:00:00-04:00");
  });

  it.each([["18 May 2017"], ["2017-13-01"], [""], [new Date("nonsense")], [1495065600000], [null]])("rejects %j", (value) => {
    expect(() => toStoryDate(value, NEW_YORK)).toThrow(InvalidValue);
  });
});

describe("readableDate", () => {
  it("uses the locale and formats of the options", () => {
    const date = toStoryDate("2017-05-18", "UTC");
    expect(readableDate(date, DEFAULT_DATE_OPTIONS)).toBe("Thu May 18, 2017");
    expect(readableDate(date, { ...DEFAULT_DATE_OPTIONS, locale: "es-MX", dateFormat: "d 'de' MMMM 'de' yyyy" })).toBe("18 de mayo de 2017");
  });
});

describe("renderTime", () => {
  it("renders a time element with the machine's form in datetime and the reader's inside", () => {
    const time = parseFragment(renderTime(toStoryDate("2017-05-18T14:30:00", NEW_YORK), NY_OPTIONS).toString()).querySelector("time")!;
    expect(time.className).toBe("newsroom-date");
    expect(time.getAttribute("datetime")).toBe("2017-05-18T14:30:00-04:00");
    expect(time.textContent).toBe("2:30 PM EDT, Thu May 18, 2017");
  });

  it("renders a date-only value without a time and takes a class name", () => {
    const time = parseFragment(renderTime(toStoryDate(new Date("2017-05-18T00:00:00Z"), NEW_YORK), NY_OPTIONS, "story__updated").toString()).querySelector(
      "time.story__updated",
    )!;
    expect(time.getAttribute("datetime")).toBe("2017-05-18");
    expect(time.textContent).toBe("Thu May 18, 2017");
  });
});
