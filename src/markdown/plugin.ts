import type MarkdownIt from "markdown-it";
import type { RenderContext } from "../context.js";
import { NewsroomError } from "../errors.js";
import { listOfNames } from "../values/fields.js";
import { parseElement, renderElement, type ParseOptions } from "../elements/index.js";
import {
  addApplication,
  builtInNormalizeOf,
  canHandOver,
  canHandOverBeforeNormalize,
  elementKey,
  handOverReferences,
  instanceOf,
  maxNestingOf,
  packTokens,
  unpackTokens,
  type BlockRule,
  type CoreRule,
  type Instance,
  type Token,
} from "./handOver.js";
import { parseAttributes } from "../syntax/attributes.js";
import { UPDATE_FLAGS } from "../elements/update.js";
import { inputWithBody } from "../syntax/body.js";
import type { ElementType, NewsroomElement } from "../types.js";

export { forgetReadStories } from "./handOver.js";

/** The elements that can be written as `::: name` containers. */
export type ContainerElementType = Exclude<ElementType, "dateline">;
export const CONTAINER_ELEMENT_TYPES: readonly ContainerElementType[] = ["highlights", "quote", "pullquote", "video", "update"];

export interface MarkdownLocation {
  file?: string | undefined;
  /** How many lines of the file come before the Markdown source (its front matter). */
  lineOffset?: number | undefined;
}

export interface NewsroomMarkdownOptions {
  /** The word after `:::` for each element. */
  names: Readonly<Record<ContainerElementType, string>>;
  parseOptions?: ParseOptions | undefined;
  /** The parse options of a live update in one render (the time zone of its story); `parseOptions` when absent. */
  parseOptionsFor?: ((env: object) => ParseOptions) | undefined;
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

/** The token of an element written as a `:::` block; its `meta.element` is the parsed element. */
export interface ElementTokenMeta {
  element: NewsroomElement;
}

/**
 * The token type of each element, as literal strings: V8 keeps them interned, where a string built per token would be
 * looked up again by every `renderer.rules[token.type]`.
 */
const TOKEN_TYPES: Readonly<Record<ElementType, string>> = {
  highlights: "newsroom_highlights",
  quote: "newsroom_quote",
  pullquote: "newsroom_pullquote",
  video: "newsroom_video",
  dateline: "newsroom_dateline",
  update: "newsroom_update",
};
export const elementTokenType = (type: ElementType) => TOKEN_TYPES[type];
const COLON = 0x3a;
const WHITESPACE = /\s/;
const STRAY_MARKER = /^(:{3,})\s*([^\s:]*)/;

/** The parts of markdown-it's block state the element rule reads. */
type BlockState = {
  src: string;
  env: object;
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  blkIndent: number;
};

/** How many colons the line holds from `start` on (before `max`). */
function colonsAt(src: string, start: number, max: number): number {
  let end = start;
  while (end < max && src.charCodeAt(end) === COLON) end++;
  return end - start;
}

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
  /** The elements the block rule parsed, in order. */
  found: MarkdownElement[];
}
let currentRead: Read | undefined;

/** The state whose tokens were just handed over, and its source, emptied for markdown-it's block rule. */
let handedOver: { state: object; src: string } | undefined;

/**
 * The markdown-it plugin: `::: highlights`, `::: quote …`, `::: pullquote …` and `::: video …` blocks.
 *
 * One block rule finds the blocks (the same markers and limits as markdown-it-container's, inside lists and blockquotes
 * too) and reads each block's own source (its attributes and the raw text between its lines) with the same
 * `parseElement` that shortcodes and front matter use, into one `newsroom_<type>` token. Rendering that token renders
 * the element, so a quote written in Markdown and one written as a shortcode are the same bytes. Render rules can be
 * overridden: `md.renderer.rules.newsroom_quote = …`. A core rule after the block parse reports marker lines that open
 * no element the site knows.
 */
export function newsroomMarkdown(md: MarkdownIt, options: NewsroomMarkdownOptions): void {
  const typeByName = new Map<string, ContainerElementType>();
  for (const type of CONTAINER_ELEMENT_TYPES) typeByName.set(options.names[type], type);

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
    state.tokens = unpackTokens(read.tokens, state.Token);
    handedOver = { state, src: state.src };
    state.src = "";
  };
  md.core.ruler.before("block", "newsroom_env", beforeBlock);

  /**
   * The same, before markdown-it's `normalize`, for a source without "\r" or NUL: normalize would copy such a source
   * without changing it (every story's render did, only for the copy to be replaced by the read's tokens). When the
   * tokens are taken here, normalize and the block rule get an empty source; otherwise `beforeBlock` looks again.
   */
  const beforeNormalize: CoreRule = (state) => {
    if (instance.readParses.size === 0 || (currentRead !== undefined && currentRead.env === state.env) || needsNormalizing(state.src)) return;
    if (canHandOverBeforeNormalize(md, instance)) beforeBlock(state);
  };
  // Only where markdown-it's own normalize is there to come before (a core parser without it makes no such copy).
  const normalize = builtInNormalizeOf(md);
  const hasNormalize = normalize !== undefined && md.core.ruler.getRules("").includes(normalize);
  if (hasNormalize) md.core.ruler.before("normalize", "newsroom_source", beforeNormalize);

  /**
   * The block rule: a line of three colons or more and an element's name opens the element; the next line of at least
   * as many colons (and nothing else but spaces) closes it. The opening and closing lines are found as
   * markdown-it-container finds them (the same markers, the same limits inside lists and blockquotes), but the lines
   * between are not parsed as Markdown: they are the element's own source, which its parser reads (a highlights list,
   * a quote's words), so the block becomes one `newsroom_<type>` token carrying the parsed element.
   */
  const elementRule: BlockRule = (state, startLine, endLine, silent) => {
    const s = state as unknown as BlockState;
    let start = s.bMarks[startLine]! + s.tShift[startLine]!;
    let max = s.eMarks[startLine]!;
    // Every block of every Markdown page passes here: only a line that starts with ":" can open an element.
    if (s.src.charCodeAt(start) !== COLON) return false;
    const markerCount = colonsAt(s.src, start, max);
    if (markerCount < 3) return false;
    const params = s.src.slice(start + markerCount, max);
    const words = params.trim();
    const type = typeOfWords(words);
    if (type === undefined) return false;
    if (silent) return true;

    // The body: the lines between the markers, as the block parser sees them (inside a blockquote, without its "> ").
    // Lines that follow each other in the source are one slice of it; others are joined.
    let bodyStart = -1;
    let bodyEnd = -1;
    let pieces: string[] | undefined;
    let nextLine = startLine;
    let closed = false;
    for (;;) {
      nextLine++;
      // Not closed before the end of the document, or of the list item or blockquote it is in.
      if (nextLine >= endLine) break;
      start = s.bMarks[nextLine]! + s.tShift[nextLine]!;
      max = s.eMarks[nextLine]!;
      // A non-empty line indented less than the element's list item ends the item, and the element with it.
      if (start < max && s.sCount[nextLine]! < s.blkIndent) break;
      if (s.src.charCodeAt(start) === COLON && s.sCount[nextLine]! - s.blkIndent < 4) {
        const count = colonsAt(s.src, start, max);
        if (count >= markerCount && state.skipSpaces(start + count) >= max) {
          closed = true;
          break;
        }
      }
      const lineStart = s.bMarks[nextLine]!;
      if (bodyStart === -1) {
        bodyStart = lineStart;
        bodyEnd = max;
      } else if (pieces === undefined && lineStart === bodyEnd + 1) bodyEnd = max;
      else (pieces ??= [s.src.slice(bodyStart, bodyEnd)]).push(s.src.slice(lineStart, max));
    }
    const markup = ":".repeat(markerCount);
    const token = state.push(elementTokenType(type), "", 0);
    token.block = true;
    token.map = [startLine, nextLine];
    token.markup = markup;
    token.info = params;
    try {
      if (!closed) {
        throw new NewsroomError({
          element: type,
          problem: `the "${markup} ${words}" block is never closed`,
          fix: `add a line "${markup}" after the element's content`,
        });
      }
      const attributeText = words.slice(options.names[type].length);
      const body = pieces ? pieces.join("\n") : bodyStart === -1 ? "" : s.src.slice(bodyStart, bodyEnd);
      const element = parseContainer(type, attributeText, body, s.env);
      token.meta = { element } satisfies ElementTokenMeta;
      if (currentRead?.env === s.env) currentRead.found.push({ element, line: startLine + 1, endLine: nextLine + 1 });
    } catch (error) {
      if (error instanceof NewsroomError && error.line !== undefined) error.line += startLine;
      token.type = "html_block";
      token.content = handle(error, s.env, startLine + 1);
    }
    state.line = nextLine + (closed ? 1 : 0);
    return true;
  };
  md.block.ruler.before("fence", "newsroom_element", elementRule, { alt: ["paragraph", "reference", "blockquote", "list"] });
  const blockRules = new Set<BlockRule>([elementRule]);

  /** The element a marker line opens: the first word after the colons (trimmed) is its name. */
  function typeOfWords(words: string): ContainerElementType | undefined {
    const space = words.search(WHITESPACE);
    return typeByName.get(space === -1 ? words : words.slice(0, space));
  }

  for (const type of CONTAINER_ELEMENT_TYPES) {
    md.renderer.rules[elementTokenType(type)] = (tokens, index, _options, env: object) => {
      const meta = tokens[index]!.meta as ElementTokenMeta | null;
      if (!meta) return "";
      const context = options.renderContext(env);
      try {
        // The adapter's context carries this env already. (Object.assign, not a spread with another property, which V8
        // makes several times slower: this runs for every element.)
        const markup = renderElement(meta.element, context.env === env ? context : Object.assign({}, context, { env })).toString();
        // A live update is not shown where it is written: the story's live blog shows it, in its place among the others
        // (`src/live/`). It is rendered all the same, so the adapter knows it and the elements inside it.
        return meta.element.type === "update" ? "" : markup;
      } catch (error) {
        const line = tokens[index]!.map?.[0];
        return handle(error, env, line === undefined ? undefined : line + 1);
      }
    };
  }
  const knownNames = [...typeByName.keys()];

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
    const tokens = state.tokens;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      // A paragraph that starts with colons: a marker line that opens no element this site knows, or closes nothing.
      if (token.type === "inline" && token.content.charCodeAt(0) === COLON && tokens[index - 1]?.type === "paragraph_open") {
        reportStrayMarker(tokens, index, knownNames, (error, line) => handle(error, state.env, line));
      }
    }
  };
  md.core.ruler.after("block", "newsroom_elements", elementsRule);
  const core = md.core.ruler.getRules("");
  const application = addApplication(md, {
    elementsRule,
    beforeBlock,
    beforeNormalize: hasNormalize ? beforeNormalize : undefined,
    blockRule: core[core.indexOf(beforeBlock) + 1],
    blockRules,
  });
  const instance = instanceOf(md)!;

  /** Parses a container's element, or takes the one parsed from the same source when the story was read. */
  function parseContainer(type: ContainerElementType, attributeText: string, body: string, env: object): NewsroomElement {
    const read = currentRead?.env === env ? currentRead : undefined;
    if (!read && application.readElements.size > 0) {
      const element = application.readElements.take(elementKey(type, attributeText, body));
      if (element) return element;
    }
    const attributes = parseAttributes(attributeText, type, {}, type === "update" ? UPDATE_FLAGS : undefined);
    const input = inputWithBody(type, attributes, type === "video" ? body || undefined : body, md, { line: 1 });
    // Only an update reads the render's own options (its story's zone): every other element takes the site's.
    const parseOptions = type === "update" && options.parseOptionsFor ? options.parseOptionsFor(env) : options.parseOptions;
    const element = parseElement(type, input, {}, parseOptions);
    if (read?.keepElements) {
      const key = elementKey(type, attributeText, body);
      if (application.readElements.add(key, element)) read.elementKeys.push(key);
    }
    return element;
  }

}

/**
 * A paragraph whose inline token (at `index`) starts with a marker line that opens no element the site knows, or
 * closes nothing: the error, as `show` gives it, replaces the whole paragraph (no block of HTML left inside a <p>).
 */
export function reportStrayMarker(tokens: Token[], index: number, knownNames: readonly string[], show: (error: NewsroomError, line: number | undefined) => string): void {
  const token = tokens[index]!;
  const stray = STRAY_MARKER.exec(token.content);
  if (!stray) return;
  const markup = stray[1]!;
  const name = stray[2]!;
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
  const shown = show(error, token.map ? token.map[0] + 1 : undefined);
  tokens[index - 1]!.hidden = true;
  const close = tokens.findIndex((t, i) => i > index && t.type === "paragraph_close");
  if (close !== -1) tokens[close]!.hidden = true;
  token.type = "html_inline";
  token.content = shown;
  token.children = [];
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
  const read: Read = { env, keepElements: !handOver || source.includes("{"), elementKeys: [], tokensBeforeBlock: -1, failed: false, found: [] };
  const outer = currentRead;
  currentRead = read;
  let state: CoreState;
  try {
    state = blockState(md, source, env, instance);
  } finally {
    currentRead = outer;
  }
  if (handOver && !read.failed && !state.inlineMode && read.tokensBeforeBlock === 0) {
    instance.readParses.add(state.src, {
      tokens: packTokens(state.tokens),
      references: (env as { references?: Record<string, unknown> }).references,
      elementKeys: read.elementKeys,
      html: md.options.html,
      maxNesting: maxNestingOf(md),
    });
  }
  return read.found;
}

/** Whether markdown-it's `normalize` would change `source` (two character searches: faster than a regular expression). */
const needsNormalizing = (source: string) => source.indexOf("\r") !== -1 || source.indexOf("\u0000") !== -1;

/** `md.parse` up to (and including) this plugin's core rules; all of it if the instance does not use the plugin. */
function blockState(md: MarkdownIt, source: string, env: object, instance: Instance | undefined): CoreState {
  const state = new md.core.State(source, md, env);
  if (!instance) {
    md.core.process(state);
    return state;
  }
  const before = instance.applications.length === 1 ? instance.applications[0]!.beforeBlock : undefined;
  const elementRules = instance.applications.map((application) => application.elementsRule);
  const normalize = builtInNormalizeOf(md);
  let ran = 0;
  for (const rule of md.core.ruler.getRules("")) {
    // A source without "\r" or NUL is what markdown-it's normalize would make of it, without the copy it makes: the
    // render's normalized source is then equal to it, which is all the hand-over compares.
    if (rule === normalize && !needsNormalizing(state.src)) continue;
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
