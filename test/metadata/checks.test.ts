import { describe, expect, it } from "vitest";
import { checkStory, metadataWarningError, type MetadataWarning } from "../../src/metadata/checks.js";
import { NewsroomError } from "../../src/errors.js";
import type { ImageCrop, SiteMetadata, StoryMetadata } from "../../src/metadata/types.js";
import { SITE, storyMetadata, video } from "../helpers/storyMetadata.js";

const fields = (story: StoryMetadata, site: SiteMetadata = SITE) => checkStory(story, site).map((warning) => warning.field);
const only = (story: StoryMetadata, site: SiteMetadata = SITE): MetadataWarning => {
  const warnings = checkStory(story, site);
  expect(warnings).toHaveLength(1);
  return warnings[0]!;
};
const crop = (ratio: ImageCrop["ratio"], width: number): ImageCrop => ({ ratio, url: `https://news.example/${width}.jpg`, width, height: width });
const POSTER = { poster: "/media/frame.jpg", posterAlt: "A frame" };

describe("checkStory", () => {
  it("is quiet for a story that meets Google's recommendations", () => {
    expect(checkStory(storyMetadata({ videos: [video({ ...POSTER, description: "What it shows." })] }), SITE)).toEqual([]);
  });

  describe("image", () => {
    it("warns about a story without an image", () => {
      expect(only(storyMetadata({ image: undefined }))).toMatchObject({ field: "image", problem: expect.stringContaining("no image"), fix: expect.stringContaining("image:") });
    });

    it("warns when no crop and not the image itself is 1200 px wide", () => {
      const warning = only(storyMetadata({ image: { src: "/small.jpg", alt: "A", width: 1000, height: 600, crops: [crop("16:9", 800), crop("1:1", 1000)] } }));
      expect(warning.field).toBe("image");
      expect(warning.problem).toContain('"/small.jpg" is at most 1000 px wide');
      expect(warning.fix).toContain("1200 px");
    });

    it("is quiet when one rendition is at least 1200 px wide, or when the size is unknown", () => {
      expect(fields(storyMetadata({ image: { src: "/a.jpg", alt: "A", crops: [crop("16:9", 1200), crop("1:1", 600)] } }))).toEqual([]);
      expect(fields(storyMetadata({ image: { src: "/a.jpg", alt: "A", width: 2400, height: 1600, crops: [] } }))).toEqual([]);
      expect(fields(storyMetadata({ image: { src: "https://cdn.example/a.jpg", alt: "A", crops: [] } }))).toEqual([]);
    });
  });

  describe("authors", () => {
    it("warns about each author without a url, naming them", () => {
      const warnings = checkStory(storyMetadata({ authors: [{ type: "Person", name: "Ana", url: "https://news.example/ana/" }, { type: "Person", name: "Bo" }] }), SITE);
      expect(warnings).toEqual([{ field: "authors[1].url", problem: expect.stringContaining('"Bo" has no url'), fix: expect.stringContaining('author: { name: "Bo", url:') }]);
    });

    it("is quiet for a story without a byline when its publisher, credited instead, has an address", () => {
      expect(fields(storyMetadata({ authors: [] }))).toEqual([]);
    });

    it("warns about a story without a byline whose publisher has no address, and says where the publisher was given", () => {
      const fromStory = only(storyMetadata({ authors: [], publisher: { name: "AP" } }));
      expect(fromStory).toMatchObject({ field: "authors", problem: expect.stringContaining('publisher "AP"') });
      expect(fromStory.fix).toContain('"publisher" front matter');
      const site = { ...SITE, publisher: { name: "Example News" } };
      expect(only(storyMetadata({ authors: [], publisher: site.publisher }), site).fix).toContain("site.publisher option");
    });
  });

  describe("videos", () => {
    it("warns about a video without a poster, naming it", () => {
      expect(only(storyMetadata({ videos: [video({ ...POSTER }), video({ title: "No frame" })] }))).toMatchObject({
        field: "videos[1].poster",
        problem: expect.stringContaining('"No frame" has no poster'),
      });
    });

    it("warns about a video without a description only when the story has none to lend it", () => {
      expect(fields(storyMetadata({ videos: [video(POSTER)] }))).toEqual([]);
      expect(fields(storyMetadata({ description: "", highlightTexts: ["A highlight."], videos: [video(POSTER)] }))).toEqual([]);
      expect(only(storyMetadata({ description: "", highlightTexts: [], videos: [video(POSTER)] }))).toMatchObject({ field: "videos[0].description" });
    });

    it("reports every problem at once, in the order of the page", () => {
      const story = storyMetadata({ image: undefined, description: "", authors: [{ type: "Person", name: "Bo" }], videos: [video()] });
      expect(fields(story)).toEqual(["image", "authors[0].url", "videos[0].poster", "videos[0].description"]);
    });
  });
});

describe("metadataWarningError", () => {
  it("is a NewsroomError that names the story's file, the field, the problem and the fix", () => {
    const warning = only(storyMetadata({ authors: [{ type: "Person", name: "Bo" }] }));
    const error = metadataWarningError(warning, "./site/stories/story.md");
    expect(error).toBeInstanceOf(NewsroomError);
    expect([error.file, error.problem, error.fix]).toEqual(["./site/stories/story.md", warning.problem, warning.fix]);
    expect(error.message).toBe(`[eleventy-plugin-newsroom] ./site/stories/story.md: story metadata "authors[0].url": ${warning.problem}. Fix: ${warning.fix}.`);
  });

  it("leaves the file for whoever knows it", () => {
    const error = metadataWarningError({ field: "image", problem: "p", fix: "f" });
    expect(error.file).toBeUndefined();
    expect(error.locate({ file: "s.md" }).message).toBe('[eleventy-plugin-newsroom] s.md: story metadata "image": p. Fix: f.');
  });
});
