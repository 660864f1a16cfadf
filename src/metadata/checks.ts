/**
 * What Google recommends for a news story's structured data that the story itself does not give, as warnings the
 * adapter prints (or, in strict mode, fails the build with). Sources, read for this file:
 *
 * - Article structured data (developers.google.com/search/docs/appearance/structured-data/article): no property is
 *   required; recommended are `author` (with `author.name` and `author.url`, a page that identifies the author),
 *   `datePublished`, `dateModified`, `headline` and `image`, with crops of 16:9, 4:3 and 1:1.
 * - Google Discover (developers.google.com/search/docs/appearance/google-discover): large images "at least 1200 px
 *   wide"; smaller ones are shown as thumbnails, if at all.
 * - Video structured data (developers.google.com/search/docs/appearance/structured-data/video): `name`,
 *   `thumbnailUrl` and `uploadDate` are required and `description` recommended; without a thumbnail there is no video
 *   result. `uploadDate` always has a value here (the story's date), and `name` is the video's required title.
 *
 * Left out on purpose: the publisher's `url` and `logo`. Google's Article documentation no longer lists `publisher`
 * (it went with the AMP requirements); the logo is read from Organization markup on the home page. The plugin still
 * writes both when they are known, and a publisher without an address is caught where it matters, as the author of a
 * story without a byline.
 */
import { NewsroomError } from "../errors.js";
import { storyDescription } from "./structuredData.js";
import type { Publisher, SiteMetadata, StoryMetadata } from "./types.js";

export interface MetadataWarning {
  /** Where in the story's metadata, e.g. `image`, `authors[1].url`, `videos[0].poster`. */
  field: string;
  /** What machines will miss, as a sentence without a final full stop. */
  problem: string;
  /** How to fix it, as an imperative sentence without a final full stop. */
  fix: string;
}

/** Google's Discover threshold for a large image. */
export const LARGE_IMAGE_WIDTH = 1200;

/** Google's recommendations the story does not meet; empty when it meets them all. */
export function checkStory(story: StoryMetadata, site: SiteMetadata): MetadataWarning[] {
  return [...checkImage(story), ...checkAuthors(story, site), ...checkVideos(story)];
}

/** The warning as an error naming the story's file, for the adapter's strict mode (and its warning message). */
export function metadataWarningError(warning: MetadataWarning, file?: string): NewsroomError {
  return new NewsroomError({ element: `story metadata "${warning.field}"`, problem: warning.problem, fix: warning.fix, file });
}

function checkImage(story: StoryMetadata): MetadataWarning[] {
  const { image } = story;
  if (!image) {
    return [
      {
        field: "image",
        problem: "the story has no image, so search results and shared links show it without one",
        fix: 'add image: { src: "/path/to/photo.jpg", alt: "What it shows" } to its front matter (or a video with a poster)',
      },
    ];
  }
  // An image whose size is unknown (an https: address, or images not processed) is not judged: Google measures it
  // itself, and a warning the author could not silence would make strict mode unusable.
  const widths = [...image.crops.map((crop) => crop.width), ...(image.width === undefined ? [] : [image.width])];
  if (widths.length === 0 || widths.some((width) => width >= LARGE_IMAGE_WIDTH)) return [];
  return [
    {
      field: "image",
      problem: `the image "${image.src}" is at most ${Math.max(...widths)} px wide, and Google shows large images only from ${LARGE_IMAGE_WIDTH} px`,
      fix: `use an image at least ${LARGE_IMAGE_WIDTH} px wide`,
    },
  ];
}

function checkAuthors(story: StoryMetadata, site: SiteMetadata): MetadataWarning[] {
  if (story.authors.length === 0) {
    // A story without a byline is credited to its publisher, which meets Google's recommendation when it has an address.
    if (story.publisher.url) return [];
    return [
      {
        field: "authors",
        problem: `the story has no byline, and its publisher "${story.publisher.name}", credited instead, has no url`,
        fix: `add author: { name: "…", url: "/people/…/" } to its front matter, or give the publisher a url in ${publisherSource(story.publisher, site)}`,
      },
    ];
  }
  return story.authors.flatMap((author, index) =>
    author.url
      ? []
      : [
          {
            field: `authors[${index}].url`,
            problem: `the author "${author.name}" has no url, which Google uses to tell authors of the same name apart`,
            fix: `give the author a url, a page about them (author: { name: ${JSON.stringify(author.name)}, url: "/people/…/" })`,
          },
        ],
  );
}

/** Where the story's publisher was given: the site's options or the story's front matter. */
function publisherSource(publisher: Publisher, site: SiteMetadata): string {
  const own = site.publisher ?? { name: site.name };
  return publisher.name === own.name ? "the plugin's site.publisher option" : 'the story\'s "publisher" front matter';
}

function checkVideos(story: StoryMetadata): MetadataWarning[] {
  return story.videos.flatMap((video, index) => {
    const warnings: MetadataWarning[] = [];
    if (!video.poster) {
      warnings.push({
        field: `videos[${index}].poster`,
        problem: `the video "${video.title}" has no poster, and Google requires a thumbnail to show a video in its results`,
        fix: 'give the video a poster (poster="/path/to/frame.jpg" posterAlt="What it shows")',
      });
    }
    // The structured data fills a video's missing description with the story's.
    if (!video.description && !storyDescription(story)) {
      warnings.push({
        field: `videos[${index}].description`,
        problem: `the video "${video.title}" has no description, and neither has the story to stand in for it`,
        fix: 'give the video a description (description="What it shows, in a sentence or two") or the story a description',
      });
    }
    return warnings;
  });
}
