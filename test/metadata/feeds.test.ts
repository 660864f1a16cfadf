import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import {
  ATOM_NAMESPACE,
  atomFeed,
  atomFeedOfItems,
  jsonFeed,
  jsonFeedOfItems,
  JSON_FEED_VERSION,
  storyFeedItem,
  type FeedDescription,
  type FeedEntry,
  type FeedItem,
} from "../../src/metadata/feeds.js";
import { day, instant, SITE, storyMetadata } from "../helpers/storyMetadata.js";
import { childNames, childrenNamed, childText, onlyChild, parseXml } from "../helpers/xml.js";

const FEED: FeedDescription = {
  title: "Example News",
  description: "Stories from the example desk",
  homeUrl: "https://news.example/",
  feedUrl: "https://news.example/feed.xml",
  language: "en",
  publisher: SITE.publisher!,
  updatedWhenEmpty: new Date("2030-01-01T00:00:00Z"),
};

const CONTENT = '<p>Read <a href="https://news.example/stories/other/">the other story</a> &amp; see <img src="https://news.example/assets/x.jpg" alt="X"></p>';

function entry(overrides: Parameters<typeof storyMetadata>[0] = {}, contentHtml = CONTENT): FeedEntry {
  return { story: storyMetadata(overrides), contentHtml, file: "./site/stories/a-story.md" };
}

const atom = (entries: FeedEntry[], feed: FeedDescription = FEED) => parseXml(atomFeed(feed, entries)).documentElement;
const entriesOf = (feed: Element) => childrenNamed(feed, ATOM_NAMESPACE, "entry");
const text = (parent: Element, name: string) => childText(parent, ATOM_NAMESPACE, name);

describe("atomFeed", () => {
  it("is a well-formed Atom 1.0 feed that describes itself", () => {
    const feed = atom([entry()]);
    expect([feed.namespaceURI, feed.localName, feed.getAttribute("xml:lang")]).toEqual([ATOM_NAMESPACE, "feed", "en"]);
    expect(text(feed, "id")).toBe("https://news.example/feed.xml");
    expect(text(feed, "title")).toBe("Example News");
    expect(text(feed, "subtitle")).toBe("Stories from the example desk");
    const links = childrenNamed(feed, ATOM_NAMESPACE, "link").map((link) => [link.getAttribute("rel"), link.getAttribute("href")]);
    expect(links).toEqual([
      ["self", "https://news.example/feed.xml"],
      ["alternate", "https://news.example/"],
    ]);
    expect(text(onlyChild(feed, ATOM_NAMESPACE, "author"), "name")).toBe("Example News");
    expect(text(feed, "logo")).toBe("https://news.example/logo.png");
  });

  it("carries each story: id, title, link, dates, authors, summary, categories and its full content", () => {
    const [item] = entriesOf(atom([entry({ modified: instant("2026-11-28T09:00:00-05:00") })]));
    expect(childNames(item!)).toEqual(["id", "title", "link", "published", "updated", "author", "summary", "category", "category", "category", "content"].map((name) => `{${ATOM_NAMESPACE}}${name}`));
    expect(text(item!, "id")).toBe("https://news.example/stories/a-story/");
    expect(text(item!, "title")).toBe("A headline");
    expect(onlyChild(item!, ATOM_NAMESPACE, "link").getAttribute("href")).toBe("https://news.example/stories/a-story/");
    expect(text(item!, "published")).toBe("2026-11-27T14:30:00-05:00");
    expect(text(item!, "updated")).toBe("2026-11-28T09:00:00-05:00");
    const author = onlyChild(item!, ATOM_NAMESPACE, "author");
    expect([text(author, "name"), text(author, "uri")]).toEqual(["Ana Reporter", "https://news.example/people/ana/"]);
    expect(text(item!, "summary")).toBe("What the story says, in a sentence.");
    expect(childrenNamed(item!, ATOM_NAMESPACE, "category").map((category) => category.getAttribute("term"))).toEqual(["Politics", "Mexico", "drugs"]);
    const content = onlyChild(item!, ATOM_NAMESPACE, "content");
    expect(content.getAttribute("type")).toBe("html");
    expect(content.textContent).toBe(CONTENT);
  });

  it("dates an unchanged story updated when it was published, and the feed by its newest entry", () => {
    const older = entry({ url: "https://news.example/old/", published: instant("2026-11-20T08:00:00-05:00"), modified: instant("2026-11-29T10:00:00-05:00") });
    const feed = atom([entry(), older]);
    expect(text(entriesOf(feed)[0]!, "updated")).toBe("2026-11-27T14:30:00-05:00");
    expect(text(feed, "updated")).toBe("2026-11-29T10:00:00-05:00");
  });

  it("dates a date-only story at the start of its day in its own time zone (Atom needs a time of day)", () => {
    const [item] = entriesOf(atom([entry({ published: day("2017-05-18", "America/Mexico_City") })]));
    expect(text(item!, "published")).toBe("2017-05-18T00:00:00-05:00");
    expect(text(item!, "updated")).toBe("2017-05-18T00:00:00-05:00");
  });

  it("names every author, and the publisher when the story has no byline", () => {
    const authors = (feed: Element) => childrenNamed(entriesOf(feed)[0]!, ATOM_NAMESPACE, "author").map((author) => text(author, "name"));
    expect(authors(atom([entry({ authors: [{ type: "Person", name: "Ana" }, { type: "Organization", name: "Wire Service" }] })]))).toEqual(["Ana", "Wire Service"]);
    const unsigned = entriesOf(atom([entry({ authors: [] })]))[0]!;
    const author = onlyChild(unsigned, ATOM_NAMESPACE, "author");
    expect([text(author, "name"), text(author, "uri")]).toEqual(["Example News", "https://news.example/"]);
  });

  it("keeps markup, quotes and ampersands as the text they are", () => {
    const headline = `Tom & "Jerry" <b>'live'</b> ]]>`;
    const content = "<p>A <script>alert(1)</script> ]]> &lt;tag&gt; &amp;</p>";
    const [item] = entriesOf(atom([entry({ headline, keywords: ['a"b', "<c>"] }, content)]));
    expect(text(item!, "title")).toBe(headline);
    expect(childrenNamed(item!, ATOM_NAMESPACE, "category").map((category) => category.getAttribute("term"))).toEqual(["Politics", 'a"b', "<c>"]);
    expect(text(item!, "content")).toBe(content);
  });

  it("marks an entry in another language and links a republished story to its original", () => {
    const [item] = entriesOf(atom([entry({ language: "es-MX", basedOn: "https://wire.example/original" })]));
    expect(item!.getAttribute("xml:lang")).toBe("es-MX");
    expect(childrenNamed(item!, ATOM_NAMESPACE, "link").map((link) => link.getAttribute("rel"))).toEqual(["alternate", "via"]);
    expect(entriesOf(atom([entry()]))[0]!.hasAttribute("xml:lang")).toBe(false);
  });

  it("leaves out what a story does not have", () => {
    const [item] = entriesOf(atom([entry({ description: "", section: undefined, keywords: [] })]));
    expect(childrenNamed(item!, ATOM_NAMESPACE, "summary")).toHaveLength(0);
    expect(childrenNamed(item!, ATOM_NAMESPACE, "category")).toHaveLength(0);
    const bare = atom([], { ...FEED, description: undefined, publisher: { name: "Solo" } });
    expect(childrenNamed(bare, ATOM_NAMESPACE, "subtitle")).toHaveLength(0);
    expect(childrenNamed(bare, ATOM_NAMESPACE, "logo")).toHaveLength(0);
  });

  it("dates a feed without entries by the time it is given", () => {
    const feed = atom([]);
    expect(entriesOf(feed)).toHaveLength(0);
    expect(text(feed, "updated")).toBe("2030-01-01T00:00:00Z");
  });

  it("fails clearly on a character XML 1.0 cannot carry, naming the story and its file", () => {
    const fail = (build: () => string) => {
      try {
        build();
      } catch (error) {
        return error;
      }
      throw new Error("expected an error");
    };
    const inTitle = fail(() => atomFeed(FEED, [entry({ headline: "Page\fbreak" })])) as NewsroomError;
    expect(inTitle).toBeInstanceOf(NewsroomError);
    expect(inTitle.file).toBe("./site/stories/a-story.md");
    expect(inTitle.message).toContain('the story at /stories/a-story/ contains U+000C, a character XML 1.0 cannot carry (after "Page")');
    const inContent = fail(() => atomFeed(FEED, [entry({}, "<p>bell\u0007</p>")])) as NewsroomError;
    expect(inContent.message).toContain("the content of the story at /stories/a-story/ contains U+0007");
    expect((fail(() => atomFeed({ ...FEED, title: "\uffff" }, [])) as NewsroomError).message).toContain("U+FFFF");
  });

  it("carries every other character, emoji and right-to-left text included", () => {
    const headline = "Ünïcödé 😀 עברית \u0085 \t tab";
    expect(text(entriesOf(atom([entry({ headline })]))[0]!, "title")).toBe(headline);
  });
});

describe("jsonFeed", () => {
  const json = (entries: FeedEntry[], feed: FeedDescription = { ...FEED, feedUrl: "https://news.example/feed.json" }) => JSON.parse(jsonFeed(feed, entries));

  it("is a JSON Feed 1.1 that describes itself", () => {
    expect(json([entry()])).toMatchObject({
      version: JSON_FEED_VERSION,
      title: "Example News",
      home_page_url: "https://news.example/",
      feed_url: "https://news.example/feed.json",
      description: "Stories from the example desk",
      language: "en",
      authors: [{ name: "Example News", url: "https://news.example/" }],
    });
  });

  it("carries each story with its full content, dates, authors, summary, image and tags", () => {
    const [item] = json([entry({ modified: instant("2026-11-28T09:00:00-05:00") })]).items;
    expect(item).toEqual({
      id: "https://news.example/stories/a-story/",
      url: "https://news.example/stories/a-story/",
      title: "A headline",
      content_html: CONTENT,
      summary: "What the story says, in a sentence.",
      image: "https://news.example/img/lead-16x9.jpeg",
      date_published: "2026-11-27T14:30:00-05:00",
      date_modified: "2026-11-28T09:00:00-05:00",
      authors: [{ name: "Ana Reporter", url: "https://news.example/people/ana/" }],
      tags: ["Politics", "Mexico", "drugs"],
    });
  });

  it("falls back to the publisher, dates a date-only story at the start of its day, and resolves an unprocessed image", () => {
    const [item] = json(
      [entry({ authors: [], published: day("2017-05-18"), image: { src: "/assets/lead.jpg", alt: "Lead", crops: [] } })],
      { ...FEED, homeUrl: "https://news.example/news/" },
    ).items;
    expect(item.authors).toEqual([{ name: "Example News", url: "https://news.example/" }]);
    expect(item.date_published).toBe("2017-05-18T00:00:00-04:00");
    expect(item.date_modified).toBeUndefined();
    expect(item.image).toBe("https://news.example/news/assets/lead.jpg");
  });

  it("keeps any text exact, quotes, newlines and markup included", () => {
    const headline = 'Say "hi"\n</script> & \\ bye';
    const [item] = json([entry({ headline, language: "es", basedOn: "https://wire.example/a" })]).items;
    expect([item.title, item.language, item.external_url]).toEqual([headline, "es", "https://wire.example/a"]);
  });

  it("is a feed without items when there are no stories", () => {
    expect(json([]).items).toEqual([]);
  });
});

describe("the writers of any feed entry (a story's, a live update's)", () => {
  const ITEM: FeedItem = {
    id: "https://news.example/stories/live/#update-1",
    url: "https://news.example/stories/live/updates/1/#update-1",
    title: "A key event",
    published: instant("2017-05-18T10:45:00-04:00"),
    authors: [{ name: "Ana Reporter" }],
    categories: ["key-event"],
    language: "en",
    contentHtml: "<article><p>Words &amp; more</p></article>",
    what: 'the update "update-1" of the live story at /stories/live/',
    file: "./stories/live.md",
  };

  it("writes an entry's own id, link, title, dates, authors, categories and content; no summary, via or image it does not have", () => {
    const [item] = entriesOf(parseXml(atomFeedOfItems(FEED, [ITEM])).documentElement);
    expect(childNames(item!)).toEqual(["id", "title", "link", "published", "updated", "author", "category", "content"].map((name) => `{${ATOM_NAMESPACE}}${name}`));
    expect([text(item!, "id"), onlyChild(item!, ATOM_NAMESPACE, "link").getAttribute("href"), text(item!, "title")]).toEqual([ITEM.id, ITEM.url, "A key event"]);
    expect([text(item!, "published"), text(item!, "updated")]).toEqual(["2017-05-18T10:45:00-04:00", "2017-05-18T10:45:00-04:00"]);
    expect(onlyChild(item!, ATOM_NAMESPACE, "category").getAttribute("term")).toBe("key-event");
    expect(text(item!, "content")).toBe(ITEM.contentHtml);
    const [json] = JSON.parse(jsonFeedOfItems(FEED, [{ ...ITEM, modified: instant("2017-05-18T11:00:00-04:00") }])).items;
    expect(json).toEqual({
      id: ITEM.id,
      url: ITEM.url,
      title: "A key event",
      content_html: ITEM.contentHtml,
      date_published: "2017-05-18T10:45:00-04:00",
      date_modified: "2017-05-18T11:00:00-04:00",
      authors: [{ name: "Ana Reporter" }],
      tags: ["key-event"],
    });
  });

  it("names the entry and its file when its text cannot be written", () => {
    const error = thrownBy(() => atomFeedOfItems(FEED, [{ ...ITEM, contentHtml: "<p>bell\u0007</p>" }]));
    expect(error).toBeInstanceOf(NewsroomError);
    expect([(error as NewsroomError).file, (error as NewsroomError).element]).toEqual(["./stories/live.md", "feed"]);
    expect((error as NewsroomError).message).toContain('the content of the update "update-1" of the live story at /stories/live/ contains U+0007');
  });

  it("writes a story's feed as the feed of its entries: the story feeds are the same writers", () => {
    const entries = [entry({ modified: instant("2026-11-28T09:00:00-05:00") }), entry({ basedOn: "https://wire.example/a", language: "es" })];
    const items = entries.map((one) => storyFeedItem(one, FEED.homeUrl));
    expect(atomFeed(FEED, entries)).toBe(atomFeedOfItems(FEED, items));
    expect(jsonFeed(FEED, entries)).toBe(jsonFeedOfItems(FEED, items));
    expect(items[1]).toMatchObject({ id: "https://news.example/stories/a-story/", via: "https://wire.example/a", language: "es", categories: ["Politics", "Mexico", "drugs"] });
  });
});

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected the action to throw");
}
