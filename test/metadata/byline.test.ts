import { describe, expect, it } from "vitest";
import { DEFAULT_DATE_OPTIONS, DEFAULT_LABELS, SPANISH_LABELS } from "../../src/index.js";
import { renderByline } from "../../src/metadata/byline.js";
import { parseFragment, readableText } from "../helpers/html.js";
import { day, instant, storyMetadata } from "../helpers/storyMetadata.js";

const dates = { ...DEFAULT_DATE_OPTIONS, timeZone: "America/New_York" };

describe("renderByline", () => {
  it("names the authors, linked where they have a page, joined as the locale joins a list", () => {
    const story = storyMetadata({
      authors: [
        { type: "Person", name: "Ana <Reporter>", url: "https://news.example/people/ana/" },
        { type: "Person", name: "Ben" },
        { type: "Organization", name: "Reuters" },
      ],
    });
    const root = parseFragment(renderByline(story, { labels: DEFAULT_LABELS, dates }).toString());
    expect(readableText(root.querySelector(".newsroom-byline__authors"))).toBe("By Ana <Reporter>, Ben, and Reuters");
    const link = root.querySelector("a.newsroom-byline__author")!;
    expect(link.getAttribute("href")).toBe("https://news.example/people/ana/");
    expect(link.getAttribute("rel")).toBe("author");
    const spanish = parseFragment(renderByline(story, { labels: SPANISH_LABELS, dates: { ...dates, locale: "es-MX" } }).toString());
    expect(readableText(spanish.querySelector(".newsroom-byline__authors"))).toBe("Por Ana <Reporter>, Ben y Reuters");
  });

  it("credits the publisher when there is no byline, as the structured data does", () => {
    const story = storyMetadata({ authors: [], publisher: { name: "CNN", url: "https://edition.cnn.com/" } });
    const root = parseFragment(renderByline(story, { labels: DEFAULT_LABELS, dates }).toString());
    expect(readableText(root.querySelector(".newsroom-byline__authors"))).toBe("By CNN");
    expect(root.querySelector("a")?.getAttribute("href")).toBe("https://edition.cnn.com/");
  });

  it("shows a date-only publication as a day, and the update only when it is a later day or time", () => {
    const story = storyMetadata({ published: day("2017-05-18"), modified: undefined });
    const root = parseFragment(renderByline(story, { labels: DEFAULT_LABELS, dates }).toString());
    const time = root.querySelector(".newsroom-byline__published time")!;
    expect(time.getAttribute("datetime")).toBe("2017-05-18");
    expect(readableText(root.querySelector(".newsroom-byline__dates"))).toBe("Published Thu May 18, 2017");
    expect(root.querySelector(".newsroom-byline__updated")).toBeNull();

    const updated = storyMetadata({ published: day("2017-05-18"), modified: instant("2017-05-19T09:05:00-04:00") });
    const withUpdate = parseFragment(renderByline(updated, { labels: DEFAULT_LABELS, dates }).toString());
    expect(withUpdate.querySelector(".newsroom-byline__updated time")?.getAttribute("datetime")).toBe("2017-05-19T09:05:00-04:00");
    expect(readableText(withUpdate.querySelector(".newsroom-byline__updated"))).toBe("Updated 9:05 AM EDT, Fri May 19, 2017");
  });
});
