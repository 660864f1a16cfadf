/**
 * Stories far larger than any newsroom writes, for the robustness gate (robustness.test.ts) and for timing the build
 * at growing sizes (robustness.timings.ts): hundreds of highlights, a quote of 100 KB, hundreds of videos, Markdown
 * nested twenty levels deep inside a quote, and right-to-left text.
 */
import { EVERY_ELEMENT_SITE } from "./fixtures.js";

export interface BigStorySizes {
  /** Highlights in the story's front matter, and again in a `:::` block of a second story. */
  highlights: number;
  /** Bytes of the quote's words (UTF-8), in paragraphs of about 200 bytes. */
  quoteBytes: number;
  /** `:::` video blocks, a quarter from each provider (YouTube, Vimeo, a file, a page). */
  videos: number;
  /** Levels of "a list item holding a blockquote holding a list" inside the quote. */
  nesting: number;
}

export const ISSUE_SIZES: BigStorySizes = { highlights: 500, quoteBytes: 100 * 1024, videos: 200, nesting: 20 };

export const highlightText = (index: number) => `Highlight ${index + 1}: officials *met* again & “spoke” (1 < 2)`;

/** One paragraph of the big quote; mixed scripts, Markdown emphasis and characters that need escaping. */
export const quoteParagraph = (index: number) =>
  `Paragraph ${index + 1}. We Americans must own this problem — it is ours, said the *Secretary* of State; “nous” & ‘wir’ < > " ' ünïcödé 漢字 — and the blame game must end.`;

/** The quote's words: paragraphs separated by blank lines, `quoteBytes` long or a little longer. */
export function quoteWords(bytes: number): string[] {
  const paragraphs: string[] = [];
  for (let size = 0; size < bytes; size += Buffer.byteLength(paragraphs.at(-1)!) + 2) paragraphs.push(quoteParagraph(paragraphs.length));
  return paragraphs;
}

const YOUTUBE_IDS = ["dQw4w9WgXcQ", "9bZkp7q19f0", "kJQP7kiw5Fk", "JGwWNGJdvx8"];

/** The address of video `index`: YouTube, Vimeo, a file or a page, in turn. */
export function videoAddress(index: number): { provider: string; url: string } {
  switch (index % 4) {
    case 0:
      return { provider: "youtube", url: `https://www.youtube.com/watch?v=${YOUTUBE_IDS[(index / 4) % YOUTUBE_IDS.length]}&t=${index + 1}` };
    case 1:
      return { provider: "vimeo", url: `https://vimeo.com/${76979871 + index}` };
    case 2:
      return { provider: "file", url: `/media/clip-${index}.mp4` };
    default:
      return { provider: "page", url: `https://example.com/videos/${index}` };
  }
}
export const videoTitle = (index: number) => `Video ${index + 1} of the briefing <live> & “unedited”`;

/**
 * Markdown nested `levels` deep: a list item holding a blockquote holding the next list, as lines (to be put inside a
 * container, so indentation and `> ` markers are the only thing holding it together).
 */
export function nestedMarkdown(levels: number, level = 1): string[] {
  if (level > levels) return ["The deepest words."];
  const quoted = [`Quoted at level ${level}.`, "", ...nestedMarkdown(levels, level + 1)].map((line) => (line === "" ? ">" : `> ${line}`));
  return [`- Item at level ${level}`, "", ...quoted.map((line) => `  ${line}`)];
}

/** Right-to-left text, with Latin and digits inside (so the bidi algorithm has work to do). */
export const RIGHT_TO_LEFT = {
  title: "وزير الخارجية: علينا أن نتحمل المسؤولية",
  highlights: ["النقطة الأولى: 2017 عام الاجتماعات", "הנקודה השנייה: CNN דיווחה", "عبارة مع *تأكيد* و «اقتباس»"],
  quote: "علينا أن نتحمل المسؤولية. إنها مشكلتنا.\n\nשנייה: אנחנו חייבים לפתור את זה.",
  speaker: "ריקס טילרסון",
  role: "وزير الخارجية الأمريكي",
  videoTitle: "من أين يأتي الهيروين؟",
  dateline: "القاهرة (CNN)",
};

/** The site: the big story, a second story with its highlights in Markdown, a right-to-left story, listing pages. */
export function bigStorySite(sizes: BigStorySizes): Record<string, string> {
  const highlights = Array.from({ length: sizes.highlights }, (_unused, index) => highlightText(index));
  const videos = Array.from({ length: sizes.videos }, (_unused, index) => {
    const { url } = videoAddress(index);
    return `::: video url="${url}" title="${videoTitle(index).replace(/"/g, '\\"')}" duration="${1 + (index % 59)}:0${index % 10}"\n:::\n`;
  });
  const bigStory = [
    "---",
    "title: The longest story",
    "date: 2017-05-18",
    "tags: story",
    "layout: story.njk",
    "dateline: WASHINGTON (CNN)",
    "highlights:",
    ...highlights.map((text) => `  - ${JSON.stringify(text)}`),
    "---",
    "The story begins.",
    "",
    '::: quote speaker="Rex Tillerson" role="US Secretary of State"',
    quoteWords(sizes.quoteBytes).join("\n\n"),
    ":::",
    "",
    ...videos,
    '::: quote speaker="Luis Videgaray"',
    ...nestedMarkdown(sizes.nesting),
    ":::",
    "",
    "The story ends.",
    "",
  ].join("\n");
  const markdownHighlights = ["---", "title: Highlights in Markdown", "date: 2017-05-17", "tags: story", "---", "::: highlights", ...highlights.map((text) => `- ${text}`), ":::", "", "Body.", ""].join("\n");
  const rtl = RIGHT_TO_LEFT;
  const rightToLeft = [
    "---",
    `title: ${JSON.stringify(rtl.title)}`,
    "lang: ar",
    "dir: rtl",
    "date: 2017-05-16",
    "tags: story",
    "layout: story.njk",
    `dateline: ${JSON.stringify(rtl.dateline)}`,
    "highlights:",
    ...rtl.highlights.map((text) => `  - ${JSON.stringify(text)}`),
    "---",
    `::: quote speaker="${rtl.speaker}" role="${rtl.role}"`,
    rtl.quote,
    ":::",
    "",
    `::: video url="https://vimeo.com/76979871" title="${rtl.videoTitle}"`,
    ":::",
    "",
  ].join("\n");
  return {
    "_includes/document.njk": EVERY_ELEMENT_SITE["_includes/document.njk"]!,
    "_includes/story.njk": EVERY_ELEMENT_SITE["_includes/story.njk"]!,
    "_data/layout.json": JSON.stringify("document.njk"),
    "stories/stories.11tydata.json": JSON.stringify({ permalink: "/stories/{{ page.fileSlug }}/" }),
    "stories/big.md": bigStory,
    "stories/markdown-highlights.md": markdownHighlights,
    "stories/right-to-left.md": rightToLeft,
    "collections.njk": [
      "---",
      "title: Collections",
      "permalink: /collections/",
      "---",
      "{%- for item in collections.highlights %}<p class=\"highlights\">{{ item.story.title }}: {{ item.items.length }}</p>{% endfor %}",
      "{%- for item in collections.quotes %}<p class=\"quote\">{{ item.speaker }}: {{ item.text.length }}</p>{% endfor %}",
      '<p class="videos">{{ collections.videos.length }}</p>',
    ].join("\n"),
  };
}
