/**
 * The shortcuts taken for build speed, by property: each gives, for arbitrary input, exactly what the plain way gives
 * (the same value, or the same error). The plain ways are kept here as they were written before the shortcuts: a
 * regular expression pass, a markdown-it parse or render, a `Map`, the URL API, a walk over every code point.
 *
 * Runs: 1,000 per property; FAST_CHECK_RUNS=100000 for a long run; FAST_CHECK_SEED from a failure's report replays it.
 */
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";
import { createIdRegistry, DEFAULT_LABELS, fillLabel, type IdRegistry } from "../../src/context.js";
import { NewsroomError } from "../../src/errors.js";
import { asMarkdownSafeBlock, escapeHtml, trustedHtml } from "../../src/html.js";
import { InvalidValue, unrepresentableCharacter } from "../../src/values/fields.js";
import { newsroomMarkdown } from "../../src/markdown/plugin.js";
import { DEFAULT_PROVIDERS, recogniseVideo, vimeo, youtube } from "../../src/video/providers.js";
import { inspectableUrl, parseSafeUrl, simpleAddressParts } from "../../src/values/url.js";
import { isCarriable, prop, settings, TIMEOUT } from "../helpers/fastCheck.js";
import { isPlainRun, renderInlineWords, renderWords, rendersPlainly } from "../../src/markdown/plainWords.js";
import { repeatsExactly, repeatsWords, wordsOf } from "../../src/syntax/story.js";
import { parseAttributes } from "../../src/syntax/attributes.js";
import { dedent, highlightsFromMarkdown, type MarkdownParser } from "../../src/syntax/body.js";
import { TakeOnceStore } from "../../src/markdown/takeOnceStore.js";
import { containerOracle } from "../helpers/containerOracle.js";
import { DEFAULT_NAMES, newsroomMd } from "../helpers/newsroom.js";

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
        // (Markup with one blank line or none, too: one made of spaces and tabs is found as surely as an empty one.)
        fc.property(fc.oneof(textOf([...SPACES, "<p>", "a", "\n\n", " \n"]), textOf(["<p>", "a", "\n", " ", "\t", "\u00a0"], 12)), (text) => {
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

describe("renderWords and renderInlineWords (plain words without a parse)", () => {
  const ascii = Array.from({ length: 95 }, (_, index) => String.fromCharCode(0x20 + index));
  const words = textOf([...ascii, "Word", "1.", "2)", ":::", " ", "\t", "\n", "\r", "\u00a0", "\u2028", "é", "😀", "&amp;", "http://a.example", "(c)", "--", "..."], 12);
  const instances: Array<[string, MarkdownIt, boolean]> = [
    ["markdown-it with the plugin", newsroomMd(), true],
    ["markdown-it as Eleventy sets it up, with the plugin", eleventyMd(), true],
    ["markdown-it's commonmark preset", new MarkdownIt("commonmark"), true],
    ["markdown-it's zero preset (no lists)", new MarkdownIt("zero"), false],
    ["markdown-it with typographer", new MarkdownIt({ typographer: true }), false],
    ["markdown-it with linkify", new MarkdownIt({ linkify: true }), false],
    ["markdown-it with an inline rule of its own", withMentions(new MarkdownIt()), false],
    ["markdown-it with a text rule of its own", withRendererRule(new MarkdownIt(), "text"), false],
    ["markdown-it with a paragraph rule of its own", withRendererRule(new MarkdownIt(), "paragraph_open"), false],
  ];

  for (const [name, md, shortcut] of instances) {
    test(
      `gives markdown-it's own render, with ${name}`,
      () => {
        expect(rendersPlainly(md)).toBe(shortcut);
        fc.assert(
          fc.property(words, (text) => {
            expect(outcome(() => renderWords(md, text, {}))).toEqual(outcome(() => md.render(text, {})));
            expect(outcome(() => renderInlineWords(md, text, {}))).toEqual(outcome(() => md.renderInline(text, {})));
          }),
          settings,
        );
      },
      TIMEOUT,
    );
  }

  test("takes the shortcut for words as authors write them, and not for markup", () => {
    for (const text of ['He said "we will", and left.', "It's 2017: 1,000 people.", "¿Qué pasó? Nadie lo sabe."]) expect(isPlainRun(text)).toBe(true);
    for (const text of ["*Very* good", "1. First", "- item", "a\nb", "a & b", "<b>x</b>", "[link](/x)", " padded", "::: quote"]) expect(isPlainRun(text)).toBe(false);
  });

  test("notices a rule added after the first check", () => {
    const md = new MarkdownIt();
    expect(rendersPlainly(md)).toBe(true);
    withMentions(md);
    expect(rendersPlainly(md)).toBe(false);
    expect(renderInlineWords(md, "Hi @jane", {})).toBe(md.renderInline("Hi @jane", {}));
  });

  test("notices a render rule or method replaced after the first check", () => {
    const replacements: Array<(md: MarkdownIt) => void> = [
      (md) => (md.renderer.rules.text = (tokens, index) => tokens[index]!.content.toUpperCase()),
      (md) => (md.renderer.rules.paragraph_open = () => '<p class="x">'),
      (md) => {
        const render = md.render.bind(md);
        md.render = (source, env) => render(source, env).replace("<p>", "<p class=\"y\">");
      },
      (md) => Object.assign(md, { utils: { ...md.utils, escapeHtml: (text: string) => text } }),
    ];
    for (const replace of replacements) {
      const md = new MarkdownIt();
      expect(rendersPlainly(md)).toBe(true);
      replace(md);
      expect(rendersPlainly(md)).toBe(false);
    }
  });
});

describe("unrepresentableCharacter and escapeHtml (a regular expression says when there is nothing to do)", () => {
  // Every code unit class the fast checks draw lines between: controls, DEL and C1, surrogates (paired and lone),
  // noncharacters in and beyond the BMP, and the characters around each range's ends.
  const characters = ["a", " ", "\t", "\n", "\f", "\r", "\u0000", "\u0008", "\u000b", "\u000e", "\u001f", "\u007e", "\u007f", "\u009f", "\u00a0", "\ud7ff", "\ud800", "\udbff", "\udc00", "\udfff", "\ue000", "\ufdcf", "\ufdd0", "\ufdef", "\ufdf0", "\ufffd", "\ufffe", "\uffff", "😀", "\u{1fffe}", "\u{10ffff}", "&", "<", ">", '"', "'"];
  const text = textOf(characters, 12);

  test(
    "finds what a walk over every code point finds",
    () => {
      prop(text, (value) => {
        const first = [...value].find((character) => !isCarriable(character));
        expect(unrepresentableCharacter(value)).toBe(first === undefined ? undefined : `U+${first.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
      });
    },
    TIMEOUT,
  );

  test(
    "escapes as the replacing pass does",
    () => {
      const references: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
      prop(text, (value) => {
        expect(escapeHtml(value)).toBe(value.replace(/[&<>"']/g, (character) => references[character]!));
      });
    },
    TIMEOUT,
  );
});

describe("video addresses (built as strings, not through the URL API)", () => {
  const query = textOf(["a", "Z", "0", " ", "&", "=", "+", "%", "#", "?", "/", "é", "😀", "~", "*", "'"], 8);

  /** The way they were built before: a URL object per address, parameters set through `searchParams`. */
  function oracle(videoId: string, shorts: boolean, start: number | undefined, playlist: string | null): { embedUrl: string; watchUrl: string } {
    const embed = new URL(`https://www.youtube-nocookie.com/embed/${videoId}`);
    if (start) embed.searchParams.set("start", String(start));
    if (playlist) embed.searchParams.set("list", playlist);
    const watch = new URL(shorts ? `https://www.youtube.com/shorts/${videoId}` : "https://www.youtube.com/watch");
    if (!shorts) watch.searchParams.set("v", videoId);
    if (start) watch.searchParams.set("t", `${start}s`);
    if (playlist && !shorts) watch.searchParams.set("list", playlist);
    return { embedUrl: embed.href, watchUrl: watch.href };
  }

  test(
    "YouTube's player and watch addresses are what the URL API makes",
    () => {
      const videoId = fc.constantFrom("dQw4w9WgXcQ", "a-b_c-D_e1Z", "00000000000");
      prop(fc.tuple(videoId, fc.boolean(), fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }), fc.option(query, { nil: null })), ([id, shorts, start, playlist]) => {
        const written = new URL(shorts ? `https://www.youtube.com/shorts/${id}` : "https://www.youtube.com/watch");
        if (!shorts) written.searchParams.set("v", id);
        if (start) written.searchParams.set("t", String(start));
        if (playlist !== null) written.searchParams.set("list", playlist);
        const source = youtube.recognise(new URL(written.href), written.href)!;
        expect({ embedUrl: source.embedUrl, watchUrl: source.watchUrl }).toEqual(oracle(id, shorts, start, playlist));
      });
    },
    TIMEOUT,
  );

  test(
    "Vimeo's player address is what the URL API makes",
    () => {
      prop(fc.tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.option(query, { nil: null })), ([id, hash]) => {
        const written = new URL(`https://player.vimeo.com/video/${id}`);
        if (hash !== null) written.searchParams.set("h", hash);
        const embed = new URL(`https://player.vimeo.com/video/${id}`);
        if (hash) embed.searchParams.set("h", hash);
        embed.searchParams.set("dnt", "1");
        expect(vimeo.recognise(new URL(written.href), written.href)!.embedUrl).toBe(embed.href);
      });
    },
    TIMEOUT,
  );
});
describe("video addresses of a simple shape (read without the URL API)", () => {
  // Addresses made of pieces around the edges of "simple": hosts with capitals, digits, punycode, empty labels, ports
  // and users; paths with dot segments, "%", "'", "//", characters the parser encodes; queries with "+", "%", "'", "&&".
  const host = fc.constantFrom("www.youtube.com", "youtu.be", "vimeo.com", "player.vimeo.com", "m.youtube.com", "a-b.example", "x", "Example.com", "1.2.3.4", "a.0x1", "a.123", "xn--a.com", "xn--nxasmq6b.com", "xn--zz.com", "xn--.com", "a..b", ".a", "a.", "a-.b", "-a.b", "a.b:443", "u@a.b", "é.com", "a".repeat(70) + ".com");
  const path = fc.array(fc.constantFrom("/", "watch", "embed", "shorts", "video", "live", "dQw4w9WgXcQ", "123456789", "abc123def", "clip.mp4", "a.WEBM", ".", "..", "%2e", "%20", "'", "~", ":", "@", "+", "!$&()*,;=", "é", "|", "^", "[", "{"), { maxLength: 6 }).map((parts) => parts.join(""));
  const query = fc.array(fc.constantFrom("v=dQw4w9WgXcQ", "t=1m30s", "start=90", "list=PL1", "h=abc", "&", "=", "x", "+", "%41", "'", "?", "/", "v=", "v"), { maxLength: 5 }).map((parts) => parts.join(""));
  const address = fc.oneof(
    fc.tuple(host, path, fc.option(query, { nil: undefined }), fc.boolean()).map(([h, p, q, fragment]) => `https://${h}/${p}${q === undefined ? "" : `?${q}`}${fragment ? "#t=3" : ""}`),
    fc.tuple(path, fc.option(query, { nil: undefined })).map(([p, q]) => `/${p}${q === undefined ? "" : `?${q}`}`),
    fc.constantFrom("http://a.b/x", "//a.b/x", "https:/a.b", "https://", "/", "//", "HTTPS://a.b/", "https://a.b", "https://a.b?v=x"),
  );
  const NAMES = ["v", "t", "start", "list", "h", "x", ""];

  test(
    "gives what the URL API gives for every part the built-in providers read",
    () => {
      prop(address, (written) => {
        const parts = simpleAddressParts(written);
        if (parts === undefined) return;
        const url = inspectableUrl(written);
        expect({ protocol: parts.protocol, hostname: parts.hostname, pathname: parts.pathname, href: parts.href }).toEqual({ protocol: url.protocol, hostname: url.hostname, pathname: url.pathname, href: url.href });
        for (const name of NAMES) expect(parts.searchParams.get(name)).toBe(url.searchParams.get(name));
      });
    },
    TIMEOUT,
  );

  test(
    "takes the shortcut for the addresses authors write",
    () => {
      for (const written of ["https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s", "https://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/76979871", "/media/clip.mp4", "https://news.example/video/1"]) {
        expect(simpleAddressParts(written), written).toBeDefined();
      }
    },
  );

  test(
    "recogniseVideo and parseSafeUrl give what they give through the URL API",
    () => {
      // Copies of the built-in providers are not built in: they get URL objects.
      const throughUrl = DEFAULT_PROVIDERS.map((provider) => ({ ...provider }));
      const plainParseSafeUrl = (text: string) => {
        if (/[\s\u0000-\u001f\u007f\\]/.test(text)) throw new Error("spaces");
        if (text.startsWith("/") && !text.startsWith("//")) return text;
        const parsed = new URL(text);
        if (parsed.protocol !== "https:" || !parsed.hostname) throw new Error("not https");
        return text;
      };
      prop(address, (written) => {
        const result = (call: () => unknown) => {
          try {
            return { value: call() };
          } catch (error) {
            return { error: error instanceof InvalidValue ? error.problem : "refused" };
          }
        };
        expect(result(() => recogniseVideo(written))).toEqual(result(() => recogniseVideo(written, throughUrl)));
        expect("value" in result(() => parseSafeUrl(written))).toBe("value" in result(() => plainParseSafeUrl(written)));
      });
    },
    TIMEOUT,
  );
});


/** markdown-it as Eleventy makes it (HTML on, indented code off), with the plugin as the adapter adds it. */
function eleventyMd(): MarkdownIt {
  const md = new MarkdownIt({ html: true }).disable("code");
  md.use(newsroomMarkdown, { names: DEFAULT_NAMES, renderContext: () => ({ markdown: md, labels: DEFAULT_LABELS, ids: createIdRegistry(), headingLevel: 2 }) });
  return md;
}

/** An inline rule of a site's own: "@name" is a link to the person's page. */
function withMentions(md: MarkdownIt): MarkdownIt {
  md.inline.ruler.push("mention", (state, silent) => {
    const match = /^@([a-z]+)/.exec(state.src.slice(state.pos));
    if (!match) return false;
    if (!silent) {
      state.push("link_open", "a", 1).attrSet("href", `/people/${match[1]}/`);
      state.push("text", "", 0).content = match[0];
      state.push("link_close", "a", -1);
    }
    state.pos += match[0].length;
    return true;
  });
  return md;
}

/** A renderer rule of a site's own. */
function withRendererRule(md: MarkdownIt, rule: "text" | "paragraph_open"): MarkdownIt {
  md.renderer.rules[rule] = rule === "text" ? (tokens, index) => tokens[index]!.content.toUpperCase() : () => '<p class="lead">';
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

describe("the element block rule (finds ::: blocks without markdown-it-container)", () => {
  // Lines whose mix decides where a block opens and closes: markers of every length, indented, inside blockquotes and
  // list items, with text after them, unclosed, nested, beside fences and paragraphs they may interrupt.
  const lines = [
    "::: highlights", "- One", "- Two *three*", '::: quote speaker="Ann"', ':::: quote speaker="Bo" role="Mayor"', "Words.", "More words.",
    '::: pullquote speaker="Cy"', '::: video url="https://youtu.be/abcdefghijk" title="A clip"', ":::", "::::", ":::::", "::: ", ":::\t",
    "  :::", "    :::", "  ::: quote", '    ::: quote speaker="Di"', "> ::: quote speaker=\"Ed\"", "> Words.", "> :::", ">", "- item",
    "  words", "- ::: highlights", "  - Nested", "  :::", "1. ::: quote speaker=\"Fay\"", "   Words.", "   :::", "", "", "text",
    "::: unknown", ":::quote speaker=\"Gus\"", "::: quote:x", "::: highlightsX", "```", "~~~", "# Heading", "::: video", "  - Two",
  ];
  const document = fc.array(fc.constantFrom(...lines), { maxLength: 14 }).map((picked) => picked.join("\n"));

  const withPages = (apply: (md: MarkdownIt, options: Parameters<typeof containerOracle>[1]) => void) => {
    const md = new MarkdownIt();
    const registries = new WeakMap<object, IdRegistry>();
    const ids = (env: object) => registries.get(env) ?? registries.set(env, createIdRegistry()).get(env)!;
    apply(md, {
      names: DEFAULT_NAMES,
      renderContext: (env: object) => ({ markdown: md, labels: DEFAULT_LABELS, ids: ids(env), headingLevel: 2 }),
      onError: (error) => `<p class="error">${escapeHtml(error.message)}</p>\n`,
    });
    return md;
  };
  const rule = withPages((md, options) => md.use(newsroomMarkdown, options));
  const oracle = withPages(containerOracle);

  test(
    "renders every document as markdown-it-container's blocks did: the same elements, lines, bodies and errors",
    () => {
      prop(document, (source) => {
        expect(rule.render(source, {})).toBe(oracle.render(source, {}));
      });
    },
    TIMEOUT,
  );
});

describe("fillLabel (each label split into text and places once)", () => {
  const plainWay = (label: string, values: Readonly<Record<string, string>>) => label.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  test(
    "fills a label as a replacing pass over it does",
    () => {
      const label = textOf(["{", "}", "title", "source", "x", "_", " ", "{title}", "{source}", "{}", "é", "$&", "$1"], 16);
      const values = fc.dictionary(fc.constantFrom("title", "source", "x", "other"), textOf(["a", "{title}", "$&", "$1", " ", "}"], 6));
      prop(fc.tuple(label, values), ([text, given]) => {
        expect(fillLabel(text, given)).toBe(plainWay(text, given));
        // Asked again, from the split kept the first time.
        expect(fillLabel(text, given)).toBe(plainWay(text, given));
      });
    },
    TIMEOUT,
  );
});

describe("the stories' order by input path (one collator instead of localeCompare's own on every call)", () => {
  test(
    "a collator made once compares as localeCompare without arguments does",
    () => {
      const path = textOf(["./", "stories/", "a", "A", "é", "É", "e\u0301", "ä", "z", "Z", "1", "10", "9", "_", "-", ".md", "ß", "ss", "İ", "😀", " "], 10);
      const collator = new Intl.Collator();
      prop(fc.tuple(path, path), ([a, b]) => {
        expect(Math.sign(collator.compare(a, b))).toBe(Math.sign(a.localeCompare(b)));
      });
    },
    TIMEOUT,
  );
});

describe("parseAttributes", () => {
  test(
    "is the character-by-character reader",
    () => {
      const pieces = ['"', "'", "\\", "=", "a", "b-1", "x_y", " ", "\t", "\u00a0", "é", "“", "9/16", "\u2028"];
      // Pairs as authors write them (names repeated, values with quotes and backslashes inside), among stray pieces.
      const pair = fc
        .tuple(fc.constantFrom("a", "b-1", "x_y", "9a"), fc.constantFrom('"', "'"), textOf(pieces, 4), fc.constantFrom("", "'", '"'), fc.constantFrom(" ", "", "\t", "\u00a0", "x"))
        .map(([name, quote, value, close, after]) => `${name}=${quote}${value}${close || quote}${after}`);
      const attributeText = fc.array(fc.oneof(pair, textOf(pieces, 3)), { maxLength: 6 }).map((parts) => parts.join(""));
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

  test(
    "repeatsExactly answers yes only where repeatsWords does, for the body without the removed ranges",
    () => {
      // ASCII around and inside the quote, and what lower-casing and composing could change next to it: a combining
      // mark after "<", "e" or "." (NFC makes "≮" and "é"), "İ" (two characters once lower-cased), "ß".
      const pieces = ["the", "The", "he", "said", " ", ".", ",", "-", "<", "=", "e", "\u0338", "\u0301", "İ", "ß", "É", "1", "\n", "\r\n", "_", "'", "😀"];
      const body = textOf(pieces, 24);
      const oracle = (whole: string, removed: Array<[number, number]>, quote: string) => {
        let rest = "";
        let position = 0;
        for (const [start, end] of [...removed].sort((a, b) => a[0] - b[0])) {
          rest += whole.slice(position, Math.max(position, start)) + " ";
          position = Math.max(position, end);
        }
        return repeatsWords((rest + whole.slice(position)).toLowerCase().normalize("NFC"), quote);
      };
      const slice = (whole: string) => fc.tuple(fc.nat(whole.length), fc.nat(whole.length)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);
      prop(
        body.chain((whole) => fc.tuple(fc.constant(whole), fc.array(slice(whole), { maxLength: 2 }), fc.oneof(slice(whole).map(([a, b]) => whole.slice(a, b)), textOf(pieces, 6)))),
        ([whole, removed, quote]) => {
          if (repeatsExactly(whole, removed, quote)) expect(oracle(whole, removed, quote)).toBe(true);
        },
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
