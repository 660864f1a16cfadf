import { copyFile, mkdir } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { CROP_RATIOS, NewsroomError, srcsetOf, type CropRatio, type ImageCrop, type ImageFile, type ImagePipeline, type ResponsiveImage } from "../src/index.js";
import type { EleventyConfig } from "./eleventy.js";
import { displayPath, eleventyImage, fileVersion, readSource, siteFile, type Source } from "./imageSource.js";
import type { ImageOptions } from "./options.js";

const MIME_TYPES: Readonly<Record<string, string>> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png", svg: "image/svg+xml" };
/** Crops for machines are this wide (Google asks for at least 1200 px); a smaller raster gives what it has. */
export const CROP_WIDTH = 1200;

interface Made {
  source: Source;
  picture: ResponsiveImage;
}

/**
 * The image pipeline for Eleventy. Rendering is synchronous (markdown-it), so `picture` answers from the source's
 * header (its size) and the names eleventy-img will give the files, and starts making them in the background;
 * `settle`, awaited in `eleventy.after`, waits for every file, so a build never finishes before its images exist.
 * Each source is made once per output folder (and again only when the file changes), across rebuilds while serving.
 *
 * Page images: the `formats` (AVIF, WebP) at `widths` (never wider than the original), and a fallback every browser
 * shows: JPEG, or PNG for a PNG or GIF (which may be transparent). An SVG is kept as it is: it is sharp at every size
 * and, for drawings like the example's poster, smaller (3.6 KB, 1.1 KB gzipped, against 7.5 KB for a 1200 px AVIF).
 * Crops for machines are JPEG (what every card reader takes), cut from the centre.
 */
export class SiteImages implements ImagePipeline {
  readonly sizes: string;
  #input = ".";
  #output = "_site";
  #write = true;
  readonly #made = new Map<string, Made>();
  /** Files started, by output folder, file and version: each is made once. */
  readonly #started = new Set<string>();
  readonly #pending = new Set<Promise<void>>();
  #failures: NewsroomError[] = [];

  constructor(readonly options: ImageOptions) {
    this.sizes = options.sizes;
  }

  /** Reads the site's folders before each build, and holds each build open until its images are written. */
  register(config: EleventyConfig): void {
    config.on("eleventy.before", ({ directories, outputMode }: { directories: { input: string; output: string }; outputMode?: string }) => {
      this.begin({ input: directories.input, output: directories.output, write: outputMode === undefined || outputMode === "fs" });
      // Loading eleventy-img and sharp takes about 0.2 s: here, once, rather than inside the first page's render.
      eleventyImage();
    });
    config.on("eleventy.after", () => this.settle());
  }

  /** Where site paths are read from and files are written to; `write: false` (Eleventy's JSON output) makes no files. */
  begin(folders: { input: string; output: string; write?: boolean }): void {
    this.#input = folders.input;
    this.#output = folders.output;
    this.#write = folders.write ?? true;
    this.#failures = [];
  }

  /** Waits for every image started so far; a file eleventy-img could not make fails the build. */
  async settle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
    const [failure] = this.#failures;
    this.#failures = [];
    if (failure) throw failure;
  }

  get outputDir(): string {
    return isAbsolute(this.options.outputDir) ? this.options.outputDir : join(this.#output, this.options.outputDir);
  }

  picture(src: string): ResponsiveImage | undefined {
    const file = siteFile(src, this.#input);
    if (file === undefined) return undefined;
    const made = this.#make(src, file);
    this.#start(made.source, "page", () => this.#writePage(made.source));
    return made.picture;
  }

  crops(src: string, siteUrl: string): ImageCrop[] {
    const file = siteFile(src, this.#input);
    if (file === undefined) return [];
    const { source } = this.#make(src, file);
    return CROP_RATIOS.map((ratio) => {
      const crop = this.#crop(source, ratio);
      this.#start(source, ratio, () => this.#writeCrop(source, ratio, crop));
      const url = crop.url.startsWith("/") ? siteUrl.replace(/\/?$/, "/") + crop.url.slice(1) : crop.url;
      return { ratio, url, width: crop.width, height: crop.height, type: MIME_TYPES["jpeg"] };
    });
  }

  #make(src: string, file: string): Made {
    const version = fileVersion(src, file);
    const cached = this.#made.get(file);
    if (cached?.source.version === version) return cached;
    const source = readSource(src, file, version);
    const made = { source, picture: source.svg ? this.#svgPicture(source) : this.#rasterPicture(source) };
    this.#made.set(file, made);
    return made;
  }

  #svgPicture(source: Source): ResponsiveImage {
    const fallback = { url: this.#url(`${source.hash}-${source.width}.svg`), width: source.width, height: source.height, type: MIME_TYPES["svg"]! };
    return { sources: [], fallback, width: source.width, height: source.height };
  }

  #rasterPicture(source: Source): ResponsiveImage {
    const stats = eleventyImage().statsByDimensionsSync(source.file, source.width, source.height, this.#pageOptions(source));
    const renditions = (format: string): ImageFile[] => (stats[format] ?? []).map(({ url, width, height }) => ({ url, width, height }));
    const fallbackFormat = source.fallback;
    const fallbackFiles = renditions(fallbackFormat);
    const largest = fallbackFiles.at(-1)!;
    return {
      sources: this.options.formats
        .filter((format) => format !== fallbackFormat)
        .map((format) => ({ type: MIME_TYPES[format]!, srcset: srcsetOf(renditions(format)) })),
      fallback: { ...largest, type: MIME_TYPES[fallbackFormat]!, srcset: fallbackFiles.length > 1 ? srcsetOf(fallbackFiles) : undefined },
      width: source.width,
      height: source.height,
    };
  }

  #pageOptions(source: Source): object {
    const fallback = source.fallback;
    return {
      formats: [...this.options.formats.filter((format) => format !== fallback), fallback],
      widths: this.options.widths,
      outputDir: this.outputDir,
      urlPath: this.options.urlPath,
      // The formats are chosen here, so what `picture` promised is what eleventy-img writes.
      formatFiltering: [],
      // eleventy-img's in-memory cache keys on the file's size only; the version makes an edited file new.
      newsroomVersion: source.version,
    };
  }

  /** The box of the ratio cut from the centre: 1200 px wide (an SVG is drawn at that size), or what a smaller raster has. */
  #crop(source: Source, ratio: CropRatio): ImageFile {
    const [across, down] = ratio.split(":").map(Number) as [number, number];
    const fits = Math.min(source.width, Math.floor((source.height * across) / down));
    const width = source.svg ? CROP_WIDTH : Math.min(CROP_WIDTH, fits);
    const height = Math.round((width * down) / across);
    return { url: this.#url(cropFilename(source.hash, ratio, width)), width, height };
  }

  #url(filename: string): string {
    const base = this.options.urlPath;
    return /^https?:\/\//.test(base) ? new URL(filename, base.replace(/\/?$/, "/")).href : `${base.replace(/\/?$/, "/")}${filename}`;
  }

  /** Starts making a source's files once per output folder and version; failures are kept for `settle`. */
  #start(source: Source, what: string, make: () => Promise<unknown>): void {
    if (!this.#write) return;
    const key = [this.outputDir, source.file, source.version, what].join("\0");
    if (this.#started.has(key)) return;
    this.#started.add(key);
    const job: Promise<void> = make()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.#started.delete(key);
        this.#failures.push(
          new NewsroomError({
            element: "image",
            problem: `eleventy-img could not make ${what === "page" ? "the page's images" : `the ${what} crop`} of "${source.src}" (${displayPath(source.file)}): ${(error as Error).message}`,
            fix: "check that the file is a whole JPEG, PNG, WebP, AVIF, GIF or SVG image (open it in an image viewer), or replace it",
          }),
        );
      })
      .finally(() => this.#pending.delete(job));
    this.#pending.add(job);
  }

  async #writePage(source: Source): Promise<void> {
    if (!source.svg) {
      await eleventyImage()(source.file, this.#pageOptions(source));
      return;
    }
    await mkdir(this.outputDir, { recursive: true });
    await copyFile(source.file, join(this.outputDir, `${source.hash}-${source.width}.svg`));
  }

  async #writeCrop(source: Source, ratio: CropRatio, crop: ImageFile): Promise<void> {
    await eleventyImage()(source.file, {
      formats: ["jpeg"],
      widths: [crop.width],
      outputDir: this.outputDir,
      urlPath: this.options.urlPath,
      formatFiltering: [],
      filenameFormat: (hash: string, _src: string, width: number) => cropFilename(hash, ratio, width),
      // A JPEG has no transparency: transparent parts become white, not black.
      transform: (image: { resize(options: object): unknown; flatten(options: object): unknown }) => {
        image.resize({ width: crop.width, height: crop.height, fit: "cover", position: "centre" });
        image.flatten({ background: "#ffffff" });
      },
      newsroomVersion: source.version,
      // Each crop is its own job: eleventy-img's in-memory cache must not take one crop for another.
      newsroomCrop: ratio,
    });
  }
}

function cropFilename(hash: string, ratio: CropRatio, width: number): string {
  return `${hash}-${ratio.replace(":", "x")}-${width}.jpeg`;
}
