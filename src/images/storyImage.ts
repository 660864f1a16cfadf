/**
 * The story's lead image, from front matter (`image: { src, alt, credit, caption }`), rendered by the `newsroomImage`
 * filter. It is a property of the story (like its headline), not an element an author places in the body, so it is not
 * one of the union's elements: no Markdown container, no shortcode, no collection of its own.
 */
import type { RenderContext } from "../context.js";
import { ElementFields } from "../values/fields.js";
import { attributes, html, type SafeHtml } from "../html.js";
import { loadingAttributes, pictureFor, renderPicture } from "./image.js";
import type { SourceLocation } from "../types.js";
import { parseSafeUrl } from "../values/url.js";

export const STORY_IMAGE_FIELDS = ["src", "alt", "credit", "caption"] as const;

export interface LeadImage {
  /** As the author wrote it: a site path (`/assets/x.jpg`) or an `https:` address. */
  src: string;
  /** Required; "" only when the image is purely decorative. */
  alt: string;
  /** e.g. "Photo: Jane Doe / Reuters". */
  credit?: string | undefined;
  /** A sentence about the image, for every reader. */
  caption?: string | undefined;
}

/** Reads `image` from front matter; a missing `src` or `alt` (and any unknown field) is an error. */
export function parseStoryImage(input: unknown, location: SourceLocation = {}): LeadImage {
  const fields: ElementFields = new ElementFields("image", input, STORY_IMAGE_FIELDS, location);
  if (!fields.has("src") || fields.raw("src") === "") {
    fields.fail(`the required field "src" is ${fields.has("src") ? "empty" : "missing"}`, 'give the image\'s address: a path on this site such as "/assets/photo.jpg", or an "https:" address');
  }
  const src = fields.parsed("src", parseSafeUrl)!;
  const alt = fields.optionalText("alt");
  if (alt === undefined) {
    fields.fail('the required field "alt" is missing', 'describe the image in "alt" for readers who cannot see it (write alt: "" only if it is purely decorative)');
  }
  return {
    src,
    alt,
    credit: fields.optionalText("credit") || undefined,
    caption: fields.optionalText("caption") || undefined,
  };
}

/**
 * A figure with the image (responsive when the context has an image pipeline) and a caption with the credit. With
 * `context.lead` the image loads at once with high priority; otherwise lazily.
 */
export function renderStoryImage(image: LeadImage, context: Pick<RenderContext, "images" | "lead">): SafeHtml {
  const picture = pictureFor(context.images, image.src, "image", "src");
  const markup = picture
    ? renderPicture(picture, { alt: image.alt, lead: context.lead, sizes: context.images?.sizes, className: "newsroom-image__img" })
    : // Not processed (no pipeline, or an https: address): its size is unknown, so it is written as given.
      html`<img${attributes({ class: "newsroom-image__img", src: image.src, alt: image.alt, ...loadingAttributes(context.lead) })}>`;
  const caption = [
    image.caption && html`<span class="newsroom-image__caption-text">${image.caption}</span>`,
    image.caption && image.credit && " ",
    image.credit && html`<span class="newsroom-image__credit">${image.credit}</span>`,
  ];
  const modifiers = context.lead ? " newsroom-image--lead" : "";
  return html`<figure class="newsroom-image${modifiers}">
${markup}${image.caption || image.credit ? html`
<figcaption class="newsroom-image__caption">${caption}</figcaption>` : ""}
</figure>`;
}
