import { DateTime } from "luxon";
import { InvalidValue } from "./fields.js";
import { html, type SafeHtml } from "../html.js";

/** A story's date as the plugin understands it: an instant, or a calendar day when no time of day was given. */
export interface StoryDate {
  readonly dateTime: DateTime;
  /** True when only the day is known: it is shown as a date and never with an invented time. */
  readonly dateOnly: boolean;
}

export interface DateOptions {
  /** IANA time zone, e.g. "America/New_York". */
  timeZone: string;
  /** BCP 47 locale, e.g. "en-US". */
  locale: string;
  /** luxon format for dates with a time of day. */
  dateTimeFormat: string;
  /** luxon format for date-only values. */
  dateFormat: string;
}

export const DEFAULT_DATE_OPTIONS: Readonly<DateOptions> = Object.freeze({
  timeZone: "UTC",
  locale: "en-US",
  dateTimeFormat: "h:mm a ZZZZ, EEE MMMM d, yyyy",
  dateFormat: "EEE MMMM d, yyyy",
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a front matter date. YAML turns `date: 2017-05-18` into midnight UTC, so a Date at exactly midnight UTC is
 * read as that calendar day (in any time zone, never the evening before). A string without an offset is a local time
 * in the site's time zone.
 */
export function toStoryDate(value: unknown, timeZone: string): StoryDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidValue("is not a valid date", 'write it as "2017-05-18" or "2017-05-18T14:30:00-04:00"');
    const utc = DateTime.fromJSDate(value, { zone: "utc" });
    if (utc.hour === 0 && utc.minute === 0 && utc.second === 0 && utc.millisecond === 0) {
      return { dateTime: DateTime.fromObject({ year: utc.year, month: utc.month, day: utc.day }, { zone: timeZone }), dateOnly: true };
    }
    return { dateTime: utc.setZone(timeZone), dateOnly: false };
  }
  if (DateTime.isDateTime(value)) return { dateTime: value.setZone(timeZone), dateOnly: false };
  if (typeof value === "string") {
    const text = value.trim();
    const dateOnly = DATE_ONLY.test(text);
    const parsed = DateTime.fromISO(text, HAS_OFFSET.test(text) ? { setZone: true } : { zone: timeZone });
    if (!parsed.isValid) {
      throw new InvalidValue(`"${text}" is not an ISO 8601 date`, 'write it as "2017-05-18" or "2017-05-18T14:30:00-04:00"');
    }
    return { dateTime: dateOnly ? parsed : parsed.setZone(timeZone), dateOnly };
  }
  throw new InvalidValue("is not a date", 'write it as "2017-05-18" or "2017-05-18T14:30:00-04:00"');
}

/** For machines: ISO 8601 with offset, or the bare day for a date-only value. */
export function machineDate(date: StoryDate): string {
  return date.dateOnly ? date.dateTime.toISODate()! : date.dateTime.toISO({ suppressMilliseconds: true })!;
}

/** For readers, in the site's locale and time zone. */
export function readableDate(date: StoryDate, options: DateOptions): string {
  return date.dateTime.setLocale(options.locale).toFormat(date.dateOnly ? options.dateFormat : options.dateTimeFormat);
}

/** `<time datetime="…">…</time>`: the reader's form inside, the machine's form in the attribute. */
export function renderTime(date: StoryDate, options: DateOptions, className = "newsroom-date"): SafeHtml {
  return html`<time class="${className}" datetime="${machineDate(date)}">${readableDate(date, options)}</time>`;
}
