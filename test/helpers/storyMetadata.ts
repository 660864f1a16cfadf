import { JSDOM } from "jsdom";
import { DateTime } from "luxon";
import type { SiteMetadata, StoryMetadata } from "../../src/metadata/types.js";
import type { StoryDate } from "../../src/values/dates.js";
import { parseElement, type Video } from "../../src/index.js";

/** A calendar day (no time of day), as `date: 2017-05-18` in front matter gives it. */
export function day(iso: string, timeZone = "America/New_York"): StoryDate {
  return { dateTime: DateTime.fromISO(iso, { zone: timeZone }), dateOnly: true };
}

/** An instant with an offset, e.g. "2026-11-27T14:30:00-05:00". */
export function instant(iso: string, timeZone = "America/New_York"): StoryDate {
  return { dateTime: DateTime.fromISO(iso, { setZone: true }).setZone(timeZone), dateOnly: false };
}

export function video(fields: Record<string, unknown> = {}): Video {
  return parseElement("video", {
    url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    title: "A video",
    duration: "01:45",
    ...fields,
  }) as Video;
}

export const SITE: SiteMetadata = Object.freeze({
  url: "https://news.example/",
  name: "Example News",
  language: "en",
  publisher: { name: "Example News", url: "https://news.example/", logo: { url: "https://news.example/logo.png", width: 600, height: 60 } },
});

/** A complete story for machines; override any field. */
export function storyMetadata(overrides: Partial<StoryMetadata> = {}): StoryMetadata {
  return {
    url: "https://news.example/stories/a-story/",
    path: "/stories/a-story/",
    headline: "A headline",
    description: "What the story says, in a sentence.",
    published: instant("2026-11-27T14:30:00-05:00"),
    authors: [{ type: "Person", name: "Ana Reporter", url: "https://news.example/people/ana/" }],
    publisher: SITE.publisher!,
    section: "Politics",
    keywords: ["Mexico", "drugs"],
    image: {
      src: "/assets/lead.jpg",
      alt: "A lead image",
      crops: [
        { ratio: "16:9", url: "https://news.example/img/lead-16x9.jpeg", width: 1200, height: 675, type: "image/jpeg" },
        { ratio: "4:3", url: "https://news.example/img/lead-4x3.jpeg", width: 1200, height: 900, type: "image/jpeg" },
        { ratio: "1:1", url: "https://news.example/img/lead-1x1.jpeg", width: 1200, height: 1200, type: "image/jpeg" },
      ],
    },
    canonical: "https://news.example/stories/a-story/",
    language: "en",
    accessibleForFree: true,
    highlightTexts: [],
    videos: [],
    corrections: [],
    ...overrides,
  };
}

/** A story page's `<head>` as a browser reads it: its elements, its JSON-LD and its `<meta>` values by key. */
export interface ParsedHead {
  /** What the markup parsed into: the document's `<head>`, or a fragment. */
  root: ParentNode & Node;
  /** The `application/ld+json` scripts' text, parsed. */
  jsonLd: unknown[];
  /** Every `content` of the `<meta>` elements whose `property` or `name` is `key`, in order. */
  meta(key: string): string[];
}

const window = new JSDOM("<!doctype html><title>x</title>").window;
const documentParser = new window.DOMParser();

function readHead(root: ParentNode & Node): ParsedHead {
  return {
    root,
    jsonLd: [...root.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? "") as unknown),
    meta: (key) => [...root.querySelectorAll("meta")].filter((meta) => (meta.getAttribute("property") ?? meta.getAttribute("name")) === key).map((meta) => meta.getAttribute("content") ?? ""),
  };
}

/** Parses markup as a whole page's `<head>` would be parsed. */
export function parseHead(markup: string): ParsedHead & { document: Document } {
  const document = documentParser.parseFromString(`<!doctype html><html><head>${markup}</head><body></body></html>`, "text/html");
  return { ...readHead(document.head), document };
}

/**
 * The same parser on a `<template>` of one shared document: a new document costs about 15 ms, too much for thousands
 * of property runs. `<meta>`, `<link>` and `<script>` are parsed by the same rules as in a `<head>`.
 */
export function parseHeadFragment(markup: string): ParsedHead {
  const template = window.document.createElement("template");
  template.innerHTML = markup;
  return readHead(template.content);
}
