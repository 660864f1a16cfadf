import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { readStoryMetadata, type StoryMetadataSource } from "../../src/metadata/story.js";
import { NewsroomError, parseElement, type NewsroomElement } from "../../src/index.js";
import { thrown } from "../helpers/newsroom.js";
import { SITE } from "../helpers/storyMetadata.js";
import { LIVE_STORY_PATH, liveStory, MORNING } from "../helpers/liveStory.js";
import { LIVE_UPDATE_HEADLINE_LIMIT } from "../../src/live/metadata.js";

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

describe("readStoryMetadata of a live story", () => {
  const iso = (date: { dateTime: { toISO(options: object): string | null } } | undefined) => date?.dateTime.toISO({ suppressMilliseconds: true });

  it("is published when its coverage started and modified at its newest update, whatever the front matter date", () => {
    const story = liveStory(MORNING);
    expect(story.published.dateOnly).toBe(false);
    expect(iso(story.published)).toBe("2017-05-18T10:00:00-04:00");
    expect(iso(story.modified)).toBe("2017-05-18T12:30:00-04:00");
    // Read in the story's zone, so the byline says "EDT" and not a bare offset.
    expect(story.published.dateTime.zoneName).toBe("America/New_York");
    expect(read({}).live).toBeUndefined();
  });

  it("is modified at the latest edit when an edit comes after the newest update, and at `updated:` or a correction when later", () => {
    expect(iso(liveStory([MORNING[0]!, { ...MORNING[3]!, updated: "2017-05-18T13:05" }]).modified)).toBe("2017-05-18T13:05:00-04:00");
    expect(iso(liveStory(MORNING, { data: { updated: "2017-05-18T18:00:00-04:00" } }).modified)).toBe("2017-05-18T18:00:00-04:00");
    expect(liveStory(MORNING, { data: { corrections: [{ date: "2017-05-19", text: "Fixes a name." }] } }).modified?.dateTime.toISODate()).toBe("2017-05-19");
  });

  it("has not changed with one update never edited; without updates it is dated as any story", () => {
    const one = liveStory([MORNING[3]!]);
    expect(iso(one.published)).toBe("2017-05-18T12:00:00-04:00");
    expect(one.modified).toBeUndefined();
    const none = liveStory([]);
    expect([none.published.dateOnly, none.published.dateTime.toISODate(), none.modified, none.live?.started, none.live?.updates]).toEqual([true, "2017-05-18", undefined, undefined, []]);
  });

  it("refuses an `updated:` before coverage started, naming the file and the fix", () => {
    const error = failureOf(() => liveStory(MORNING, { data: { updated: "2017-05-17" } }));
    expect([error.file, error.element]).toEqual(["./stories/live.md", 'story "updated"']);
    expect(error.fix).toMatch(/on or after the publication date \(2017-05-18\)/);
  });

  it("gives the status and coverage times: live without an end, ended with one", () => {
    const live = liveStory(MORNING).live!;
    expect([live.status, iso(live.started), live.ended]).toEqual(["live", "2017-05-18T10:00:00-04:00", undefined]);
    const ended = liveStory(MORNING, { ended: "2017-05-18T17:00" }).live!;
    expect([ended.status, iso(ended.ended)]).toEqual(["ended", "2017-05-18T17:00:00-04:00"]);
  });

  it("gives each update, newest first: id, title, headline, plain text, dates, author and addresses", () => {
    const updates = liveStory(MORNING, { pageSize: 2 }).live!.updates;
    expect(updates.map((update) => iso(update.published))).toEqual(["12:30", "12:00", "11:30", "10:45", "10:00"].map((time) => `2017-05-18T${time}:00-04:00`));
    const [, , edited, key, pinned] = updates;
    expect(edited).toMatchObject({ id: "update-20170518-1130", title: undefined, author: { type: "Person", name: "Ana Reporter" }, key: false, pinned: false });
    // Its words as the page shows them, without the markup, the time, the author or the "Updated" line.
    expect(edited!.text).toBe("Demand for drugs & its <costs> came up again.");
    expect(iso(edited!.modified)).toBe("2017-05-18T11:55:00-04:00");
    expect(key).toMatchObject({ id: "update-20170518-1045-tillerson-we-must-own-this", title: "Tillerson: “We must own this”", headline: "Tillerson: “We must own this”", key: true });
    // The quote inside it is part of its words.
    expect(key!.text).toBe("He said it plainly. We Americans must own this problem. Rex Tillerson");
    expect(key!.modified).toBeUndefined();
    expect(key!.author).toBeUndefined();
    expect(pinned!.text).toBe("The secretaries meet in Washington.");
    expect(pinned!.pinned).toBe(true);
  });

  it("names an untitled update by its first words, cut on a word to fit 110 characters", () => {
    const [long, short] = liveStory(MORNING).live!.updates;
    expect(short!.headline).toBe("Videgaray answered.");
    expect(long!.text.length).toBeGreaterThan(LIVE_UPDATE_HEADLINE_LIMIT);
    expect([...long!.headline].length).toBeLessThanOrEqual(LIVE_UPDATE_HEADLINE_LIMIT);
    expect(long!.headline).toMatch(/^All the public finger-pointing today was from the US, .* said several…$/);
    expect(long!.text.startsWith(long!.headline.slice(0, -1))).toBe(true);
  });

  it("gives each update the address of the page it is on, and a permalink on the story's own page that never changes", () => {
    const updates = liveStory(MORNING, { pageSize: 2, site: { ...SITE, url: "https://host.example/news/" } }).live!.updates;
    const story = `https://host.example/news${LIVE_STORY_PATH}`;
    expect(updates.map((update) => update.url)).toEqual([
      `${story}#update-20170518-1230`,
      `${story}#update-20170518-1200`,
      `${story}#update-20170518-1130`,
      // The two oldest fill the first numbered page.
      `${story}updates/1/#update-20170518-1045-tillerson-we-must-own-this`,
      `${story}updates/1/#update-20170518-1000-the-meeting-opens`,
    ]);
    expect(updates.map((update) => update.permalink)).toEqual(updates.map((update) => `${story}#${update.id}`));
  });

  it("gives the feeds' absolute addresses when the site writes them, and none when it does not", () => {
    expect(liveStory(MORNING, { feeds: true, site: { ...SITE, url: "https://host.example/news/" } }).live!.feeds).toEqual({
      atom: `https://host.example/news${LIVE_STORY_PATH}feed.xml`,
      json: `https://host.example/news${LIVE_STORY_PATH}feed.json`,
    });
    expect(liveStory(MORNING).live!.feeds).toBeUndefined();
  });
});
