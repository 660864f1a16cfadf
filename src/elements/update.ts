import { DateTime } from "luxon";
import { html, trustedHtml, type SafeHtml } from "../html.js";
import { fillLabel, type RenderContext } from "../context.js";
import type { ElementInput, LiveUpdate, SourceLocation } from "../types.js";
import { ElementFields, InvalidValue } from "../values/fields.js";

export const UPDATE_FIELDS = ["time", "updated", "title", "key", "pinned", "author", "id", "text"] as const;

/** The attributes of `::: update` that may be written bare, as flags: `::: update time="…" key pinned`. */
export const UPDATE_FLAGS: readonly string[] = ["key", "pinned"];

export interface UpdateParseOptions {
  /** The IANA zone a time without an offset is read in, and every time is shown in (the story's). Default "UTC". */
  timeZone?: string | undefined;
  /** The present, for the check that no update is dated in the future (default: the clock). */
  now?: (() => Date) | undefined;
  /** How far in the future, in minutes, an update's time may be (a clock a little ahead). Default 10. */
  futureToleranceMinutes?: number | undefined;
}

const TIME_FIX = 'write it as an ISO 8601 date and time, e.g. time="2017-05-18T21:05" (read in the story\'s time zone) or time="2017-05-18T21:05:00-04:00"';
const HAS_TIME_OF_DAY = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** A live update's time: a date with a time of day, with an offset or read in `timeZone`; in `timeZone`. */
export function parseUpdateTime(value: unknown, timeZone: string): DateTime {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidValue("is not a valid date", TIME_FIX);
    return DateTime.fromJSDate(value).setZone(timeZone);
  }
  if (typeof value !== "string") throw new InvalidValue("is not a date and time", TIME_FIX);
  const text = value.trim();
  if (!HAS_TIME_OF_DAY.test(text)) throw new InvalidValue(`"${text}" is not a date with a time of day`, TIME_FIX);
  const hasOffset = HAS_OFFSET.test(text);
  const parsed = DateTime.fromISO(text.replace(" ", "T"), hasOffset ? { setZone: true } : { zone: timeZone });
  if (!parsed.isValid) throw new InvalidValue(`"${text}" is not a time that exists (${parsed.invalidExplanation ?? parsed.invalidReason})`, TIME_FIX);
  // A local time in the hour the clocks skip (02:30 on the night summer time starts) does not exist: luxon moves it an
  // hour on without a word, so the update would say 3:30 where the author wrote 2:30. Its clock reading must be the
  // one written.
  if (!hasOffset) {
    const written = DateTime.fromISO(text.replace(" ", "T"), { zone: "UTC" });
    if (written.hour !== parsed.hour || written.minute !== parsed.minute || written.day !== parsed.day) {
      throw new InvalidValue(
        `"${text}" is not a time that exists in ${timeZone} (the clocks skipped it, as when summer time begins)`,
        "write the time as the clocks showed it then, or give it with its offset",
      );
    }
  }
  return parsed.setZone(timeZone);
}

/** A flag's value: bare or empty, true or yes is on; false or no is off; anything else is wrong. */
export function parseFlag(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (word === "" || word === "true" || word === "yes") return true;
    if (word === "false" || word === "no") return false;
  }
  throw new InvalidValue(`must be true or false, not ${JSON.stringify(value)}`, "write it bare (key, pinned) to turn it on, or leave it out");
}

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
function parseId(value: unknown): string {
  if (typeof value !== "string" || !ID.test(value.trim())) {
    throw new InvalidValue(`${JSON.stringify(value)} is not an id`, 'start it with a letter and use only letters, digits, "-" and "_", e.g. id="polls-close"');
  }
  return value.trim();
}

const machineTime = (time: DateTime) => time.toISO({ suppressMilliseconds: true })!;

/**
 * The id an update has when none is given: its time in the story's zone, to the minute (and second when it has one),
 * and the first words of its title. It depends on nothing else, so adding, editing or removing other updates never
 * changes it; editing its own time or title does (give `id` to keep links to it through such an edit).
 */
export function derivedUpdateId(time: DateTime, title: string | undefined): string {
  const stamp = time.toFormat(time.second === 0 ? "yyyyMMdd-HHmm" : "yyyyMMdd-HHmmss");
  const words = (title ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    if (slug.length + word.length + 1 > 40) break;
    slug += `-${word}`;
  }
  return `update-${stamp}${slug}`;
}

export function parseUpdate(input: ElementInput, location: SourceLocation = {}, options: UpdateParseOptions = {}): LiveUpdate {
  const fields: ElementFields = new ElementFields("update", input, UPDATE_FIELDS, location);
  const timeZone = options.timeZone ?? "UTC";
  const time = fields.parsed("time", (value) => parseUpdateTime(value, timeZone));
  if (!time) fields.fail('the required field "time" is missing', `give the time it was posted: ${TIME_FIX.replace(/^write it as /, "")}`);
  const now = options.now?.() ?? new Date();
  const tolerance = (options.futureToleranceMinutes ?? 10) * 60_000;
  const failIfFuture = (what: string, when: DateTime) => {
    if (when.toMillis() <= now.getTime() + tolerance) return;
    fields.fail(
      `${what} ${machineTime(when)} is in the future (more than ${tolerance / 60_000} minutes after the build's clock, ${DateTime.fromJSDate(now).setZone(timeZone).toISO({ suppressMilliseconds: true })})`,
      "check the date and the time zone (a time without an offset is read in the story's zone), or add the update when it happens",
    );
  };
  failIfFuture("its time", time);
  const updated = fields.parsed("updated", (value) => parseUpdateTime(value, timeZone));
  if (updated && updated < time) fields.fail(`it was updated (${machineTime(updated)}) before it was posted (${machineTime(time)})`, 'give "updated" the time of the edit, after "time"');
  // An edit dated in the future is the same slip as a post dated there: it would become the story's dateModified and
  // the live JSON's "modified".
  if (updated) failIfFuture("its updated time", updated);
  const title = fields.optionalText("title") || undefined;
  // A flag given empty (`key=""`, as HTML writes a boolean attribute) is on, as parseFlag says: `parsed` skips an empty
  // value as if it were not given, which turned such a flag off.
  const flag = (name: "key" | "pinned") => (fields.raw(name) === "" ? true : (fields.parsed(name, parseFlag) ?? false));
  const key = flag("key");
  const pinned = flag("pinned");
  if (key && !title) fields.fail("a key event has no title", 'give it a title="…": the list of key events links to it by its title');
  const author = fields.optionalText("author") || undefined;
  const text = fields.optionalText("text");
  if (!text) fields.fail("the update has no words", "write the update between its opening and closing lines");
  const id = fields.parsed("id", parseId) ?? derivedUpdateId(time, title);
  return { type: "update", id, time: machineTime(time), updated: updated && machineTime(updated), timeZone, title, key, pinned, author, text };
}

/** An update's time as readers see it, in its zone: "9:05 pm EDT". */
export function readableUpdateTime(iso: string, timeZone: string, context: Pick<RenderContext, "dates">): string {
  const locale = context.dates?.locale ?? "en-US";
  const shown = DateTime.fromISO(iso, { setZone: true }).setZone(timeZone).setLocale(locale).toFormat(context.dates?.timeFormat ?? "h:mm a ZZZZ");
  // English news style writes the meridiem in lower case ("9:05 pm"); luxon writes it as the locale data has it.
  return locale.startsWith("en") ? shown.replace(/\b(AM|PM)\b/, (meridiem) => meridiem.toLowerCase()) : shown;
}

export function renderUpdateTime(iso: string, timeZone: string, context: Pick<RenderContext, "dates">): SafeHtml {
  return html`<time datetime="${iso}">${readableUpdateTime(iso, timeZone, context)}</time>`;
}

/** A short, stable digest of an update's markup, so an open page can tell an edited update from the one it shows. */
export function updateVersion(markup: string): string {
  // FNV-1a, 32 bits: no `node:crypto` here, the browser's copy of the core renders updates too.
  let hash = 0x811c9dc5;
  for (let index = 0; index < markup.length; index++) {
    hash ^= markup.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * An update as an `<article>` whose id is its own, with its time linking to itself: a heading when it has a title, its
 * author, its words (Markdown, with any element inside), and "Updated 9:40 pm" once edited.
 */
export function renderUpdate(element: LiveUpdate, context: RenderContext): SafeHtml {
  const { labels } = context;
  const heading = trustedHtml(`h${context.headingLevel}`);
  const classes = element.key ? "newsroom-update newsroom-update--key" : "newsroom-update";
  const mark = element.key ? html` <strong class="newsroom-update__mark">${labels.keyEvent}</strong>` : "";
  const title = element.title ? html`\n<${heading} class="newsroom-update__title">${element.title}</${heading}>` : "";
  const author = element.author ? html`\n<p class="newsroom-update__author">${fillLabel(labels.byline, { authors: element.author })}</p>` : "";
  const body = trustedHtml(context.markdown.render(element.text, context.env ?? {}));
  const edited = element.updated
    ? html`<p class="newsroom-update__edited">${trustedHtml(fillLabel(escapeLabel(labels.updateEdited), { time: renderUpdateTime(element.updated, element.timeZone, context).toString() }))}</p>\n`
    : "";
  const inner = html`<header class="newsroom-update__header">
<p class="newsroom-update__meta"><a class="newsroom-update__permalink" href="#${element.id}">${renderUpdateTime(element.time, element.timeZone, context)}</a>${mark}</p>${title}${author}
</header>
<div class="newsroom-update__body">
${body}</div>
${edited}`;
  return html`<article class="${classes}" id="${element.id}" data-version="${updateVersion(inner.toString())}">
${inner}</article>`;
}

/** A label's own text escaped, for a label whose place is filled with markup. */
const escapeLabel = (label: string) => html`${label}`.toString();
