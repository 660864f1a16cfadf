import { describe, expect, test, vi } from "vitest";
import { buildSite } from "../helpers/eleventy.js";
import { parseDocument, readableText } from "../helpers/html.js";

const listing = (collection: string, fields: string) =>
  `---\npermalink: /${collection}.json\neleventyExcludeFromCollections: true\neleventyImport:\n  collections: ["story"]\n---\n` +
  `{{ collections.${collection} | dump | safe }}`.replace("dump", `newsroomTestJson`);

/** Listing pages that print a collection as JSON, so tests read exactly what templates get. */
const jsonListings = {
  "stories.njk": `---\npermalink: /stories.json\neleventyExcludeFromCollections: true\n---\n[{% for s in collections.stories %}{{ {url: s.url, title: s.data.title} | newsroomTestJson | safe }}{% if not loop.last %},{% endif %}{% endfor %}]`,
  "highlights.njk": listing("highlights", ""),
  "quotes.njk": listing("quotes", ""),
  "videos.njk": listing("videos", ""),
};

const configure = (eleventyConfig: any) => eleventyConfig.addFilter("newsroomTestJson", (value: unknown) => JSON.stringify(value));

const story = (name: string, date: string, body: string, extra = "") =>
  [`stories/${name}.md`, `---\ntitle: Story ${name}\ndate: ${date}\ntags: story\n${extra}---\n${body}`] as const;

/** Builds a site and reads its collections, with what the build printed as warnings (kept out of the test's output). */
async function collections(files: Record<string, string>, runMode: "build" | "serve" = "build") {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    const pages = await buildSite({ ...jsonListings, ...files }, { configure, runMode });
    const read = (name: string) => JSON.parse(pages.get(`/${name}.json`)!.content) as Array<Record<string, any>>;
    const warnings = warn.mock.calls.map((call) => String(call[0]));
    return { pages, warnings, stories: read("stories"), highlights: read("highlights"), quotes: read("quotes"), videos: read("videos") };
  } finally {
    warn.mockRestore();
  }
}

describe("collections", () => {
  test("stories are the pages with the story tag, newest first; drafts are left out of builds", async () => {
    const { stories, pages } = await collections(
      Object.fromEntries([
        story("old", "2017-05-01", "Old."),
        story("new", "2017-05-18", "New."),
        story("middle", "2017-05-10", "Middle."),
        story("draft", "2017-05-20", "Draft.", "draft: true\n"),
        ["not-a-story.md", "---\ntitle: About\n---\nAbout."],
      ]),
    );
    expect(stories.map((s) => s.title)).toEqual(["Story new", "Story middle", "Story old"]);
    expect(pages.has("/stories/draft/")).toBe(false);
  });

  test("drafts are built and listed while serving", async () => {
    const { stories, pages } = await collections(Object.fromEntries([story("draft", "2017-05-20", "Draft.", "draft: true\n")]), "serve");
    expect(stories.map((s) => s.title)).toEqual(["Story draft"]);
    expect(pages.has("/stories/draft/")).toBe(true);
  });

  test("elements from front matter and from the body (Markdown, shortcodes, a variable argument) are items with their story", async () => {
    const body = [
      "Kelly said the most important thing we can do is reduce the drug demand.",
      "",
      '::: quote speaker="Rex Tillerson" role="US Secretary of State"',
      "We Americans must own this problem.",
      ":::",
      "",
      '::: pullquote speaker="John Kelly"',
      "The most important thing we can do is reduce the drug demand.",
      ":::",
      "",
      '{% quote "Luis Videgaray" %}We need to overcome the blame game{% endquote %}',
      "",
      "{% video clip %}",
      "",
      '::: video url="https://vimeo.com/76979871" title="Second video" duration="PT2M"',
      ":::",
    ].join("\n");
    const extra = [
      "highlights:",
      '  - "Secretary Tillerson: \\"We Americans must own this problem\\""',
      "video:",
      "  url: https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      "  title: Lead video",
      '  duration: "01:45"',
      "clip:",
      "  url: /media/clip.mp4",
      "  title: Clip from data",
      "",
    ].join("\n");
    const { highlights, quotes, videos } = await collections(
      Object.fromEntries([story("a", "2017-05-18", body, extra), story("b", "2017-05-17", "::: highlights\n- Older story's highlight\n:::\n")]),
    );
    expect(highlights.map((h) => [h.type, h.items, h.story.title])).toEqual([
      ["highlights", ['Secretary Tillerson: "We Americans must own this problem"'], "Story a"],
      ["highlights", ["Older story's highlight"], "Story b"],
    ]);
    expect(quotes.map((q) => [q.type, q.speaker, q.role, q.text])).toEqual([
      ["quote", "Rex Tillerson", "US Secretary of State", "We Americans must own this problem."],
      ["pullquote", "John Kelly", undefined, "The most important thing we can do is reduce the drug demand."],
      ["quote", "Luis Videgaray", undefined, "We need to overcome the blame game"],
    ]);
    expect(quotes[0]!.story).toEqual({ url: "/stories/a/", title: "Story a", date: "2017-05-18T00:00:00.000Z" });
    expect(videos.map((v) => [v.title, v.url, v.duration])).toEqual([
      ["Lead video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "PT1M45S"],
      ["Clip from data", "/media/clip.mp4", undefined],
      ["Second video", "https://vimeo.com/76979871", "PT2M"],
    ]);
  });

  test("a listing page renders collection items with the plugin's filters; a pull quote is shown as a quote there", async () => {
    const { pages } = await collections({
      ...Object.fromEntries([story("a", "2017-05-18", "The words said here.\n\n::: pullquote speaker=\"A\"\nThe words said here.\n:::\n")]),
      "list.njk": "---\npermalink: /list/\n---\n{% for q in collections.quotes %}{{ q | newsroomQuote }}{% endfor %}{% for v in collections.videos %}{{ v | newsroomVideo }}{% endfor %}",
    });
    const document = parseDocument(pages.get("/list/")!.content);
    expect(document.querySelector("aside")).toBeNull();
    expect(readableText(document.querySelector("figure.newsroom-quote blockquote"))).toBe("The words said here.");
  });

  test("a pull quote that does not repeat the body warns, naming the file and line", async () => {
    const { warnings } = await collections(Object.fromEntries([story("a", "2017-05-18", "Body text.\n\n::: pullquote speaker=\"A\"\nWords nobody said in the body\n:::\n")]));
    expect(warnings.some((m) => /stories\/a\.md:8: pullquote: the words "Words nobody said in the body" do not appear/.test(m))).toBe(true);
  });

  test("a shortcode given a variable (in a loop) is counted, as its page renders it, without a warning", async () => {
    const { videos, pages, warnings } = await collections({
      "stories/a.njk": "---\ntitle: A\ntags: story\nclips:\n  - url: https://vimeo.com/1\n    title: One\n  - url: https://vimeo.com/2\n    title: Two\n---\n{% for c in clips %}{% video c %}{% endfor %}",
    });
    expect(videos.map((video) => video.title)).toEqual(["One", "Two"]);
    expect(parseDocument(pages.get("/stories/a/")!.content).querySelectorAll("figure.newsroom-video")).toHaveLength(2);
    expect(warnings).toEqual([]);
  });

  test("an element a layout renders on a story page is not counted (layouts render after the collections), and the build says so once", async () => {
    const { quotes, pages, warnings } = await collections({
      "_includes/with-quote.njk": "{{ content | safe }}{% quote speaker=\"John Kelly\" %}A quote the layout adds.{% endquote %}{{ highlights | newsroomHighlights }}",
      ...Object.fromEntries([
        story("a", "2017-05-18", '::: quote speaker="Rex Tillerson"\nIn the content.\n:::\n', "layout: with-quote.njk\nhighlights:\n  - From front matter\n"),
        story("b", "2017-05-17", "Words.\n", "layout: with-quote.njk\n"),
      ]),
    });
    expect(quotes.map((quote) => quote.speaker)).toEqual(["Rex Tillerson"]);
    expect(parseDocument(pages.get("/stories/a/")!.content).querySelectorAll("figure.newsroom-quote")).toHaveLength(2);
    // One warning per story and element type; the front matter highlights the layout renders are counted, no warning.
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/stories\/[ab]\.md: quote: a quote is rendered on this story's page outside its content \(by its layout\).*Fix: write it in the story's content/);
  });

  test("a story whose content lists an element collection is told that it is still being made", async () => {
    const { quotes, warnings } = await collections({
      "stories/a.njk": '---\ntitle: A\ntags: story\n---\n{% quote speaker="A" %}Words.{% endquote %}{% for q in collections.quotes %}{{ q.text }}{% endfor %}',
    });
    expect(quotes).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/stories\/a\.njk: collections\.quotes: the story's content lists an element collection/)]);
  });

  test("while previewing, a story with a broken element stays out of the collections, and the log names the problem once", async () => {
    const broken = '::: quote speaker="Rex Tillerson"\nGood words.\n:::\n\n::: quote role="Minister"\nNo speaker.\n:::\n';
    const { quotes, stories, pages, warnings } = await collections(Object.fromEntries([story("broken", "2017-05-18", broken), story("fine", "2017-05-17", '::: quote speaker="John Kelly"\nFine words.\n:::\n')]), "serve");
    // The broken story is still a story (its page is built, with the error in place), but none of its elements is listed.
    expect(stories.map((s) => s.url)).toEqual(["/stories/broken/", "/stories/fine/"]);
    expect(quotes.map((quote) => quote.speaker)).toEqual(["John Kelly"]);
    expect(parseDocument(pages.get("/stories/broken/")!.content).querySelector(".newsroom-error[role=alert]")).not.toBeNull();
    const lines = warnings.filter((line) => line.includes('the required field "speaker" is missing'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/stories\/broken\.md:10: quote: .*\(The story's elements are left out of the collections until this is fixed\.\)$/);
  });

  test("a story whose content needs what Eleventy makes after the collections builds right, and its elements count", async () => {
    const { quotes, pages, warnings } = await collections({
      // Another page's content: not there before the collections are made.
      "stories/linked.njk": '---\ntitle: Linked\ntags: story\ndate: 2017-05-18\n---\n{% for s in collections.story %}{% if s.data.title == "Other" %}<div class="other">{{ s.templateContent | safe }}</div>{% endif %}{% endfor %}{% quote speaker="Rex Tillerson" %}Linked words.{% endquote %}',
      "stories/counted.njk": '---\ntitle: Counted\ntags: story\ndate: 2017-05-17\neleventyComputed:\n  count: "{{ collections.story | length }}"\n---\n<p>Stories: {{ count }}</p>{% quote speaker="John Kelly" %}Counted words.{% endquote %}',
      "stories/other.md": '---\ntitle: Other\ntags: story\ndate: 2017-05-16\n---\n::: quote speaker="Luis Videgaray"\nOther words.\n:::\n',
    });
    expect(quotes.map((quote) => `${quote.speaker} ${quote.story.url}`).sort()).toEqual(["John Kelly /stories/counted/", "Luis Videgaray /stories/other/", "Rex Tillerson /stories/linked/"]);
    expect(parseDocument(pages.get("/stories/linked/")!.content).querySelector(".other blockquote")?.textContent).toContain("Other words.");
    expect(pages.get("/stories/counted/")!.content).toContain("<p>Stories: 3</p>");
    expect(warnings).toEqual([]);
  });

  test("a value of global data rendered by two stories is in the collections for each", async () => {
    const shared = { speaker: "Rex Tillerson", text: "We Americans must own this problem." };
    const { quotes } = await collections({
      "_data/said.json": JSON.stringify([shared]),
      "stories/a.njk": "---\ntitle: A\ntags: story\ndate: 2017-05-18\n---\n{{ said[0] | newsroomQuote }}",
      "stories/b.njk": "---\ntitle: B\ntags: story\ndate: 2017-05-17\n---\n{{ said[0] | newsroomQuote }}",
    });
    expect(quotes.map((quote) => quote.story.url)).toEqual(["/stories/a/", "/stories/b/"]);
  });

  test("a layout that lists the quotes (a pull quote shown as a quote) adds nothing to its page and warns of nothing", async () => {
    const { quotes, warnings } = await collections({
      "_includes/sidebar.njk": "{{ content | safe }}<aside>{% for quote in collections.quotes %}{{ quote | newsroomQuote }}{% endfor %}</aside>",
      ...Object.fromEntries([story("a", "2017-05-18", 'We Americans must own this problem.\n\n::: pullquote speaker="Rex Tillerson"\nWe Americans must own this problem.\n:::\n', "layout: sidebar.njk\n")]),
    });
    expect(quotes.map((quote) => quote.type)).toEqual(["pullquote"]);
    expect(warnings).toEqual([]);
  });

  test("a story with permalink: false is in no collection", async () => {
    const { stories, quotes } = await collections(Object.fromEntries([story("hidden", "2017-05-18", '::: quote speaker="A"\nWords.\n:::\n', "permalink: false\n"), story("shown", "2017-05-17", "Words.\n")]));
    expect(stories.map((s) => s.url)).toEqual(["/stories/shown/"]);
    expect(quotes).toEqual([]);
  });

  test("a story without a title fails the build with the file named", async () => {
    await expect(collections(Object.fromEntries([["stories/x.md", "---\ntags: story\n---\nText"]]))).rejects.toThrow(/stories\/x\.md: story: the story has no title/);
  });
});
