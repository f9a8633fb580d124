// Whether a text was seen before, remembered as a 64-bit hash in typed arrays (8 bytes a text at
// most 70% full): ten million order numbers cost ~130 MB, where a Set of their strings costs ~1 GB.
// Two different texts share a hash with odds of about n² / 2^65 (10M texts: 3 in a million); a
// caller must treat "seen" as "probably seen" and be correct either way (order-lines.ts reads the
// file again, the slow way, when an order number seems to come back).

const EMPTY = 0;

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

export class SeenTexts {
  #slots: Int32Array;
  #mask: number;
  #size = 0;
  readonly #hash = new Int32Array(2);

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity * 0.7 < expected) capacity *= 2;
    this.#slots = new Int32Array(capacity * 2);
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** Adds `text`; false when it (or a text with the same 64-bit hash) was added before. */
  add(text: string): boolean {
    hashes(text, this.#hash);
    const a = this.#hash[0] as number;
    const b = this.#hash[1] as number;
    if (!this.#put(this.#slots, this.#mask, a, b)) return false;
    if (++this.#size > (this.#mask + 1) * 0.7) this.#grow();
    return true;
  }

  #put(slots: Int32Array, mask: number, a: number, b: number): boolean {
    // The slot from the second hash: the first's lowest bit is always 1.
    for (let slot = b & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 2;
      const stored = slots[at] as number;
      if (stored === EMPTY) {
        slots[at] = a;
        slots[at + 1] = b;
        return true;
      }
      if (stored === a && slots[at + 1] === b) return false;
    }
  }

  #grow(): void {
    const old = this.#slots;
    const capacity = (this.#mask + 1) * 2;
    const slots = new Int32Array(capacity * 2);
    const mask = capacity - 1;
    for (let at = 0; at < old.length; at += 2) {
      const a = old[at] as number;
      if (a !== EMPTY) this.#put(slots, mask, a, old[at + 1] as number);
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}
