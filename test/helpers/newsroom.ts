/** Shared set-up for the news core's unit tests: a render context and a markdown-it with the newsroom plugin. */
import MarkdownIt from "markdown-it";
import { createIdRegistry, DEFAULT_LABELS, type IdRegistry, type RenderContext } from "../../src/context.js";
import { newsroomMarkdown, type ContainerElementType, type NewsroomMarkdownOptions } from "../../src/markdown/plugin.js";

export const DEFAULT_NAMES: Readonly<Record<ContainerElementType, string>> = {
  highlights: "highlights",
  quote: "quote",
  pullquote: "pullquote",
  video: "video",
  update: "update",
};

/** A render context over a plain markdown-it (or the one given), with a fresh id registry unless one is given. */
export function renderContext(overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    markdown: new MarkdownIt(),
    labels: DEFAULT_LABELS,
    ids: createIdRegistry(),
    headingLevel: 2,
    ...overrides,
  };
}

/**
 * A markdown-it with the newsroom plugin. Like the Eleventy adapter, it keeps one id registry per render (per `env`),
 * so two elements on one page get distinct ids and two renders start afresh.
 */
export function newsroomMd(options: Partial<NewsroomMarkdownOptions> = {}): MarkdownIt {
  const md = new MarkdownIt();
  const registries = new WeakMap<object, IdRegistry>();
  const idsFor = (env: object): IdRegistry => {
    let ids = registries.get(env);
    if (!ids) {
      ids = createIdRegistry();
      registries.set(env, ids);
    }
    return ids;
  };
  md.use(newsroomMarkdown, {
    names: DEFAULT_NAMES,
    renderContext: (env: object) => ({ markdown: md, labels: DEFAULT_LABELS, ids: idsFor(env), headingLevel: 2 }),
    ...options,
  });
  return md;
}

/** Runs `action` and returns what it threw (failing the test when it throws nothing). */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected the action to throw, but it returned normally");
}
