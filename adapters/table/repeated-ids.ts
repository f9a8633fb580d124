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
  const n = ids.length;
  const hashes = new Uint32Array(n);
  for (let k = 0; k < n; k++) hashes[k] = fnv1a(ids[k] as string);
  const order = sortedByHash(hashes);
  const firsts = new Int32Array(n).fill(-1);
  for (let a = 0; a < n; ) {
    const hash = hashes[order[a] as number] as number;
    let b = a + 1;
    while (b < n && hashes[order[b] as number] === hash) b++;
    // A run of equal hashes, in index order (the sort is stable): the first of each text is its first row.
    if (b - a > 1) {
      const seen = new Map<string, number>();
      for (let j = a; j < b; j++) {
        const k = order[j] as number;
        const id = ids[k] as string;
        const first = seen.get(id);
        if (first === undefined) seen.set(id, k);
        else firsts[k] = first;
      }
    }
    a = b;
  }
  return firsts;
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
