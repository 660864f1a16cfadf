import { readFileSync } from "node:fs";
import newsroom, { type EleventyConfig } from "eleventy-plugin-newsroom";

const site = JSON.parse(readFileSync(new URL("./site/_data/site.json", import.meta.url), "utf8")) as { name: string; language: string };

/** The example site adds the plugin exactly as any site would. */
export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(newsroom, {
    timeZone: "America/New_York",
    site: {
      // Where the site is served: `npm start` serves it here; a deployment sets SITE_URL to its public address.
      url: process.env["SITE_URL"] ?? "http://localhost:8080/",
      name: site.name,
      language: site.language,
    },
    feeds: true, // /feed.xml (Atom) and /feed.json
    sitemaps: true, // /sitemap.xml and /news-sitemap.xml
    // Live coverage: older updates go to numbered pages of five (small, so the demonstration has two pages).
    live: { pageSize: 5, layout: "layouts/live-updates.njk" },
  });
  eleventyConfig.addPassthroughCopy("site/assets");
  // The Content-Security-Policy the site is served with, for hosts that read a _headers file.
  eleventyConfig.addPassthroughCopy("site/_headers");
  // The editor at /admin/ (README, "Editing in a CMS (Decap)"), copied as it is: Decap CMS from its package (the
  // script and the chunks it loads beside itself), the plugin's CMS module and the video box's stylesheet for previews.
  eleventyConfig.addPassthroughCopy("site/admin");
  // Copied as it is, not a page of the site: in no collection, sitemap or feed.
  eleventyConfig.ignores.add("site/admin/**");
  eleventyConfig.addPassthroughCopy({
    "node_modules/decap-cms/dist/*decap-cms.js": "admin/decap",
    "node_modules/decap-cms/dist/*.wasm": "admin/decap",
    "dist/cms/index.js": "admin/newsroom-cms.js",
    "assets/newsroom-video.css": "admin/newsroom-video.css",
  });
}

export const config = {
  dir: { input: "site", output: "_site" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
};
