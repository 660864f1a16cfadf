import { describe, expect, it } from "vitest";
import { parseUpdate, renderUpdate } from "../../src/elements/update.js";
import { liveCoverage, type LiveCoverage } from "../../src/live/coverage.js";
import { livePollDocument } from "../../src/live/poll.js";
import { renderLiveBlog } from "../../src/live/render.js";
import type { LiveUpdate } from "../../src/types.js";
import { parseFragment } from "../helpers/html.js";
import { renderContext } from "../helpers/newsroom.js";

const NEW_YORK = "America/New_York";
const URL = "/stories/talks/";
const parsed = (input: Record<string, unknown>): LiveUpdate => parseUpdate({ text: "Words.", ...input }, {}, { timeZone: NEW_YORK, now: () => new Date("2030-01-01T00:00:00Z") });
const markup = (update: LiveUpdate) => renderUpdate(update, renderContext()).toString();
const coverageOf = (updates: readonly LiveUpdate[], ended?: string, pageSize = 2): LiveCoverage => liveCoverage(updates, { url: URL, pageSize, ended, timeZone: NEW_YORK });

const UPDATES = [
  parsed({ time: "2017-05-18T10:00", title: "Opens" }),
  parsed({ time: "2017-05-18T10:45", title: "Own this problem", key: true }),
  parsed({ time: "2017-05-18T11:30", updated: "2017-05-18T13:40" }),
  parsed({ time: "2017-05-18T12:00" }),
  parsed({ time: "2017-05-18T12:30" }),
];
const ids = (updates: readonly LiveUpdate[]) => updates.map((update) => update.id);

/** The `<article>`s the live page shows (pinned or not), newest first, as the page has them. */
function articlesOnLivePage(coverage: LiveCoverage): Array<{ id: string; html: string }> {
  const root = parseFragment(renderLiveBlog(coverage, renderContext(), { page: coverage.pages[0]!, markup, pollUrl: `${URL}live.json` }).toString());
  const articles = [...root.querySelectorAll("article.newsroom-update")].map((article) => ({ id: article.id, html: article.outerHTML, time: Date.parse(article.querySelector("time")!.getAttribute("datetime")!) }));
  return articles.sort((a, b) => b.time - a.time).map(({ id, html }) => ({ id, html }));
}

describe("livePollDocument", () => {
  it("holds the live page's updates, newest first, as the page renders them, and every id of the story", () => {
    const coverage = coverageOf(UPDATES);
    const document = livePollDocument(coverage, markup);
    expect(document.version).toBe(1);
    expect(document.status).toBe("live");
    expect(document.modified).toBe("2017-05-18T13:40:00-04:00");
    expect(document.updates.map((update) => update.id)).toEqual(ids(coverage.pages[0]!.updates));
    expect(document.updates.map((update) => update.id)).toEqual(ids(UPDATES.slice(2).reverse()));
    for (const update of document.updates) expect(update.html).toBe(markup(coverage.updates.find((other) => other.id === update.id)!));
    expect(document.ids).toEqual(ids(UPDATES).reverse());
  });

  it("its updates are the articles of the live page, markup for markup", () => {
    const coverage = coverageOf(UPDATES);
    const fromPage = articlesOnLivePage(coverage);
    const fromJson = livePollDocument(coverage, markup).updates.map(({ id, html }) => ({ id, html: parseFragment(html).firstElementChild!.outerHTML }));
    expect(fromJson).toEqual(fromPage);
  });

  it("carries the pinned update when it has moved to a numbered page: the live page still shows it", () => {
    const pinnedOld = UPDATES.map((update, index) => ({ ...update, pinned: index === 0 }));
    const coverage = coverageOf(pinnedOld);
    expect(coverage.pageOf.get(pinnedOld[0]!.id)?.number).toBe(1);
    const document = livePollDocument(coverage, markup);
    expect(document.updates.map((update) => update.id)).toEqual([...ids(UPDATES.slice(2).reverse()), pinnedOld[0]!.id]);
    expect(document.updates.map(({ id, html }) => ({ id, html: parseFragment(html).firstElementChild!.outerHTML }))).toEqual(articlesOnLivePage(coverage));
  });

  it("carries a pinned update on the live page once", () => {
    const pinnedNew = UPDATES.map((update, index) => ({ ...update, pinned: index === 4 }));
    const document = livePollDocument(coverageOf(pinnedNew), markup);
    expect(document.updates.map((update) => update.id)).toEqual(ids(UPDATES.slice(2).reverse()));
  });

  it("says when coverage has ended", () => {
    expect(livePollDocument(coverageOf(UPDATES, "2017-05-18T17:00"), markup).status).toBe("ended");
  });

  it("without updates: nothing to show, and no modification time", () => {
    expect(livePollDocument(coverageOf([]), markup)).toEqual({ version: 1, status: "live", modified: null, updates: [], ids: [] });
  });

  it("is plain JSON: it survives a round trip", () => {
    const document = livePollDocument(coverageOf(UPDATES), markup);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
