import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { readStoryMetadata, type StoryMetadataSource } from "../../src/metadata/story.js";
import { NewsroomError, parseElement, type NewsroomElement } from "../../src/index.js";
import { thrown } from "../helpers/newsroom.js";
import { SITE } from "../helpers/storyMetadata.js";

const markdown = new MarkdownIt();

function failureOf(action: () => unknown): NewsroomError {
  const error = thrown(action);
  expect(error).toBeInstanceOf(NewsroomError);
  return error as NewsroomError;
}
const OPTIONS = { site: SITE, storyTag: "story", timeZone: "America/New_York", markdown };

function read(data: Record<string, unknown>, elements: NewsroomElement[] = [], overrides: Partial<StoryMetadataSource> = {}) {
  return readStoryMetadata({ data: { title: "A headline", ...data }, path: "/stories/a/", date: new Date("2017-05-18T00:00:00Z"), file: "./stories/a.md", elements, ...overrides }, OPTIONS);
}

describe("readStoryMetadata", () => {
  it("makes the page address absolute against the site's address, path prefix included", () => {
    const story = readStoryMetadata(
      { data: { title: "T" }, path: "/stories/a/", date: new Date("2017-05-18T00:00:00Z"), elements: [] },
      { ...OPTIONS, site: { ...SITE, url: "https://host.example/news/" } },
    );
    expect(story.url).toBe("https://host.example/news/stories/a/");
    expect(story.canonical).toBe(story.url);
  });

  it("keeps a date-only story date-only and reads `updated` and corrections into the modified date", () => {
    const story = read({
      updated: "2017-05-19T09:00:00-04:00",
      corrections: [
        { date: "2017-05-20", text: "A name was *misspelt*.", kind: "correction" },
        { date: "2017-05-19", text: "Adds the minister's reply.", kind: "update" },
      ],
    });
    expect(story.published.dateOnly).toBe(true);
    expect(story.published.dateTime.toISODate()).toBe("2017-05-18");
    expect(story.corrections.map((c) => c.kind)).toEqual(["update", "correction"]);
    expect(story.modified?.dateTime.toISODate()).toBe("2017-05-20");
  });

  it("refuses an update dated before publication, naming the file and the fix", () => {
    const error = failureOf(() => read({ updated: "2017-05-17" }));
    expect(error.file).toBe("./stories/a.md");
    expect(error.message).toMatch(/before it was published.*on or after the publication date \(2017-05-18\)/);
  });

  it("accepts a correction on the day of publication for a story published at a time of day", () => {
    const story = read({ corrections: [{ date: "2017-05-18", text: "Fixes a typo." }] }, [], { date: new Date("2017-05-18T14:30:00Z") });
    expect(story.modified?.dateOnly).toBe(true);
  });

  it("reads one author, several, and organisations, with site paths made absolute", () => {
    expect(read({ author: "Ana Reporter" }).authors).toEqual([{ type: "Person", name: "Ana Reporter" }]);
    expect(read({ authors: [{ name: "Ana", url: "/people/ana/" }, { name: "Reuters", type: "Organization", url: "https://www.reuters.com/" }] }).authors).toEqual([
      { type: "Person", name: "Ana", url: "https://news.example/people/ana/" },
      { type: "Organization", name: "Reuters", url: "https://www.reuters.com/" },
    ]);
    expect(read({}).authors).toEqual([]);
  });

  it("rejects an author that is not a name or an object, and unknown author fields", () => {
    expect(failureOf(() => read({ author: 42 })).message).toMatch(/story author: expected a name or \{ name, url, type \} but got a number/);
    expect(failureOf(() => read({ authors: [{ name: "Ana", email: "a@b.c" }] })).message).toMatch(/unknown field "email"/);
    expect(failureOf(() => read({ authors: [{ name: "Ana", url: "javascript:alert(1)" }] })).message).toMatch(/url/);
  });

  it("uses the site's publisher unless the story names its own", () => {
    expect(read({}).publisher).toEqual(SITE.publisher);
    expect(read({ publisher: { name: "CNN", url: "https://edition.cnn.com/" } }).publisher).toEqual({ name: "CNN", url: "https://edition.cnn.com/" });
    expect(read({ publisher: "Example News" }).publisher).toEqual(SITE.publisher);
  });

  it("takes keywords from tags (not the story tag) and `keywords`, without repeats", () => {
    expect(read({ tags: ["story", "Mexico", "all"], keywords: ["Mexico", "drugs"] }).keywords).toEqual(["Mexico", "drugs"]);
    expect(failureOf(() => read({ keywords: [1, 2] })).message).toMatch(/story "keywords": must be a text or a list of texts/);
  });

  it("falls back to the highlights, as plain text, for the description", () => {
    const highlights = parseElement("highlights", { items: ["Secretary: \"We *must* own this\"", "Minister: `blame` &amp; game"] });
    const story = read({}, [highlights]);
    expect(story.highlightTexts).toEqual(['Secretary: "We must own this"', "Minister: blame & game"]);
    expect(story.description).toBe('Secretary: "We must own this" · Minister: blame & game');
    expect(read({ description: "Own words." }, [highlights]).description).toBe("Own words.");
  });

  it("uses the lead video's poster as the image when the story has none, and the pipeline's crops for site images", () => {
    const video = parseElement("video", { url: "https://vimeo.com/76979871", title: "V", poster: "/p.jpg", posterAlt: "A poster" });
    const crops = [{ ratio: "16:9" as const, url: "https://news.example/img/p.jpeg", width: 1200, height: 675 }];
    const story = readStoryMetadata(
      { data: { title: "T" }, path: "/a/", date: new Date("2017-05-18T00:00:00Z"), elements: [video] },
      { ...OPTIONS, images: (src, origin) => (src === "/p.jpg" && origin === "poster" ? { width: 1600, height: 900, crops } : { crops: [] }) },
    );
    expect(story.image).toEqual({ src: "/p.jpg", alt: "A poster", credit: undefined, width: 1600, height: 900, crops });
    expect(story.videos).toEqual([video]);
  });

  it("requires alt text on the story's own image", () => {
    const error = failureOf(() => read({ image: { src: "/lead.jpg" } }));
    expect(error.element).toBe("image");
    expect(error.file).toBe("./stories/a.md");
    expect(error.message).toMatch(/"alt" is missing.*describe the image/);
  });

  it("takes the original address as isBasedOn and canonical, and refuses a site path there", () => {
    const story = read({ original: "https://edition.cnn.com/2017/05/18/politics/tillerson-mexico-drug-trade/index.html" });
    expect(story.basedOn).toBe("https://edition.cnn.com/2017/05/18/politics/tillerson-mexico-drug-trade/index.html");
    expect(story.canonical).toBe(story.basedOn);
    expect(failureOf(() => read({ original: "/elsewhere/" })).message).toMatch(/is a path on this site/);
  });

  it("reads language and paywall flags, and rejects wrong values", () => {
    expect(read({}).language).toBe("en");
    expect(read({ lang: "es-MX" }).language).toBe("es-MX");
    expect(read({ isAccessibleForFree: false }).accessibleForFree).toBe(false);
    expect(failureOf(() => read({ isAccessibleForFree: "no" })).message).toMatch(/must be true or false/);
    expect(failureOf(() => read({ lang: "not a tag" })).message).toMatch(/is not a language tag/);
  });

  it("requires a title and refuses characters HTML cannot carry", () => {
    expect(failureOf(() => read({ title: "" })).message).toMatch(/the story has no title/);
    expect(failureOf(() => read({ section: "Poli\u0007tics" })).message).toMatch(/U\+0007/);
  });

  it("refuses a correction without a date or with an unknown kind", () => {
    expect(failureOf(() => read({ corrections: [{ text: "x" }] })).message).toMatch(/story correction 1: the required field "date" is missing/);
    expect(failureOf(() => read({ corrections: [{ date: "2017-05-19", text: "x", kind: "retraction" }] })).message).toMatch(/neither "correction" nor "update"/);
    expect(failureOf(() => read({ corrections: "fixed" })).message).toMatch(/must be a list/);
  });
});
