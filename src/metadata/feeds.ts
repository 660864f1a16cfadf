/**
 * Feeds of the stories, for feed readers: Atom 1.0 (RFC 4287) and JSON Feed 1.1, each a pure function of the stories'
 * `StoryMetadata` and their full content. Every entry carries its absolute address as id and link, its published and
 * updated dates, its authors (the publisher when the story has no byline, since Atom requires an author), its summary
 * and its categories (section, then keywords).
 *
 * Dates: Atom and RFC 3339 require a time of day. A date-only story is dated at the start of its day in its own time
 * zone ("2017-05-18T00:00:00-04:00"); that is the format's requirement, not a publishing time shown to readers.
 */
import type { StoryDate } from "../values/dates.js";
import type { HtmlValue, SafeHtml } from "../html.js";
import { absoluteUrl } from "../values/url.js";
import type { Author, Publisher, StoryMetadata } from "./types.js";
import { rfc3339, storyInstant, XML_DECLARATION, xmlFor, type XmlSource } from "./xml.js";

/** What a feed says about itself. */
export interface FeedDescription {
  title: string;
  /** Atom's `subtitle`, JSON Feed's `description`. */
  description?: string | undefined;
  /** The site's home page, absolute (path prefix included). */
  homeUrl: string;
  /** This feed's own address, absolute. */
  feedUrl: string;
  /** BCP 47. */
  language: string;
  /** The feed's author: the publisher. */
  publisher: Publisher;
  /**
   * Atom requires the feed to say when it last changed: that is the newest entry's `updated`, so the same stories make
   * the same feed. Only a feed without entries uses this (the plugin passes the build's time).
   */
  updatedWhenEmpty: Date;
}

export interface FeedEntry {
  story: StoryMetadata;
  /** The story's full content as HTML, its addresses already absolute. */
  contentHtml: string;
  /** The story's input file, named by errors. */
  file?: string | undefined;
}

export const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

interface FeedPerson {
  name: string;
  url?: string | undefined;
}

/** The byline, or the publisher when the story has none. */
function entryAuthors(story: StoryMetadata): FeedPerson[] {
  const people: Array<Author | Publisher> = story.authors.length > 0 ? story.authors : [story.publisher];
  return people.map((person) => ({ name: person.name, url: person.url }));
}

function entryCategories(story: StoryMetadata): string[] {
  return [...new Set([story.section, ...story.keywords].filter((term): term is string => typeof term === "string" && term.trim() !== ""))];
}

function entryUpdated(story: StoryMetadata): StoryDate {
  return story.modified ?? story.published;
}

/** The lead image by absolute address: its 16:9 crop when images are processed (what readers show), else the image itself. */
function entryImage(story: StoryMetadata, homeUrl: string): string | undefined {
  if (!story.image) return undefined;
  const crop = story.image.crops.find((candidate) => candidate.ratio === "16:9") ?? story.image.crops[0];
  return crop?.url ?? absoluteUrl(story.image.src, homeUrl);
}

function newestUpdate(feed: FeedDescription, entries: readonly FeedEntry[]): string {
  const dates = entries.map((entry) => entryUpdated(entry.story));
  if (dates.length === 0) return feed.updatedWhenEmpty.toISOString().replace(/\.\d{3}Z$/, "Z");
  const newest = dates.reduce((a, b) => (storyInstant(b).toMillis() > storyInstant(a).toMillis() ? b : a));
  return rfc3339(newest);
}

type XmlTemplate = ReturnType<typeof xmlFor>;

function atomAuthor(xml: XmlTemplate, person: FeedPerson, indent: string): SafeHtml {
  return xml`
${indent}<author><name>${person.name}</name>${person.url ? xml`<uri>${person.url}</uri>` : ""}</author>`;
}

function atomEntry(entry: FeedEntry, feed: FeedDescription): SafeHtml {
  const { story } = entry;
  const source: XmlSource = { output: "feed", what: `the story at ${story.path}`, file: entry.file };
  const xml = xmlFor(source);
  const contentXml = xmlFor({ ...source, what: `the content of the story at ${story.path}` });
  const parts: HtmlValue[] = [
    xml`
    <id>${story.url}</id>
    <title type="text">${story.headline}</title>
    <link rel="alternate" type="text/html" href="${story.url}"/>`,
    story.basedOn ? xml`
    <link rel="via" href="${story.basedOn}"/>` : "",
    xml`
    <published>${rfc3339(story.published)}</published>
    <updated>${rfc3339(entryUpdated(story))}</updated>`,
    entryAuthors(story).map((person) => atomAuthor(xml, person, "    ")),
    story.description.trim() !== "" ? xml`
    <summary type="text">${story.description}</summary>` : "",
    entryCategories(story).map((term) => xml`
    <category term="${term}"/>`),
    contentXml`
    <content type="html">${entry.contentHtml}</content>`,
  ];
  const lang = story.language !== feed.language ? xml` xml:lang="${story.language}"` : "";
  return xml`
  <entry${lang}>${parts}
  </entry>`;
}

/** An Atom 1.0 feed of the entries, in the order given (the plugin gives them newest first). */
export function atomFeed(feed: FeedDescription, entries: readonly FeedEntry[]): string {
  const xml = xmlFor({ output: "feed", what: "the feed's title, description or publisher" });
  const { publisher } = feed;
  return xml`${XML_DECLARATION}<feed xmlns="${ATOM_NAMESPACE}" xml:lang="${feed.language}">
  <id>${feed.feedUrl}</id>
  <title type="text">${feed.title}</title>${feed.description ? xml`
  <subtitle type="text">${feed.description}</subtitle>` : ""}
  <link rel="self" type="application/atom+xml" href="${feed.feedUrl}"/>
  <link rel="alternate" type="text/html" href="${feed.homeUrl}"/>
  <updated>${newestUpdate(feed, entries)}</updated>${atomAuthor(xml, { name: publisher.name, url: publisher.url }, "  ")}${publisher.logo ? xml`
  <logo>${publisher.logo.url}</logo>` : ""}${entries.map((entry) => atomEntry(entry, feed))}
</feed>
`.toString();
}

/** A JSON Feed 1.1 of the entries, in the order given. JSON can carry any text, escaped by `JSON.stringify`. */
export function jsonFeed(feed: FeedDescription, entries: readonly FeedEntry[]): string {
  const person = ({ name, url }: FeedPerson) => ({ name, url });
  const document = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrl,
    description: feed.description || undefined,
    language: feed.language,
    authors: [person({ name: feed.publisher.name, url: feed.publisher.url })],
    items: entries.map(({ story, contentHtml }) => {
      const tags = entryCategories(story);
      return {
        id: story.url,
        url: story.url,
        external_url: story.basedOn,
        title: story.headline,
        content_html: contentHtml,
        summary: story.description.trim() !== "" ? story.description : undefined,
        image: entryImage(story, feed.homeUrl),
        date_published: rfc3339(story.published),
        date_modified: story.modified ? rfc3339(story.modified) : undefined,
        authors: entryAuthors(story).map(person),
        tags: tags.length > 0 ? tags : undefined,
        language: story.language !== feed.language ? story.language : undefined,
      };
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
