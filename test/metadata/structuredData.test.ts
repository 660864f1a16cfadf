import { describe, expect, it } from "vitest";
import { jsonLdScript, storyGraph, storyDescription, DEFAULT_SPEAKABLE_SELECTORS } from "../../src/metadata/structuredData.js";
import type { SiteMetadata, StoryMetadata } from "../../src/metadata/types.js";
import { day, instant, parseHead, SITE, storyMetadata, video } from "../helpers/storyMetadata.js";
import { LIVE_STORY_PATH, liveStory, MORNING } from "../helpers/liveStory.js";

type Node = Record<string, any>;

/** The graph as a consumer reads it: through JSON, so properties left undefined are gone. */
function graphOf(story: StoryMetadata, site: SiteMetadata = SITE, options = {}): { context: string; nodes: Node[] } {
  const parsed = JSON.parse(JSON.stringify(storyGraph(story, site, options))) as { "@context": string; "@graph": Node[] };
  return { context: parsed["@context"], nodes: parsed["@graph"] };
}
const articleOf = (story: StoryMetadata, site?: SiteMetadata, options = {}) => graphOf(story, site, options).nodes.find((node) => node["@type"] === "NewsArticle")!;
const STORY_URL = "https://news.example/stories/a-story/";

describe("storyGraph", () => {
  it("is one JSON-LD object: the article, a VideoObject per video, and the breadcrumbs", () => {
    expect(graphOf(storyMetadata()).context).toBe("https://schema.org");
    expect(graphOf(storyMetadata()).nodes.map((node) => node["@type"])).toEqual(["NewsArticle", "BreadcrumbList"]);
    const withVideos = graphOf(storyMetadata({ videos: [video(), video({ url: "https://vimeo.com/76979871", title: "Second" })] }));
    expect(withVideos.nodes.map((node) => [node["@type"], node["@id"]])).toEqual([
      ["NewsArticle", `${STORY_URL}#article`],
      ["VideoObject", `${STORY_URL}#video-1`],
      ["VideoObject", `${STORY_URL}#video-2`],
      ["BreadcrumbList", `${STORY_URL}#breadcrumb`],
    ]);
  });

  it("describes the article: headline, description, page, section, keywords, language, access, dateline", () => {
    const article = articleOf(storyMetadata({ accessibleForFree: false, language: "es-MX", dateline: "CIUDAD DE MÉXICO" }));
    expect(article).toMatchObject({
      "@id": `${STORY_URL}#article`,
      headline: "A headline",
      description: "What the story says, in a sentence.",
      url: STORY_URL,
      mainEntityOfPage: { "@type": "WebPage", "@id": STORY_URL, breadcrumb: { "@id": `${STORY_URL}#breadcrumb` } },
      articleSection: "Politics",
      keywords: ["Mexico", "drugs"],
      inLanguage: "es-MX",
      isAccessibleForFree: false,
      dateline: "CIUDAD DE MÉXICO",
    });
    expect(article).not.toHaveProperty("isBasedOn");
  });

  it("leaves out what the story does not have", () => {
    const article = articleOf(storyMetadata({ section: undefined, keywords: [], image: undefined, description: "", highlightTexts: [] }));
    for (const property of ["articleSection", "keywords", "image", "description", "video", "isBasedOn", "dateline"]) expect(article).not.toHaveProperty(property);
  });

  it("falls back to the highlights when the description is empty", () => {
    const story = storyMetadata({ description: "", highlightTexts: ["Tillerson meets Videgaray.", "They talk about drugs."] });
    expect(storyDescription(story)).toBe("Tillerson meets Videgaray. They talk about drugs.");
    expect(articleOf(story)["description"]).toBe("Tillerson meets Videgaray. They talk about drugs.");
  });

  describe("dates", () => {
    it("keeps an instant with its offset, and dateModified falls back to datePublished", () => {
      expect(articleOf(storyMetadata())).toMatchObject({ datePublished: "2026-11-27T14:30:00-05:00", dateModified: "2026-11-27T14:30:00-05:00" });
    });

    it("keeps a date-only story date-only: no invented time of day", () => {
      const article = articleOf(storyMetadata({ published: day("2017-05-18") }));
      expect([article["datePublished"], article["dateModified"]]).toEqual(["2017-05-18", "2017-05-18"]);
      expect(articleOf(storyMetadata({ published: day("2017-05-18"), modified: day("2017-05-19") }))["dateModified"]).toBe("2017-05-19");
    });

    it("gives dateModified from the latest change", () => {
      const article = articleOf(storyMetadata({ published: day("2017-05-18"), modified: instant("2017-05-19T09:15:00-04:00") }));
      expect(article).toMatchObject({ datePublished: "2017-05-18", dateModified: "2017-05-19T09:15:00-04:00" });
    });
  });

  describe("authors and publisher", () => {
    it("credits each author as a Person or an Organization, with a url when there is one", () => {
      const authors = articleOf(
        storyMetadata({ authors: [{ type: "Person", name: "Ana", url: "https://news.example/people/ana/" }, { type: "Person", name: "Bo" }, { type: "Organization", name: "Reuters", url: "https://www.reuters.com/" }] }),
      )["author"];
      expect(authors).toEqual([
        { "@type": "Person", name: "Ana", url: "https://news.example/people/ana/" },
        { "@type": "Person", name: "Bo" },
        { "@type": "Organization", name: "Reuters", url: "https://www.reuters.com/" },
      ]);
    });

    it("credits a story without a byline to its publisher, as an Organization", () => {
      expect(articleOf(storyMetadata({ authors: [] }))["author"]).toEqual([{ "@type": "Organization", name: "Example News", url: "https://news.example/" }]);
      expect(articleOf(storyMetadata({ authors: [], publisher: { name: "AP" } }))["author"]).toEqual([{ "@type": "Organization", name: "AP" }]);
    });

    it("names the publisher as a NewsMediaOrganization with its address and logo", () => {
      expect(articleOf(storyMetadata())["publisher"]).toEqual({
        "@type": "NewsMediaOrganization",
        name: "Example News",
        url: "https://news.example/",
        logo: { "@type": "ImageObject", url: "https://news.example/logo.png", width: 600, height: 60 },
      });
      expect(articleOf(storyMetadata({ publisher: { name: "AP" } }))["publisher"]).toEqual({ "@type": "NewsMediaOrganization", name: "AP" });
    });
  });

  describe("image", () => {
    it("gives the crops as ImageObjects in Google's order, 16:9, 4:3, 1:1, whatever order they come in", () => {
      const base = storyMetadata().image!;
      const [wide, standard, square] = base.crops;
      const image = articleOf(storyMetadata({ image: { ...base, credit: "Photo: Jane Doe", crops: [square!, wide!, standard!] } }))["image"];
      expect(image.map((node: Node) => node["url"])).toEqual(["https://news.example/img/lead-16x9.jpeg", "https://news.example/img/lead-4x3.jpeg", "https://news.example/img/lead-1x1.jpeg"]);
      expect(image[0]).toEqual({ "@type": "ImageObject", url: "https://news.example/img/lead-16x9.jpeg", width: 1200, height: 675, encodingFormat: "image/jpeg", creditText: "Photo: Jane Doe" });
    });

    it("without crops, gives the image at its absolute address, under the site's path prefix", () => {
      const site = { ...SITE, url: "https://user.github.io/news/" };
      const image = (src: string) => articleOf(storyMetadata({ image: { src, alt: "A", crops: [] } }), site)["image"];
      expect(image("/assets/lead.jpg")).toEqual([{ "@type": "ImageObject", url: "https://user.github.io/news/assets/lead.jpg" }]);
      expect(image("https://cdn.example/lead.jpg")).toEqual([{ "@type": "ImageObject", url: "https://cdn.example/lead.jpg" }]);
      expect(articleOf(storyMetadata({ image: { src: "/a.jpg", alt: "A", width: 1600, height: 900, crops: [] } }))["image"]).toEqual([
        { "@type": "ImageObject", url: "https://news.example/a.jpg", width: 1600, height: 900 },
      ]);
    });
  });

  it("says what a republished story is based on", () => {
    expect(articleOf(storyMetadata({ basedOn: "https://edition.cnn.com/2017/05/18/politics/story" }))["isBasedOn"]).toBe("https://edition.cnn.com/2017/05/18/politics/story");
  });

  describe("videos", () => {
    it("references each VideoObject by @id, filled from the story where the video says nothing", () => {
      const story = storyMetadata({
        published: day("2017-05-18"),
        videos: [video({ url: "/media/clip.mp4", poster: "/media/clip.jpg", posterAlt: "A frame" }), video({ description: "Its own words.", uploadDate: "2017-05-17" })],
      });
      const { nodes } = graphOf(story, { ...SITE, url: "https://user.github.io/news/" });
      expect(nodes[0]!["video"]).toEqual([{ "@id": `${STORY_URL}#video-1` }, { "@id": `${STORY_URL}#video-2` }]);
      expect(nodes[1]).toMatchObject({
        "@type": "VideoObject",
        "@id": `${STORY_URL}#video-1`,
        name: "A video",
        description: "What the story says, in a sentence.",
        uploadDate: "2017-05-18",
        duration: "PT1M45S",
        thumbnailUrl: "https://user.github.io/news/media/clip.jpg",
        contentUrl: "https://user.github.io/news/media/clip.mp4",
      });
      expect(nodes[2]).toMatchObject({ description: "Its own words.", uploadDate: "2017-05-17", embedUrl: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" });
    });
  });

  it("gives a video whose poster is the story's image the image's raster crops as thumbnails", () => {
    const story = storyMetadata({ videos: [video({ poster: "/assets/poster.svg", posterAlt: "A poster" })] });
    const withPosterImage = { ...story, image: { ...story.image!, src: "/assets/poster.svg" } };
    const [, videoNode] = graphOf(withPosterImage).nodes;
    expect(videoNode!["thumbnailUrl"]).toEqual(withPosterImage.image.crops.map((crop) => crop.url));
    const [, unrelated] = graphOf(story).nodes;
    expect(unrelated!["thumbnailUrl"]).toBe("https://news.example/assets/poster.svg");
  });

  it("marks the headline and the highlights as speakable, or the selectors given", () => {
    expect(articleOf(storyMetadata())["speakable"]).toEqual({ "@type": "SpeakableSpecification", cssSelector: [...DEFAULT_SPEAKABLE_SELECTORS] });
    expect(DEFAULT_SPEAKABLE_SELECTORS).toEqual(["h1", ".newsroom-highlights"]);
    expect(articleOf(storyMetadata(), SITE, { speakable: [".lede"] })["speakable"]["cssSelector"]).toEqual([".lede"]);
  });

  it("gives the breadcrumbs home, then the story; a section has no address, so it is not a crumb", () => {
    const breadcrumbs = graphOf(storyMetadata({ section: "Politics" })).nodes.at(-1)!;
    expect(breadcrumbs["itemListElement"]).toEqual([
      { "@type": "ListItem", position: 1, name: "Example News", item: "https://news.example/" },
      { "@type": "ListItem", position: 2, name: "A headline", item: STORY_URL },
    ]);
  });
});

describe("storyGraph of a live story", () => {
  const LIVE_URL = `https://news.example${LIVE_STORY_PATH}`;
  const liveGraph = (options: Parameters<typeof liveStory>[1] = {}) => graphOf(liveStory(MORNING, { pageSize: 2, ...options })).nodes;
  const postingOf = (options: Parameters<typeof liveStory>[1] = {}) => liveGraph(options).find((node) => node["@type"] === "LiveBlogPosting")!;

  it("makes the article a LiveBlogPosting in the same graph, credited and published as any story", () => {
    const nodes = liveGraph();
    expect(nodes.map((node) => [node["@type"], node["@id"]])).toEqual([
      ["LiveBlogPosting", `${LIVE_URL}#article`],
      ["BreadcrumbList", `${LIVE_URL}#breadcrumb`],
    ]);
    expect(postingOf()).toMatchObject({
      headline: "Live: the talks",
      description: "The talks, as they happen.",
      url: LIVE_URL,
      mainEntityOfPage: { "@type": "WebPage", "@id": LIVE_URL },
      publisher: { "@type": "NewsMediaOrganization", name: "Example News", url: "https://news.example/", logo: { "@type": "ImageObject", url: "https://news.example/logo.png" } },
      author: [{ "@type": "Organization", name: "Example News" }],
    });
    // dateline is NewsArticle's own property, not a LiveBlogPosting's.
    expect(graphOf(liveStory(MORNING, { data: { dateline: "WASHINGTON" } })).nodes[0]).not.toHaveProperty("dateline");
  });

  it("dates it: published and coverage started at the first update, modified at the newest; an end only once coverage has ended", () => {
    const running = postingOf();
    expect(running).toMatchObject({ datePublished: "2017-05-18T10:00:00-04:00", coverageStartTime: "2017-05-18T10:00:00-04:00", dateModified: "2017-05-18T12:30:00-04:00" });
    expect(running).not.toHaveProperty("coverageEndTime");
    expect(postingOf({ ended: "2017-05-18T17:00" })["coverageEndTime"]).toBe("2017-05-18T17:00:00-04:00");
  });

  it("lists every update, newest first and on every page, as a BlogPosting at the address of the page it is on", () => {
    const updates = postingOf()["liveBlogUpdate"] as Node[];
    expect(updates.map((update) => update["@type"])).toEqual(Array(5).fill("BlogPosting"));
    expect(updates.map((update) => update["url"])).toEqual([
      `${LIVE_URL}#update-20170518-1230`,
      `${LIVE_URL}#update-20170518-1200`,
      `${LIVE_URL}#update-20170518-1130`,
      `${LIVE_URL}updates/1/#update-20170518-1045-tillerson-we-must-own-this`,
      `${LIVE_URL}updates/1/#update-20170518-1000-the-meeting-opens`,
    ]);
    expect(updates.map((update) => update["datePublished"])).toEqual(["12:30", "12:00", "11:30", "10:45", "10:00"].map((time) => `2017-05-18T${time}:00-04:00`));
  });

  it("gives each update its headline, its words as plain text, its dates and its author when it has one", () => {
    const [long, , edited, key] = postingOf()["liveBlogUpdate"] as Node[];
    expect(edited).toEqual({
      "@type": "BlogPosting",
      headline: "Demand for drugs & its <costs> came up again.",
      articleBody: "Demand for drugs & its <costs> came up again.",
      datePublished: "2017-05-18T11:30:00-04:00",
      dateModified: "2017-05-18T11:55:00-04:00",
      author: { "@type": "Person", name: "Ana Reporter" },
      url: `${LIVE_URL}#update-20170518-1130`,
    });
    expect(key).toMatchObject({ headline: "Tillerson: “We must own this”", articleBody: "He said it plainly. We Americans must own this problem. Rex Tillerson", dateModified: "2017-05-18T10:45:00-04:00" });
    expect(key).not.toHaveProperty("author");
    // Untitled and long: its first words, cut on a word, within Google's 110 characters.
    expect([...long!["headline"]].length).toBeLessThanOrEqual(110);
    expect(long!["headline"]).toMatch(/^All the public finger-pointing .*…$/);
    expect(long!["articleBody"]).toMatch(/whole of the afternoon's meetings\.$/);
  });

  it("is still one script no update can end, parsing back to the graph", () => {
    const story = liveStory([{ time: "2017-05-18T10:00", title: "</script><script>alert(1)</script>", text: "A </script> in the words & more" }]);
    const head = parseHead(jsonLdScript(storyGraph(story, SITE)).toString());
    expect(head.document.querySelectorAll("script")).toHaveLength(1);
    const [update] = (head.jsonLd[0] as { "@graph": Node[] })["@graph"][0]!["liveBlogUpdate"] as Node[];
    expect([update!["headline"], update!["articleBody"]]).toEqual(["</script><script>alert(1)</script>", "A </script> in the words & more"]);
  });
});

describe("jsonLdScript", () => {
  const hostile = 'A </script><script>alert(1)</script> <!-- <SCRIPT "q" \'s\' & &amp; \u2028\u2029 \u0000\u0085\ufdd0\u{1fffe} \ud800 \\u003c';

  it("writes one script whose text no string can end, and which parses back to exactly the value", () => {
    const value = { "@context": "https://schema.org", "@type": "NewsArticle", headline: hostile, keywords: [hostile, "</SCRIPT >"] };
    const markup = jsonLdScript(value).toString();
    const body = markup.slice('<script type="application/ld+json">'.length, -"</script>".length);
    expect(body).not.toMatch(/[<>&\u2028\u2029\u0085\ufdd0]/);
    expect(body).toContain("\\u003c/script\\u003e");
    const head = parseHead(markup);
    expect(head.document.querySelectorAll("script")).toHaveLength(1);
    expect(head.jsonLd).toEqual([value]);
  });

  it("renders a whole story graph the same way", () => {
    const story = storyMetadata({ headline: hostile, description: hostile });
    expect(parseHead(jsonLdScript(storyGraph(story, SITE)).toString()).jsonLd).toEqual([JSON.parse(JSON.stringify(storyGraph(story, SITE)))]);
  });
});
