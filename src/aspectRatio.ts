import { InvalidValue } from "./fields.js";

/** The shape of a video's box, kept as a ratio of whole numbers so CSS gets exactly what the author wrote. */
export interface AspectRatio {
  readonly width: number;
  readonly height: number;
  /** CSS form, e.g. `16 / 9`. */
  toString(): string;
  toJSON(): string;
}

const RATIO = /^(\d+(?:\.\d+)?)\s*[/:x]\s*(\d+(?:\.\d+)?)$/;
const ACCEPTED = 'write it as width/height, e.g. "16/9", "9/16", "4:3" or "1/1"';

export function aspectRatio(width: number, height: number): AspectRatio {
  const css = `${width} / ${height}`;
  return Object.freeze({ width, height, toString: () => css, toJSON: () => `${width}/${height}` });
}

export const DEFAULT_ASPECT_RATIO = aspectRatio(16, 9);

export function parseAspectRatio(value: unknown): AspectRatio {
  if (typeof value === "object" && value !== null && "width" in value && "height" in value) {
    const { width, height } = value as { width: unknown; height: unknown };
    if (typeof width === "number" && typeof height === "number") return checked(width, height, `${width}/${height}`);
  }
  if (typeof value !== "string") throw new InvalidValue("must be text", ACCEPTED);
  const match = RATIO.exec(value.trim());
  if (!match) throw new InvalidValue(`"${value}" is not a ratio`, ACCEPTED);
  return checked(Number(match[1]), Number(match[2]), value);
}

function checked(width: number, height: number, written: string): AspectRatio {
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new InvalidValue(`"${written}" must have a width and height above 0`, ACCEPTED);
  }
  if (width / height > 4 || height / width > 4) {
    throw new InvalidValue(`"${written}" is more extreme than 4:1`, ACCEPTED);
  }
  return aspectRatio(width, height);
}
