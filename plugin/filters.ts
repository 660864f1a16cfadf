import { machineDate, NewsroomError, parseStoryImage, readableDate, renderStoryImage, renderTime, toStoryDate, type ElementType, type DateOptions, type StoryDate } from "../src/index.js";
import type { EleventyConfig, EleventyContext } from "./eleventy.js";
import { isLocale, isTimeZone, type FilterNames } from "./options.js";
import { isEmpty, renderFromTemplate, type RenderRequest } from "./render.js";
import type { BuildState } from "./state.js";

type Filter = (this: EleventyContext, value: unknown, ...args: unknown[]) => string;

/** Registers a filter for each engine; Nunjucks escapes filter output, so HTML filters are marked safe there. */
function addFilter(config: EleventyConfig, name: string, filter: Filter, returnsHtml: boolean): void {
  config.addLiquidFilter(name, filter);
  config.addJavaScriptFilter(name, filter);
  config.addNunjucksFilter(name, function (this: EleventyContext, value: unknown, ...args: unknown[]) {
    const output = filter.call(this, value, ...args);
    const markSafe = returnsHtml ? this?.env?.getFilter?.("safe") : undefined;
    return markSafe ? markSafe(output) : output;
  });
}

/**
 * The filters' optional arguments: `"lead"` for the story's lead video; for highlights, a heading level (2–6) and/or
 * `"card"` (highlights inside a story card on a listing page: not a landmark region of their own, since every card
 * would repeat the same region name).
 */
function filterSettings(filter: string, type: ElementType, settings: readonly unknown[], file: string | undefined): Pick<RenderRequest, "lead" | "headingLevel" | "landmark"> {
  const result: Pick<RenderRequest, "lead" | "headingLevel" | "landmark"> = {};
  for (const setting of settings) {
    if (setting === undefined) continue;
    if (type === "video" && setting === "lead") result.lead = true;
    else if (type === "highlights" && [2, 3, 4, 5, 6].includes(setting as number)) result.headingLevel = setting as RenderRequest["headingLevel"];
    else if (type === "highlights" && setting === "card") result.landmark = false;
    else {
      throw new NewsroomError({
        element: `filter "${filter}"`,
        problem: `the argument ${JSON.stringify(setting)} is not one it takes`,
        fix: type === "video" ? 'pass "lead" for the story\'s lead video, or nothing' : type === "highlights" ? 'pass a heading level from 2 to 6 and/or "card", or nothing' : "pass no argument",
        file,
      });
    }
  }
  return result;
}

const ELEMENT_FILTERS: ReadonlyArray<[keyof FilterNames, ElementType]> = [
  ["highlights", "highlights"],
  ["quote", "quote"],
  ["pullquote", "pullquote"],
  ["video", "video"],
  ["dateline", "dateline"],
];

/**
 * `{{ highlights | newsroomHighlights }}`, `{{ video | newsroomVideo("lead") }}`: the same HTML as the shortcodes,
 * for data a layout holds as an object. An empty value renders nothing (not every story has highlights).
 */
export function registerFilters(config: EleventyConfig, state: BuildState): void {
  const names = state.options.filters;
  for (const [filterName, type] of ELEMENT_FILTERS) {
    addFilter(
      config,
      names[filterName],
      function (value, ...settings) {
        if (isEmpty(value)) return "";
        return renderFromTemplate(state, {
          type,
          subject: value,
          page: this?.page,
          ...filterSettings(names[filterName], type, settings, this?.page?.inputPath),
        });
      },
      true,
    );
  }
  // `{{ image | newsroomImage("lead") }}`: the story's lead image, from front matter; not an element of the body.
  addFilter(config, names.image, function (value, ...settings) {
    if (isEmpty(value)) return "";
    const file = this?.page?.inputPath;
    try {
      const unknown = settings.find((setting) => setting !== undefined && setting !== "lead");
      if (unknown !== undefined) {
        throw new NewsroomError({ element: `filter "${names.image}"`, problem: `the argument ${JSON.stringify(unknown)} is not one it takes`, fix: 'pass "lead" for the image at the top of the story, or nothing' });
      }
      return renderStoryImage(parseStoryImage(value), { images: state.images, lead: settings.includes("lead") }).toString();
    } catch (error) {
      if (!(error instanceof NewsroomError)) throw error;
      return state.reportInPlace(error.locate({ file }));
    }
  }, true);
  // A story's dates are shown in its own language and zone when the call gives them (`newsroomDate(lang, timeZone)`,
  // e.g. from front matter), or when Eleventy's i18n plugin gives the page a `lang`; else in the site's.
  const dateSettings = (filter: string, page: EleventyContext["page"], locale: unknown, timeZone: unknown): DateOptions => {
    const fail = (problem: string, fix: string): never => {
      throw new NewsroomError({ element: `filter "${filter}"`, problem, fix, file: page?.inputPath });
    };
    const options = { ...state.options, locale: typeof page?.lang === "string" ? page.lang : state.options.locale };
    if (locale !== undefined && locale !== null && locale !== "") {
      if (typeof locale !== "string" || !isLocale(locale)) fail(`the locale ${JSON.stringify(locale)} is not a BCP 47 tag`, 'pass a tag such as "es-MX"');
      options.locale = locale as string;
    }
    if (timeZone !== undefined && timeZone !== null && timeZone !== "") {
      if (typeof timeZone !== "string" || !isTimeZone(timeZone)) fail(`the time zone ${JSON.stringify(timeZone)} is not an IANA zone`, 'pass a name such as "America/Mexico_City"');
      options.timeZone = timeZone as string;
    }
    return options;
  };
  const storyDate = (filter: string, page: EleventyContext["page"], value: unknown, options: DateOptions): StoryDate => {
    try {
      return toStoryDate(value, options.timeZone);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      throw new NewsroomError({ element: `filter "${filter}"`, problem: `the date ${problem}`, fix: 'write dates as "2017-05-18" or "2017-05-18T14:30:00-04:00"', file: page?.inputPath });
    }
  };
  addFilter(config, names.date, function (value, locale, timeZone) {
    const options = dateSettings(names.date, this?.page, locale, timeZone);
    return readableDate(storyDate(names.date, this?.page, value, options), options);
  }, false);
  addFilter(config, names.isoDate, function (value, timeZone) {
    const options = dateSettings(names.isoDate, this?.page, undefined, timeZone);
    return machineDate(storyDate(names.isoDate, this?.page, value, options));
  }, false);
  addFilter(config, names.time, function (value, locale, timeZone) {
    const options = dateSettings(names.time, this?.page, locale, timeZone);
    return renderTime(storyDate(names.time, this?.page, value, options), options).toString();
  }, true);
}
