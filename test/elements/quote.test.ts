import { describe, expect, it } from "vitest";
import { parseQuote, renderQuote } from "../../src/elements/quote.js";
import { NewsroomError } from "../../src/errors.js";
import { childTags, parseFragment, readableText } from "../helpers/html.js";
import { renderContext, thrown } from "../helpers/newsroom.js";

function quoteError(input: Record<string, unknown>): NewsroomError {
  const error = thrown(() => parseQuote(input));
  expect(error).toBeInstanceOf(NewsroomError);
  return error as NewsroomError;
}

describe("parseQuote", () => {
  it("reads the words, speaker and role, trimmed", () => {
    expect(parseQuote({ text: " We are *not* leaving. ", speaker: " Rex Tillerson ", role: "US Secretary of State" })).toEqual({
      type: "quote",
      text: "We are *not* leaving.",
      speaker: "Rex Tillerson",
      role: "US Secretary of State",
    });
  });

  it("treats an empty role as no role", () => {
    expect(parseQuote({ text: "x", speaker: "A", role: "  " }).role).toBeUndefined();
  });

  it("requires a speaker, and names the quote and the field", () => {
    const error = quoteError({ text: "Words." });
    expect(error.element).toBe("quote");
    expect(error.message).toContain("quote:");
    expect(error.message).toContain('"speaker"');
    expect(error.problem).toContain("missing");
  });

  it.each([[{ speaker: "A" }], [{ text: "   ", speaker: "A" }]])("rejects a quote without words: %j", (input) => {
    expect(quoteError(input).problem).toBe("the quote has no words");
  });

  it("rejects unknown fields", () => {
    expect(quoteError({ text: "x", speaker: "A", cite: "B" }).problem).toBe('unknown field "cite"');
  });
});

describe("renderQuote", () => {
  it("renders a figure with the words in a blockquote and the attribution in a figcaption", () => {
    const quote = parseQuote({ text: "We are *not* leaving.", speaker: "Rex Tillerson", role: "US Secretary of State" });
    const root = parseFragment(renderQuote(quote, renderContext()).toString());
    const figure = root.querySelector("figure.newsroom-quote")!;
    expect(figure).not.toBeNull();
    expect(childTags(figure)).toEqual(["blockquote", "figcaption"]);
    const blockquote = figure.querySelector(":scope > blockquote")!;
    expect(blockquote.querySelector("p > em")?.textContent).toBe("not");
    expect(readableText(blockquote)).toBe("We are not leaving.");
    expect(blockquote.textContent).not.toContain("Tillerson");
    const caption = figure.querySelector(":scope > figcaption")!;
    expect(readableText(caption)).toBe("Rex Tillerson, US Secretary of State");
    expect(readableText(caption.querySelector(".newsroom-attribution__speaker"))).toBe("Rex Tillerson");
    expect(readableText(caption.querySelector(".newsroom-attribution__role"))).toBe("US Secretary of State");
    expect(root.querySelector("cite")).toBeNull();
  });

  it("renders the speaker alone when there is no role", () => {
    const root = parseFragment(renderQuote(parseQuote({ text: "Yes.", speaker: "A. Person" }), renderContext()).toString());
    expect(readableText(root.querySelector("figcaption"))).toBe("A. Person");
    expect(root.querySelector(".newsroom-attribution__role")).toBeNull();
    expect(root.querySelector(".newsroom-attribution__separator")).toBeNull();
  });

  it("escapes the speaker and role", () => {
    const root = parseFragment(renderQuote(parseQuote({ text: "x", speaker: "<b>Bold</b>", role: "R&D" }), renderContext()).toString());
    const caption = root.querySelector("figcaption")!;
    expect(caption.querySelector("b")).toBeNull();
    expect(readableText(caption)).toBe("<b>Bold</b>, R&D");
  });
});

describe("words in another language", () => {
  const render = (lang: string) =>
    parseFragment(renderQuote(parseQuote({ text: "Palabras.", speaker: "Luis Videgaray", lang }), renderContext()).toString()).querySelector("blockquote")!;

  it.each([
    ["es-MX", "ltr"],
    ["ar", "rtl"],
    ["he-IL", "rtl"],
    ["ku-Arab", "rtl"],
    ["sr-Latn-RS", "ltr"],
  ])("marks %s words with lang and dir=%s", (lang, dir) => {
    const blockquote = render(lang);
    expect([blockquote.getAttribute("lang"), blockquote.getAttribute("dir")]).toEqual([lang, dir]);
  });

  it("leaves lang and dir out when the words are in the page's language", () => {
    const blockquote = parseFragment(renderQuote(parseQuote({ text: "Words.", speaker: "A" }), renderContext()).toString()).querySelector("blockquote")!;
    expect([blockquote.hasAttribute("lang"), blockquote.hasAttribute("dir")]).toEqual([false, false]);
  });

  it("refuses a lang that is not a language tag", () => {
    expect(() => parseQuote({ text: "Words.", speaker: "A", lang: "Spanish" })).toThrow(/lang "Spanish" is not a language tag/);
  });
});
