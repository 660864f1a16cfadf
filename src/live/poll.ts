import type { LiveUpdate } from "../types.js";
import type { LiveCoverage } from "./coverage.js";

/** What an open live page polls: a static file the build writes beside the page. */
export interface LivePollDocument {
  version: 1;
  status: LiveCoverage["status"];
  /** The newest update's time or the latest edit (ISO 8601). */
  modified: string | null;
  /**
   * The live page's updates, newest first, each as the page shows it (its `<article>`, whose `data-version` tells an
   * edited update from the one a reader has).
   */
  updates: Array<{ id: string; html: string }>;
  /** Every update's id, on every page: an update the page shows that is not here was deleted. */
  ids: string[];
}

/** The JSON the live page's script polls (`assets/newsroom-live.js`), with updates rendered as the page renders them. */
export function livePollDocument(coverage: LiveCoverage, markup: (update: LiveUpdate) => string): LivePollDocument {
  const live = coverage.pages[0]?.updates ?? [];
  // The pinned update stands on the live page even once it has moved to a numbered page: the page shows it, so the
  // JSON carries it (after the others, as it is older than all of them), or an edit to it would never reach an open page.
  const pinned = coverage.pinned;
  const shown = pinned === undefined || live.includes(pinned) ? live : [...live, pinned];
  return {
    version: 1,
    status: coverage.status,
    modified: coverage.modified ?? null,
    updates: shown.map((update) => ({ id: update.id, html: markup(update) })),
    ids: coverage.updates.map((update) => update.id),
  };
}
