import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BLOCK_SHAPES, readBlock, writeBlock } from "../../src/cms/blocks.js";
import { DEFAULT_CMS_LABELS, SPANISH_CMS_LABELS } from "../../src/cms/labels.js";
import { NEWSROOM_WIDGETS, registerNewsroomCms, type DecapCms, type DecapEditorComponent, type NewsroomCmsOptions, type ReactHelpers } from "../../src/cms/register.js";
import { DEFAULT_LABELS, SPANISH_LABELS } from "../../src/context.js";
import { renderErrorBox } from "../../src/elements/errorBox.js";
import { parseElement } from "../../src/elements/index.js";
import { VIDEO_FIELDS } from "../../src/elements/video.js";
import { NewsroomError } from "../../src/errors.js";
import { CONTAINER_ELEMENT_TYPES, type ContainerElementType } from "../../src/markdown/plugin.js";
import { decapRead, decapWrite, textOf } from "../helpers/decapMarkdown.js";
import { buildSite } from "../helpers/eleventy.js";
import { REPOSITORY } from "../helpers/exampleSite.js";
import { markupOf, updates } from "../helpers/liveStory.js";
import { newsroomMd, thrown } from "../helpers/newsroom.js";

/**
 * src/cms/register.ts against a fake of Decap's `CMS` object that records what is registered: the editor components
 * (their names, forms, and `pattern`/`fromBlock`/`toBlock` as Decap's own Markdown reader and writer call them,
 * `toPreview` as the build renders), the validating widgets (the plugin's own messages), the preview templates.
 */

interface ReactElement {
  type: unknown;
  props: Record<string, unknown> | null;
}

/** React's `createElement` and `create-react-class` as plain data: a class is its spec, an element its type and props. */
const react: ReactHelpers = {
  h: (type, props) => ({ type, props: props ?? null }) satisfies ReactElement,
  createClass: (spec) => spec,
};

interface Recorded {
  components: DecapEditorComponent[];
  widgets: Map<string, { control: unknown; preview: unknown }>;
  templates: Map<string, unknown>;
  styles: string[];
}

/** Decap's built-in widgets this module builds on, each a distinct object. */
const BASE_WIDGETS = Object.fromEntries(["markdown", "object", "list", "string"].map((name) => [name, { control: { base: name }, preview: { basePreview: name } }]));

function fakeCms(base: Record<string, { control: unknown; preview?: unknown }> = BASE_WIDGETS): { cms: DecapCms; recorded: Recorded } {
  const recorded: Recorded = { components: [], widgets: new Map(), templates: new Map(), styles: [] };
  const cms: DecapCms = {
    registerEditorComponent: (component) => void recorded.components.push(component),
    registerWidget: (name, control, preview) => void recorded.widgets.set(name, { control, preview }),
    registerPreviewTemplate: (name, component) => void recorded.templates.set(name, component),
    registerPreviewStyle: (url) => void recorded.styles.push(url),
    getWidget: (name) => base[name],
  };
  return { cms, recorded };
}

function register(options: NewsroomCmsOptions = {}): Recorded {
  const { cms, recorded } = fakeCms();
  registerNewsroomCms(cms, { react, timeZone: "America/New_York", ...options });
  return recorded;
}

const componentOf = (recorded: Recorded, type: ContainerElementType) => recorded.components.find((component) => component.id === `newsroom-${type}`)!;

/** The form's fields, in order, as [name, label, widget]. */
const formOf = (component: DecapEditorComponent) => component.fields.map((field) => [field.name, field.label, field.widget]);

describe("the editor components", () => {
  test("one per ::: element, named and labelled with the plugin's labels, its fields those of the element's block", () => {
    const recorded = register();
    expect(recorded.components.map((component) => [component.id, component.label])).toEqual([
      ["newsroom-highlights", DEFAULT_LABELS.highlightsHeading],
      ["newsroom-quote", "Quote"],
      ["newsroom-pullquote", "Pull quote"],
      ["newsroom-video", "Video"],
      ["newsroom-update", DEFAULT_LABELS.update],
    ]);
    expect(CONTAINER_ELEMENT_TYPES).toEqual(["highlights", "quote", "pullquote", "video", "update"]);
    const words = DEFAULT_CMS_LABELS.fields;
    expect(formOf(componentOf(recorded, "highlights"))).toEqual([["items", words["items"], "list"]]);
    expect(componentOf(recorded, "highlights").fields[0]!.field).toEqual({ name: "item", label: words["items"], widget: "string" });
    for (const type of ["quote", "pullquote"] as const) {
      expect(formOf(componentOf(recorded, type))).toEqual([
        ["speaker", "Speaker", "string"],
        ["role", "Role", "string"],
        ["lang", words["lang"], "string"],
        ["text", "Words (Markdown)", "text"],
      ]);
    }
    // Every field of the video element, each a line of text, labelled.
    expect(formOf(componentOf(recorded, "video"))).toEqual(VIDEO_FIELDS.map((name) => [name, words[name], "string"]));
    expect(VIDEO_FIELDS.every((name) => typeof words[name] === "string" && words[name] !== name)).toBe(true);
    // An update's flags are checkboxes, off unless ticked.
    expect(formOf(componentOf(recorded, "update"))).toEqual([
      ["time", words["time"], "string"],
      ["updated", words["updated"], "string"],
      ["title", "Title", "string"],
      ["key", "Key event", "boolean"],
      ["pinned", "Pinned", "boolean"],
      ["author", "Author", "string"],
      ["id", "Id", "string"],
      ["text", "Words (Markdown)", "text"],
    ]);
    expect(componentOf(recorded, "update").fields.filter((field) => field.widget === "boolean").map((field) => field.default)).toEqual([false, false]);
    // Nothing in a form is required by Decap: the plugin's own check says what is missing, in its words.
    expect(recorded.components.flatMap((component) => component.fields).every((field) => field.required !== true)).toBe(true);
  });

  test("with SPANISH_LABELS, the components and their fields are in Spanish", () => {
    const recorded = register({ labels: SPANISH_LABELS });
    expect(recorded.components.map((component) => component.label)).toEqual([SPANISH_LABELS.highlightsHeading, SPANISH_CMS_LABELS.quote, SPANISH_CMS_LABELS.pullquote, SPANISH_CMS_LABELS.video, SPANISH_LABELS.update]);
    expect(recorded.components.map((component) => component.label)).toEqual(["Lo más destacado", "Cita", "Cita destacada", "Video", "Actualización"]);
    for (const type of CONTAINER_ELEMENT_TYPES) {
      const fields = componentOf(recorded, type).fields;
      expect(fields.map((field) => field.label)).toEqual(fields.map((field) => SPANISH_CMS_LABELS.fields[field.name]));
    }
    expect(formOf(componentOf(recorded, "quote")).map(([, label]) => label)).toEqual(["Quién lo dijo", "Cargo", "Idioma de las palabras (BCP 47, p. ej. es-MX)", "Palabras (Markdown)"]);
    // And the Spanish highlights preview has the Spanish heading the build writes.
    expect(componentOf(recorded, "highlights").toPreview({ items: ["Uno"] })).toContain(">Lo más destacado</h2>");
  });

  test("Decap reads each element's block into its form, and writes the form back as the same block", () => {
    const { components } = register();
    const blocks: Array<[ContainerElementType, string]> = [
      ["highlights", "::: highlights\n- Tillerson and Kelly meet Mexico's ministers\n- The U.S. and Mexico *share* the blame\n:::"],
      ["quote", '::: quote speaker="Luis Videgaray" role="Mexican Foreign Secretary" lang="es-MX"\nTenemos que superar el juego de culpas.\n:::'],
      ["pullquote", '::: pullquote speaker="Rex Tillerson"\nWe Americans must own this problem.\n\nIt is ours.\n:::'],
      ["video", '::: video url="https://vimeo.com/76979871" title="The New Vimeo Player" duration="1:45"\n:::'],
      ["update", ':::: update time="2017-05-18T10:45" title="Tillerson speaks" key\n::: quote speaker="Rex Tillerson"\nWe Americans must own this problem.\n:::\n::::'],
      // An element with nothing inside, before other blocks: its block ends at its own closing line.
      ["video", '::: video url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="Second"\n:::'],
      ["quote", '::: quote speaker="Nobody"\n:::'],
    ];
    const body = ["Words before.", ...blocks.map(([, block]) => block), "Words after."].join("\n\n");
    const nodes = decapRead(body, components);
    expect(nodes.map((node) => node.type)).toEqual(["paragraph", ...blocks.map(() => "shortcode"), "paragraph"]);
    expect(nodes.slice(1, -1).map((node) => node.data!.shortcode)).toEqual(blocks.map(([type]) => `newsroom-${type}`));
    for (const [index, [type, block]] of blocks.entries()) {
      expect(nodes[index + 1]!.data!.shortcodeData, block).toEqual(readBlock(type, block, newsroomMd()));
    }
    expect(nodes[3]!.data!.shortcodeData).toEqual({ speaker: "Rex Tillerson", text: "We Americans must own this problem.\n\nIt is ours." });
    expect(nodes[5]!.data!.shortcodeData).toEqual({ time: "2017-05-18T10:45", title: "Tillerson speaks", key: true, text: '::: quote speaker="Rex Tillerson"\nWe Americans must own this problem.\n:::' });
    // Written back by Decap, through each component's toBlock: the same body.
    expect(decapWrite(nodes, components).trimEnd()).toBe(body);
  });

  test("a block a form cannot hold stays Markdown text in Decap, and the editor goes on", () => {
    const { components } = register();
    const unreadable = [
      '::: quote speaker="Rex Tillerson" colour="red"\nWords.\n:::', // a field the quote does not have
      '::: quote speaker="Rex Tillerson\nWords.\n:::', // an attribute not closed
      "::: highlights\nA paragraph, not a list.\n:::",
      '::: video url="https://vimeo.com/76979871" title="A video"\nWords inside a video.\n:::',
      ':::: update time="2017-05-18T10:45" key="perhaps"\nWords.\n::::',
    ];
    for (const block of unreadable) {
      const nodes = decapRead(`${block}\n\n::: pullquote speaker="After"\nStill read.\n:::`, components);
      expect(nodes.map((node) => node.type), block).toEqual(["paragraph", "shortcode"]);
      expect(textOf(nodes[0]!)).toBe(block);
      expect(nodes[1]!.data).toEqual({ shortcode: "newsroom-pullquote", shortcodeData: { speaker: "After", text: "Still read." } });
    }
  });

  test("toBlock writes the block README documents; a live update's is the four-colon block", () => {
    const { components } = register();
    const update = componentOf({ components } as Recorded, "update");
    const written = update.toBlock({ time: "2017-05-18T10:45", updated: "", title: "Tillerson: “We Americans must own this problem”", key: true, pinned: false, author: "", id: "", text: "Secretary Tillerson spoke.\n" });
    // README, "Live coverage": `:::: update time="…" title="…" key`, the words, `::::`.
    expect(written).toBe(':::: update time="2017-05-18T10:45" title="Tillerson: “We Americans must own this problem”" key\nSecretary Tillerson spoke.\n::::');
    expect(update.toBlock({ time: "2017-05-18T10:00", title: "The meeting opens", pinned: true, text: "They meet." })).toBe(':::: update time="2017-05-18T10:00" title="The meeting opens" pinned\nThey meet.\n::::');
    // Decap hands over Immutable maps: what they hold is written.
    const immutable = { toJS: () => ({ speaker: "Rex Tillerson", text: "We Americans must own this problem." }) };
    expect(componentOf({ components } as Recorded, "pullquote").toBlock(immutable)).toBe('::: pullquote speaker="Rex Tillerson"\nWe Americans must own this problem.\n:::');
    for (const type of CONTAINER_ELEMENT_TYPES) {
      expect(componentOf({ components } as Recorded, type).toBlock({}).startsWith(":".repeat(BLOCK_SHAPES[type].colons) + " " + type)).toBe(true);
    }
  });

  test("toPreview is the build's HTML of the element, byte for byte", async () => {
    const { components } = register();
    const recorded = { components } as Recorded;
    const values: Array<[Exclude<ContainerElementType, "update">, Record<string, unknown>]> = [
      ["highlights", { items: ["Tillerson and Kelly meet Mexico's ministers", "The U.S. and Mexico *share* the blame"] }],
      ["quote", { speaker: "Luis Videgaray", role: "Mexican Foreign Secretary", lang: "es-MX", text: "Tenemos que superar el juego de culpas." }],
      ["pullquote", { speaker: "Rex Tillerson", text: "We Americans must *own* this problem." }],
      ["video", { url: "https://vimeo.com/76979871", title: "The New Vimeo Player", duration: "1:45", source: "Vimeo", aspectRatio: "4/3" }],
    ];
    // Each element alone on a page of a site built with Eleventy and the plugin, its block the one the form writes.
    const files = Object.fromEntries(values.map(([type, value]) => [`${type}.md`, `${writeBlock(type, value)}\n`]));
    const pages = await buildSite(files, { options: { timeZone: "America/New_York" } });
    for (const [type, value] of values) {
      const built = pages.get(`/${type}/`)!.content;
      expect(built).toContain(`class="newsroom-${type}`);
      expect(componentOf(recorded, type).toPreview(value).trim(), type).toBe(built.trim());
    }
    // A live update's preview is its article, as the story's live blog shows it.
    const update = { time: "2017-05-18T10:45", title: "Tillerson speaks", key: true, text: '::: quote speaker="Rex Tillerson"\nWe Americans must own this problem.\n:::' };
    const article = componentOf(recorded, "update").toPreview(update);
    // The live blog renders an update as every element (renderElement, plugin/live.ts): renderUpdate's article as a
    // Markdown-safe block, which ends in a line break.
    expect(article).toBe(`${markupOf(updates([update])[0]!)}\n`);
    expect(article).toMatch(/^<article class="newsroom-update newsroom-update--key" id="update-20170518-1045-tillerson-speaks"/);
    expect(article).toContain('<time datetime="2017-05-18T10:45:00-04:00">');
    expect(article).toContain('<figure class="newsroom-quote">');
    // What does not parse previews as the plugin's error box, with its message.
    const broken = componentOf(recorded, "quote").toPreview({ text: "Words." });
    expect(broken).toBe(renderErrorBox(thrown(() => parseElement("quote", { text: "Words." })) as NewsroomError).toString());
    expect(broken).toContain("the required field &quot;speaker&quot; is missing");
  });
});

type Validating = { isValid(this: unknown): unknown; render(this: unknown): unknown };

/** A registered widget's isValid, on a control holding `value` (its inner control answering `inner`). */
function validity(recorded: Recorded, name: string, value: unknown, inner: unknown = true): unknown {
  const control = recorded.widgets.get(name)!.control as Validating;
  return control.isValid.call({ props: { value }, inner: { isValid: () => inner } });
}

/** The error Decap shows at the field for the plugin's error. */
const shown = (error: unknown) => {
  expect(error).toBeInstanceOf(NewsroomError);
  return { error: { type: "CUSTOM", message: (error as NewsroomError).message } };
};

describe("the widgets", () => {
  test("each is Decap's own widget wrapped: registered by the name config.yml uses, with its base's preview, rendering its base's control", () => {
    const recorded = register();
    const bases = { [NEWSROOM_WIDGETS.body]: "markdown", [NEWSROOM_WIDGETS.video]: "object", [NEWSROOM_WIDGETS.highlights]: "list", [NEWSROOM_WIDGETS.dateline]: "string", [NEWSROOM_WIDGETS.image]: "object" };
    expect([...recorded.widgets.keys()].sort()).toEqual(Object.keys(bases).sort());
    expect(Object.keys(bases).sort()).toEqual(["newsroom-dateline", "newsroom-highlights", "newsroom-image", "newsroom-markdown", "newsroom-video"]);
    for (const [name, base] of Object.entries(bases)) {
      const { control, preview } = recorded.widgets.get(name)!;
      expect(preview).toBe(BASE_WIDGETS[base]!.preview);
      const self: { props: Record<string, unknown>; inner?: unknown } = { props: { value: "x", field: { name } } };
      const element = (control as Validating).render.call(self) as ReactElement;
      expect(element.type).toBe(BASE_WIDGETS[base]!.control);
      expect(element.props).toMatchObject({ value: "x", field: { name } });
      // The ref keeps the inner control, whose own isValid is asked when the plugin finds nothing wrong.
      const inner = { isValid: () => ({ error: { type: "RANGE", message: "inner" } }) };
      (element.props!["ref"] as (inner: unknown) => void)(inner);
      expect(self.inner).toBe(inner);
    }
    const site = readConfigWidgets();
    expect(site.sort()).toEqual(Object.keys(bases).sort());
  });

  test("a broken element in the body stops publishing with the plugin's message; a sound body asks the markdown widget", () => {
    const recorded = register();
    const body = "Words.\n\n::: quote\nWe need to overcome the blame game.\n:::\n";
    const expected = thrown(() => newsroomMd().render(body));
    expect(validity(recorded, NEWSROOM_WIDGETS.body, body)).toEqual(shown(expected));
    expect((expected as NewsroomError).message).toMatch(/^\[eleventy-plugin-newsroom\] line 3: quote: the required field "speaker" is missing\./);
    const sound = 'Words.\n\n::: quote speaker="Luis Videgaray"\nWe need to overcome the blame game.\n:::\n';
    expect(validity(recorded, NEWSROOM_WIDGETS.body, sound)).toBe(true);
    const innerError = { error: { type: "PATTERN", message: "from Decap" } };
    expect(validity(recorded, NEWSROOM_WIDGETS.body, sound, innerError)).toBe(innerError);
    expect(validity(recorded, NEWSROOM_WIDGETS.body, undefined)).toBe(true);
  });

  test("the front matter widgets give the messages the build stops with", () => {
    const recorded = register();
    const parse = (type: "video" | "highlights" | "dateline", input: Record<string, unknown>) => thrown(() => parseElement(type, input, {}, { timeZone: "America/New_York" }));
    const javascript = { url: "javascript:alert(1)", title: "A video" };
    expect(validity(recorded, NEWSROOM_WIDGETS.video, javascript)).toEqual(shown(parse("video", javascript)));
    const seventyFive = { url: "https://vimeo.com/76979871", title: "A video", duration: "1:75" };
    expect(validity(recorded, NEWSROOM_WIDGETS.video, seventyFive)).toEqual(shown(parse("video", seventyFive)));
    expect((validity(recorded, NEWSROOM_WIDGETS.video, seventyFive) as { error: { message: string } }).error.message).toMatch(/video: duration "1:75" has 75 seconds/);
    // Decap writes an untouched field as "": it is left out, as the YAML the build reads leaves it out.
    expect(validity(recorded, NEWSROOM_WIDGETS.video, { url: "https://vimeo.com/76979871", title: "A video", duration: "", source: "" })).toBe(true);
    expect(validity(recorded, NEWSROOM_WIDGETS.video, { toJS: () => ({ url: "", title: "" }) })).toBe(true);
    const twoParagraphs = ["One.", "Two.\n\nThree."];
    expect(validity(recorded, NEWSROOM_WIDGETS.highlights, twoParagraphs)).toEqual(shown(parse("highlights", { items: twoParagraphs })));
    expect(validity(recorded, NEWSROOM_WIDGETS.highlights, ["One.", ""])).toBe(true);
    expect(validity(recorded, NEWSROOM_WIDGETS.dateline, "WASHINGTON (CNN)")).toBe(true);
    const noAlt = validity(recorded, NEWSROOM_WIDGETS.image, { src: "/assets/photo.jpg", alt: "" }) as { error: { message: string } };
    expect(noAlt.error.message).toMatch(/^\[eleventy-plugin-newsroom\] image: the required field "alt" is missing/);
    expect(validity(recorded, NEWSROOM_WIDGETS.image, { src: "/assets/photo.jpg", alt: "A photo" })).toBe(true);
  });

  test("with SPANISH_LABELS the checks are the same (the plugin's messages are English)", () => {
    const recorded = register({ labels: SPANISH_LABELS });
    expect(validity(recorded, NEWSROOM_WIDGETS.body, "::: quote\nWords.\n:::\n")).toMatchObject({ error: { message: expect.stringMatching(/quote: the required field "speaker" is missing/) } });
  });
});

describe("the story preview and its styles", () => {
  test("each collection named gets the story preview, the layout's order; each stylesheet is registered", () => {
    const recorded = register({ previewTemplates: ["stories", "live"], previewStyles: ["/admin/newsroom-video.css", "/assets/site.css"] });
    expect([...recorded.templates.keys()]).toEqual(["stories", "live"]);
    expect(recorded.styles).toEqual(["/admin/newsroom-video.css", "/assets/site.css"]);
    const template = recorded.templates.get("stories") as { render(this: unknown): ReactElement };
    const data = { title: "A story", section: "Politics", highlights: ["One."], body: '::: pullquote speaker="Rex Tillerson"\nWords.\n:::\n' };
    const element = template.render.call({ props: { entry: { get: (name: string) => (name === "data" ? { toJS: () => data } : undefined), getIn: () => undefined } } });
    expect(element.type).toBe("div");
    const html = (element.props!["dangerouslySetInnerHTML"] as { __html: string }).__html;
    expect(html.indexOf('<h1 class="story__headline">A story</h1>')).toBeGreaterThan(0);
    expect(html.indexOf('class="newsroom-highlights"')).toBeGreaterThan(html.indexOf("story__headline"));
    expect(html.indexOf('class="newsroom-pullquote"')).toBeGreaterThan(html.indexOf('class="story__body"'));
  });

  test("Decap without a widget to build on, or without its React helpers, is named in the error", () => {
    const { cms } = fakeCms({ markdown: BASE_WIDGETS["markdown"]! });
    expect(() => registerNewsroomCms(cms, { react })).toThrow(/Decap has no "object" widget to build "newsroom-video" on/);
    expect(() => registerNewsroomCms(fakeCms().cms)).toThrow(/React helpers not found: load Decap CMS's script first/);
  });
});

/** The widgets site/admin/config.yml uses that this module registers. */
function readConfigWidgets(): string[] {
  const config = readFileSync(join(REPOSITORY, "site/admin/config.yml"), "utf8");
  return [...new Set([...config.matchAll(/widget: (newsroom-[a-z]+)/g)].map((match) => match[1]!))];
}
