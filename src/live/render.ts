import { fillLabel, type RenderContext } from "../context.js";
import { html, trustedHtml, type SafeHtml } from "../html.js";
import { readableUpdateTime, renderUpdateTime } from "../elements/update.js";
import type { LiveUpdate } from "../types.js";
import type { LiveCoverage, UpdatesPage } from "./coverage.js";

export interface LiveBlogOptions {
  /** The page to render: `coverage.pages[0]` is the live page, the others the numbered ones. */
  page: UpdatesPage;
  /** An update's `<article>`, as `renderUpdate` made it (the adapter keeps what the story's render made). */
  markup(update: LiveUpdate): string;
  /** The JSON an open live page polls while coverage runs (`livePollDocument`); no polling without it. */
  pollUrl?: string | undefined;
  /**
   * How a page's address (the story's, a numbered page's) is written in a link: the adapter adds the site's path
   * prefix, as it does to `pollUrl`. As it is when not given.
   */
  href?: ((url: string) => string) | undefined;
}

/** "/a/b/#id" for an update on another page, "#id" for one on this page. */
function linkTo(coverage: LiveCoverage, page: UpdatesPage, update: LiveUpdate, href: (url: string) => string): string {
  const on = coverage.pageOf.get(update.id);
  return on === undefined || on === page ? `#${update.id}` : `${href(on.url)}#${update.id}`;
}

function timeAndTitle(update: LiveUpdate, context: RenderContext): SafeHtml {
  return html`${renderUpdateTime(update.time, update.timeZone, context)}${update.title ? html` ${update.title}` : ""}`;
}

/**
 * A live story's updates as one page shows them: its status (Live, or Coverage has ended), the key events, the pinned
 * update, the updates of the page newest first, and links to the other pages. On the live page, every update that has
 * moved to a numbered page keeps an entry with its id that links to it there, so a link to it still lands.
 *
 * While coverage runs, the live page carries what the polling script needs (`assets/newsroom-live.js`): the JSON's
 * address, a hidden "N new updates" control (fixed in place, so showing it moves nothing) and a polite live region.
 */
export function renderLiveBlog(coverage: LiveCoverage, context: RenderContext, options: LiveBlogOptions): SafeHtml {
  const { labels } = context;
  const { page } = options;
  // Page addresses are the site's paths; in a link they need its path prefix (a site served from /news/ would
  // otherwise link every numbered page, and the way back, outside itself).
  const href = options.href ?? ((url: string) => url);
  const isLivePage = page === coverage.pages[0];
  const heading = trustedHtml(`h${context.headingLevel}`);
  const polling = isLivePage && coverage.status === "live" && options.pollUrl !== undefined;
  const status =
    coverage.status === "live"
      ? html`<p class="newsroom-live__status newsroom-live__status--live"${polling ? html` data-label-ended="${labels.coverageEnded}"` : ""}>${labels.liveNow}</p>`
      : html`<p class="newsroom-live__status newsroom-live__status--ended">${labels.coverageEnded}</p>`;

  // The pinned update stands first on the live page, once: it is not repeated among the others there.
  const pinned = isLivePage ? coverage.pinned : undefined;
  const keyEventsId = context.ids.claim("newsroom-key-events");
  const keyEvents =
    coverage.keyEvents.length === 0
      ? ""
      : html`\n<nav class="newsroom-live__key-events" aria-labelledby="${keyEventsId}">
<${heading} class="newsroom-live__heading" id="${keyEventsId}">${labels.keyEvents}</${heading}>
<ol class="newsroom-live__key-event-list">
${coverage.keyEvents.map((update) => html`<li><a href="${update === pinned ? `#${update.id}` : linkTo(coverage, page, update, href)}">${timeAndTitle(update, context)}</a></li>\n`)}</ol>
</nav>`;

  const pinnedBlock = pinned
    ? html`\n<div class="newsroom-live__pinned">
<p class="newsroom-live__pinned-label">${labels.pinned}</p>
${trustedHtml(options.markup(pinned))}
</div>`
    : "";
  const shown = page.updates.filter((update) => update !== pinned);

  const control = polling
    ? html`\n<button type="button" class="newsroom-live__new" hidden data-label-one="${labels.newUpdate}" data-label-many="${labels.newUpdates}"></button>
<p class="newsroom-live__announcer" aria-live="polite"></p>`
    : "";

  const pagesId = context.ids.claim("newsroom-earlier-updates");
  const otherPages = coverage.pages.filter((other) => other !== page && other.number !== undefined);
  const pageLink = (other: UpdatesPage) =>
    fillLabel(labels.updatesPage, {
      number: String(other.number),
      from: readableUpdateTime(other.updates.at(-1)!.time, other.updates.at(-1)!.timeZone, context),
      to: readableUpdateTime(other.updates[0]!.time, other.updates[0]!.timeZone, context),
    });
  const pageList =
    otherPages.length === 0
      ? ""
      : html`\n<nav class="newsroom-live__pages" aria-labelledby="${pagesId}">
<${heading} class="newsroom-live__heading" id="${pagesId}">${labels.earlierUpdates}</${heading}>
<ul class="newsroom-live__page-list">
${otherPages.map(
  (other) => html`<li><a href="${href(other.url)}">${pageLink(other)}</a>${
    isLivePage
      ? html`\n<ul class="newsroom-live__moved">
${other.updates.filter((update) => update !== pinned).map((update) => html`<li id="${update.id}"><a href="${href(other.url)}#${update.id}">${timeAndTitle(update, context)}</a></li>\n`)}</ul>\n`
      : ""
  }</li>\n`,
)}</ul>
</nav>`;
  const back = isLivePage ? "" : html`\n<p class="newsroom-live__back"><a href="${href(coverage.pages[0]!.url)}">${labels.backToLive}</a></p>`;

  return html`<div class="newsroom-live newsroom-live--${coverage.status}"${polling ? html` data-newsroom-live="${options.pollUrl!}"` : ""}>
${status}${back}${keyEvents}${pinnedBlock}${control}
<section class="newsroom-live__updates" aria-label="${labels.latestUpdates}">
${shown.map((update) => html`${trustedHtml(options.markup(update))}\n`)}</section>${pageList}
</div>`;
}
