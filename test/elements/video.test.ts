import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "../../src/context.js";
import { parseVideo, renderVideo, VIDEO_FIELDS } from "../../src/elements/video.js";
import { NewsroomError } from "../../src/errors.js";
import type { ElementInput } from "../../src/types.js";
import { youtube } from "../../src/video/providers.js";
import type { ImagePipeline, ResponsiveImage } from "../../src/images/image.js";
import { childTags, parseFragment, readableText } from "../helpers/html.js";
import { renderContext, thrown } from "../helpers/newsroom.js";

const YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
const CLIP: ElementInput = {
  url: YOUTUBE,
  title: "Tillerson on the talks",
  duration: "01:45",
  source: "CNN",
  poster: "/media/poster.jpg",
  posterAlt: "Rex Tillerson at a podium",
  posterCredit: "Photo: Jane Doe",
  description: "The Secretary of State speaks to reporters.",
};

function videoError(input: ElementInput): NewsroomError {
  const error = thrown(() => parseVideo(input, { file: "s.md", line: 8 }));
  expect(error).toBeInstanceOf(NewsroomError);
  return error as NewsroomError;
}

function rendered(input: ElementInput, lead = false) {
  return parseFragment(renderVideo(parseVideo(input), renderContext({ lead })).toString());
}

describe("parseVideo", () => {
  it("reads every field and recognises the provider", () => {
    const video = parseVideo(CLIP);
    expect(video).toMatchObject({ type: "video", url: YOUTUBE, title: "Tillerson on the talks", source: "CNN", posterAlt: "Rex Tillerson at a podium" });
    expect(video.duration?.iso).toBe("PT1M45S");
    expect(String(video.aspectRatio)).toBe("16 / 9");
    expect(video.provider.provider).toBe("youtube");
    expect(video.provider.embedUrl).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
  });

  it("takes the provider's shape unless the author gives one", () => {
    const shorts = { url: "https://www.youtube.com/shorts/dQw4w9WgXcQ", title: "Short" };
    expect(String(parseVideo(shorts).aspectRatio)).toBe("9 / 16");
    expect(String(parseVideo({ ...shorts, aspectRatio: "4:3" }).aspectRatio)).toBe("4 / 3");
  });

  it("accepts an empty posterAlt for a decorative poster", () => {
    expect(parseVideo({ url: YOUTUBE, title: "T", poster: "/p.jpg", posterAlt: "" }).posterAlt).toBe("");
  });

  it("lists its fields in VIDEO_FIELDS", () => {
    expect(Object.keys(CLIP).every((key) => (VIDEO_FIELDS as readonly string[]).includes(key))).toBe(true);
  });

  it("rejects an http address and says what is allowed", () => {
    const error = videoError({ url: "http://example.com/clip.mp4", title: "T" });
    expect(error.message).toContain("s.md:8: video: url ");
    expect(error.problem).toContain('"http:"');
    expect(error.fix).toContain('"https:"');
    expect(error.fix).toContain('starts with "/"');
  });

  it("rejects a javascript: address", () => {
    expect(videoError({ url: "javascript:alert(1)", title: "T" }).problem).toContain("javascript:");
  });

  it("names the providers when none recognises the address", () => {
    const error = thrown(() => parseVideo({ url: "https://example.com/page", title: "T" }, {}, { providers: [youtube] }));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).problem).toContain("not an address any video provider recognises");
    expect((error as NewsroomError).fix).toContain(youtube.name);
  });

  it("turns a YouTube address without an id into an error naming the url", () => {
    expect(videoError({ url: "https://youtu.be/nope", title: "T" }).problem).toMatch(/^url .*YouTube address/);
  });

  it.each([
    [{ title: "T" }, 'the required field "url" is missing'],
    [{ url: YOUTUBE }, 'the required field "title" is missing'],
    [{ url: YOUTUBE, title: "T", poster: "/p.jpg" }, 'a "poster" is given without "posterAlt"'],
    [{ url: YOUTUBE, title: "T", posterAlt: "A poster" }, '"posterAlt" is given without a "poster"'],
    [{ url: YOUTUBE, title: "T", poster: "http://e.com/p.jpg", posterAlt: "x" }, "poster "],
    [{ url: YOUTUBE, title: "T", duration: "1:75" }, "duration "],
    [{ url: YOUTUBE, title: "T", aspectRatio: "10/1" }, "aspectRatio "],
    [{ url: YOUTUBE, title: "T", autoplay: true }, 'unknown field "autoplay"'],
  ])("rejects %j", (input, problem) => {
    const error = videoError(input);
    expect(error.element).toBe("video");
    expect(error.problem).toContain(problem);
  });

  it("rejects an empty url as an error, not a video without an address", () => {
    const error = thrown(() => parseVideo({ url: "", title: "T" }));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).problem).toContain('"url"');
  });
});

describe("renderVideo", () => {
  it("renders a figure with a media box of the video's shape and a caption", () => {
    const root = rendered(CLIP);
    const figure = root.querySelector("figure.newsroom-video")!;
    expect(figure).not.toBeNull();
    expect(figure.classList.contains("newsroom-video--youtube")).toBe(true);
    const media = figure.querySelector(":scope > .newsroom-video__media")!;
    // The box's shape is a class, not a style attribute: pages hold under a Content-Security-Policy without 'unsafe-inline'.
    expect(media.hasAttribute("style")).toBe(false);
    expect([...media.classList]).toEqual(["newsroom-video__media", "newsroom-video__media--16x9"]);
    expect(figure.querySelector(":scope > figcaption")).not.toBeNull();
  });

  it("renders a poster image that reserves its space and loads lazily", () => {
    const img = rendered(CLIP).querySelector(".newsroom-video__media img")!;
    expect(img.getAttribute("src")).toBe("/media/poster.jpg");
    expect(img.getAttribute("alt")).toBe("Rex Tillerson at a podium");
    expect(img.getAttribute("width")).toBe("1280");
    expect(img.getAttribute("height")).toBe("720");
    expect(img.getAttribute("loading")).toBe("lazy");
    expect(img.hasAttribute("fetchpriority")).toBe(false);
  });

  it("loads the lead video's poster eagerly with high priority and marks the figure as the lead", () => {
    const root = rendered(CLIP, true);
    const img = root.querySelector("img")!;
    expect(img.getAttribute("loading")).toBe("eager");
    expect(img.getAttribute("fetchpriority")).toBe("high");
    expect(root.querySelector("figure")!.classList.contains("newsroom-video--lead")).toBe(true);
    expect(rendered(CLIP).querySelector("figure")!.classList.contains("newsroom-video--lead")).toBe(false);
  });

  it("renders no image without a poster", () => {
    expect(rendered({ url: YOUTUBE, title: "T" }).querySelector("img")).toBeNull();
  });

  it("renders a play link whose accessible text names the video and its length", () => {
    const link = rendered(CLIP).querySelector("a.newsroom-video__play")!;
    expect(link.getAttribute("href")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    expect(link.getAttribute("data-newsroom-embed")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    // The name is one phrase in the aria-label; the visible text is its start (WCAG's label in name).
    expect(link.getAttribute("aria-label")).toBe("Play video: Tillerson on the talks (1:45)");
    expect(readableText(link)).toBe("Play video");
    expect(link.querySelector(".newsroom-video__play-icon")?.getAttribute("aria-hidden")).toBe("true");
  });

  it("leaves the length out of the play link when it is unknown", () => {
    expect(rendered({ url: YOUTUBE, title: "T" }).querySelector("a")?.getAttribute("aria-label")).toBe("Play video: T");
  });

  it("captions the title, a machine-readable duration, the source and the credits", () => {
    const caption = rendered(CLIP).querySelector("figcaption")!;
    expect(readableText(caption.querySelector(".newsroom-video__title"))).toBe("Tillerson on the talks");
    const time = caption.querySelector("time")!;
    expect(time.getAttribute("datetime")).toBe("PT1M45S");
    expect(time.textContent).toBe("1:45");
    expect(readableText(caption.querySelector(".newsroom-video__source"))).toBe("Source: CNN");
    expect(readableText(caption.querySelector(".newsroom-video__description"))).toBe("The Secretary of State speaks to reporters.");
    expect(readableText(caption.querySelector(".newsroom-video__poster-credit"))).toBe("Photo: Jane Doe");
  });

  it("leaves out caption parts that were not given", () => {
    const caption = rendered({ url: YOUTUBE, title: "T" }).querySelector("figcaption")!;
    expect(caption.children).toHaveLength(1);
    expect(readableText(caption)).toBe("T");
  });

  it("gives Shorts a portrait box and a portrait poster", () => {
    const root = rendered({ url: "https://youtube.com/shorts/dQw4w9WgXcQ", title: "S", poster: "/p.jpg", posterAlt: "" });
    expect(root.querySelector(".newsroom-video__media")!.classList.contains("newsroom-video__media--9x16")).toBe(true);
    expect(root.querySelector("img")!.getAttribute("height")).toBe("2276");
    expect(root.querySelector("img")!.getAttribute("alt")).toBe("");
  });

  it("plays a file in a native player that preloads nothing", () => {
    const root = rendered({ url: "/media/clip.mp4", title: "Our clip", poster: "/media/clip.jpg", posterAlt: "Still" });
    const video = root.querySelector(".newsroom-video__media > video")!;
    expect(video.hasAttribute("controls")).toBe(true);
    expect(video.getAttribute("preload")).toBe("none");
    expect(video.getAttribute("poster")).toBe("/media/clip.jpg");
    const source = video.querySelector("source")!;
    expect(source.getAttribute("src")).toBe("/media/clip.mp4");
    expect(source.getAttribute("type")).toBe("video/mp4");
    const title = root.querySelector(`#${video.getAttribute("aria-labelledby")}`);
    expect(readableText(title)).toBe("Our clip");
    expect(root.querySelector("a.newsroom-video__play")).toBeNull();
    expect(root.querySelector("figure")!.classList.contains("newsroom-video--file")).toBe(true);
  });

  it("links to the page of a page video without an embed address", () => {
    const link = rendered({ url: "https://edition.cnn.com/videos/clip", title: "T" }).querySelector("a.newsroom-video__play")!;
    expect(link.getAttribute("href")).toBe("https://edition.cnn.com/videos/clip");
    expect(link.hasAttribute("data-newsroom-embed")).toBe(false);
  });

  it("escapes what the author wrote", () => {
    const root = rendered({ url: YOUTUBE, title: `<img src=x onerror="alert(1)">`, source: "A & B" });
    expect(root.querySelectorAll("img")).toHaveLength(0);
    expect(readableText(root.querySelector(".newsroom-video__title"))).toBe(`<img src=x onerror="alert(1)">`);
    expect(readableText(root.querySelector(".newsroom-video__source"))).toBe("Source: A & B");
  });

  it("uses the site's labels", () => {
    const context = renderContext({ labels: { ...DEFAULT_LABELS, playVideo: "Video abspielen", videoSource: "Quelle: {source}" } });
    const root = parseFragment(renderVideo(parseVideo(CLIP), context).toString());
    expect(root.querySelector("a")?.getAttribute("aria-label")).toBe("Video abspielen: Tillerson on the talks (1:45)");
    expect(readableText(root.querySelector(".newsroom-video__source"))).toBe("Quelle: CNN");
  });
});

describe("captions, transcripts and provider thumbnails", () => {
  it("attaches a captions track to a video file of the site's own, in the given language", () => {
    const video = parseVideo({ url: "/media/clip.mp4", title: "Clip", captions: "/media/clip.vtt", captionsLanguage: "es-MX" });
    const track = parseFragment(renderVideo(video, renderContext()).toString()).querySelector("video > track")!;
    expect([track.getAttribute("kind"), track.getAttribute("src"), track.getAttribute("srclang"), track.getAttribute("label")]).toEqual(["captions", "/media/clip.vtt", "es-MX", "Captions"]);
    expect(parseVideo({ url: "/media/clip.mp4", title: "Clip", captions: "/media/clip.vtt" }).captionsLanguage).toBe("en");
  });

  it("refuses captions for a provider's video, a language without captions, and a language that is not a tag", () => {
    expect(() => parseVideo({ url: YOUTUBE, title: "T", captions: "/c.vtt" })).toThrow(/captions file can only be attached to a video file of your own/);
    expect(() => parseVideo({ url: "/m.mp4", title: "T", captionsLanguage: "en" })).toThrow(/"captionsLanguage" is given without "captions"/);
    expect(() => parseVideo({ url: "/m.mp4", title: "T", captions: "/c.vtt", captionsLanguage: "English (US)" })).toThrow(/is not a language tag/);
  });

  it("links a transcript, named for its video", () => {
    const link = parseFragment(renderVideo(parseVideo({ url: YOUTUBE, title: "T", transcript: "/t/" }), renderContext()).toString()).querySelector("a.newsroom-video__transcript")!;
    expect([link.getAttribute("href"), link.getAttribute("aria-label"), readableText(link)]).toEqual(["/t/", "Transcript: T", "Transcript"]);
    expect(() => parseVideo({ url: YOUTUBE, title: "T", transcript: "javascript:alert(1)" })).toThrow(/transcript .*not allowed/);
  });

  it("uses YouTube's thumbnail only when the site opts in, and never over the author's poster", () => {
    expect(parseVideo({ url: YOUTUBE, title: "T" }).poster).toBeUndefined();
    const thumbnailed = parseVideo({ url: YOUTUBE, title: "T" }, {}, { providerThumbnails: true });
    expect([thumbnailed.poster, thumbnailed.posterAlt]).toEqual(["https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg", ""]);
    expect(parseVideo({ url: YOUTUBE, title: "T", poster: "/p.jpg", posterAlt: "P" }, {}, { providerThumbnails: true }).poster).toBe("/p.jpg");
  });

  it("gives the player's frame title to the click-to-play script", () => {
    const link = parseFragment(renderVideo(parseVideo({ url: YOUTUBE, title: "A <b>title</b>" }), renderContext()).toString()).querySelector("a")!;
    expect(link.getAttribute("data-newsroom-frame-title")).toBe("Video: A <b>title</b>");
  });
});

describe("posters through an image pipeline", () => {
  const photo: ResponsiveImage = {
    sources: [{ type: "image/avif", srcset: "/img/p-400.avif 400w, /img/p-800.avif 800w" }, { type: "image/webp", srcset: "/img/p-400.webp 400w, /img/p-800.webp 800w" }],
    fallback: { url: "/img/p-800.jpeg", width: 800, height: 450, type: "image/jpeg", srcset: "/img/p-400.jpeg 400w, /img/p-800.jpeg 800w" },
    width: 800,
    height: 450,
  };
  const images: ImagePipeline = {
    sizes: "100vw",
    picture: (src) => (src === "/media/poster.jpg" ? photo : undefined),
    crops: () => [],
  };
  const withImages = (input: ElementInput, lead = false) => parseFragment(renderVideo(parseVideo(input), renderContext({ lead, images })).toString());

  it("renders the poster as a <picture> inside the same box, the play control beside it, so the script still swaps the whole box", () => {
    const media = withImages(CLIP).querySelector(".newsroom-video__media")!;
    expect(childTags(media)).toEqual(["picture", "a"]);
    expect([...media.querySelectorAll("source")].map((source) => source.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    const img = media.querySelector("picture > img.newsroom-video__poster")!;
    expect([img.getAttribute("src"), img.getAttribute("alt"), img.getAttribute("width"), img.getAttribute("height")]).toEqual(["/img/p-800.jpeg", "Rex Tillerson at a podium", "800", "450"]);
    expect([img.getAttribute("sizes"), img.getAttribute("loading")]).toEqual(["100vw", "lazy"]);
    expect(media.classList.contains("newsroom-video__media--16x9")).toBe(true);
  });

  it("loads the lead video's poster at once with high priority", () => {
    const img = withImages(CLIP, true).querySelector("img")!;
    expect([img.getAttribute("loading"), img.getAttribute("fetchpriority")]).toEqual(["eager", "high"]);
  });

  it("gives a video file's player the fallback file as its poster (a poster attribute takes one address)", () => {
    const video = withImages({ url: "/media/clip.mp4", title: "T", poster: "/media/poster.jpg", posterAlt: "" }).querySelector("video")!;
    expect(video.getAttribute("poster")).toBe("/img/p-800.jpeg");
  });

  it("keeps a poster the pipeline leaves as written (an https: address) exactly as without one", () => {
    const remote = { ...CLIP, poster: "https://images.example/poster.jpg" };
    expect(withImages(remote).innerHTML).toBe(rendered(remote).innerHTML);
  });
});
