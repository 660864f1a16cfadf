/**
 * The way `::: name` blocks were found before the plugin had its own block rule, kept as the differential oracle for
 * that rule (test/properties/shortcuts.test.ts): markdown-it-container, one per element name, finds the blocks and
 * tokenises their content; a block rule just before it records each block's raw lines; a core rule after the block
 * parse replaces each container's tokens with one `newsroom_<type>` token, parsed by the same `parseElement`. No hand-over,
 * no reads: only the finding of blocks, their lines and their errors.
 */
import type MarkdownIt from "markdown-it";
import markdownItContainer from "markdown-it-container";
import { NewsroomError } from "../../src/errors.js";
import { parseElement, renderElement } from "../../src/elements/index.js";
import type { Token } from "../../src/markdown/handOver.js";
import { CONTAINER_ELEMENT_TYPES, elementTokenType, reportStrayMarker, type ContainerElementType, type NewsroomMarkdownOptions } from "../../src/markdown/plugin.js";
import { parseAttributes } from "../../src/syntax/attributes.js";
import { inputWithBody } from "../../src/syntax/body.js";

const COLON = 0x3a;
const WHITESPACE = /\s/;
const OPENING_MARKER = /^(:{3,})\s*([^\s:]+)/;
const CLOSING_MARKER = /^(:{3,})\s*$/;

type BlockState = { src: string; env: object; bMarks: number[]; eMarks: number[]; tShift: number[]; sCount: number[]; blkIndent: number };

export function containerOracle(md: MarkdownIt, options: Pick<NewsroomMarkdownOptions, "names" | "renderContext" | "onError">): void {
  const typeByName = new Map<string, ContainerElementType>(CONTAINER_ELEMENT_TYPES.map((type) => [options.names[type], type]));
  const sourcesByEnv = new WeakMap<object, Map<number, { lines: string[]; closed: boolean }>>();

  md.block.ruler.before("fence", "oracle_container_source", (blockState, startLine, endLine, silent) => {
    const state = blockState as unknown as BlockState;
    if (silent || state.src.charCodeAt(state.bMarks[startLine]! + state.tShift[startLine]!) !== COLON) return false;
    const lineText = (line: number) => state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
    const opening = OPENING_MARKER.exec(lineText(startLine));
    if (!opening || !typeByName.has(opening[2]!)) return false;
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
    return false;
  });

  for (const type of CONTAINER_ELEMENT_TYPES) {
    const name = options.names[type];
    markdownItContainer(md as never, `oracle_${type}`, {
      validate: (params: string) => {
        const words = params.trim();
        return words.startsWith(name) && (words.length === name.length || WHITESPACE.test(words[name.length]!));
      },
    });
    md.renderer.rules[elementTokenType(type)] = (tokens, index, _options, env: object) =>
      renderElement((tokens[index]!.meta as { element: never }).element, Object.assign({}, options.renderContext(env), { env })).toString();
  }
  const typeByOpenToken = new Map(CONTAINER_ELEMENT_TYPES.map((type) => [`container_oracle_${type}_open`, type]));

  const handle = (error: unknown, env: object, line: number | undefined): string => {
    if (!(error instanceof NewsroomError)) throw error;
    error.locate({ line });
    const shown = options.onError?.(error, env);
    if (shown === undefined) throw error;
    return shown;
  };

  md.core.ruler.after("block", "oracle_elements", (state) => {
    const sources = sourcesByEnv.get(state.env);
    sourcesByEnv.delete(state.env);
    const tokens = state.tokens;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      const type = token.nesting === 1 ? typeByOpenToken.get(token.type) : undefined;
      if (type) {
        let close = tokens.findIndex((t, i) => i > index && t.type === `container_oracle_${type}_close` && t.level === token.level);
        if (close === -1) close = tokens.length - 1;
        tokens.splice(index, close - index + 1, elementToken(state, token, type, sources?.get(token.map![0])));
      } else if (token.type === "inline" && token.content.charCodeAt(0) === COLON && tokens[index - 1]?.type === "paragraph_open") {
        // Marker lines that open nothing were reported the same way before and after: the plugin's own report.
        reportStrayMarker(tokens, index, [...typeByName.keys()], (error, line) => handle(error, state.env, line));
      }
    }
  });

  function elementToken(state: { env: object; Token: new (type: string, tag: string, nesting: 0) => Token }, open: Token, type: ContainerElementType, source: { lines: string[]; closed: boolean } | undefined): Token {
    const [start, end] = open.map!;
    const replacement = new state.Token(elementTokenType(type), "", 0);
    replacement.block = true;
    replacement.map = [start, end];
    replacement.level = open.level;
    try {
      if (!source?.closed) {
        throw new NewsroomError({ element: type, problem: `the "${open.markup} ${open.info.trim()}" block is never closed`, fix: `add a line "${open.markup}" after the element's content` });
      }
      const body = source.lines.join("\n");
      const attributes = parseAttributes(open.info.trim().slice(options.names[type].length), type);
      const input = inputWithBody(type, attributes, type === "video" ? body || undefined : body, md, { line: 1 });
      replacement.meta = { element: parseElement(type, input) };
    } catch (error) {
      if (error instanceof NewsroomError && error.line !== undefined) error.line += start;
      replacement.type = "html_block";
      replacement.content = handle(error, state.env, start + 1);
    }
    return replacement;
  }

}
