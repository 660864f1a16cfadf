// @11ty/eleventy-plugin-rss ships JavaScript without declarations; the plugin uses this one helper of it.
declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every address in the markup's URL attributes (href, src, srcset, poster, …) against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string, posthtmlOptions?: Record<string, unknown>): Promise<string>;
}
