/**
 * Feeds and sitemaps, by property: for arbitrary text in every field that reaches them (headline, description,
 * section, keywords, author name and page, the content's HTML, the publication name), the Atom feed and the news
 * sitemap parse as XML (jsdom's strict XML parser) and read back exactly the text written — in element text and in
 * attribute values, carriage returns, tabs and newlines included — and the JSON Feed does too. Text with a character
 * XML 1.0 cannot carry is refused with a NewsroomError, never written into a file a parser would reject.
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



/** Any text, weighted towards what breaks markup: markup characters, references, CDATA ends, whitespace, controls. */
const anyText = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "]]>", "&amp;", "&#13;", "\r", "\n", "\t", "\r\n", " ", "a", "é", "😀", "\u0000", "\u000c", "\uffff", "\ud800") }),
);
const xmlText = anyText.filter((text) => xmlUnrepresentableCharacter(text) === undefined);
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
    "text XML cannot carry is refused, and the JSON Feed carries any text exactly",
    () => {
      prop(fc.record({ headline: anyText, content: anyText }), ({ headline, content }) => {
        const entries = [{ story: storyMetadata({ headline }), contentHtml: content }];
        const item = JSON.parse(jsonFeed(FEED, entries)).items[0];
        expect([item.title, item.content_html]).toEqual([headline, content]);
        const representable = xmlUnrepresentableCharacter(headline + content) === undefined;
        if (representable) {
          expect(() => parseXml(atomFeed(FEED, entries))).not.toThrow();
        } else {
          expect(() => atomFeed(FEED, entries)).toThrow(NewsroomError);
        }
      });
    },
    TIMEOUT,
  );
});
