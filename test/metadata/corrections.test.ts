import { describe, expect, it } from "vitest";
import { DEFAULT_DATE_OPTIONS } from "../../src/index.js";
import { renderCorrections } from "../../src/metadata/corrections.js";
import { parseFragment, readableText } from "../helpers/html.js";
import { renderContext } from "../helpers/newsroom.js";
import { day } from "../helpers/storyMetadata.js";

describe("renderCorrections", () => {
  it("renders nothing for a story without corrections", () => {
    expect(renderCorrections([], renderContext(), DEFAULT_DATE_OPTIONS).toString()).toBe("");
  });

  it("lists dated notices under a heading that names the region, with the text as inline Markdown", () => {
    const markup = renderCorrections(
      [
        { kind: "update", date: day("2017-05-19"), text: "Adds the minister's *reply*." },
        { kind: "correction", date: day("2017-05-20"), text: "Kelly's title was <wrong>." },
      ],
      renderContext({ headingLevel: 3 }),
      DEFAULT_DATE_OPTIONS,
    ).toString();
    const root = parseFragment(markup);
    const section = root.querySelector("section.newsroom-corrections")!;
    const heading = section.querySelector("h3")!;
    expect(section.getAttribute("aria-labelledby")).toBe(heading.id);
    expect(readableText(heading)).toBe("Corrections and updates");
    const items = [...section.querySelectorAll("li")];
    expect(items.map((item) => readableText(item))).toEqual([
      "Update, Fri May 19, 2017: Adds the minister's reply.",
      "Correction, Sat May 20, 2017: Kelly's title was <wrong>.",
    ]);
    expect(items[0]!.querySelector("em")?.textContent).toBe("reply");
    expect(items[1]!.querySelector("time")?.getAttribute("datetime")).toBe("2017-05-20");
    expect(items[1]!.classList.contains("newsroom-corrections__item--correction")).toBe(true);
  });
});
