import { describe, expect, it } from "vitest";
import { parseVideo } from "../../src/elements/video.js";
import { videoObject } from "../../src/video/structuredData.js";

describe("videoObject", () => {
  it("gives a YouTube video's name, ISO duration, player address and the page to watch it on", () => {
    const video = parseVideo({ url: "https://youtu.be/dQw4w9WgXcQ?t=90", title: "A title", duration: "1:45", description: "What it shows.", uploadDate: "2017-05-18" });
    expect(videoObject(video)).toEqual({
      "@type": "VideoObject",
      name: "A title",
      description: "What it shows.",
      uploadDate: "2017-05-18",
      duration: "PT1M45S",
      embedUrl: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90",
      url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s",
    });
  });

  it("makes a file's and a poster's site paths absolute, and fills what the video lacks from the story", () => {
    const video = parseVideo({ url: "/media/clip.mp4", title: "Clip", poster: "/media/clip.jpg", posterAlt: "A frame" });
    expect(videoObject(video, { siteUrl: "https://news.example/", fallbackUploadDate: "2017-05-18", fallbackDescription: "From the story." })).toEqual({
      "@type": "VideoObject",
      name: "Clip",
      description: "From the story.",
      thumbnailUrl: "https://news.example/media/clip.jpg",
      uploadDate: "2017-05-18",
      contentUrl: "https://news.example/media/clip.mp4",
      url: "https://news.example/media/clip.mp4",
    });
  });

  it("keeps a site's path prefix when it makes site paths absolute", () => {
    const video = parseVideo({ url: "/media/clip.mp4", title: "Clip", poster: "/media/clip.jpg", posterAlt: "A frame" });
    const data = videoObject(video, { siteUrl: "https://user.github.io/news/" });
    expect([data.contentUrl, data.thumbnailUrl]).toEqual(["https://user.github.io/news/media/clip.mp4", "https://user.github.io/news/media/clip.jpg"]);
  });

  it("keeps a date-only upload date date-only, and an instant with its offset", () => {
    expect(parseVideo({ url: "https://vimeo.com/1", title: "T", uploadDate: "2017-05-18" }).uploadDate).toBe("2017-05-18");
    expect(parseVideo({ url: "https://vimeo.com/1", title: "T", uploadDate: "2017-05-18T16:45:00-04:00" }).uploadDate).toBe("2017-05-18T20:45:00Z");
    expect(() => parseVideo({ url: "https://vimeo.com/1", title: "T", uploadDate: "last week" })).toThrow(/uploadDate "last week" is not an ISO 8601 date/);
  });
});
