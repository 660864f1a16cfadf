// Eleventy ships JSDoc, not declarations; the tests use only its programmatic build.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input: string, output: string, options?: Record<string, unknown>);
    toJSON(): Promise<unknown[]>;
    write(): Promise<unknown>;
  }
  /** Eleventy's i18n plugin (gives pages a `lang`). */
  export const I18nPlugin: (eleventyConfig: unknown, options?: Record<string, unknown>) => void;
  /** Eleventy's HTML base plugin (adds a path prefix to the site-relative addresses in HTML). */
  export const HtmlBasePlugin: (eleventyConfig: unknown, options?: Record<string, unknown>) => void;
}
