/**
 * What the feeds and the sitemaps share: they are Eleventy 3 virtual templates (11ty.js render functions registered
 * with `addTemplate`), so a site gets them from an option, with no files to copy; and they read the site and each
 * story through one `MetadataSource` (plugin/metadata.ts's StoryMetadataReader), as the page's head does.
 */
import type { SiteMetadata, StoryMetadata } from "../src/metadata/types.js";
import type { CollectionItem, EleventyConfig } from "./eleventy.js";

/** Where the feeds and sitemaps get what they say about the site and each story. */
export interface MetadataSource {
  /** The story's metadata; undefined (after a warning) while previewing a story whose metadata is wrong. */
  storyIfReadable(item: CollectionItem): StoryMetadata | undefined;
  site(): SiteMetadata;
}

/**
 * A site whose `templateFormats` leave 11ty.js out would drop the virtual templates (with only a warning), so the
 * format is added, as plugins do (`addTemplateFormats` joins the site's own list).
 */
export function useVirtualTemplates(config: EleventyConfig): void {
  config.addTemplateFormats("11ty.js");
}

/**
 * The data every virtual template of the plugin has: no layout (a site's default layout would wrap the XML in HTML),
 * out of every collection (so feeds and sitemaps never list themselves or each other), and rendered after the
 * collections it names.
 */
export function virtualTemplateData(collections: string[], data: Record<string, unknown>): Record<string, unknown> {
  return { layout: false, eleventyExcludeFromCollections: true, eleventyImport: { collections }, ...data };
}
