/**
 * Gives the plugin's elements to Decap CMS: an editor component per `:::` element (a form of its fields, written and
 * read as the block README documents), previews rendered by the plugin's own renderers, and widgets that stop a story
 * with a broken element from being published, showing the plugin's own message at the field.
 */
import type { Labels } from "../context.js";
import { NewsroomError } from "../errors.js";
import { CONTAINER_ELEMENT_TYPES, type ContainerElementType } from "../markdown/plugin.js";
import { BLOCK_SHAPES, blockRegExp, readBlock, writeBlock, type BlockValues } from "./blocks.js";
import { cmsLabelsFor, type CmsLabels } from "./labels.js";
import { NewsroomPreview, type PreviewOptions } from "./preview.js";

/** A Decap field (`{ name, label, widget, … }`). */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  field?: DecapField;
  [option: string]: unknown;
}

/** What `CMS.registerEditorComponent` takes. */
export interface DecapEditorComponent {
  id: string;
  label: string;
  fields: DecapField[];
  pattern: RegExp;
  fromBlock(match: RegExpMatchArray): BlockValues;
  toBlock(values: unknown): string;
  toPreview(values: unknown): string;
}

/** The part of Decap's `CMS` object this module uses. */
export interface DecapCms {
  registerEditorComponent(component: DecapEditorComponent): void;
  registerPreviewTemplate(name: string, component: unknown): void;
  registerPreviewStyle(url: string, options?: { raw?: boolean }): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  getWidget(name: string): { control: unknown; preview?: unknown } | undefined;
}

/** React's `createElement` and `create-react-class`, which Decap's bundle exposes as `window.h` and `window.createClass`. */
export interface ReactHelpers {
  h: (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
  createClass: (spec: Record<string, unknown>) => unknown;
}

export interface NewsroomCmsOptions extends PreviewOptions {
  /** The words of the forms; by default those of `labels`' language (English, or Spanish with SPANISH_LABELS). */
  cmsLabels?: CmsLabels | undefined;
  /** Collections (or files) whose entries are previewed as stories (see `NewsroomPreview.renderStory`). */
  previewTemplates?: readonly string[] | undefined;
  /** Stylesheets the preview pane loads: the site's own, so the preview looks like the page. */
  previewStyles?: readonly string[] | undefined;
  /** React helpers; by default Decap's `window.h` and `window.createClass`. */
  react?: ReactHelpers | undefined;
}

/** The names of the widgets this module registers (use them in config.yml). */
export const NEWSROOM_WIDGETS = {
  body: "newsroom-markdown",
  video: "newsroom-video",
  highlights: "newsroom-highlights",
  dateline: "newsroom-dateline",
  image: "newsroom-image",
} as const;

/** A line break in a single-line field would split the block's opening line: these fields are one line. */
function fieldsOf(type: ContainerElementType, labels: CmsLabels): DecapField[] {
  const shape = BLOCK_SHAPES[type];
  const label = (name: string) => labels.fields[name] ?? name;
  const fields: DecapField[] = [];
  if (shape.body === "items") {
    fields.push({ name: "items", label: label("items"), widget: "list", field: { name: "item", label: label("items"), widget: "string" } });
  }
  for (const name of shape.attributes) {
    if (shape.flags.includes(name)) fields.push({ name, label: label(name), widget: "boolean", required: false, default: false });
    else fields.push({ name, label: label(name), widget: "string", required: false });
  }
  if (shape.body === "text") fields.push({ name: "text", label: label("text"), widget: "text", required: false });
  return fields;
}

function componentLabel(type: ContainerElementType, labels: Labels, cmsLabels: CmsLabels): string {
  switch (type) {
    case "highlights":
      return labels.highlightsHeading;
    case "update":
      return labels.update;
    default:
      return cmsLabels[type];
  }
}

/**
 * Matches an element's block only when a form can hold all of it: a block whose attributes cannot be read, or name a
 * field the element does not have, stays Markdown text in the editor (and the editor's check names the fault), instead
 * of being opened in a form that would drop what was written. Decap 3 copies a component's pattern into a plain
 * RegExp (its `source` and `flags`) before matching, so there `fromBlock` turns such a block away (see
 * `newsroomEditorComponents`).
 */
class ReadableBlock extends RegExp {
  constructor(
    pattern: RegExp,
    private readonly readable: (block: string) => boolean,
  ) {
    super(pattern.source, pattern.flags);
  }

  override exec(text: string): RegExpExecArray | null {
    const match = super.exec(text);
    return match && this.readable(match[0]) ? match : null;
  }
}

/** The editor components, one per `:::` element; what `registerNewsroomCms` registers. */
export function newsroomEditorComponents(options: NewsroomCmsOptions = {}, preview = new NewsroomPreview(options)): DecapEditorComponent[] {
  const cmsLabels = options.cmsLabels ?? cmsLabelsFor(preview.labels);
  return CONTAINER_ELEMENT_TYPES.map((type) => {
    const read = (block: string) => readBlock(type, block, preview.markdown, preview.names);
    const readable = (block: string) => {
      try {
        read(block);
        return true;
      } catch {
        return false;
      }
    };
    return {
      id: `newsroom-${type}`,
      label: componentLabel(type, preview.labels, cmsLabels),
      fields: fieldsOf(type, cmsLabels),
      pattern: new ReadableBlock(blockRegExp(type, preview.names), readable),
      fromBlock: (match) => {
        try {
          return read(match[0]);
        } catch (error) {
          if (!(error instanceof NewsroomError)) throw error;
          // Decap calls fromBlock outside its try: a throw here stops the whole editor. It then eats `match[0]` from
          // the text, inside a try that, when eating fails, leaves the text to its other rules: a match that no
          // longer begins the text fails, and the block stays Markdown text, as ReadableBlock would leave it.
          match[0] = `\u0000${match[0]}`;
          return {};
        }
      },
      toBlock: (values) => writeBlock(type, values, preview.names),
      toPreview: (values) => preview.renderBlockValues(type, values),
    };
  });
}

/** Decap's answer to a widget's `isValid()`: the plugin's own message, shown at the field. */
const invalid = (error: NewsroomError | undefined) => (error ? { error: { type: "CUSTOM", message: error.message } } : true);

function validatingWidget(react: ReactHelpers, base: { control: unknown }, check: (value: unknown) => NewsroomError | undefined): unknown {
  return react.createClass({
    displayName: "NewsroomValidatingControl",
    isValid(this: { props: { value: unknown }; inner?: { isValid?: () => unknown } }) {
      const own = invalid(check(this.props.value));
      if (own !== true) return own;
      return this.inner?.isValid?.() ?? true;
    },
    render(this: { props: Record<string, unknown>; inner?: unknown }) {
      return react.h(base.control, Object.assign({}, this.props, { ref: (inner: unknown) => (this.inner = inner ?? undefined) }));
    },
  });
}

function reactHelpers(options: NewsroomCmsOptions): ReactHelpers {
  if (options.react) return options.react;
  const global = globalThis as unknown as Partial<ReactHelpers>;
  if (typeof global.h !== "function" || typeof global.createClass !== "function") {
    throw new Error("eleventy-plugin-newsroom/cms: React helpers not found: load Decap CMS's script first (it sets window.h and window.createClass), or pass { react: { h, createClass } }");
  }
  return { h: global.h, createClass: global.createClass };
}

/**
 * Registers everything on Decap's `CMS` object: the editor components, the validating widgets (named in
 * `NEWSROOM_WIDGETS`), the story preview templates and the preview styles. Returns the preview, whose renderers the
 * components use.
 */
export function registerNewsroomCms(cms: DecapCms, options: NewsroomCmsOptions = {}): NewsroomPreview {
  const preview = new NewsroomPreview(options);
  for (const component of newsroomEditorComponents(options, preview)) cms.registerEditorComponent(component);
  const react = reactHelpers(options);
  const widgets: Array<[string, string, (value: unknown) => NewsroomError | undefined]> = [
    [NEWSROOM_WIDGETS.body, "markdown", (value) => (typeof value === "string" ? preview.checkBody(value) : undefined)],
    [NEWSROOM_WIDGETS.video, "object", (value) => preview.checkFrontMatter("video", value)],
    [NEWSROOM_WIDGETS.highlights, "list", (value) => preview.checkFrontMatter("highlights", value)],
    [NEWSROOM_WIDGETS.dateline, "string", (value) => preview.checkFrontMatter("dateline", value)],
    [NEWSROOM_WIDGETS.image, "object", (value) => preview.checkFrontMatter("image", value)],
  ];
  for (const [name, baseName, check] of widgets) {
    const base = cms.getWidget(baseName);
    if (!base) throw new Error(`eleventy-plugin-newsroom/cms: Decap has no "${baseName}" widget to build "${name}" on`);
    cms.registerWidget(name, validatingWidget(react, base, check), base.preview);
  }
  for (const name of options.previewTemplates ?? []) {
    const template = react.createClass({
      displayName: "NewsroomStoryPreview",
      render(this: { props: { entry: { getIn(path: string[]): unknown; get(name: string): { toJS?: () => unknown } } } }) {
        const data = this.props.entry.get("data");
        const plain = (data?.toJS?.() ?? {}) as Record<string, unknown>;
        return react.h("div", { className: "newsroom-cms-preview", dangerouslySetInnerHTML: { __html: preview.renderStory(plain) } });
      },
    });
    cms.registerPreviewTemplate(name, template);
  }
  for (const url of options.previewStyles ?? []) cms.registerPreviewStyle(url);
  return preview;
}
