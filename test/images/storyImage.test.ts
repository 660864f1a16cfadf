import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../src/errors.js";
import { InvalidValue } from "../../src/values/fields.js";
import type { ImagePipeline, ResponsiveImage } from "../../src/images/image.js";
import { parseStoryImage, renderStoryImage } from "../../src/images/storyImage.js";
import { childTags, parseFragment, readableText } from "../helpers/html.js";
import { thrown } from "../helpers/newsroom.js";

const IMAGE = { src: "/media/photo.jpg", alt: "Rex Tillerson at a lectern", credit: "Photo: Jane Doe", caption: "The Secretary of State in Mexico City." };

const photo: ResponsiveImage = {
  sources: [{ type: "image/avif", srcset: "/img/p-400.avif 400w" }, { type: "image/webp", srcset: "/img/p-400.webp 400w" }],
  fallback: { url: "/img/p-400.jpeg", width: 400, height: 300, type: "image/jpeg" },
  width: 400,
  height: 300,
};
const images: ImagePipeline = {
  sizes: "(min-width: 52rem) 52rem, 100vw",
  picture(src) {
    if (src.startsWith("https:")) return undefined;
    if (src === "/media/photo.jpg") return photo;
    throw new InvalidValue(`"${src}" names no file`, "add the image there or correct the path");
  },
  crops: () => [],
};

function imageError(input: unknown): NewsroomError {
  const error = thrown(() => parseStoryImage(input, { file: "story.md" }));
  expect(error).toBeInstanceOf(NewsroomError);
  return error as NewsroomError;
}

const rendered = (input: object, lead = false) => parseFragment(renderStoryImage(parseStoryImage(input), { images, lead }).toString());

describe("parseStoryImage", () => {
  it("reads src, alt, credit and caption", () => {
    expect(parseStoryImage(IMAGE)).toEqual(IMAGE);
    expect(parseStoryImage({ src: "https://images.example/p.jpg", alt: "" })).toEqual({ src: "https://images.example/p.jpg", alt: "", credit: undefined, caption: undefined });
  });

  it("makes a missing alt an error that says how to fix it", () => {
    const error = imageError({ src: "/media/photo.jpg" });
    expect(error.message).toContain('story.md: image: the required field "alt" is missing. Fix: describe the image in "alt"');
    expect(error.fix).toContain('alt: ""');
  });

  it.each([
    [{ alt: "A photo" }, 'the required field "src" is missing'],
    [{ src: "", alt: "A photo" }, 'the required field "src" is empty'],
    [{ src: "http://images.example/p.jpg", alt: "A photo" }, 'src "http://images.example/p.jpg" uses "http:"'],
    [{ src: "javascript:alert(1)", alt: "A photo" }, "javascript:"],
    [{ src: "/p.jpg", alt: "A photo", title: "T" }, 'unknown field "title"'],
    ["/p.jpg", "expected an object of fields"],
  ])("rejects %j", (input, problem) => {
    const error = imageError(input);
    expect(error.element).toBe("image");
    expect(error.problem).toContain(problem);
  });
});

describe("renderStoryImage", () => {
  it("renders a figure with the picture and a caption that ends with the credit", () => {
    const figure = rendered(IMAGE).querySelector("figure.newsroom-image")!;
    expect(childTags(figure)).toEqual(["picture", "figcaption"]);
    expect(figure.querySelector("img.newsroom-image__img")!.getAttribute("alt")).toBe(IMAGE.alt);
    expect(readableText(figure.querySelector(".newsroom-image__caption-text"))).toBe(IMAGE.caption);
    expect(readableText(figure.querySelector(".newsroom-image__credit"))).toBe(IMAGE.credit);
    expect(readableText(figure.querySelector("figcaption"))).toBe(`${IMAGE.caption} ${IMAGE.credit}`);
  });

  it("loads the lead image at once with high priority and marks the figure; other images lazily", () => {
    const lead = rendered(IMAGE, true);
    expect(lead.querySelector("figure")!.classList.contains("newsroom-image--lead")).toBe(true);
    expect([lead.querySelector("img")!.getAttribute("loading"), lead.querySelector("img")!.getAttribute("fetchpriority")]).toEqual(["eager", "high"]);
    const other = rendered(IMAGE);
    expect(other.querySelector("figure")!.classList.contains("newsroom-image--lead")).toBe(false);
    expect(other.querySelector("img")!.getAttribute("loading")).toBe("lazy");
  });

  it("leaves out the caption when there is neither caption nor credit", () => {
    expect(rendered({ src: IMAGE.src, alt: IMAGE.alt }).querySelector("figcaption")).toBeNull();
  });

  it("escapes what the author wrote", () => {
    const root = rendered({ ...IMAGE, alt: '"A" <b>&', caption: "<script>alert(1)</script>", credit: "Photo: <i>me</i>" });
    expect(root.querySelectorAll("script, i, b")).toHaveLength(0);
    expect(root.querySelector("img")!.getAttribute("alt")).toBe('"A" <b>&');
    expect(readableText(root.querySelector(".newsroom-image__caption-text"))).toBe("<script>alert(1)</script>");
  });

  it("writes an https: image, or any image without a pipeline, as given", () => {
    const withoutPipeline = parseFragment(renderStoryImage(parseStoryImage(IMAGE), {}).toString());
    for (const root of [rendered({ src: "https://images.example/p.jpg", alt: "A" }), withoutPipeline]) {
      const img = root.querySelector("figure > img.newsroom-image__img")!;
      expect(img.getAttribute("src")).toMatch(/^(https:\/\/images\.example\/p\.jpg|\/media\/photo\.jpg)$/);
      expect(img.getAttribute("loading")).toBe("lazy");
    }
  });

  it("makes a site path with no file an error naming the field", () => {
    const error = thrown(() => rendered({ src: "/media/gone.jpg", alt: "A" }));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).message).toContain('image: src "/media/gone.jpg" names no file. Fix: add the image there or correct the path.');
  });
});
