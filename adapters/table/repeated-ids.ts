// Which rows repeat an id seen on an earlier row, for a whole table's ids at once: ids sorted by their
// hash (a radix sort of 32-bit hashes: sequential memory), then equal hashes compared as text. A hash
// table of a million ids (core/id-index.ts) costs a cache miss per id in its 64 MB of slots; this
// reads each id once and the sort's arrays in order.
import { fnv1a } from '../../core/fnv1a.ts';

/**
 * For each id, the index of the first id equal to it when that is an earlier one, else -1
 * (firsts[k] < k for a repeat, -1 for an id's first appearance).
 */
export function firstOfEachId(ids: readonly string[]): Int32Array {
  return new HashedIds(idHashes(ids)).firsts((k) => ids[k] as string);
}

/** Each id's hash (core/fnv1a.ts): what a worker thread hands over instead of its ids (cli/score/threads/). */
export function idHashes(ids: readonly string[]): Uint32Array {
  const hashes = new Uint32Array(ids.length);
  for (let k = 0; k < ids.length; k++) hashes[k] = fnv1a(ids[k] as string);
  return hashes;
}

/**
 * Ids known by their hashes, sorted once: only ids that share a hash can be equal, so only their text
 * is needed (a few hundred of a million distinct ids, the repeats themselves apart).
 */
export class HashedIds {
  readonly #hashes: Uint32Array;
  readonly #order: Uint32Array;

  constructor(hashes: Uint32Array) {
    this.#hashes = hashes;
    this.#order = sortedByHash(hashes);
  }

  /** The indexes of ids whose hash another id shares, ascending: the ids `firsts` asks the text of. */
  shared(): Int32Array {
    const shared: number[] = [];
    this.#eachRun((a, b) => {
      for (let j = a; j < b; j++) shared.push(this.#order[j] as number);
    });
    return Int32Array.from(shared).sort();
  }

  /** firstOfEachId of the ids, asking `idOf` for the text of the shared ones only. */
  firsts(idOf: (k: number) => string): Int32Array {
    const order = this.#order;
    const firsts = new Int32Array(order.length).fill(-1);
    this.#eachRun((a, b) => {
      // A run of equal hashes, in index order (the sort is stable): the first of each text is its first row.
      const seen = new Map<string, number>();
      for (let j = a; j < b; j++) {
        const k = order[j] as number;
        const id = idOf(k);
        const first = seen.get(id);
        if (first === undefined) seen.set(id, k);
        else firsts[k] = first;
      }
    });
    return firsts;
  }

  /** Each run order[a … b − 1] of two or more equal hashes. */
  #eachRun(visit: (a: number, b: number) => void): void {
    const hashes = this.#hashes;
    const order = this.#order;
    const n = order.length;
    for (let a = 0; a < n; ) {
      const hash = hashes[order[a] as number] as number;
      let b = a + 1;
      while (b < n && hashes[order[b] as number] === hash) b++;
      if (b - a > 1) visit(a, b);
      a = b;
    }
  }
}

/** Indexes 0 … n − 1 ordered by hash, equal hashes in index order: two stable passes of 16 bits. */
function sortedByHash(hashes: Uint32Array): Uint32Array {
  const n = hashes.length;
  let from = new Uint32Array(n);
  for (let k = 0; k < n; k++) from[k] = k;
  let to = new Uint32Array(n);
  const counts = new Uint32Array(1 << 16);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let k = 0; k < n; k++) {
      const digit = ((hashes[k] as number) >>> shift) & 0xffff;
      counts[digit] = (counts[digit] as number) + 1;
    }
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const index = from[k] as number;
      const digit = ((hashes[index] as number) >>> shift) & 0xffff;
      const place = counts[digit] as number;
      to[place] = index;
      counts[digit] = place + 1;
    }
    [from, to] = [to, from];
  }
  return from;
}
