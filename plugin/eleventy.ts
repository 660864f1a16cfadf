/**
 * The part of Eleventy's configuration API this plugin uses. Eleventy's own types are JSDoc and shallow, so the plugin
 * declares what it relies on; any Eleventy 3 `eleventyConfig` fits.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Callback = (...args: any[]) => any;

export interface EleventyConfig {
  /** Typed for this plugin's options; other plugins' options pass through. */
  addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => void, options?: Options): unknown;
  addPassthroughCopy(path: string | Record<string, string>): unknown;
  /** The globs Eleventy does not read as templates (a site's config adds to it). */
  readonly ignores: Set<string>;
  versionCheck(range: string): void;
  amendLibrary(engine: "md", callback: (md: any) => void): void;
  addShortcode(name: string, callback: Callback): void;
  addPairedShortcode(name: string, callback: Callback): void;
  addLiquidFilter(name: string, callback: Callback): void;
  addNunjucksFilter(name: string, callback: Callback): void;
  addJavaScriptFilter(name: string, callback: Callback): void;
  addCollection(name: string, callback: (collectionApi: CollectionApi) => unknown): void;
  addPreprocessor(name: string, extensions: string, callback: Callback): void;
  addTransform(name: string, callback: Callback): void;
  /** Eleventy 3: a template as if it were a file at `virtualPath` (relative to the input folder), e.g. an 11ty.js render function. */
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  /** Adds to the site's template formats (a union with `setTemplateFormats`'s). */
  addTemplateFormats(formats: string): void;
  getFilter(name: string): Callback;
  on(event: string, callback: Callback): void;
}

/** What Eleventy calls `this` inside shortcodes and filters (Eleventy 3 supplies `page`). */
export interface EleventyContext {
  page?: EleventyPage;
  env?: { getFilter?(name: string): (value: string) => unknown };
}

export interface EleventyPage {
  url?: string | false;
  inputPath?: string;
  outputPath?: string | false;
  rawInput?: string;
  templateSyntax?: string;
  /** Set by Eleventy's i18n plugin. */
  lang?: string;
}

export interface CollectionItem {
  url: string | false;
  inputPath: string;
  date: Date;
  data: Record<string, any> & { page?: EleventyPage };
  rawInput?: string;
}

export interface CollectionApi {
  getFilteredByTag(tag: string): CollectionItem[];
}
