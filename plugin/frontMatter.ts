import type { ElementInput } from "../src/index.js";

/** The front matter of a story, as the plugin reads it. Other keys pass through to the site's own templates. */
export interface StoryFrontMatter {
  title: string;
  /** Publication date. A date without a time (`2017-05-18`) is shown as a date only. */
  date?: Date | string;
  /** Must include the story tag (default `"story"`) for the page to be a story. */
  tags?: string | string[];
  /** The story highlights, one line of inline Markdown each. */
  highlights?: string[];
  /** The lead video: `url` and `title` required; `duration`, `source`, `poster`, `posterAlt`, `posterCredit`, `description`, `aspectRatio` optional. */
  video?: ElementInput & { url: string; title: string };
  /** The place and/or agency that opens the body, e.g. "CNN" (rendered "CNN —"). */
  dateline?: string;
  /** Left out of production builds, shown while serving. */
  draft?: boolean;
  [key: string]: unknown;
}
