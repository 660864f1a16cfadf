import { InvalidValue } from "./fields.js";

/** A video's length: `text` for readers ("1:45"), `iso` for machines ("PT1M45S"). */
export interface Duration {
  readonly seconds: number;
  /** ISO 8601 duration, e.g. `PT1M45S`. */
  readonly iso: string;
  /** Clock form for readers, e.g. `1:45` or `1:02:03`. */
  readonly text: string;
  /** Templates that print a duration get the reader's form. */
  toString(): string;
  /** JSON (and so structured data) gets the machine's form. */
  toJSON(): string;
}

const CLOCK = /^(?:(\d+):)?(\d+):(\d+)$/;
const ISO = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i;
const ACCEPTED = 'write it as minutes:seconds ("1:45" or "01:45"), hours:minutes:seconds ("1:02:03") or ISO 8601 ("PT1M45S")';

export function durationFromSeconds(seconds: number): Duration {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  const text = hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
  const iso = `PT${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${rest || seconds === 0 ? `${rest}S` : ""}`;
  return Object.freeze({ seconds, iso, text, toString: () => text, toJSON: () => iso });
}

/**
 * Reads a duration as authors write it: `1:45`, `01:45`, `1:02:03`, `PT1M45S`, or a whole number of seconds.
 * Seconds (and minutes, when hours are given) must be below 60: `1:75` is a typo, not 2:15.
 */
export function parseDuration(value: unknown): Duration {
  // A site's videos share a few hundred lengths, and a Duration is a frozen value: each written form is read once.
  if (typeof value === "string") {
    const known = durations.get(value);
    if (known !== undefined) return known;
    const duration = parseWrittenDuration(value);
    if (durations.size >= 4096) durations.clear();
    durations.set(value, duration);
    return duration;
  }
  return parseWrittenDuration(value);
}

const durations = new Map<string, Duration>();

function parseWrittenDuration(value: unknown): Duration {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value <= 0) {
      throw new InvalidValue(`must be a whole number of seconds above 0, not ${value}`, ACCEPTED);
    }
    return durationFromSeconds(value);
  }
  if (typeof value !== "string") throw new InvalidValue("must be text", ACCEPTED);
  const text = value.trim();
  const clock = CLOCK.exec(text);
  if (clock) {
    const [, h, m, s] = clock;
    const hours = h === undefined ? 0 : Number(h);
    const minutes = Number(m);
    const seconds = Number(s);
    if (seconds >= 60) throw new InvalidValue(`"${text}" has ${seconds} seconds, which is 60 or more`, ACCEPTED);
    if (h !== undefined && minutes >= 60) throw new InvalidValue(`"${text}" has ${minutes} minutes, which is 60 or more`, ACCEPTED);
    return positive(hours * 3600 + minutes * 60 + seconds, text);
  }
  const iso = ISO.exec(text);
  if (iso && text.length > 2) {
    const [, h, m, s] = iso;
    const minutes = Number(m ?? 0);
    const seconds = Number(s ?? 0);
    return positive(Number(h ?? 0) * 3600 + minutes * 60 + seconds, text);
  }
  throw new InvalidValue(`"${text}" is not a duration`, ACCEPTED);
}

function positive(seconds: number, text: string): Duration {
  if (seconds <= 0) throw new InvalidValue(`"${text}" is zero`, "give the video's real length");
  return durationFromSeconds(seconds);
}
