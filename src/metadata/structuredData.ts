/**
 * A story as JSON-LD for search engines: one `@graph` with the NewsArticle (a LiveBlogPosting for a live story), a
 * VideoObject per video (referenced from the article by `@id`) and a BreadcrumbList. Shaped after Google's Article,
 * Video and Breadcrumb recommendations, and typed with schema-dts so a misspelt property is a compile error.
 */
import type { BlogPosting, BreadcrumbList, Graph, ImageObject, LiveBlogPosting, NewsArticle, NewsMediaOrganization, Organization, Person, VideoObject } from "schema-dts";
import { machineDate } from "../values/dates.js";
import { html, scriptJson, type SafeHtml } from "../html.js";
import { videoObject } from "../video/structuredData.js";
import { absoluteUrl } from "../values/url.js";
import {
  CROP_RATIOS,
  type Author,
  type ImageCrop,
  type LiveStoryMetadata,
  type LiveUpdateMetadata,
  type Publisher,
  type SiteMetadata,
  type StoryImage,
  type StoryMetadata,
} from "./types.js";

/** What a voice assistant may read aloud by default: the headline and the story highlights. */
export const DEFAULT_SPEAKABLE_SELECTORS: readonly string[] = Object.freeze(["h1", ".newsroom-highlights"]);

export interface StoryGraphOptions {
  /** CSS selectors of the parts of the page that suit being read aloud (`SpeakableSpecification.cssSelector`). */
  speakable?: readonly string[] | undefined;
}

/** The story's summary for machines: its description, or (when that is empty) its highlights joined. */
export function storyDescription(story: StoryMetadata): string {
  return story.description || story.highlightTexts.join(" ");
}

/** The `@id` of the story's nth video (0-based) in the graph. */
function videoId(story: StoryMetadata, index: number): string {
  return `${story.url}#video-${index + 1}`;
}

/** The story as one JSON-LD object: `{ "@context": "https://schema.org", "@graph": [article, ...videos, breadcrumbs] }`. */
export function storyGraph(story: StoryMetadata, site: SiteMetadata, options: StoryGraphOptions = {}): Graph {
  const datePublished = machineDate(story.published);
  const description = storyDescription(story) || undefined;
  const videos = story.videos.map((video, index): VideoObject => {
    const data = videoObject(video, { siteUrl: site.url, fallbackUploadDate: datePublished, fallbackDescription: description });
    const { "@type": type, ...properties } = data;
    // A poster that is also the story's image has raster crops for machines (an SVG poster is not a thumbnail Google reads).
    const crops = video.poster !== undefined && video.poster === story.image?.src ? orderedCrops(story.image.crops) : [];
    if (crops.length > 0) properties.thumbnailUrl = crops.map((crop) => crop.url);
    return { "@type": type, "@id": videoId(story, index), ...properties };
  });
  const breadcrumbId = `${story.url}#breadcrumb`;
  const article = {
    "@id": `${story.url}#article`,
    headline: story.headline,
    description,
    datePublished,
    // Google recommends both dates; a story never changed was last modified when it was published.
    dateModified: story.modified ? machineDate(story.modified) : datePublished,
    author: story.authors.length > 0 ? story.authors.map(authorNode) : [publisherAsAuthor(story.publisher)],
    publisher: publisherNode(story.publisher),
    image: story.image ? imageNodes(story.image, site) : undefined,
    articleSection: story.section || undefined,
    keywords: story.keywords.length > 0 ? story.keywords : undefined,
    // NewsArticle's own: a LiveBlogPosting has none.
    dateline: story.dateline || undefined,
    mainEntityOfPage: { "@type": "WebPage", "@id": story.url, breadcrumb: { "@id": breadcrumbId } },
    url: story.url,
    isAccessibleForFree: story.accessibleForFree,
    inLanguage: story.language,
    isBasedOn: story.basedOn,
    video: videos.length > 0 ? story.videos.map((_, index) => ({ "@id": videoId(story, index) })) : undefined,
    speakable: { "@type": "SpeakableSpecification", cssSelector: [...(options.speakable ?? DEFAULT_SPEAKABLE_SELECTORS)] },
  } satisfies Omit<NewsArticle, "@type"> & Omit<LiveBlogPosting, "@type">;
  const { dateline, ...shared } = article;
  const articleNode: NewsArticle | LiveBlogPosting = story.live ? liveBlogPosting(shared, story.live) : { "@type": "NewsArticle", ...article };
  // A section has no address of its own in the story's metadata, so it is left out rather than given an invented one.
  const breadcrumbs: BreadcrumbList = {
    "@type": "BreadcrumbList",
    "@id": breadcrumbId,
    itemListElement: [
      { "@type": "ListItem", position: 1, name: site.name, item: site.url },
      { "@type": "ListItem", position: 2, name: story.headline, item: story.url },
    ],
  };
  return { "@context": "https://schema.org", "@graph": [articleNode, ...videos, breadcrumbs] };
}

/**
 * A live story's article: a LiveBlogPosting (a BlogPosting, so an Article to Google) with when its coverage started,
 * when it ended (only once it has: an end given in advance would tell search engines the coverage is over), and its
 * updates, newest first, each a BlogPosting at the address of the page it is on. (`dateline` is NewsArticle's alone.)
 */
function liveBlogPosting(article: Omit<LiveBlogPosting, "@type">, live: LiveStoryMetadata): LiveBlogPosting {
  return {
    "@type": "LiveBlogPosting",
    ...article,
    coverageStartTime: live.started && machineDate(live.started),
    coverageEndTime: live.status === "ended" && live.ended ? machineDate(live.ended) : undefined,
    liveBlogUpdate: live.updates.map(blogPosting),
  };
}

function blogPosting(update: LiveUpdateMetadata): BlogPosting {
  const datePublished = machineDate(update.published);
  return {
    "@type": "BlogPosting",
    headline: update.headline || undefined,
    articleBody: update.text || undefined,
    datePublished,
    dateModified: update.modified ? machineDate(update.modified) : datePublished,
    author: update.author ? authorNode(update.author) : undefined,
    url: update.url,
  };
}

/** `<script type="application/ld+json">…</script>`; the JSON is written so that no string in it can end the element. */
export function jsonLdScript(value: object): SafeHtml {
  return html`<script type="application/ld+json">${scriptJson(value)}</script>`;
}

function authorNode(author: Author): Person | Organization {
  return author.type === "Person" ? { "@type": "Person", name: author.name, url: author.url } : { "@type": "Organization", name: author.name, url: author.url };
}

/** A story without a byline is its publisher's, as wire copy is: Google accepts an Organization as the author. */
function publisherAsAuthor(publisher: Publisher): Organization {
  return { "@type": "Organization", name: publisher.name, url: publisher.url };
}

function publisherNode(publisher: Publisher): NewsMediaOrganization {
  return { "@type": "NewsMediaOrganization", name: publisher.name, url: publisher.url, logo: publisher.logo ? sizedImage(publisher.logo) : undefined };
}

/** The crops in the order Google lists them (16:9, 4:3, 1:1); without crops, the image itself at its absolute address. */
function imageNodes(image: StoryImage, site: SiteMetadata): ImageObject[] {
  const credit = image.credit || undefined;
  if (image.crops.length === 0) {
    const original = { url: absoluteUrl(image.src, site.url), width: image.width, height: image.height };
    return [{ ...sizedImage(original), creditText: credit }];
  }
  return orderedCrops(image.crops).map((crop) => ({ ...sizedImage(crop), creditText: credit }));
}

function orderedCrops(crops: readonly ImageCrop[]): ImageCrop[] {
  return [...crops].sort((a, b) => CROP_RATIOS.indexOf(a.ratio) - CROP_RATIOS.indexOf(b.ratio));
}

interface SizedImage {
  url: string;
  width?: number | undefined;
  height?: number | undefined;
  type?: string | undefined;
}

/**
 * schema-dts types `width` and `height` as schema.org's Distance text or a QuantitativeValue, but Google's examples and
 * the consumers that read them (Google, Bing, Facebook) take whole pixels, so the sizes are written as numbers.
 */
function sizedImage(image: SizedImage): ImageObject {
  const node = { "@type": "ImageObject", url: image.url, width: image.width, height: image.height, encodingFormat: image.type };
  return node as unknown as ImageObject;
}
