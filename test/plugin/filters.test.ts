import { describe, expect, test } from "vitest";
import { buildSite } from "../helpers/eleventy.js";
import { failureOf } from "../helpers/errors.js";
import { parseDocument } from "../helpers/html.js";

const data = "---\nhighlights:\n  - One\nvideo:\n  url: https://vimeo.com/1\n  title: T\n  poster: /p.svg\n  posterAlt: A poster\n---\n";
/** The poster: images on the site are processed, so the file must be there. */
const poster = { "p.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9"/></svg>' };

describe("element filters", () => {
  test('"lead" marks the story\'s lead video: eager, high-priority poster and a modifier class; other videos are lazy', async () => {
    const html = (await buildSite({ ...poster, "a.njk": `${data}{{ video | newsroomVideo("lead") }}{{ video | newsroomVideo }}` })).get("/a/")!.content;
    const [lead, other] = [...parseDocument(html).querySelectorAll("figure.newsroom-video")];
    expect(lead!.classList.contains("newsroom-video--lead")).toBe(true);
    expect([lead!.querySelector("img")!.getAttribute("loading"), lead!.querySelector("img")!.getAttribute("fetchpriority")]).toEqual(["eager", "high"]);
    expect(other!.classList.contains("newsroom-video--lead")).toBe(false);
    expect(other!.querySelector("img")!.getAttribute("loading")).toBe("lazy");
  });

  test("a heading level for highlights, in Nunjucks and Liquid", async () => {
    const pages = await buildSite({ "a.njk": `${data}{{ highlights | newsroomHighlights(3) }}`, "b.liquid": `${data}{{ highlights | newsroomHighlights: 4 }}` });
    expect(parseDocument(pages.get("/a/")!.content).querySelector(".newsroom-highlights__heading")!.tagName).toBe("H3");
    expect(parseDocument(pages.get("/b/")!.content).querySelector(".newsroom-highlights__heading")!.tagName).toBe("H4");
  });

  test('"card" renders highlights for a story card on a listing: a heading, a list, and no landmark region', async () => {
    const html = (await buildSite({ "a.njk": `${data}{{ highlights | newsroomHighlights(3, "card") }}`, "b.liquid": `${data}{{ highlights | newsroomHighlights: 3, "card" }}` }))
      .get("/a/")!.content;
    const box = parseDocument(html).querySelector(".newsroom-highlights")!;
    expect([box.tagName, box.getAttribute("aria-labelledby"), box.querySelector("h3")?.textContent, box.querySelectorAll("li").length]).toEqual(["DIV", null, "Story highlights", 1]);
    expect(box.classList.contains("newsroom-highlights--card")).toBe(true);
  });

  test("an empty or missing value renders nothing", async () => {
    const html = (await buildSite({ "a.njk": "---\nhighlights: []\n---\n[{{ highlights | newsroomHighlights }}{{ video | newsroomVideo }}{{ dateline | newsroomDateline }}]" })).get("/a/")!.content;
    expect(html).toBe("[]");
  });

  test("an argument the filter does not take is an error", async () => {
    expect(await failureOf(buildSite({ "a.njk": `${data}{{ video | newsroomVideo("first") }}` }))).toMatch(
      /a\.njk: filter "newsroomVideo": the argument "first" is not one it takes\. Fix: pass "lead"/,
    );
  });
});
