import type { ElementInput } from "../src/index.js";

export interface StoryAuthor {
  name: string;
  /** A page about the author: a path on the site or an https: address. */
  url?: string;
  type?: "Person" | "Organization";
}

/** The front matter of a story, as the plugin reads it. Other keys pass through to the site's own templates. */
export interface StoryFrontMatter {
  title: string;
  /** Publication date. A date without a time (`2017-05-18`) is shown as a date only. */
  date?: Date | string;
  /** Must include the story tag (default `"story"`) for the page to be a story. */
  tags?: string | string[];
  /** The story highlights, one line of inline Markdown each. */
  highlights?: string[];
  /** The lead video: `url` and `title` required; `duration`, `source`, `poster`, `posterAlt`, `posterCredit`, `description`, `aspectRatio` optional. */
  video?: ElementInput & { url: string; title: string };
  /** The place and/or agency that opens the body, e.g. "CNN" (rendered "CNN —"). */
  dateline?: string;
  /** Left out of production builds, shown while serving. */
  draft?: boolean;
  /** For search results and cards; default: the highlights as plain text. */
  description?: string;
  /** A later change to the story (with the corrections, it drives `dateModified` and "Updated …"). */
  updated?: Date | string;
  /** The byline: a name, `{ name, url, type: "Person" | "Organization" }`, or a list of either. */
  author?: string | StoryAuthor;
  authors?: Array<string | StoryAuthor>;
  /** Default: the site's publisher (the `site.publisher` option). */
  publisher?: string | { name: string; url?: string };
  section?: string;
  /** With the tags (but not the story tag), the story's keywords for machines. */
  keywords?: string | string[];
  /** The lead image; `alt` is required. Default for machines: the lead video's poster. */
  image?: { src: string; alt: string; credit?: string; caption?: string };
  /** Where the story was first published, when this page republishes it: `isBasedOn` and the canonical link. */
  original?: string;
  /** Dated notices at the foot of the story, oldest first. */
  corrections?: Array<{ date: Date | string; text: string; kind?: "correction" | "update" }>;
  /** BCP 47; default: the site's language. */
  lang?: string;
  /** False for a story behind a paywall. Default true. */
  isAccessibleForFree?: boolean;
  /** False leaves the page out of sitemap.xml. */
  sitemap?: false;
  [key: string]: unknown;
}
