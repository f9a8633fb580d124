import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreCustomers, summarize } from '../../core/index.ts';

const asOf = '2026-11-01';

describe('summarize', () => {
  const results = scoreCustomers(
    [
      { id: '1', lastPurchase: '2026-10-30', orders: 9, totalSpend: 900, region: 'North' },
      { id: '2', lastPurchase: '2026-10-29', orders: 1, totalSpend: 10, region: 'North' },
      { id: '3', lastPurchase: '2025-01-01', orders: 2, totalSpend: 300, region: 'South' },
      { id: '4', orders: 0, region: 'South' },
      { id: '5', lastPurchase: 'soon', orders: 1, totalSpend: 1 },
    ],
    { asOf },
  );
  const summary = summarize(results);

  it('counts every customer once: scored, prospects and errors', () => {
    expect(summary).toMatchObject({ customers: 5, scored: 3, prospects: 1, errors: 1 });
    expect(summary.byTier.reduce((n, t) => n + t.count, 0)).toBe(3);
  });

  it('reports repurchase rate, dormant count and revenue at risk', () => {
    expect(summary.repurchaseRate).toBeCloseTo(2 / 3);
    expect(summary.dormant).toBe(1);
    expect(summary.atRiskRevenue).toBe(300);
  });

  it('breaks the board down by region when there is one', () => {
    expect(summary.groups?.by).toBe('region');
    expect(summary.groups?.rows.map((g) => [g.name, g.customers, g.dormant])).toEqual([
      ['North', 2, 0],
      ['South', 2, 1],
    ]);
  });

  it('shows empty segments rather than hiding them', () => {
    expect(summary.bySegment).toHaveLength(11);
  });

  it('labels tiers in Simplified Chinese when asked', () => {
    expect(summarize(results, { language: 'zh-CN' }).byTier[0]?.label).toBe('A 核心');
  });
});

describe('every input row comes back exactly once', () => {
  it('holds for any mix of good, bad and prospect customers', () => {
    const arb = fc.oneof(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), lastPurchase: fc.constantFrom('2026-01-01', '2026-10-01', '2027-01-01', 'bad'), orders: fc.integer({ min: -1, max: 9 }), totalSpend: fc.double({ noNaN: true }) }),
      fc.record({ id: fc.string({ maxLength: 3 }), orders: fc.constant(0) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 30 }), (rows) => {
        const out = scoreCustomers(rows as never[], { asOf });
        expect(out).toHaveLength(rows.length);
        out.forEach((r) => expect(r.error === null ? r.lifecycle !== null : r.tier === null).toBe(true));
      }),
    );
  });
});
