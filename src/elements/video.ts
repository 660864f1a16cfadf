import { aspectRatioClass, DEFAULT_ASPECT_RATIO, parseAspectRatio } from "../values/aspectRatio.js";
import { fillLabel, type RenderContext } from "../context.js";
import { toStoryDate, machineDate } from "../values/dates.js";
import { parseDuration } from "../values/duration.js";
import { ElementFields, InvalidValue, parseLanguageTag } from "../values/fields.js";
import { attributes, html, type SafeHtml } from "../html.js";
import { loadingAttributes, pictureFor, renderPicture } from "../images/image.js";
import type { ElementInput, SourceLocation, Video } from "../types.js";
import { parseSafeUrl, URL_RULE } from "../values/url.js";
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
  "transcript",
  "captions",
  "captionsLanguage",
  "uploadDate",
] as const;

export interface VideoParseOptions {
  /** The providers to try, in order; the page-link provider should come last, as it accepts any safe address. */
  providers?: readonly VideoProvider[] | undefined;
  /** Use the provider's own thumbnail as the poster when the author gives none. Off by default: it is a request to the provider before the reader asks for anything. */
  providerThumbnails?: boolean | undefined;
}

export function parseVideo(input: ElementInput, location: SourceLocation = {}, options: VideoParseOptions = {}): Video {
  const providers = options.providers ?? DEFAULT_PROVIDERS;
  // Named only in errors: made when one is thrown.
  const providerList = () => providers.map((p) => p.name).join("; ");
  const fields: ElementFields = new ElementFields("video", input, VIDEO_FIELDS, location);
  if (!fields.has("url") || fields.raw("url") === "") {
    fields.fail(`the required field "url" is ${fields.has("url") ? "empty" : "missing"}`, `give the video's address: ${URL_RULE}`);
  }
  const url = fields.parsed("url", (written) => {
    try {
      return parseSafeUrl(written);
    } catch (error) {
      if (error instanceof InvalidValue) throw new InvalidValue(error.problem, `${error.fix}. Supported: ${providerList()}`);
      throw error;
    }
  })!;
  const provider = fields.parsed("url", () => {
    const source = recogniseVideo(url, providers);
    if (!source) throw new InvalidValue(`"${url}" is not an address any video provider recognises`, `use ${providerList()}`);
    return source;
  })!;
  const title = fields.requiredText("title", "the video's title, which names it for every reader and for the play button");
  let poster = fields.parsed("poster", parseSafeUrl);
  let posterAlt = fields.optionalText("posterAlt");
  if (poster !== undefined && posterAlt === undefined) {
    fields.fail(
      'a "poster" is given without "posterAlt"',
      'describe the poster image in "posterAlt" (write posterAlt="" only if the image is purely decorative)',
    );
  }
  if (poster === undefined && posterAlt) {
    fields.fail('"posterAlt" is given without a "poster"', 'add the poster image\'s address in "poster", or remove "posterAlt"');
  }
  if (poster === undefined && options.providerThumbnails && provider.thumbnailUrl) {
    // The provider's frame is decorative here: the title, in the caption and the play button, names the video.
    poster = provider.thumbnailUrl;
    posterAlt = "";
  }
  const captions = fields.parsed("captions", parseSafeUrl);
  if (captions !== undefined && provider.kind !== "file") {
    fields.fail(
      `"captions" is given for a ${provider.provider} video, but a captions file can only be attached to a video file of your own`,
      "remove it (YouTube and Vimeo carry their own captions), or link a transcript with transcript=\"…\"",
    );
  }
  const captionsLanguage = fields.optionalText("captionsLanguage");
  if (captionsLanguage !== undefined) fields.parsed("captionsLanguage", parseLanguageTag);
  if (captionsLanguage !== undefined && captions === undefined) {
    fields.fail('"captionsLanguage" is given without "captions"', "add the captions file's address in \"captions\", or remove \"captionsLanguage\"");
  }
  const uploadDate = fields.parsed("uploadDate", (value) => machineDate(toStoryDate(value, "UTC")));
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
    transcript: fields.parsed("transcript", parseSafeUrl),
    captions,
    captionsLanguage: captions === undefined ? undefined : (captionsLanguage ?? "en"),
    uploadDate,
    aspectRatio: fields.parsed("aspectRatio", parseAspectRatio) ?? provider.aspectRatio ?? DEFAULT_ASPECT_RATIO,
    provider,
  };
}

/** Poster dimensions follow the box's ratio; the image is fitted to the box, so this only reserves its space. */
const POSTER_WIDTH = 1280;

/**
 * Works with no JavaScript and asks nothing of a third party until the reader acts: the poster is the site's own
 * image, the play control is a real link (or, for a file, a native player that preloads nothing), and the box's size
 * is reserved with `aspect-ratio` (a class: no inline style, for a strict Content-Security-Policy) so nothing moves
 * when it loads. For embeddable videos the link carries the player's
 * address and frame title, which the click-to-play script uses to swap in the player when the reader asks.
 */
export function renderVideo(element: Video, context: RenderContext): SafeHtml {
  const { labels } = context;
  const ratio = element.aspectRatio;
  const duration = element.duration;
  const titleId = context.ids.claim("newsroom-video-title");
  const posterHeight = Math.round((POSTER_WIDTH * ratio.height) / ratio.width);
  // A poster on the site goes through the image pipeline (AVIF/WebP at several widths) when the context has one.
  const poster = element.poster === undefined ? undefined : pictureFor(context.images, element.poster, "video", "poster");
  // The control's name says what it plays. An aria-label (not a visually hidden span) keeps it one phrase: browsers
  // add a space between a visible span and a positioned hidden one ("Play video : …").
  const playLabel = `${labels.playVideo}: ${element.title}${duration ? ` (${duration.text})` : ""}`;

  const media =
    element.provider.kind === "file"
      ? html`<video class="newsroom-video__player"${attributes({
          controls: true,
          preload: "none",
          poster: poster?.fallback.url ?? element.poster,
          width: POSTER_WIDTH,
          height: posterHeight,
          "aria-labelledby": titleId,
        })}><source${attributes({ src: element.url, type: element.provider.mimeType })}>${element.captions
          ? html`<track${attributes({ kind: "captions", src: element.captions, srclang: element.captionsLanguage, label: labels.captions })}>`
          : ""}<a href="${element.url}">${playLabel}</a></video>`
      : html`${element.poster === undefined
          ? ""
          : poster
            ? renderPicture(poster, { alt: element.posterAlt ?? "", lead: context.lead, sizes: context.images?.sizes, className: "newsroom-video__poster" })
            : html`<img class="newsroom-video__poster"${attributes({
                src: element.poster,
                alt: element.posterAlt ?? "",
                width: POSTER_WIDTH,
                height: posterHeight,
                ...loadingAttributes(context.lead),
              })}>`}<a class="newsroom-video__play"${attributes({
          href: element.provider.watchUrl,
          "aria-label": playLabel,
          "data-newsroom-embed": element.provider.embedUrl,
          "data-newsroom-frame-title": element.provider.embedUrl && fillLabel(labels.videoFrameTitle, { title: element.title }),
        })}><span class="newsroom-video__play-icon" aria-hidden="true"></span><span class="newsroom-video__play-text">${labels.playVideo}</span></a>`;

  const captionParts = [
    html`<span class="newsroom-video__title" id="${titleId}">${element.title}</span>`,
    duration && html` <time class="newsroom-video__duration" datetime="${duration.iso}">${duration.text}</time>`,
    element.source && html` <span class="newsroom-video__source">${fillLabel(labels.videoSource, { source: element.source })}</span>`,
    element.transcript && html` <a class="newsroom-video__transcript"${attributes({ href: element.transcript, "aria-label": `${labels.transcript}: ${element.title}` })}>${labels.transcript}</a>`,
    element.description && html` <span class="newsroom-video__description">${element.description}</span>`,
    element.posterCredit && html` <span class="newsroom-video__poster-credit">${element.posterCredit}</span>`,
  ];

  const modifiers = [`newsroom-video--${element.provider.provider}`, context.lead ? "newsroom-video--lead" : ""].filter(Boolean).join(" ");
  return html`<figure class="newsroom-video ${modifiers}">
<div class="newsroom-video__media ${aspectRatioClass(ratio)}">${media}</div>
<figcaption class="newsroom-video__caption">${captionParts}</figcaption>
</figure>`;
}
