/**
 * What reading a story for the collections hands to Eleventy's render of the same story, so that each story is
 * block-parsed once and each element parsed once per build (`src/markdown/plugin.ts` does the reading and the taking).
 *
 * - The block tokens of the whole story, kept under its exact source (after markdown-it's normalisation). When the
 *   render parses that same source, markdown-it's block rule is given nothing to do and the tokens are taken instead.
 *   A source without "\r" or NUL, which markdown-it's `normalize` would copy unchanged, is looked up before that rule,
 *   so the render does not make the copy either.
 * - The elements, kept under their container's exact source, for a render whose source is not the one read (a body
 *   that Liquid or Nunjucks changed first). Only kept when that can happen: the tokens could not be handed over, or the
 *   source has a `{` (Liquid's and Nunjucks' tags, outputs and comments start with one).
 *
 * Both are what the render would make itself. `parseElement` is a pure function of the source and the options. The
 * block parse is one too, with one effect on `env` (the reference definitions, handed over with the tokens), when the
 * block rules are markdown-it's own and this plugin's, and markdown-it's block rule runs between this plugin's two
 * core rules with nothing else in between: `canHandOver` checks that, and nothing is handed over otherwise. Each value
 * is taken once (the render's later rules change tokens in place); a read that reported an error hands nothing over.
 * Everything is forgotten before each build (`forgetReadStories`) and bounded for stories that are read but never
 * rendered.
 */
import type MarkdownIt from "markdown-it";
import { TakeOnceStore } from "./takeOnceStore.js";
import type { NewsroomElement } from "../types.js";

export type Token = ReturnType<MarkdownIt["parse"]>[number];
export type CoreRule = Parameters<MarkdownIt["core"]["ruler"]["push"]>[1];
export type BlockRule = Parameters<MarkdownIt["block"]["ruler"]["push"]>[1];

/** One `md.use(newsroomMarkdown)`. */
export interface Application {
  /** The core rule just after markdown-it's block rule, which turns containers into element tokens. */
  elementsRule: CoreRule;
  /** The core rule just before markdown-it's block rule, and that block rule as it was when the plugin was applied. */
  beforeBlock: CoreRule;
  /** The core rule just before markdown-it's `normalize`, when there was one to put it before. */
  beforeNormalize: CoreRule | undefined;
  blockRule: CoreRule | undefined;
  /** This plugin's block rules (the element rule). */
  blockRules: Set<BlockRule>;
  /** Elements read, under `elementKey(type, attributes, body)`. */
  readElements: TakeOnceStore<NewsroomElement>;
}

/** A story's block tokens, as its read left them (packed, see `packTokens`). */
export interface ReadParse {
  tokens: PackedTokens;
  /** What markdown-it's reference rule put in `env.references` during the block parse, if anything. */
  references: Record<string, unknown> | undefined;
  /** The keys of the elements this read kept, dropped when the tokens are taken. */
  elementKeys: string[];
  /** The block parser's options when read (a later `md.set()` would make the tokens stale). */
  html: boolean | undefined;
  maxNesting: number | undefined;
}

/** What the plugin keeps per markdown-it instance. */
export interface Instance {
  /** Tokens are handed over only when the plugin is applied once. */
  applications: Application[];
  /**
   * The rule lists last checked (markdown-it keeps the same arrays until a rule is added, enabled or disabled): `ok`
   * for `canHandOver`, `early` for `canHandOverBeforeNormalize`.
   */
  checked?: { core: CoreRule[]; block: BlockRule[]; ok: boolean; early: boolean } | undefined;
  readParses: TakeOnceStore<ReadParse>;
}

/** Characters of source kept, at most: beyond it, stories are parsed again (a site of 40,000 1.5 KB stories fits). */
const MAX_CHARACTERS = 64 * 1024 * 1024;

const instances = new WeakMap<MarkdownIt, Instance>();

export function instanceOf(md: MarkdownIt): Instance | undefined {
  return instances.get(md);
}

export function addApplication(md: MarkdownIt, application: Omit<Application, "readElements">): Application {
  let instance = instances.get(md);
  if (!instance) instances.set(md, (instance = { applications: [], readParses: new TakeOnceStore(MAX_CHARACTERS) }));
  const added = { ...application, readElements: new TakeOnceStore<NewsroomElement>(MAX_CHARACTERS) };
  instance.applications.push(added);
  instance.checked = undefined;
  return added;
}

export const elementKey = (type: string, attributeText: string, body: string) => `${type}\u0000${attributeText}\u0000${body}`;

/** markdown-it's nesting limit (an option its types leave out). */
export const maxNestingOf = (md: MarkdownIt) => (md.options as { maxNesting?: number }).maxNesting;

/** Forgets what the reads of the last build left for renders that did not come (called before every build). */
export function forgetReadStories(md: MarkdownIt): void {
  const instance = instances.get(md);
  if (!instance) return;
  instance.readParses.clear();
  for (const application of instance.applications) application.readElements.clear();
}

/** markdown-it's own rules, and its block parser's own methods, per block parser class. */
interface BuiltIn {
  block: Set<BlockRule>;
  core: Set<CoreRule>;
  parser: Pick<MarkdownIt["block"], "parse" | "tokenize">;
  /** markdown-it's first core rule, `normalize`, when it does what markdown-it's does (see `builtInNormalizeOf`). */
  normalize: CoreRule | undefined;
}
const builtInRules = new WeakMap<object, BuiltIn | null>();

function builtInRulesOf(md: MarkdownIt): BuiltIn | null {
  const Block = md.block.constructor as new () => MarkdownIt["block"];
  let rules = builtInRules.get(Block);
  if (rules === undefined) {
    try {
      // New parsers have every rule markdown-it has, enabled.
      const block = new Block();
      const core = new (md.core.constructor as new () => MarkdownIt["core"])();
      const coreRules = core.ruler.getRules("");
      rules = {
        block: new Set(block.ruler.getRules("")),
        core: new Set(coreRules),
        parser: { parse: block.parse, tokenize: block.tokenize },
        normalize: coreRules[0] && normalizesLineEndings(coreRules[0]) ? coreRules[0] : undefined,
      };
    } catch {
      rules = null;
    }
    builtInRules.set(Block, rules);
  }
  return rules;
}

/** Whether `rule` writes "\r\n" and "\r" as "\n" and NUL as U+FFFD, as markdown-it's `normalize` does. */
function normalizesLineEndings(rule: CoreRule): boolean {
  const state = { src: "a\r\nb\rc\u0000" };
  try {
    rule(state as Parameters<CoreRule>[0]);
  } catch {
    return false;
  }
  return state.src === "a\nb\nc\uFFFD";
}

/**
 * markdown-it's own `normalize` core rule, as `md` runs it (unless a plugin replaced it). It copies every source to
 * write its line endings as "\n"; a source without "\r" or NUL comes out equal to itself, so a read may skip it.
 */
export function builtInNormalizeOf(md: MarkdownIt): CoreRule | undefined {
  return builtInRulesOf(md)?.normalize;
}

/**
 * Whether a story's block tokens can be handed from its read to its render: the plugin is applied once, markdown-it's
 * own block rule runs between this plugin's two core rules with nothing else in between, and every block rule is
 * markdown-it's own or this plugin's. Then the block parse depends only on the source and the options, and its only
 * effect on `env` is `env.references`.
 */
export function canHandOver(md: MarkdownIt, instance: Instance): boolean {
  return handOverCheck(md, instance).ok;
}

/**
 * Whether the tokens can also be taken before markdown-it's `normalize`, for a source that has no "\r" or NUL (which
 * that rule would copy without changing): `canHandOver`, and the plugin's rule before normalize is followed by
 * markdown-it's own normalize and then the plugin's rule before the block rule, with nothing else in between.
 */
export function canHandOverBeforeNormalize(md: MarkdownIt, instance: Instance): boolean {
  return handOverCheck(md, instance).early;
}

const NO_HAND_OVER = { ok: false, early: false };

function handOverCheck(md: MarkdownIt, instance: Instance): { ok: boolean; early: boolean } {
  if (instance.applications.length !== 1) return NO_HAND_OVER;
  const builtIn = builtInParserOf(md);
  if (builtIn === null) return NO_HAND_OVER;
  const core = md.core.ruler.getRules("");
  const block = md.block.ruler.getRules("");
  const checked = instance.checked;
  if (checked && checked.core === core && checked.block === block) return checked;
  const { beforeBlock, beforeNormalize, blockRule, elementsRule, blockRules } = instance.applications[0]!;
  const at = core.indexOf(beforeBlock);
  const ok =
    blockRule !== undefined &&
    builtIn.core.has(blockRule) &&
    at !== -1 &&
    core[at + 1] === blockRule &&
    core[at + 2] === elementsRule &&
    knownBlockRules(block, builtIn, [{ blockRules }]);
  const early =
    ok &&
    beforeNormalize !== undefined &&
    builtIn.normalize !== undefined &&
    at >= 2 &&
    core[at - 1] === builtIn.normalize &&
    core[at - 2] === beforeNormalize;
  instance.checked = { core, block, ok, early };
  return instance.checked;
}

/** markdown-it's own rules for `md`, if its block parser is markdown-it's: one replaced outright could do anything. */
function builtInParserOf(md: MarkdownIt): BuiltIn | null {
  const builtIn = builtInRulesOf(md);
  return builtIn !== null && md.block.parse === builtIn.parser.parse && md.block.tokenize === builtIn.parser.tokenize ? builtIn : null;
}

/** Whether every block rule is markdown-it's own or one of these applications' of this plugin. */
function knownBlockRules(block: readonly BlockRule[], builtIn: BuiltIn, applications: ReadonlyArray<Pick<Application, "blockRules">>): boolean {
  return block.every((rule) => builtIn.block.has(rule) || applications.some((application) => application.blockRules.has(rule)));
}

/** What markdown-it's reference rule does with each definition, in the order the read found them. */
export function handOverReferences(env: { references?: Record<string, unknown> }, references: Record<string, unknown>): void {
  if (typeof env.references === "undefined") env.references = {};
  for (const label of Object.keys(references)) {
    if (typeof env.references[label] === "undefined") env.references[label] = references[label];
  }
}

/** What `hasOnlyKnownRules` found for each instance, until its rule lists change. */
const knownRulesChecked = new WeakMap<object, { core: CoreRule[]; block: BlockRule[]; ok: boolean }>();

/**
 * Whether `md` is a markdown-it whose enabled core and block rules are all markdown-it's own or this plugin's, with
 * lists and paragraphs read as markdown-it reads them: then a line such as "- Text" is one list item holding one
 * paragraph, whatever else the instance does, and a reader may take that shortcut (see `highlightsFromMarkdown`).
 */
export function hasOnlyKnownRules(md: unknown): boolean {
  const instance = md as MarkdownIt;
  if (typeof instance?.core?.ruler?.getRules !== "function" || typeof instance.block?.ruler?.getRules !== "function") return false;
  const builtIn = builtInParserOf(instance);
  if (builtIn === null) return false;
  const core = instance.core.ruler.getRules("");
  const block = instance.block.ruler.getRules("");
  const checked = knownRulesChecked.get(instance);
  if (checked && checked.core === core && checked.block === block) return checked.ok;
  const applications = instances.get(instance)?.applications ?? [];
  const ok =
    core.every(
      (rule) =>
        builtIn.core.has(rule) ||
        applications.some((application) => rule === application.beforeBlock || rule === application.beforeNormalize || rule === application.elementsRule),
    ) &&
    knownBlockRules(block, builtIn, applications) &&
    readsSimpleList(instance);
  knownRulesChecked.set(instance, { core, block, ok });
  return ok;
}

/** A two-item list parses to a list of two items of one paragraph each (false if lists or paragraphs are disabled). */
function readsSimpleList(md: MarkdownIt): boolean {
  const types = md.parse("- a b.\n- c", {}).map((token) => `${token.type}:${token.level}:${token.type === "inline" ? token.content : ""}`);
  const item = (text: string) => ["list_item_open:1:", "paragraph_open:2:", `inline:3:${text}`, "paragraph_close:2:", "list_item_close:1:"];
  return types.join(" ") === ["bullet_list_open:0:", ...item("a b."), ...item("c"), "bullet_list_close:0:"].join(" ");
}

/**
 * Block tokens packed into one array of their fields (numbers, text and the few objects they hold), and the number of
 * tokens. A read keeps a story's tokens until the story renders, most of a build later: kept as some seventy small
 * objects a story they are copied by every minor garbage collection of the build until they are old, and traced by
 * every major one; packed, they are one array and the strings. The render unpacks them into new tokens, which is
 * cheaper than the block parse it saves and than keeping them as they were.
 */
export interface PackedTokens {
  fields: unknown[];
  count: number;
}

/** markdown-it's token class, as a core state carries it (`state.Token`). */
type TokenClass = Parameters<CoreRule>[0]["Token"];
const FIELDS_PER_TOKEN = 13;

export function packTokens(tokens: readonly Token[]): PackedTokens {
  const fields: unknown[] = new Array(tokens.length * FIELDS_PER_TOKEN);
  let at = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const map = token.map;
    const children = token.children;
    fields[at] = token.type;
    fields[at + 1] = token.tag;
    fields[at + 2] = token.nesting;
    fields[at + 3] = token.attrs;
    fields[at + 4] = map === null ? -1 : map[0];
    fields[at + 5] = map === null ? -1 : map[1];
    fields[at + 6] = token.level;
    // The block parse gives inline tokens an empty list of children (the inline parse fills it): made again.
    fields[at + 7] = children === null ? null : children.length === 0 ? 0 : children;
    fields[at + 8] = token.content;
    fields[at + 9] = token.markup;
    fields[at + 10] = token.info;
    fields[at + 11] = token.meta;
    fields[at + 12] = (token.block ? 1 : 0) | (token.hidden ? 2 : 0);
    at += FIELDS_PER_TOKEN;
  }
  return { fields, count: tokens.length };
}

/** The tokens `packTokens` packed, as new objects of the render's token class. */
export function unpackTokens(packed: PackedTokens, Token: TokenClass): Token[] {
  const { fields, count } = packed;
  const tokens: Token[] = new Array(count);
  let at = 0;
  for (let index = 0; index < count; index++) {
    const token = new Token(fields[at] as string, fields[at + 1] as string, fields[at + 2] as Token["nesting"]);
    token.attrs = fields[at + 3] as Token["attrs"];
    const line = fields[at + 4] as number;
    token.map = line === -1 ? null : [line, fields[at + 5] as number];
    token.level = fields[at + 6] as number;
    const children = fields[at + 7];
    token.children = children === null ? null : children === 0 ? [] : (children as Token[]);
    token.content = fields[at + 8] as string;
    token.markup = fields[at + 9] as string;
    token.info = fields[at + 10] as string;
    token.meta = fields[at + 11];
    const flags = fields[at + 12] as number;
    token.block = (flags & 1) !== 0;
    token.hidden = (flags & 2) !== 0;
    tokens[index] = token;
    at += FIELDS_PER_TOKEN;
  }
  return tokens;
}
