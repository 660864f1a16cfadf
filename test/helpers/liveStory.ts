/**
 * A live story for the core's unit tests, made as the adapter makes one: updates parsed by `parseUpdate`, rendered by
 * `renderUpdate` (through a markdown-it with the newsroom plugin, so an update may hold a `::: quote`), ordered and paged
 * by `liveCoverage`, and read into StoryMetadata by `readStoryMetadata`.
 */
import { parseUpdate, renderUpdate } from "../../src/elements/update.js";
import { liveCoverage } from "../../src/live/coverage.js";
import type { LiveMetadataSource } from "../../src/live/metadata.js";
import { readStoryMetadata } from "../../src/metadata/story.js";
import type { SiteMetadata, StoryMetadata } from "../../src/metadata/types.js";
import type { LiveUpdate } from "../../src/types.js";
import { newsroomMd, renderContext } from "./newsroom.js";
import { SITE } from "./storyMetadata.js";

export const LIVE_STORY_PATH = "/stories/live/";
const md = newsroomMd();

export interface LiveStoryOptions {
  pageSize?: number;
  /** `coverageEnded`, as front matter gives it. */
  ended?: string;
  timeZone?: string;
  /** Whether the site writes the story's feeds of its updates. */
  feeds?: boolean;
  /** More front matter. */
  data?: Record<string, unknown>;
  site?: SiteMetadata;
}

/** Each update's `<article>`, as the page shows it. */
export function markupOf(update: LiveUpdate): string {
  return renderUpdate(update, renderContext({ markdown: md })).toString();
}

/** Updates as written (`time`, `title`, `text`, `key`, …), parsed in the story's zone. */
export function updates(inputs: ReadonlyArray<Record<string, unknown>>, timeZone = "America/New_York"): LiveUpdate[] {
  return inputs.map((input) => parseUpdate(input, { file: "./stories/live.md" }, { timeZone, now: () => new Date("2030-01-01T00:00:00Z") }));
}

export function liveSource(inputs: ReadonlyArray<Record<string, unknown>>, options: LiveStoryOptions = {}): LiveMetadataSource {
  const timeZone = options.timeZone ?? "America/New_York";
  const coverage = liveCoverage(updates(inputs, timeZone), { url: LIVE_STORY_PATH, pageSize: options.pageSize ?? 20, ended: options.ended, timeZone, file: "./stories/live.md" });
  return {
    coverage,
    markup: markupOf,
    feeds: options.feeds ? { atom: `${LIVE_STORY_PATH}feed.xml`, json: `${LIVE_STORY_PATH}feed.json` } : undefined,
  };
}

/** The live story's metadata: `date: 2017-05-18`, published by the site's publisher, with the updates given. */
export function liveStory(inputs: ReadonlyArray<Record<string, unknown>>, options: LiveStoryOptions = {}): StoryMetadata {
  return readStoryMetadata(
    {
      data: { title: "Live: the talks", description: "The talks, as they happen.", live: true, ...options.data },
      path: LIVE_STORY_PATH,
      date: new Date("2017-05-18T00:00:00Z"),
      file: "./stories/live.md",
      elements: [],
      live: liveSource(inputs, options),
    },
    { site: options.site ?? SITE, storyTag: "story", timeZone: "America/New_York", markdown: md },
  );
}

/** Five updates of one morning: a pinned one, a key event with a quote, an edited one by an author, two untitled. */
export const MORNING: ReadonlyArray<Record<string, unknown>> = [
  { time: "2017-05-18T10:00", title: "The meeting opens", pinned: true, text: "The secretaries meet in *Washington*." },
  { time: "2017-05-18T10:45", title: "Tillerson: “We must own this”", key: true, text: 'He said it plainly.\n\n::: quote speaker="Rex Tillerson"\nWe Americans must own this problem.\n:::' },
  { time: "2017-05-18T11:30", updated: "2017-05-18T11:55", author: "Ana Reporter", text: "Demand for drugs & its <costs> came up again." },
  { time: "2017-05-18T12:00", text: "Videgaray answered." },
  { time: "2017-05-18T12:30", text: "All the public finger-pointing today was from the US, pointing a finger firmly back at itself, said several officials who were present through the whole of the afternoon's meetings." },
];
