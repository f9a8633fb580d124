// firstOfEachId (adapters/table/repeated-ids.ts) against the plain reading: the first earlier index of an equal id.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../fast-check-seed.ts';
import { firstOfEachId, HashedIds, idHashes } from '../../adapters/table/repeated-ids.ts';
import { fnv1a } from '../../core/fnv1a.ts';

function plainFirsts(ids: readonly string[]): number[] {
  const first = new Map<string, number>();
  return ids.map((id, k) => {
    const seen = first.get(id);
    if (seen === undefined) first.set(id, k);
    return seen ?? -1;
  });
}

describe('the first row of each id', () => {
  it('is the first earlier equal id, for any ids', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('C1', 'C2', 'c1', '', ' C1', '客户', 'declinate', 'macallums'), fc.string({ maxLength: 4 })), { maxLength: 300 }), (ids) => {
        expect([...firstOfEachId(ids)]).toEqual(plainFirsts(ids));
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart ids whose hashes are equal', () => {
    expect(fnv1a('declinate')).toBe(fnv1a('macallums'));
    expect([...firstOfEachId(['declinate', 'macallums', 'macallums', 'declinate'])]).toEqual([-1, -1, 1, 0]);
  });

  it('asks for the text of only the ids whose hash another id shares (what pieces on threads hand over)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('C1', 'C2', 'declinate', 'macallums'), fc.string({ maxLength: 6 })), { maxLength: 200 }), (ids) => {
        const hashed = new HashedIds(idHashes(ids));
        const shared = [...hashed.shared()];
        // Exactly the indexes whose hash occurs more than once, ascending.
        const hashes = ids.map(fnv1a);
        expect(shared).toEqual(hashes.flatMap((h, k) => (hashes.filter((x) => x === h).length > 1 ? [k] : [])));
        const asked: number[] = [];
        const firsts = hashed.firsts((k) => {
          asked.push(k);
          return ids[k] as string;
        });
        expect([...firsts]).toEqual(plainFirsts(ids));
        expect(asked.every((k) => shared.includes(k))).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect([...new HashedIds(idHashes(['declinate', 'x', 'macallums', 'y'])).shared()]).toEqual([0, 2]);
  });

  it('reads a large table of one id in one pass (no comparison of every pair)', () => {
    const ids = new Array<string>(200_000).fill('same');
    const firsts = firstOfEachId(ids);
    expect(firsts[0]).toBe(-1);
    expect(firsts.subarray(1).every((f) => f === 0)).toBe(true);
  });

  it('sorts by every bit of the hash (ids spread over all 65,536 values of each half)', () => {
    const ids = Array.from({ length: 150_000 }, (_, k) => `C${k % 100_000}`);
    expect([...firstOfEachId(ids)]).toEqual(plainFirsts(ids));
  });
});
