/**
 * Feeds and sitemaps, by property: for arbitrary text in every field that reaches them (headline, description,
 * section, keywords, author name and page, the content's HTML, the publication name), the Atom feed and the news
 * sitemap parse as XML (jsdom's strict XML parser) and read back exactly the text written — in element text and in
 * attribute values, carriage returns, tabs and newlines included — and the JSON Feed does too. Text with a character
 * XML 1.0 cannot carry is refused with a NewsroomError, never written into a file a parser would reject.
 *
 * Which characters those are is decided here, by the test's own copy of XML 1.0's `Char` production (`isXmlChar`),
 * not by the code under test: it chooses the inputs that must be accepted or refused, and it checks what
 * `xmlUnrepresentableCharacter` answers.
 *
 * Runs: 1,000 per property; FAST_CHECK_RUNS=100000 for a long run; FAST_CHECK_SEED (and FAST_CHECK_PATH) from a
 * failure's report replay it.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import { ATOM_NAMESPACE, atomFeed, jsonFeed, type FeedDescription } from "../../src/metadata/feeds.js";
import { NEWS_SITEMAP_NAMESPACE, newsSitemapXml, SITEMAP_NAMESPACE } from "../../src/metadata/sitemaps.js";
import { xmlUnrepresentableCharacter } from "../../src/metadata/xml.js";
import { SITE, storyMetadata } from "../helpers/storyMetadata.js";
import { childrenNamed, childText, onlyChild, parseXml } from "../helpers/xml.js";
import { TIMEOUT, prop } from "../helpers/fastCheck.js";



/**
 * The oracle, XML 1.0 (Fifth Edition) §2.2, production [2]:
 *   Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
 * A character outside it cannot appear in an XML 1.0 document at all, not even as a character reference. `code` is a
 * code point: a lone surrogate (U+D800–U+DFFF) is one, and outside the production.
 */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** The first character of `text` (by code point) outside the `Char` production, as "U+0000", or undefined. */
function firstNonXmlChar(text: string): string | undefined {
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (!isXmlChar(code)) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return undefined;
}

/** `text` as a regular expression that matches exactly it. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * Any text, weighted towards what breaks markup (markup characters, references, CDATA ends, whitespace, controls) and
 * towards the edges of the `Char` production, on both sides (a high and a low surrogate side by side make one pair).
 */
const anyText = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "]]>", "&amp;", "&#13;", "\r", "\n", "\t", "\r\n", " ", "a", "é", "😀", "\u0000", "\u000c", "\uffff", "\ud800") }),
  fc.string({
    unit: fc.constantFrom(
      "a", "\u0008", "\t", "\n", "\u000b", "\u000c", "\r", "\u001f", " ", "\u007f", "\u0085", "\ud7ff", "\ud800", "\udbff", "\udc00", "\udfff",
      "\ue000", "\ufffd", "\ufffe", "\uffff", "\u{10000}", "\u{10ffff}",
    ),
  }),
);
const xmlText = anyText.filter((text) => firstNonXmlChar(text) === undefined);
const nonBlank = (arbitrary: fc.Arbitrary<string>) => arbitrary.filter((text) => text.trim() !== "");

const FEED: FeedDescription = {
  title: "Example News",
  homeUrl: "https://news.example/",
  feedUrl: "https://news.example/feed.xml",
  language: "en",
  publisher: SITE.publisher!,
  updatedWhenEmpty: new Date("2030-01-01T00:00:00Z"),
};

const fields = fc.record({
  headline: xmlText,
  description: nonBlank(xmlText),
  section: nonBlank(xmlText),
  keyword: nonBlank(xmlText),
  author: xmlText,
  authorUrl: nonBlank(xmlText),
  content: xmlText,
});

describe("feeds and sitemaps, by property", () => {
  test(
    "the Atom feed parses and reads back every field exactly",
    () => {
      prop(fields, ({ headline, description, section, keyword, author, authorUrl, content }) => {
        const story = storyMetadata({ headline, description, section, keywords: [keyword], authors: [{ type: "Person", name: author, url: authorUrl }] });
        const feed = parseXml(atomFeed(FEED, [{ story, contentHtml: content }])).documentElement;
        const [entry] = childrenNamed(feed, ATOM_NAMESPACE, "entry");
        const authorElement = onlyChild(entry!, ATOM_NAMESPACE, "author");
        const terms = childrenNamed(entry!, ATOM_NAMESPACE, "category").map((category) => category.getAttribute("term"));
        expect({
          headline: childText(entry!, ATOM_NAMESPACE, "title"),
          description: childText(entry!, ATOM_NAMESPACE, "summary"),
          author: childText(authorElement, ATOM_NAMESPACE, "name"),
          authorUrl: childText(authorElement, ATOM_NAMESPACE, "uri"),
          content: childText(entry!, ATOM_NAMESPACE, "content"),
          terms,
        }).toEqual({ headline, description, author, authorUrl, content, terms: [...new Set([section, keyword])] });
      });
    },
    TIMEOUT,
  );

  test(
    "the news sitemap parses and reads back the headline and the publication name exactly",
    () => {
      prop(fc.record({ headline: xmlText, publicationName: xmlText }), ({ headline, publicationName }) => {
        const [url] = childrenNamed(parseXml(newsSitemapXml([storyMetadata({ headline })], { publicationName })).documentElement, SITEMAP_NAMESPACE, "url");
        const news = onlyChild(url!, NEWS_SITEMAP_NAMESPACE, "news");
        const publication = onlyChild(news, NEWS_SITEMAP_NAMESPACE, "publication");
        expect([childText(news, NEWS_SITEMAP_NAMESPACE, "title"), childText(publication, NEWS_SITEMAP_NAMESPACE, "name")]).toEqual([headline, publicationName]);
      });
    },
    TIMEOUT,
  );

  test(
    "xmlUnrepresentableCharacter names the first character outside XML 1.0's Char production, and only such a character",
    () => {
      prop(anyText, (text) => {
        expect(xmlUnrepresentableCharacter(text), JSON.stringify(text)).toBe(firstNonXmlChar(text));
      });
    },
    TIMEOUT,
  );

  test(
    "text XML cannot carry is refused, and the JSON Feed carries any text exactly",
    () => {
      let accepted = 0;
      let refused = 0;
      prop(fc.record({ headline: anyText, content: anyText }), ({ headline, content }) => {
        const entries = [{ story: storyMetadata({ headline }), contentHtml: content }];
        const item = JSON.parse(jsonFeed(FEED, entries)).items[0];
        expect([item.title, item.content_html]).toEqual([headline, content]);
        // The headline is written before the content, so a fault in the headline is the one named.
        const inHeadline = firstNonXmlChar(headline);
        const inContent = firstNonXmlChar(content);
        if (inHeadline === undefined && inContent === undefined) {
          accepted++;
          expect(() => parseXml(atomFeed(FEED, entries))).not.toThrow();
        } else {
          refused++;
          expect(() => atomFeed(FEED, entries)).toThrow(NewsroomError);
          const [what, character] = inHeadline !== undefined ? ["the story at /stories/a-story/", inHeadline] : ["the content of the story at /stories/a-story/", inContent!];
          let error: unknown;
          try {
            atomFeed(FEED, entries);
          } catch (thrown) {
            error = thrown;
          }
          expect(error).toBeInstanceOf(NewsroomError);
          const { element, problem } = error as NewsroomError;
          expect({ element, problem }).toEqual({
            element: "feed",
            problem: expect.stringMatching(new RegExp(`^${literally(what)} contains ${literally(character)}, a character XML 1\\.0 cannot carry(?: \\(after "[^]*"\\))?$`)),
          });
        }
      });
      // A meaningful share of the pairs is XML (about 30%): a feed that refused everything would fail here.
      expect(accepted, `${accepted} of ${accepted + refused} pairs accepted`).toBeGreaterThanOrEqual(Math.floor((accepted + refused) * 0.1));
    },
    TIMEOUT,
  );
});
