import { describe, expect, it } from "vitest";
import { renderStoryHead } from "../../src/metadata/head.js";
import { socialCards } from "../../src/metadata/socialCards.js";
import { jsonLdScript, storyGraph } from "../../src/metadata/structuredData.js";
import { parseHead, SITE, storyMetadata, video } from "../helpers/storyMetadata.js";

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
});
