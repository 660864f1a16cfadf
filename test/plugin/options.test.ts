import { describe, expect, test } from "vitest";
import { DateTime } from "luxon";
import { DEFAULT_OPTIONS, isTimeZone, resolveOptions } from "../../plugin/options.js";
import { buildSite } from "../helpers/eleventy.js";
import { failureOf } from "../helpers/errors.js";
import { parseDocument, readableText } from "../helpers/html.js";

describe("options are merged with defaults and checked at config time", () => {
  test("a time zone is what luxon's setZone accepts", () => {
    const names = ["America/New_York", "america/new_york", "Europe/Madrid", "Etc/GMT+5", "UTC", "utc", "GMT", "UTC+3", "UTC-05:30", "system", "local", "default", "Mars/Olympus", "", "+03:00", "EST", "Z"];
    for (const name of names) expect([name, isTimeZone(name)]).toEqual([name, DateTime.local().setZone(name).isValid]);
  });

  test("no options gives the defaults", () => {
    expect(resolveOptions()).toEqual(DEFAULT_OPTIONS);
  });

  test("partial nested options keep the other defaults", () => {
    const options = resolveOptions({ shortcodes: { quote: "quotation" }, labels: { highlightsHeading: "Lo más destacado" } });
    expect(options.shortcodes).toEqual({ ...DEFAULT_OPTIONS.shortcodes, quote: "quotation" });
    expect(options.labels.highlightsHeading).toBe("Lo más destacado");
    expect(options.labels.playVideo).toBe(DEFAULT_OPTIONS.labels.playVideo);
  });

  test.each([
    [{ storytag: "story" }, /option "storytag": is not an option of this plugin\. Fix: use only storyTag, collections/],
    [{ shortcodes: { quotes: "q" } }, /option "shortcodes\.quotes": is not an option/],
    [{ shortcodes: { quote: "has space" } }, /option "shortcodes\.quote": must be a name of letters/],
    [{ shortcodes: { quote: "video" } }, /option "shortcodes\.video": uses the name "video", which shortcodes\.quote uses too/],
    [{ timeZone: "Mars/Olympus" }, /option "timeZone": "Mars\/Olympus" is not an IANA time zone/],
    [{ timeZone: 5 }, /option "timeZone": must be a non-empty text but is a number/],
    [{ locale: "not a locale!" }, /option "locale": "not a locale!" is not a BCP 47 locale/],
    [{ headingLevel: 1 }, /option "headingLevel": must be 2, 3, 4, 5 or 6/],
    [{ excludeDrafts: "yes" }, /option "excludeDrafts": must be true or false/],
    [{ labels: "Story highlights" }, /option "labels": must be an object/],
    [{ collections: { stories: "" } }, /option "collections\.stories": must be a name/],
  ])("%j is refused", (options, message) => {
    expect(() => resolveOptions(options)).toThrow(message);
  });

  test("a wrong option fails the Eleventy build before any page is rendered", async () => {
    expect(await failureOf(buildSite({ "a.md": "Text" }, { options: { timeZone: "Nowhere/Else" } }))).toMatch(/option "timeZone": "Nowhere\/Else" is not an IANA time zone/);
  });
});

describe("the live option", () => {
  test("is merged with its defaults", () => {
    expect(resolveOptions().live).toEqual({ pageSize: 20, layout: undefined, futureToleranceMinutes: 10, timeFormat: "h:mm a ZZZZ", feeds: true });
    expect(resolveOptions({ live: { pageSize: 5, layout: "layouts/updates.njk" } }).live).toEqual({ pageSize: 5, layout: "layouts/updates.njk", futureToleranceMinutes: 10, timeFormat: "h:mm a ZZZZ", feeds: true });
    expect(resolveOptions({ live: { futureToleranceMinutes: 0, timeFormat: "HH:mm", feeds: false } }).live).toEqual({ pageSize: 20, layout: undefined, futureToleranceMinutes: 0, timeFormat: "HH:mm", feeds: false });
    expect(resolveOptions({ live: { futureToleranceMinutes: 2.5 } }).live.futureToleranceMinutes).toBe(2.5);
  });

  test("a resolved live option is a copy: changing it changes no default", () => {
    const live = resolveOptions().live;
    live.pageSize = 3;
    expect(resolveOptions().live.pageSize).toBe(20);
  });

  test.each([
    [{ live: true }, /option "live": must be an object but is a boolean/],
    [{ live: [] }, /option "live": must be an object but is a list/],
    [{ live: { pagesize: 5 } }, /option "live\.pagesize": is not an option of this plugin\. Fix: use only pageSize, layout, futureToleranceMinutes, timeFormat, feeds/],
    [{ live: { pageSize: 0 } }, /option "live\.pageSize": must be a whole number of 1 or more but is a number/],
    [{ live: { pageSize: -3 } }, /option "live\.pageSize": must be a whole number of 1 or more/],
    [{ live: { pageSize: 2.5 } }, /option "live\.pageSize": must be a whole number of 1 or more/],
    [{ live: { pageSize: "20" } }, /option "live\.pageSize": must be a whole number of 1 or more but is "20"/],
    [{ live: { pageSize: Number.NaN } }, /option "live\.pageSize": must be a whole number/],
    [{ live: { layout: "" } }, /option "live\.layout": must be a non-empty text but is ""/],
    [{ live: { layout: 3 } }, /option "live\.layout": must be a non-empty text but is a number/],
    [{ live: { futureToleranceMinutes: -1 } }, /option "live\.futureToleranceMinutes": must be a number of minutes of 0 or more but is a number/],
    [{ live: { futureToleranceMinutes: "10" } }, /option "live\.futureToleranceMinutes": must be a number of minutes of 0 or more but is "10"/],
    [{ live: { futureToleranceMinutes: Number.POSITIVE_INFINITY } }, /option "live\.futureToleranceMinutes": must be a number of minutes/],
    [{ live: { timeFormat: "" } }, /option "live\.timeFormat": must be a non-empty text/],
    [{ live: { timeFormat: null } }, /option "live\.timeFormat": must be a non-empty text but is null/],
    [{ live: { feeds: "yes" } }, /option "live\.feeds": must be true or false but is "yes"/],
  ])("%j is refused", (options, message) => {
    expect(() => resolveOptions(options)).toThrow(message);
  });

  test("a wrong live option fails the build, naming the config", async () => {
    expect(await failureOf(buildSite({ "a.md": "Text" }, { options: { live: { pageSize: 0 } } }))).toMatch(/your Eleventy config: option "live\.pageSize": must be a whole number of 1 or more but is a number\. Fix: pass e\.g\. 20\./);
  });
});

describe("renamed shortcodes, containers, filters and collections", () => {
  test("a site's own names work in every syntax, and the defaults are then free for other plugins", async () => {
    const pages = await buildSite(
      {
        "a.md": "---\ntitle: A\ntags: article\n---\nWords said.\n\n::: cita speaker=\"A\"\nWords said.\n:::\n\n{% clip \"https://vimeo.com/1\", \"T\" %}\n",
        "list.njk": "---\npermalink: /list/\n---\n{% for q in collections.citas %}{{ q | nrQuote }}{% endfor %}{{ collections.articles.length }}",
      },
      { options: { storyTag: "article", shortcodes: { quote: "cita", video: "clip" }, filters: { quote: "nrQuote" }, collections: { quotes: "citas", stories: "articles" } } },
    );
    const article = parseDocument(pages.get("/a/")!.content);
    expect(article.querySelector("figure.newsroom-quote")).not.toBeNull();
    expect(article.querySelector("figure.newsroom-video")).not.toBeNull();
    const list = parseDocument(pages.get("/list/")!.content);
    expect(readableText(list.querySelector("blockquote"))).toBe("Words said.");
    expect(readableText(list.body).endsWith("1")).toBe(true);
  });

  test("labels change every visible word", async () => {
    const html = (
      await buildSite(
        { "a.md": "::: highlights\n- Uno\n:::\n\n::: video url=\"https://vimeo.com/1\" title=\"Título\" duration=\"1:45\" source=\"CNN\"\n:::\n" },
        { options: { labels: { highlightsHeading: "Lo más destacado", playVideo: "Reproducir vídeo", videoSource: "Fuente: {source}" } } },
      )
    ).get("/a/")!.content;
    const document = parseDocument(html);
    expect(readableText(document.querySelector(".newsroom-highlights h2"))).toBe("Lo más destacado");
    expect(document.querySelector(".newsroom-video__play")?.getAttribute("aria-label")).toBe("Reproducir vídeo: Título (1:45)");
    expect(readableText(document.querySelector(".newsroom-video__play"))).toBe("Reproducir vídeo");
    expect(readableText(document.querySelector(".newsroom-video__source"))).toBe("Fuente: CNN");
  });
});

test("the Spanish label set and locale translate every word and date the plugin writes", async () => {
  const { SPANISH_LABELS } = await import("../../src/index.js");
  const html = (
    await buildSite(
      {
        "a.md": '---\ndate: 2017-05-18\ndateline: CNN\n---\n{{ page.date | newsroomTime }}\n\n::: highlights\n- Uno\n:::\n\n::: video url="/m.mp4" title="Título" duration="1:45" source="CNN" transcript="/t/" captions="/c.vtt" captionsLanguage="es"\n:::\n\n::: video url="https://vimeo.com/1" title="Otro"\n:::\n',
      },
      { options: { labels: SPANISH_LABELS, locale: "es-MX" } },
    )
  ).get("/a/")!.content;
  const document = parseDocument(html);
  expect(readableText(document.querySelector("time.newsroom-date"))).toBe("jue mayo 18, 2017");
  expect(readableText(document.querySelector(".newsroom-highlights h2"))).toBe("Lo más destacado");
  expect(readableText(document.querySelector(".newsroom-video__source"))).toBe("Fuente: CNN");
  expect(readableText(document.querySelector(".newsroom-video__transcript"))).toBe("Transcripción");
  expect(document.querySelector("track")?.getAttribute("label")).toBe("Subtítulos");
  const play = document.querySelector(".newsroom-video--vimeo .newsroom-video__play")!;
  expect([readableText(play), play.getAttribute("aria-label"), play.getAttribute("data-newsroom-frame-title")]).toEqual(["Reproducir video", "Reproducir video: Otro", "Video: Otro"]);
});

describe("the plugin's hygiene", () => {
  test("it names its package and is unique, so adding it twice is harmless", async () => {
    const { default: newsroom } = await import("../../plugin/index.js");
    expect((newsroom as unknown as { eleventyPackage: string }).eleventyPackage).toBe("eleventy-plugin-newsroom");
    expect((newsroom as unknown as { eleventyPluginOptions: { unique: boolean } }).eleventyPluginOptions.unique).toBe(true);
    const pages = await buildSite({ "a.md": "::: quote speaker=\"A\"\nWords.\n:::\n" }, { configure: (config) => config.addPlugin(newsroom) });
    expect(parseDocument(pages.get("/a/")!.content).querySelectorAll("figure")).toHaveLength(1);
  });
});
