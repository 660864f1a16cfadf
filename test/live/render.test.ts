import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it, test } from "vitest";
import { DEFAULT_LABELS, SPANISH_LABELS, type RenderContext } from "../../src/context.js";
import { parseUpdate, renderUpdate } from "../../src/elements/update.js";
import { liveCoverage, type LiveCoverage, type UpdatesPage } from "../../src/live/coverage.js";
import { renderLiveBlog, type LiveBlogOptions } from "../../src/live/render.js";
import type { LiveUpdate } from "../../src/types.js";
import { prop, TIMEOUT } from "../helpers/fastCheck.js";
import { readableText } from "../helpers/html.js";
import { newsroomMd, renderContext } from "../helpers/newsroom.js";

const NEW_YORK = "America/New_York";
const URL = "/stories/talks/";
const POLL = "/stories/talks/live.json";
const md = newsroomMd();

// One document for the whole file: a JSDOM window is costly, a <template> in it is not.
const { document } = new JSDOM("<!doctype html><title>x</title>").window;
function parse(markup: string): HTMLElement {
  const template = document.createElement("template");
  template.innerHTML = markup;
  expect(template.content.children, "one element at the top").toHaveLength(1);
  return template.content.firstElementChild as HTMLElement;
}

const parsed = (input: Record<string, unknown>): LiveUpdate => parseUpdate({ text: "Words.", ...input }, {}, { timeZone: NEW_YORK, now: () => new Date("2030-01-01T00:00:00Z") });
const markup = (update: LiveUpdate) => renderUpdate(update, renderContext({ markdown: md })).toString();

/**
 * Seven updates, pages of two: page 1 holds 10:00 (pinned) and 10:45 (a key event), page 2 holds 11:30 and 12:00 (a
 * key event); the live page 12:30, 13:00 and 13:30 (a key event).
 */
const UPDATES = [
  parsed({ time: "2017-05-18T10:00", title: "The meeting opens", pinned: true }),
  parsed({ time: "2017-05-18T10:45", title: "We Americans must own this problem", key: true }),
  parsed({ time: "2017-05-18T11:30", updated: "2017-05-18T11:40" }),
  parsed({ time: "2017-05-18T12:00", title: "Overcome the blame game", key: true, text: '::: quote speaker="Luis Videgaray"\nWe need to overcome the blame game.\n:::' }),
  parsed({ time: "2017-05-18T12:30" }),
  parsed({ time: "2017-05-18T13:00", title: "Kelly: drug demand" }),
  parsed({ time: "2017-05-18T13:30", title: "“Fresh strategies”", key: true }),
];
const [opens, americans, pervasive, blame, pointing, kelly, fresh] = UPDATES.map((update) => update.id) as [string, string, string, string, string, string, string];

const coverageOf = (updates: readonly LiveUpdate[] = UPDATES, ended?: string, pageSize = 2): LiveCoverage =>
  liveCoverage(updates, { url: URL, pageSize, ended, timeZone: NEW_YORK });
const pageNumbered = (coverage: LiveCoverage, number: number | undefined): UpdatesPage => coverage.pages.find((page) => page.number === number)!;

function blog(coverage: LiveCoverage, number?: number, options: Partial<LiveBlogOptions> = {}, context: RenderContext = renderContext({ markdown: md })): HTMLElement {
  return parse(renderLiveBlog(coverage, context, { page: pageNumbered(coverage, number), markup, pollUrl: POLL, ...options }).toString());
}
const articleIds = (root: Element, selector = ".newsroom-live__updates > article") => [...root.querySelectorAll(selector)].map((article) => article.id);
const links = (root: Element, selector: string) => [...root.querySelectorAll(`${selector} a`)].map((link) => link.getAttribute("href"));

describe("the live page", () => {
  const root = blog(coverageOf());

  it("is a live blog of the live status: the status, the key events, the pinned update, the poll control, the updates, the earlier pages", () => {
    expect(root.tagName).toBe("DIV");
    expect([...root.classList]).toEqual(["newsroom-live", "newsroom-live--live"]);
    expect([...root.children].map((child) => `${child.tagName.toLowerCase()}.${child.classList[0]}`)).toEqual([
      "p.newsroom-live__status",
      "nav.newsroom-live__key-events",
      "div.newsroom-live__pinned",
      "button.newsroom-live__new",
      "p.newsroom-live__announcer",
      "section.newsroom-live__updates",
      "nav.newsroom-live__pages",
    ]);
    const status = root.querySelector(".newsroom-live__status")!;
    expect(readableText(status)).toBe("Live");
    expect(status.classList.contains("newsroom-live__status--live")).toBe(true);
  });

  it("shows its own updates newest first, each as its markup, in a named section", () => {
    const section = root.querySelector("section.newsroom-live__updates")!;
    expect(section.getAttribute("aria-label")).toBe("Updates");
    expect(articleIds(root)).toEqual([fresh, kelly, pointing]);
    const article = section.querySelector(`[id="${kelly}"]`)!;
    expect(article.outerHTML).toBe(parse(markup(UPDATES[5]!)).outerHTML);
  });

  it("carries what the polling script needs while coverage runs", () => {
    expect(root.getAttribute("data-newsroom-live")).toBe(POLL);
    const button = root.querySelector("button.newsroom-live__new")!;
    expect(button.getAttribute("type")).toBe("button");
    expect(button.hasAttribute("hidden")).toBe(true);
    expect(button.getAttribute("data-label-one")).toBe("1 new update");
    expect(button.getAttribute("data-label-many")).toBe("{count} new updates");
    expect(readableText(button)).toBe("");
    expect(root.querySelector(".newsroom-live__announcer")!.getAttribute("aria-live")).toBe("polite");
    expect(root.querySelector(".newsroom-live__status")!.getAttribute("data-label-ended")).toBe("Coverage has ended");
  });

  it("has no way back to itself", () => {
    expect(root.querySelector(".newsroom-live__back")).toBeNull();
  });
});

describe("a numbered page", () => {
  const coverage = coverageOf();
  const root = blog(coverage, 1);

  it("shows its own updates, the key events and the way back, and nothing of the polling", () => {
    expect([...root.classList]).toEqual(["newsroom-live", "newsroom-live--live"]);
    expect([...root.children].map((child) => child.classList[0])).toEqual(["newsroom-live__status", "newsroom-live__back", "newsroom-live__key-events", "newsroom-live__updates", "newsroom-live__pages"]);
    expect(articleIds(root)).toEqual([americans, opens]);
    expect(root.hasAttribute("data-newsroom-live")).toBe(false);
    expect(root.querySelector("button, .newsroom-live__announcer, [aria-live]")).toBeNull();
    expect(root.querySelector(".newsroom-live__status")!.hasAttribute("data-label-ended")).toBe(false);
    const back = root.querySelector(".newsroom-live__back a")!;
    expect([back.getAttribute("href"), readableText(back)]).toEqual([URL, "Back to the latest updates"]);
  });

  it("shows the pinned update in its place, not pinned first", () => {
    expect(root.querySelector(".newsroom-live__pinned")).toBeNull();
    expect(root.querySelectorAll(`[id="${opens}"]`)).toHaveLength(1);
  });

  it("links to the other numbered pages, not to itself, without their updates", () => {
    expect(links(root, ".newsroom-live__page-list")).toEqual([`${URL}updates/2/`]);
    expect(root.querySelector(".newsroom-live__moved")).toBeNull();
    expect(readableText(root.querySelector(".newsroom-live__page-list"))).toBe("Page 2: 11:30 am EDT to 12:00 pm EDT");
  });
});

describe("status", () => {
  it("once coverage has ended: says so, on every page, and nothing polls", () => {
    const coverage = coverageOf(UPDATES, "2017-05-18T17:00");
    for (const number of [undefined, 1, 2]) {
      const root = blog(coverage, number);
      expect([...root.classList]).toEqual(["newsroom-live", "newsroom-live--ended"]);
      const status = root.querySelector(".newsroom-live__status")!;
      expect(readableText(status)).toBe("Coverage has ended");
      expect(status.classList.contains("newsroom-live__status--ended")).toBe(true);
      expect(root.hasAttribute("data-newsroom-live")).toBe(false);
      expect(root.querySelector("button, [aria-live]")).toBeNull();
    }
  });

  it("a live page without a poll address does not poll", () => {
    const root = blog(coverageOf(), undefined, { pollUrl: undefined });
    expect(root.hasAttribute("data-newsroom-live")).toBe(false);
    expect(root.querySelector("button, [aria-live]")).toBeNull();
    expect(readableText(root.querySelector(".newsroom-live__status"))).toBe("Live");
  });
});

describe("key events", () => {
  const coverage = coverageOf();

  it("are listed newest first, each with its time and title, linking to it on this page or on its own", () => {
    const root = blog(coverage);
    const nav = root.querySelector("nav.newsroom-live__key-events")!;
    const heading = nav.querySelector("h2")!;
    expect(readableText(heading)).toBe("Key events");
    expect(nav.getAttribute("aria-labelledby")).toBe(heading.id);
    const items = [...nav.querySelectorAll("ol > li > a")];
    expect(items.map(readableText)).toEqual(["1:30 pm EDT “Fresh strategies”", "12:00 pm EDT Overcome the blame game", "10:45 am EDT We Americans must own this problem"]);
    expect(items.map((item) => item.getAttribute("href"))).toEqual([`#${fresh}`, `${URL}updates/2/#${blame}`, `${URL}updates/1/#${americans}`]);
    expect(items[0]!.querySelector("time")!.getAttribute("datetime")).toBe("2017-05-18T13:30:00-04:00");
  });

  it("on a numbered page, link to updates on the live page and on other numbered pages by their address", () => {
    const items = links(blog(coverage, 2), ".newsroom-live__key-events");
    expect(items).toEqual([`${URL}#${fresh}`, `#${blame}`, `${URL}updates/1/#${americans}`]);
  });

  it("are left out when there are none", () => {
    const root = blog(coverageOf(UPDATES.filter((update) => !update.key)));
    expect(root.querySelector(".newsroom-live__key-events")).toBeNull();
  });

  it("a pinned key event is linked where it is pinned", () => {
    const pinnedKey = [parsed({ time: "2017-05-18T09:00", title: "Opening", key: true, pinned: true }), ...UPDATES.map((update) => ({ ...update, pinned: false }))];
    const coverage = coverageOf(pinnedKey);
    expect(coverage.pageOf.get(pinnedKey[0]!.id)?.number).toBe(1);
    expect(links(blog(coverage), ".newsroom-live__key-events").at(-1)).toBe(`#${pinnedKey[0]!.id}`);
  });

  it("keep a title's markup as text", () => {
    const root = blog(coverageOf([parsed({ time: "2017-05-18T10:00", title: 'Polls <script>alert("x")</script> close', key: true })]));
    expect(root.querySelector("script")).toBeNull();
    expect(readableText(root.querySelector(".newsroom-live__key-events li"))).toBe('10:00 am EDT Polls <script>alert("x")</script> close');
  });
});

describe("the pinned update", () => {
  it("on the live page: first, under its label, once, and not again among the updates", () => {
    const pinnedNow = UPDATES.map((update) => ({ ...update, pinned: update.id === kelly }));
    const root = blog(coverageOf(pinnedNow));
    const block = root.querySelector(".newsroom-live__pinned")!;
    expect(readableText(block.querySelector(".newsroom-live__pinned-label"))).toBe("Pinned");
    expect(articleIds(block, ":scope > article")).toEqual([kelly]);
    expect(articleIds(root)).toEqual([fresh, pointing]);
    expect(root.querySelectorAll(`[id="${kelly}"]`)).toHaveLength(1);
  });

  it("moved to a numbered page: still first on the live page, and not among the moved entries there", () => {
    const root = blog(coverageOf());
    expect(articleIds(root.querySelector(".newsroom-live__pinned")!, ":scope > article")).toEqual([opens]);
    expect(root.querySelectorAll(`[id="${opens}"]`)).toHaveLength(1);
    expect([...root.querySelectorAll(".newsroom-live__moved li")].map((item) => item.id)).not.toContain(opens);
  });

  it("no pinned block without a pinned update", () => {
    expect(blog(coverageOf(UPDATES.slice(1))).querySelector(".newsroom-live__pinned")).toBeNull();
  });
});

describe("the updates that moved to numbered pages", () => {
  const coverage = coverageOf();
  const root = blog(coverage);

  it("are listed on the live page by page, newest page first, each entry with the update's id and a link to it there", () => {
    const pages = [...root.querySelectorAll(".newsroom-live__page-list > li")];
    expect(pages.map((page) => page.querySelector(":scope > a")!.getAttribute("href"))).toEqual([`${URL}updates/2/`, `${URL}updates/1/`]);
    expect(pages.map((page) => readableText(page.querySelector(":scope > a")))).toEqual(["Page 2: 11:30 am EDT to 12:00 pm EDT", "Page 1: 10:00 am EDT to 10:45 am EDT"]);
    const entries = pages.map((page) => [...page.querySelectorAll(".newsroom-live__moved > li")].map((item) => [item.id, item.querySelector("a")!.getAttribute("href")]));
    expect(entries).toEqual([
      [
        [blame, `${URL}updates/2/#${blame}`],
        [pervasive, `${URL}updates/2/#${pervasive}`],
      ],
      [[americans, `${URL}updates/1/#${americans}`]],
    ]);
    expect(readableText(root.querySelector(`.newsroom-live__moved [id="${blame}"]`))).toBe("12:00 pm EDT Overcome the blame game");
  });

  it("the pages' list has a heading that names it", () => {
    const nav = root.querySelector("nav.newsroom-live__pages")!;
    const heading = nav.querySelector("h2")!;
    expect(readableText(heading)).toBe("Earlier updates");
    expect(nav.getAttribute("aria-labelledby")).toBe(heading.id);
  });

  it("with one page's worth or less, there are no earlier pages to list", () => {
    const few = blog(coverageOf(UPDATES.slice(0, 3)));
    expect(few.querySelector(".newsroom-live__pages")).toBeNull();
    expect(articleIds(few)).toEqual([pervasive, americans]);
  });
});

describe("every id is on a page once", () => {
  const idsOn = (root: Element) => [...root.querySelectorAll("[id]")].map((element) => element.id);
  const duplicates = (list: string[]) => list.filter((id, index) => list.indexOf(id) !== index);

  it("on every page of the example story, each update is there once, and the live page holds every id", () => {
    const coverage = coverageOf();
    for (const page of coverage.pages) {
      const root = blog(coverage, page.number);
      expect(duplicates(idsOn(root)), String(page.number)).toEqual([]);
    }
    // On the live page, every update has its id: the ones shown, the pinned one, the moved ones' entries.
    expect(idsOn(blog(coverage)).filter((id) => id.startsWith("update-")).sort()).toEqual(UPDATES.map((update) => update.id).sort());
  });

  test("property: for any story, page size and pinned update, no page has an id twice, and a link to any update lands on the live page", () => {
    const stories = fc.record({
      count: fc.integer({ min: 0, max: 16 }),
      pageSize: fc.integer({ min: 1, max: 4 }),
      pinned: fc.option(fc.nat({ max: 15 }), { nil: undefined }),
      keys: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
      ended: fc.boolean(),
    });
    prop(stories, ({ count, pageSize, pinned, keys, ended }) => {
      const updates = Array.from({ length: count }, (_, index): LiveUpdate => ({
        type: "update",
        id: `u${index}`,
        time: new Date(Date.UTC(2017, 4, 18, 14, index)).toISOString().replace(".000Z", "Z"),
        timeZone: "UTC",
        title: `Update ${index}`,
        key: keys[index]!,
        pinned: index === pinned,
        text: "x",
      }));
      const coverage = liveCoverage(updates, { url: URL, pageSize, timeZone: "UTC", ended: ended ? "2017-05-19T00:00Z" : undefined });
      const quick = (update: LiveUpdate) => `<article class="newsroom-update" id="${update.id}"></article>`;
      for (const page of coverage.pages) {
        // Read with expressions, not a DOM (a thousand runs of parsing take half a minute): the renderer writes every
        // attribute in double quotes, escaped, and the example above checks the same through the HTML parser.
        const markup = renderLiveBlog(coverage, renderContext(), { page, markup: quick, pollUrl: POLL }).toString();
        const all = [...markup.matchAll(/ id="([^"]*)"/g)].map((match) => match[1]!);
        expect(duplicates(all)).toEqual([]);
        // Each of the page's own updates is there as an article.
        const articles = new Set([...markup.matchAll(/<article [^>]*id="([^"]*)"/g)].map((match) => match[1]));
        for (const update of page.updates) expect(articles.has(update.id), update.id).toBe(true);
        if (page.number === undefined) expect(all.filter((id) => id.startsWith("u")).sort()).toEqual(updates.map((update) => update.id).sort());
        // Every in-page link lands on an id of the page.
        const targets = new Set(all);
        for (const [, id] of markup.matchAll(/ href="#([^"]*)"/g)) expect(targets.has(id!), id).toBe(true);
      }
    });
  }, TIMEOUT);
});

describe("context and options", () => {
  it("headings take the context's level", () => {
    const root = blog(coverageOf(), undefined, {}, renderContext({ markdown: md, headingLevel: 4 }));
    expect([...root.querySelectorAll(".newsroom-live__heading")].map((heading) => heading.tagName)).toEqual(["H4", "H4"]);
  });

  it("the ids of its headings are claimed from the page's registry, so they never clash with the page's others", () => {
    const context = renderContext({ markdown: md });
    context.ids.claim("newsroom-key-events");
    context.ids.claim("newsroom-earlier-updates");
    const root = blog(coverageOf(), undefined, {}, context);
    const headings = [...root.querySelectorAll(".newsroom-live__heading")].map((heading) => heading.id);
    expect(headings).toEqual(["newsroom-key-events-2", "newsroom-earlier-updates-2"]);
  });

  it("links to other pages through `href` (the adapter adds the site's path prefix)", () => {
    const href = (url: string) => `/news${url}`;
    const live = blog(coverageOf(), undefined, { href });
    const numbered = blog(coverageOf(), 1, { href });
    const addresses = [...live.querySelectorAll("a"), ...numbered.querySelectorAll("a")].map((link) => link.getAttribute("href")!).filter((address) => !address.startsWith("#"));
    expect(addresses.length).toBeGreaterThan(5);
    for (const address of addresses) expect(address).toMatch(/^\/news\/stories\/talks\//);
  });

  it("writes the Spanish labels and dates", () => {
    const context = renderContext({ markdown: md, labels: SPANISH_LABELS, dates: { locale: "es-MX" } });
    const root = blog(coverageOf(), undefined, {}, context);
    expect(readableText(root.querySelector(".newsroom-live__status"))).toBe("En vivo");
    expect(root.querySelector(".newsroom-live__status")!.getAttribute("data-label-ended")).toBe("La cobertura ha terminado");
    expect(readableText(root.querySelector(".newsroom-live__key-events h2"))).toBe("Momentos clave");
    expect(readableText(root.querySelector(".newsroom-live__pinned-label"))).toBe("Fijado");
    expect(root.querySelector(".newsroom-live__updates")!.getAttribute("aria-label")).toBe("Actualizaciones");
    const button = root.querySelector("button")!;
    expect([button.getAttribute("data-label-one"), button.getAttribute("data-label-many")]).toEqual(["1 actualización nueva", "{count} actualizaciones nuevas"]);
    expect(readableText(root.querySelector(".newsroom-live__pages h2"))).toBe("Actualizaciones anteriores");
    expect(readableText(root.querySelector(".newsroom-live__page-list > li > a"))).toBe("Página 2: de 11:30 a.m. GMT-4 a 12:00 p.m. GMT-4");
    const numbered = blog(coverageOf(UPDATES, "2017-05-18T17:00"), 1, {}, renderContext({ markdown: md, labels: SPANISH_LABELS, dates: { locale: "es-MX" } }));
    expect(readableText(numbered.querySelector(".newsroom-live__status"))).toBe("La cobertura ha terminado");
    expect(readableText(numbered.querySelector(".newsroom-live__back"))).toBe("Volver a las últimas actualizaciones");
    expect(DEFAULT_LABELS.liveNow).toBe("Live");
  });

  it("escapes the labels", () => {
    const labels = { ...DEFAULT_LABELS, liveNow: "<b>Live</b>", earlierUpdates: "Earlier & <i>older</i>" };
    const root = blog(coverageOf(), undefined, {}, renderContext({ markdown: md, labels }));
    expect(root.querySelector(".newsroom-live__status b, .newsroom-live__pages i")).toBeNull();
    expect(readableText(root.querySelector(".newsroom-live__status"))).toBe("<b>Live</b>");
    expect(readableText(root.querySelector(".newsroom-live__pages h2"))).toBe("Earlier & <i>older</i>");
  });
});
