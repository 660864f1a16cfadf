/**
 * Feeds for feed readers: Atom 1.0 (RFC 4287) and JSON Feed 1.1. The writers take format-neutral `FeedItem`s, so one
 * pair of writers makes the site's feed of its stories (`atomFeed`, `jsonFeed`: each story's `StoryMetadata` and full
 * content) and a live story's feed of its updates (`src/live/feeds.ts`). Every story entry carries its absolute address
 * as id and link, its published and updated dates, its authors (the publisher when the story has no byline, since Atom
 * requires an author), its summary and its categories (section, then keywords).
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
  /** The page the feed is of, absolute (path prefix included): the site's home page, or a live story's page. */
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
  /** The input file the feed is about (a live story's), named by errors. */
  file?: string | undefined;
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

export interface FeedPerson {
  name: string;
  url?: string | undefined;
}

/** One entry of a feed, whatever it is (a story, a live update), as both formats need it. */
export interface FeedItem {
  /** Its permanent id: an absolute address that never changes (Atom `id`, JSON Feed `id`). */
  id: string;
  /** Where readers read it, absolute. */
  url: string;
  /** The original, when the entry republishes one (Atom `rel="via"`, JSON Feed `external_url`). */
  via?: string | undefined;
  title: string;
  published: StoryDate;
  /** When it last changed; undefined when it never did (Atom's `updated` is then its publication). */
  modified?: StoryDate | undefined;
  /** At least one: Atom requires an author. */
  authors: FeedPerson[];
  /** Plain text; left out when empty. */
  summary?: string | undefined;
  /** Atom `category` terms, JSON Feed `tags`, in order. */
  categories: string[];
  /** Its lead image, absolute (JSON Feed `image`). */
  image?: string | undefined;
  /** BCP 47; written when it differs from the feed's. */
  language: string;
  /** Its full content as HTML, its addresses already absolute. */
  contentHtml: string;
  /** What it is, for errors, e.g. "the story at /stories/a/". */
  what: string;
  /** Its input file, named by errors. */
  file?: string | undefined;
}

/** The byline, or the publisher when the story has none. */
export function storyFeedAuthors(story: StoryMetadata): FeedPerson[] {
  const people: Array<Author | Publisher> = story.authors.length > 0 ? story.authors : [story.publisher];
  return people.map((person) => ({ name: person.name, url: person.url }));
}

function entryCategories(story: StoryMetadata): string[] {
  return [...new Set([story.section, ...story.keywords].filter((term): term is string => typeof term === "string" && term.trim() !== ""))];
}

/** The lead image by absolute address: its 16:9 crop when images are processed (what readers show), else the image itself. */
function entryImage(story: StoryMetadata, homeUrl: string): string | undefined {
  if (!story.image) return undefined;
  const crop = story.image.crops.find((candidate) => candidate.ratio === "16:9") ?? story.image.crops[0];
  return crop?.url ?? absoluteUrl(story.image.src, homeUrl);
}

/** A story as a feed entry. */
export function storyFeedItem(entry: FeedEntry, homeUrl: string): FeedItem {
  const { story } = entry;
  return {
    id: story.url,
    url: story.url,
    via: story.basedOn,
    title: story.headline,
    published: story.published,
    modified: story.modified,
    authors: storyFeedAuthors(story),
    summary: story.description,
    categories: entryCategories(story),
    image: entryImage(story, homeUrl),
    language: story.language,
    contentHtml: entry.contentHtml,
    what: `the story at ${story.path}`,
    file: entry.file,
  };
}

const itemUpdated = (item: FeedItem): StoryDate => item.modified ?? item.published;

function newestUpdate(feed: FeedDescription, items: readonly FeedItem[]): string {
  const dates = items.map(itemUpdated);
  if (dates.length === 0) return feed.updatedWhenEmpty.toISOString().replace(/\.\d{3}Z$/, "Z");
  const newest = dates.reduce((a, b) => (storyInstant(b).toMillis() > storyInstant(a).toMillis() ? b : a));
  return rfc3339(newest);
}

type XmlTemplate = ReturnType<typeof xmlFor>;

function atomAuthor(xml: XmlTemplate, person: FeedPerson, indent: string): SafeHtml {
  return xml`
${indent}<author><name>${person.name}</name>${person.url ? xml`<uri>${person.url}</uri>` : ""}</author>`;
}

function atomEntry(item: FeedItem, feed: FeedDescription): SafeHtml {
  const source: XmlSource = { output: "feed", what: item.what, file: item.file };
  const xml = xmlFor(source);
  const contentXml = xmlFor({ ...source, what: `the content of ${item.what}` });
  const parts: HtmlValue[] = [
    xml`
    <id>${item.id}</id>
    <title type="text">${item.title}</title>
    <link rel="alternate" type="text/html" href="${item.url}"/>`,
    item.via ? xml`
    <link rel="via" href="${item.via}"/>` : "",
    xml`
    <published>${rfc3339(item.published)}</published>
    <updated>${rfc3339(itemUpdated(item))}</updated>`,
    item.authors.map((person) => atomAuthor(xml, person, "    ")),
    item.summary && item.summary.trim() !== "" ? xml`
    <summary type="text">${item.summary}</summary>` : "",
    item.categories.map((term) => xml`
    <category term="${term}"/>`),
    contentXml`
    <content type="html">${item.contentHtml}</content>`,
  ];
  const lang = item.language !== feed.language ? xml` xml:lang="${item.language}"` : "";
  return xml`
  <entry${lang}>${parts}
  </entry>`;
}

/** An Atom 1.0 feed of the items, in the order given (newest first, as readers expect). */
export function atomFeedOfItems(feed: FeedDescription, items: readonly FeedItem[]): string {
  const xml = xmlFor({ output: "feed", what: "the feed's title, description or publisher", file: feed.file });
  const { publisher } = feed;
  return xml`${XML_DECLARATION}<feed xmlns="${ATOM_NAMESPACE}" xml:lang="${feed.language}">
  <id>${feed.feedUrl}</id>
  <title type="text">${feed.title}</title>${feed.description ? xml`
  <subtitle type="text">${feed.description}</subtitle>` : ""}
  <link rel="self" type="application/atom+xml" href="${feed.feedUrl}"/>
  <link rel="alternate" type="text/html" href="${feed.homeUrl}"/>
  <updated>${newestUpdate(feed, items)}</updated>${atomAuthor(xml, { name: publisher.name, url: publisher.url }, "  ")}${publisher.logo ? xml`
  <logo>${publisher.logo.url}</logo>` : ""}${items.map((item) => atomEntry(item, feed))}
</feed>
`.toString();
}

/** A JSON Feed 1.1 of the items, in the order given. JSON can carry any text, escaped by `JSON.stringify`. */
export function jsonFeedOfItems(feed: FeedDescription, items: readonly FeedItem[]): string {
  const person = ({ name, url }: FeedPerson) => ({ name, url });
  const document = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrl,
    description: feed.description || undefined,
    language: feed.language,
    authors: [person({ name: feed.publisher.name, url: feed.publisher.url })],
    items: items.map((item) => ({
      id: item.id,
      url: item.url,
      external_url: item.via,
      title: item.title,
      content_html: item.contentHtml,
      summary: item.summary && item.summary.trim() !== "" ? item.summary : undefined,
      image: item.image,
      date_published: rfc3339(item.published),
      date_modified: item.modified ? rfc3339(item.modified) : undefined,
      authors: item.authors.map(person),
      tags: item.categories.length > 0 ? item.categories : undefined,
      language: item.language !== feed.language ? item.language : undefined,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** An Atom 1.0 feed of the stories, in the order given (the plugin gives them newest first). */
export function atomFeed(feed: FeedDescription, entries: readonly FeedEntry[]): string {
  return atomFeedOfItems(feed, entries.map((entry) => storyFeedItem(entry, feed.homeUrl)));
}

/** A JSON Feed 1.1 of the stories, in the order given. */
export function jsonFeed(feed: FeedDescription, entries: readonly FeedEntry[]): string {
  return jsonFeedOfItems(feed, entries.map((entry) => storyFeedItem(entry, feed.homeUrl)));
}
