import { aspectRatio, type AspectRatio } from "../values/aspectRatio.js";
import { InvalidValue } from "../values/fields.js";
import { inspectableUrl, simpleAddressParts, type AddressParts } from "../values/url.js";

/**
 * What a video address was recognised as. `embed` videos play in the provider's iframe (after the reader asks, in a
 * later issue's player); `file` videos play in a native `<video>`; `page` videos can only be watched on another page,
 * so the element links there.
 */
export interface VideoSource {
  /** The provider's id, e.g. `youtube`. */
  provider: string;
  kind: "embed" | "file" | "page";
  /** Where the no-JavaScript play link goes: a watch page, the file itself, or the publisher's page. */
  watchUrl: string;
  /** The privacy-friendly player address, for `embed` videos. */
  embedUrl?: string | undefined;
  /** The file's MIME type, for `file` videos. */
  mimeType?: string | undefined;
  /** The provider's own id of the video, where it has one. */
  videoId?: string | undefined;
  /** Start time in seconds, where the address gives one. */
  start?: number | undefined;
  /** The shape the provider implies (YouTube Shorts are 9/16), used unless the author sets `aspectRatio`. */
  aspectRatio?: AspectRatio | undefined;
  /** The provider's own poster image. Used only when a site opts in (`providerThumbnails`): fetching it tells the provider who is reading. */
  thumbnailUrl?: string | undefined;
}

export interface VideoProvider {
  /** Short id used in class names and data, e.g. `youtube`. */
  id: string;
  /** Human name used in error messages, e.g. "YouTube (watch, youtu.be, shorts or embed address)". */
  name: string;
  /** Returns what the address is, or undefined when this provider does not recognise it. */
  recognise(url: URL, written: string): VideoSource | undefined;
}

const YOUTUBE_HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com", "www.youtube-nocookie.com"]);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * `base` (an address without a query or fragment, whose every character a URL keeps as it is) with the given
 * parameters, those without a value (or with an empty one) left out: what setting them through `URL.searchParams`
 * gives, without building two URL objects per video.
 */
function withQuery(base: string, parameters: ReadonlyArray<readonly [string, string | null | undefined]>): string {
  let query = "";
  for (const [name, value] of parameters) {
    if (!value) continue;
    // Names and values made only of what the form encoding keeps as it is are written as they are; any other pair is
    // serialised by `URLSearchParams` (pairs are serialised one by one and joined by "&", so this is its output).
    const pair = FORM_SAFE.test(name) && FORM_SAFE.test(value) ? `${name}=${value}` : new URLSearchParams([[name, value]]).toString();
    query += query === "" ? pair : `&${pair}`;
  }
  return query === "" ? base : `${base}?${query}`;
}

/** The characters `application/x-www-form-urlencoded` serialisation leaves as they are. */
const FORM_SAFE = /^[A-Za-z0-9*\-._]+$/;

/** `t=1m30s`, `t=90`, `t=90s`, `start=90` → seconds. */
export function parseStartTime(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!match || value === "") return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds > 0 ? seconds : undefined;
}

/** A provider of this module: it reads only the parts of an address that `simpleAddressParts` gives. */
interface BuiltInProvider extends VideoProvider {
  recognise(url: AddressParts, written: string): VideoSource | undefined;
}

export const youtube: BuiltInProvider = {
  id: "youtube",
  name: "YouTube (watch, youtu.be, shorts, live or embed address)",
  recognise(url) {
    if (!YOUTUBE_HOSTS.has(url.hostname) || url.protocol !== "https:") return undefined;
    const segments = url.pathname.split("/").filter(Boolean);
    let videoId: string | undefined;
    let shorts = false;
    if (url.hostname === "youtu.be") videoId = segments[0];
    else if (segments[0] === "watch") videoId = url.searchParams.get("v") ?? undefined;
    else if (segments[0] === "embed" || segments[0] === "live" || segments[0] === "v") videoId = segments[1];
    else if (segments[0] === "shorts") {
      videoId = segments[1];
      shorts = true;
    }
    if (!videoId || !YOUTUBE_ID.test(videoId)) {
      throw new InvalidValue(`"${url.href}" is a YouTube address without a valid video id`, "copy the address from YouTube's Share button, e.g. https://youtu.be/VIDEO_ID");
    }
    const start = parseStartTime(url.searchParams.get("t") ?? url.searchParams.get("start"));
    const playlist = url.searchParams.get("list");
    const embedUrl = withQuery(`https://www.youtube-nocookie.com/embed/${videoId}`, [
      ["start", start ? String(start) : undefined],
      ["list", playlist],
    ]);
    const watchUrl = withQuery(shorts ? `https://www.youtube.com/shorts/${videoId}` : "https://www.youtube.com/watch", [
      ["v", shorts ? undefined : videoId],
      ["t", start ? `${start}s` : undefined],
      ["list", shorts ? undefined : playlist],
    ]);
    return {
      provider: "youtube",
      kind: "embed",
      videoId,
      start,
      watchUrl,
      embedUrl,
      aspectRatio: shorts ? aspectRatio(9, 16) : undefined,
      thumbnailUrl: `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg`,
    };
  },
};

export const vimeo: BuiltInProvider = {
  id: "vimeo",
  name: "Vimeo (vimeo.com or player.vimeo.com address, unlisted ones included)",
  recognise(url) {
    if (url.protocol !== "https:") return undefined;
    if (url.hostname !== "player.vimeo.com" && url.hostname !== "vimeo.com" && url.hostname !== "www.vimeo.com") return undefined;
    const segments = url.pathname.split("/").filter(Boolean);
    let videoId: string | undefined;
    let hash = url.searchParams.get("h") ?? undefined;
    if (url.hostname === "player.vimeo.com" && segments[0] === "video") videoId = segments[1];
    else if (url.hostname === "vimeo.com" || url.hostname === "www.vimeo.com") {
      const index = segments.findIndex((segment) => /^\d+$/.test(segment));
      if (index >= 0) {
        videoId = segments[index];
        const next = segments[index + 1];
        if (next && /^[0-9a-f]+$/i.test(next)) hash ??= next;
      }
    }
    if (!videoId || !/^\d+$/.test(videoId)) {
      throw new InvalidValue(`"${url.href}" is a Vimeo address without a video number`, "copy the address from Vimeo's Share button, e.g. https://vimeo.com/123456789");
    }
    return {
      provider: "vimeo",
      kind: "embed",
      videoId,
      watchUrl: `https://vimeo.com/${videoId}${hash ? `/${hash}` : ""}`,
      embedUrl: withQuery(`https://player.vimeo.com/video/${videoId}`, [
        ["h", hash],
        ["dnt", "1"],
      ]),
    };
  },
};

const FILE_TYPES: Record<string, string> = { ".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm" };

export const videoFile: BuiltInProvider = {
  id: "file",
  name: 'a video file of your own (".mp4", ".m4v" or ".webm")',
  recognise(url, written) {
    const extension = /\.[a-z0-9]+$/i.exec(url.pathname)?.[0]?.toLowerCase();
    const mimeType = extension ? FILE_TYPES[extension] : undefined;
    if (!mimeType) return undefined;
    return { provider: "file", kind: "file", watchUrl: written, mimeType };
  },
};

export const videoPage: BuiltInProvider = {
  id: "page",
  name: "a page where the video is published (any other https: address or site path)",
  recognise(_url, written) {
    return { provider: "page", kind: "page", watchUrl: written };
  },
};

/** Tried in order; the page link comes last because it accepts any safe address. */
export const DEFAULT_PROVIDERS: readonly VideoProvider[] = [youtube, vimeo, videoFile, videoPage];
const BUILT_IN = new Set<VideoProvider>(DEFAULT_PROVIDERS);

export function recogniseVideo(written: string, providers: readonly VideoProvider[] = DEFAULT_PROVIDERS): VideoSource | undefined {
  // The built-in providers read an address of a simple shape from its text; a site's own get a URL object.
  const parts = providers.every((provider) => BUILT_IN.has(provider)) ? simpleAddressParts(written) : undefined;
  const url = parts ?? inspectableUrl(written);
  for (const provider of providers) {
    const source = (provider as BuiltInProvider).recognise(url, written);
    if (source) return source;
  }
  return undefined;
}
