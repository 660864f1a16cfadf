import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it, test } from "vitest";
import { SPANISH_LABELS } from "../../src/context.js";
import { derivedUpdateId, parseUpdate, readableUpdateTime, renderUpdate, type UpdateParseOptions } from "../../src/elements/update.js";
import { NewsroomError } from "../../src/errors.js";
import type { LiveUpdate } from "../../src/types.js";
import { prop, TIMEOUT } from "../helpers/fastCheck.js";
import { parseFragment, readableText } from "../helpers/html.js";
import { newsroomMd, renderContext, thrown } from "../helpers/newsroom.js";

const NEW_YORK = "America/New_York";
/** The build's clock in these tests: well after every update below. */
const NOW = new Date("2018-01-01T00:00:00Z");
const options = (extra: UpdateParseOptions = {}): UpdateParseOptions => ({ timeZone: NEW_YORK, now: () => NOW, ...extra });
const parse = (input: Record<string, unknown>, extra: UpdateParseOptions = {}): LiveUpdate => parseUpdate(input, {}, options(extra));

function updateError(input: Record<string, unknown>, extra: UpdateParseOptions = {}): NewsroomError {
  const error = thrown(() => parseUpdate(input, { file: "live.md", line: 12 }, options(extra)));
  expect(error).toBeInstanceOf(NewsroomError);
  const newsroomError = error as NewsroomError;
  expect(newsroomError.element).toBe("update");
  expect(newsroomError.message).toMatch(/^\[eleventy-plugin-newsroom\] live\.md:12: update: .+\. Fix: .+\.$/s);
  return newsroomError;
}

describe("parseUpdate: the fields", () => {
  it("reads every field", () => {
    expect(
      parse({
        time: "2017-05-18T21:05:00-04:00",
        updated: "2017-05-18T21:40:00-04:00",
        title: " Polls close ",
        key: "",
        pinned: "true",
        author: " Jane Doe ",
        id: "polls-close",
        text: " Polls *closed* at 9 pm. ",
      }),
    ).toEqual({
      type: "update",
      id: "polls-close",
      time: "2017-05-18T21:05:00-04:00",
      updated: "2017-05-18T21:40:00-04:00",
      timeZone: NEW_YORK,
      title: "Polls close",
      key: true,
      pinned: true,
      author: "Jane Doe",
      text: "Polls *closed* at 9 pm.",
    });
  });

  it("leaves out what is not given: no title, author or edit; neither key nor pinned", () => {
    const update = parse({ time: "2017-05-18T21:05", text: "Words." });
    expect(update).toEqual({ type: "update", id: "update-20170518-2105", time: "2017-05-18T21:05:00-04:00", updated: undefined, timeZone: NEW_YORK, title: undefined, key: false, pinned: false, author: undefined, text: "Words." });
  });

  it("without a time zone, reads and shows times in UTC", () => {
    const update = parseUpdate({ time: "2017-05-18T21:05", text: "Words." }, {}, { now: () => NOW });
    expect([update.time, update.timeZone]).toEqual(["2017-05-18T21:05:00Z", "UTC"]);
  });
});

describe("parseUpdate: times", () => {
  it.each([
    ["2017-05-18T21:05:00-04:00", "2017-05-18T21:05:00-04:00"],
    ["2017-05-19T01:05:00Z", "2017-05-18T21:05:00-04:00"],
    ["2017-05-19T01:05:00z", "2017-05-18T21:05:00-04:00"],
    ["2017-05-18T20:05:00-05:00", "2017-05-18T21:05:00-04:00"],
    ["2017-05-19T06:35:00+0530", "2017-05-18T21:05:00-04:00"],
    ["2017-05-18T19:05:00-06", "2017-05-18T21:05:00-04:00"],
  ])("a time with an offset, %s, is that instant, written in the story's zone: %s", (written, time) => {
    expect(parse({ time: written, text: "x" }).time).toBe(time);
  });

  it.each([
    ["2017-05-18T21:05", "2017-05-18T21:05:00-04:00"],
    ["2017-05-18 21:05", "2017-05-18T21:05:00-04:00"],
    ["2017-05-18T21:05:30", "2017-05-18T21:05:30-04:00"],
    ["2017-01-18T21:05", "2017-01-18T21:05:00-05:00"],
    ["  2017-01-18T21:05  ", "2017-01-18T21:05:00-05:00"],
  ])("a local time, %s, is read in the story's zone (summer or winter): %s", (written, time) => {
    expect(parse({ time: written, text: "x" }).time).toBe(time);
  });

  it("a local time is read in whichever zone is given", () => {
    expect(parse({ time: "2017-05-18T21:05", text: "x" }, { timeZone: "America/Mexico_City" }).time).toBe("2017-05-18T21:05:00-05:00");
    expect(parse({ time: "2017-05-18T21:05", text: "x" }, { timeZone: "Asia/Kolkata" }).time).toBe("2017-05-18T21:05:00+05:30");
  });

  it("a Date (YAML's reading of an unquoted time, or 11ty.js) is that instant", () => {
    expect(parse({ time: new Date("2017-05-19T01:05:00Z"), text: "x" }).time).toBe("2017-05-18T21:05:00-04:00");
  });

  describe("across a change of the clocks (America/New_York, 2017)", () => {
    const instant = (written: string) => Date.parse(parse({ time: written, text: "x" }).time);
    const HOUR = 3_600_000;

    it("the night summer time begins: 1:30 is EST, 3:30 is EDT, one hour apart", () => {
      expect(parse({ time: "2017-03-12T01:30", text: "x" }).time).toBe("2017-03-12T01:30:00-05:00");
      expect(parse({ time: "2017-03-12T03:30", text: "x" }).time).toBe("2017-03-12T03:30:00-04:00");
      expect(instant("2017-03-12T03:30") - instant("2017-03-12T01:30")).toBe(HOUR);
    });

    it("the night summer time begins: 2:30 never happened, and is refused rather than moved", () => {
      const error = updateError({ time: "2017-03-12T02:30", text: "x" });
      expect(error.problem).toBe('time "2017-03-12T02:30" is not a time that exists in America/New_York (the clocks skipped it, as when summer time begins)');
      expect(error.fix).toMatch(/offset/);
      // With its offset it is an instant like any other.
      expect(parse({ time: "2017-03-12T02:30:00-05:00", text: "x" }).time).toBe("2017-03-12T03:30:00-04:00");
    });

    it("the night summer time ends: 0:30 is EDT, 2:30 is EST, three hours apart", () => {
      expect(parse({ time: "2017-11-05T00:30", text: "x" }).time).toBe("2017-11-05T00:30:00-04:00");
      expect(parse({ time: "2017-11-05T02:30", text: "x" }).time).toBe("2017-11-05T02:30:00-05:00");
      expect(instant("2017-11-05T02:30") - instant("2017-11-05T00:30")).toBe(3 * HOUR);
    });

    it("the night summer time ends: 1:30 happened twice; the offset tells which, and the reader sees which", () => {
      const first = parse({ time: "2017-11-05T01:30:00-04:00", text: "x" });
      const second = parse({ time: "2017-11-05T01:30:00-05:00", text: "x" });
      expect(Date.parse(second.time) - Date.parse(first.time)).toBe(HOUR);
      expect(readableUpdateTime(first.time, NEW_YORK, {})).toBe("1:30 am EDT");
      expect(readableUpdateTime(second.time, NEW_YORK, {})).toBe("1:30 am EST");
      // Written without an offset it is one of the two, shown as written, with the abbreviation of its offset.
      const local = parse({ time: "2017-11-05T01:30", text: "x" });
      expect([first.time, second.time]).toContain(local.time);
      expect(readableUpdateTime(local.time, NEW_YORK, {})).toBe(local.time.endsWith("-04:00") ? "1:30 am EDT" : "1:30 am EST");
    });
  });

  it.each([
    ["yesterday", 'time "yesterday" is not a date with a time of day'],
    ["2017-05-18", 'time "2017-05-18" is not a date with a time of day'],
    ["25:00", 'time "25:00" is not a date with a time of day'],
    ["21:05", 'time "21:05" is not a date with a time of day'],
    ["May 18, 2017 9:05 pm", 'time "May 18, 2017 9:05 pm" is not a date with a time of day'],
    ["2017-02-30T10:00", 'time "2017-02-30T10:00" is not a time that exists'],
    ["2017-05-18T25:00", 'time "2017-05-18T25:00" is not a time that exists'],
    ["2017-05-18T21:61", 'time "2017-05-18T21:61" is not a time that exists'],
    ["2017-13-01T10:00", 'time "2017-13-01T10:00" is not a time that exists'],
  ])("an unreadable time, %s, is refused", (time, problem) => {
    const error = updateError({ time, text: "x" });
    expect(error.problem.startsWith(problem), error.problem).toBe(true);
    expect(error.fix).toContain('time="2017-05-18T21:05"');
  });

  it.each([[1495155900000], [true], [["2017-05-18T21:05"]], [new Date(Number.NaN)]])("a time that is not text or a date, %j, is refused", (time) => {
    expect(updateError({ time, text: "x" }).problem).toMatch(/^time is not a (valid date|date and time)$/);
  });

  it("a missing time is refused, and the fix says how to write one", () => {
    const error = updateError({ title: "Polls close", text: "x" });
    expect(error.problem).toBe('the required field "time" is missing');
    expect(error.fix).toContain("2017-05-18T21:05");
    expect(updateError({ time: "", text: "x" }).problem).toBe('the required field "time" is missing');
  });

  describe("a time in the future", () => {
    const clock = new Date("2017-05-19T01:00:00Z"); // 9:00 pm EDT on the 18th
    const at = (time: string, tolerance?: number) => parse({ time, text: "x" }, { now: () => clock, futureToleranceMinutes: tolerance });

    it("is accepted up to the tolerance (10 minutes by default: a clock a little ahead)", () => {
      expect(at("2017-05-18T21:10").time).toBe("2017-05-18T21:10:00-04:00");
      expect(at("2017-05-19T01:10:00Z").time).toBe("2017-05-18T21:10:00-04:00");
    });

    it("is refused beyond it, with the time and the build's clock in the story's zone", () => {
      const error = updateError({ time: "2017-05-18T21:11", text: "x" }, { now: () => clock });
      expect(error.problem).toBe("its time 2017-05-18T21:11:00-04:00 is in the future (more than 10 minutes after the build's clock, 2017-05-18T21:00:00-04:00)");
      expect(error.fix).toMatch(/time zone/);
    });

    it("a time read in the wrong zone is the usual cause: 21:05 in Tokyo is fine, in Honolulu it has not happened", () => {
      expect(at("2017-05-18T21:05").time).toBe("2017-05-18T21:05:00-04:00");
      expect(parse({ time: "2017-05-18T21:05", text: "x" }, { now: () => clock, timeZone: "Asia/Tokyo" }).time).toBe("2017-05-18T21:05:00+09:00");
      expect(updateError({ time: "2017-05-18T21:05", text: "x" }, { now: () => clock, timeZone: "Pacific/Honolulu" }).problem).toMatch(/is in the future/);
    });

    it("the tolerance is an option", () => {
      expect(at("2017-05-18T21:30", 30).time).toBe("2017-05-18T21:30:00-04:00");
      expect(updateError({ time: "2017-05-18T21:01", text: "x" }, { now: () => clock, futureToleranceMinutes: 0 }).problem).toMatch(/is in the future \(more than 0 minutes/);
    });

    it("an edit dated in the future is refused too", () => {
      const error = updateError({ time: "2017-05-18T20:00", updated: "2017-05-18T23:00", text: "x" }, { now: () => clock });
      expect(error.problem).toBe("its updated time 2017-05-18T23:00:00-04:00 is in the future (more than 10 minutes after the build's clock, 2017-05-18T21:00:00-04:00)");
    });
  });
});

describe("parseUpdate: updated", () => {
  it("is read like the time: an offset kept as an instant, a local time in the story's zone", () => {
    expect(parse({ time: "2017-05-18T21:05", updated: "2017-05-18T21:40", text: "x" }).updated).toBe("2017-05-18T21:40:00-04:00");
    expect(parse({ time: "2017-05-18T21:05", updated: "2017-05-19T01:40:00Z", text: "x" }).updated).toBe("2017-05-18T21:40:00-04:00");
  });

  it("may be the posting time itself, and is refused before it", () => {
    expect(parse({ time: "2017-05-18T21:05", updated: "2017-05-18T21:05", text: "x" }).updated).toBe("2017-05-18T21:05:00-04:00");
    const error = updateError({ time: "2017-05-18T21:05", updated: "2017-05-18T21:00", text: "x" });
    expect(error.problem).toBe("it was updated (2017-05-18T21:00:00-04:00) before it was posted (2017-05-18T21:05:00-04:00)");
    expect(error.fix).toBe('give "updated" the time of the edit, after "time"');
  });

  it("is refused when unreadable", () => {
    expect(updateError({ time: "2017-05-18T21:05", updated: "later", text: "x" }).problem).toBe('updated "later" is not a date with a time of day');
  });
});

describe("parseUpdate: key and pinned", () => {
  it.each([
    ["", true],
    ["true", true],
    [" TRUE ", true],
    ["yes", true],
    [true, true],
    ["false", false],
    ["no", false],
    [false, false],
    [undefined, false],
  ])("%j is %s", (value, on) => {
    const update = parse({ time: "2017-05-18T21:05", title: "T", key: value, pinned: value, text: "x" });
    expect([update.key, update.pinned]).toEqual([on, on]);
  });

  it.each([["maybe"], ["1"], [1], [["true"]]])("%j is refused, naming the flag", (value) => {
    const keyError = updateError({ time: "2017-05-18T21:05", title: "T", key: value, text: "x" });
    expect(keyError.problem).toBe(`key must be true or false, not ${JSON.stringify(value)}`);
    expect(keyError.fix).toMatch(/bare/);
    expect(updateError({ time: "2017-05-18T21:05", pinned: value, text: "x" }).problem).toBe(`pinned must be true or false, not ${JSON.stringify(value)}`);
  });

  it("a key event needs a title (the list of key events links to it by its title)", () => {
    const error = updateError({ time: "2017-05-18T21:05", key: "", text: "x" });
    expect(error.problem).toBe("a key event has no title");
    expect(error.fix).toMatch(/title="/);
    expect(updateError({ time: "2017-05-18T21:05", key: true, title: "  ", text: "x" }).problem).toBe("a key event has no title");
    // A pinned update needs none.
    expect(parse({ time: "2017-05-18T21:05", pinned: true, text: "x" }).pinned).toBe(true);
  });
});

describe("parseUpdate: ids", () => {
  const idOf = (input: Record<string, unknown>, extra: UpdateParseOptions = {}) => parse({ text: "x", ...input }, extra).id;

  it("derives one from the time, in the story's zone, to the minute, and the title's first words", () => {
    expect(idOf({ time: "2017-05-18T21:05", title: "Polls close" })).toBe("update-20170518-2105-polls-close");
    expect(idOf({ time: "2017-05-18T21:05" })).toBe("update-20170518-2105");
    expect(idOf({ time: "2017-05-18T09:05" })).toBe("update-20170518-0905");
    expect(idOf({ time: "2017-05-18T21:05:30" })).toBe("update-20170518-210530");
  });

  it("the same instant written with any offset gives the same id (it is the story's clock that counts)", () => {
    const ids = ["2017-05-18T21:05", "2017-05-18T21:05:00-04:00", "2017-05-19T01:05:00Z", "2017-05-19T06:35:00+05:30"].map((time) => idOf({ time, title: "Polls close" }));
    expect(new Set(ids)).toEqual(new Set(["update-20170518-2105-polls-close"]));
  });

  it.each([
    ["Tillerson: “We Americans must own this problem”", "update-20170518-2105-tillerson-we-americans-must-own-this"],
    ["It's 9 p.m. — polls close!", "update-20170518-2105-it-s-9-p-m-polls-close"],
    ["¡¿…!?", "update-20170518-2105"],
    ["Videgaray: «Señal» de Ñandú, über alles", "update-20170518-2105-videgaray-senal-de-nandu-uber-alles"],
    ["Кремль: «да»", "update-20170518-2105-кремль-да"],
    ["東京 選挙 速報", "update-20170518-2105-東京-選挙-速報"],
    ["تحديث عاجل", "update-20170518-2105-تحديث-عاجل"],
    ["A <script>alert(1)</script> title", "update-20170518-2105-a-script-alert-1-script-title"],
    ["UPPER case", "update-20170518-2105-upper-case"],
  ])("from the title %j: %s", (title, id) => {
    expect(idOf({ time: "2017-05-18T21:05", title })).toBe(id);
  });

  it("keeps the words of the title that fit in 40 characters, whole", () => {
    expect(idOf({ time: "2017-05-18T21:05", title: "A very long title that goes on and on and on with many words in it" })).toBe("update-20170518-2105-a-very-long-title-that-goes-on-and-on");
    expect(idOf({ time: "2017-05-18T21:05", title: "Pneumonoultramicroscopicsilicovolcanoconiosis strikes" })).toBe("update-20170518-2105");
  });

  test("property: a derived id has one shape, depends only on the time and the title, and is an HTML id", () => {
    const title = fc.option(fc.string({ unit: fc.constantFrom(..."ab Zé9-—:«»'!東кا".split("")), maxLength: 80 }), { nil: undefined });
    const minute = fc.integer({ min: 0, max: 60 * 24 * 365 * 2 });
    prop(fc.tuple(minute, fc.boolean(), title), ([minutes, withSeconds, written]) => {
      const time = new Date(Date.UTC(2015, 0, 1) + minutes * 60_000 + (withSeconds ? 17_000 : 0));
      const update = parseUpdate({ time, title: written, text: "x" }, {}, { timeZone: NEW_YORK, now: () => NOW });
      expect(update.id).toMatch(/^update-\d{8}-\d{4}(\d{2})?(-[\p{L}\p{N}]+)*$/u);
      expect(update.id.replace(/^update-\d{8}-\d{4}(\d{2})?/, "").length).toBeLessThanOrEqual(40);
      expect(update.id).not.toMatch(/\s/);
      // Nothing else counts: not the author, the words, the flags or an edit.
      const other = parseUpdate({ time, title: written, text: "Other words.", author: "B", pinned: true, updated: time }, {}, { timeZone: NEW_YORK, now: () => NOW });
      expect(other.id).toBe(update.id);
    });
  }, TIMEOUT);

  it("derivedUpdateId is what parseUpdate gives an update without an id", () => {
    const update = parse({ time: "2017-05-18T21:05", title: "Polls close", text: "x" });
    expect(derivedUpdateId(DateTime.fromISO(update.time, { setZone: true }), update.title)).toBe(update.id);
  });

  it.each([["polls-close"], ["Polls_Close2"], ["x"], [" padded "]])("keeps a given id, %j (trimmed)", (id) => {
    expect(idOf({ time: "2017-05-18T21:05", title: "Polls close", id })).toBe(id.trim());
  });

  it("an empty id is no id: one is derived", () => {
    expect(idOf({ time: "2017-05-18T21:05", id: "" })).toBe("update-20170518-2105");
  });

  it.each([["1st"], ["polls close"], ["polls#close"], ["-polls"], ["polls.close"], ["évian"], [42]])("refuses the id %j", (id) => {
    const error = updateError({ time: "2017-05-18T21:05", id, text: "x" });
    expect(error.problem).toBe(`id ${JSON.stringify(id)} is not an id`);
    expect(error.fix).toMatch(/start it with a letter/);
  });
});

describe("parseUpdate: other bad input", () => {
  it.each([[{ time: "2017-05-18T21:05" }], [{ time: "2017-05-18T21:05", text: "  \n " }]])("an update without words is refused: %j", (input) => {
    const error = updateError(input);
    expect(error.problem).toBe("the update has no words");
    expect(error.fix).toMatch(/between its opening and closing lines/);
  });

  it("an unknown field is refused, and the fix lists the fields", () => {
    const error = updateError({ time: "2017-05-18T21:05", text: "x", headline: "H" });
    expect(error.problem).toBe('unknown field "headline"');
    expect(error.fix).toContain('"time", "updated", "title", "key", "pinned", "author", "id" or "text"');
  });

  it("a title or author that is not text is refused", () => {
    expect(updateError({ time: "2017-05-18T21:05", text: "x", title: ["A"] }).problem).toBe('the field "title" must be text but is a list');
    expect(updateError({ time: "2017-05-18T21:05", text: "x", author: { name: "A" } }).problem).toBe('the field "author" must be text but is an object');
  });

  it("input that is not an object of fields is refused", () => {
    expect(updateError("2017-05-18T21:05" as unknown as Record<string, unknown>).problem).toMatch(/^expected an object of fields/);
  });
});

describe("readableUpdateTime", () => {
  it("shows the time in the story's zone, with its abbreviation, in lower-case news style", () => {
    expect(readableUpdateTime("2017-01-18T21:05:00-05:00", NEW_YORK, {})).toBe("9:05 pm EST");
    expect(readableUpdateTime("2017-05-18T21:05:00-04:00", NEW_YORK, {})).toBe("9:05 pm EDT");
    expect(readableUpdateTime("2017-05-18T09:05:00-04:00", NEW_YORK, {})).toBe("9:05 am EDT");
    expect(readableUpdateTime("2017-05-19T01:05:00Z", NEW_YORK, {})).toBe("9:05 pm EDT");
    expect(readableUpdateTime("2017-05-19T01:05:00Z", "UTC", {})).toBe("1:05 am UTC");
  });

  it("follows the locale and the time format given", () => {
    expect(readableUpdateTime("2017-05-18T21:05:00-04:00", NEW_YORK, { dates: { locale: "en-US", timeFormat: "HH:mm" } })).toBe("21:05");
    expect(readableUpdateTime("2017-05-18T21:05:00-04:00", "America/Mexico_City", { dates: { locale: "es-MX" } })).toBe("8:05 p.m. GMT-5");
  });
});

// -----------------------------------------------------------------------------------------------------------------

const UPDATE = { time: "2017-05-18T21:05", updated: "2017-05-18T21:40", title: "Polls close", author: "Jane Doe", text: "Polls *closed* at 9 pm." };
const render = (input: Record<string, unknown>, context = renderContext()) => renderUpdate(parse(input), context).toString();
const articleOf = (markup: string): HTMLElement => {
  const root = parseFragment(markup);
  expect(root.children, "one element at the top").toHaveLength(1);
  const article = root.firstElementChild as HTMLElement;
  expect(article.tagName).toBe("ARTICLE");
  return article;
};

describe("renderUpdate", () => {
  it("is an <article> with the update's id, whose time links to itself with the offset in datetime", () => {
    const article = articleOf(render(UPDATE));
    expect(article.id).toBe("update-20170518-2105-polls-close");
    expect(article.classList.contains("newsroom-update")).toBe(true);
    const links = article.querySelectorAll("a");
    expect(links).toHaveLength(1);
    const permalink = links[0]!;
    expect(permalink.getAttribute("href")).toBe("#update-20170518-2105-polls-close");
    const time = permalink.querySelector(":scope > time")!;
    expect(time.getAttribute("datetime")).toBe("2017-05-18T21:05:00-04:00");
    expect(readableText(time)).toBe("9:05 pm EDT");
    // The header comes first, then the words, then the edit.
    expect([...article.children].map((child) => child.className)).toEqual(["newsroom-update__header", "newsroom-update__body", "newsroom-update__edited"]);
  });

  it("uses the given id", () => {
    const article = articleOf(render({ ...UPDATE, id: "polls-close" }));
    expect(article.id).toBe("polls-close");
    expect(article.querySelector("a")?.getAttribute("href")).toBe("#polls-close");
  });

  it("a winter update shows EST and a -05:00 offset", () => {
    const time = articleOf(render({ time: "2017-01-18T21:05", text: "x" })).querySelector("time")!;
    expect([time.getAttribute("datetime"), readableText(time)]).toEqual(["2017-01-18T21:05:00-05:00", "9:05 pm EST"]);
  });

  it.each([2, 3, 4, 5, 6] as const)("the title is a heading of the context's level (%i)", (level) => {
    const article = articleOf(render(UPDATE, renderContext({ headingLevel: level })));
    const headings = article.querySelectorAll("h1, h2, h3, h4, h5, h6");
    expect(headings).toHaveLength(1);
    expect(headings[0]!.tagName).toBe(`H${level}`);
    expect(readableText(headings[0])).toBe("Polls close");
    expect(headings[0]!.closest("header")).not.toBeNull();
  });

  it("an update without a title has no heading; without an author, no byline; never edited, no edit line", () => {
    const article = articleOf(render({ time: "2017-05-18T21:05", text: "Words." }));
    expect(article.querySelector("h1, h2, h3, h4, h5, h6")).toBeNull();
    expect(article.querySelector(".newsroom-update__author")).toBeNull();
    expect(article.querySelector(".newsroom-update__edited")).toBeNull();
    expect(article.querySelectorAll("time")).toHaveLength(1);
  });

  it("names the author with the byline label", () => {
    expect(readableText(articleOf(render(UPDATE)).querySelector(".newsroom-update__author"))).toBe("By Jane Doe");
  });

  it('says "Updated …" with the time of the edit, in the zone, as a <time>', () => {
    const edited = articleOf(render(UPDATE)).querySelector(".newsroom-update__edited")!;
    expect(readableText(edited)).toBe("Updated 9:40 pm EDT");
    const time = edited.querySelector("time")!;
    expect(time.getAttribute("datetime")).toBe("2017-05-18T21:40:00-04:00");
  });

  it("marks a key event", () => {
    const key = articleOf(render({ ...UPDATE, key: true }));
    expect(key.classList.contains("newsroom-update--key")).toBe(true);
    expect(readableText(key.querySelector(".newsroom-update__meta"))).toBe("9:05 pm EDT Key event");
    const plain = articleOf(render(UPDATE));
    expect(plain.className).toBe("newsroom-update");
    expect(plain.querySelector("strong")).toBeNull();
  });

  it("renders the words as Markdown", () => {
    const body = articleOf(render({ time: "2017-05-18T21:05", text: "Polls *closed*.\n\nSecond [paragraph](https://example.com/)." })).querySelector(".newsroom-update__body")!;
    expect([...body.children].map((child) => child.tagName)).toEqual(["P", "P"]);
    expect(body.querySelector("em")?.textContent).toBe("closed");
    expect(body.querySelector("a")?.getAttribute("href")).toBe("https://example.com/");
  });

  it("renders the elements inside it through the site's markdown-it: a quote in an update", () => {
    const md = newsroomMd();
    const text = "Tillerson said it bluntly.\n\n::: quote speaker=\"Rex Tillerson\" role=\"US Secretary of State\"\nWe Americans must own this problem.\n:::";
    const body = articleOf(render({ time: "2017-05-18T21:05", text }, renderContext({ markdown: md }))).querySelector(".newsroom-update__body")!;
    expect([...body.children].map((child) => child.tagName.toLowerCase())).toEqual(["p", "figure"]);
    const figure = body.querySelector("figure.newsroom-quote")!;
    expect(readableText(figure.querySelector("blockquote"))).toBe("We Americans must own this problem.");
    expect(readableText(figure.querySelector("figcaption"))).toBe("Rex Tillerson, US Secretary of State");
  });

  it("an update written in Markdown renders nothing where it stands (the live blog shows it)", () => {
    const md = newsroomMd({ parseOptions: options() });
    expect(md.render('Before.\n\n::: update time="2017-05-18T21:05"\nWords.\n:::\n\nAfter.\n')).toBe("<p>Before.</p>\n<p>After.</p>\n");
  });

  it("escapes the title and the author: a <script> in them stays text", () => {
    const title = 'Polls <script>alert("x")</script> & "close"';
    const author = "<b>Jane</b> & <i>Doe</i>";
    const article = articleOf(render({ time: "2017-05-18T21:05", title, author, text: "x" }));
    expect(article.querySelector("script, b, i")).toBeNull();
    expect(readableText(article.querySelector("h2"))).toBe(title);
    expect(readableText(article.querySelector(".newsroom-update__author"))).toBe(`By ${author}`);
  });

  it("writes the words of the labels it is given", () => {
    const context = renderContext({ labels: SPANISH_LABELS, dates: { locale: "es-MX" } });
    const article = articleOf(render({ ...UPDATE, key: true }, context));
    expect(readableText(article.querySelector(".newsroom-update__edited"))).toBe("Actualizado a las 9:40 p.m. GMT-4");
    expect(readableText(article.querySelector(".newsroom-update__author"))).toBe("Por Jane Doe");
    expect(readableText(article.querySelector(".newsroom-update__mark"))).toBe("Momento clave");
  });
});

describe("data-version: a digest of what the update shows", () => {
  const versionOf = (input: Record<string, unknown>, context = renderContext()) => articleOf(render(input, context)).dataset["version"];

  it("is there, and the same for the same update rendered again (in another context, with other ids taken)", () => {
    const version = versionOf(UPDATE);
    expect(version).toMatch(/^[0-9a-z]+$/);
    expect(versionOf({ ...UPDATE })).toBe(version);
    const context = renderContext();
    context.ids.claim("newsroom-highlights");
    expect(versionOf(UPDATE, context)).toBe(version);
  });

  it.each([
    ["the words", { text: "Polls *closed* at 9:01 pm." }],
    ["the title", { title: "Polls closed" }],
    ["the author", { author: "John Doe" }],
    ["the edit", { updated: "2017-05-18T21:45" }],
    ["being a key event", { key: true }],
  ])("changes with %s", (_what, change) => {
    expect(versionOf({ ...UPDATE, ...change })).not.toBe(versionOf(UPDATE));
  });

  test("property: words that render differently give different versions; the same words, the same version", () => {
    // Read from the markup without a DOM: a thousand runs of JSDOM would take a minute.
    const VERSION = / data-version="([0-9a-z]+)"/;
    const rendered = (text: string) => {
      const markup = render({ time: "2017-05-18T21:05", text });
      return { version: VERSION.exec(markup)![1], rest: markup.replace(VERSION, "") };
    };
    const words = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== "");
    prop(fc.tuple(words, words), ([a, b]) => {
      const first = rendered(a);
      expect(rendered(a)).toEqual(first);
      const second = rendered(b);
      if (second.rest !== first.rest) expect(second.version).not.toBe(first.version);
      else expect(second.version).toBe(first.version);
    });
  }, TIMEOUT);
});
