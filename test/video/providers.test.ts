import { describe, expect, it } from "vitest";
import { InvalidValue } from "../../src/values/fields.js";
import { DEFAULT_PROVIDERS, parseStartTime, recogniseVideo, videoPage, youtube, type VideoProvider } from "../../src/video/providers.js";

const ID = "dQw4w9WgXcQ";

function recognised(url: string) {
  const source = recogniseVideo(url);
  expect(source).toBeDefined();
  return source!;
}

describe("YouTube", () => {
  it.each([
    [`https://www.youtube.com/watch?v=${ID}`],
    [`https://youtube.com/watch?v=${ID}&feature=share`],
    [`https://m.youtube.com/watch?v=${ID}`],
    [`https://youtu.be/${ID}`],
    [`https://www.youtube.com/embed/${ID}`],
    [`https://www.youtube-nocookie.com/embed/${ID}`],
    [`https://www.youtube.com/live/${ID}`],
  ])("recognises %s and embeds it from youtube-nocookie.com", (url) => {
    const source = recognised(url);
    expect(source.provider).toBe("youtube");
    expect(source.kind).toBe("embed");
    expect(source.videoId).toBe(ID);
    expect(source.embedUrl).toBe(`https://www.youtube-nocookie.com/embed/${ID}`);
    expect(source.watchUrl).toBe(`https://www.youtube.com/watch?v=${ID}`);
    expect(source.aspectRatio).toBeUndefined();
  });

  it.each([
    [`https://www.youtube.com/watch?v=${ID}&t=1m30s`],
    [`https://youtu.be/${ID}?t=90`],
    [`https://youtu.be/${ID}?t=90s`],
    [`https://www.youtube.com/embed/${ID}?start=90`],
  ])("carries the start time of %s into both addresses", (url) => {
    const source = recognised(url);
    expect(source.start).toBe(90);
    expect(new URL(source.embedUrl!).searchParams.get("start")).toBe("90");
    expect(new URL(source.watchUrl).searchParams.get("t")).toBe("90s");
  });

  it("carries a playlist into both addresses", () => {
    const source = recognised(`https://www.youtube.com/watch?v=${ID}&list=PLabc123`);
    const embed = new URL(source.embedUrl!);
    expect(embed.hostname).toBe("www.youtube-nocookie.com");
    expect(embed.pathname).toBe(`/embed/${ID}`);
    expect(embed.searchParams.get("list")).toBe("PLabc123");
    expect(new URL(source.watchUrl).searchParams.get("list")).toBe("PLabc123");
  });

  it("makes Shorts portrait (9/16) and links to the Shorts page", () => {
    const source = recognised(`https://www.youtube.com/shorts/${ID}`);
    expect(String(source.aspectRatio)).toBe("9 / 16");
    expect(source.watchUrl).toBe(`https://www.youtube.com/shorts/${ID}`);
    expect(source.embedUrl).toBe(`https://www.youtube-nocookie.com/embed/${ID}`);
  });

  it.each([["https://www.youtube.com/watch?v=short"], ["https://youtu.be/"], ["https://www.youtube.com/@newsroom"], [`https://www.youtube.com/embed/${ID}x`]])(
    "throws for the YouTube address %s without a valid id",
    (url) => {
      expect(() => recogniseVideo(url)).toThrow(InvalidValue);
      expect(() => recogniseVideo(url)).toThrow(/YouTube address without a valid video id/);
    },
  );
});

describe("Vimeo", () => {
  it("embeds a plain video with dnt=1", () => {
    const source = recognised("https://vimeo.com/123456789");
    expect(source).toMatchObject({ provider: "vimeo", kind: "embed", videoId: "123456789", watchUrl: "https://vimeo.com/123456789" });
    const embed = new URL(source.embedUrl!);
    expect(embed.origin + embed.pathname).toBe("https://player.vimeo.com/video/123456789");
    expect(embed.searchParams.get("dnt")).toBe("1");
    expect(embed.searchParams.has("h")).toBe(false);
  });

  it.each([["https://vimeo.com/123456789/abcdef0123"], ["https://player.vimeo.com/video/123456789?h=abcdef0123"]])(
    "keeps the unlisted hash of %s",
    (url) => {
      const source = recognised(url);
      const embed = new URL(source.embedUrl!);
      expect(embed.searchParams.get("h")).toBe("abcdef0123");
      expect(embed.searchParams.get("dnt")).toBe("1");
      expect(source.watchUrl).toBe("https://vimeo.com/123456789/abcdef0123");
    },
  );

  it("throws for a Vimeo address without a video number", () => {
    expect(() => recogniseVideo("https://vimeo.com/about")).toThrow(/Vimeo address without a video number/);
  });
});

describe("files and pages", () => {
  it.each([
    ["https://cdn.example.com/clips/a.mp4", "video/mp4"],
    ["https://cdn.example.com/clips/a.WEBM?v=2", "video/webm"],
    ["/media/x.mp4", "video/mp4"],
    ["/media/x.m4v", "video/mp4"],
  ])("plays %s as a %s file", (url, mimeType) => {
    expect(recognised(url)).toEqual({ provider: "file", kind: "file", watchUrl: url, mimeType });
  });

  it.each([["https://edition.cnn.com/videos/world/2017/05/18/clip.cnn"], ["/video/story-clip"], ["https://example.com/a.mov"]])(
    "links to %s as a page",
    (url) => {
      expect(recognised(url)).toEqual({ provider: "page", kind: "page", watchUrl: url });
    },
  );

  it("tries the providers in order, so a site can leave out pages or add its own", () => {
    const custom: VideoProvider = {
      id: "desk",
      name: "the video desk",
      recognise: (url, written) => (url.hostname === "video.example" ? { provider: "desk", kind: "page", watchUrl: written } : undefined),
    };
    expect(recogniseVideo("https://video.example/1", [custom, ...DEFAULT_PROVIDERS])?.provider).toBe("desk");
    expect(recogniseVideo("https://elsewhere.example/1", [youtube])).toBeUndefined();
    expect(recogniseVideo("https://elsewhere.example/1", [youtube, videoPage])?.kind).toBe("page");
  });
});

describe("parseStartTime", () => {
  it.each([
    ["90", 90],
    ["90s", 90],
    ["1m30s", 90],
    ["1h2m3s", 3723],
    ["2m", 120],
  ] as const)("reads %j as %i seconds", (value, seconds) => {
    expect(parseStartTime(value)).toBe(seconds);
  });

  it.each([[null], [""], ["0"], ["abc"], ["1:30"]])("ignores %j", (value) => {
    expect(parseStartTime(value)).toBeUndefined();
  });
});
