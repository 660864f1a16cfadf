import { describe, expect, it } from "vitest";
import { openGraphLocale, socialCards, truncateOnWord } from "../../src/metadata/socialCards.js";
import type { ImageCrop, StoryMetadata } from "../../src/metadata/types.js";
import { day, instant, parseHead, SITE, storyMetadata } from "../helpers/storyMetadata.js";

/** No lone surrogate (String#isWellFormed, which ES2023 typings lack). */
const isWellFormed = (text: string) => !/\p{Cs}/u.test(text);

const cards = (story: StoryMetadata, site = SITE) => parseHead(socialCards(story, site).toString());
const crop = (ratio: ImageCrop["ratio"], width: number, height: number): ImageCrop => ({ ratio, url: `https://news.example/img/${width}x${height}.jpeg`, width, height, type: "image/jpeg" });

describe("socialCards", () => {
  it("writes the Open Graph article card and the large Twitter card, and nothing else", () => {
    const head = cards(storyMetadata());
    expect([...head.document.head.children].map((element) => element.tagName)).toEqual(Array(21).fill("META"));
    const read = (key: string) => head.meta(key);
    expect(read("og:type")).toEqual(["article"]);
    expect(read("og:title")).toEqual(["A headline"]);
    expect(read("og:description")).toEqual(["What the story says, in a sentence."]);
    expect(read("og:url")).toEqual(["https://news.example/stories/a-story/"]);
    expect(read("og:site_name")).toEqual(["Example News"]);
    expect(read("og:locale")).toEqual(["en_US"]);
    expect(read("article:published_time")).toEqual(["2026-11-27T14:30:00-05:00"]);
    expect(read("article:modified_time")).toEqual([]);
    expect(read("article:section")).toEqual(["Politics"]);
    expect(read("article:tag")).toEqual(["Mexico", "drugs"]);
    expect(read("article:author")).toEqual(["https://news.example/people/ana/"]);
    expect(read("twitter:card")).toEqual(["summary_large_image"]);
    expect(read("twitter:title")).toEqual(["A headline"]);
    expect(read("twitter:description")).toEqual(["What the story says, in a sentence."]);
    // Open Graph's keys are `property`, Twitter's are `name`.
    expect(head.document.querySelectorAll('meta[property^="og:"], meta[property^="article:"]')).toHaveLength(16);
    expect(head.document.querySelectorAll('meta[name^="twitter:"]')).toHaveLength(5);
  });

  it("uses the 16:9 crop for the image, with its size, type and the image's alt text", () => {
    const base = storyMetadata().image!;
    const head = cards(storyMetadata({ image: { ...base, crops: [crop("1:1", 1200, 1200), crop("16:9", 1600, 900), crop("4:3", 1600, 1200)] } }));
    expect(["og:image", "og:image:width", "og:image:height", "og:image:type", "og:image:alt"].map((key) => head.meta(key))).toEqual([
      ["https://news.example/img/1600x900.jpeg"],
      ["1600"],
      ["900"],
      ["image/jpeg"],
      ["A lead image"],
    ]);
    expect([head.meta("twitter:image"), head.meta("twitter:image:alt")]).toEqual([["https://news.example/img/1600x900.jpeg"], ["A lead image"]]);
  });

  it("without a 16:9 crop uses the largest, and without crops the image itself, made absolute", () => {
    const image = (crops: ImageCrop[], src = "/assets/lead.jpg") => ({ src, alt: "Alt", crops });
    expect(cards(storyMetadata({ image: image([crop("1:1", 800, 800), crop("4:3", 1200, 900)]) })).meta("og:image")).toEqual(["https://news.example/img/1200x900.jpeg"]);
    const plain = cards(storyMetadata({ image: image([]) }), { ...SITE, url: "https://user.github.io/news/" });
    expect(plain.meta("og:image")).toEqual(["https://user.github.io/news/assets/lead.jpg"]);
    expect([plain.meta("og:image:width"), plain.meta("og:image:type")]).toEqual([[], []]);
  });

  it("without an image has no image tags and asks for X's small card", () => {
    const head = cards(storyMetadata({ image: undefined }));
    for (const key of ["og:image", "og:image:width", "og:image:alt", "twitter:image", "twitter:image:alt"]) expect(head.meta(key)).toEqual([]);
    expect(head.meta("twitter:card")).toEqual(["summary"]);
  });

  it("leaves out an empty alt (a decorative poster standing in for the image)", () => {
    const head = cards(storyMetadata({ image: { src: "/poster.jpg", alt: "", crops: [] } }));
    expect([head.meta("og:image").length, head.meta("og:image:alt"), head.meta("twitter:image:alt")]).toEqual([1, [], []]);
  });

  it("keeps a date-only story date-only, and gives the modified time only when the story changed", () => {
    const head = cards(storyMetadata({ published: day("2017-05-18"), modified: instant("2017-05-19T09:15:00-04:00") }));
    expect([head.meta("article:published_time"), head.meta("article:modified_time")]).toEqual([["2017-05-18"], ["2017-05-19T09:15:00-04:00"]]);
  });

  it("lists authors by their pages only, and leaves out a missing section", () => {
    const head = cards(storyMetadata({ section: undefined, authors: [{ type: "Person", name: "No Page" }, { type: "Organization", name: "AP", url: "https://apnews.com/" }] }));
    expect([head.meta("article:author"), head.meta("article:section")]).toEqual([["https://apnews.com/"], []]);
  });

  it("describes the story by its highlights when it has no description", () => {
    const head = cards(storyMetadata({ description: "", highlightTexts: ["One.", "Two."] }));
    expect([head.meta("og:description"), head.meta("twitter:description")]).toEqual([["One. Two."], ["One. Two."]]);
    expect(cards(storyMetadata({ description: "", highlightTexts: [] })).meta("og:description")).toEqual([]);
  });

  it("cuts the Twitter title at 70 and description at 200 characters, on a word, but not Open Graph's", () => {
    const headline = "Tillerson and Kelly meet their Mexican counterparts to talk about drug trafficking and guns";
    const description = `${"Word ".repeat(50)}end.`;
    const head = cards(storyMetadata({ headline, description }));
    expect(head.meta("og:title")).toEqual([headline]);
    // "…about drug" is 70 characters: with the ellipsis, "drug" no longer fits.
    expect(head.meta("twitter:title")).toEqual(["Tillerson and Kelly meet their Mexican counterparts to talk about…"]);
    expect(head.meta("twitter:description")[0]).toBe(`${"Word ".repeat(39)}Word…`);
    expect(head.meta("og:description")).toEqual([description]);
  });

  it("gives og:locale from the story's language", () => {
    expect(cards(storyMetadata({ language: "es-MX" })).meta("og:locale")).toEqual(["es_MX"]);
    expect(openGraphLocale("es")).toBe("es_ES");
    expect(openGraphLocale("pt")).toBe("pt_BR");
    expect(openGraphLocale("zh-Hant-TW")).toBe("zh_TW");
    // A region that is not a country (Latin America) has no Open Graph form.
    expect(openGraphLocale("es-419")).toBeUndefined();
    expect(openGraphLocale("not a tag")).toBeUndefined();
  });
});

describe("truncateOnWord", () => {
  const length = (text: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].length;

  it("returns text that fits as it is", () => {
    expect(truncateOnWord("Short enough", 12)).toBe("Short enough");
    expect(truncateOnWord("  spaced  ", 10)).toBe("  spaced  ");
    expect(truncateOnWord("", 5)).toBe("");
  });

  it("cuts at the last space that fits, ellipsis included in the limit", () => {
    expect(truncateOnWord("The quick brown fox jumps", 16)).toBe("The quick brown…");
    expect(truncateOnWord("The quick brown fox jumps", 15)).toBe("The quick…");
    // The space right after what fits is a word boundary too.
    expect(truncateOnWord("The quick brown fox", 16)).toBe("The quick brown…");
  });

  it("does not leave a comma, colon or dash before the ellipsis", () => {
    expect(truncateOnWord("Mexico, the US and guns", 10)).toBe("Mexico…");
    expect(truncateOnWord("Breaking — the talks end", 12)).toBe("Breaking…");
  });

  it("cuts one long word where it must", () => {
    expect(truncateOnWord("Supercalifragilistic", 6)).toBe("Super…");
    expect(truncateOnWord("abc", 1)).toBe("…");
  });

  it("never splits an emoji, a surrogate pair, a flag or an accent, and counts each as one", () => {
    expect(truncateOnWord("😀😀😀😀😀😀", 4)).toBe("😀😀😀…");
    expect(truncateOnWord("👩‍👩‍👧 family 🇲🇽 flag", 9)).toBe("👩‍👩‍👧 family…");
    expect(truncateOnWord("🇲🇽🇲🇽🇲🇽🇲🇽", 3)).toBe("🇲🇽🇲🇽…");
    expect(truncateOnWord("e\u0301e\u0301e\u0301e\u0301", 3)).toBe("e\u0301e\u0301…");
    for (const text of ["𝒜𝒜𝒜𝒜𝒜 𝒜𝒜𝒜𝒜𝒜", "👍🏽👍🏽👍🏽👍🏽"]) {
      for (let max = 1; max < 12; max += 1) {
        const cut = truncateOnWord(text, max);
        expect(length(cut)).toBeLessThanOrEqual(max);
        expect(isWellFormed(cut)).toBe(true);
        expect(text.startsWith(cut.replace(/…$/, ""))).toBe(true);
      }
    }
  });

  it("breaks at spaces, not at no-break spaces", () => {
    expect(truncateOnWord("Page 12\u00a0345 and more", 11)).toBe("Page…");
    expect(truncateOnWord("Page 12\u00a0345 and more", 12)).toBe("Page 12\u00a0345…");
  });

  it("refuses a limit below 1", () => {
    expect(() => truncateOnWord("text", 0)).toThrow(RangeError);
  });
});
