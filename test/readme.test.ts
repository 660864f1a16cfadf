/**
 * Every code example in README is run: each block is a file of a site (or an excerpt of one, or the HTML one renders),
 * each site is built as its owner would build it, and each site's test checks what README says of it. The convention
 * is described in test/quality/readmeSite.ts.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { parseDocument, readableText } from "./helpers/html.js";
import { childrenNamed, childText, parseXml } from "./helpers/xml.js";
import {
  buildInProcess,
  EXEMPT_LANGUAGES,
  MAIN_SITE,
  readmeBlocks,
  readmeSiteFiles,
  readOutput,
  README_SITES,
  writeReadmeSite,
  configOf,
  type BuiltReadmeSite,
  type ReadmeBlock,
} from "./quality/readmeSite.js";

const blocks = readmeBlocks();
const ATOM = "http://www.w3.org/2005/Atom";

/** One line per block: what it is, for the inventory below. */
const describeBlock = (block: ReadmeBlock) =>
  block.kind === "exempt" ? `${block.language}: exempt` : `${block.language}: ${block.kind} ${block.site === MAIN_SITE ? "" : `${block.site}:`}${block.path ?? ""}`;

describe("every code block in README is run by a test, or exempt for a stated reason", () => {
  test("the inventory: every block of README, in order, and what it is", () => {
    // A new block changes this list, so it cannot be added without deciding what runs it.
    expect(blocks.map(describeBlock)).toEqual([
      "sh: exempt", // npm install && npm start, npm test
      "sh: exempt", // npm install eleventy-plugin-newsroom
      "js: file eleventy.config.js",
      "ts: file typescript:eleventy.config.ts",
      "js: file commonjs:eleventy.config.cjs",
      "njk: file _includes/base.njk",
      "text: exempt", // the Content-Security-Policy (test/browser/csp.test.ts checks it is the one the example site ships)
      "md: file stories/tillerson.md",
      "njk: file stories/nunjucks-story.njk",
      "liquid: file stories/liquid-story.liquid",
      "js: file stories/javascript-story.11ty.js",
      "njk: file _includes/story.njk",
      "js: file provider:eleventy.config.js",
      "md: file provider:briefing.md",
      "js: file live:eleventy.config.js",
      "md: file live:stories/tillerson-live.md",
      "njk: file live:_includes/live.njk",
      "njk: file live:_includes/updates-page.njk",
      "md: file stories/lead-image.md",
      "njk: part _includes/story.njk",
      "html: output stories/lead-image.md",
      "njk: file quotes.njk",
      "njk: file metadata:_includes/story.njk",
      "md: file metadata:stories/every-field.md",
      "js: file metadata:eleventy.config.js",
      "js: file spanish:eleventy.config.js",
      "text: exempt", // the error message for a bad duration
      "ts: file typescript:types.ts",
      "text: exempt", // the source tree (test/package/layering.test.ts checks its layers)
    ]);
  });

  test("no block is left unrun: each is a site's file, an excerpt of one or its output, or in an exempt language", () => {
    expect(blocks.filter((block) => block.kind === "unrun").map((block) => `README.md:${block.line}: a ${block.language || "plain"} block`)).toEqual([]);
    expect(Object.keys(EXEMPT_LANGUAGES).sort()).toEqual(["sh", "text"]);
    for (const reason of Object.values(EXEMPT_LANGUAGES)) expect(reason.length).toBeGreaterThan(40);
  });

  test("each block belongs to a site declared (and built) here, and each site has exactly one config", () => {
    const named = new Set(blocks.filter((block) => block.kind !== "exempt").map((block) => block.site));
    expect([...named].sort()).toEqual(Object.keys(README_SITES).sort());
    for (const site of named) expect(configOf(readmeSiteFiles(site, blocks)), site).toMatch(/^eleventy\.config\./);
  });

  test("each excerpt is, verbatim, part of its site's file, and each output names a page of the main site (where it is compared)", () => {
    for (const block of blocks.filter((candidate) => candidate.kind === "part" || candidate.kind === "output")) {
      const file = readmeSiteFiles(block.site, blocks)[block.path!];
      expect(file, `README.md:${block.line}: ${block.site} has no file ${block.path}`).toBeDefined();
      if (block.kind === "part") expect(file, `README.md:${block.line}`).toContain(block.text);
      else expect(block.site, `README.md:${block.line}`).toBe(MAIN_SITE);
    }
  });
});

const siteTitle = (site: string) => `README's site "${site}": ${README_SITES[site]!.purpose}`;

/** Builds a site once, whichever test asks first. */
const once = <T>(build: () => Promise<T>) => {
  let result: Promise<T> | undefined;
  return () => (result ??= build());
};
const mainSite = once(async () => buildInProcess(await writeReadmeSite(MAIN_SITE)));
const page = (site: BuiltReadmeSite, url: string) => {
  const markup = site.files.get(url);
  if (markup === undefined) throw new Error(`${url} was not built; built: ${[...site.files.keys()].join(", ")}`);
  return parseDocument(markup);
};

/**
 * README's HTML output example against the element built: the same elements, classes and attributes, in the same order,
 * and the same text. README writes `…` for what it leaves out: inside a value or a text, it stands for any characters;
 * as an attribute of its own (`<source type="image/webp" …>`), for any further attributes.
 */
function outputDifferences(shown: Element, built: Element, path = shown.localName): string[] {
  const differences: string[] = [];
  const matches = (pattern: string, value: string) =>
    new RegExp(`^${pattern.split("…").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*")}$`).test(value);
  if (shown.localName !== built.localName) return [`${path}: README shows <${shown.localName}>, the build has <${built.localName}>`];
  const elided = shown.hasAttribute("…");
  for (const { name, value } of shown.attributes) {
    if (name === "…") continue;
    const actual = built.getAttribute(name);
    if (actual === null) differences.push(`${path}: README shows ${name}="${value}", the build has no ${name}`);
    else if (!matches(value, actual)) differences.push(`${path}: README shows ${name}="${value}", the build has ${name}="${actual}"`);
  }
  if (!elided) {
    for (const { name } of built.attributes) if (!shown.hasAttribute(name)) differences.push(`${path}: the build has ${name}, which README does not show`);
  }
  if (shown.children.length !== built.children.length) {
    differences.push(`${path}: README shows ${shown.children.length} child elements, the build has ${built.children.length}`);
  } else {
    [...shown.children].forEach((child, index) => differences.push(...outputDifferences(child, built.children[index]!, `${path} > ${child.localName}`)));
  }
  if (!matches(readableText(shown), readableText(built))) differences.push(`${path}: README shows the text "${readableText(shown)}", the build has "${readableText(built)}"`);
  return differences;
}

describe(siteTitle(MAIN_SITE), () => {
  let site: BuiltReadmeSite;
  beforeAll(async () => {
    site = await mainSite();
  }, 120_000);

  test("the Markdown story renders every element, and the story layout renders its front matter", () => {
    const article = page(site, "/stories/tillerson/").querySelector("article")!;
    expect(readableText(article.querySelector("h1"))).toBe("Tillerson: “We Americans must own this problem”");
    expect(article.querySelectorAll("section.newsroom-highlights li")).toHaveLength(2);
    expect(readableText(article.querySelector("aside.newsroom-pullquote .newsroom-attribution__speaker"))).toBe("Rex Tillerson");
    expect(readableText(article.querySelector("figure.newsroom-quote figcaption"))).toBe("Luis Videgaray, Mexican Foreign Secretary");
    expect(article.querySelector("figure.newsroom-video a.newsroom-video__play")?.getAttribute("data-newsroom-embed")).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/);
    expect(readableText(article.querySelector(".newsroom-dateline"))).toBe("CNN —");
    expect(article.querySelector("time")?.getAttribute("datetime")).toBe("2017-05-18");
  });

  test("the page layout's {% newsroomAssets %}: the video box's stylesheet and the click-to-play script where a video plays, nothing elsewhere", () => {
    const withVideo = page(site, "/stories/tillerson/");
    expect(withVideo.querySelector("title")?.textContent).toBe("Tillerson: “We Americans must own this problem”");
    const head = withVideo.head;
    // Files the site serves itself, not a <style> element: pages hold under a strict Content-Security-Policy.
    expect(head.querySelector("style")).toBeNull();
    const stylesheet = head.querySelector('link[rel="stylesheet"]')!.getAttribute("href")!;
    expect(stylesheet).toMatch(/^\/newsroom\/video-[0-9a-f]{10}\.css$/);
    expect(site.files.get(stylesheet)).toContain(".newsroom-video__media--16x9 { aspect-ratio: 16 / 9; }");
    const script = head.querySelector('script[type="module"]')!.getAttribute("src")!;
    expect(script).toMatch(/^\/newsroom\/video-[0-9a-f]{10}\.js$/);
    expect(site.files.get(script)).toContain("newsroom-video");
    // Before the site's own stylesheet, so the site can override the video box's style.
    expect([...head.children].map((element) => element.localName)).toEqual(["meta", "title", "link", "script", "link"]);
    expect(head.querySelectorAll("link")[1]!.getAttribute("href")).toBe("/css/site.css");

    const withoutVideo = page(site, "/stories/lead-image/").head;
    expect(withoutVideo.querySelector("style, script")).toBeNull();
    expect([...withoutVideo.querySelectorAll("link")].map((link) => link.getAttribute("href"))).toEqual(["/css/site.css"]);
  });

  test("the Nunjucks, Liquid and 11ty.js stories render their elements", () => {
    const nunjucks = page(site, "/stories/nunjucks-story/");
    expect(nunjucks.querySelectorAll(".newsroom-highlights li")).toHaveLength(2);
    expect(nunjucks.querySelector("aside.newsroom-pullquote")).not.toBeNull();
    expect(readableText(nunjucks.querySelector("figure.newsroom-quote .newsroom-attribution__role"))).toBe("US Secretary of Homeland Security");
    expect(nunjucks.querySelector(".newsroom-video--vimeo a")?.getAttribute("data-newsroom-embed")).toBe("https://player.vimeo.com/video/76979871?dnt=1");

    const liquid = page(site, "/stories/liquid-story/");
    expect(readableText(liquid.querySelector("figure.newsroom-quote figcaption"))).toBe("Rex Tillerson, US Secretary of State");
    const video = liquid.querySelector("video.newsroom-video__player")!;
    expect([video.getAttribute("preload"), video.querySelector("source")?.getAttribute("src")]).toEqual(["none", "/media/briefing.mp4"]);
    // The poster is the image pipeline's JPEG of /media/briefing.jpg (64 px wide).
    expect(video.getAttribute("poster")).toMatch(/^\/img\/[\w-]+-64\.jpeg$/);
    expect(readableText(liquid.querySelector("time.newsroom-video__duration"))).toBe("1:02:03");

    const javascript = page(site, "/stories/javascript-story/");
    expect(javascript.querySelector("figure.newsroom-quote")).not.toBeNull();
    expect(javascript.querySelector("figure.newsroom-video--youtube")).not.toBeNull();
  });

  test("each HTML output README shows is what its page renders", () => {
    const outputs = blocks.filter((block) => block.kind === "output");
    expect(outputs.length).toBeGreaterThan(0);
    for (const block of outputs) {
      const shown = parseDocument(`<!doctype html><body>${block.text}`).body.firstElementChild!;
      // The element of the page that README's example shows: the first with its tag and first class.
      const url = `/${block.path!.replace(/\.[^/.]+$/, "").replace(/(^|\/)index$/, "")}/`.replace(/\/+/g, "/");
      const built = page(site, url).querySelector(`${shown.localName}.${shown.classList[0]}`);
      expect(built, `README.md:${block.line}: ${url} has no <${shown.localName} class="${shown.classList[0]}">`).not.toBeNull();
      expect(outputDifferences(shown, built!), `README.md:${block.line}`).toEqual([]);
    }
  });

  test("the lead image's files, every width and format its srcset names, are written", () => {
    const figure = page(site, "/stories/lead-image/").querySelector("figure.newsroom-image")!;
    const files = [...figure.querySelectorAll("source, img")].flatMap((candidate) => candidate.getAttribute("srcset")!.split(",").map((entry) => entry.trim().split(" ")[0]!));
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(files.filter((file) => !site.files.has(file))).toEqual([]);
  });

  test("README's output check is not vacuous: a changed class, attribute or text is found", () => {
    const built = page(site, "/stories/lead-image/").querySelector("figure.newsroom-image")!;
    const shown = parseDocument(`<!doctype html><body>${blocks.find((block) => block.kind === "output")!.text}`).body.firstElementChild!;
    const changed = shown.cloneNode(true) as Element;
    changed.querySelector("img")!.setAttribute("loading", "lazy");
    changed.querySelector(".newsroom-image__credit")!.textContent = "Photo: someone else";
    expect(outputDifferences(changed, built)).toEqual([
      'figure > picture > img: README shows loading="lazy", the build has loading="eager"',
      "figure > figcaption > span: README shows the text \"Photo: someone else\", the build has \"Photo: Jane Doe\"",
      'figure > figcaption: README shows the text "The Secretary of State at the joint news conference. Photo: someone else", the build has "The Secretary of State at the joint news conference. Photo: Jane Doe"',
      'figure: README shows the text "The Secretary of State at the joint news conference. Photo: someone else", the build has "The Secretary of State at the joint news conference. Photo: Jane Doe"',
    ]);
  });

  test("the listing page groups the quotes of every story by speaker", () => {
    const document = page(site, "/quotes/");
    expect([...document.querySelectorAll("h2")].map(readableText)).toEqual(["Rex Tillerson", "Luis Videgaray", "John Kelly"]);
    // Tillerson's pull quote and quote and the 11ty.js story's quote (made by its render function), Videgaray's pull
    // quote and quote, Kelly's quote: every quote the stories' pages show, each once.
    expect(document.querySelectorAll("figure.newsroom-quote")).toHaveLength(6);
    expect(document.querySelector("aside")).toBeNull();
  });
});

describe(siteTitle("typescript"), () => {
  let root: string;
  let site: BuiltReadmeSite;

  beforeAll(async () => {
    root = await writeReadmeSite("typescript", {
      // The same config with one option misspelt: the types must catch it, or the check proves nothing.
      "misspelt-option.ts": readmeSiteFiles("typescript")["eleventy.config.ts"]!.replace("timeZone:", "timezone:"),
    });
    // As README says to run it: Eleventy's command line with tsx, in the site's folder.
    execFileSync(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--quiet"], { cwd: root, stdio: "pipe" });
    site = readOutput(root);
  }, 120_000);

  /** Type-checks the site's TypeScript files as a strict ESM project would, without allowJs. */
  function typeErrors(): string[] {
    const program = ts.createProgram({
      rootNames: ["eleventy.config.ts", "types.ts", "misspelt-option.ts"].map((file) => join(root, file)),
      options: { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, skipLibCheck: true, types: [] },
    });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const file = diagnostic.file ? `${diagnostic.file.fileName.slice(root.length + 1)}: ` : "";
      return `${file}${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
    });
  }

  test("the config and the types example type-check against the package's own types; a misspelt option does not", () => {
    expect(typeErrors()).toEqual([
      "misspelt-option.ts: Object literal may only specify known properties, but 'timezone' does not exist in type 'NewsroomOptions'. Did you mean to write 'timeZone'?",
    ]);
  });

  test("the config builds README's site through tsx, the same pages as README's JavaScript config", async () => {
    const main = await mainSite();
    const story = page(site, "/stories/tillerson/");
    expect(story.querySelectorAll(".newsroom-highlights li")).toHaveLength(2);
    expect(story.querySelector(".newsroom-video--youtube")).not.toBeNull();
    for (const url of ["/stories/tillerson/", "/stories/nunjucks-story/", "/stories/liquid-story/", "/stories/javascript-story/", "/quotes/"]) {
      expect(site.files.get(url), url).toBe(main.files.get(url));
    }
  });
});

describe(siteTitle("commonjs"), () => {
  let site: BuiltReadmeSite;
  beforeAll(async () => {
    site = await buildInProcess(await writeReadmeSite("commonjs"));
  }, 120_000);

  test("loads the ESM package with import() and builds README's stories", () => {
    const story = page(site, "/stories/tillerson/");
    expect(story.querySelectorAll("section.newsroom-highlights li")).toHaveLength(2);
    expect(story.querySelector("figure.newsroom-quote")).not.toBeNull();
    expect(story.querySelector("aside.newsroom-pullquote")).not.toBeNull();
    expect(story.querySelector("figure.newsroom-video--youtube")).not.toBeNull();
    expect(page(site, "/stories/nunjucks-story/").querySelector("figure.newsroom-video--vimeo")).not.toBeNull();
    expect(page(site, "/quotes/").querySelectorAll("figure.newsroom-quote")).toHaveLength(6);
  });
});

describe(siteTitle("spanish"), () => {
  let site: BuiltReadmeSite;
  beforeAll(async () => {
    site = await buildInProcess(await writeReadmeSite("spanish"));
  }, 120_000);

  test("README's story reads in Spanish: the highlights heading, the play control, the source, the date", () => {
    const story = page(site, "/stories/tillerson/");
    expect(readableText(story.querySelector(".newsroom-highlights__heading"))).toBe("Lo más destacado");
    expect(story.querySelector(".newsroom-video__play")?.getAttribute("aria-label")).toBe("Reproducir video: Where does America's heroin come from? (1:45)");
    expect(readableText(story.querySelector(".newsroom-video__source"))).toBe("Fuente: CNN");
    expect(readableText(story.querySelector("article > p > time"))).toBe("jueves 18 de mayo de 2017");
  });
});

describe(siteTitle("provider"), () => {
  let site: BuiltReadmeSite;
  beforeAll(async () => {
    site = await buildInProcess(await writeReadmeSite("provider"));
  }, 120_000);

  test("the site's provider recognises its address: its class, its embed address, a link to the video's page", () => {
    const figure = page(site, "/briefing/").querySelector("figure.newsroom-video")!;
    expect(figure.classList.contains("newsroom-video--newsroomtv")).toBe(true);
    const play = figure.querySelector("a.newsroom-video__play")!;
    expect(play.getAttribute("href")).toBe("https://tv.news.example/v/1042");
    expect(play.getAttribute("data-newsroom-embed")).toBe("https://tv.news.example/embed/1042");
    expect(play.getAttribute("aria-label")).toBe("Play video: The briefing, in full");
    // Nothing of the provider's loads before the click.
    expect(figure.querySelector("iframe, img, script")).toBeNull();
  });
});

describe(siteTitle("live"), () => {
  let site: BuiltReadmeSite;
  beforeAll(async () => {
    site = await buildInProcess(await writeReadmeSite("live"));
  }, 120_000);

  test("README's live story: the pinned update first, the rest newest first, two pages, the key events linking to theirs", () => {
    const live = page(site, "/stories/tillerson-live/");
    const blog = live.querySelector(".newsroom-live")!;
    expect(readableText(blog.querySelector(".newsroom-live__status"))).toBe("Live");
    // Five updates, pages of two: page 1 holds the two oldest, the live page the three newest (the pinned one, though
    // on page 1, stands first on the live page).
    expect(readableText(blog.querySelector(".newsroom-live__pinned .newsroom-update__title"))).toBe("The meeting opens");
    const times = [...blog.querySelectorAll(".newsroom-live__updates > article .newsroom-update__permalink time")].map((time) => time.getAttribute("datetime"));
    expect(times).toEqual(["2017-05-18T12:30:00-04:00", "2017-05-18T12:00:00-04:00", "2017-05-18T11:30:00-04:00"]);
    expect(readableText(blog.querySelector(".newsroom-update__edited"))).toBe("Updated 11:40 am EDT");
    expect(readableText(blog.querySelector(".newsroom-update__author"))).toBe("By Desk editor");
    const keyEvents = [...blog.querySelectorAll(".newsroom-live__key-events a")].map((link) => link.getAttribute("href"));
    expect(keyEvents).toEqual([
      "#update-20170518-1200-videgaray-we-need-to-overcome-the-blame",
      "/stories/tillerson-live/updates/1/#update-20170518-1045-tillerson-we-americans-must-own-this",
    ]);
    // The moved update keeps an entry with its id here, linking to it on its page.
    expect(blog.querySelector("#update-20170518-1045-tillerson-we-americans-must-own-this a")?.getAttribute("href")).toBe(keyEvents[1]);
    const older = page(site, "/stories/tillerson-live/updates/1/");
    expect(readableText(older.querySelector("h1"))).toBe("Live: Tillerson and Videgaray meet on drug trafficking: updates, page 1");
    expect(older.querySelector("#update-20170518-1045-tillerson-we-americans-must-own-this figure.newsroom-quote")).not.toBeNull();
    // While coverage runs, the page polls the JSON written beside it.
    expect(blog.getAttribute("data-newsroom-live")).toBe("/stories/tillerson-live/live.json");
    expect(live.querySelector('script[src^="/newsroom/live-"]')).not.toBeNull();
    const poll = JSON.parse(site.files.get("/stories/tillerson-live/live.json")!) as { status: string; ids: string[] };
    expect(poll.status).toBe("live");
    expect(poll.ids).toHaveLength(5);
  });
});

describe(siteTitle("metadata"), () => {
  let site: BuiltReadmeSite;
  let story: Document;
  const warnings: string[] = [];

  beforeAll(async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation((message: unknown) => void warnings.push(String(message)));
    try {
      site = await buildInProcess(await writeReadmeSite("metadata"));
    } finally {
      warn.mockRestore();
    }
    story = page(site, "/stories/every-field/");
  }, 120_000);

  const graph = () => JSON.parse(story.querySelector('script[type="application/ld+json"]')!.textContent!)["@graph"] as Array<Record<string, any>>;

  test("the layout's head: description, the canonical link to the original, Open Graph, X cards and JSON-LD", () => {
    const meta = (key: string) => story.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
    expect(story.documentElement.getAttribute("lang")).toBe("es-MX");
    expect(meta("description")).toBe("One or two sentences.");
    expect(story.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://edition.cnn.com/2017/05/18/politics/tillerson-mexico-drug-trade/index.html");
    expect(meta("og:locale")).toBe("es_MX");
    expect(meta("og:site_name")).toBe("Example News");
    expect(meta("twitter:card")).toBe("summary_large_image");
    const article = graph().find((node) => node["@type"] === "NewsArticle")!;
    expect(article["author"]).toEqual([{ "@type": "Person", name: "Ana Reporter" }]);
    expect(article["publisher"]).toMatchObject({ name: "CNN", url: "https://edition.cnn.com/" });
    expect([article["articleSection"], article["keywords"], article["inLanguage"], article["isAccessibleForFree"]]).toEqual(["Politics", ["Mexico", "drugs"], "es-MX", false]);
    expect(article["isBasedOn"]).toBe("https://edition.cnn.com/2017/05/18/politics/tillerson-mexico-drug-trade/index.html");
    // The latest of `updated:` and the corrections.
    expect([article["datePublished"], article["dateModified"]]).toEqual(["2017-05-18", "2017-05-20"]);
  });

  test("the byline and the corrections, with their kinds and dates", () => {
    expect(readableText(story.querySelector(".newsroom-byline__authors"))).toBe("By Ana Reporter");
    const corrections = [...story.querySelectorAll(".newsroom-corrections__item")];
    expect(corrections.map((item) => item.querySelector(".newsroom-corrections__kind")?.textContent)).toEqual(["Correction", "Update"]);
    expect(corrections[0]!.querySelector("em")?.textContent).toBe("wrongly");
  });

  test("{% newsroomMetadata %} warns once per problem, naming the story's file, the field and the fix", () => {
    const about = warnings.filter((warning) => warning.includes("stories/every-field.md"));
    // README's example has an image (here a 64 px JPEG at /assets/lead.jpg) and an author without a page.
    expect(about.map((warning) => /story metadata "([^"]+)"/.exec(warning)?.[1])).toEqual(["image", "authors[0].url"]);
    for (const warning of about) expect(warning).toMatch(/^\[eleventy-plugin-newsroom\] .*stories\/every-field\.md: .* Fix: .*\(a warning; strict: true makes it an error\)$/);
  });

  test("the config's feeds and sitemaps are written, with the site's address and publication name", () => {
    const atom = parseXml(site.files.get("/feed.xml")!).documentElement;
    expect(childText(atom, ATOM, "title")).toBe("Example News");
    expect(childrenNamed(atom, ATOM, "entry").map((entry) => childText(entry, ATOM, "id"))).toEqual(["https://news.example/stories/every-field/"]);
    const feed = JSON.parse(site.files.get("/feed.json")!) as { version: string; items: Array<{ url: string; title: string }> };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items.map((item) => [item.url, item.title])).toEqual([["https://news.example/stories/every-field/", "A story that gives every field"]]);
    // A republished story's canonical address is its original's, so the sitemap leaves it out.
    const sitemap = parseXml(site.files.get("/sitemap.xml")!).documentElement;
    expect([sitemap.localName, sitemap.textContent]).toEqual(["urlset", expect.not.stringContaining("every-field")]);
    // The story is dated 2017, long before this build's 48-hour news window: an empty news sitemap, still at its address.
    const news = parseXml(site.files.get("/news-sitemap.xml")!).documentElement;
    expect([news.localName, news.children.length]).toEqual(["urlset", 0]);
  });
});
