import { describe, expect, it } from "vitest";
import { createIdRegistry, DEFAULT_LABELS } from "../../src/context.js";
import { parseHighlights, renderHighlights } from "../../src/elements/highlights.js";
import { NewsroomError } from "../../src/errors.js";
import { childTags, parseFragment, readableText } from "../helpers/html.js";
import { renderContext, thrown } from "../helpers/newsroom.js";

describe("parseHighlights", () => {
  it("keeps trimmed items and reads numbers as text", () => {
    expect(parseHighlights({ items: ["  First point ", 2017] })).toEqual({ type: "highlights", items: ["First point", "2017"] });
  });

  it.each([
    [{}, "there are no items"],
    [{ items: "one" }, "the highlights are not a list"],
    [{ items: [] }, "the list is empty"],
    [{ items: ["a", ""] }, "item 2 is empty"],
    [{ items: ["a", { text: "b" }] }, "item 2 is not text"],
    [{ items: ["one\n\ntwo"] }, "item 1 has more than one paragraph"],
    [{ items: ["a"], heading: "x" }, 'unknown field "heading"'],
  ])("rejects %j", (input, problem) => {
    const error = thrown(() => parseHighlights(input, { file: "s.md", line: 2 }));
    expect(error).toBeInstanceOf(NewsroomError);
    expect((error as NewsroomError).problem).toContain(problem);
    expect((error as NewsroomError).message).toContain("s.md:2: highlights:");
  });
});

describe("renderHighlights", () => {
  const element = parseHighlights({ items: ["Tillerson says *no* deal", "<script>alert(1)</script> & more"] });

  it("renders a section labelled by its heading, with one list item per highlight", () => {
    const root = parseFragment(renderHighlights(element, renderContext()).toString());
    const section = root.querySelector("section.newsroom-highlights")!;
    expect(section).not.toBeNull();
    expect(childTags(section)).toEqual(["h2", "ul"]);
    const heading = section.querySelector("h2")!;
    expect(heading.id).not.toBe("");
    expect(section.getAttribute("aria-labelledby")).toBe(heading.id);
    expect(root.querySelector(`#${heading.id}`)).toBe(heading);
    expect(readableText(heading)).toBe("Story highlights");
    expect([...section.querySelectorAll("ul > li")].map((li) => readableText(li))).toEqual([
      "Tillerson says no deal",
      "<script>alert(1)</script> & more",
    ]);
  });

  it("renders inline Markdown and keeps HTML in an item as text", () => {
    const root = parseFragment(renderHighlights(element, renderContext()).toString());
    const [first, second] = [...root.querySelectorAll("li")];
    expect(first!.querySelector("em")?.textContent).toBe("no");
    expect(first!.querySelector("p")).toBeNull();
    expect(root.querySelector("script")).toBeNull();
    expect(second!.children).toHaveLength(0);
  });

  it("gives each box on a page its own id", () => {
    const ids = createIdRegistry();
    const context = renderContext({ ids });
    const markup = renderHighlights(element, context).toString() + renderHighlights(element, context).toString();
    const root = parseFragment(markup);
    const sections = [...root.querySelectorAll("section")];
    expect(sections).toHaveLength(2);
    const headingIds = sections.map((section) => section.querySelector("h2")!.id);
    expect(new Set(headingIds).size).toBe(2);
    for (const section of sections) {
      expect(root.querySelectorAll(`[id="${section.getAttribute("aria-labelledby")}"]`)).toHaveLength(1);
    }
  });

  it("uses the context's heading level and label", () => {
    const root = parseFragment(renderHighlights(element, renderContext({ headingLevel: 3, labels: { ...DEFAULT_LABELS, highlightsHeading: "Das Wichtigste" } })).toString());
    expect(root.querySelector("h2")).toBeNull();
    expect(readableText(root.querySelector("section > h3"))).toBe("Das Wichtigste");
  });
});
