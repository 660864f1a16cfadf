import { describe, expect, test } from "vitest";
import { buildSite } from "../helpers/eleventy.js";
import { failureOf } from "../helpers/errors.js";
import { parseDocument, readableText } from "../helpers/html.js";

const page = (date: string) => `---\ndate: ${date}\n---\n<p class="readable">{{ page.date | newsroomDate }}</p><p class="iso">{{ page.date | newsroomIsoDate }}</p>{{ page.date | newsroomTime }}`;

describe("date filters", () => {
  test("a date-only story is shown as that date in any time zone, never with an invented time", async () => {
    const html = (await buildSite({ "a.njk": page("2017-05-18") }, { options: { timeZone: "America/Los_Angeles" } })).get("/a/")!.content;
    const document = parseDocument(html);
    expect(readableText(document.querySelector(".readable"))).toBe("Thu May 18, 2017");
    expect(readableText(document.querySelector(".iso"))).toBe("2017-05-18");
    const time = document.querySelector("time")!;
    expect(time.getAttribute("datetime")).toBe("2017-05-18");
    expect(readableText(time)).toBe("Thu May 18, 2017");
  });

  test("a story with a time is shown in the site's zone, and given to machines with its offset", async () => {
    const html = (await buildSite({ "a.njk": page("2017-05-18T16:45:00Z") }, { options: { timeZone: "America/New_York" } })).get("/a/")!.content;
    const document = parseDocument(html);
    expect(readableText(document.querySelector(".readable"))).toBe("12:45 PM EDT, Thu May 18, 2017");
    expect(readableText(document.querySelector(".iso"))).toBe("2017-05-18T12:45:00-04:00");
  });

  test("locale and format are options", async () => {
    const html = (
      await buildSite({ "a.njk": page("2017-05-18") }, { options: { locale: "es-MX", dateFormat: "d 'de' MMMM 'de' yyyy" } })
    ).get("/a/")!.content;
    expect(readableText(parseDocument(html).querySelector(".readable"))).toBe("18 de mayo de 2017");
  });

  test("a value that is not a date fails with the file named", async () => {
    expect(await failureOf(buildSite({ "a.njk": "{{ 'yesterday' | newsroomDate }}" }))).toMatch(
      /a\.njk: filter "newsroomDate": the date "yesterday" is not an ISO 8601 date/,
    );
  });
});

describe("a story's own language and time zone", () => {
  test("the date filters take a locale and a time zone, e.g. from the story's front matter", async () => {
    const html = (
      await buildSite({
        "a.njk": '---\ndate: 2017-05-18T16:45:00Z\nlang: es-MX\nzone: America/Mexico_City\n---\n<p class="readable">{{ page.date | newsroomDate(lang, zone) }}</p><p class="iso">{{ page.date | newsroomIsoDate(zone) }}</p>{{ page.date | newsroomTime(lang, zone) }}',
        "b.liquid": '---\ndate: 2017-05-18T16:45:00Z\n---\n<p class="readable">{{ page.date | newsroomDate: "es-MX", "America/Mexico_City" }}</p>',
      })
    );
    const a = parseDocument(html.get("/a/")!.content);
    expect(readableText(a.querySelector(".readable"))).toMatch(/^11:45 a\.\s?m\. .*, jue mayo 18, 2017$/);
    // Mexico still kept summer time in 2017: UTC-5 in May.
    expect(readableText(a.querySelector(".iso"))).toBe("2017-05-18T11:45:00-05:00");
    expect(a.querySelector("time")?.getAttribute("datetime")).toBe("2017-05-18T11:45:00-05:00");
    expect(readableText(parseDocument(html.get("/b/")!.content).querySelector(".readable"))).toBe(readableText(a.querySelector(".readable")));
  });

  test("a page with a lang from Eleventy's i18n plugin gets its dates in that language", async () => {
    const { I18nPlugin } = await import("@11ty/eleventy");
    const html = (
      await buildSite({ "es/a.njk": `---\ndate: 2017-05-18\n---\n<p class="readable">{{ page.date | newsroomDate }}</p>` }, { configure: (config) => config.addPlugin(I18nPlugin, { defaultLanguage: "en" }) })
    ).get("/es/a/")!.content;
    expect(readableText(parseDocument(html).querySelector(".readable"))).toBe("jue mayo 18, 2017");
  });

  test("a locale or zone that is not one is an error naming the filter", async () => {
    expect(await failureOf(buildSite({ "a.njk": "{{ '2017-05-18' | newsroomDate('en-US', 'Mars/Base') }}" }))).toMatch(/a\.njk: filter "newsroomDate": the time zone "Mars\/Base" is not an IANA zone/);
  });
});
