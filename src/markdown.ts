import type MarkdownIt from "markdown-it";
import markdownItContainer from "markdown-it-container";
import type { RenderContext } from "./context.js";
import { NewsroomError } from "./errors.js";
import { listOfNames } from "./fields.js";
import { parseElement, renderElement, type ParseOptions } from "./elements/index.js";
import {
  addApplication,
  canHandOver,
  elementKey,
  handOverReferences,
  instanceOf,
  maxNestingOf,
  type BlockRule,
  type CoreRule,
  type Instance,
  type Token,
} from "./handOver.js";
import { parseAttributes } from "./syntax/attributes.js";
import { inputWithBody } from "./syntax/body.js";
import type { ElementType, NewsroomElement } from "./types.js";

export { forgetReadStories } from "./handOver.js";

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

type CoreState = Parameters<CoreRule>[0];

/** The read in progress: reads are synchronous, and a parse inside one (a highlights list) has an `env` of its own. */
interface Read {
  env: object;
  /** Whether to keep the elements for a render of another source (see `handOver.ts`), and the keys kept. */
  keepElements: boolean;
  elementKeys: string[];
  /** Tokens that earlier core rules made before markdown-it's block rule ran (a read hands over only its own). */
  tokensBeforeBlock: number;
  /** An error was shown in place (while previewing): nothing is handed over. */
  failed: boolean;
}
let currentRead: Read | undefined;

/** The state whose tokens were just handed over, and its source, emptied for markdown-it's block rule. */
let handedOver: { state: object; src: string } | undefined;

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

  /**
   * Just before markdown-it's block rule: when a read of this exact source left its block tokens, they are taken, and
   * the block rule is given an empty source (it then parses nothing) until the elements rule, just after it, puts the
   * source back.
   */
  const beforeBlock: CoreRule = (state) => {
    state.env ??= {};
    if (instance.readParses.size === 0 || state.inlineMode || state.tokens.length !== 0 || currentRead?.env === state.env) return;
    if (!canHandOver(md, instance)) return;
    const read = instance.readParses.take(state.src);
    if (!read) return;
    for (const key of read.elementKeys) application.readElements.take(key);
    // Parsed with other options (`md.set()` between the read and the render): parse again.
    if (read.html !== md.options.html || read.maxNesting !== maxNestingOf(md)) return;
    if (read.references !== undefined) handOverReferences(state.env as { references?: Record<string, unknown> }, read.references);
    state.tokens = read.tokens;
    handedOver = { state, src: state.src };
    state.src = "";
  };
  md.core.ruler.before("block", "newsroom_env", beforeBlock);

  const recordSource: BlockRule = (state, startLine, endLine, silent) => {
    if (!silent) recordContainerSource(state as unknown as BlockState, startLine, endLine);
    return false;
  };
  md.block.ruler.before("fence", "newsroom_container_source", recordSource);
  const blockRules = new Set<BlockRule>([recordSource]);
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

  const blockRulesBefore = new Set(md.block.ruler.getRules(""));
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
        // The adapter's context carries this env already. (Object.assign, not a spread with another property, which V8
        // makes several times slower: this runs for every element.)
        return renderElement(meta.element, context.env === env ? context : Object.assign({}, context, { env })).toString();
      } catch (error) {
        const line = tokens[index]!.map?.[0];
        return handle(error, env, line === undefined ? undefined : line + 1);
      }
    };
  }
  for (const rule of md.block.ruler.getRules("")) if (!blockRulesBefore.has(rule)) blockRules.add(rule);
  const knownNames = [...typeByName.keys()];
  const typeByOpenToken = new Map(CONTAINER_ELEMENT_TYPES.map((type) => [`container_${containerName(type)}_open`, type]));

  function handle(error: unknown, env: object, line: number | undefined): string {
    if (!(error instanceof NewsroomError)) throw error;
    if (currentRead?.env === env) currentRead.failed = true;
    const location = options.locate?.(env) ?? {};
    // Lines found so far count from the start of the Markdown source; the file's numbering adds its front matter.
    error.locate({ line }).offsetLine(location.lineOffset ?? 0).locate({ file: location.file });
    const shown = options.onError?.(error, env);
    if (shown === undefined) throw error;
    return shown;
  }

  const elementsRule: CoreRule = (state) => {
    if (handedOver?.state === state) {
      // The tokens came from a read, elements and all: put the source back for the rules that follow.
      state.src = handedOver.src;
      handedOver = undefined;
      return;
    }
    const sources = sourcesByEnv.get(state.env);
    sourcesByEnv.delete(state.env);
    const tokens = state.tokens;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      // markdown-it-container's opening tokens carry the colons as their markup: only they are looked up by type.
      const type = token.nesting === 1 && token.markup.charCodeAt(0) === COLON ? typeByOpenToken.get(token.type) : undefined;
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
  const core = md.core.ruler.getRules("");
  const application = addApplication(md, { elementsRule, beforeBlock, blockRule: core[core.indexOf(beforeBlock) + 1], blockRules });
  const instance = instanceOf(md)!;

  /** Parses a container's element, or takes the one parsed from the same source when the story was read. */
  function parseContainer(type: ContainerElementType, attributeText: string, body: string, env: object): NewsroomElement {
    const read = currentRead?.env === env ? currentRead : undefined;
    if (!read && application.readElements.size > 0) {
      const element = application.readElements.take(elementKey(type, attributeText, body));
      if (element) return element;
    }
    const attributes = parseAttributes(attributeText, type);
    const input = inputWithBody(type, attributes, type === "highlights" || type === "quote" || type === "pullquote" ? body : body || undefined, md, { line: 1 });
    const element = parseElement(type, input, {}, options.parseOptions);
    if (read?.keepElements) {
      const key = elementKey(type, attributeText, body);
      if (application.readElements.add(key, element)) read.elementKeys.push(key);
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

/** An element a Markdown source holds, with the 1-based lines of its opening and closing markers. */
export interface MarkdownElement {
  element: NewsroomElement;
  line: number;
  endLine: number;
}

/**
 * Reads the elements that a Markdown source holds, in order, with their 1-based lines in that source.
 *
 * Elements are found by the block parse and the core rule that follows it, so the parse stops there: the inline parse
 * and the rules after it (links, typography) cannot add or change an element. What was read is handed to the render
 * of the same source (see `handOver.ts`): the block tokens when it renders this exact source, else the elements.
 */
export function elementsInMarkdown(md: MarkdownIt, source: string, env: object = {}): MarkdownElement[] {
  // Every container opens with a line of three colons or more: a source without one holds no element, and its render
  // parses it as it would without the plugin (nothing read, nothing kept).
  if (!source.includes(":::")) return [];
  const instance = instanceOf(md);
  // Only what the block parse adds to `env` can be handed over, so only a parse that starts without references.
  const handOver = instance !== undefined && (env as { references?: unknown }).references === undefined && canHandOver(md, instance);
  const read: Read = { env, keepElements: !handOver || source.includes("{"), elementKeys: [], tokensBeforeBlock: -1, failed: false };
  const outer = currentRead;
  currentRead = read;
  let state: CoreState;
  try {
    state = blockState(md, source, env, instance);
  } finally {
    currentRead = outer;
  }
  const found: MarkdownElement[] = [];
  for (const token of state.tokens) {
    const meta = token.meta as ElementTokenMeta | null;
    if (token.type.startsWith("newsroom_") && meta?.element && token.map) {
      found.push({ element: meta.element, line: token.map[0] + 1, endLine: token.map[1] + 1 });
    }
  }
  if (handOver && !read.failed && !state.inlineMode && read.tokensBeforeBlock === 0) {
    instance.readParses.add(state.src, {
      tokens: state.tokens,
      references: (env as { references?: Record<string, unknown> }).references,
      elementKeys: read.elementKeys,
      html: md.options.html,
      maxNesting: maxNestingOf(md),
    });
  }
  return found;
}

/** `md.parse` up to (and including) this plugin's core rules; all of it if the instance does not use the plugin. */
function blockState(md: MarkdownIt, source: string, env: object, instance: Instance | undefined): CoreState {
  const state = new md.core.State(source, md, env);
  if (!instance) {
    md.core.process(state);
    return state;
  }
  const before = instance.applications.length === 1 ? instance.applications[0]!.beforeBlock : undefined;
  const elementRules = instance.applications.map((application) => application.elementsRule);
  let ran = 0;
  for (const rule of md.core.ruler.getRules("")) {
    if (rule === before && currentRead) {
      currentRead.tokensBeforeBlock = state.tokens.length;
      // Tokens from earlier rules may depend on `env`: this read hands over no tokens, so it keeps its elements.
      if (state.tokens.length !== 0) currentRead.keepElements = true;
    }
    rule(state);
    if (elementRules.includes(rule) && ++ran === elementRules.length) break;
  }
  return state;
}
