import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BLOCK_SHAPES, blockRegExp, canonicalValues, readBlock, writeBlock, type BlockValues } from "../../src/cms/blocks.js";
import { parseElement } from "../../src/elements/index.js";
import { NewsroomError } from "../../src/errors.js";
import { CONTAINER_ELEMENT_TYPES, elementsInMarkdown, type ContainerElementType } from "../../src/markdown/plugin.js";
import { dedent } from "../../src/syntax/body.js";
import { REPOSITORY } from "../helpers/exampleSite.js";
import { prop, TIMEOUT } from "../helpers/fastCheck.js";
import { newsroomMd } from "../helpers/newsroom.js";

const md = newsroomMd();
const read = (type: ContainerElementType, block: string) => readBlock(type, block, md);
/** The canonical block of what `block` holds. */
const rewrite = (type: ContainerElementType, block: string) => writeBlock(type, read(type, block));

describe("the blocks README documents", () => {
  // README, "In Markdown: ::: blocks" and "Live coverage", as written there: each is already canonical.
  const canonical: Array<[ContainerElementType, string]> = [
    ["highlights", '::: highlights\n- Secretary Tillerson: "We Americans must own this problem"\n- Mexican foreign minister: "We need to overcome the blame game"\n:::'],
    ["pullquote", '::: pullquote speaker="Rex Tillerson" role="US Secretary of State"\nWe Americans must own this problem. It is ours.\n:::'],
    ["quote", '::: quote speaker="Luis Videgaray" role="Mexican Foreign Secretary"\nWe need to overcome the blame game and the finger-pointing aspect.\n:::'],
    ["video", '::: video url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="Where does America\'s heroin come from?" duration="01:45" source="CNN"\n:::'],
    ["update", ':::: update time="2017-05-18T10:00" title="The meeting opens" pinned\nSecretary of State Rex Tillerson and Foreign Secretary Luis Videgaray meet in Washington.\n::::'],
    ["update", ':::: update time="2017-05-18T10:45" title="Tillerson: “We Americans must own this problem”" key\n::: quote speaker="Rex Tillerson" role="US Secretary of State"\nWe Americans must own this problem. It is ours.\n:::\n::::'],
    ["update", ':::: update time="2017-05-18T11:30" updated="2017-05-18T11:40" author="Desk editor"\nAmerica’s “pervasive demand” for illegal drugs came up repeatedly.\n::::'],
  ];

  test.each(canonical)("a %s block reads into its form and is written back byte for byte", (type, block) => {
    expect(rewrite(type, block)).toBe(block);
  });

  test("the form holds the fields, flags and body the block has", () => {
    expect(read("pullquote", canonical[1]![1])).toEqual({ speaker: "Rex Tillerson", role: "US Secretary of State", text: "We Americans must own this problem. It is ours." });
    expect(read("highlights", canonical[0]![1])).toEqual({ items: ['Secretary Tillerson: "We Americans must own this problem"', 'Mexican foreign minister: "We need to overcome the blame game"'] });
    expect(read("update", canonical[5]![1])).toMatchObject({ key: true, time: "2017-05-18T10:45", text: '::: quote speaker="Rex Tillerson" role="US Secretary of State"\nWe Americans must own this problem. It is ours.\n:::' });
    expect(read("update", canonical[4]![1])).toMatchObject({ pinned: true });
    expect(read("update", canonical[4]![1])).not.toHaveProperty("key");
  });

  test("every block of the example site's stories reads and is written back byte for byte", () => {
    const folder = join(REPOSITORY, "site/stories");
    let blocks = 0;
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".md"))) {
      const source = readFileSync(join(folder, file), "utf8");
      for (let start = source.indexOf(":::"); start !== -1; ) {
        const rest = source.slice(start);
        const type = CONTAINER_ELEMENT_TYPES.find((candidate) => blockRegExp(candidate).test(rest));
        if (!type) {
          start = source.indexOf(":::", start + 3);
          continue;
        }
        const block = blockRegExp(type).exec(rest)![0];
        expect(rewrite(type, block), `${file}: ${block}`).toBe(block);
        blocks++;
        start = source.indexOf(":::", start + block.length);
      }
    }
    expect(blocks).toBeGreaterThanOrEqual(5);
  });
});

describe("writing a form as a block", () => {
  test("quotes and backslashes are escaped as the attribute parser reads them", () => {
    const block = writeBlock("video", { url: "/media/a.mp4", title: 'He said "no" \\ then \'yes\'', source: "C:\\" });
    expect(block).toBe('::: video url="/media/a.mp4" title="He said \\"no\\" \\\\ then \'yes\'" source="C:\\\\"\n:::');
    expect(read("video", block)).toEqual({ url: "/media/a.mp4", title: 'He said "no" \\ then \'yes\'', source: "C:\\" });
  });

  test("a body with a line of colons gets a longer marker, so no line of it closes the block", () => {
    const text = "First.\n:::\nThen ::::: and\n  ::::: indented";
    const block = writeBlock("quote", { speaker: "A", text });
    expect(block.split("\n")[0]).toBe(':::::: quote speaker="A"');
    expect(block.endsWith("\n::::::")).toBe(true);
    expect(read("quote", block).text).toBe(text);
  });

  test("empty fields and flags that are off are left out; attributes follow the element's field order", () => {
    expect(writeBlock("update", { text: "Words.", pinned: false, key: true, author: "", title: "T", time: "2017-05-18T10:45" })).toBe(
      ':::: update time="2017-05-18T10:45" title="T" key\nWords.\n::::',
    );
    expect(writeBlock("highlights", { items: ["  One ", "", "Two"] })).toBe("::: highlights\n- One\n- Two\n:::");
    expect(writeBlock("video", {})).toBe("::: video\n:::");
  });

  test("a line break in a one-line field becomes a space; a body's line ends become \\n", () => {
    expect(writeBlock("quote", { speaker: "Rex\nTillerson", text: "One\r\nTwo\rThree" })).toBe('::: quote speaker="Rex Tillerson"\nOne\nTwo\nThree\n:::');
  });

  test("Immutable values (what Decap hands over) are read through toJS", () => {
    const immutable = { toJS: () => ({ items: ["One", "Two"] }) };
    expect(writeBlock("highlights", immutable)).toBe("::: highlights\n- One\n- Two\n:::");
  });

  test("a renamed shortcode renames the block", () => {
    const names = { highlights: "highlights", quote: "quote", pullquote: "pullquote", video: "newsVideo", update: "update" };
    const block = writeBlock("video", { url: "https://vimeo.com/1", title: "V" }, names);
    expect(block).toBe('::: newsVideo url="https://vimeo.com/1" title="V"\n:::');
    expect(readBlock("video", block, md, names)).toEqual({ url: "https://vimeo.com/1", title: "V" });
  });
});

describe("reading a block written by hand", () => {
  test("single quotes, bare values, spaces and key=\"true\" read into the same form, written back canonically", () => {
    expect(rewrite("update", "::: update   time=2017-05-18T10:45 title='It\\'s \"on\"' key=\"true\" pinned='no'\n  Words.\n   ::::  ")).toBe(
      ':::: update time="2017-05-18T10:45" title="It\'s \\"on\\"" key\nWords.\n::::',
    );
  });

  test("a block a form cannot hold is refused with the plugin's error, never read with a loss", () => {
    const fault = (type: ContainerElementType, block: string) => {
      try {
        read(type, block);
      } catch (error) {
        expect(error).toBeInstanceOf(NewsroomError);
        return (error as NewsroomError).problem;
      }
      throw new Error("read without an error");
    };
    expect(fault("quote", '::: quote speaker="A" colour="red"\nWords\n:::')).toBe('unknown field "colour"');
    expect(fault("quote", '::: quote speaker="A\nWords\n:::')).toBe('the value of "speaker" has no closing "');
    expect(fault("highlights", "::: highlights\nNot a list\n:::")).toMatch(/not a list/);
    expect(fault("video", '::: video url="/a.mp4"\nwords\n:::')).toMatch(/takes no content/);
    expect(fault("update", '::: update key="maybe"\nWords\n:::')).toMatch(/true or false/);
    expect(fault("quote", '::: quote speaker="A"\nWords, never closed')).toMatch(/not one "::: quote" block/);
  });
});

// The properties' inputs: quotes of every kind, backslashes, colons, Markdown punctuation, non-Latin scripts, odd spaces.
const CHARACTERS = [..."abcXYZ019 \t\"'\\“”‘’«»:=-*_#>[]()<>&;!?.,/", "日本語", "Ελλάδα", "العربية", "עברית", "Русский", "हिन्दी", "🙂", "\u00a0", "\u3000", "é"];
const lineOf = (minLength = 0) => fc.string({ unit: fc.constantFrom(...CHARACTERS), minLength, maxLength: 24 });
const lines = fc.array(fc.oneof(lineOf(), fc.constantFrom(":::", "::: quote speaker=\"X\"", "::::", "  :::::", "", "   indented", "- a list line", "> a quote line")), { minLength: 0, maxLength: 6 }).map((parts) => parts.join("\n"));
/** A highlight: one line of inline Markdown that starts with a letter (a line starting "#", ">" or "1." is a block of its own). */
const item = fc.tuple(fc.constantFrom("A", "b", "É", "日", "ع"), lineOf()).map(([first, rest]) => first + rest);

const valuesOf = (type: ContainerElementType): fc.Arbitrary<Record<string, unknown>> => {
  const shape = BLOCK_SHAPES[type];
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of shape.attributes) record[name] = shape.flags.includes(name) ? fc.boolean() : fc.oneof(lineOf(), lineOf().map((text) => `${text}\n${text}`));
  if (shape.body === "items") record["items"] = fc.array(fc.oneof(item, fc.constant(""), item.map((text) => ` ${text}  `)), { maxLength: 5 });
  if (shape.body === "text") record["text"] = fc.oneof(lines, lines.map((text) => `\n\n  ${text.replace(/\n/g, "\n  ")}  \n`), lines.map((text) => text.replace(/\n/g, "\r\n")));
  return fc.record(record, { requiredKeys: [] });
};

describe("the round trip, for every element and field", () => {
  test.each(CONTAINER_ELEMENT_TYPES)(
    "%s: reading what a form wrote gives the form back; writing what was read gives the same bytes",
    (type) => {
      prop(valuesOf(type), (values) => {
        const canonical = canonicalValues(type, values);
        // Canonical values are a fixed point.
        expect(canonicalValues(type, canonical)).toEqual(canonical);
        const block = writeBlock(type, values);
        expect(writeBlock(type, canonical)).toBe(block);
        // fromBlock(toBlock(x)) equals x.
        expect(read(type, block)).toEqual(canonical);
        // toBlock(fromBlock(block)) is the block, byte for byte.
        expect(writeBlock(type, read(type, block))).toBe(block);
        // The block, inside a story between paragraphs, is found where it was written, and nothing else is.
        const story = `Before.\n\n${block}\n\nAfter.`;
        const match = blockRegExp(type).exec(story.slice("Before.\n\n".length));
        expect(match?.[0]).toBe(block);
      });
    },
    TIMEOUT,
  );

  test("a body is given back as the build's reader reads it (dedent), and a one-line field as it is trimmed", () => {
    prop(lines, (text) => {
      const canonical = canonicalValues("quote", { text });
      expect(canonical["text"] ?? "").toBe(dedent(text.replace(/\r\n?/g, "\n")));
    });
  });
});

/** What the build makes of the form's block, beside what the plugin makes of the form's values. */
function bothWays(type: ContainerElementType, values: BlockValues): { fromBlock: unknown; fromValues: unknown } {
  const outcome = (run: () => unknown) => {
    try {
      return { element: JSON.parse(JSON.stringify(run())) as unknown };
    } catch (error) {
      if (error instanceof NewsroomError) return { problem: error.problem };
      throw error;
    }
  };
  const options = { timeZone: "America/New_York", now: () => new Date("2030-01-01T00:00:00Z") };
  const markdown = newsroomMd({ parseOptions: options });
  return {
    fromBlock: outcome(() => elementsInMarkdown(markdown, writeBlock(type, values))[0]?.element),
    fromValues: outcome(() => parseElement(type, values, {}, options)),
  };
}

describe("the build reads what the form means", () => {
  const required = (type: ContainerElementType) =>
    valuesOf(type)
      .map((values) => canonicalValues(type, values))
      .filter((values) => (BLOCK_SHAPES[type].body === "text" ? values["text"] !== undefined : BLOCK_SHAPES[type].body === "items" ? values["items"] !== undefined : true));

  test.each(["highlights", "quote", "pullquote"] as const)(
    "%s: the element the build reads from the block is the element of the form's values",
    (type) => {
      prop(required(type), (values) => {
        const { fromBlock, fromValues } = bothWays(type, values);
        expect(fromBlock).toEqual(fromValues);
      });
    },
    TIMEOUT,
  );

  test("video and update: the same element, or the same error, either way", () => {
    const video = fc.record(
      {
        url: fc.constantFrom("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "/media/a.mp4", "https://vimeo.com/76979871", "javascript:alert(1)", "http://a.example/"),
        title: lineOf(),
        duration: fc.constantFrom("1:45", "01:45", "1:75", "PT1M45S", "90", ""),
        source: lineOf(),
        aspectRatio: fc.constantFrom("16/9", "4/3", "", "wide"),
      },
      { requiredKeys: ["url"] },
    );
    prop(video, (values) => {
      const canonical = canonicalValues("video", values);
      const { fromBlock, fromValues } = bothWays("video", canonical);
      expect(fromBlock).toEqual(fromValues);
    });
    const update = fc.record(
      { time: fc.constantFrom("2017-05-18T10:45", "2017-05-18T10:45:00-04:00", "soon"), title: lineOf(), key: fc.boolean(), pinned: fc.boolean(), author: lineOf(), text: lines },
      { requiredKeys: ["time"] },
    );
    prop(update, (values) => {
      const canonical = canonicalValues("update", values);
      const { fromBlock, fromValues } = bothWays("update", canonical);
      // A body of its own that is only white space reads as no text either way.
      expect(fromBlock).toEqual(fromValues);
    });
  }, TIMEOUT);
});
