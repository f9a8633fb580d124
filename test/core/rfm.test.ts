import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreCustomers } from '../../core/index.ts';
import { quantileScores, recencyThresholdScore, thresholdScore } from '../../core/rfm.ts';

const asOf = '2026-11-01';
/** Quantile scoring whatever the number of customers (the default falls back to fixed thresholds below 100). */
const quantiles = { asOf, rfm: { minCustomers: 0 } };
const customer = (id: string, lastPurchase: string, orders: number, totalSpend: number) => ({ id, lastPurchase, orders, totalSpend });

describe('quantile RFM scores (DESIGN.md: 1 + floor(5 × worse / N))', () => {
  it('gives the best of ten customers 5 and the worst 1', () => {
    const scores = quantileScores(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect([...scores]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('gives equal values the same score, counting only strictly worse customers', () => {
    // Seven one-order customers: nobody is strictly worse, so all are F1; the two-order ones have 7 worse of 9.
    const scores = quantileScores(Float64Array.from([1, 1, 1, 1, 1, 1, 1, 2, 2]));
    expect([...scores]).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 4]);
  });

  it('scores R on the last purchase: the most recent buyer gets R5', () => {
    const results = scoreCustomers(
      [customer('old', '2025-01-01', 1, 10), customer('mid', '2026-01-01', 1, 10), customer('new', '2026-10-30', 1, 10)],
      { asOf, rfm: { minCustomers: 0 } },
    );
    expect(results.map((r) => r.r)).toEqual([1, 2, 4]);
  });

  it('never changes a customer’s scores when the input is reordered', () => {
    const arbCustomer = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 10 }),
      orders: fc.integer({ min: 1, max: 6 }),
      spend: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(arbCustomer, { minLength: 1, maxLength: 40 }), fc.integer(), (rows, seed) => {
        const customers = rows.map((row, i) =>
          customer(`c${i}`, `2026-${String(row.month).padStart(2, '0')}-${String(row.day).padStart(2, '0')}`, row.orders, row.spend),
        );
        const shuffled = [...customers].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 5) || (a.id < b.id ? 1 : -1));
        const byId = (list: ReturnType<typeof scoreCustomers>) => new Map(list.map((r) => [r.id, r]));
        const first = byId(scoreCustomers(customers, quantiles));
        const second = byId(scoreCustomers(shuffled, quantiles));
        for (const [id, result] of first) expect(second.get(id)).toEqual(result);
      }),
      { numRuns: 60 },
    );
  });

  it('gives customers with equal values equal scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 60 }), (values) => {
        const scores = quantileScores(Float64Array.from(values));
        values.forEach((v, i) => values.forEach((w, j) => v === w && expect(scores[i]).toBe(scores[j])));
      }),
    );
  });

  it('never lowers M when a customer spends more', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 500 }), (spends, pick, extra) => {
        const i = pick % spends.length;
        const make = (list: number[]) => list.map((s, k) => customer(`c${k}`, '2026-10-01', 1, s));
        const before = scoreCustomers(make(spends), quantiles)[i]?.m ?? 0;
        const more = spends.map((s, k) => (k === i ? s + extra : s));
        const after = scoreCustomers(make(more), quantiles)[i]?.m ?? 0;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('leaves customers with errors out of the quantiles', () => {
    const good = [customer('a', '2026-01-01', 1, 10), customer('b', '2026-10-01', 3, 100)];
    const withBad = [...good, { id: 'bad', lastPurchase: '2027-01-01', orders: 9, totalSpend: 1e6 }];
    const clean = scoreCustomers(good, quantiles);
    const mixed = scoreCustomers(withBad, quantiles);
    expect(mixed.slice(0, 2)).toEqual(clean);
    expect(mixed[2]?.error).toBe('last purchase 2027-01-01 is after the as-of date 2026-11-01');
    expect(mixed[2]?.tier).toBeNull();
  });
});

describe('fixed RFM thresholds', () => {
  it('scores recency by days since the last purchase', () => {
    const cuts = [30, 90, 180, 365];
    expect([0, 30, 31, 90, 180, 365, 366].map((d) => recencyThresholdScore(d, cuts))).toEqual([5, 5, 4, 4, 3, 2, 1]);
  });

  it('scores orders and spend by the cut points they reach', () => {
    expect([1, 2, 3, 4, 5, 8, 20].map((o) => thresholdScore(o, [2, 3, 5, 8]))).toEqual([1, 2, 3, 3, 4, 5, 5]);
  });

  it('is used when options ask for it, whatever the other customers do', () => {
    const results = scoreCustomers([customer('a', '2026-10-20', 8, 6000), customer('b', '2026-10-21', 9, 7000)], {
      asOf,
      rfm: { method: 'fixed' },
    });
    expect(results.map((r) => `${r.r}${r.f}${r.m}`)).toEqual(['555', '555']);
  });
});

describe('a table of one', () => {
  it('follows the DESIGN.md rule literally when asked for quantiles: with nobody worse, every score is 1', () => {
    const [only] = scoreCustomers([customer('solo', '2026-10-31', 50, 99999)], { asOf, rfm: { minCustomers: 0 } });
    expect(`${only?.r}${only?.f}${only?.m}`).toBe('111');
  });

  it('is scored with the fixed thresholds by default (fewer than rfm.minCustomers)', () => {
    const [only] = scoreCustomers([customer('solo', '2026-10-31', 50, 99999)], { asOf });
    expect(`${only?.r}${only?.f}${only?.m}`).toBe('555');
  });
});

describe('quantile scores on money', () => {
  it('agrees with counting strictly smaller values, for cents and for arbitrary decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5000, max: 500000 }).map((c) => c / 100), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 80 }), (values) => {
        const scores = quantileScores(Float64Array.from(values));
        values.forEach((v, i) => {
          const worse = values.filter((w) => w < v).length;
          expect(scores[i]).toBe(1 + Math.floor((5 * worse) / values.length));
        });
      }),
    );
  });
});

describe('calendar dates', () => {
  it('agree with JavaScript’s own calendar for every day from 1900 to 2100', async () => {
    const { dayNumber, isIsoDate, isoFromDayNumber } = await import('../../core/dates.ts');
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(t / 86_400_000);
      expect(isoFromDayNumber(t / 86_400_000)).toBe(iso);
    }
    expect(['2026-02-29', '2026-13-01', '2026-1-01', '2024-02-29', '2000-02-29', '1900-02-29'].map(isIsoDate)).toEqual([false, false, false, true, true, false]);
  });
});
