/**
 * Values kept under an exact text (a story's source, an element's source), each taken at most once: what reading a
 * story for the collections hands to the render of the same story.
 *
 * Texts are found by their length and a few sampled characters, then compared whole, so neither keeping nor taking
 * hashes a whole story (a `Map` keyed by the text would, on both sides). Equal texts always meet; different texts
 * that sample alike only cost a comparison. Bounded: a value is not kept once the texts held reach `maxCharacters`, or
 * when `maxPerSlot` texts already sample alike; both only cost the work that taking would have saved.
 */
export class TakeOnceStore<T> {
  readonly #slots = new Map<number, Array<{ text: string; value: T }>>();
  #characters = 0;
  #size = 0;

  constructor(
    readonly maxCharacters: number,
    readonly maxPerSlot = 16,
  ) {}

  get size(): number {
    return this.#size;
  }

  /** Keeps `value` under `text`, unless a value is already kept under it or the store is full; says whether it did. */
  add(text: string, value: T): boolean {
    if (this.#characters + text.length > this.maxCharacters) return false;
    const key = sampleKey(text);
    let slot = this.#slots.get(key);
    if (!slot) this.#slots.set(key, (slot = []));
    if (slot.length >= this.maxPerSlot || slot.some((entry) => entry.text === text)) return false;
    slot.push({ text, value });
    this.#characters += text.length;
    this.#size++;
    return true;
  }

  /** The value kept under exactly `text`, which is no longer kept; undefined if there is none. */
  take(text: string): T | undefined {
    if (this.#size === 0) return undefined;
    const key = sampleKey(text);
    const slot = this.#slots.get(key);
    if (!slot) return undefined;
    const index = slot.findIndex((entry) => entry.text === text);
    if (index === -1) return undefined;
    const { value } = slot[index]!;
    if (slot.length === 1) this.#slots.delete(key);
    else slot.splice(index, 1);
    this.#characters -= text.length;
    this.#size--;
    return value;
  }

  clear(): void {
    this.#slots.clear();
    this.#characters = 0;
    this.#size = 0;
  }
}

/** The text's length and eight of its characters, evenly spaced, mixed into a small integer. */
function sampleKey(text: string): number {
  const length = text.length;
  let key = length;
  if (length > 0) {
    const step = length / 8;
    for (let index = 0; index < 8; index++) key = Math.imul(key ^ text.charCodeAt(Math.floor(index * step)), 0x9e3779b1);
  }
  // Small enough to be a V8 small integer, which a Map hashes without allocating.
  return key >>> 2;
}
