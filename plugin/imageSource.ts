/**
 * Reading an image an author names: the site path's file in the input folder, and its size and kind from the file's
 * header (synchronously, as rendering is). The image pipeline (images.ts) makes the files.
 */
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, relative, resolve } from "node:path";
import { InvalidValue, type ImageFile } from "../src/index.js";

/** The part of `@11ty/eleventy-img` (v6, CommonJS, no type declarations) the pipeline uses. */
export interface EleventyImage {
  (src: string, options: object): Promise<unknown>;
  ImageSize(file: string): { width?: number | undefined; height?: number | undefined; type?: string | undefined; orientation?: number | undefined };
  statsByDimensionsSync(src: string, width: number, height: number, options: object): Record<string, ImageFile[]>;
  getHash(src: string, options: object): string;
}

let eleventyImageModule: EleventyImage | undefined;
/** Loaded before the first build (see `SiteImages.register`), so a site with `images: false` never loads sharp. */
export function eleventyImage(): EleventyImage {
  eleventyImageModule ??= createRequire(import.meta.url)("@11ty/eleventy-img") as EleventyImage;
  return eleventyImageModule;
}

/** What image-size reads and sharp can decode: the web's formats, and TIFF as cameras and agencies deliver it. */
const READABLE_TYPES = new Set(["jpg", "png", "gif", "webp", "avif", "heif", "tiff", "svg"]);

export interface Source {
  /** As the author first wrote it, to name it in an error found after rendering. */
  src: string;
  file: string;
  /** Changes when the file does: the caches are keyed on it, so serve-mode rebuilds pick up an edited image. */
  version: string;
  width: number;
  height: number;
  svg: boolean;
  /** The fallback format: JPEG, or PNG for a PNG or GIF (which may be transparent, as JPEG cannot be). */
  fallback: "jpeg" | "png";
  /** eleventy-img's content hash, which names every file made from this source. */
  hash: string;
}

/** A site path's file in the input folder; undefined for an `https:` address, which is used as written. */
export function siteFile(src: string, input: string): string | undefined {
  if (!src.startsWith("/") || src.startsWith("//")) return undefined;
  let path: string;
  try {
    // The URL parser drops a query and a fragment and resolves "..", which cannot climb above the site's root.
    path = decodeURIComponent(new URL(src, "https://site.invalid").pathname);
  } catch {
    throw new InvalidValue(`"${src}" is not a readable path`, "percent-encode only valid UTF-8 (a space is %20)");
  }
  return join(resolve(input), path);
}

/** The file's version (it changes when the file does); a missing file is an InvalidValue saying where it was looked for. */
export function fileVersion(src: string, file: string): string {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    stats = undefined;
  }
  if (!stats?.isFile()) {
    throw new InvalidValue(
      `"${src}" names no file (looked for ${displayPath(file)}: site paths are read from the input folder)`,
      `add the image there or correct the path; an "https:" address is used as written, unprocessed`,
    );
  }
  return `${stats.mtimeMs}:${stats.size}`;
}

/** The source's size, kind and content hash, from its header; a file that is no image browsers show is an InvalidValue. */
export function readSource(src: string, file: string, version: string): Source {
  const shown = displayPath(file);
  const library = eleventyImage();
  let size: ReturnType<EleventyImage["ImageSize"]>;
  try {
    size = library.ImageSize(file);
  } catch (error) {
    throw new InvalidValue(`"${src}" (${shown}) is not an image it can read: ${(error as Error).message}`, "use a JPEG, PNG, WebP, AVIF, GIF or SVG file");
  }
  const { width, height, type } = size;
  if (!type || !READABLE_TYPES.has(type)) {
    throw new InvalidValue(`"${src}" (${shown}) is a ${type?.toUpperCase() ?? "file of an unknown kind"}, which browsers and sharp cannot show`, "export it as a JPEG, PNG, WebP, AVIF, GIF or SVG file");
  }
  if (!width || !height) {
    throw new InvalidValue(`"${src}" (${shown}) has no size`, "give the SVG a viewBox, or width and height attributes");
  }
  // EXIF orientations 5 to 8 turn the picture a quarter: eleventy-img turns it upright, so its width is the height.
  const upright = (size.orientation ?? 1) >= 5;
  return {
    src,
    file,
    version,
    // An SVG's size may be fractional; files are named by whole pixels.
    width: Math.max(1, Math.round(upright ? height : width)),
    height: Math.max(1, Math.round(upright ? width : height)),
    svg: type === "svg",
    fallback: type === "png" || type === "gif" ? "png" : "jpeg",
    hash: library.getHash(file, {}),
  };
}

/** A path as a person finds it: relative to the working folder when inside it, else absolute. */
export function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside === "" ? "." : inside.startsWith("..") || isAbsolute(inside) ? path : inside;
}

