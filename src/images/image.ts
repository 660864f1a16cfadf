/**
 * Responsive images: what an image pipeline made of a source (the same picture in several formats and widths) and the
 * `<picture>` that lets the browser choose. The core only renders; making the files is the adapter's work (the
 * Eleventy plugin uses `@11ty/eleventy-img`), behind the `ImagePipeline` interface a render context may carry.
 */
import { NewsroomError } from "../errors.js";
import { InvalidValue } from "../values/fields.js";
import { attributes, html, type SafeHtml } from "../html.js";
import type { ImageCrop } from "../metadata/types.js";

/** One image file. */
export interface ImageFile {
  /** As it goes in HTML: a site path (`/img/…`) or an absolute address. */
  url: string;
  width: number;
  height: number;
}

/** One format at every width made: a `<source>`. */
export interface ImageSource {
  /** MIME type, e.g. "image/avif". */
  type: string;
  /** Every width, smallest first, as `url 400w, url 800w`. */
  srcset: string;
}

export interface ResponsiveImage {
  /** The formats a browser may prefer, best first (AVIF, then WebP); empty when the fallback is the only one (an SVG). */
  sources: ImageSource[];
  /** The `<img>`: the format every browser shows, at its largest width; `srcset` lists its widths when there are several. */
  fallback: ImageFile & { type: string; srcset?: string | undefined };
  /** The original's size. */
  width: number;
  height: number;
}

/**
 * What a render context needs to turn an image an author names into a responsive one. The Eleventy plugin's pipeline
 * implements it; without one (`images: false`, or the core used on its own) images are written as the author gave them.
 */
export interface ImagePipeline {
  /**
   * The responsive image for `src` as the author wrote it, or undefined for an image the pipeline leaves as written (an
   * `https:` address). Throws `InvalidValue` for a site path with no file, so the caller can name its element and field.
   */
  picture(src: string): ResponsiveImage | undefined;
  /** Crops of `src` at 16:9, 4:3 and 1:1 for machines (JSON-LD, cards), by absolute URL on `siteUrl`; empty when not processed. */
  crops(src: string, siteUrl: string): ImageCrop[];
  /** The `sizes` attribute: how wide the story's column is at each viewport width. */
  readonly sizes: string;
}

/** `url 400w, url 800w`, smallest first. */
export function srcsetOf(files: readonly ImageFile[]): string {
  return [...files]
    .sort((a, b) => a.width - b.width)
    .map((file) => `${file.url} ${file.width}w`)
    .join(", ");
}

export interface PictureOptions {
  /** Required: "" only for a purely decorative image. */
  alt: string;
  /** The image at the top of the story: loaded at once, with high priority. Otherwise it loads lazily. */
  lead?: boolean | undefined;
  /** How wide the image is shown at each viewport width; without it, browsers assume the viewport's width. */
  sizes?: string | undefined;
  /** The `<img>`'s class. */
  className?: string | undefined;
}

/** How an image loads: the lead (usually the page's largest paint) at once and first; the rest when scrolled near. */
export function loadingAttributes(lead: boolean | undefined): { loading: "eager" | "lazy"; fetchpriority?: "high"; decoding: "async" } {
  return lead ? { loading: "eager", fetchpriority: "high", decoding: "async" } : { loading: "lazy", decoding: "async" };
}

/**
 * A `<picture>` with a `<source>` per format, best first, and an `<img>` of the fallback format with its size, so the
 * page reserves the image's box before it loads. An image with a single format (an SVG) is a plain `<img>`.
 */
export function renderPicture(image: ResponsiveImage, options: PictureOptions): SafeHtml {
  const { fallback } = image;
  const img = html`<img${attributes({
    class: options.className,
    src: fallback.url,
    srcset: fallback.srcset,
    sizes: fallback.srcset ? options.sizes : undefined,
    alt: options.alt,
    width: fallback.width,
    height: fallback.height,
    ...loadingAttributes(options.lead),
  })}>`;
  if (image.sources.length === 0) return img;
  const sources = image.sources.map((source) => html`<source${attributes({ type: source.type, srcset: source.srcset, sizes: options.sizes })}>`);
  return html`<picture>${sources}${img}</picture>`;
}

/**
 * The pipeline's image for a field of an element, or undefined when there is no pipeline or it leaves `src` as
 * written; a missing file becomes a NewsroomError naming the element and the field.
 */
export function pictureFor(images: ImagePipeline | undefined, src: string, element: string, field: string): ResponsiveImage | undefined {
  if (!images) return undefined;
  try {
    return images.picture(src);
  } catch (error) {
    if (error instanceof InvalidValue) throw new NewsroomError({ element, problem: `${field} ${error.problem}`, fix: error.fix });
    throw error;
  }
}

/**
 * The crops of an image for machines (16:9, 4:3 and 1:1, by absolute URL on `siteUrl`, which ends in "/" and includes
 * any path prefix); empty without a pipeline or for an image it leaves as written. A missing file is a NewsroomError
 * naming the element and the field (by default the story's `image: src`).
 */
export function cropsFor(images: ImagePipeline | undefined, src: string, siteUrl: string, element = "image", field = "src"): ImageCrop[] {
  if (!images) return [];
  try {
    return images.crops(src, siteUrl);
  } catch (error) {
    if (error instanceof InvalidValue) throw new NewsroomError({ element, problem: `${field} ${error.problem}`, fix: error.fix });
    throw error;
  }
}
