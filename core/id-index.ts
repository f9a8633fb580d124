// Customer id → position, for the order aggregator's one lookup per order. A Map of a million
// strings costs ~3 cache misses a lookup (bucket, entry, key string), which at 10M orders was most
// of the aggregation time. Here each slot holds the id's hash, length and first characters
// together in 32 bytes, so a lookup usually reads one slot; ids longer than the slot holds are also
// compared in full against the id kept for them.

import { fnv1a } from './fnv1a.ts';

const SLOT = 8; // int32s per slot: position + 1 (0 = empty), hash, length, 5 × two UTF-16 units
const INLINE = 10; // characters kept in the slot

function hashOf(id: string): number {
  // Never 0, so a stored hash of 0 cannot look like an empty slot's (int32 as the slots hold it).
  return fnv1a(id) | 1;
}

export class IdIndex {
  #slots: Int32Array;
  #mask: number;
  #ids: string[] = []; // position → id, to compare ids longer than a slot holds

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.#slots = new Int32Array(capacity * SLOT);
    this.#mask = capacity - 1;
  }

  /** Number of ids added. */
  get size(): number {
    return this.#ids.length;
  }

  /** The position of `id`, adding it as the next position when it is new. */
  positionOf(id: string): number {
    const hash = hashOf(id);
    const slots = this.#slots;
    const length = id.length;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = slot * SLOT;
      const stored = slots[at] as number;
      if (stored === 0) return this.#add(id, hash, at);
      if (slots[at + 1] === hash && slots[at + 2] === length && this.#sameId(at, id, stored - 1)) return stored - 1;
    }
  }

  /**
   * The position of the id text[start, end), or -1 when it was never added: a reader of a file's text
   * finds a repeat customer without cutting a string out of the text (add a new one with positionOf).
   */
  positionOfRange(text: string, start: number, end: number): number {
    // fnv1a (core/fnv1a.ts) over the range, so a range finds the id positionOf added.
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const hash = h | 1;
    const slots = this.#slots;
    const length = end - start;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = slot * SLOT;
      const stored = slots[at] as number;
      if (stored === 0) return -1;
      if (slots[at + 1] === hash && slots[at + 2] === length && this.#sameRange(at, text, start, length, stored - 1)) return stored - 1;
    }
  }

  #sameRange(at: number, text: string, start: number, length: number, position: number): boolean {
    const slots = this.#slots;
    const inline = Math.min(length, INLINE);
    for (let i = 0; i < inline; i += 2) {
      const pair = text.charCodeAt(start + i) | (i + 1 < inline ? text.charCodeAt(start + i + 1) << 16 : 0);
      if (slots[at + 3 + (i >> 1)] !== pair) return false;
    }
    if (length <= INLINE) return true;
    const id = this.#ids[position] as string;
    for (let i = INLINE; i < length; i++) if (id.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
    return true;
  }

  #sameId(at: number, id: string, position: number): boolean {
    const slots = this.#slots;
    const inline = Math.min(id.length, INLINE);
    for (let i = 0; i < inline; i += 2) {
      const pair = id.charCodeAt(i) | (i + 1 < inline ? id.charCodeAt(i + 1) << 16 : 0);
      if (slots[at + 3 + (i >> 1)] !== pair) return false;
    }
    return id.length <= INLINE || this.#ids[position] === id;
  }

  #add(id: string, hash: number, at: number): number {
    const position = this.#ids.length;
    this.#ids.push(id);
    const slots = this.#slots;
    slots[at] = position + 1;
    slots[at + 1] = hash;
    slots[at + 2] = id.length;
    const inline = Math.min(id.length, INLINE);
    for (let i = 0; i < inline; i += 2) {
      slots[at + 3 + (i >> 1)] = id.charCodeAt(i) | (i + 1 < inline ? id.charCodeAt(i + 1) << 16 : 0);
    }
    // Keep the table at most half full, so probe runs stay short.
    if ((position + 1) * 2 > this.#mask + 1) this.#grow();
    return position;
  }

  /** Makes room for `expected` ids in all at once (a reader that knows how many are coming saves the rehashing of growing step by step). */
  reserve(expected: number): void {
    let capacity = this.#mask + 1;
    while (capacity < expected * 2) capacity *= 2;
    if (capacity > this.#mask + 1) this.#grow(capacity);
  }

  #grow(capacity = (this.#mask + 1) * 2): void {
    const old = this.#slots;
    const slots = new Int32Array(capacity * SLOT);
    const mask = capacity - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at] === 0) continue;
      let slot = (old[at + 1] as number) & mask;
      while (slots[slot * SLOT] !== 0) slot = (slot + 1) & mask;
      // Copied value by value: a subarray per slot cost more than the copy (an object each).
      const to = slot * SLOT;
      for (let k = 0; k < SLOT; k++) slots[to + k] = old[at + k] as number;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}
