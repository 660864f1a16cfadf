/**
 * What reading a story for the collections hands to the render of the same story (src/markdown/handOver.ts): the render must
 * write the same bytes, and leave `env` as it would, as a render that nothing was handed to; the block parse and the
 * element parses it saves are counted.
 */
import MarkdownIt from "markdown-it";
import { describe, expect, it, vi } from "vitest";
import { createIdRegistry, DEFAULT_LABELS, type IdRegistry } from "../../src/context.js";
import { forgetReadStories, packTokens, unpackTokens } from "../../src/markdown/handOver.js";
import { elementsInMarkdown, newsroomMarkdown, type NewsroomMarkdownOptions } from "../../src/markdown/plugin.js";
import { DEFAULT_PROVIDERS, type VideoProvider } from "../../src/video/providers.js";
import { DEFAULT_NAMES } from "../helpers/newsroom.js";

const STORY = `Intro with a [reference link][ref] and *emphasis*.

::: highlights
- First highlight
- Second highlight
:::

::: quote speaker="Amara Okafor" role="Mayor"
We will build it.
:::

Middle paragraph. The words repeat here.

::: video url="https://counted.test/clip" title="Clip" duration="1:30"
:::

[ref]: https://example.com/ "Title"
`;

/** A markdown-it as Eleventy sets it up, with the plugin; counts block parses of whole stories and video parses. */
function setUp(options: { before?: (md: MarkdownIt) => void; plugin?: Partial<NewsroomMarkdownOptions> } = {}) {
  const md = new MarkdownIt({ html: true }).disable("code");
  options.before?.(md);
  const counts = { blockParses: 0, videoParses: 0 };
  const counted: VideoProvider = {
    id: "counted",
    name: "Counted",
    recognise(url) {
      if (url.hostname !== "counted.test") return undefined;
      counts.videoParses++;
      return { provider: "counted", kind: "page", watchUrl: url.href };
    },
  };
  const registries = new WeakMap<object, IdRegistry>();
  const ids = (env: object) => registries.get(env) ?? registries.set(env, createIdRegistry()).get(env)!;
  md.use(newsroomMarkdown, {
    names: DEFAULT_NAMES,
    parseOptions: { providers: [counted, ...DEFAULT_PROVIDERS] },
    renderContext: (env: object) => ({ markdown: md, labels: DEFAULT_LABELS, ids: ids(env), headingLevel: 2 }),
    ...options.plugin,
  });
  const State = md.block.State;
  md.block.State = class extends State {
    constructor(...args: ConstructorParameters<typeof State>) {
      super(...args);
      if (args[0].includes("::: highlights")) counts.blockParses++;
    }
  };
  return { md, counts };
}

/** What a render with nothing handed over writes, and the `env` it leaves. */
function unaided(source: string, env: Record<string, unknown> = {}, options: Parameters<typeof setUp>[0] = {}) {
  const { md } = setUp(options);
  const html = md.render(source, env);
  return { html, env };
}

describe("a story read for the collections, then rendered", () => {
  it("renders the same bytes, with one block parse and one parse of each element", () => {
    const { md, counts } = setUp();
    elementsInMarkdown(md, STORY, { page: { inputPath: "story.md" } });
    expect(counts).toEqual({ blockParses: 1, videoParses: 1 });
    const env = { title: "Story" };
    expect(md.render(STORY, env)).toBe(unaided(STORY, { title: "Story" }).html);
    expect(counts).toEqual({ blockParses: 1, videoParses: 1 });
  });

  it("hands over a story with Windows or old Mac line endings, or a NUL, as markdown-it normalizes them", () => {
    for (const source of [STORY.replace(/\n/g, "\r\n"), STORY.replace(/\n/g, "\r"), STORY.replace("emphasis", "emph\u0000asis")]) {
      const { md, counts } = setUp();
      const read = elementsInMarkdown(md, source);
      expect(read.map(({ element }) => element.type)).toEqual(["highlights", "quote", "video"]);
      expect(md.render(source, {})).toBe(unaided(source).html);
      expect(counts).toEqual({ blockParses: 1, videoParses: 1 });
    }
  });

  it("takes the tokens before markdown-it's normalize, which then copies nothing, when the source has no \\r or NUL", () => {
    const copiesOfSource = (source: string) => {
      const { md, counts } = setUp();
      elementsInMarkdown(md, source);
      const replace = vi.spyOn(String.prototype, "replace");
      let html: string;
      let copies: number;
      try {
        html = md.render(source, {});
        // markdown-it's normalize calls replace on the source itself; nothing else in the render does.
        copies = replace.mock.contexts.filter((context) => String(context) === source).length;
      } finally {
        replace.mockRestore();
      }
      expect(html).toBe(unaided(source).html);
      expect(counts.blockParses).toBe(1);
      return copies;
    };
    expect(copiesOfSource(STORY)).toBe(0);
    expect(copiesOfSource(STORY.replace(/\n/g, "\r\n"))).toBeGreaterThan(0);
  });

  it("looks after normalize when another core rule comes between the two, or takes normalize's place", () => {
    // A rule whose change depends on env: the read (without "edition") leaves the source as it is.
    const rewrite = (state: { src: string; env: { edition?: string } }) => {
      if (state.env.edition) state.src = state.src.replace("Middle paragraph", `${state.env.edition} paragraph`);
    };
    const additions = [
      (md: MarkdownIt) => md.core.ruler.after("normalize", "rewrite", rewrite),
      (md: MarkdownIt) => md.core.ruler.before("normalize", "rewrite", rewrite),
      // normalize replaced by a rule of the site's own
      (md: MarkdownIt) => md.core.ruler.at("normalize", rewrite),
    ];
    for (const add of additions) {
      const { md, counts } = setUp();
      add(md);
      elementsInMarkdown(md, STORY);
      const html = md.render(STORY, { edition: "Changed" });
      expect(html).toContain("Changed paragraph");
      expect(html).toBe(unaided(STORY, { edition: "Changed" }, { before: add }).html);
      expect(counts.blockParses).toBe(2);
    }
  });

  it("leaves the reference definitions in env as markdown-it would, also beside references already there", () => {
    for (const before of [{}, { references: { OTHER: { href: "https://other.example/" } } }, { references: { REF: { href: "https://first.example/" } } }]) {
      const { md, counts } = setUp();
      elementsInMarkdown(md, STORY);
      const env = structuredClone(before) as Record<string, unknown>;
      const html = md.render(STORY, env);
      const expected = unaided(STORY, structuredClone(before));
      expect(html).toBe(expected.html);
      expect(env).toEqual(expected.env);
      expect(counts.blockParses).toBe(1);
    }
  });

  it("hands each story over once: rendering the same source again parses it again, to the same bytes", () => {
    const { md, counts } = setUp();
    elementsInMarkdown(md, STORY);
    const first = md.render(STORY, {});
    expect(md.render(STORY, {})).toBe(first);
    expect(counts).toEqual({ blockParses: 2, videoParses: 2 });
  });

  it("hands nothing to a render of another source, but its elements when the source has template syntax", () => {
    const templated = STORY.replace("Middle paragraph.", "Middle {{ paragraph }}.");
    const { md, counts } = setUp();
    elementsInMarkdown(md, templated);
    const rendered = templated.replace("{{ paragraph }}", "paragraph");
    expect(md.render(rendered, {})).toBe(unaided(rendered).html);
    expect(counts).toEqual({ blockParses: 2, videoParses: 1 });
  });

  it("parses again after forgetReadStories (a new build) and after md.set changes what the block parser does", () => {
    const forgotten = setUp();
    elementsInMarkdown(forgotten.md, STORY);
    forgetReadStories(forgotten.md);
    expect(forgotten.md.render(STORY, {})).toBe(unaided(STORY).html);
    expect(forgotten.counts).toEqual({ blockParses: 2, videoParses: 2 });

    const changed = setUp();
    const withHtml = `<div class="raw">\n\n${STORY}</div>\n`;
    elementsInMarkdown(changed.md, withHtml);
    changed.md.set({ html: false });
    const expected = setUp();
    expected.md.set({ html: false });
    expect(changed.md.render(withHtml, {})).toBe(expected.md.render(withHtml, {}));
    expect(changed.counts.blockParses).toBe(2);
  });

  it("hands nothing over when a block rule it does not know could read the story differently", () => {
    const ownRule = (md: MarkdownIt) =>
      md.block.ruler.before("paragraph", "shout", (state, startLine, _endLine, silent) => {
        const start = state.bMarks[startLine]! + state.tShift[startLine]!;
        if (state.src.charCodeAt(start) !== 0x21 /* ! */) return false;
        if (!silent) state.push("hr", "hr", 0);
        state.line = startLine + 1;
        return true;
      });
    const source = `${STORY}\n!\n`;
    const { md, counts } = setUp({ before: ownRule });
    elementsInMarkdown(md, source);
    expect(md.render(source, {})).toBe(unaided(source, {}, { before: ownRule }).html);
    expect(counts.blockParses).toBe(2);
  });

  it("hands nothing over when a core rule runs between markdown-it's block rule and the plugin's", () => {
    const { md, counts } = setUp();
    md.core.ruler.after("block", "between", () => {});
    elementsInMarkdown(md, STORY);
    md.render(STORY, {});
    expect(counts.blockParses).toBe(2);
  });

  it("hands nothing over when the block parser itself was replaced", () => {
    const { md, counts } = setUp();
    const parse = md.block.parse.bind(md.block);
    md.block.parse = (...args: Parameters<typeof parse>) => parse(...args);
    elementsInMarkdown(md, STORY);
    expect(md.render(STORY, {})).toBe(unaided(STORY).html);
    expect(counts.blockParses).toBe(2);
  });

  it("hands nothing over from a read that showed an error in place (a preview), so the render reports it too", () => {
    const shown: string[] = [];
    const plugin = { onError: (error: Error) => (shown.push(error.message), `<p class="error"></p>\n`) };
    const broken = `${STORY}\n::: quote\n:::\n`;
    const { md, counts } = setUp({ plugin });
    elementsInMarkdown(md, broken);
    expect(shown).toHaveLength(1);
    const html = md.render(broken, {});
    expect(shown).toHaveLength(2);
    expect(html).toBe(unaided(broken, {}, { plugin: { onError: () => `<p class="error"></p>\n` } }).html);
    expect(counts.blockParses).toBe(2);
  });

  it("does not hand over tokens made by a core rule before the block rule, which may depend on env", () => {
    const banner = (md: MarkdownIt) =>
      md.core.ruler.before("block", "banner", (state) => {
        if (!state.src.includes("::: highlights")) return;
        const token = new state.Token("html_block", "", 0);
        token.content = `<p>${String((state.env as { title?: string }).title)}</p>\n`;
        state.tokens.push(token);
      });
    const { md, counts } = setUp({ before: banner });
    elementsInMarkdown(md, STORY, { title: "read" });
    const html = md.render(STORY, { title: "rendered" });
    expect(html).toBe(unaided(STORY, { title: "rendered" }, { before: banner }).html);
    expect(html).toContain("<p>rendered</p>");
    expect(counts).toEqual({ blockParses: 2, videoParses: 1 });
  });
});


describe("a story without a ':::' line", () => {
  it("is not read at all: it holds no element, and its render parses it as without the plugin", () => {
    const { md } = setUp();
    let parses = 0;
    const State = md.core.State;
    md.core.State = class extends State {
      constructor(...args: ConstructorParameters<typeof State>) {
        super(...args);
        parses++;
      }
    };
    expect(elementsInMarkdown(md, "Just words.\n\n- and a list\n\nWords again: two colons, ::, are not three.\n")).toEqual([]);
    expect(parses).toBe(0);
    // One with an element is read (the count includes the probe that lets the highlights list be read without a parse).
    expect(elementsInMarkdown(md, "Just words.\n\n::: highlights\n- One\n:::\n")).toHaveLength(1);
    expect(parses).toBeGreaterThan(0);
  });
});

describe("packTokens and unpackTokens (how a read keeps a story's tokens until the render)", () => {
  // Every kind of block markdown-it makes, with the fields that vary: attributes (an ordered list's start, a table
  // cell's alignment), hidden paragraphs (a tight list), info (a fence), markup, nesting, levels and line maps.
  const DOCUMENT = `# Heading

Paragraph *with* inline [markup][ref].

3. three
4. four

- tight
- list

> quoted
> > nested

| left | right |
| :--- | ----: |
| a    | b     |

\`\`\`js title="x"
code
\`\`\`

<div class="html">block</div>

---

::: quote speaker="Amara Okafor"
Words.
:::

[ref]: https://example.com/
`;

  it("gives back tokens equal to the block parser's, field by field, as new tokens of the same class", () => {
    const { md } = setUp();
    // The core rules up to markdown-it's block rule, as a read runs them.
    const state = new md.core.State(DOCUMENT, md, {});
    for (const rule of md.core.ruler.getRules("")) {
      rule(state);
      if (rule.name === "block") break;
    }
    const tokens = state.tokens;
    expect(tokens.some((token) => token.attrs !== null)).toBe(true);
    expect(tokens.some((token) => token.hidden)).toBe(true);
    expect(tokens.some((token) => token.info !== "")).toBe(true);
    expect(tokens.some((token) => token.type === "newsroom_quote" && token.meta !== null)).toBe(true);
    const unpacked = unpackTokens(packTokens(tokens), state.Token);
    expect(unpacked).toHaveLength(tokens.length);
    unpacked.forEach((token, index) => {
      const original = tokens[index]!;
      expect(token).not.toBe(original);
      expect(token).toBeInstanceOf(state.Token);
      expect(Object.keys(token)).toEqual(Object.keys(original));
      expect(token).toEqual(original);
      // Lists the render fills in are new lists, not the read's.
      if (original.map) expect(token.map).not.toBe(original.map);
      if (original.children) expect(token.children).not.toBe(original.children);
    });
  });
});
