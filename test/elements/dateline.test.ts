import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "../../src/context.js";
import { parseDateline, renderDateline } from "../../src/elements/dateline.js";
import { NewsroomError } from "../../src/errors.js";
import { parseFragment, readableText } from "../helpers/html.js";
import { renderContext } from "../helpers/newsroom.js";

describe("parseDateline", () => {
  it.each([
    ["CNN —", "CNN"],
    ["CNN—", "CNN"],
    ["WASHINGTON (CNN) -- ", "WASHINGTON (CNN)"],
    ["Paris –", "Paris"],
    ["Winston-Salem", "Winston-Salem"],
    ["  London  ", "London"],
  ])("reads %j as %j", (text, expected) => {
    expect(parseDateline({ text })).toEqual({ type: "dateline", text: expected });
  });

  it.each([[{ text: "—" }], [{ text: "" }], [{}], [{ text: "CNN", place: "x" }]])("rejects %j", (input) => {
    expect(() => parseDateline(input)).toThrow(NewsroomError);
  });
});

describe("renderDateline", () => {
  it("renders the text and one separator", () => {
    const root = parseFragment(renderDateline(parseDateline({ text: "CNN —" }), renderContext()).toString());
    const p = root.querySelector("p.newsroom-dateline")!;
    expect(readableText(p.querySelector(".newsroom-dateline__text"))).toBe("CNN");
    expect(readableText(p.querySelector(".newsroom-dateline__separator"))).toBe("—");
    expect(readableText(p)).toBe("CNN —");
  });

  it("uses the site's separator and escapes the text", () => {
    const context = renderContext({ labels: { ...DEFAULT_LABELS, datelineSeparator: "|" } });
    const root = parseFragment(renderDateline(parseDateline({ text: "A <b>&</b> B" }), context).toString());
    expect(root.querySelector("b")).toBeNull();
    expect(readableText(root.querySelector("p"))).toBe("A <b>&</b> B |");
  });
});
