import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import { extractStoryElements, wordsOf, type ExtractOptions, type StorySource } from "../../src/syntax/story.js";
import { newsroomMd, thrown } from "../helpers/newsroom.js";

/** Like the Eleventy adapter: markdown-it learns the file and its front matter lines from `env`. */
const md = newsroomMd({ locate: (env: { file?: string; lineOffset?: number }) => ({ file: env.file, lineOffset: env.lineOffset }) });

const OPTIONS: ExtractOptions = {
  markdown: md,
  shortcodes: { highlights: "highlights", quote: "quote", pullquote: "pullquote", video: "video", dateline: "dateline" },
  pairedShortcodes: ["highlights", "quote", "pullquote"],
  filters: { video: "newsroomVideo", highlights: "newsroomHighlights" },
};

const FILE = "./site/stories/talks.md";
const OFFSET = 6;

function extract(story: Partial<StorySource> & { body: string }) {
  return extractStoryElements(
    { data: {}, isMarkdown: true, file: FILE, lineOffset: OFFSET, ...story },
    { ...OPTIONS, markdownEnv: { file: FILE, lineOffset: OFFSET } },
  );
}

const LEAD = { url: "https://youtu.be/dQw4w9WgXcQ", title: "The talks" };
const CLIP = { url: "/media/clip.mp4", title: "Arrival" };

describe("extractStoryElements", () => {
  const body = [
    "WASHINGTON (CNN) — The talks went on, and we're *not* leaving, he said.", // 1
    "", // 2
    '::: quote speaker="Rex Tillerson"', // 3
    "Quoted once.", // 4
    ":::", // 5
    "", // 6
    "{% video clip %}", // 7
    "", // 8
    '{% quote "Someone", "Spokesperson" %}', // 9
    "Said in a shortcode.", // 10
    "{% endquote %}", // 11
    "", // 12
    "{{ clip | newsroomVideo }}", // 13
    "", // 14
    '::: pullquote speaker="Rex Tillerson"', // 15
    "“We’re not leaving”", // 16
    ":::", // 17
  ].join("\n");

  it("reads front matter first, then the body in line order, with the file's line numbers", () => {
    const { elements, warnings } = extract({ body, data: { highlights: ["One", "Two"], video: LEAD, clip: CLIP } });
    expect(warnings).toEqual([]);
    expect(elements.map(({ element, origin, line }) => [element.type, origin, line])).toEqual([
      ["highlights", "front matter", undefined],
      ["video", "front matter", undefined],
      ["quote", "markdown", 3 + OFFSET],
      ["video", "shortcode", 7 + OFFSET],
      ["quote", "shortcode", 9 + OFFSET],
      ["video", "filter", 13 + OFFSET],
      ["pullquote", "markdown", 15 + OFFSET],
    ]);
  });

  it("parses every element it finds, resolving variables from the data", () => {
    const { elements } = extract({ body, data: { highlights: ["One", "Two"], video: LEAD, clip: CLIP } });
    const [highlights, lead, quote, clip, shortcodeQuote] = elements.map((found) => found.element);
    expect(highlights).toEqual({ type: "highlights", items: ["One", "Two"] });
    expect(lead).toMatchObject({ type: "video", title: "The talks", provider: { provider: "youtube" } });
    expect(quote).toMatchObject({ type: "quote", text: "Quoted once.", speaker: "Rex Tillerson" });
    expect(clip).toMatchObject({ type: "video", title: "Arrival", provider: { kind: "file", mimeType: "video/mp4" } });
    expect(shortcodeQuote).toMatchObject({ type: "quote", text: "Said in a shortcode.", speaker: "Someone", role: "Spokesperson" });
  });

  it("skips empty front matter highlights and a missing video", () => {
    expect(extract({ body: "Text.", data: { highlights: [], video: null } }).elements).toEqual([]);
  });

  it("reads Nunjucks keywords and paired highlights outside Markdown", () => {
    const { elements } = extract({
      isMarkdown: false,
      body: '<p>x</p>\n{% quote speaker="A", role="B" %}Words.{% endquote %}\n{% highlights %}\n- a\n- b\n{% endhighlights %}\n::: quote\nnot Markdown here\n:::',
    });
    expect(elements.map((found) => [found.element, found.line])).toEqual([
      [{ type: "quote", text: "Words.", speaker: "A", role: "B" }, 2 + OFFSET],
      [{ type: "highlights", items: ["a", "b"] }, 3 + OFFSET],
    ]);
  });

  it("reads a highlights filter on a list from the data", () => {
    const { elements } = extract({ isMarkdown: false, body: "{{ points | newsroomHighlights }}", data: { points: ["a", "b"] } });
    expect(elements.map((found) => found.element)).toEqual([{ type: "highlights", items: ["a", "b"] }]);
  });

  it("warns about a variable that is not in the data, and does not count it", () => {
    const { elements, warnings } = extract({ body: "Text.\n\n{% video missingClip %}\n" });
    expect(elements).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBeInstanceOf(NewsroomError);
    expect(warnings[0]!.element).toBe("video");
    expect(warnings[0]!.problem).toContain('"missingClip" is not in the story\'s data');
    expect(warnings[0]!.where).toBe(`${FILE}:${3 + OFFSET}`);
  });

  it("warns about arguments it cannot read", () => {
    const { elements, warnings } = extract({ body: "{% video clip | first %}", data: { clip: [CLIP] } });
    expect(elements).toEqual([]);
    expect(warnings.map((warning) => warning.problem)).toEqual([expect.stringContaining("are not plain values or variables")]);
  });

  it("does not count the front matter video twice when a shortcode renders it", () => {
    const { elements } = extract({ body: "Text.\n\n{% video video %}\n\n{{ video | newsroomVideo }}\n", data: { video: LEAD } });
    expect(elements.map((found) => found.origin)).toEqual(["front matter"]);
  });

  it("counts an equal but separate object", () => {
    const { elements } = extract({ body: "{% video clip %}", data: { video: LEAD, clip: { ...LEAD } } });
    expect(elements.map((found) => found.origin)).toEqual(["front matter", "shortcode"]);
  });

  it("warns about a pull quote whose words are not in the body", () => {
    const { elements, warnings } = extract({ body: 'The talks went on.\n\n::: pullquote speaker="A"\nWe are leaving tonight.\n:::\n' });
    expect(elements).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.element).toBe("pullquote");
    expect(warnings[0]!.message).toContain(`${FILE}:${3 + OFFSET}: pullquote: the words "We are leaving tonight."`);
  });

  it("does not count a pull quote's own words as the body", () => {
    const source = '{% pullquote "A" %}Only here.{% endpullquote %}\n\n::: pullquote speaker="B"\nOnly here.\n:::\n';
    expect(extract({ body: source }).warnings.map((warning) => warning.element)).toEqual(["pullquote", "pullquote"]);
  });

  it("accepts a pull quote that repeats the body with other punctuation, quote marks and emphasis", () => {
    const source = 'He said: "We\'re **not** leaving -- not today."\n\n{% pullquote "A" %}\n“We’re not leaving, not today”\n{% endpullquote %}\n';
    expect(extract({ body: source }).warnings).toEqual([]);
  });

  it("gives errors in a Markdown container the file and the file's line", () => {
    const error = thrown(() => extract({ body: 'Intro.\n\n::: quote role="Minister"\nWords.\n:::\n' }));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).where).toBe(`${FILE}:${3 + OFFSET}`);
  });

  it("gives errors in a shortcode the file and the file's line", () => {
    const error = thrown(() => extract({ body: "Intro.\n\n\n{% video clip %}\n", data: { clip: { url: "http://example.com/x.mp4", title: "T" } } }));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).where).toBe(`${FILE}:${4 + OFFSET}`);
    expect((error as NewsroomError).element).toBe("video");
  });

  it("gives errors in front matter the file", () => {
    const error = thrown(() => extract({ body: "Text.", data: { highlights: "not a list" } }));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).file).toBe(FILE);
    expect((error as NewsroomError).line).toBeUndefined();
  });
});

describe("wordsOf", () => {
  it("keeps letters and digits only, lower-cased", () => {
    expect(wordsOf("“We’re *NOT* leaving — 2017!”")).toBe(" we re not leaving 2017 ");
    expect(wordsOf("Ñandú, café")).toBe(" ñandú café ");
    expect(wordsOf("—")).toBe(" ");
  });
});
