/**
 * The story's `<head>` (canonical link, social cards, JSON-LD), by property: for arbitrary text in every field a
 * story's author writes (headline, description, author name and url, section, keywords, image alt, video title), the
 * head parsed by a real HTML parser (jsdom's parse5) is exactly one JSON-LD script among link and meta elements, the
 * script's text parses back to exactly the text written, and every `<meta content>` reads back exactly what was
 * written (the Twitter title and description after truncateOnWord).
 *
 * The JSON-LD holds any string, even what HTML cannot carry (controls, noncharacters, lone surrogates): it is written
 * as JSON escapes. Attributes are compared on text HTML can carry, as in escaping.test.ts (the parser reads CR and
 * CR LF as LF, and replaces or drops the rest).
 *
 * Runs: 1,000 per property; FAST_CHECK_RUNS=100000 for a long run; FAST_CHECK_SEED (and FAST_CHECK_PATH) from a
 * failure's report replay it.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { renderStoryHead } from "../../src/metadata/head.js";
import { TWITTER_DESCRIPTION_LIMIT, TWITTER_TITLE_LIMIT, truncateOnWord } from "../../src/metadata/socialCards.js";
import type { StoryMetadata } from "../../src/metadata/types.js";
import { parseHeadFragment, SITE, storyMetadata, video } from "../helpers/storyMetadata.js";
import { isCarriable, TIMEOUT, prop } from "../helpers/fastCheck.js";

/** No lone surrogate (String#isWellFormed, which ES2023 typings lack). */
const isWellFormed = (text: string) => !/\p{Cs}/u.test(text);



/** Pieces that end or hide a script, or mean something to HTML, JSON or JavaScript. */
const HOSTILE = [
  "</script>", "</SCRIPT >", "</script", "<script>", "<script", "<!--", "-->", "<!-- <script>", "<![CDATA[", "]]>", "</", "<", ">", "/",
  "&", "&amp;", "&lt;", "&#60;", '"', "'", "`", "\\", "\\u003c", "\\\"", "\u2028", "\u2029", "{", "}", "[", "]", ":", ",", "\n",
  "\r\n", "\r", "\t", " ", "\u00a0", "\u200d", "\u202e", "\ufeff", "e\u0301", "👩‍👩‍👧", "🇲🇽", "😀", "مرحبا", "漢字", "Ñandú",
];
const UNCARRIABLE = ["\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\ufdd0", "\ufffe", "\uffff", "\ud800", "\udfff", "\u{1fffe}"];


const unit = (withUncarriable: boolean) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
    { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 2 },
    { arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }), weight: 3 },
    { arbitrary: fc.constantFrom(...(withUncarriable ? UNCARRIABLE : [" "])), weight: withUncarriable ? 1 : 0 },
  );
/** Long enough to be cut for Twitter now and then. */
const textOf = (withUncarriable: boolean) => fc.string({ unit: unit(withUncarriable), maxLength: 90 }).map((text) => (withUncarriable ? text : [...text].filter(isCarriable).join("")));
const nonEmpty = (text: fc.Arbitrary<string>) => text.filter((value) => value !== "");

/** What a story's author writes, arbitrary; fields that are never empty upstream are not empty here either. */
function fieldsOf(withUncarriable: boolean) {
  const text = textOf(withUncarriable);
  return fc.record({
    headline: nonEmpty(text),
    description: text,
    authorName: nonEmpty(text),
    authorUrl: nonEmpty(text),
    section: fc.option(nonEmpty(text), { nil: undefined }),
    keywords: fc.array(nonEmpty(text), { maxLength: 4 }),
    alt: nonEmpty(text),
    videoTitle: nonEmpty(text),
  });
}
type Fields = typeof fieldsOf extends (withUncarriable: boolean) => fc.Arbitrary<infer T> ? T : never;

const VIDEO = video();

function storyOf(fields: Fields): StoryMetadata {
  return storyMetadata({
    headline: fields.headline,
    description: fields.description,
    authors: [{ type: "Person", name: fields.authorName, url: fields.authorUrl }],
    section: fields.section,
    keywords: fields.keywords,
    image: { ...storyMetadata().image!, alt: fields.alt },
    videos: [{ ...VIDEO, title: fields.videoTitle }],
  });
}

type Node = Record<string, any>;

function renderedHead(fields: Fields) {
  const head = parseHeadFragment(renderStoryHead(storyOf(fields), SITE).toString());
  expect(head.root.querySelectorAll("script")).toHaveLength(1);
  expect(head.root.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1);
  // Only the link, the metas and the script, with nothing but the line breaks between them.
  const nodes = [...head.root.childNodes].map((node) => (node.nodeType === node.ELEMENT_NODE ? (node as Element).tagName : JSON.stringify(node.textContent)));
  expect(new Set(nodes)).toEqual(new Set(["LINK", "META", "SCRIPT", '"\\n"']));
  expect(nodes.filter((node) => node === "LINK" || node === "SCRIPT")).toEqual(["LINK", "SCRIPT"]);
  return head;
}

/** HTML reads CR and CR LF as LF (its input stream preprocessing), whatever the plugin writes. */
const asParsed = (value: string) => value.replace(/\r\n?/g, "\n");

describe("the story's head, by property", () => {
  test(
    "JSON-LD: one script, no other, whose text parses back to exactly the strings written (any Unicode)",
    () => {
      prop(fieldsOf(true), (fields) => {
        const head = renderedHead(fields);
        const [graph] = head.jsonLd as Array<{ "@graph": Node[] }>;
        const [article, videoObject, breadcrumbs] = graph!["@graph"];
        expect(article).toMatchObject({ headline: fields.headline, author: [{ name: fields.authorName, url: fields.authorUrl }] });
        expect(article!["description"]).toBe(fields.description || undefined);
        expect(article!["articleSection"]).toBe(fields.section);
        expect(article!["keywords"]).toEqual(fields.keywords.length > 0 ? fields.keywords : undefined);
        expect(videoObject).toMatchObject({ "@type": "VideoObject", name: fields.videoTitle });
        expect(videoObject!["description"]).toBe(fields.description || undefined);
        expect(breadcrumbs!["itemListElement"][1]["name"]).toBe(fields.headline);
      });
    },
    TIMEOUT,
  );

  test(
    "cards: every meta content reads back as written, the Twitter title and description as truncateOnWord cut them",
    () => {
      prop(fieldsOf(false), (fields) => {
        const head = renderedHead(fields);
        const meta = (key: string) => head.meta(key);
        const optional = (value: string | undefined) => (value ? [asParsed(value)] : []);
        expect(meta("og:title")).toEqual([asParsed(fields.headline)]);
        expect(meta("og:description")).toEqual(optional(fields.description));
        expect(meta("twitter:title")).toEqual([asParsed(truncateOnWord(fields.headline, TWITTER_TITLE_LIMIT))]);
        expect(meta("twitter:description")).toEqual(optional(fields.description && truncateOnWord(fields.description, TWITTER_DESCRIPTION_LIMIT)));
        expect(meta("article:section")).toEqual(optional(fields.section));
        expect(meta("article:tag")).toEqual(fields.keywords.map(asParsed));
        expect(meta("article:author")).toEqual([asParsed(fields.authorUrl)]);
        expect([meta("og:image:alt"), meta("twitter:image:alt")]).toEqual([[asParsed(fields.alt)], [asParsed(fields.alt)]]);
        expect(head.root.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://news.example/stories/a-story/");
      });
    },
    TIMEOUT,
  );

  test(
    "truncateOnWord: text that fits is kept; longer text is a whole-grapheme prefix and an ellipsis, within the limit",
    () => {
      const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
      const clusters = (text: string) => [...graphemes.segment(text)].map((segment) => segment.segment);
      prop(fc.record({ text: textOf(true), max: fc.integer({ min: 1, max: 100 }) }), ({ text, max }) => {
        const cut = truncateOnWord(text, max);
        const whole = clusters(text);
        if (whole.length <= max) {
          expect(cut).toBe(text);
          return;
        }
        expect(cut.endsWith("…")).toBe(true);
        expect(clusters(cut).length).toBeLessThanOrEqual(max);
        const kept = cut.slice(0, -1);
        // The kept text is the text's first clusters, whole: no grapheme (and so no surrogate pair) is split.
        expect(whole.slice(0, clusters(kept).length).join("")).toBe(kept);
        if (isWellFormed(text)) expect(isWellFormed(kept)).toBe(true);
      });
    },
    TIMEOUT,
  );
});
