import newsroom, { type EleventyConfig } from "eleventy-plugin-newsroom";

/** The example site adds the plugin exactly as any site would. */
export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(newsroom, {
    timeZone: "America/New_York",
  });
  eleventyConfig.addPassthroughCopy("site/assets");
}

export const config = {
  dir: { input: "site", output: "_site" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
};
