// Texts remembered as 64-bit hashes in typed arrays, each with a number (12 bytes a text, at most 70%
// full): ten million order numbers cost ~200 MB, where a Map of their strings costs over 1 GB. Two
// different texts share a hash with odds of about n² / 2^65 (10M texts: 3 in a million); a caller
// must be correct either way (order-lines.ts: an order number that seems to come back makes the file
// be read again the slow way; a shared last row only keeps an order open longer).

const EMPTY = 0;
const STRIDE = 3; // int32s per slot: hash a (never 0), hash b, value

/** Two 32-bit hashes of `text` in one loop: FNV-1a (fnv1a.ts), and a multiply-rotate hash with other constants. */
function hashes(text: string, into: Int32Array): void {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), 0x85ebca6b) ^ c;
  }
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  // Never 0: an empty slot is 0.
  into[0] = a | 1;
  into[1] = b ^ (b >>> 13);
}

export class TextHashes {
  #slots: Int32Array;
  #mask: number;
  #size = 0;
  readonly #hash = new Int32Array(2);

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity * 0.7 < expected) capacity *= 2;
    this.#slots = new Int32Array(capacity * STRIDE);
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** Adds `text` with `value`; false (the value left as it was) when it, or a text with the same hash, is there. */
  add(text: string, value = 0): boolean {
    return this.#at(text, true, value, false) < 0;
  }

  /** Sets the value of `text`, adding it when new. */
  set(text: string, value: number): void {
    this.#at(text, true, value, true);
  }

  /** The value of `text` (or of a text with the same hash), -1 when there is none. */
  get(text: string): number {
    const at = this.#at(text, false, 0, false);
    return at < 0 ? -1 : (this.#slots[at + 2] as number);
  }

  /** The slot of `text` when it was there (its value replaced when `replace`), else -1 (added with `value` when `add`). */
  #at(text: string, add: boolean, value: number, replace: boolean): number {
    hashes(text, this.#hash);
    const a = this.#hash[0] as number;
    const b = this.#hash[1] as number;
    const slots = this.#slots;
    const mask = this.#mask;
    // The slot from the second hash: the first's lowest bit is always 1.
    for (let slot = b & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const stored = slots[at] as number;
      if (stored === EMPTY) {
        if (!add) return -1;
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = value;
        if (++this.#size > (mask + 1) * 0.7) this.#grow();
        return -1;
      }
      if (stored === a && slots[at + 1] === b) {
        if (replace) slots[at + 2] = value;
        return at;
      }
    }
  }

  #grow(): void {
    const old = this.#slots;
    const capacity = (this.#mask + 1) * 2;
    const slots = new Int32Array(capacity * STRIDE);
    const mask = capacity - 1;
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from] === EMPTY) continue;
      let slot = (old[from + 1] as number) & mask;
      while (slots[slot * STRIDE] !== EMPTY) slot = (slot + 1) & mask;
      const to = slot * STRIDE;
      slots[to] = old[from] as number;
      slots[to + 1] = old[from + 1] as number;
      slots[to + 2] = old[from + 2] as number;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}
