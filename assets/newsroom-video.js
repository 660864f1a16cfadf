// eleventy-plugin-newsroom: click-to-play for embedded videos.
// Progressive enhancement: without this script the play control is a link to the video. With it, the link becomes a
// button, and only when the reader presses it does the provider's player load (so nothing reaches a third party
// before that). The player takes the poster's box, which keeps its size: no layout shift.
// Comment lines (starting with //) are stripped before the script is served.
const titles = new Map();
for (const link of document.querySelectorAll("a.newsroom-video__play[data-newsroom-embed]")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.setAttribute("aria-label", link.getAttribute("aria-label"));
  button.append(...link.childNodes);
  link.replaceWith(button);
  // Frame titles must be unique on the page; a repeated video title gets a number.
  let title = link.dataset.newsroomFrameTitle;
  const seen = titles.get(title) || 0;
  titles.set(title, seen + 1);
  if (seen) title += ` (${seen + 1})`;
  button.addEventListener("click", () => {
    const src = new URL(link.dataset.newsroomEmbed);
    // Only the video the reader asked for plays; YouTube's suggestions stay on the same channel.
    src.searchParams.set("autoplay", "1");
    if (src.hostname.endsWith("youtube-nocookie.com")) src.searchParams.set("rel", "0");
    const frame = document.createElement("iframe");
    frame.className = "newsroom-video__frame";
    frame.title = title;
    frame.loading = "lazy";
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.src = src.href;
    button.parentElement.replaceChildren(frame);
    frame.focus();
  });
}
