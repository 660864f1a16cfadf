import { DEFAULT_ASPECT_RATIO, parseAspectRatio } from "../aspectRatio.js";
import { fillLabel, type RenderContext } from "../context.js";
import { parseDuration } from "../duration.js";
import { ElementFields, InvalidValue } from "../fields.js";
import { attributes, html, type SafeHtml } from "../html.js";
import type { ElementInput, SourceLocation, Video } from "../types.js";
import { parseSafeUrl, URL_RULE } from "../url.js";
import { DEFAULT_PROVIDERS, recogniseVideo, type VideoProvider } from "../video/providers.js";

export const VIDEO_FIELDS = [
  "url",
  "title",
  "duration",
  "source",
  "poster",
  "posterAlt",
  "posterCredit",
  "description",
  "aspectRatio",
] as const;

export interface VideoParseOptions {
  providers?: readonly VideoProvider[] | undefined;
}

export function parseVideo(input: ElementInput, location: SourceLocation = {}, options: VideoParseOptions = {}): Video {
  const providers = options.providers ?? DEFAULT_PROVIDERS;
  const fields: ElementFields = new ElementFields("video", input, VIDEO_FIELDS, location);
  if (!fields.has("url") || fields.raw("url") === "") {
    fields.fail(`the required field "url" is ${fields.has("url") ? "empty" : "missing"}`, `give the video's address: ${URL_RULE}`);
  }
  const url = fields.parsed("url", parseSafeUrl) as string;
  const provider = fields.parsed("url", (written) => {
    const source = recogniseVideo(written as string, providers);
    if (!source) {
      throw new InvalidValue(`"${url}" is not an address any video provider recognises`, `use ${providers.map((p) => p.name).join("; ")}`);
    }
    return source;
  });
  const title = fields.requiredText("title", "the video's title, which names it for every reader and for the play button");
  const poster = fields.parsed("poster", parseSafeUrl);
  const posterAlt = fields.optionalText("posterAlt");
  if (poster !== undefined && posterAlt === undefined) {
    fields.fail(
      'a "poster" is given without "posterAlt"',
      'describe the poster image in "posterAlt" (write posterAlt="" only if the image is purely decorative)',
    );
  }
  if (poster === undefined && posterAlt) {
    fields.fail('"posterAlt" is given without a "poster"', 'add the poster image\'s address in "poster", or remove "posterAlt"');
  }
  return {
    type: "video",
    url,
    title,
    duration: fields.parsed("duration", parseDuration),
    source: fields.optionalText("source") || undefined,
    poster,
    posterAlt,
    posterCredit: fields.optionalText("posterCredit") || undefined,
    description: fields.optionalText("description") || undefined,
    aspectRatio: fields.parsed("aspectRatio", parseAspectRatio) ?? provider?.aspectRatio ?? DEFAULT_ASPECT_RATIO,
    provider: provider!,
  };
}

/** Poster dimensions follow the box's ratio; the image is fitted to the box, so this only reserves its space. */
const POSTER_WIDTH = 1280;

/**
 * Works with no JavaScript and asks nothing of a third party until the reader acts: the poster is the site's own
 * image, the play control is a real link (or, for a file, a native player that preloads nothing), and the box's size
 * is reserved with `aspect-ratio` so nothing moves when it loads.
 */
export function renderVideo(element: Video, context: RenderContext): SafeHtml {
  const { labels } = context;
  const ratio = element.aspectRatio;
  const duration = element.duration;
  const titleId = context.ids.claim("newsroom-video-title");
  const posterHeight = Math.round((POSTER_WIDTH * ratio.height) / ratio.width);
  const loading = context.lead ? { loading: "eager", fetchpriority: "high" } : { loading: "lazy" };

  const media =
    element.provider.kind === "file"
      ? html`<video class="newsroom-video__player"${attributes({
          controls: true,
          preload: "none",
          poster: element.poster,
          width: POSTER_WIDTH,
          height: posterHeight,
          "aria-labelledby": titleId,
        })}><source${attributes({ src: element.url, type: element.provider.mimeType })}><a href="${element.url}">${labels.playVideo}: ${element.title}</a></video>`
      : html`${element.poster === undefined
          ? ""
          : html`<img class="newsroom-video__poster"${attributes({
              src: element.poster,
              alt: element.posterAlt ?? "",
              width: POSTER_WIDTH,
              height: posterHeight,
              ...loading,
              decoding: "async",
            })}>`}<a class="newsroom-video__play"${attributes({
          href: element.provider.watchUrl,
          "data-newsroom-embed": element.provider.embedUrl,
        })}><span class="newsroom-video__play-icon" aria-hidden="true"></span><span class="newsroom-video__play-text">${labels.playVideo}</span><span class="newsroom-visually-hidden">: ${element.title}${duration ? ` (${duration.text})` : ""}</span></a>`;

  const captionParts = [
    html`<span class="newsroom-video__title" id="${titleId}">${element.title}</span>`,
    duration && html` <time class="newsroom-video__duration" datetime="${duration.iso}">${duration.text}</time>`,
    element.source && html` <span class="newsroom-video__source">${fillLabel(labels.videoSource, { source: element.source })}</span>`,
    element.description && html` <span class="newsroom-video__description">${element.description}</span>`,
    element.posterCredit && html` <span class="newsroom-video__poster-credit">${element.posterCredit}</span>`,
  ];

  const modifiers = [`newsroom-video--${element.provider.provider}`, context.lead ? "newsroom-video--lead" : ""].filter(Boolean).join(" ");
  return html`<figure class="newsroom-video ${modifiers}">
<div class="newsroom-video__media" style="aspect-ratio: ${ratio.toString()}">${media}</div>
<figcaption class="newsroom-video__caption">${captionParts}</figcaption>
</figure>`;
}
