/**
 * The property tests' shared settings: 1,000 runs per property; FAST_CHECK_RUNS=100000 for a long run;
 * FAST_CHECK_SEED (and FAST_CHECK_PATH) from a failure's report replays it.
 */
import fc from "fast-check";

function integerFromEnvironment(name: string, minimum: number): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === "") return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < minimum) throw new Error(`${name} must be a whole number of at least ${minimum}, not ${JSON.stringify(value)}`);
  return number;
}

export const RUNS = integerFromEnvironment("FAST_CHECK_RUNS", 1) ?? 1000;
const SEED = integerFromEnvironment("FAST_CHECK_SEED", -(2 ** 31));
const PATH = process.env["FAST_CHECK_PATH"] || undefined;
export const settings: fc.Parameters<unknown> = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH === undefined ? {} : { path: PATH }) };
/** Generous for 1,000 runs; scales with FAST_CHECK_RUNS. */
export const TIMEOUT = 60_000 * Math.max(1, RUNS / 1000);

/** Asserts a property over `arbitrary` with the shared settings. */
export const prop = <T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void =>
  fc.assert(fc.property(arbitrary, predicate), settings as fc.Parameters<[T]>);

/**
 * Characters HTML cannot carry: controls that are not whitespace (the parser drops U+0000 from text and flags the
 * others), noncharacters, and lone surrogates (which cannot even be written as UTF-8). The properties' own oracle,
 * written apart from `unrepresentableCharacter`, which it checks.
 */
export function isCarriable(character: string): boolean {
  const code = character.codePointAt(0)!;
  if (code <= 0x1f) return code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
  if (code >= 0x7f && code <= 0x9f) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (code >= 0xfdd0 && code <= 0xfdef) return false;
  return (code & 0xfffe) !== 0xfffe;
}
