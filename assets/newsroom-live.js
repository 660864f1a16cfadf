// eleventy-plugin-newsroom: freshness for a live story's page while its coverage runs.
// The page is complete as built. This script polls the JSON the build writes beside it (every 30 s while the tab is
// visible, backing off after errors) and never moves the page under the reader: new updates wait behind the
// "N new updates" button (fixed in place, announced politely, counted in the title) until the reader presses it.
// Edited updates are replaced in place once the reader is not looking at them (an edit moves what is below it; above
// the screen, the browser's scroll anchoring keeps the view); until then, each poll tries again. Deleted updates are
// removed at once. Polling stops once the JSON says coverage ended.
// Comment lines (starting with //) are stripped before the script is served.
const root = document.querySelector("[data-newsroom-live]");
// A link to an update that has moved to an older page lands on its entry here: follow it there, on arrival and when a
// link on the page (one in an update's words, say) leads to one.
const follow = () => {
  let entry;
  try {
    entry = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    // A fragment that is not percent-encoded text names nothing here; it must not stop the polling below.
  }
  const link = entry?.closest(".newsroom-live__moved") && entry.querySelector("a");
  if (link) location.replace(link.href);
};
follow();
addEventListener("hashchange", follow);
if (root) {
  const $ = (selector) => root.querySelector(selector);
  const list = $(".newsroom-live__updates");
  const button = $(".newsroom-live__new");
  const announcer = $(".newsroom-live__announcer");
  const status = $(".newsroom-live__status");
  const title = document.title;
  // A test hook: a page may set a shorter interval before this script runs.
  const interval = Number(window.newsroomLiveInterval) || 30000;
  let delay = interval;
  let timer;
  let stopped = false;
  let held = [];
  const articleOf = (markup) => {
    const template = document.createElement("template");
    template.innerHTML = markup;
    return template.content.firstElementChild;
  };
  const shown = () => root.querySelectorAll("article.newsroom-update");
  const schedule = () => {
    if (!timer && !stopped && !document.hidden) timer = setTimeout(poll, delay);
  };
  const apply = (data) => {
    const ids = new Set(data.ids);
    for (const article of shown()) if (!ids.has(article.id)) article.remove();
    held = held.filter((update) => ids.has(update.id));
    const fresh = [];
    for (const update of data.updates) {
      const article = document.getElementById(update.id);
      const waiting = held.find((other) => other.id === update.id);
      if (waiting) waiting.html = update.html;
      else if (!article) fresh.push(update);
      else if (article.localName === "article") {
        const next = articleOf(update.html);
        const box = article.getBoundingClientRect();
        if (next.dataset.version !== article.dataset.version && (box.top >= innerHeight || box.bottom <= 0)) {
          // A reader whose focus is in the update keeps their place: focus moves to its new copy.
          const focused = article.contains(document.activeElement);
          article.replaceWith(next);
          if (focused) {
            next.tabIndex = -1;
            next.focus({ preventScroll: true });
          }
        }
      }
    }
    held = fresh.concat(held);
    // Also when the count falls to 0 (the updates that waited were deleted): the button, title and region say so.
    const count = held.length;
    const label = count === 0 ? "" : count === 1 ? button.dataset.labelOne : button.dataset.labelMany.replace("{count}", count);
    button.textContent = label;
    button.hidden = count === 0;
    if (announcer.textContent !== label) announcer.textContent = label;
    document.title = count === 0 ? title : `(${count}) ${title}`;
  };
  const poll = async () => {
    timer = undefined;
    try {
      const response = await fetch(root.dataset.newsroomLive, { cache: "no-cache" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = await response.json();
      apply(data);
      delay = interval;
      if (data.status === "ended") {
        stopped = true;
        status.textContent = status.dataset.labelEnded;
        status.className = "newsroom-live__status newsroom-live__status--ended";
        root.classList.replace("newsroom-live--live", "newsroom-live--ended");
      }
    } catch {
      delay = Math.min(delay * 2, 10 * interval);
    }
    schedule();
  };
  button.addEventListener("click", () => {
    const articles = held.map((update) => articleOf(update.html));
    held = [];
    button.hidden = true;
    announcer.textContent = "";
    document.title = title;
    list.prepend(...articles);
    if (articles[0]) {
      articles[0].tabIndex = -1;
      articles[0].focus();
    }
  });
  document.addEventListener("visibilitychange", () => (document.hidden ? (clearTimeout(timer), (timer = undefined)) : schedule()));
  schedule();
}
