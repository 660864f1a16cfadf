import { describe, expect, it } from "vitest";
import { renderStoryHead } from "../../src/metadata/head.js";
import { socialCards } from "../../src/metadata/socialCards.js";
import { jsonLdScript, storyGraph } from "../../src/metadata/structuredData.js";
import { parseHead, SITE, storyMetadata, video } from "../helpers/storyMetadata.js";
import { liveStory, MORNING } from "../helpers/liveStory.js";

describe("renderStoryHead", () => {
  it("gives the description, the canonical link, the social cards and the JSON-LD, one element a line", () => {
    const story = storyMetadata({ videos: [video()] });
    const markup = renderStoryHead(story, SITE).toString();
    expect(markup.split("\n")).toEqual([
      '<meta name="description" content="What the story says, in a sentence.">',
      '<link rel="canonical" href="https://news.example/stories/a-story/">',
      ...socialCards(story, SITE).toString().split("\n"),
      jsonLdScript(storyGraph(story, SITE)).toString(),
    ]);
    const head = parseHead(markup);
    expect([...head.document.head.children].map((element) => element.tagName)).toEqual(["META", "LINK", ...Array(21).fill("META"), "SCRIPT"]);
    expect(head.document.body.childNodes).toHaveLength(0);
    expect(head.jsonLd).toHaveLength(1);
    expect((head.jsonLd[0] as { "@graph": Array<{ "@type": string }> })["@graph"].map((node) => node["@type"])).toEqual(["NewsArticle", "VideoObject", "BreadcrumbList"]);
  });

  it("points the canonical link at the original of a republished story, while og:url stays this page", () => {
    const head = parseHead(renderStoryHead(storyMetadata({ basedOn: "https://edition.cnn.com/story", canonical: "https://edition.cnn.com/story" }), SITE).toString());
    expect(head.document.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://edition.cnn.com/story");
    expect(head.meta("og:url")).toEqual(["https://news.example/stories/a-story/"]);
  });

  it("passes the speakable selectors on to the JSON-LD", () => {
    const head = parseHead(renderStoryHead(storyMetadata(), SITE, { speakable: ["#lede"] }).toString());
    const [article] = (head.jsonLd[0] as { "@graph": Array<Record<string, any>> })["@graph"];
    expect(article!["speakable"]["cssSelector"]).toEqual(["#lede"]);
  });

  it("points feed readers at a live story's own feeds of its updates, after the canonical link", () => {
    const story = liveStory(MORNING, { feeds: true, data: { title: 'Live: "talks" & <more>' } });
    const head = parseHead(renderStoryHead(story, SITE).toString());
    const links = [...head.document.head.querySelectorAll("link")].map((link) => [link.rel, link.type, link.getAttribute("href"), link.title]);
    expect(links).toEqual([
      ["canonical", "", "https://news.example/stories/live/", ""],
      ["alternate", "application/atom+xml", "https://news.example/stories/live/feed.xml", 'Live: "talks" & <more>'],
      ["alternate", "application/feed+json", "https://news.example/stories/live/feed.json", 'Live: "talks" & <more>'],
    ]);
    expect((head.jsonLd[0] as { "@graph": Array<{ "@type": string }> })["@graph"][0]!["@type"]).toBe("LiveBlogPosting");
  });

  it("links no feeds of a live story whose feeds the site does not write, nor of any other story", () => {
    for (const story of [liveStory(MORNING), storyMetadata()]) {
      expect(parseHead(renderStoryHead(story, SITE).toString()).document.querySelectorAll('link[rel="alternate"]')).toHaveLength(0);
    }
  });
});
