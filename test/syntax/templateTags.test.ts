import { describe, expect, it } from "vitest";
import { argumentValues, readArguments, resolvePath, scanTemplateTags, type FoundTag } from "../../src/syntax/templateTags.js";

const NAMES = { single: ["video", "dateline"], paired: ["quote", "pullquote", "highlights"], filters: ["newsroomVideo", "newsroomHighlights"] };

function only(source: string): FoundTag {
  const tags = scanTemplateTags(source, NAMES);
  expect(tags).toHaveLength(1);
  return tags[0]!;
}

describe("scanTemplateTags", () => {
  it("reads a Nunjucks paired shortcode with keywords and its body", () => {
    const source = 'Intro.\n\n{% quote speaker="Rex Tillerson", role="US Secretary of State" %}\nWe are not leaving.\n{% endquote %}\nAfter.';
    const tag = only(source);
    expect(tag).toMatchObject({ name: "quote", kind: "shortcode", line: 3, body: "\nWe are not leaving.\n" });
    expect(tag.args).toEqual([
      { kind: "keyword", name: "speaker", value: { kind: "literal", value: "Rex Tillerson" } },
      { kind: "keyword", name: "role", value: { kind: "literal", value: "US Secretary of State" } },
    ]);
    expect(source.slice(tag.start, tag.end)).toBe('{% quote speaker="Rex Tillerson", role="US Secretary of State" %}\nWe are not leaving.\n{% endquote %}');
  });

  it("reads Liquid positional arguments", () => {
    const tag = only(`{% quote "Rex Tillerson", 'US Secretary of State' %}Words.{% endquote %}`);
    expect(tag.args).toEqual([
      { kind: "literal", value: "Rex Tillerson" },
      { kind: "literal", value: "US Secretary of State" },
    ]);
    expect(tag.body).toBe("Words.");
  });

  it("reads numbers, booleans, null, escapes and variable paths", () => {
    const tag = only(String.raw`{% video "a \"b\"", 105, -1.5, true, null, story.clips[0], data["x"] %}`);
    expect(tag.args).toEqual([
      { kind: "literal", value: 'a "b"' },
      { kind: "literal", value: 105 },
      { kind: "literal", value: -1.5 },
      { kind: "literal", value: true },
      { kind: "literal", value: null },
      { kind: "variable", path: "story.clips[0]" },
      { kind: "variable", path: 'data["x"]' },
    ]);
  });

  it.each([["{% video clip %}"], ["{%- video clip -%}"], ["{%video clip%}"]])("reads %s", (source) => {
    const tag = only(source);
    expect(tag.name).toBe("video");
    expect(tag.args).toEqual([{ kind: "variable", path: "clip" }]);
    expect(tag.end).toBe(source.length);
  });

  it("reads filters, with the subject as the first argument", () => {
    const tags = scanTemplateTags('{{ video | newsroomVideo }}\n{{- clips[1] | newsroomVideo("x") -}}\n{{ list | newsroomHighlights }}', NAMES);
    expect(tags.map((tag) => [tag.kind, tag.name, tag.line, tag.args])).toEqual([
      ["filter", "newsroomVideo", 1, [{ kind: "variable", path: "video" }]],
      ["filter", "newsroomVideo", 2, [{ kind: "variable", path: "clips[1]" }, { kind: "literal", value: "x" }]],
      ["filter", "newsroomHighlights", 3, [{ kind: "variable", path: "list" }]],
    ]);
  });

  it("skips raw blocks, Liquid comments and Nunjucks comments, keeping lines true", () => {
    const source = [
      "{% raw %}{% video skipped %}{% endraw %}",
      "{# {% video skipped %} #}",
      "{% comment %}",
      "{{ skipped | newsroomVideo }}",
      "{% endcomment %}",
      "{%- raw -%}",
      "{% quote 'x' %}skipped{% endquote %}",
      "{%- endraw -%}",
      "{% video found %}",
    ].join("\n");
    const tag = only(source);
    expect(tag.args).toEqual([{ kind: "variable", path: "found" }]);
    expect(tag.line).toBe(9);
  });

  it("ignores tags and filters it was not told about", () => {
    expect(scanTemplateTags("{% include 'x.njk' %}{{ title | upper }}{% set clip = 1 %}{% videos clip %}", NAMES)).toEqual([]);
  });

  it("returns tags and filters in source order with 1-based lines", () => {
    const source = "line 1\n{{ clip | newsroomVideo }}\n\n{% dateline 'CNN' %}\n{% video clip %}";
    expect(scanTemplateTags(source, NAMES).map((tag) => [tag.name, tag.line])).toEqual([
      ["newsroomVideo", 2],
      ["dateline", 4],
      ["video", 5],
    ]);
  });

  it("matches nested paired tags of the same name to the right closing tag", () => {
    const source = '{% quote speaker="O" %}outer {% quote speaker="I" %}inner{% endquote %} tail{% endquote %}\nafter';
    const [outer, inner] = scanTemplateTags(source, NAMES);
    expect(outer!.body).toBe('outer {% quote speaker="I" %}inner{% endquote %} tail');
    expect(source.slice(outer!.end)).toBe("\nafter");
    expect(inner!.body).toBe("inner");
  });

  it("does not close a quote on an endpullquote", () => {
    const tag = scanTemplateTags("{% quote 'A' %}x{% endpullquote %}y{% endquote %}", NAMES)[0]!;
    expect(tag.body).toBe("x{% endpullquote %}y");
  });

  it("leaves the body undefined when a paired tag is never closed", () => {
    expect(only("{% quote 'A' %}words").body).toBeUndefined();
  });

  it("marks arguments it cannot read", () => {
    const tag = only("{% video clip | upper %}");
    expect(tag.unreadable).toBe("clip | upper");
  });
});

describe("readArguments", () => {
  it("reads arguments separated by commas or spaces", () => {
    expect(readArguments(`"a", 'b' c`).args).toEqual([
      { kind: "literal", value: "a" },
      { kind: "literal", value: "b" },
      { kind: "variable", path: "c" },
    ]);
  });

  it("does not read a comparison as a keyword", () => {
    expect(readArguments("a == b").unreadable).toBe("a == b");
  });
});

describe("resolvePath", () => {
  const data = { story: { video: { title: "T" } }, clips: [{ title: "first" }, { title: "second" }], map: { "a-b": 1 }, empty: null };

  it.each([
    ["story.video.title", "T"],
    ["clips[0].title", "first"],
    ["clips[1]", { title: "second" }],
    ['map["a-b"]', 1],
    ["map['a-b']", 1],
  ])("looks up %s", (path, expected) => {
    expect(resolvePath(data, path)).toEqual(expected);
  });

  it.each([["missing"], ["story.missing.deeper"], ["empty.x"], ["clips[5].title"]])("gives undefined for %s", (path) => {
    expect(resolvePath(data, path)).toBeUndefined();
  });
});

describe("argumentValues", () => {
  it("resolves variables, keeps literals, and gathers keywords into a last object", () => {
    const args = only(`{% quote who, "fixed", role=job %}x{% endquote %}`).args;
    const { values, unresolved } = argumentValues(args, { who: "Rex", job: "Secretary" });
    expect(values).toEqual(["Rex", "fixed", { role: "Secretary", __keywords: true }]);
    expect(unresolved).toEqual([]);
  });

  it("reports the paths it cannot resolve", () => {
    const { values, unresolved } = argumentValues(only("{% video clip, speaker=nobody %}").args, {});
    expect(unresolved).toEqual(["clip", "nobody"]);
    expect(values).toEqual([undefined, { speaker: undefined, __keywords: true }]);
  });

  it("passes an object from the data through as the same object", () => {
    const clip = { url: "/x.mp4", title: "T" };
    expect(argumentValues(only("{% video clip %}").args, { clip }).values[0]).toBe(clip);
  });
});
