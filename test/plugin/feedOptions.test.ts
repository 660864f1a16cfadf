import { describe, expect, test } from "vitest";
import { resolveOptions } from "../../plugin/options.js";

const site = { url: "https://news.example/", name: "Example News" };

describe("feeds and sitemaps options", () => {
  test("are off by default; true gives the defaults; an object keeps the other defaults", () => {
    expect([resolveOptions({ site }).feeds, resolveOptions({ site }).sitemaps]).toEqual([false, false]);
    expect(resolveOptions({ site, feeds: true }).feeds).toEqual({ atom: "/feed.xml", json: "/feed.json", title: undefined, description: undefined, limit: 50 });
    expect(resolveOptions({ site, sitemaps: true }).sitemaps).toEqual({ sitemap: "/sitemap.xml", news: "/news-sitemap.xml", publicationName: undefined, buildTime: undefined });
    expect(resolveOptions({ site, feeds: { json: false, limit: 10 } }).feeds).toMatchObject({ atom: "/feed.xml", json: false, limit: 10 });
  });

  test("a build time is a Date or an ISO 8601 time with its offset, read the same on every machine", () => {
    const resolved = resolveOptions({ site, sitemaps: { buildTime: "2026-11-29T07:00:00-05:00" } }).sitemaps;
    expect(resolved && resolved.buildTime?.toISOString()).toBe("2026-11-29T12:00:00.000Z");
    const date = new Date("2026-11-29T12:00:00Z");
    expect(resolved && resolveOptions({ site, sitemaps: { buildTime: date } }).sitemaps).toMatchObject({ buildTime: date });
  });

  test.each([
    [{ feeds: true }, /option "feeds": needs the site's public address/],
    [{ site, feeds: { rss: "/rss.xml" } }, /option "feeds\.rss": is not an option of this plugin/],
    [{ site, feeds: { atom: "feed.xml" } }, /option "feeds\.atom": must be a site path to a file, starting with "\/"/],
    [{ site, feeds: { atom: "/feeds/" } }, /option "feeds\.atom": must be a site path to a file/],
    [{ site, feeds: { atom: "/feed.xml", json: "/feed.xml" } }, /option "feeds\.json": uses the path "\/feed\.xml", which feeds\.atom uses too/],
    [{ site, feeds: { limit: 0 } }, /option "feeds\.limit": must be a whole number above 0 but is a number/],
    [{ site, sitemaps: { news: "/sitemap.xml" } }, /option "sitemaps\.news": uses the path "\/sitemap\.xml"/],
    [{ site, sitemaps: { buildTime: "2026-11-29T12:00:00" } }, /option "sitemaps\.buildTime": must be a time with an offset/],
    [{ site, sitemaps: { buildTime: "yesterday Z" } }, /option "sitemaps\.buildTime": "yesterday Z" is not an ISO 8601 time/],
    [{ site, sitemaps: { buildTime: new Date(Number.NaN) } }, /option "sitemaps\.buildTime": is an invalid date/],
  ])("%j fails with a clear message", (options, message) => {
    expect(() => resolveOptions(options)).toThrow(message);
  });
});
