import type MarkdownIt from "markdown-it";
import markdownItContainer from "markdown-it-container";
import type { RenderContext } from "./context.js";
import { NewsroomError } from "./errors.js";
import { listOfNames } from "./fields.js";
import { parseElement, renderElement, type ParseOptions } from "./elements/index.js";
import { parseAttributes } from "./syntax/attributes.js";
import { inputWithBody } from "./syntax/body.js";
import type { ElementType, NewsroomElement } from "./types.js";

type Token = ReturnType<MarkdownIt["parse"]>[number];

/** The elements that can be written as `::: name` containers. */
export type ContainerElementType = Exclude<ElementType, "dateline">;
export const CONTAINER_ELEMENT_TYPES: readonly ContainerElementType[] = ["highlights", "quote", "pullquote", "video"];

export interface MarkdownLocation {
  file?: string | undefined;
  /** How many lines of the file come before the Markdown source (its front matter). */
  lineOffset?: number | undefined;
}

export interface NewsroomMarkdownOptions {
  /** The word after `:::` for each element. */
  names: Readonly<Record<ContainerElementType, string>>;
  parseOptions?: ParseOptions | undefined;
  /** Builds the render context for one render call; `env` is what the caller passed to markdown-it. */
  renderContext(env: object): RenderContext;
  /** Tells which file is being rendered, for error messages. */
  locate?: ((env: object) => MarkdownLocation) | undefined;
  /**
   * Called with every error found in the Markdown. Return HTML to show in the element's place (a preview server does
   * this so the writer sees the error on the page); return undefined, or throw, to fail the render.
   */
  onError?: ((error: NewsroomError, env: object) => string | undefined) | undefined;
}

/** The token that replaces a parsed container; its `meta.element` is the parsed element. */
export interface ElementTokenMeta {
  element: NewsroomElement;
}

export const elementTokenType = (type: ElementType) => `newsroom_${type}`;
const containerName = (type: ContainerElementType) => `newsroom_${type}_container`;
const COLON = 0x3a;
const WHITESPACE = /\s/;
const OPENING_MARKER = /^(:{3,})\s*([^\s:]+)/;
const CLOSING_MARKER = /^(:{3,})\s*$/;

/** A container's content as the block parser saw it: inside a blockquote or a list, without the `> ` or indentation. */
interface ContainerSource {
  lines: string[];
  closed: boolean;
}

type BlockState = {
  src: string;
  env: object;
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  blkIndent: number;
};
const STRAY_MARKER = /^(:{3,})\s*([^\s:]*)/;

type CoreRule = Parameters<MarkdownIt["core"]["ruler"]["push"]>[1];

/** The core rule(s) that turn containers into element tokens, per markdown-it instance: reading elements stops there. */
const elementRules = new WeakMap<MarkdownIt, Set<CoreRule>>();

/** The `env`s of parses that only read elements (`elementsInMarkdown`), whose parsed elements a later render reuses. */
const readingEnvs = new WeakSet<object>();

/**
 * Elements parsed while reading a story (for the collections), kept until the story is rendered: the render finds the
 * same container source and takes the element instead of parsing it again, so each element is parsed once per build.
 * `parseElement` is a pure function of the source and the options, so the element is the one the render would make.
 * An entry is taken when it is used; the cap only matters for stories that are read but never rendered.
 */
const READ_ELEMENTS_CAP = 200_000;

/**
 * The markdown-it plugin: `::: highlights`, `::: quote …`, `::: pullquote …` and `::: video …` blocks.
 *
 * markdown-it-container finds the blocks (nesting, markers, lists). A core rule then reads each block's own source
 * (its attributes and the raw text between its lines) with the same `parseElement` that shortcodes and front matter
 * use, and replaces the block's tokens with one `newsroom_<type>` token. Rendering that token renders the element, so
 * a quote written in Markdown and one written as a shortcode are the same bytes. Render rules can be overridden:
 * `md.renderer.rules.newsroom_quote = …`.
 */
export function newsroomMarkdown(md: MarkdownIt, options: NewsroomMarkdownOptions): void {
  const typeByName = new Map<string, ContainerElementType>();
  for (const type of CONTAINER_ELEMENT_TYPES) typeByName.set(options.names[type], type);

  // Recorded by a block rule that runs just before markdown-it-container's, read (and dropped) by the core rule.
  const sourcesByEnv = new WeakMap<object, Map<number, ContainerSource>>();
  md.core.ruler.before("block", "newsroom_env", (state) => {
    state.env ??= {};
  });
  md.block.ruler.before("fence", "newsroom_container_source", (state, startLine, endLine, silent) => {
    if (!silent) recordContainerSource(state as unknown as BlockState, startLine, endLine);
    return false;
  });

  function recordContainerSource(state: BlockState, startLine: number, endLine: number): void {
    // Every block of every Markdown page passes here: only a line that starts with ":" can open a container.
    if (state.src.charCodeAt(state.bMarks[startLine]! + state.tShift[startLine]!) !== COLON) return;
    const lineText = (line: number) => state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
    const opening = OPENING_MARKER.exec(lineText(startLine));
    if (!opening || !typeByName.has(opening[2]!)) return;
    // The same search for the closing line as markdown-it-container's, over lines the block parser has already
    // stripped of blockquote markers.
    const lines: string[] = [];
    let closed = false;
    for (let line = startLine + 1; line < endLine; line++) {
      const text = lineText(line);
      if (text !== "" && state.sCount[line]! < state.blkIndent) break;
      const closing = CLOSING_MARKER.exec(text);
      if (closing && closing[1]!.length >= opening[1]!.length && state.sCount[line]! - state.blkIndent < 4) {
        closed = true;
        break;
      }
      lines.push(state.src.slice(state.bMarks[line], state.eMarks[line]));
    }
    let sources = sourcesByEnv.get(state.env);
    if (!sources) sourcesByEnv.set(state.env, (sources = new Map()));
    sources.set(startLine, { lines, closed });
  }

  for (const type of CONTAINER_ELEMENT_TYPES) {
    const name = options.names[type];
    // The container plugin is typed against markdown-it's CommonJS types; the instance is the same.
    markdownItContainer(md as never, containerName(type), {
      // The first word after the marker is the name; each container is asked about every `:::` line of the page.
      validate: (params: string) => {
        const words = params.trim();
        return words.startsWith(name) && (words.length === name.length || WHITESPACE.test(words[name.length]!)) && !WHITESPACE.test(name);
      },
    });
    md.renderer.rules[elementTokenType(type)] = (tokens, index, _options, env: object) => {
      const meta = tokens[index]!.meta as ElementTokenMeta | null;
      if (!meta) return "";
      const context = options.renderContext(env);
      try {
        return renderElement(meta.element, { ...context, env }).toString();
      } catch (error) {
        const line = tokens[index]!.map?.[0];
        return handle(error, env, line === undefined ? undefined : line + 1);
      }
    };
  }
  const knownNames = [...typeByName.keys()];
  const typeByOpenToken = new Map(CONTAINER_ELEMENT_TYPES.map((type) => [`container_${containerName(type)}_open`, type]));
  const readElements = new Map<string, NewsroomElement>();

  function handle(error: unknown, env: object, line: number | undefined): string {
    if (!(error instanceof NewsroomError)) throw error;
    const location = options.locate?.(env) ?? {};
    // Lines found so far count from the start of the Markdown source; the file's numbering adds its front matter.
    error.locate({ line }).offsetLine(location.lineOffset ?? 0).locate({ file: location.file });
    const shown = options.onError?.(error, env);
    if (shown === undefined) throw error;
    return shown;
  }

  const elementsRule: CoreRule = (state) => {
    const sources = sourcesByEnv.get(state.env);
    sourcesByEnv.delete(state.env);
    const tokens = state.tokens;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      const type = typeByOpenToken.get(token.type);
      if (type) {
        const close = findClose(tokens, index);
        const replacement = elementToken(state, token, type, sources?.get(token.map![0]));
        tokens.splice(index, close - index + 1, replacement);
      } else if (token.type === "inline" && token.content.charCodeAt(0) === COLON && tokens[index - 1]?.type === "paragraph_open") {
        const stray = STRAY_MARKER.exec(token.content);
        if (stray) reportStray(state, tokens, index, stray[1]!, stray[2]!);
      }
    }
  };
  md.core.ruler.after("block", "newsroom_elements", elementsRule);
  let rules = elementRules.get(md);
  if (!rules) elementRules.set(md, (rules = new Set()));
  rules.add(elementsRule);

  /** Parses a container's element, or takes the one parsed from the same source when the story was read. */
  function parseContainer(type: ContainerElementType, attributeText: string, body: string, env: object): NewsroomElement {
    const key = `${type}\u0000${attributeText}\u0000${body}`;
    const reading = readingEnvs.has(env);
    if (!reading) {
      const read = readElements.get(key);
      if (read) {
        readElements.delete(key);
        return read;
      }
    }
    const attributes = parseAttributes(attributeText, type);
    const input = inputWithBody(type, attributes, type === "highlights" || type === "quote" || type === "pullquote" ? body : body || undefined, md, { line: 1 });
    const element = parseElement(type, input, {}, options.parseOptions);
    if (reading) {
      if (readElements.size >= READ_ELEMENTS_CAP) readElements.clear();
      readElements.set(key, element);
    }
    return element;
  }

  function elementToken(
    state: { env: object; Token: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token },
    open: Token,
    type: ContainerElementType,
    source: ContainerSource | undefined,
  ): Token {
    const [start, end] = open.map!;
    const replacement = new state.Token(elementTokenType(type), "", 0);
    replacement.block = true;
    replacement.map = [start, end];
    replacement.level = open.level;
    try {
      if (!source?.closed) {
        throw new NewsroomError({
          element: type,
          problem: `the "${open.markup} ${open.info.trim()}" block is never closed`,
          fix: `add a line "${open.markup}" after the element's content`,
        });
      }
      const attributeText = open.info.trim().slice(options.names[type].length);
      const element = parseContainer(type, attributeText, source.lines.join("\n"), state.env);
      replacement.meta = { element } satisfies ElementTokenMeta;
    } catch (error) {
      if (error instanceof NewsroomError && error.line !== undefined) error.line += start;
      const shown = handle(error, state.env, start + 1);
      replacement.type = "html_block";
      replacement.content = shown;
    }
    return replacement;
  }

  function reportStray(state: { env: object }, tokens: Token[], index: number, markup: string, name: string): void {
    const token = tokens[index]!;
    const line = token.map ? token.map[0] + 1 : undefined;
    const error = name
      ? new NewsroomError({
          element: name,
          problem: `"${markup} ${name}" is not an element this site knows`,
          fix: `use one of ${listOfNames(knownNames)} (or check the spelling)`,
        })
      : new NewsroomError({
          element: "Markdown",
          problem: `a "${markup}" line closes a block that was never opened`,
          fix: `remove the stray "${markup}" line, or open the element above it with "${markup} ${knownNames[0]}"`,
        });
    const shown = handle(error, state.env, line);
    // The message replaces the whole paragraph, so a block of HTML is not left inside a <p>.
    tokens[index - 1]!.hidden = true;
    const close = tokens.findIndex((t, i) => i > index && t.type === "paragraph_close");
    if (close !== -1) tokens[close]!.hidden = true;
    token.type = "html_inline";
    token.content = shown;
    token.children = [];
  }
}

function findClose(tokens: Token[], openIndex: number): number {
  const open = tokens[openIndex]!;
  const closeType = `${open.type.slice(0, -"_open".length)}_close`;
  for (let index = openIndex + 1; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.type === closeType && token.level === open.level) return index;
  }
  return tokens.length - 1;
}

/**
 * Reads the elements that a Markdown source holds, in order, with their 1-based lines in that source.
 *
 * Elements are found by the block parse and the core rule that follows it, so the parse stops there: the inline parse
 * and the rules after it (links, typography) cannot add or change an element. The elements read are handed to the
 * render of the same source, which then does not parse them again.
 */
export function elementsInMarkdown(md: MarkdownIt, source: string, env: object = {}): Array<{ element: NewsroomElement; line: number; endLine: number }> {
  const found: Array<{ element: NewsroomElement; line: number; endLine: number }> = [];
  readingEnvs.add(env);
  let tokens: Token[];
  try {
    tokens = blockTokens(md, source, env);
  } finally {
    readingEnvs.delete(env);
  }
  for (const token of tokens) {
    const meta = token.meta as ElementTokenMeta | null;
    if (token.type.startsWith("newsroom_") && meta?.element && token.map) {
      found.push({ element: meta.element, line: token.map[0] + 1, endLine: token.map[1] + 1 });
    }
  }
  return found;
}

/** `md.parse` up to (and including) this plugin's core rules; all of it if the instance does not use the plugin. */
function blockTokens(md: MarkdownIt, source: string, env: object): Token[] {
  const rules = elementRules.get(md);
  if (!rules) return md.parse(source, env);
  const state = new md.core.State(source, md, env);
  let ran = 0;
  for (const rule of md.core.ruler.getRules("")) {
    rule(state);
    if (rules.has(rule) && ++ran === rules.size) break;
  }
  return state.tokens;
}
