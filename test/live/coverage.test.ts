import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { parseUpdate, renderUpdate } from "../../src/elements/update.js";
import { NewsroomError } from "../../src/errors.js";
import { liveCoverage, newestFirst, numberedUpdatesPath, type LiveCoverage, type LiveCoverageOptions } from "../../src/live/coverage.js";
import { renderLiveBlog } from "../../src/live/render.js";
import type { LiveUpdate } from "../../src/types.js";
import { prop, TIMEOUT } from "../helpers/fastCheck.js";
import { renderContext, thrown } from "../helpers/newsroom.js";

const NEW_YORK = "America/New_York";
const URL = "/stories/election/";
const NOW = new Date("2030-01-01T00:00:00Z");

/** Updates as an author writes them, read by the one parser. */
const parsed = (input: Record<string, unknown>): LiveUpdate => parseUpdate({ text: "Words.", ...input }, {}, { timeZone: NEW_YORK, now: () => NOW });
const coverageOf = (updates: readonly LiveUpdate[], options: Partial<LiveCoverageOptions> = {}): LiveCoverage =>
  liveCoverage(updates, { url: URL, pageSize: 20, timeZone: NEW_YORK, file: "./stories/election.md", ...options });
const ids = (updates: readonly LiveUpdate[]) => updates.map((update) => update.id);

function coverageError(updates: readonly LiveUpdate[], options: Partial<LiveCoverageOptions> = {}): NewsroomError {
  const error = thrown(() => coverageOf(updates, options));
  expect(error).toBeInstanceOf(NewsroomError);
  const newsroomError = error as NewsroomError;
  expect(newsroomError.file).toBe("./stories/election.md");
  expect(newsroomError.message).toMatch(/^\[eleventy-plugin-newsroom\] \.\/stories\/election\.md: .+: .+\. Fix: .+\.$/);
  return newsroomError;
}

const STORY = [
  parsed({ time: "2017-05-18T10:00", title: "The meeting opens", pinned: true }),
  parsed({ time: "2017-05-18T10:45", title: "We Americans must own this problem", key: true }),
  parsed({ time: "2017-05-18T11:30", updated: "2017-05-18T11:40" }),
  parsed({ time: "2017-05-18T12:00", title: "Overcome the blame game", key: true }),
  parsed({ time: "2017-05-18T12:30" }),
];

describe("liveCoverage: order, status and dates", () => {
  it("orders the updates newest first, whatever the source's order", () => {
    const coverage = coverageOf([STORY[2]!, STORY[0]!, STORY[4]!, STORY[1]!, STORY[3]!]);
    expect(ids(coverage.updates)).toEqual(ids(STORY).reverse());
  });

  it("orders by the instant, not by the text: times with other offsets fall in their place", () => {
    const east = parsed({ time: "2017-05-18T12:00:00-04:00", id: "east" });
    const west = parsed({ time: "2017-05-18T11:30:00-05:00", id: "west" }); // 12:30 EDT
    const utc = parsed({ time: "2017-05-18T16:15:00Z", id: "utc" }); // 12:15 EDT
    expect(ids(coverageOf([east, west, utc]).updates)).toEqual(["west", "utc", "east"]);
  });

  it("orders updates posted at one time by their ids", () => {
    const same = ["charlie", "alpha", "bravo"].map((id) => parsed({ time: "2017-05-18T12:00", id }));
    expect(ids(coverageOf(same).updates)).toEqual(["alpha", "bravo", "charlie"]);
    expect(newestFirst(same[1]!, same[2]!)).toBeLessThan(0);
    expect(newestFirst(same[2]!, same[2]!)).toBe(0);
  });

  it("is live until coverageEnded is given; started is the first update, modified the latest post or edit", () => {
    const coverage = coverageOf(STORY);
    expect(coverage.status).toBe("live");
    expect(coverage.ended).toBeUndefined();
    expect(coverage.started).toBe("2017-05-18T10:00:00-04:00");
    expect(coverage.modified).toBe("2017-05-18T12:30:00-04:00");
  });

  it("an edit after the newest update is the latest modification", () => {
    const edited = parsed({ time: "2017-05-18T10:15", updated: "2017-05-18T13:05" });
    expect(coverageOf([...STORY, edited]).modified).toBe("2017-05-18T13:05:00-04:00");
  });

  it("has no dates and one empty live page without updates", () => {
    const coverage = coverageOf([]);
    expect([coverage.started, coverage.modified, coverage.pinned, coverage.keyEvents, coverage.updates]).toEqual([undefined, undefined, undefined, [], []]);
    expect(coverage.pages).toEqual([{ number: undefined, url: URL, updates: [] }]);
  });

  it.each([
    ["2017-05-18T17:00:00-04:00", "2017-05-18T17:00:00-04:00"],
    ["2017-05-18T21:00:00Z", "2017-05-18T17:00:00-04:00"],
    ["2017-05-18T21:00:00.000Z", "2017-05-18T17:00:00-04:00"],
    ["2017-05-18T17:00", "2017-05-18T17:00:00-04:00"],
    ["2017-05-18T12:30", "2017-05-18T12:30:00-04:00"],
  ])("coverageEnded %s ends it, at %s in the story's zone", (ended, shown) => {
    const coverage = coverageOf(STORY, { ended });
    expect(coverage.status).toBe("ended");
    expect(coverage.ended).toBe(shown);
  });

  it("collects the key events, newest first, and the pinned update", () => {
    const coverage = coverageOf(STORY);
    expect(ids(coverage.keyEvents)).toEqual([STORY[3]!.id, STORY[1]!.id]);
    expect(coverage.pinned).toBe(STORY[0]);
    expect(coverageOf(STORY.slice(1)).pinned).toBeUndefined();
  });
});

describe("liveCoverage: the story's faults", () => {
  it("two updates with one id", () => {
    const error = coverageError([parsed({ time: "2017-05-18T10:00", id: "polls" }), parsed({ time: "2017-05-18T11:00", id: "polls" })]);
    expect(error.element).toBe("update");
    expect(error.problem).toBe('two updates have the id "polls" (posted 2017-05-18T11:00:00-04:00 and 2017-05-18T10:00:00-04:00)');
    expect(error.fix).toMatch(/id="…"/);
  });

  it("two updates whose derived ids agree (same minute, same title)", () => {
    const error = coverageError([parsed({ time: "2017-05-18T10:00", title: "Polls close", text: "A" }), parsed({ time: "2017-05-18T10:00:00-04:00", title: "Polls close!", text: "B" })]);
    expect(error.problem).toMatch(/^two updates have the id "update-20170518-1000-polls-close"/);
  });

  it("more than one pinned update", () => {
    const error = coverageError([parsed({ time: "2017-05-18T10:00", pinned: true }), parsed({ time: "2017-05-18T11:00" }), parsed({ time: "2017-05-18T12:00", id: "late", pinned: true })]);
    expect(error.element).toBe("update");
    expect(error.problem).toBe('2 updates are pinned ("late", "update-20170518-1000")');
    expect(error.fix).toBe("pin one update: remove pinned from the others");
  });

  it.each([["2017-05-18T12:29"], ["2017-05-18T16:29:59Z"], ["2017-05-18"]])("coverageEnded (%s) before the last update", (ended) => {
    const error = coverageError(STORY, { ended });
    expect(error.problem).toBe(`coverageEnded (${ended}) is before the last update (2017-05-18T12:30:00-04:00, "${STORY[4]!.id}")`);
    expect(error.fix).toMatch(/after the last update/);
  });

  it("a coverageEnded that is not a time", () => {
    expect(coverageError(STORY, { ended: "at five" }).problem).toBe('coverageEnded "at five" is not an ISO 8601 date and time');
  });

  it.each([[0], [-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ["20" as unknown as number]])("a page size of %j", (pageSize) => {
    const error = coverageError(STORY, { pageSize });
    expect(error.element).toBe('option "live.pageSize"');
    expect(error.problem).toBe(`${JSON.stringify(pageSize)} is not a number of updates`);
  });
});

describe("numberedUpdatesPath", () => {
  it.each([
    ["/stories/election/", 2, "/stories/election/updates/2/"],
    ["/stories/election.html", 1, "/stories/election/updates/1/"],
    ["/stories/election.htm", 3, "/stories/election/updates/3/"],
    ["/", 1, "/updates/1/"],
  ])("%s, page %i: %s", (url, number, path) => {
    expect(numberedUpdatesPath(url, number)).toBe(path);
  });
});

describe("pages", () => {
  /** n updates a minute apart, oldest first, with ids u0… */
  const series = (count: number, from = 0): LiveUpdate[] =>
    Array.from({ length: count }, (_, index) => ({
      type: "update",
      id: `u${from + index}`,
      time: new Date(Date.UTC(2017, 4, 18, 14) + (from + index) * 60_000).toISOString().replace(".000Z", "Z"),
      timeZone: "UTC",
      key: false,
      pinned: false,
      text: "x",
    }));
  const layout = (coverage: LiveCoverage) => coverage.pages.map((page) => [page.number ?? "live", ids(page.updates)]);

  it("fewer than two pages' worth: all on the live page", () => {
    expect(layout(coverageOf(series(3), { pageSize: 2 }))).toEqual([["live", ["u2", "u1", "u0"]]]);
  });

  it("pages are numbered from the oldest update, each holds a page's worth, the live page the rest", () => {
    const coverage = coverageOf(series(7), { pageSize: 2 });
    expect(layout(coverage)).toEqual([
      ["live", ["u6", "u5", "u4"]],
      [2, ["u3", "u2"]],
      [1, ["u1", "u0"]],
    ]);
    expect(coverage.pages.map((page) => page.url)).toEqual([URL, `${URL}updates/2/`, `${URL}updates/1/`]);
    expect(coverage.pageOf.get("u0")).toBe(coverage.pages[2]);
    expect(coverage.pageOf.get("u6")).toBe(coverage.pages[0]);
  });

  /** Where each update is: its page's number (0 for the live page). */
  const placement = (coverage: LiveCoverage) => new Map(coverage.updates.map((update) => [update.id, coverage.pageOf.get(update.id)?.number ?? 0]));

  test("property: pages from the oldest; full numbered pages; a live page of pageSize to 2·pageSize−1; each update on one page; a numbered page never changes as updates come", () => {
    const sizes = fc.record({ count: fc.integer({ min: 0, max: 70 }), pageSize: fc.integer({ min: 1, max: 8 }), added: fc.integer({ min: 0, max: 30 }) });
    prop(sizes, ({ count, pageSize, added }) => {
      const before = series(count);
      const coverage = coverageOf(before, { pageSize });
      // Every update on exactly one page, and `pageOf` says which.
      const onPages = coverage.pages.flatMap((page) => ids(page.updates));
      expect(onPages.slice().sort()).toEqual(ids(before).sort());
      for (const page of coverage.pages) for (const update of page.updates) expect(coverage.pageOf.get(update.id)).toBe(page);
      // The live page first, then numbered pages from the newest down to 1, each newest first.
      const [live, ...numbered] = coverage.pages;
      expect(live!.number).toBeUndefined();
      expect(live!.url).toBe(URL);
      expect(numbered.map((page) => page.number)).toEqual(numbered.map((_, index) => numbered.length - index));
      for (const page of coverage.pages) expect(page.updates).toEqual(page.updates.slice().sort(newestFirst));
      for (const page of numbered) {
        expect(page.updates).toHaveLength(pageSize);
        expect(page.url).toBe(numberedUpdatesPath(URL, page.number!));
        // Page k holds the k-th pageSize of updates, counted from the oldest.
        expect(ids(page.updates).reverse()).toEqual(ids(before.slice((page.number! - 1) * pageSize, page.number! * pageSize)));
      }
      if (count >= pageSize) {
        expect(live!.updates.length).toBeGreaterThanOrEqual(pageSize);
        expect(live!.updates.length).toBeLessThanOrEqual(2 * pageSize - 1);
      } else {
        expect(live!.updates).toHaveLength(count);
      }
      // Newer updates come: an update on numbered page k is still on page k.
      const later = coverageOf([...before, ...series(added, count)], { pageSize });
      const after = placement(later);
      for (const [id, number] of placement(coverage)) if (number !== 0) expect([id, after.get(id)]).toEqual([id, number]);
      expect(later.pages.filter((page) => page.number !== undefined).length).toBeGreaterThanOrEqual(numbered.length);
    });
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------------------------
// The source's order never matters, and ids never depend on other updates.

interface Written {
  minute: number;
  title: string | undefined;
  key: boolean;
  id: string | undefined;
  edit: number | undefined;
}

/** A story's updates as written: times that may coincide, titles, key events, some ids given, at most one pinned. */
const writtenStory = fc
  .array(
    fc.record({
      minute: fc.integer({ min: 0, max: 240 }),
      title: fc.option(fc.constantFrom("Polls close", "Results", "¡Ya votaron!", "Кремль", "A <b>bold</b> claim"), { nil: undefined }),
      key: fc.boolean(),
      id: fc.option(fc.constantFrom("one", "two", "three"), { nil: undefined }),
      edit: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    }),
    { maxLength: 14 },
  )
  .chain((written) => fc.tuple(fc.constant(written), fc.option(fc.nat({ max: Math.max(0, written.length - 1) }), { nil: undefined })));

/** Parses what was written into updates with unique ids (a title or id repeated is given a number to tell it apart). */
function updatesOf([written, pinnedIndex]: [Written[], number | undefined]): LiveUpdate[] {
  const base = Date.UTC(2017, 4, 18, 14);
  return written.map((entry, index) => {
    // Without a title, an update's id is its minute alone: such an update is given an id (two at one minute would share one).
    const title = entry.title === undefined && !entry.key && entry.id !== undefined ? undefined : `${entry.title ?? "Update"} ${index}`;
    return parsed({
      time: new Date(base + entry.minute * 60_000),
      title,
      key: entry.key,
      pinned: index === pinnedIndex,
      id: entry.id === undefined ? undefined : `${entry.id}-${index}`,
      updated: entry.edit === undefined ? undefined : new Date(base + (entry.minute + entry.edit) * 60_000),
      text: `Words of update ${index}.`,
    });
  });
}

/** Everything a coverage tells, as plain data (pages by number and ids, `pageOf` as ids to addresses). */
function summary(coverage: LiveCoverage) {
  return {
    status: coverage.status,
    updates: ids(coverage.updates),
    pinned: coverage.pinned?.id,
    keyEvents: ids(coverage.keyEvents),
    started: coverage.started,
    modified: coverage.modified,
    ended: coverage.ended,
    pages: coverage.pages.map((page) => ({ number: page.number, url: page.url, updates: ids(page.updates) })),
    pageOf: [...coverage.pageOf].map(([id, page]) => [id, page.url]).sort(),
  };
}

/** Every page of the live blog, rendered as the adapter renders it. */
function blogPages(coverage: LiveCoverage): string[] {
  const markup = (update: LiveUpdate) => renderUpdate(update, renderContext()).toString();
  return coverage.pages.map((page) => renderLiveBlog(coverage, renderContext(), { page, markup, pollUrl: `${URL}live.json` }).toString());
}

describe("the source's order never matters", () => {
  test("property: any permutation of the updates gives the same coverage and the same live blog", () => {
    const story = writtenStory.chain((written) => {
      const updates = updatesOf(written);
      return fc.tuple(fc.constant(updates), fc.shuffledSubarray(updates, { minLength: updates.length, maxLength: updates.length }), fc.integer({ min: 1, max: 4 }), fc.boolean());
    });
    prop(story, ([updates, shuffled, pageSize, ended]) => {
      const options = { pageSize, ended: ended ? "2017-05-19T12:00" : undefined };
      const first = coverageOf(updates, options);
      const second = coverageOf(shuffled, options);
      expect(summary(second)).toEqual(summary(first));
      expect(blogPages(second)).toEqual(blogPages(first));
    });
  }, TIMEOUT);

  test("property: an update's id is the same whichever other updates the story has (added, edited or removed)", () => {
    const stories = fc.tuple(writtenStory, fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }));
    prop(stories, ([written, kept]) => {
      const all = updatesOf(written);
      // The same updates, written again, with some left out: each one kept has the id it had.
      const some = updatesOf(written).filter((_, index) => kept[index]);
      const byText = new Map(all.map((update) => [update.text, update.id]));
      for (const update of some) expect(update.id).toBe(byText.get(update.text));
      // And the coverage keeps them: it orders and pages, it never renames.
      const coverage = coverageOf(some, { pageSize: 2 });
      expect(ids(coverage.updates).sort()).toEqual(ids(some).sort());
      for (const update of some) expect(coverage.pageOf.get(update.id)).toBeDefined();
    });
  }, TIMEOUT);
});
