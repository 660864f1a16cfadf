/**
 * Escaping, by property: for arbitrary text in every field of every element (and in every label), the rendered HTML,
 * parsed by a real HTML parser (jsdom's parse5), is exactly the element's own structure, the text reads back as
 * written, and no element, attribute or URL scheme is injected.
 *
 * How "exactly the element's own structure" is known without restating each renderer: every property renders the
 * element twice, once with the arbitrary text and once with a placeholder (`⟦title⟧`) in each field and label. The two
 * must parse to the same tree of elements with the same attribute names, and every text node and attribute value of
 * the arbitrary one must be the placeholder one's with the placeholders replaced by the arbitrary text. So a renderer
 * can change its markup (the video's is changing) and the properties still hold it to "escaped exactly once".
 *
 * Fields that are Markdown (highlight items, the words of quotes and pull quotes) are compared with markdown-it's own
 * rendering of the same text, parsed the same way: the plugin must neither escape nor unescape what markdown-it made,
 * and nothing may leak out of the element's container. With markdown-it's default `html: false` that is also a proof
 * that author text cannot inject markup. With `html: true` (Eleventy's default) raw HTML is the author's by design,
 * so those properties use text without `<` (unbalanced raw HTML, `</blockquote>`, closes the element early: the
 * author's HTML, as anywhere in Markdown with `html: true`).
 *
 * Characters that HTML cannot carry at all (controls other than whitespace, noncharacters, lone surrogates: the HTML
 * parser drops or replaces them, and they are parse errors) are left out of the round-trip alphabet and have a
 * property of their own, "characters HTML cannot carry": it failed before the parser refused them
 * (`unrepresentableCharacter` in src/values/fields.ts) and now guards that fix.
 *
 * Where a property lets an input be refused, the refusal must be the specific error for that input (a NewsroomError
 * naming the element and the fault, or parseSafeUrl's InvalidValue naming the fault), decided by an oracle written in
 * the test, and the inputs the oracle calls valid must be accepted: a parser that refused everything fails.
 *
 * Runs: 1,000 per property; FAST_CHECK_RUNS=100000 for a long run; FAST_CHECK_SEED (and FAST_CHECK_PATH) from a
 * failure's report replay it.
 */
import fc from "fast-check";
import { JSDOM } from "jsdom";
import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";
import { resolveOptions } from "../../plugin/options.js";
import { createIdRegistry, DEFAULT_LABELS, type Labels, type RenderContext } from "../../src/context.js";
import { parseElement, renderElement } from "../../src/elements/index.js";
import { NewsroomError } from "../../src/errors.js";
import { InvalidValue } from "../../src/values/fields.js";
import type { ElementInput, ElementType } from "../../src/types.js";
import { parseSafeUrl } from "../../src/values/url.js";
import { newsroomMd } from "../helpers/newsroom.js";
import { isCarriable, TIMEOUT, prop } from "../helpers/fastCheck.js";


// ---------------------------------------------------------------------------------------------------------------
// One HTML parser for the whole file: a JSDOM window is costly, a <template> in it is not.

const { document } = new JSDOM("<!doctype html><title>x</title>").window;

/** Parses markup the way a browser parses `innerHTML` (template contents: no implied html/body). */
function parsed(markup: string): HTMLTemplateElement {
  const template = document.createElement("template");
  template.innerHTML = markup;
  return template;
}
const parse = (markup: string): DocumentFragment => parsed(markup).content;

// ---------------------------------------------------------------------------------------------------------------
// Text: hostile pieces, Markdown syntax, any Unicode.

/** Pieces that have broken escaping somewhere before, or mean something to HTML, Markdown, templates or URLs. */
const HOSTILE = [
  "<", ">", '"', "'", "&", "&amp;", "&lt;", "&#39;", "&#x3C;", "&nbsp;", "&#0;", "</script>", "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">', "<svg/onload=alert(1)>", "javascript:", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
  "</li>", "</ul>", "</figure>", "</blockquote>", "</aside>", "</section>", "<!--", "-->", "<![CDATA[", "]]>", "<?php", "`",
  "{source}", "{title}", "{", "}", "{{ x }}", "{% raw %}", ":::", "\\", "*", "**", "_", "~~", "[a](javascript:alert(1))",
  "![x](javascript:alert(1))", "<https://example.com>", "https://example.com", "#", "- ", "> ", "1. ", "|", "---", "    ",
  "\t", "\n", "\r\n", "\r", "\f", " ", "\u00a0", "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\u2028",
  "\u2029", "\u3000", "\ufeff", "e\u0301", "\ufffd", "👩‍👩‍👧", "🇲🇽", "مرحبا بالعالم", "שלום עולם", "漢字", "Ñandú", "ß",
];

const UNCARRIABLE = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000e", "\u001b", "\u001f", "\u007f", "\u0085", "\u009f", "\ufdd0", "\ufffe", "\uffff", "\ud800", "\udfff", "\u{1fffe}"];

const carriableOnly = (text: string) => [...text].filter(isCarriable).join("");

/** One "unit" of text: a hostile piece, or any single code point. */
const anyUnit = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: fc.constantFrom(...UNCARRIABLE), weight: 1 },
);

/** Any text, including what HTML cannot carry. */
const anyText = fc.string({ unit: anyUnit, maxLength: 24 });
/** Text that HTML can carry: the round-trip alphabet. */
const text = anyText.map(carriableOnly);
/** A field's text that parsing keeps (not blank). */
const fieldText = text.filter((value) => value.trim() !== "");
/** One line (for a `:::` attribute, or a highlight, which is one line of inline Markdown). */
const lineText = fieldText.map((value) => value.replace(/[\r\n]+/g, " ")).filter((value) => value.trim() !== "");

/** HTML reads CR and CR LF as LF (its input stream preprocessing), whatever the plugin writes. */
const asParsed = (value: string) => value.replace(/\r\n?/g, "\n");

// ---------------------------------------------------------------------------------------------------------------
// Labels: arbitrary text around the same `{placeholders}` the default label has.

type LabelKey = keyof Labels;
const LABEL_KEYS = Object.keys(DEFAULT_LABELS) as LabelKey[];
const placeholdersOf = (label: string) => [...label.matchAll(/\{\w+\}/g)].map((match) => match[0]);

/** A label is [segment, {placeholder}, segment, …]; segments hold no `{word}` of their own. */
const labelSegments = (key: LabelKey) =>
  fc.array(text.map((segment) => segment.replace(/\{\w+\}/g, "")), {
    minLength: placeholdersOf(DEFAULT_LABELS[key]).length + 1,
    maxLength: placeholdersOf(DEFAULT_LABELS[key]).length + 1,
  });

function joinLabel(key: LabelKey, segments: readonly string[]): string {
  const placeholders = placeholdersOf(DEFAULT_LABELS[key]);
  return segments.map((segment, index) => segment + (placeholders[index] ?? "")).join("");
}

/** Every label, arbitrary (but not blank, which options reject), with the segment texts for the placeholder version. */
const labelsArbitrary = fc
  .record(Object.fromEntries(LABEL_KEYS.map((key) => [key, labelSegments(key)])) as Record<LabelKey, fc.Arbitrary<string[]>>)
  .filter((segments) => LABEL_KEYS.every((key) => joinLabel(key, segments[key]).trim() !== ""));

interface Rendering {
  /** Placeholder name → the text it stands for. */
  values: Record<string, string>;
  labels: Labels;
  placeholderLabels: Labels;
}

function labelRendering(segments: Record<LabelKey, string[]>): Rendering {
  const values: Record<string, string> = {};
  const labels = {} as Record<LabelKey, string>;
  const placeholderLabels = {} as Record<LabelKey, string>;
  for (const key of LABEL_KEYS) {
    labels[key] = joinLabel(key, segments[key]);
    placeholderLabels[key] = joinLabel(
      key,
      segments[key].map((segment, index) => {
        values[`label.${key}.${index}`] = segment;
        return `⟦label.${key}.${index}⟧`;
      }),
    );
  }
  return { values, labels, placeholderLabels };
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering and comparing.

const plainMarkdown = new MarkdownIt(); // markdown-it's default: html: false
const htmlMarkdown = new MarkdownIt({ html: true }); // Eleventy's default

function context(labels: Labels, markdown: MarkdownIt = plainMarkdown, headingLevel: RenderContext["headingLevel"] = 2): RenderContext {
  return { markdown, labels, ids: createIdRegistry(), headingLevel };
}

function render(type: ElementType, input: ElementInput, renderContext: RenderContext): string {
  return renderElement(parseElement(type, input), renderContext).toString();
}

/** Containers whose content is the site's Markdown rendering: compared with markdown-it, not with the placeholder. */
const MARKDOWN_CONTAINERS = ["newsroom-highlights__item", "newsroom-quote__text", "newsroom-pullquote__text"];
const isMarkdownContainer = (element: Element) => MARKDOWN_CONTAINERS.some((name) => element.classList.contains(name));

/**
 * A fragment as lines, one per element (tag, and attributes with values, sorted by name) and one per text node, indented
 * by depth, not descending into Markdown containers. `fill` turns the placeholder rendering into what is expected.
 */
function describeTree(root: ParentNode, fill: (text: string) => string = (text) => text): string[] {
  const lines: string[] = [];
  const walk = (node: ParentNode, depth: number) => {
    const indent = "  ".repeat(depth);
    for (const child of node.childNodes) {
      if (child.nodeType === child.TEXT_NODE) {
        lines.push(`${indent}${JSON.stringify(fill((child as Text).data))}`);
      } else if (child.nodeType === child.ELEMENT_NODE) {
        const element = child as Element;
        const attributes = element.getAttributeNames().sort().map((name) => ` ${name}=${JSON.stringify(fill(element.getAttribute(name)!))}`);
        lines.push(`${indent}<${element.localName}${attributes.join("")}>`);
        if (!isMarkdownContainer(element)) walk(element, depth + 1);
      } else {
        lines.push(`${indent}<!-- node of type ${child.nodeType} -->`);
      }
    }
  };
  walk(root, 0);
  return lines;
}

/**
 * The arbitrary rendering parses to the placeholder rendering's tree (same elements, same attributes, nothing more),
 * and every text node and attribute value is the placeholder one's with the placeholders filled in.
 */
function expectSameElement(markup: string, placeholderMarkup: string, values: Readonly<Record<string, string>>): DocumentFragment {
  const fill = (template: string) =>
    template.replace(/⟦([^⟧]+)⟧/g, (_whole, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`no value for the placeholder ${name}`);
      return asParsed(value);
    });
  const actual = parse(markup);
  expect(describeTree(actual)).toEqual(describeTree(parse(placeholderMarkup), fill));
  return actual;
}

/** A Markdown container holds exactly what markdown-it makes of the text (after the renderer's one leading newline). */
function expectMarkdownContent(container: Element | null | undefined, markdownOutput: HTMLTemplateElement, leadingNewline: boolean): void {
  expect(container).toBeTruthy();
  expect(container!.innerHTML).toBe((leadingNewline ? "\n" : "") + markdownOutput.innerHTML);
}

const MARKDOWN_ELEMENTS = new Set(["p", "em", "strong", "s", "code", "pre", "a", "img", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "table", "thead", "tbody", "tr", "th", "td"]);
const MARKDOWN_ATTRIBUTES = new Set(["href", "title", "src", "alt", "start", "style", "class"]);
/** markdown-it's validateLink: no javascript:, vbscript:, file:, and data: only for images. */
const FORBIDDEN_IN_MARKDOWN = /^(javascript|vbscript|file):$/;

/** With `html: false`, markdown-it's output holds only Markdown's own elements, attributes and link schemes. */
function expectOnlyMarkdown(container: Element): void {
  const problems: string[] = [];
  for (const element of container.querySelectorAll("*")) {
    if (!MARKDOWN_ELEMENTS.has(element.localName)) problems.push(`element ${element.outerHTML}`);
    for (const name of element.getAttributeNames()) {
      if (!MARKDOWN_ATTRIBUTES.has(name)) problems.push(`attribute ${name} on ${element.outerHTML}`);
      if (name !== "href" && name !== "src") continue;
      const resolved = safeParseUrl(element.getAttribute(name)!, "https://site.example/story/");
      if (!resolved) continue;
      if (FORBIDDEN_IN_MARKDOWN.test(resolved.protocol)) problems.push(`${name}="${resolved.href}"`);
      if (resolved.protocol === "data:" && !/^data:image\/(gif|png|jpeg|webp);/.test(resolved.href)) problems.push(`${name}="${resolved.href}"`);
    }
  }
  expect(problems).toEqual([]);
}

function safeParseUrl(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/** Attributes that hold an address a browser would load or navigate to. */
const URL_ATTRIBUTES = new Set(["href", "src", "poster", "srcset", "cite", "action", "formaction", "data", "ping", "background", "xlink:href"]);
const isUrlAttribute = (name: string) => URL_ATTRIBUTES.has(name) || (name.startsWith("data-") && /url|src|href|embed|poster/.test(name));

/** The plugin's own addresses are https: (with a host) or a path on the site, as a browser resolves them. */
function expectSafeUrls(root: ParentNode, skip: (element: Element) => boolean = () => false): void {
  const problems: string[] = [];
  for (const element of root.querySelectorAll("*")) {
    if (skip(element)) continue;
    for (const name of element.getAttributeNames().filter(isUrlAttribute)) {
      const value = element.getAttribute(name)!;
      const resolved = safeParseUrl(value, "https://site.example/stories/a-story/");
      const safe = value.startsWith("/")
        ? resolved?.origin === "https://site.example"
        : resolved?.protocol === "https:" && resolved.hostname !== "";
      if (!safe) problems.push(`<${element.localName} ${name}=${JSON.stringify(value)}>`);
    }
  }
  expect(problems).toEqual([]);
}
const insideMarkdown = (element: Element) => element.closest(MARKDOWN_CONTAINERS.map((name) => `.${name}`).join(",")) !== null;

// ---------------------------------------------------------------------------------------------------------------
// Refusals: the specific error, never "anything thrown".

/** `text` as a regular expression that matches exactly it. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** "U+0000" for a character, as the plugin's errors name it. */
const codePointName = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** `error` is the plugin's error for `element`, and its problem is the fault `problem` describes. */
function expectNewsroomError(error: unknown, element: string, problem: RegExp): void {
  expect(error).toBeInstanceOf(NewsroomError);
  const { element: actualElement, problem: actualProblem } = error as NewsroomError;
  expect({ element: actualElement, problem: actualProblem }).toEqual({ element, problem: expect.stringMatching(problem) });
}

/** What `run` threw; fails when it throws nothing (`what` names the input). */
function thrownBy(run: () => unknown, what: string): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return expect.fail(`${what} was accepted, not refused`);
}

/** A pull quote's refusal of words that render something focusable. */
const FOCUSABLE_WORDS = /^the words contain a link or another focusable element\b/;

/** What a browser lets a keyboard reach: the oracle for "focusable" in rendered words (written apart from src/). */
const FOCUSABLE_SELECTOR = "a[href], area[href], button, input, select, textarea, iframe, object, embed, video[controls], audio[controls], summary, [tabindex], [contenteditable]";
const focusableIn = (markup: string) => parse(markup).querySelector(FOCUSABLE_SELECTOR);

/** How many of a property's runs were accepted: so a property that lets inputs be refused cannot pass by refusing all. */
interface Acceptance {
  tried: number;
  accepted: number;
}
/** At least `share` of the runs were accepted (of 1,000 runs, at least share × 1,000; a replay of one run is exempt). */
function expectShareAccepted({ tried, accepted }: Acceptance, share: number): void {
  expect(accepted, `${accepted} of ${tried} generated inputs accepted`).toBeGreaterThanOrEqual(Math.floor(tried * share));
}


// ---------------------------------------------------------------------------------------------------------------

describe("escaping, by property", () => {
  test(
    "highlights: items (inline Markdown) are markdown-it's own rendering; the heading label round-trips",
    () => {
      const arbitrary = fc.record({
        items: fc.array(lineText, { minLength: 1, maxLength: 5 }),
        labels: labelsArbitrary,
        headingLevel: fc.constantFrom(2, 3, 4, 5, 6) as fc.Arbitrary<RenderContext["headingLevel"]>,
      });
      prop(arbitrary, ({ items, labels: segments, headingLevel }) => {
        const { values, labels, placeholderLabels } = labelRendering(segments);
        const element = parseElement("highlights", { items });
        expect(element.items).toEqual(items.map((item) => item.trim()));
        const markup = render("highlights", { items }, context(labels, plainMarkdown, headingLevel));
        const placeholder = render("highlights", { items: items.map((_item, index) => `⟦item${index}⟧`) }, context(placeholderLabels, plainMarkdown, headingLevel));
        const fragment = expectSameElement(markup, placeholder, values);
        // One parse for all items: markdown-it's inline rendering of each, as list items.
        const expected = parsed(element.items.map((item) => `<li class="newsroom-highlights__item">${plainMarkdown.renderInline(item)}</li>`).join(""));
        const listItems = [...fragment.querySelectorAll(".newsroom-highlights__item")];
        expect(listItems.map((item) => item.outerHTML).join("")).toBe(expected.innerHTML);
        for (const item of listItems) expectOnlyMarkdown(item);
        expectSafeUrls(fragment, insideMarkdown);
      });
    },
    TIMEOUT,
  );

  test.each(["quote", "pullquote"] as const)(
    "%s: speaker and role round-trip; the words are markdown-it's own rendering and nothing leaks out of the element",
    (type) => {
      const arbitrary = fc.record({
        words: fc.array(fc.oneof(fieldText, fc.constantFrom("\n\n", "\n- ", "\n> ", "\n```\n", "\n    code\n\n")), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")),
        speaker: fieldText,
        role: fc.option(fieldText, { nil: undefined }),
        labels: labelsArbitrary,
      });
      prop(arbitrary, ({ words, speaker, role, labels: segments }) => {
        fc.pre(words.trim() !== "");
        const { values, labels, placeholderLabels } = labelRendering(segments);
        const input = { text: words, speaker, ...(role === undefined ? {} : { role }) };
        const element = parseElement(type, input);
        expect([element.text, element.speaker, element.role]).toEqual([words.trim(), speaker.trim(), role?.trim()]);
        const rendered = parsed(plainMarkdown.render(element.text));
        const focusable = rendered.content.querySelector("a, button, input, select, textarea, iframe, video, audio, [tabindex], [contenteditable]");
        let markup: string;
        try {
          markup = render(type, input, context(labels));
        } catch (error) {
          // A pull quote is hidden from assistive technology, so it refuses words that render something focusable.
          expect(error).toBeInstanceOf(NewsroomError);
          expect([type, focusable !== null]).toEqual(["pullquote", true]);
          expectNewsroomError(error, "pullquote", FOCUSABLE_WORDS);
          return;
        }
        if (type === "pullquote") expect(focusable).toBeNull();
        const placeholderInput = { text: "⟦words⟧", speaker: "⟦speaker⟧", ...(role === undefined ? {} : { role: "⟦role⟧" }) };
        const fragment = expectSameElement(markup, render(type, placeholderInput, context(placeholderLabels)), { ...values, speaker: element.speaker, role: element.role ?? "" });
        const container = fragment.querySelector(`.newsroom-${type}__text`);
        expectMarkdownContent(container, rendered, true);
        expectOnlyMarkdown(container!);
        expectSafeUrls(fragment, insideMarkdown);
      });
    },
    TIMEOUT,
  );

  test(
    "quote and pull quote with Eleventy's markdown-it (html: true): text without raw HTML behaves the same",
    () => {
      const noTags = fieldText.map((value) => value.replace(/</g, "＜")).filter((value) => value.trim() !== "");
      prop(fc.record({ type: fc.constantFrom("quote" as const, "pullquote" as const), words: noTags, speaker: fieldText }), ({ type, words, speaker }) => {
        const input = { text: words, speaker };
        const element = parseElement(type, input);
        const rendered = parsed(htmlMarkdown.render(element.text));
        // Without "<" the words hold no raw HTML, but a Markdown link is still focusable: the oracle is the parsed output.
        const focusable = rendered.content.querySelector(FOCUSABLE_SELECTOR);
        let markup: string;
        try {
          markup = render(type, input, context(DEFAULT_LABELS, htmlMarkdown));
        } catch (error) {
          expect(error).toBeInstanceOf(NewsroomError);
          expect(type).toBe("pullquote");
          expect(focusable?.outerHTML ?? null, "a pull quote is refused only for words that render something focusable").not.toBeNull();
          expectNewsroomError(error, "pullquote", FOCUSABLE_WORDS);
          return;
        }
        if (type === "pullquote") expect(focusable?.outerHTML ?? null).toBeNull();
        const fragment = expectSameElement(markup, render(type, { text: "⟦words⟧", speaker: "⟦speaker⟧" }, context(DEFAULT_LABELS, htmlMarkdown)), { speaker: element.speaker });
        expectMarkdownContent(fragment.querySelector(`.newsroom-${type}__text`), rendered, true);
      });
    },
    TIMEOUT,
  );

  const VIDEO_ADDRESSES = {
    youtube: "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90",
    vimeo: "https://vimeo.com/76979871",
    file: "/media/briefing.mp4",
    page: "https://edition.cnn.com/2017/05/18/politics/tillerson-mexico-drug-trade/index.html",
  };

  test(
    "video, for every provider: title, source, description, posterCredit and posterAlt round-trip; only https: or site paths",
    () => {
      const optional = fc.option(fieldText, { nil: undefined });
      const arbitrary = fc.record({
        provider: fc.constantFrom(...(Object.keys(VIDEO_ADDRESSES) as Array<keyof typeof VIDEO_ADDRESSES>)),
        title: fieldText,
        source: optional,
        description: optional,
        posterCredit: optional,
        posterAlt: fc.option(text, { nil: undefined }),
        duration: fc.option(fc.constantFrom("1:45", "1:02:03", "PT30S"), { nil: undefined }),
        lead: fc.boolean(),
        labels: labelsArbitrary,
      });
      prop(arbitrary, ({ provider, title, source, description, posterCredit, posterAlt, duration, lead, labels: segments }) => {
        const { values, labels, placeholderLabels } = labelRendering(segments);
        const fields = { title, source, description, posterCredit, posterAlt };
        const input: Record<string, string> = { url: VIDEO_ADDRESSES[provider] };
        const placeholderInput: Record<string, string> = { url: VIDEO_ADDRESSES[provider] };
        for (const [name, value] of Object.entries(fields)) {
          if (value === undefined) continue;
          input[name] = value;
          // An empty posterAlt (a decorative poster) stays empty in both renderings.
          placeholderInput[name] = name === "posterAlt" && value.trim() === "" ? "" : `⟦${name}⟧`;
        }
        if (posterAlt !== undefined) input["poster"] = placeholderInput["poster"] = "/media/poster.jpg";
        if (duration !== undefined) input["duration"] = placeholderInput["duration"] = duration;
        const element = parseElement("video", input);
        for (const name of Object.keys(fields) as Array<keyof typeof fields>) {
          const written = fields[name]?.trim();
          expect([name, element[name]]).toEqual([name, written === "" && name !== "posterAlt" ? undefined : written]);
          if (written !== undefined) values[name] = written;
        }
        const renderContext = (withLabels: Labels) => ({ ...context(withLabels), lead });
        const markup = render("video", input, renderContext(labels));
        const fragment = expectSameElement(markup, render("video", placeholderInput, renderContext(placeholderLabels)), values);
        expectSafeUrls(fragment);
      });
    },
    TIMEOUT,
  );

  test(
    "dateline: the text and the separator label round-trip",
    () => {
      prop(fc.record({ dateline: fieldText, labels: labelsArbitrary }), ({ dateline, labels: segments }) => {
        const expected = dateline.trim().replace(/\s*[—–-]+$/, "");
        fc.pre(expected !== "");
        const { values, labels, placeholderLabels } = labelRendering(segments);
        expect(parseElement("dateline", { text: dateline }).text).toBe(expected);
        expectSameElement(render("dateline", { text: dateline }, context(labels)), render("dateline", { text: "⟦text⟧" }, context(placeholderLabels)), { ...values, text: expected });
      });
    },
    TIMEOUT,
  );

  test(
    "labels: the options keep every label exactly as given",
    () => {
      prop(labelsArbitrary, (segments) => {
        const { labels } = labelRendering(segments);
        expect(resolveOptions({ labels }).labels).toEqual(labels);
      });
    },
    TIMEOUT,
  );

  test(
    "the ::: syntax: attribute values (quoted, with \\\" and \\\\) reach the element as written",
    () => {
      const md = newsroomMd();
      const attribute = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
      prop(fc.record({ speaker: lineText, role: lineText, title: lineText }), ({ speaker, role, title }) => {
        const source = `::: quote speaker=${attribute(speaker)} role=${attribute(role)}\nWords.\n:::\n\n::: video url="https://vimeo.com/1" title=${attribute(title)}\n:::\n`;
        const fragment = parse(md.render(source));
        const read = (value: string) => value.trim();
        expect([
          fragment.querySelector(".newsroom-attribution__speaker")?.textContent,
          fragment.querySelector(".newsroom-attribution__role")?.textContent,
          fragment.querySelector(".newsroom-video__title")?.textContent,
        ]).toEqual([read(speaker), read(role), read(title)]);
        expect(fragment.querySelectorAll("figure")).toHaveLength(2);
      });
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------------------------

describe("addresses, by property", () => {
  /** Pieces of addresses, safe and not. */
  const URL_PIECES = [
    "https:", "https://", "HTTPS://", "http:", "http://", "//", "/", "\\", "javascript:", "data:", "vbscript:", "file:", "blob:",
    ":", "@", "example.com", "localhost", "127.0.0.1", "[::1]", "%2F", "%5C", "%0a", "%09", "%00", "?", "#", "..", ".", "a", "1",
    " ", "\t", "\n", "\r", "\u0000", "\u0001", "\u001f", "\u007f", "\u00a0", "\u2028", "\u3000", "\ufeff", "＜", "ｊａｖａｓｃｒｉｐｔ:",
    "alert(1)", "<", '"', "'", "&",
  ];
  const urlLike = fc.oneof(
    fc.string({ unit: fc.constantFrom(...URL_PIECES), maxLength: 12 }),
    fc.webUrl({ validSchemes: ["https", "http", "ftp", "javascript", "data"], withQueryParameters: true, withFragments: true }),
    fc.string({ unit: "binary", maxLength: 20 }),
  );

  /** What a browser does with the address in an attribute of a page on the site. */
  function expectSafeAddress(accepted: string): void {
    const resolved = new URL(accepted, "https://site.example/stories/a-story/");
    if (accepted.startsWith("/")) {
      expect(accepted.startsWith("//")).toBe(false);
      expect(resolved.origin).toBe("https://site.example");
    } else {
      expect(new URL(accepted).protocol).toBe("https:");
      expect(resolved.protocol).toBe("https:");
      expect(resolved.hostname).not.toBe("");
    }
  }

  /**
   * The oracle: what parseSafeUrl must do with `written`, by its rule (URL_RULE) written out here: accept it, trimmed,
   * or refuse it with an InvalidValue whose problem is `fault` (a regular expression's source, the whole problem).
   */
  type UrlOutcome = { accepted: string } | { refused: string };
  function expectedUrlOutcome(written: string): UrlOutcome {
    const text = written.trim();
    // Whitespace or controls a browser would strip (revealing another scheme), and backslashes it reads as "/".
    // eslint-disable-next-line no-control-regex
    if (/[\s\u0000-\u001f\u007f\\]/.test(text)) return { refused: `${literally(JSON.stringify(text))} contains spaces, control characters or backslashes` };
    if (text.startsWith("/") && !text.startsWith("//")) return { accepted: text };
    const url = safeParseUrl(text);
    if (url === undefined) return { refused: `"${literally(text)}" is neither an absolute address nor a path starting with "\\/"` };
    if (url.protocol !== "https:") return { refused: `"${literally(text)}" uses "${literally(url.protocol)}", which is not allowed` };
    if (url.hostname === "") return { refused: `"${literally(text)}" has no host name` };
    return { accepted: text };
  }

  /** What parseSafeUrl did: the address it accepted, or the problem of the InvalidValue it threw (anything else fails). */
  function urlOutcome(written: string): { accepted: string } | { refused: string } {
    try {
      return { accepted: parseSafeUrl(written) };
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidValue);
      return { refused: (error as InvalidValue).problem };
    }
  }

  /** The oracle's outcome as a matcher for `urlOutcome`'s. */
  const matching = (expected: UrlOutcome) => ("accepted" in expected ? expected : { refused: expect.stringMatching(new RegExp(`^${expected.refused}$`)) });

  test(
    "parseSafeUrl accepts only https: addresses with a host and paths on the site (not //host), for arbitrary strings",
    () => {
      const acceptance: Acceptance = { tried: 0, accepted: 0 };
      prop(urlLike, (written) => {
        acceptance.tried++;
        const outcome = urlOutcome(written);
        // Refused exactly when the oracle refuses, and for the fault it names; accepted exactly when it accepts.
        expect(outcome, JSON.stringify(written)).toEqual(matching(expectedUrlOutcome(written)));
        if (!("accepted" in outcome)) return;
        acceptance.accepted++;
        const accepted = outcome.accepted;
        expect(accepted).toBe(written.trim());
        expectSafeAddress(accepted);
      });
      // About 8% of these strings are safe addresses (most are not): a parser that refused them all would fail here.
      expectShareAccepted(acceptance, 0.03);
    },
    TIMEOUT,
  );

  test(
    "parseSafeUrl accepts every https: address with a host and every site path, with white space around them",
    () => {
      const sitePath = fc
        .string({ unit: fc.oneof(fc.constantFrom(...HOSTILE, ...URL_PIECES), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), maxLength: 12 })
        // eslint-disable-next-line no-control-regex
        .map((path) => `/${path.replace(/[\s\u0000-\u001f\u007f\\]/g, "").replace(/^\/+/, "")}`);
      const safe = fc.oneof(sitePath, fc.webUrl({ validSchemes: ["https"], withQueryParameters: true, withFragments: true }));
      const space = fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "\ufeff"), maxLength: 3 });
      prop(fc.tuple(space, safe, space), ([before, address, after]) => {
        expect(expectedUrlOutcome(before + address + after), "the oracle calls it safe").toEqual({ accepted: address });
        expect(urlOutcome(before + address + after), JSON.stringify(before + address + after)).toEqual({ accepted: address });
        expectSafeAddress(address);
      });
    },
    TIMEOUT,
  );

  test(
    "parseSafeUrl refuses dangerous schemes however they are disguised (case, leading spaces and controls, tabs and newlines inside)",
    () => {
      const disguise = fc.record({
        leading: fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\r", "\f", "\u0000", "\u0001", "\u001f", "\u000b", "\u00a0", "\ufeff", "\u2028"), maxLength: 4 }),
        scheme: fc.constantFrom("javascript:", "data:", "vbscript:", "file:", "http:", "blob:", "about:", "ftp:", "ws:", "wss:", "view-source:", "//", "\\\\", "/\\", "\\/"),
        upper: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        inserted: fc.array(fc.record({ at: fc.nat(15), character: fc.constantFrom("\t", "\n", "\r", "\u0000", "") }), { maxLength: 3 }),
        rest: fc.constantFrom("alert(1)", "//evil.example/", "text/html,<script>alert(1)</script>", "text/html;base64,PHNjcmlwdD4=", "evil.example/x", "%0aalert(1)", ""),
      });
      prop(disguise, ({ leading, scheme, upper, inserted, rest }) => {
        let mutated = [...scheme].map((character, index) => (upper[index] ? character.toUpperCase() : character)).join("");
        for (const { at, character } of inserted) mutated = mutated.slice(0, at % (mutated.length + 1)) + character + mutated.slice(at % (mutated.length + 1));
        const written = leading + mutated + rest;
        expect(() => parseSafeUrl(written), JSON.stringify(written)).toThrow(InvalidValue);
        // And for the fault the oracle finds in it (a stripped character, no address at all, or a scheme not allowed).
        const expected = expectedUrlOutcome(written);
        expect(expected, `the oracle refuses ${JSON.stringify(written)}`).toHaveProperty("refused");
        expect(urlOutcome(written), JSON.stringify(written)).toEqual(matching(expected));
      });
    },
    TIMEOUT,
  );

  test(
    "a video at any address parseSafeUrl accepts renders only https: or site addresses, and links to what was written",
    () => {
      const pathText = fc.string({ unit: fc.oneof(fc.constantFrom(...HOSTILE, ...URL_PIECES), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), maxLength: 12 });
      const address = fc.oneof(
        pathText.map((path) => `https://example.com/${path}`),
        pathText.map((path) => `/${path}`),
        pathText.map((path) => `/${path}.mp4`),
        fc.webUrl({ validSchemes: ["https"], withQueryParameters: true, withFragments: true }),
      );
      // YouTube and Vimeo read their own addresses (and refuse one without a video id): their properties are elsewhere.
      const PROVIDER_HOSTS = /^(?:(?:www\.|m\.)?youtube(?:-nocookie)?\.com|youtu\.be|(?:www\.|player\.)?vimeo\.com)$/;
      const acceptance: Acceptance = { tried: 0, accepted: 0 };
      prop(fc.record({ url: address, poster: fc.option(address, { nil: undefined }) }), ({ url, poster }) => {
        fc.pre(!PROVIDER_HOSTS.test(safeParseUrl(url.trim(), "https://site.example/")?.hostname ?? ""));
        acceptance.tried++;
        // The oracle: the url is read first, then the poster; the first address parseSafeUrl refuses is the fault.
        const urlExpected = expectedUrlOutcome(url);
        const posterExpected = poster === undefined ? undefined : expectedUrlOutcome(poster);
        const fault =
          "refused" in urlExpected ? `url ${urlExpected.refused}` : posterExpected && "refused" in posterExpected ? `poster ${posterExpected.refused}` : undefined;
        let element;
        try {
          element = parseElement("video", { url, title: "T", ...(poster === undefined ? {} : { poster, posterAlt: "" }) });
        } catch (error) {
          expect(error).toBeInstanceOf(NewsroomError);
          expect(fault, `refused, though the oracle accepts url ${JSON.stringify(url)} and poster ${JSON.stringify(poster)}`).toBeDefined();
          expectNewsroomError(error, "video", new RegExp(`^${fault}$`));
          return;
        }
        expect(fault, "accepted, though the oracle refuses it").toBeUndefined();
        acceptance.accepted++;
        const fragment = parse(renderElement(element, context(DEFAULT_LABELS)).toString());
        expectSafeUrls(fragment);
        expect(fragment.querySelectorAll("figure")).toHaveLength(1);
        expect(fragment.querySelector("script, iframe, object, embed, style")).toBeNull();
        for (const element of fragment.querySelectorAll("*")) expect(element.getAttributeNames().filter((name) => name.startsWith("on"))).toEqual([]);
        if (element.provider.kind === "page" || element.provider.kind === "file") {
          const links = [...fragment.querySelectorAll("a[href], source[src]")].map((link) => link.getAttribute("href") ?? link.getAttribute("src"));
          expect(links).toContain(element.url);
        }
      });
      // About half of these videos have only safe addresses: a parser that refused them all would fail here.
      expectShareAccepted(acceptance, 0.2);
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Properties that found bugs in src/. Each failed when it was written and passes since its fix went in, which it now
// guards: the parser refuses characters HTML cannot carry (`unrepresentableCharacter`, src/values/fields.ts), and a pull quote
// refuses words that render anything focusable (src/elements/pullquote.ts).

describe("bugs found by the escaping properties", () => {
  /** What may come before a pull quote's HTML: nothing, words on the same line, a paragraph. */
  const PULL_QUOTE_PREFIXES = fc.constantFrom("", "Words ", "Words\n\n");

  test(
    "characters HTML cannot carry (controls, noncharacters, lone surrogates) are refused by the parser or never emitted",
    () => {
      const fields: ReadonlyArray<{ type: ElementType; name: string }> = [
        { type: "video", name: "title" },
        { type: "video", name: "description" },
        { type: "quote", name: "speaker" },
        { type: "quote", name: "role" },
        { type: "dateline", name: "text" },
        { type: "highlights", name: "items" },
      ];
      const parts = fc.record({ field: fc.constantFrom(...fields), before: fieldText, character: fc.constantFrom(...UNCARRIABLE), after: fieldText });
      prop(parts, ({ field: { type, name }, before, character, after }) => {
        const base: Record<ElementType, ElementInput> = {
          video: { url: "https://vimeo.com/1", title: "T" },
          quote: { text: "Words.", speaker: "S" },
          pullquote: { text: "Words.", speaker: "S" },
          dateline: { text: "CNN" },
          highlights: { items: ["One"] },
          update: { time: "2017-05-18T21:05:00-04:00", text: "Words." },
        };
        const withValue = (value: string) => ({ ...base[type], [name]: name === "items" ? [value] : value });
        const notCarried = (markup: string) => [...markup].filter((each) => !isCarriable(each)).map(codePointName);
        // The text around the character is carriable and not blank, so the character is the first fault, and not at an end.
        const carriesNot = `${codePointName(character)}, a character HTML cannot carry`;
        const fault = name === "items" ? `item 1 contains ${carriesNot}` : `the field "${name}" contains ${carriesNot}`;
        const input = withValue(`${before}${character}${after}`);
        let element;
        try {
          element = parseElement(type, input);
        } catch (error) {
          expectNewsroomError(error, type, new RegExp(`^${literally(fault)}$`));
          element = undefined;
        }
        if (element !== undefined) expect(notCarried(renderElement(element, context(DEFAULT_LABELS)).toString())).toEqual([]);

        // The same text with a carriable character in its place is accepted and rendered: the character was the fault.
        const valid = `${before}x${after}`;
        if (name === "items" && /\n\s*\n/.test(valid.trim())) {
          // A highlight is one paragraph: the parser refuses a blank line in one, whatever the characters.
          expectNewsroomError(thrownBy(() => parseElement(type, withValue(valid)), JSON.stringify(valid)), type, /^item 1 has more than one paragraph$/);
          return;
        }
        expect(notCarried(render(type, withValue(valid), context(DEFAULT_LABELS)))).toEqual([]);
      });
    },
    TIMEOUT,
  );

  test(
    "a pull quote with Eleventy's markdown-it (html: true) is refused when its words hold anything focusable",
    () => {
      const space = fc.constantFrom(" ", "  ", "\t", "\n");
      const focusable = fc.oneof(
        fc.constantFrom("<a href=/x>x</a>", "<button>x</button>", "<input>", "<select></select>", "<textarea></textarea>", "<iframe></iframe>", "<video controls></video>", "<audio controls></audio>", "<details><summary>x</summary></details>"),
        fc.constantFrom("<object data=/x.svg></object>", "<embed src=/x.svg>", '<map name=m><area href=/x alt=x></map><img usemap=#m src=/x.png alt="">'),
        fc.record({ before: space, after: fc.constantFrom("", " ", "\t"), attribute: fc.constantFrom("tabindex", "TabIndex", "contenteditable") }).map(({ before, after, attribute }) => `<span${before}${attribute}${after}=${after}"0">x</span>`),
      );
      prop(fc.tuple(PULL_QUOTE_PREFIXES, focusable), ([prefix, html]) => {
        const words = `${prefix}${html}`;
        // The oracle: markdown-it's own rendering of the words, parsed, holds something a keyboard can reach.
        expect(focusableIn(htmlMarkdown.render(words))?.outerHTML ?? null, `markdown-it renders ${JSON.stringify(words)} with something focusable`).not.toBeNull();
        let markup: string;
        try {
          markup = render("pullquote", { text: words, speaker: "S" }, context(DEFAULT_LABELS, htmlMarkdown));
        } catch (error) {
          expect(error).toBeInstanceOf(NewsroomError);
          expectNewsroomError(error, "pullquote", FOCUSABLE_WORDS);
          return;
        }
        const found = parse(markup).querySelector(FOCUSABLE_SELECTOR);
        expect(found?.outerHTML ?? null, JSON.stringify(words)).toBeNull();
        expect.fail(`${JSON.stringify(words)} was rendered, not refused`);
      });
    },
    TIMEOUT,
  );

  test(
    "a pull quote with Eleventy's markdown-it (html: true) is accepted when its words hold raw HTML that is not focusable",
    () => {
      // Near misses too: an attribute named like tabindex, "tabindex" as a value, an image without a map.
      const harmless = fc.constantFrom(
        "<b>x</b>", "<em>x</em>", "<kbd>x</kbd>", "<sup>1</sup>", "<span>x</span>", '<span class="a">x</span>', '<span data-tabindex="0">x</span>',
        '<abbr title="tabindex">x</abbr>', '<img src=/x.png alt="">', "Words.",
      );
      prop(fc.tuple(PULL_QUOTE_PREFIXES, harmless), ([prefix, html]) => {
        const words = `${prefix}${html}`;
        expect(focusableIn(htmlMarkdown.render(words))?.outerHTML ?? null, `markdown-it renders ${JSON.stringify(words)} with nothing focusable`).toBeNull();
        const fragment = parse(render("pullquote", { text: words, speaker: "S" }, context(DEFAULT_LABELS, htmlMarkdown)));
        expect(fragment.querySelectorAll("aside.newsroom-pullquote")).toHaveLength(1);
        expect(fragment.querySelector(FOCUSABLE_SELECTOR)?.outerHTML ?? null, JSON.stringify(words)).toBeNull();
      });
    },
    TIMEOUT,
  );
});
