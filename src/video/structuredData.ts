import type { Video } from "../types.js";
import { absoluteUrl } from "../values/url.js";

/** What schema.org's VideoObject (and Google's video recommendations) needs, read off one video element. */
export interface VideoObjectData {
  "@type": "VideoObject";
  name: string;
  description?: string;
  /** One address, or several (the crops of one image at different ratios). */
  thumbnailUrl?: string | string[];
  uploadDate?: string;
  /** ISO 8601, e.g. `PT1M45S`. */
  duration?: string;
  /** The provider's player (YouTube, Vimeo). */
  embedUrl?: string;
  /** The file itself, for videos the site hosts. */
  contentUrl?: string;
  /** The page where the video can be watched. */
  url: string;
}

export interface VideoObjectOptions {
  /** The site's absolute address, so site paths become absolute URLs (machines need them). */
  siteUrl?: string | undefined;
  /** Used when the video has no `uploadDate` of its own, e.g. the story's publication date. */
  fallbackUploadDate?: string | undefined;
  /** Used when the video has no `description`, e.g. its title or the story's summary. */
  fallbackDescription?: string | undefined;
}

function absolute(url: string | undefined, siteUrl: string | undefined): string | undefined {
  return url === undefined || siteUrl === undefined ? url : absoluteUrl(url, siteUrl);
}

/** The element's data for structured data: same fields the page shows, under schema.org's names. */
export function videoObject(video: Video, options: VideoObjectOptions = {}): VideoObjectData {
  const { siteUrl } = options;
  const data: VideoObjectData = { "@type": "VideoObject", name: video.title, url: absolute(video.provider.watchUrl, siteUrl)! };
  const description = video.description ?? options.fallbackDescription;
  if (description) data.description = description;
  const thumbnail = absolute(video.poster, siteUrl);
  if (thumbnail) data.thumbnailUrl = thumbnail;
  const uploadDate = video.uploadDate ?? options.fallbackUploadDate;
  if (uploadDate) data.uploadDate = uploadDate;
  if (video.duration) data.duration = video.duration.iso;
  if (video.provider.embedUrl) data.embedUrl = video.provider.embedUrl;
  if (video.provider.kind === "file") data.contentUrl = absolute(video.url, siteUrl)!;
  return data;
}
