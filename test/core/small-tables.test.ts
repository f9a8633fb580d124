import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreCustomers } from '../../core/index.ts';
import { rfmMethodFor } from '../../core/rfm.ts';
import { segmentRecency } from '../../core/segments.ts';
import { OptionsSchema } from '../../core/schema/options.ts';

const asOf = '2026-11-01';
const TIER_D_SEGMENTS = ['At risk', "Can't lose", 'Hibernating', 'Lost'];
const LEFT_SEGMENTS = ['Hibernating', 'Lost'];

describe('small tables', () => {
  it('uses quantiles only from rfm.minCustomers scorable customers (default 100)', () => {
    const rfm = OptionsSchema.parse({ asOf }).rfm;
    expect(rfm.minCustomers).toBe(100);
    expect([0, 99, 100, 5000].map((n) => rfmMethodFor(n, rfm))).toEqual(['fixed', 'fixed', 'quantile', 'quantile']);
    expect(rfmMethodFor(3, { ...rfm, minCustomers: 3 })).toBe('quantile');
    expect(rfmMethodFor(5000, { ...rfm, method: 'fixed' })).toBe('fixed');
  });

  // The issue-10 case: quintiles of ten near-equal dates made four of them tier D "Lost".
  const tenRecent = Array.from({ length: 10 }, (_, k) => ({
    id: `c${k}`,
    lastPurchase: `2026-10-${String(22 + k).padStart(2, '0')}`,
    orders: 1 + (k % 3),
    totalSpend: 40 + 7 * k,
  }));

  it('calls none of ten customers who bought in the last ten days Lost or tier D by default (fixed thresholds below 100 customers)', () => {
    for (const r of scoreCustomers(tenRecent, { asOf })) {
      expect(r.error).toBeNull();
      expect(TIER_D_SEGMENTS).not.toContain(r.segment);
      expect(r.tier).not.toBe('D');
      expect(r.churnLevel).toBe('low');
      expect(['new', 'active']).toContain(r.lifecycle);
    }
  });

  it('calls none of them Lost or Hibernating even when quantiles are forced', () => {
    for (const r of scoreCustomers(tenRecent, { asOf, rfm: { minCustomers: 0 } })) {
      expect(r.error).toBeNull();
      expect(LEFT_SEGMENTS).not.toContain(r.segment);
      expect(r.churnLevel).toBe('low');
    }
  });

  it('scores every one of the ten R5 with the fixed thresholds (all within 30 days)', () => {
    expect(scoreCustomers(tenRecent, { asOf }).map((r) => r.r)).toEqual(new Array(10).fill(5));
  });

  it('keeps R itself the rank among customers: only the segment reads it against the rhythm', () => {
    const results = scoreCustomers(tenRecent, { asOf, rfm: { minCustomers: 0 } });
    expect(results[0]?.r).toBe(1);
    expect(results[0]?.segment).toBe('About to sleep');
  });

  it('raises R to 3 for the segment only while the customer is new or active and F1-2 would make them Hibernating or Lost', () => {
    expect(['new', 'active', 'dormant', 'churned'].map((stage) => segmentRecency(1, 2, stage as never))).toEqual([3, 3, 1, 1]);
    expect(segmentRecency(2, 3, 'active')).toBe(2);
    expect(segmentRecency(5, 1, 'new')).toBe(5);
  });

  it('never calls a new or active customer Hibernating or Lost, for any population (property)', () => {
    const arb = fc.record({ daysAgo: fc.integer({ min: 0, max: 900 }), orders: fc.integer({ min: 1, max: 12 }), spend: fc.integer({ min: 1, max: 5000 }), span: fc.integer({ min: 0, max: 900 }) });
    fc.assert(
      fc.property(fc.array(arb, { minLength: 1, maxLength: 60 }), fc.boolean(), (rows, forceQuantiles) => {
        const asOfDay = Date.UTC(2026, 10, 1);
        const iso = (daysAgo: number) => new Date(asOfDay - daysAgo * 86_400_000).toISOString().slice(0, 10);
        const customers = rows.map((r, k) => ({ id: `c${k}`, lastPurchase: iso(r.daysAgo), firstPurchase: iso(r.daysAgo + (r.orders > 1 ? r.span : 0)), orders: r.orders, totalSpend: r.spend }));
        const results = scoreCustomers(customers, forceQuantiles ? { asOf, rfm: { minCustomers: 0 } } : { asOf });
        for (const r of results) if (r.lifecycle === 'new' || r.lifecycle === 'active') expect(LEFT_SEGMENTS).not.toContain(r.segment);
      }),
      { numRuns: 80 },
    );
  });
});
