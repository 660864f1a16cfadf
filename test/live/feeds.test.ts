import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import { KEY_EVENT_CATEGORY, liveAtomFeed, liveFeedPath, liveJsonFeed, type LiveFeedOptions } from "../../src/live/feeds.js";
import { ATOM_NAMESPACE, JSON_FEED_VERSION } from "../../src/metadata/feeds.js";
import type { LiveUpdateMetadata } from "../../src/metadata/types.js";
import { LIVE_STORY_PATH, liveSource, liveStory, markupOf, MORNING } from "../helpers/liveStory.js";
import { thrown } from "../helpers/newsroom.js";
import { SITE, storyMetadata } from "../helpers/storyMetadata.js";
import { childNames, childrenNamed, childText, onlyChild, parseXml } from "../helpers/xml.js";

const A = ATOM_NAMESPACE;
const STORY_URL = `https://news.example${LIVE_STORY_PATH}`;
/** What the adapter hands over: each update's `<article>`, its addresses absolute (here, a marker to find it by). */
const content = (update: LiveUpdateMetadata) => `<article id="${update.id}"><p>${update.text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p></article>`;
const options = (format: "atom" | "json"): LiveFeedOptions => ({ feedUrl: `${STORY_URL}${format === "atom" ? "feed.xml" : "feed.json"}`, contentHtml: content, file: "./stories/live.md" });
const story = liveStory(MORNING, { pageSize: 2, feeds: true });
const atom = () => parseXml(liveAtomFeed(story, options("atom"))).documentElement;
const json = () => JSON.parse(liveJsonFeed(story, options("json")));
const text = (parent: Element, name: string) => childText(parent, A, name);

describe("liveFeedPath", () => {
  it("puts the feeds beside the story's page", () => {
    expect([liveFeedPath("/stories/election/", "atom"), liveFeedPath("/stories/election/", "json")]).toEqual(["/stories/election/feed.xml", "/stories/election/feed.json"]);
    expect(liveFeedPath("/stories/election.html", "atom")).toBe("/stories/election/feed.xml");
  });
});

describe("liveAtomFeed", () => {
  it("is an Atom 1.0 feed of the story: its headline, description, page, publisher, and its newest change", () => {
    const feed = atom();
    expect([feed.namespaceURI, feed.localName, feed.getAttribute("xml:lang")]).toEqual([A, "feed", "en"]);
    expect([text(feed, "id"), text(feed, "title"), text(feed, "subtitle")]).toEqual([`${STORY_URL}feed.xml`, "Live: the talks", "The talks, as they happen."]);
    expect(childrenNamed(feed, A, "link").map((link) => [link.getAttribute("rel"), link.getAttribute("href")])).toEqual([
      ["self", `${STORY_URL}feed.xml`],
      ["alternate", STORY_URL],
    ]);
    expect(text(feed, "updated")).toBe("2017-05-18T12:30:00-04:00");
    expect(text(onlyChild(feed, A, "author"), "name")).toBe(SITE.publisher!.name);
  });

  it("has an entry per update, on every page, newest first, named by its permalink and linked to the page it is on", () => {
    const entries = childrenNamed(atom(), A, "entry");
    expect(entries.map((entry) => text(entry, "published"))).toEqual(["12:30", "12:00", "11:30", "10:45", "10:00"].map((time) => `2017-05-18T${time}:00-04:00`));
    expect(entries.map((entry) => text(entry, "id"))).toEqual(story.live!.updates.map((update) => `${STORY_URL}#${update.id}`));
    const links = entries.map((entry) => onlyChild(entry, A, "link").getAttribute("href"));
    expect(links[0]).toBe(`${STORY_URL}#update-20170518-1230`);
    expect(links[4]).toBe(`${STORY_URL}updates/1/#update-20170518-1000-the-meeting-opens`);
  });

  it("gives each entry its title (or first words), dates, author and content, and marks a key event", () => {
    const [untitled, , edited, key] = childrenNamed(atom(), A, "entry");
    expect(childNames(key!)).toEqual(["id", "title", "link", "published", "updated", "author", "category", "content"].map((name) => `{${A}}${name}`));
    expect(text(key!, "title")).toBe("Tillerson: “We must own this”");
    expect(onlyChild(key!, A, "category").getAttribute("term")).toBe(KEY_EVENT_CATEGORY);
    expect(childrenNamed(edited!, A, "category")).toHaveLength(0);
    // An edited update is updated at its edit; its author signs it; an update without one is signed as the story is.
    expect([text(edited!, "published"), text(edited!, "updated")]).toEqual(["2017-05-18T11:30:00-04:00", "2017-05-18T11:55:00-04:00"]);
    expect(text(onlyChild(edited!, A, "author"), "name")).toBe("Ana Reporter");
    expect(text(onlyChild(key!, A, "author"), "name")).toBe(SITE.publisher!.name);
    expect(text(untitled!, "title")).toMatch(/^All the public finger-pointing today was from the US, .*…$/);
    const body = onlyChild(edited!, A, "content");
    expect(body.getAttribute("type")).toBe("html");
    expect(body.textContent).toBe('<article id="update-20170518-1130"><p>Demand for drugs &amp; its &lt;costs> came up again.</p></article>');
  });

  it("carries the update's markup as the page shows it, markup and all", () => {
    const newest = liveSource(MORNING).coverage.updates[0]!;
    const markup = markupOf(newest);
    const feed = parseXml(liveAtomFeed(story, { ...options("atom"), contentHtml: (update) => (update.id === newest.id ? markup : "") })).documentElement;
    const [entry] = childrenNamed(feed, A, "entry");
    expect(text(entry!, "id")).toBe(`${STORY_URL}#${newest.id}`);
    expect(text(entry!, "content")).toBe(markup);
    expect(markup).toMatch(/^<article class="newsroom-update" id="update-20170518-1230"/);
  });

  it("is a feed without entries, dated when the story was published, before the first update", () => {
    const empty = parseXml(liveAtomFeed(liveStory([], { feeds: true }), options("atom"))).documentElement;
    expect(childrenNamed(empty, A, "entry")).toHaveLength(0);
    expect(text(empty, "updated")).toBe("2017-05-18T04:00:00Z");
  });

  it("fails with the story's file, the update and the character when an update holds one XML cannot carry", () => {
    const error = thrown(() => liveAtomFeed(story, { ...options("atom"), contentHtml: (update) => (update.key ? "<p>bell\u0007</p>" : "") })) as NewsroomError;
    expect(error).toBeInstanceOf(NewsroomError);
    expect([error.file, error.element]).toEqual(["./stories/live.md", "feed"]);
    expect(error.problem).toContain('the content of the update "update-20170518-1045-tillerson-we-must-own-this" of the live story at /stories/live/ contains U+0007');
    expect(error.fix).toBeTruthy();
  });

  it("refuses a story that is not live, naming its file and the fix", () => {
    const error = thrown(() => liveAtomFeed(storyMetadata(), options("atom"))) as NewsroomError;
    expect(error).toBeInstanceOf(NewsroomError);
    expect([error.file, error.element]).toEqual(["./stories/live.md", "live feed"]);
    expect(error.problem).toMatch(/is not a live story/);
    expect(error.fix).toMatch(/live: true/);
  });
});

describe("liveJsonFeed", () => {
  it("is a JSON Feed 1.1 of the story's updates, newest first, with the same ids, links and dates", () => {
    const feed = json();
    expect(feed).toMatchObject({ version: JSON_FEED_VERSION, title: "Live: the talks", home_page_url: STORY_URL, feed_url: `${STORY_URL}feed.json`, language: "en" });
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual(story.live!.updates.map((update) => update.permalink));
    expect(feed.items.map((item: { url: string }) => item.url)).toEqual(story.live!.updates.map((update) => update.url));
  });

  it("tags key events, dates an edit, and carries each update's content", () => {
    const [, , edited, key, pinned] = json().items;
    expect(key.tags).toEqual([KEY_EVENT_CATEGORY]);
    expect(pinned.tags).toBeUndefined();
    expect([edited.date_published, edited.date_modified, edited.authors]).toEqual(["2017-05-18T11:30:00-04:00", "2017-05-18T11:55:00-04:00", [{ name: "Ana Reporter" }]]);
    expect(key.date_modified).toBeUndefined();
    expect(edited.content_html).toBe('<article id="update-20170518-1130"><p>Demand for drugs &amp; its &lt;costs> came up again.</p></article>');
  });
});
