/**
 * The shortcuts taken for build speed, by property: each gives, for arbitrary input, exactly what the plain way gives
 * (the same value, or the same error). The plain ways are kept here as they were written before the shortcuts: a
 * regular expression pass, a markdown-it parse, a `Map`.
 *
 * Runs: 1,000 per property; FAST_CHECK_RUNS=100000 for a long run; FAST_CHECK_SEED from a failure's report replays it.
 */
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";
import { createIdRegistry, DEFAULT_LABELS } from "../../src/context.js";
import { NewsroomError } from "../../src/errors.js";
import { asMarkdownSafeBlock, trustedHtml } from "../../src/html.js";
import { newsroomMarkdown } from "../../src/markdown.js";
import { repeatsWords, wordsOf } from "../../src/story.js";
import { parseAttributes } from "../../src/syntax/attributes.js";
import { dedent, highlightsFromMarkdown, type MarkdownParser } from "../../src/syntax/body.js";
import { TakeOnceStore } from "../../src/takeOnceStore.js";
import { DEFAULT_NAMES, newsroomMd } from "../helpers/newsroom.js";

const RUNS = Number(process.env["FAST_CHECK_RUNS"] || 1000);
const SEED = process.env["FAST_CHECK_SEED"] ? Number(process.env["FAST_CHECK_SEED"]) : undefined;
const settings: fc.Parameters<unknown> = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };
const TIMEOUT = 60_000 * Math.max(1, RUNS / 1000);

/** Strings over the characters that matter to each reader, with white space of every kind. */
const SPACES = [" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u000b", "\u000c"];
const textOf = (characters: string[], maxLength = 40) => fc.array(fc.constantFrom(...characters), { maxLength }).map((parts) => parts.join(""));

/** What a call gives: its value, or its error's message. */
function outcome<T>(call: () => T): { value: T } | { error: string } {
  try {
    return { value: call() };
  } catch (error) {
    if (!(error instanceof NewsroomError)) throw error;
    return { error: error.message };
  }
}

describe("asMarkdownSafeBlock", () => {
  const plainWay = (text: string) =>
    `${text
      .trimStart()
      .replace(/\n+$/, "")
      .replace(/\n((?:[ \t]*\n)+)/g, (_match, blankLines: string) => "\n" + blankLines.replace(/\n/g, "&#10;"))}\n`;

  test(
    "is the regular expression pass",
    () => {
      fc.assert(
        fc.property(textOf([...SPACES, "<p>", "a", "\n\n", " \n"]), (text) => {
          expect(asMarkdownSafeBlock(trustedHtml(text)).toString()).toBe(plainWay(text));
        }),
        settings,
      );
    },
    TIMEOUT,
  );
});

describe("dedent", () => {
  const plainWay = (text: string) => {
    const lines = text.replace(/^\s*\n/, "").replace(/\s+$/, "").split("\n");
    const indents = lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)![0].length);
    const common = indents.length ? Math.min(...indents) : 0;
    return lines.map((line) => line.slice(common)).join("\n");
  };

  test(
    "is the line-by-line way",
    () => {
      fc.assert(
        fc.property(textOf([...SPACES, "a", "-", "é", "\n  ", "\n\t"]), (text) => {
          expect(dedent(text)).toBe(plainWay(text));
        }),
        settings,
      );
    },
    TIMEOUT,
  );
});

describe("highlightsFromMarkdown", () => {
  /** Hides that the parser is markdown-it, so the items come from the parse. */
  const parseOnly = (md: MarkdownIt): MarkdownParser => ({ parse: (source, env) => md.parse(source, env) });
  const instances: Array<[string, MarkdownIt]> = [
    ["markdown-it with the plugin", newsroomMd()],
    ["markdown-it as Eleventy sets it up, with the plugin", eleventyMd()],
    ["markdown-it's commonmark preset", new MarkdownIt("commonmark")],
    ["markdown-it's zero preset (no lists)", new MarkdownIt("zero")],
    ["markdown-it with an unknown block rule", withLineRule(new MarkdownIt())],
  ];
  const line = fc
    .tuple(
      fc.constantFrom("- ", "* ", "+ ", "-  ", "-\t", "1. ", "", "  - ", "- - ", "- # ", "- > ", "- :::", "-"),
      textOf(["Word", "b", "É", "1", " ", "\t", "\u00a0", "*x*", "|", "---", "\\", "<i>", "[a]", ":"], 8),
    )
    .map(([start, rest]) => start + rest);
  const body = fc.array(line, { minLength: 1, maxLength: 5 }).chain((lines) => fc.constantFrom(lines.join("\n"), `${lines.join("\n")}\n`, `\n  ${lines.join("\n  ")}`, lines.join("\r\n")));

  for (const [name, md] of instances) {
    test(
      `gives the parse's items, or its error, with ${name}`,
      () => {
        fc.assert(
          fc.property(body, (text) => {
            expect(outcome(() => highlightsFromMarkdown(text, md, { line: 1 }))).toEqual(outcome(() => highlightsFromMarkdown(text, parseOnly(md), { line: 1 })));
          }),
          settings,
        );
      },
      TIMEOUT,
    );
  }
});

/** markdown-it as Eleventy makes it (HTML on, indented code off), with the plugin as the adapter adds it. */
function eleventyMd(): MarkdownIt {
  const md = new MarkdownIt({ html: true }).disable("code");
  md.use(newsroomMarkdown, { names: DEFAULT_NAMES, renderContext: () => ({ markdown: md, labels: DEFAULT_LABELS, ids: createIdRegistry(), headingLevel: 2 }) });
  return md;
}

/** A block rule of a site's own: a line "- Word…" is a rule, not a list item. */
function withLineRule(md: MarkdownIt): MarkdownIt {
  md.block.ruler.before("list", "word_rule", (state, startLine, _endLine, silent) => {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    if (!state.src.startsWith("- Word", start)) return false;
    if (!silent) state.push("hr", "hr", 0);
    state.line = startLine + 1;
    return true;
  });
  return md;
}

describe("parseAttributes", () => {
  test(
    "is the character-by-character reader",
    () => {
      const attributeText = textOf(['"', "'", "\\", "=", "a", "b-1", "x_y", " ", "\t", "\u00a0", "é", "“", "9/16", "\u2028"], 24);
      fc.assert(
        fc.property(attributeText, (text) => {
          expect(outcome(() => parseAttributes(text, "quote"))).toEqual(outcome(() => plainParseAttributes(text, "quote")));
        }),
        settings,
      );
    },
    TIMEOUT,
  );
});

describe("repeatsWords (does a pull quote repeat the body?)", () => {
  const alphabet = ["the", "he", "said", " ", ".", "“", "”", "-", "É", "é", "e\u0301", "\u0301", "Σ", "σ", "ς", "\u{1d49c}", "😀", "\ud835", "\udc9c", "1", "*", "\n", "ß"];
  const text = textOf(alphabet, 30);
  const quoteOf = (body: string) =>
    fc.oneof(
      textOf(alphabet, 8),
      fc.tuple(fc.nat(body.length), fc.nat(body.length)).map(([a, b]) => body.slice(Math.min(a, b), Math.max(a, b))),
    );

  test(
    "is the words of the body including the words of the quote",
    () => {
      fc.assert(
        fc.property(
          text.chain((body) => fc.tuple(fc.constant(body), quoteOf(body))),
          ([body, quote]) => {
            expect(repeatsWords(body.toLowerCase().normalize("NFC"), quote)).toBe(wordsOf(body).includes(wordsOf(quote)));
          },
        ),
        settings,
      );
    },
    TIMEOUT,
  );
});

describe("TakeOnceStore", () => {
  test(
    "keeps and hands out values as a Map whose entries are deleted when read",
    () => {
      const key = textOf(["a", "b", "ab", "é", " "], 12);
      const operation = fc.oneof(
        fc.tuple(fc.constant("add" as const), key, fc.integer()),
        fc.tuple(fc.constant("take" as const), key, fc.constant(0)),
        fc.tuple(fc.constant("clear" as const), fc.constant(""), fc.constant(0)),
      );
      fc.assert(
        fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
          const store = new TakeOnceStore<number>(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
          const model = new Map<string, number>();
          for (const [kind, text, value] of operations) {
            if (kind === "add") {
              expect(store.add(text, value)).toBe(!model.has(text));
              if (!model.has(text)) model.set(text, value);
            } else if (kind === "take") {
              expect(store.take(text)).toBe(model.get(text));
              model.delete(text);
            } else {
              store.clear();
              model.clear();
            }
            expect(store.size).toBe(model.size);
          }
        }),
        settings,
      );
    },
    TIMEOUT,
  );

  test("keeps nothing beyond its bounds", () => {
    const store = new TakeOnceStore<number>(10, 1);
    expect(store.add("12345", 1)).toBe(true);
    expect(store.add("12345", 2)).toBe(false);
    expect(store.add("1234567", 3)).toBe(false);
    expect(store.add("abcde", 4)).toBe(true);
    expect(store.take("12345")).toBe(1);
    expect(store.take("12345")).toBeUndefined();
  });
});

/** `parseAttributes` as it was written before the shortcuts (sticky regular expressions, one character at a time). */
function plainParseAttributes(text: string, element: string): Record<string, string> {
  const NAME = /[A-Za-z][A-Za-z0-9_-]*/y;
  const SPACE = /\s*/y;
  const result: Record<string, string> = {};
  const fail = (problem: string, fix: string): never => {
    throw new NewsroomError({ element, problem, fix });
  };
  let position = 0;
  const skipSpace = () => {
    SPACE.lastIndex = position;
    SPACE.exec(text);
    position = SPACE.lastIndex;
  };
  skipSpace();
  while (position < text.length) {
    NAME.lastIndex = position;
    const name = NAME.exec(text)?.[0];
    if (!name) {
      fail(
        `cannot read the attributes at ${JSON.stringify(text.slice(position, position + 30))}`,
        'write attributes as name="value" pairs separated by spaces, in straight quotes (" or \')',
      );
    }
    position += name!.length;
    if (text[position] !== "=") fail(`the attribute "${name}" has no value`, `write ${name}="…"`);
    position++;
    let value = "";
    const quote = text[position];
    if (quote === '"' || quote === "'") {
      position++;
      let closed = false;
      while (position < text.length) {
        const character = text[position]!;
        if (character === "\\" && (text[position + 1] === quote || text[position + 1] === "\\")) {
          value += text[position + 1];
          position += 2;
        } else if (character === quote) {
          position++;
          closed = true;
          break;
        } else {
          value += character;
          position++;
        }
      }
      if (!closed) fail(`the value of "${name}" has no closing ${quote}`, `end the value with ${quote}`);
      if (position < text.length && !/\s/.test(text[position]!)) {
        fail(`the value of "${name}" is followed by ${JSON.stringify(text[position])} without a space`, "separate attributes with a space");
      }
    } else {
      const end = text.slice(position).search(/\s|$/);
      if (end === 0) fail(`the attribute "${name}" has no value`, `write ${name}="…"`);
      value = text.slice(position, position + end);
      if (/["'“”‘’]/.test(value)) {
        fail(`the value of "${name}" has a quote mark inside an unquoted value`, 'put the value in straight quotes: name="value" (curly quotes “ ” do not count)');
      }
      position += end;
    }
    if (Object.hasOwn(result, name!)) fail(`the attribute "${name}" is given twice`, `keep one "${name}"`);
    result[name!] = value;
    skipSpace();
  }
  return result;
}
