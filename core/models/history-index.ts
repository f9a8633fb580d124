// Each history's distinct (x, t_x, T) as a dense index, from the numbers themselves: an
// open-addressing table over typed arrays instead of a Map keyed by a `${x}|${tx}|${T}` string per
// customer (a million short-lived strings on ten million orders). Two histories share an index exactly
// when those strings would be equal: same numbers, 0 and −0 alike, NaN equal to NaN.
import type { History } from './history.ts';

export interface HistoryIndex {
  /** Distinct histories. */
  count: number;
  /** Each input's index (−1 for a missing history). */
  at: Int32Array;
  /** The first input with each index. */
  firstAt: Int32Array;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** 32 bits of a double; 0/−0 and every NaN hash alike, as their strings are alike. */
function hashNumber(h: number, v: number): number {
  if (v === 0) return Math.imul(h ^ 0x9e3779b9, 0x85ebca6b);
  if (v !== v) return Math.imul(h ^ 0x7ff80000, 0x85ebca6b);
  bits[0] = v;
  h = Math.imul(h ^ (words[0] as number), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ (words[1] as number), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const same = (a: number, b: number) => a === b || (a !== a && b !== b);

export function indexHistories(histories: readonly (History | null)[]): HistoryIndex {
  const n = histories.length;
  // Power-of-two slots at least twice the inputs: probes stay short even when every history differs.
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const at = new Int32Array(n).fill(-1);
  const firstAt = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const h = histories[i];
    if (h === null || h === undefined) continue;
    let slot = (hashNumber(hashNumber(hashNumber(0x811c9dc5, h.x), h.tx), h.T) >>> 0) & mask;
    for (;;) {
      const k = slots[slot] as number;
      if (k < 0) {
        slots[slot] = count;
        firstAt[count] = i;
        at[i] = count++;
        break;
      }
      const other = histories[firstAt[k] as number] as History;
      if (same(other.x, h.x) && same(other.tx, h.tx) && same(other.T, h.T)) {
        at[i] = k;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { count, at, firstAt: firstAt.slice(0, count) };
}
