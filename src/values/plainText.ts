/** Inline Markdown as plain text, for places that carry no markup: meta descriptions, JSON-LD, feed summaries. */

/** The part of markdown-it this needs; any markdown-it instance fits. */
export interface InlineParser {
  parseInline(source: string, env: object): Array<{ children: InlineToken[] | null }>;
}

interface InlineToken {
  type: string;
  content: string;
  children: InlineToken[] | null;
}

/**
 * The words a reader sees, without their markup: text, code, line breaks as spaces, an image's alt text. Entities
 * come back decoded (`&amp;` → `&`), because the result is escaped again wherever it is written.
 */
export function plainText(markdown: InlineParser, source: string, env: object = {}): string {
  const words: string[] = [];
  const visit = (tokens: readonly InlineToken[]) => {
    for (const token of tokens) {
      if (token.type === "text" || token.type === "code_inline") words.push(token.content);
      else if (token.type === "softbreak" || token.type === "hardbreak") words.push(" ");
      else if (token.type === "image") visit(token.children ?? []);
    }
  };
  for (const block of markdown.parseInline(source, env)) visit(block.children ?? []);
  return words.join("").replace(/\s+/g, " ").trim();
}
