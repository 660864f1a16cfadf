/**
 * What machines read about a story: search engines (JSON-LD), social networks (cards), feed readers and sitemaps.
 * One `StoryMetadata` is read from a story's front matter and elements (`readStoryMetadata`), and every output is a
 * pure function of it, so the JSON-LD, the cards, the feeds and the page itself can never disagree.
 */
import type { StoryDate } from "../values/dates.js";
import type { StoryHighlights, Video } from "../types.js";

/** A byline: a person, or an organisation (a wire service, a desk). */
export interface Author {
  type: "Person" | "Organization";
  name: string;
  /** A page about the author (absolute URL); Google recommends one. */
  url?: string | undefined;
}

/** An image file at one size, by absolute URL. */
export interface ImageRendition {
  url: string;
  width: number;
  height: number;
  /** MIME type, e.g. "image/jpeg". */
  type?: string | undefined;
}

export type CropRatio = "16:9" | "4:3" | "1:1";

export const CROP_RATIOS: readonly CropRatio[] = ["16:9", "4:3", "1:1"];

/** A crop of the story's image for machines (JSON-LD, cards): Google asks for 16:9, 4:3 and 1:1, at least 1200 px wide. */
export interface ImageCrop extends ImageRendition {
  ratio: CropRatio;
}

export interface Publisher {
  name: string;
  /** The publisher's home page (absolute URL). */
  url?: string | undefined;
  /** The publisher's logo, for `NewsMediaOrganization.logo` and the Atom feed's logo. */
  logo?: ImageRendition | undefined;
}

/** The story's lead image: its own, or the lead video's poster when the story has no image of its own. */
export interface StoryImage {
  /** As the author wrote it: a site path (`/assets/x.jpg`) or an `https:` URL. */
  src: string;
  /** Required; an image a reader sees needs words for those who cannot see it. */
  alt: string;
  credit?: string | undefined;
  /** The original's size, when the image was processed. */
  width?: number | undefined;
  height?: number | undefined;
  /** Crops for machines, filled by the image pipeline; empty when images are not processed. */
  crops: ImageCrop[];
}

export type CorrectionKind = "correction" | "update";

/** A dated notice at the foot of the story; the latest one is the story's `dateModified`. */
export interface Correction {
  kind: CorrectionKind;
  date: StoryDate;
  /** Inline Markdown, as written. */
  text: string;
}

/** What the whole site says about itself; the plugin's options. */
export interface SiteMetadata {
  /** The site's absolute address including any path prefix, ending in "/", e.g. "https://news.example/news/". */
  url: string;
  name: string;
  /** BCP 47, e.g. "en". */
  language: string;
  /** The site's publisher, used for stories that do not name their own. */
  publisher?: Publisher | undefined;
}

export interface StoryMetadata {
  /** The page's absolute URL (path prefix included). */
  url: string;
  /** The page's site path as Eleventy gives it (`page.url`, without the path prefix), for sitemaps and feeds. */
  path: string;
  headline: string;
  /** The story's `description`, or its highlights joined, as plain text. */
  description: string;
  published: StoryDate;
  /** The latest of `updated` and the corrections' dates; undefined when the story was never changed. */
  modified?: StoryDate | undefined;
  /** Empty when the story has no byline. */
  authors: Author[];
  publisher: Publisher;
  section?: string | undefined;
  /** The story's tags (without the story tag and Eleventy's own) followed by its `keywords`, without repeats. */
  keywords: string[];
  image?: StoryImage | undefined;
  /** The address where the story was first published, when this page republishes it. */
  basedOn?: string | undefined;
  /** `basedOn` when the story is republished, else `url`. */
  canonical: string;
  /** BCP 47. */
  language: string;
  accessibleForFree: boolean;
  highlights?: StoryHighlights | undefined;
  /** Plain text of each highlight. */
  highlightTexts: string[];
  /** Every video in the story, the lead first. */
  videos: Video[];
  /** Oldest first. */
  corrections: Correction[];
  dateline?: string | undefined;
  /** What a live story (`live: true`) adds: its coverage and its updates. Undefined for any other story. */
  live?: LiveStoryMetadata | undefined;
}

/**
 * A live story's coverage for machines: the JSON-LD's `LiveBlogPosting`, the story's feeds of its updates and the
 * links to them. The story's `published` is its first update's time and its `modified` its newest update or edit.
 */
export interface LiveStoryMetadata {
  /** "live" while coverage runs; "ended" once the story gives `coverageEnded`. */
  status: "live" | "ended";
  /** When coverage started: the first update's time; undefined before the first update. */
  started?: StoryDate | undefined;
  /** When coverage ended; undefined while it runs. */
  ended?: StoryDate | undefined;
  /** Every update, on every page, newest first. */
  updates: LiveUpdateMetadata[];
  /** The story's Atom and JSON feeds of its updates, by absolute address, when the site writes them. */
  feeds?: { atom: string; json: string } | undefined;
}

/** One update of a live story, for machines. */
export interface LiveUpdateMetadata {
  /** Its id on the page (the fragment of its addresses). */
  id: string;
  /** Its title as written; undefined when it has none. */
  title?: string | undefined;
  /** Its title, or its first words when it has none: at most `LIVE_UPDATE_HEADLINE_LIMIT` characters, cut on a word. */
  headline: string;
  /** Its words as plain text, as the page shows them (the elements inside it included). */
  text: string;
  /** When it was posted. */
  published: StoryDate;
  /** When it was last edited; undefined when it never was. */
  modified?: StoryDate | undefined;
  author?: Author | undefined;
  /** Where it is now: the absolute address of the page it is on (the live page or an older one), with `#id`. */
  url: string;
  /**
   * The address that finds it for good: the story's own, with `#id`. Once an update moves to an older page, the live
   * page keeps an entry with its id that links there, so this is what a feed names it by.
   */
  permalink: string;
  /** A key event. */
  key: boolean;
  pinned: boolean;
}
