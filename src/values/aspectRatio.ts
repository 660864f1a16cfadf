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

/**
 * The ratios whose rules the plugin's stylesheet always carries (`assets/newsroom-video.css`). A video of any other
 * ratio gets its rule added to the stylesheet of the pages that show it. A class, not a `style` attribute, so pages
 * hold under a Content-Security-Policy without `'unsafe-inline'`.
 */
export const BUILT_IN_ASPECT_RATIOS: readonly AspectRatio[] = [
  DEFAULT_ASPECT_RATIO,
  aspectRatio(9, 16),
  aspectRatio(4, 3),
  aspectRatio(3, 4),
  aspectRatio(1, 1),
  aspectRatio(21, 9),
];

/**
 * The video box's modifier class for a ratio, from its numbers as written: `newsroom-video__media--16x9`,
 * `--21x9`; a decimal point becomes `_` (`2.39/1` → `--2_39x1`), so the name needs no escaping in CSS.
 */
export function aspectRatioClass(ratio: AspectRatio): string {
  return `newsroom-video__media--${String(ratio.width).replace(".", "_")}x${String(ratio.height).replace(".", "_")}`;
}

/** The CSS rule that gives a ratio's class its box, as the stylesheet carries it. */
export function aspectRatioRule(ratio: AspectRatio): string {
  return `.${aspectRatioClass(ratio)} { aspect-ratio: ${ratio.toString()}; }`;
}

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
