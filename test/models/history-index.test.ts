// The numeric history index (core/models/history-index.ts) must group histories exactly as the
// `${x}|${tx}|${T}` strings it replaced did, and the estimate columns give back what was stored.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexHistories } from '../../core/models/history-index.ts';
import { EstimateColumns } from '../../core/models/estimate-columns.ts';
import type { History } from '../../core/models/history.ts';

/** The string-keyed grouping the index replaced: first-seen order, −1 for a missing history. */
function byString(histories: readonly (History | null)[]): number[] {
  const seen = new Map<string, number>();
  return histories.map((h) => {
    if (h === null) return -1;
    const key = `${h.x}|${h.tx}|${h.T}`;
    let k = seen.get(key);
    if (k === undefined) {
      k = seen.size;
      seen.set(key, k);
    }
    return k;
  });
}

const value = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom(0, -0, NaN, 1 / 7, 2 / 7, 0.1 + 0.2, 0.3, 1e-300), fc.double());
const history = fc.option(fc.record({ x: value, tx: value, T: value }), { freq: 5 });

describe('indexHistories', () => {
  it('groups as the strings did, with the first input of each group', () => {
    fc.assert(
      fc.property(fc.array(history, { maxLength: 200 }), (histories) => {
        const index = indexHistories(histories);
        const expected = byString(histories);
        expect(Array.from(index.at)).toEqual(expected);
        expect(index.count).toBe(Math.max(-1, ...expected) + 1);
        for (let k = 0; k < index.count; k++) expect(expected.indexOf(k)).toBe(index.firstAt[k]);
      }),
      { numRuns: 300 },
    );
  });

  it('treats 0 and −0 as one history, NaN as equal to NaN, and close doubles as different', () => {
    const index = indexHistories([{ x: 0, tx: 0, T: 1 }, { x: -0, tx: -0, T: 1 }, { x: NaN, tx: 1, T: 2 }, { x: NaN, tx: 1, T: 2 }, { x: 1, tx: 0.1 + 0.2, T: 3 }, { x: 1, tx: 0.3, T: 3 }, null]);
    expect(Array.from(index.at)).toEqual([0, 0, 1, 1, 2, 3, -1]);
  });
});

describe('EstimateColumns', () => {
  it('gives back each row as set, null where nothing was set, and null CLV as null', () => {
    const columns = new EstimateColumns(3, true);
    expect(columns.any()).toBe(false);
    columns.set(0, 0.5, 0.25, 1.5, 12.75);
    columns.set(2, 0.125, 0.75, 0.3, null);
    expect(columns.at(0)).toEqual({ pAlive: 0.5, identified: true, pNoPurchase: 0.25, expectedPurchases: 1.5, clv: 12.75 });
    expect(columns.at(1)).toBeNull();
    expect(columns.at(2)).toEqual({ pAlive: 0.125, identified: true, pNoPurchase: 0.75, expectedPurchases: 0.3, clv: null });
    expect(columns.at(3)).toBeNull();
    expect(columns.any()).toBe(true);
    expect(columns.map((e) => e?.clv ?? -1)).toEqual([12.75, -1, -1]);
  });
});
