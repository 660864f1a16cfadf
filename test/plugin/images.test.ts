import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { SiteImages } from "../../plugin/images.js";
import { resolveOptions, type ImageOptions } from "../../plugin/options.js";
import { buildSite, writeBuiltSite, writeSite } from "../helpers/eleventy.js";
import { failureOf } from "../helpers/errors.js";
import { parseDocument } from "../helpers/html.js";
import { FIXTURE_JPEG, FIXTURE_SVG } from "../helpers/images.js";

/** Inputs are small and flat, so AVIF encodes quickly; the photo is 4:3 so every crop can be 1200 px wide. */
let photo: Buffer;
let transparentPng: Buffer;

beforeAll(async () => {
  photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#35606f" } }).jpeg().toBuffer();
  transparentPng = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 200, g: 40, b: 40, alpha: 0.5 } } }).png().toBuffer();
});

const layout = `<!doctype html><html lang="en"><head><title>{{ title }}</title></head>
<body><main>{{ image | newsroomImage("lead") }}{{ content | safe }}</main></body></html>`;

const story = `---
title: A story with images
layout: story.njk
image:
  src: /media/photo.jpg
  alt: Officials at the lectern
  caption: The briefing in Mexico City.
  credit: "Photo: Jane Doe"
---
The story.

::: video url="https://youtu.be/dQw4w9WgXcQ" title="The same photo as a poster" poster="/media/photo.jpg" posterAlt="Officials at the lectern"
:::

::: video url="https://vimeo.com/76979871" title="A drawing as a poster" poster="/media/poster.svg" posterAlt="A syringe"
:::

::: video url="/media/clip.mp4" title="A transparent poster" poster="/media/badge.png" posterAlt="The desk's badge"
:::
`;

/** Every candidate of a srcset, as [url, width]. */
const candidates = (srcset: string | null) =>
  (srcset ? srcset.split(",") : []).map((candidate) => {
    const [url, width] = candidate.trim().split(/\s+/);
    return [url!, Number(width!.replace(/w$/, ""))] as const;
  });

describe("a story built to disk", () => {
  let output: string;
  let document: Document;

  beforeAll(async () => {
    output = await writeBuiltSite({
      "_includes/story.njk": layout,
      "story.md": story,
      "media/photo.jpg": photo,
      "media/poster.svg": FIXTURE_SVG,
      "media/badge.png": transparentPng,
    });
    document = parseDocument(readFileSync(join(output, "story/index.html"), "utf8"));
  });

  test("the lead image offers AVIF, WebP and JPEG at 400, 800 and 1200 px, each file on disk at the size it claims", async () => {
    const picture = document.querySelector("figure.newsroom-image--lead > picture")!;
    const sources = [...picture.querySelectorAll("source")];
    expect(sources.map((source) => source.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    const img = picture.querySelector("img")!;
    // sharp names AVIF's container, HEIF.
    const offered = [
      ["heif", candidates(sources[0]!.getAttribute("srcset"))],
      ["webp", candidates(sources[1]!.getAttribute("srcset"))],
      ["jpeg", candidates(img.getAttribute("srcset"))],
    ] as const;
    for (const [format, files] of offered) {
      expect(files.map(([, width]) => width)).toEqual([400, 800, 1200]);
      for (const [url, width] of files) {
        const metadata = await sharp(join(output, url)).metadata();
        expect([url, metadata.format, metadata.width, metadata.height]).toEqual([url, format, width, (width * 3) / 4]);
      }
    }
    expect([img.getAttribute("src"), img.getAttribute("width"), img.getAttribute("height")]).toEqual([files1200(img), "1200", "900"]);
    const fallback = await sharp(join(output, img.getAttribute("src")!)).metadata();
    expect([fallback.format, fallback.width, fallback.height]).toEqual(["jpeg", 1200, 900]);
  });

  test("the figure carries the alt text, the caption and the credit", () => {
    const figure = document.querySelector("figure.newsroom-image")!;
    expect(figure.querySelector("img")!.getAttribute("alt")).toBe("Officials at the lectern");
    expect(figure.querySelector("figcaption")!.textContent).toBe("The briefing in Mexico City. Photo: Jane Doe");
  });

  test("every image has a width and a height; the lead loads at once with high priority, the posters below it lazily", () => {
    const images = [...document.querySelectorAll("img")];
    expect(images).toHaveLength(3);
    for (const img of images) expect([img.getAttribute("width"), img.getAttribute("height")].every((value) => Number(value) > 0)).toBe(true);
    expect(images.map((img) => [img.getAttribute("loading"), img.getAttribute("fetchpriority")])).toEqual([
      ["eager", "high"],
      ["lazy", null],
      ["lazy", null],
    ]);
  });

  test("a photo used twice (lead image and poster) is the same files", () => {
    const poster = document.querySelector(".newsroom-video--youtube img.newsroom-video__poster")!;
    expect(poster.getAttribute("srcset")).toBe(document.querySelector(".newsroom-image img")!.getAttribute("srcset"));
  });

  test("an SVG poster is served as it is: one file, byte for byte, sized by its viewBox", () => {
    const media = document.querySelector(".newsroom-video--vimeo .newsroom-video__media")!;
    expect(media.querySelector("picture")).toBeNull();
    const img = media.querySelector("img.newsroom-video__poster")!;
    expect([img.getAttribute("width"), img.getAttribute("height"), img.hasAttribute("srcset")]).toEqual(["64", "36", false]);
    expect(img.getAttribute("src")).toMatch(/^\/img\/[\w-]+-64\.svg$/);
    expect(readFileSync(join(output, img.getAttribute("src")!), "utf8")).toBe(FIXTURE_SVG);
  });

  test("a transparent PNG falls back to PNG, not JPEG; a video file's poster is that fallback", async () => {
    const poster = document.querySelector("video.newsroom-video__player")!.getAttribute("poster")!;
    expect(poster).toMatch(/^\/img\/[\w-]+-40\.png$/);
    const metadata = await sharp(join(output, poster)).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.hasAlpha]).toEqual(["png", 40, 30, true]);
  });

  test("the build wrote every file the page names, and only the renditions of its images", () => {
    const named = new Set<string>();
    for (const element of document.querySelectorAll("img, source, video")) {
      for (const [url] of candidates(element.getAttribute("srcset"))) if (url) named.add(url);
      for (const attribute of ["src", "poster"]) {
        const value = element.getAttribute(attribute);
        if (value?.startsWith("/img/")) named.add(value);
      }
    }
    const written = readdirSync(join(output, "img")).map((file) => `/img/${file}`);
    expect([...named].filter((url) => !written.includes(url))).toEqual([]);
    // A video file's poster attribute takes one address, the fallback: the PNG's AVIF and WebP are made but not named.
    expect(written.filter((url) => !named.has(url)).map((url) => url.replace(/^\/img\/[\w-]+-/, "")).sort()).toEqual(["40.avif", "40.webp"]);
  });
});

function files1200(img: Element): string {
  return candidates(img.getAttribute("srcset")).find(([, width]) => width === 1200)![0];
}

const DEFAULT_IMAGES = resolveOptions({}).images as ImageOptions;

describe("crops for machines", () => {
  let root: string;
  let images: SiteImages;
  beforeAll(() => {
    root = writeSite({ "media/photo.jpg": photo, "media/poster.svg": FIXTURE_SVG, "media/small.jpg": FIXTURE_JPEG });
    images = new SiteImages(DEFAULT_IMAGES);
    images.begin({ input: root, output: join(root, "_site") });
  });

  /** Each crop's file, read back: its format and size. */
  const onDisk = (url: string) => sharp(join(root, "_site", new URL(url).pathname.replace(/^\/news\//, "/"))).metadata();

  test("16:9, 4:3 and 1:1 at 1200 px wide, by absolute address on the site (path prefix included), written as JPEG", async () => {
    const crops = images.crops("/media/photo.jpg", "https://news.example/news/");
    await images.settle();
    expect(crops.map(({ ratio, width, height, type }) => [ratio, width, height, type])).toEqual([
      ["16:9", 1200, 675, "image/jpeg"],
      ["4:3", 1200, 900, "image/jpeg"],
      ["1:1", 1200, 1200, "image/jpeg"],
    ]);
    for (const crop of crops) {
      expect(crop.url).toMatch(/^https:\/\/news\.example\/news\/img\/[\w-]+-\d+x\d+-1200\.jpeg$/);
      const metadata = await onDisk(crop.url);
      expect([metadata.format, metadata.width, metadata.height]).toEqual(["jpeg", crop.width, crop.height]);
    }
  });

  test("an SVG is drawn at 1200 px; a raster smaller than that gives what it has, for the metadata checks to warn about", async () => {
    const svg = images.crops("/media/poster.svg", "https://news.example/");
    const small = images.crops("/media/small.jpg", "https://news.example/");
    await images.settle();
    expect(svg.map(({ width, height }) => [width, height])).toEqual([[1200, 675], [1200, 900], [1200, 1200]]);
    expect(small.map(({ width, height }) => [width, height])).toEqual([[64, 36], [48, 36], [36, 36]]);
    for (const crop of [...svg, ...small]) {
      const metadata = await onDisk(crop.url);
      expect([metadata.format, metadata.width, metadata.height]).toEqual(["jpeg", crop.width, crop.height]);
    }
  });

  test("an https: image is not processed: no crops", () => {
    expect(images.crops("https://images.example/photo.jpg", "https://news.example/")).toEqual([]);
  });
});

describe("rebuilds and output modes", () => {
  test("an image is read once while unchanged; an edited one gets new files (serve-mode rebuilds)", async () => {
    const root = writeSite({ "media/small.jpg": FIXTURE_JPEG });
    const images = new SiteImages(DEFAULT_IMAGES);
    images.begin({ input: root, output: join(root, "_site") });
    const first = images.picture("/media/small.jpg")!;
    expect(images.picture("/media/small.jpg")).toBe(first);
    await images.settle();
    writeFileSync(join(root, "media/small.jpg"), await sharp(FIXTURE_JPEG).flip().jpeg().toBuffer());
    utimesSync(join(root, "media/small.jpg"), new Date(), new Date(Date.now() + 5000));
    images.begin({ input: root, output: join(root, "_site") });
    const edited = images.picture("/media/small.jpg")!;
    await images.settle();
    expect(edited.fallback.url).not.toBe(first.fallback.url);
    expect(existsSync(join(root, "_site", edited.fallback.url))).toBe(true);
  });

  test("Eleventy's JSON output (toJSON) renders the same markup and writes no files", async () => {
    const root = writeSite({ "media/small.jpg": FIXTURE_JPEG });
    const images = new SiteImages(DEFAULT_IMAGES);
    images.begin({ input: root, output: join(root, "_site"), write: false });
    expect(images.picture("/media/small.jpg")!.fallback.url).toMatch(/^\/img\/[\w-]+-64\.jpeg$/);
    await images.settle();
    expect(existsSync(join(root, "_site"))).toBe(false);
  });
});

describe("errors name the page, the field and the fix", () => {
  test("a poster with no file", async () => {
    const failure = await failureOf(buildSite({ "story.md": '::: video url="https://youtu.be/dQw4w9WgXcQ" title="T" poster="/media/gone.jpg" posterAlt="A"\n:::\n' }));
    expect(failure).toMatch(/story\.md:1: video: poster "\/media\/gone\.jpg" names no file \(looked for \S*media\/gone\.jpg: site paths are read from the input folder\)\. Fix: add the image there or correct the path/);
  });

  test("a story image with no file", async () => {
    const failure = await failureOf(buildSite({ "story.njk": "---\nimage:\n  src: /media/gone.jpg\n  alt: A photo\n---\n{{ image | newsroomImage }}" }));
    expect(failure).toMatch(/story\.njk: image: src "\/media\/gone\.jpg" names no file .*Fix: add the image there/);
  });

  test("a story image without alt text", async () => {
    const failure = await failureOf(buildSite({ "story.njk": "---\nimage:\n  src: /media/small.jpg\n---\n{{ image | newsroomImage }}", "media/small.jpg": FIXTURE_JPEG }));
    expect(failure).toMatch(/story\.njk: image: the required field "alt" is missing\. Fix: describe the image in "alt" for readers who cannot see it/);
  });

  test("a file that is not an image", async () => {
    const failure = await failureOf(buildSite({ "story.njk": "---\nimage:\n  src: /media/notes.jpg\n  alt: A\n---\n{{ image | newsroomImage }}", "media/notes.jpg": "not an image" }));
    expect(failure).toMatch(/story\.njk: image: src "\/media\/notes\.jpg" \(\S*notes\.jpg\) is not an image it can read.*Fix: use a JPEG, PNG, WebP, AVIF, GIF or SVG file/);
  });

  test("a format browsers cannot show (a Photoshop file), before anything is made", async () => {
    const psd = Buffer.alloc(26);
    psd.write("8BPS", 0);
    psd.writeUInt16BE(1, 4);
    psd.writeUInt32BE(30, 14);
    psd.writeUInt32BE(40, 18);
    const failure = await failureOf(buildSite({ "story.njk": "---\nimage:\n  src: /media/p.psd\n  alt: A\n---\n{{ image | newsroomImage }}", "media/p.psd": psd }));
    expect(failure).toMatch(/story\.njk: image: src "\/media\/p\.psd" \(\S*p\.psd\) is a PSD, which browsers and sharp cannot show\. Fix: export it as a JPEG/);
  });

  test("a broken file, found while the images are made after rendering: the build fails, naming the image", async () => {
    // A JPEG cut after its header: its size can be read, its pixels cannot.
    const truncated = FIXTURE_JPEG.subarray(0, 180);
    const failure = await failureOf(writeBuiltSite({ "story.njk": "---\nimage:\n  src: /media/cut.jpg\n  alt: A\n---\n{{ image | newsroomImage }}", "media/cut.jpg": truncated }));
    expect(failure).toMatch(/image: eleventy-img could not make the page's images of "\/media\/cut\.jpg" \(\S*cut\.jpg\): .*JPEG.*Fix: check that the file is a whole JPEG/s);
  });

  test("an argument the filter does not take", async () => {
    const failure = await failureOf(buildSite({ "story.njk": '---\nimage:\n  src: https://images.example/p.jpg\n  alt: A\n---\n{{ image | newsroomImage("first") }}' }));
    expect(failure).toMatch(/story\.njk: filter "newsroomImage": the argument "first" is not one it takes\. Fix: pass "lead"/);
  });
});

describe("the images option", () => {
  test("an https: image is written as given (it cannot be fetched at build time); an empty one renders nothing", async () => {
    const pages = await buildSite({ "a.njk": "---\nimage:\n  src: https://images.example/p.jpg\n  alt: A\n---\n{{ image | newsroomImage }}[{{ missing | newsroomImage }}]" });
    const root = parseDocument(pages.get("/a/")!.content);
    expect(root.querySelector("figure > img")!.getAttribute("src")).toBe("https://images.example/p.jpg");
    expect(pages.get("/a/")!.content).toContain("[]");
  });

  test("with Eleventy's HTML base plugin, every image address in the page carries the path prefix", async () => {
    const pages = await buildSite(
      { "a.njk": "---\nimage:\n  src: /media/small.jpg\n  alt: A\n---\n{{ image | newsroomImage }}", "media/small.jpg": FIXTURE_JPEG },
      { configure: (config) => config.addPlugin(HtmlBasePlugin, { baseHref: "/news/" }) },
    );
    const picture = parseDocument(pages.get("/a/")!.content).querySelector("picture")!;
    const addresses = [
      ...[...picture.querySelectorAll("source")].flatMap((source) => candidates(source.getAttribute("srcset")).map(([url]) => url)),
      picture.querySelector("img")!.getAttribute("src")!,
    ];
    expect(addresses).toHaveLength(3);
    for (const address of addresses) expect(address).toMatch(/^\/news\/img\/[\w-]+-64\.(avif|webp|jpeg)$/);
  });

  test("false writes posters as given, in today's box, and makes no files", async () => {
    const output = await writeBuiltSite(
      { "a.md": '::: video url="https://youtu.be/dQw4w9WgXcQ" title="T" poster="/media/small.jpg" posterAlt="A"\n:::\n', "media/small.jpg": FIXTURE_JPEG },
      { options: { images: false } },
    );
    const img = parseDocument(readFileSync(join(output, "a/index.html"), "utf8")).querySelector("img")!;
    expect([img.getAttribute("src"), img.getAttribute("width"), img.getAttribute("height")]).toEqual(["/media/small.jpg", "1280", "720"]);
    expect(existsSync(join(output, "img"))).toBe(false);
  });

  test("formats, widths, the folder, its address and sizes are the site's to choose", async () => {
    const output = await writeBuiltSite(
      { "a.njk": "---\nimage:\n  src: /media/small.jpg\n  alt: A\n---\n{{ image | newsroomImage }}", "media/small.jpg": FIXTURE_JPEG },
      { options: { images: { formats: ["webp"], widths: [32, 48], outputDir: "media/resized", urlPath: "/media/resized/", sizes: "50vw" } } },
    );
    const picture = parseDocument(readFileSync(join(output, "a/index.html"), "utf8")).querySelector("picture")!;
    expect([...picture.querySelectorAll("source")].map((source) => [source.getAttribute("type"), source.getAttribute("sizes")])).toEqual([["image/webp", "50vw"]]);
    const widths = candidates(picture.querySelector("source")!.getAttribute("srcset")).map(([url, width]) => [url.replace(/[\w-]+-(\d+)\./, "x-$1."), width]);
    expect(widths).toEqual([["/media/resized/x-32.webp", 32], ["/media/resized/x-48.webp", 48]]);
    expect(readdirSync(join(output, "media/resized")).filter((file) => file.endsWith(".webp"))).toHaveLength(2);
  });

  test.each([
    [{ formats: ["gif"] }, 'option "images.formats"'],
    [{ widths: [] }, 'option "images.widths"'],
    [{ widths: [400.5] }, 'option "images.widths"'],
    [{ urlPath: "img/" }, 'option "images.urlPath"'],
    [{ quality: 80 }, 'option "images.quality": is not an option of this plugin'],
  ])("rejects %j", (images, message) => {
    expect(() => resolveOptions({ images })).toThrow(message);
  });
});
