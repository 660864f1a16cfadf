/**
 * The cards a shared link becomes: Open Graph (Facebook, LinkedIn, Slack, iMessage, Mastodon…) and X's Twitter cards,
 * as `<meta>` elements for the page's `<head>`.
 */
import { machineDate } from "../values/dates.js";
import { attributes, html, type SafeHtml } from "../html.js";
import { absoluteUrl } from "../values/url.js";
import { storyDescription } from "./structuredData.js";
import type { ImageRendition, SiteMetadata, StoryImage, StoryMetadata } from "./types.js";

/** X shows about this much of a card's title and description; longer text is cut by X mid-word. */
export const TWITTER_TITLE_LIMIT = 70;
export const TWITTER_DESCRIPTION_LIMIT = 200;

const ELLIPSIS = "…";
/** Made when first needed: loading the segmenter's data costs about 20 ms, which a site without cards should not pay. */
let graphemes: Intl.Segmenter | undefined;
/** Space a line may break at; no-break spaces (U+00A0, U+2007, U+202F) join words. */
const BREAKING_SPACE = /^(?![\u00a0\u2007\u202f])\s+$/u;
/** What may not end a cut text before the ellipsis. */
const TRAILING = /[\s,;:\-\u2013\u2014]+$/u;

/**
 * Cuts text to at most `max` user-perceived characters (grapheme clusters, so no emoji, flag, accent or surrogate
 * pair is split), ellipsis included, at the last space that fits; one word longer than that is cut where it must.
 * Text that fits is returned as it is.
 */
export function truncateOnWord(text: string, max: number): string {
  if (!Number.isSafeInteger(max) || max < 1) throw new RangeError(`truncateOnWord: max must be a whole number of at least 1, not ${max}`);
  // No text has more grapheme clusters than UTF-16 code units.
  if (text.length <= max) return text;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const clusters = [...graphemes.segment(text)].map((segment) => segment.segment);
  if (clusters.length <= max) return text;
  const kept = clusters.slice(0, max - 1); // the ellipsis is one character
  // The cut falls on a space: the one just after what fits, or the last one inside it.
  let end = kept.length;
  if (!BREAKING_SPACE.test(clusters[end]!)) {
    const lastSpace = kept.findLastIndex((cluster) => BREAKING_SPACE.test(cluster));
    if (lastSpace > 0) end = lastSpace;
  }
  const cut = kept.slice(0, end).join("").replace(TRAILING, "") || kept.join("").replace(TRAILING, "");
  return cut + ELLIPSIS;
}

/**
 * BCP 47 as Open Graph's `language_TERRITORY` (`es-MX` → `es_MX`). A tag without a region gets the region its
 * language most likely means (Unicode CLDR's likely subtags, as `Intl.Locale#maximize` gives: `en` → `en_US`);
 * undefined when the tag has no such region.
 */
export function openGraphLocale(language: string): string | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(language);
  } catch {
    return undefined;
  }
  const region = locale.region ?? locale.maximize().region;
  return locale.language !== "und" && region && /^[A-Z]{2}$/.test(region) ? `${locale.language}_${region}` : undefined;
}

/** An image's absolute address, with its size and type when they are known. */
export type CardImage = Pick<ImageRendition, "url" | "type"> & Partial<Pick<ImageRendition, "width" | "height">>;

/** The image for a card: the 16:9 crop (what cards show), else the largest crop, else the image as written. */
export function cardImage(image: StoryImage, site: SiteMetadata): CardImage {
  const wide = image.crops.find((crop) => crop.ratio === "16:9");
  if (wide) return wide;
  const largest = [...image.crops].sort((a, b) => b.width * b.height - a.width * a.height)[0];
  return largest ?? { url: absoluteUrl(image.src, site.url), width: image.width, height: image.height };
}

type Meta = readonly [attribute: "property" | "name", key: string, content: string | number | undefined];

/** Open Graph and Twitter `<meta>` elements, one a line; a value the story does not have is left out. */
export function socialCards(story: StoryMetadata, site: SiteMetadata): SafeHtml {
  const description = storyDescription(story);
  const image = story.image ? cardImage(story.image, site) : undefined;
  const alt = story.image?.alt || undefined;
  const metas: Meta[] = [
    ["property", "og:type", "article"],
    ["property", "og:title", story.headline],
    ["property", "og:description", description],
    ["property", "og:url", story.url],
    ["property", "og:site_name", site.name],
    ["property", "og:locale", openGraphLocale(story.language)],
    ["property", "og:image", image?.url],
    ["property", "og:image:width", image?.width],
    ["property", "og:image:height", image?.height],
    ["property", "og:image:type", image?.type],
    ["property", "og:image:alt", image && alt],
    ["property", "article:published_time", machineDate(story.published)],
    ["property", "article:modified_time", story.modified && machineDate(story.modified)],
    ["property", "article:section", story.section],
    ...story.keywords.map((keyword): Meta => ["property", "article:tag", keyword]),
    ...story.authors.map((author): Meta => ["property", "article:author", author.url]),
    // A large card needs an image; without one X shows the small summary card.
    ["name", "twitter:card", image ? "summary_large_image" : "summary"],
    ["name", "twitter:title", truncateOnWord(story.headline, TWITTER_TITLE_LIMIT)],
    ["name", "twitter:description", description && truncateOnWord(description, TWITTER_DESCRIPTION_LIMIT)],
    ["name", "twitter:image", image?.url],
    ["name", "twitter:image:alt", image && alt],
  ];
  const present = metas.filter(([, , content]) => content !== undefined && content !== "");
  return html`${present.map(([attribute, key, content], index) => html`${index > 0 ? "\n" : ""}<meta${attributes({ [attribute]: key, content })}>`)}`;
}
