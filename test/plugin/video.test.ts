import { describe, expect, test } from "vitest";
import type { VideoProvider } from "../../src/index.js";
import { buildSite } from "../helpers/eleventy.js";
import { failureOf } from "../helpers/errors.js";
import { parseDocument } from "../helpers/html.js";

/** A site's own provider, e.g. a newsroom's video platform. */
const newsroomTv: VideoProvider = {
  id: "newsroomtv",
  name: "Newsroom TV (tv.news.example/v/ID)",
  recognise(url) {
    const id = url.hostname === "tv.news.example" ? /^\/v\/(\d+)$/.exec(url.pathname)?.[1] : undefined;
    if (!id) return undefined;
    return { provider: "newsroomtv", kind: "embed", videoId: id, watchUrl: url.href, embedUrl: `https://tv.news.example/embed/${id}` };
  },
};

describe("video providers and options", () => {
  test("a site's own provider is recognised in every syntax, before the built-in page link", async () => {
    const pages = await buildSite(
      { "a.md": '::: video url="https://tv.news.example/v/42" title="T"\n:::\n', "b.njk": '{% video url="https://tv.news.example/v/42", title="T" %}' },
      { options: { videoProviders: [newsroomTv] } },
    );
    expect([...pages.values()]).toHaveLength(2);
    for (const page of pages.values()) {
      const figure = parseDocument(page.content).querySelector("figure")!;
      expect(figure.classList.contains("newsroom-video--newsroomtv"), page.inputPath).toBe(true);
      expect(figure.querySelector("a")?.getAttribute("data-newsroom-embed")).toBe("https://tv.news.example/embed/42");
    }
  });

  test("a provider that is not one is refused at config time", async () => {
    expect(await failureOf(buildSite({ "a.md": "x" }, { options: { videoProviders: [{ id: "x" } as never] } }))).toMatch(/option "videoProviders\[0\]": is not a video provider/);
    expect(await failureOf(buildSite({ "a.md": "x" }, { options: { videoProviders: [{ ...newsroomTv, id: "youtube" }] } }))).toMatch(/"youtube" is not a usable id/);
  });

  test("an address that cannot be a video lists the providers in the fix", async () => {
    expect(await failureOf(buildSite({ "a.md": '::: video url="http://tv.news.example/v/42" title="T"\n:::\n' }, { options: { videoProviders: [newsroomTv] } }))).toMatch(
      /a\.md:1: video: url "http:\/\/tv\.news\.example\/v\/42" uses "http:", which is not allowed\. Fix: .*Supported: Newsroom TV \(tv\.news\.example\/v\/ID\); YouTube .*; Vimeo .*; a video file of your own .*; a page where the video is published/,
    );
  });

  test("providerThumbnails fetches YouTube's poster only when the site opts in", async () => {
    const source = { "a.md": '::: video url="https://youtu.be/dQw4w9WgXcQ" title="T"\n:::\n' };
    const off = parseDocument((await buildSite(source)).get("/a/")!.content);
    expect(off.querySelector("img")).toBeNull();
    const on = parseDocument((await buildSite(source, { options: { providerThumbnails: true } })).get("/a/")!.content);
    expect(on.querySelector("img")?.getAttribute("src")).toBe("https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg");
  });
});
