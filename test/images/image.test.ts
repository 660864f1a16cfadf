import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import { InvalidValue } from "../../src/values/fields.js";
import { cropsFor, pictureFor, renderPicture, srcsetOf, type ImagePipeline, type ResponsiveImage } from "../../src/images/image.js";
import { parseFragment } from "../helpers/html.js";
import { thrown } from "../helpers/newsroom.js";

const files = (format: string, widths: number[]) => widths.map((width) => ({ url: `/img/photo-${width}.${format}`, width, height: (width * 9) / 16 }));

const PHOTO: ResponsiveImage = {
  sources: [
    { type: "image/avif", srcset: srcsetOf(files("avif", [400, 800, 1200])) },
    { type: "image/webp", srcset: srcsetOf(files("webp", [400, 800, 1200])) },
  ],
  fallback: { url: "/img/photo-1200.jpeg", width: 1200, height: 675, type: "image/jpeg", srcset: srcsetOf(files("jpeg", [400, 800, 1200])) },
  width: 1600,
  height: 900,
};

const DRAWING: ResponsiveImage = {
  sources: [],
  fallback: { url: "/img/drawing-1280.svg", width: 1280, height: 720, type: "image/svg+xml" },
  width: 1280,
  height: 720,
};

const SIZES = "(min-width: 52rem) 52rem, 100vw";

function picture(image: ResponsiveImage, lead = false, alt = "Rex Tillerson at a lectern") {
  return parseFragment(renderPicture(image, { alt, lead, sizes: SIZES, className: "story-photo" }).toString());
}

describe("srcsetOf", () => {
  it("lists every file with its width, smallest first", () => {
    expect(srcsetOf([...files("avif", [800, 400])])).toBe("/img/photo-400.avif 400w, /img/photo-800.avif 800w");
  });
});

describe("renderPicture", () => {
  it("offers AVIF, then WebP, then the fallback <img>, each with every width and the column's sizes", () => {
    const root = picture(PHOTO);
    const sources = [...root.querySelectorAll("picture > source")];
    expect(sources.map((source) => source.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    expect(sources.map((source) => source.getAttribute("sizes"))).toEqual([SIZES, SIZES]);
    expect(sources[0]!.getAttribute("srcset")).toBe("/img/photo-400.avif 400w, /img/photo-800.avif 800w, /img/photo-1200.avif 1200w");
    const img = root.querySelector("picture > img:last-child")!;
    expect(img.getAttribute("src")).toBe("/img/photo-1200.jpeg");
    expect(img.getAttribute("srcset")).toBe("/img/photo-400.jpeg 400w, /img/photo-800.jpeg 800w, /img/photo-1200.jpeg 1200w");
    expect(img.getAttribute("sizes")).toBe(SIZES);
    expect(img.getAttribute("class")).toBe("story-photo");
  });

  it("sizes the <img> as the fallback file, so the box is reserved before it loads", () => {
    const img = picture(PHOTO).querySelector("img")!;
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["1200", "675"]);
  });

  it("loads an image below the fold lazily, and asynchronously decoded", () => {
    const img = picture(PHOTO).querySelector("img")!;
    expect([img.getAttribute("loading"), img.getAttribute("decoding"), img.hasAttribute("fetchpriority")]).toEqual(["lazy", "async", false]);
  });

  it("loads the lead at once with high priority, never lazily", () => {
    const img = picture(PHOTO, true).querySelector("img")!;
    expect([img.getAttribute("loading"), img.getAttribute("fetchpriority")]).toEqual(["eager", "high"]);
  });

  it("writes an image of one format (an SVG) as a plain <img>, without srcset or sizes", () => {
    const root = picture(DRAWING);
    expect(root.querySelector("picture")).toBeNull();
    const img = root.querySelector(":scope > img")!;
    expect([img.getAttribute("src"), img.getAttribute("width"), img.getAttribute("height")]).toEqual(["/img/drawing-1280.svg", "1280", "720"]);
    expect(img.hasAttribute("srcset") || img.hasAttribute("sizes")).toBe(false);
  });

  it("keeps an empty alt for a decorative image (an img without alt would be read by its file name)", () => {
    expect(picture(PHOTO, false, "").querySelector("img")!.getAttribute("alt")).toBe("");
  });

  it("escapes the alt text and every address, once", () => {
    const alt = `"Quoted" <b>bold</b> & 'single' &amp;`;
    const hostile: ResponsiveImage = {
      ...PHOTO,
      sources: [{ type: "image/avif", srcset: '/img/a"><script>alert(1)</script>.avif 400w' }],
      fallback: { ...PHOTO.fallback, url: '/img/x" onerror="alert(1)', srcset: undefined },
    };
    const markup = renderPicture(hostile, { alt, sizes: SIZES }).toString();
    expect(markup).not.toContain("<script");
    expect(markup).not.toContain('" onerror');
    const root = parseFragment(markup);
    expect(root.querySelector("img")!.getAttribute("alt")).toBe(alt);
    expect(root.querySelector("img")!.getAttribute("src")).toBe('/img/x" onerror="alert(1)');
    expect(root.querySelector("source")!.getAttribute("srcset")).toBe('/img/a"><script>alert(1)</script>.avif 400w');
    expect(root.querySelectorAll("script, [onerror]")).toHaveLength(0);
  });
});

/** A pipeline that knows one file, as the Eleventy adapter's does for a site. */
const pipeline: ImagePipeline = {
  sizes: SIZES,
  picture(src) {
    if (src.startsWith("https:")) return undefined;
    if (src === "/media/photo.jpg") return PHOTO;
    throw new InvalidValue(`"${src}" names no file`, "add the image there or correct the path");
  },
  crops(src, siteUrl) {
    if (src.startsWith("https:")) return [];
    if (src !== "/media/photo.jpg") throw new InvalidValue(`"${src}" names no file`, "add the image there or correct the path");
    return [{ ratio: "1:1", url: `${siteUrl}img/photo-1x1-1200.jpeg`, width: 1200, height: 1200, type: "image/jpeg" }];
  },
};

describe("pictureFor and cropsFor", () => {
  it("answer nothing without a pipeline (images are then written as given)", () => {
    expect(pictureFor(undefined, "/media/photo.jpg", "video", "poster")).toBeUndefined();
    expect(cropsFor(undefined, "/media/photo.jpg", "https://news.example/")).toEqual([]);
  });

  it("pass the pipeline's answer through, and leave an https: address to be written as given", () => {
    expect(pictureFor(pipeline, "/media/photo.jpg", "video", "poster")).toBe(PHOTO);
    expect(pictureFor(pipeline, "https://cdn.example/photo.jpg", "video", "poster")).toBeUndefined();
    expect(cropsFor(pipeline, "/media/photo.jpg", "https://news.example/news/")[0]!.url).toBe("https://news.example/news/img/photo-1x1-1200.jpeg");
  });

  it("turn a missing file into a NewsroomError naming the element, the field and the fix", () => {
    const error = thrown(() => pictureFor(pipeline, "/media/gone.jpg", "video", "poster"));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).message).toBe('[eleventy-plugin-newsroom] video: poster "/media/gone.jpg" names no file. Fix: add the image there or correct the path.');
    const cropError = thrown(() => cropsFor(pipeline, "/media/gone.jpg", "https://news.example/"));
    expect([(cropError as NewsroomError).element, (cropError as NewsroomError).problem]).toEqual(["image", 'src "/media/gone.jpg" names no file']);
  });

  it("let any other failure through as it is", () => {
    const broken: ImagePipeline = { ...pipeline, picture: () => { throw new RangeError("disk on fire"); } };
    expect(thrown(() => pictureFor(broken, "/media/photo.jpg", "video", "poster"))).toBeInstanceOf(RangeError);
  });
});
