import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdIndex } from '../../core/id-index.ts';

/** What IdIndex must agree with: positions by first appearance, kept in a Map. */
function positionsByMap(ids: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    let position = seen.get(id);
    if (position === undefined) seen.set(id, (position = seen.size));
    return position;
  });
}

describe('the customer id index', () => {
  it('gives every id its position of first appearance, like a Map', () => {
    // Short alphabets and lengths around the 10 characters kept in a slot make near-misses common.
    const id = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', '1'), maxLength: 13 }),
      fc.string({ unit: 'grapheme', maxLength: 14 }),
      fc.constantFrom('customer-000000001', 'customer-000000002', '客户编号0001', '客户编号0002', ''),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (ids) => {
        const index = new IdIndex(1);
        expect(ids.map((x) => index.positionOf(x))).toEqual(positionsByMap(ids));
        expect(index.size).toBe(new Set(ids).size);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps positions through growth to many ids', () => {
    const index = new IdIndex(1);
    const ids = Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? `long-customer-id-${i}` : `C${i}`));
    const expected = ids.map((_, i) => i);
    expect(ids.map((id) => index.positionOf(id))).toEqual(expected);
    // The same ids again, as new string objects (as each line of a file makes them).
    expect(ids.map((id) => index.positionOf(id.split('').join('')))).toEqual(expected);
    expect(index.positionOf('C50000')).toBe(50_000);
    expect(index.size).toBe(50_001);
  });

  it('keeps positions when room is made for many ids at once, before and between additions', () => {
    const index = new IdIndex(1);
    const ids = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `long-customer-id-${i}` : `C${i}`));
    ids.slice(0, 700).forEach((id) => index.positionOf(id));
    index.reserve(20_000);
    index.reserve(10); // never shrinks
    expect(ids.map((id) => index.positionOf(id))).toEqual(ids.map((_, i) => i));
    expect(index.positionOfRange(`x,${ids[9999]},y`, 2, 2 + (ids[9999] as string).length)).toBe(9999);
    expect(index.size).toBe(20_000);
  });

  it('tells apart long ids that share their first ten characters', () => {
    const index = new IdIndex();
    expect(index.positionOf('ABCDEFGHIJ-1')).toBe(0);
    expect(index.positionOf('ABCDEFGHIJ-2')).toBe(1);
    expect(index.positionOf('ABCDEFGHIJ-1')).toBe(0);
  });

  it('finds an id inside a longer text, without cutting it out, at the position positionOf gave it', () => {
    const id = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', '1'), maxLength: 13 }), fc.constantFrom('customer-000000001', 'customer-000000002', '客户编号0001', ''));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), fc.array(id, { maxLength: 20 }), (added, asked) => {
        const index = new IdIndex(1);
        for (const x of added) index.positionOf(x);
        for (const x of [...added, ...asked]) {
          const text = `,${x};`;
          expect(index.positionOfRange(text, 1, 1 + x.length), x).toBe(added.includes(x) ? index.positionOf(x) : -1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
