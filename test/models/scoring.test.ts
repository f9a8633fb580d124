// The purchase models inside scoreCustomers, on the CDNOW sample's orders (CDNOW data, Fader & Hardie).
import { describe, expect, it } from 'vitest';
import { aggregateOrders, scoreCustomers, summarize, type Order } from '../../core/index.ts';
import { cdnowSample } from './cdnow-sample.ts';

const orders: Order[] = cdnowSample();
const asOf = '1997-09-30';
const customers = aggregateOrders(orders, { asOf });
const results = scoreCustomers(customers, { asOf });

describe('scoring with purchase models', () => {
  it('gives every customer with orders P(alive), expected purchases and a lifetime value', () => {
    expect(results).toHaveLength(2357);
    for (const r of results) {
      expect(r.pAlive).toBeGreaterThanOrEqual(0);
      expect(r.pAlive).toBeLessThanOrEqual(1);
      expect(r.expectedPurchases).toBeGreaterThanOrEqual(0);
      expect(r.clv).not.toBeNull();
    }
  });

  it('explains the model driver in words, with the numbers behind it', () => {
    const first = results[0];
    expect(first?.drivers[0]?.factor).toBe('recency');
    expect(first?.reasons).toMatch(/^about \d+% likely to still be buying, given \d+ orders? and none in \d+ weeks?, \d+% likely to buy nothing in the next 90 days \(\+\d+\)/);
  });

  it('makes a one-time buyer silent for longer riskier, which BG/NBD alone could not', () => {
    const oneTimers = results.filter((r, i) => customers[i]?.purchaseDays === 1);
    const silence = (i: number) => customers[i]?.lastPurchase ?? '';
    const byDate = oneTimers.map((r) => ({ r, last: silence(results.indexOf(r)) })).sort((a, b) => a.last.localeCompare(b.last));
    expect((byDate[0]?.r.churnRisk ?? 0)).toBeGreaterThan(byDate[byDate.length - 1]?.r.churnRisk ?? 100);
  });

  it('adds expected revenue at risk by tier to the summary', () => {
    const summary = summarize(results);
    expect(summary.expectedRevenueAtRiskByTier).not.toBeNull();
    expect(Object.keys(summary.expectedRevenueAtRiskByTier ?? {})).toEqual(['A', 'B', 'C', 'D']);
  });

  it('falls back to the rules, and says nothing about a model, when there are too few orders to fit', () => {
    const few = scoreCustomers(customers.slice(0, 15), { asOf });
    expect(few.every((r) => r.pAlive === null)).toBe(true);
    for (const r of few) expect(r.reasons).not.toContain('likely to still be buying');
  });
});
