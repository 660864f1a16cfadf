/**
 * Each live story's Atom and JSON feeds of its updates (`feed.xml` and `feed.json` beside its page), as Eleventy virtual
 * templates paginated over the live stories, one page per story. Written by `src/live/feeds.ts` from the story's
 * StoryMetadata (the same the page's JSON-LD is made from); each entry's content is the update's `<article>` as the
 * page shows it, through the site's transforms and with every address made absolute, as the site's feeds do.
 */
import { liveAtomFeed, liveFeedPath, liveJsonFeed, type LiveCoverage, type LiveFeedOptions, type LiveUpdate, type RenderContext, type StoryMetadata } from "../src/index.js";
import { absoluteUrl } from "../src/values/url.js";
import type { CollectionItem, EleventyConfig, EleventyPage } from "./eleventy.js";
import { absoluteContent } from "./feeds.js";
import { useVirtualTemplates, virtualTemplateData, type MetadataSource } from "./virtualTemplates.js";

/** What the feeds need of plugin/live.ts's LiveStories (named here, so this file and that one do not import each other). */
export interface LiveFeedStories {
  coverageOf(story: CollectionItem): LiveCoverage;
  markupOf(story: CollectionItem, update: LiveUpdate, onPage: EleventyPage, context: () => RenderContext): string;
  contextFor(page: EleventyPage | undefined, data: Record<string, unknown>): RenderContext;
}

interface LiveFeedTemplateData {
  newsroomLiveFeedStory: CollectionItem;
  page: EleventyPage;
}

/** Registers the two feeds of every live story in `collection` (the plugin's own collection of them). */
export function registerLiveFeeds(config: EleventyConfig, live: LiveFeedStories, metadata: MetadataSource, collection: string): void {
  useVirtualTemplates(config);
  const writers = { atom: liveAtomFeed, json: liveJsonFeed } as const;
  // Both feeds carry the same contents: each update's is made once a build (the reader makes a story's metadata once).
  const contents = new WeakMap<StoryMetadata, Promise<Map<string, string>>>();

  /** Each update's `<article>` as its page shows it, through the site's transforms, every address absolute. */
  async function contentsOf(item: CollectionItem, story: StoryMetadata): Promise<Map<string, string>> {
    const storyPage: EleventyPage = { url: item.url, inputPath: item.inputPath };
    const page = (item.data.page as EleventyPage | undefined) ?? storyPage;
    const updates = new Map(live.coverageOf(item).updates.map((update) => [update.id, update]));
    let context: RenderContext | undefined;
    const byId = new Map<string, string>();
    for (const update of story.live?.updates ?? []) {
      const markup = live.markupOf(item, updates.get(update.id)!, storyPage, () => (context ??= live.contextFor(storyPage, item.data)));
      // Against the page the update is on, so its link to itself (`#id`) leads there.
      byId.set(update.id, await absoluteContent(config, markup, page, update.url.replace(/#.*$/, "")));
    }
    return byId;
  }

  for (const format of ["atom", "json"] as const) {
    config.addTemplate(
      `newsroom-live-feed-${format}.11ty.js`,
      async (data: LiveFeedTemplateData) => {
        const item = data.newsroomLiveFeedStory;
        const story = metadata.storyIfReadable(item);
        // While previewing, a story whose metadata is wrong shows the error on its page; its feeds wait for the fix.
        if (!story) return "";
        let made = contents.get(story);
        if (!made) contents.set(story, (made = contentsOf(item, story)));
        const byId = await made;
        const options: LiveFeedOptions = {
          feedUrl: absoluteUrl(String(data.page.url), metadata.site().url),
          contentHtml: (update) => byId.get(update.id) ?? "",
          file: item.inputPath,
        };
        return writers[format](story, options);
      },
      virtualTemplateData([collection], {
        pagination: { data: `collections.${collection}`, size: 1, alias: "newsroomLiveFeedStory" },
        permalink: (data: LiveFeedTemplateData) => liveFeedPath(String(data.newsroomLiveFeedStory.url), format),
      }),
    );
  }
}
