import { describe, expect, it } from 'vitest';
import { aggregateOrders, type Order } from '../../core/index.ts';

const order = (customerId: string, date: string, amount: number, extra: Partial<Order> = {}): Order => ({
  customerId, date, amount, name: null, email: null, region: null, owner: null, ...extra,
});

describe('aggregateOrders', () => {
  const orders = [
    order('b', '2026-01-10', 40),
    order('a', '2026-02-01', 100, { region: 'North' }),
    order('a', '2026-02-01', 50),
    order('a', '2026-05-01', 80),
    order('a', '2026-05-20', -30),
    order('a', '2026-09-15', 120, { name: 'Ada' }),
    order('b', '2027-01-01', 999),
  ];
  const [b, a] = aggregateOrders(orders, { asOf: '2026-11-01', periodDays: 90 });

  it('returns customers in order of first appearance', () => {
    expect([b?.id, a?.id]).toEqual(['b', 'a']);
  });

  it('merges same-day orders into one purchase day and nets refunds', () => {
    expect(a).toMatchObject({ orders: 4, purchaseDays: 3, totalSpend: 320, firstPurchase: '2026-02-01', lastPurchase: '2026-09-15' });
  });

  it('computes the usual gap as the median gap between purchase days', () => {
    expect(a?.usualGapDays).toBe(Math.round((89 + 137) / 2));
  });

  it('compares the last period with the one before', () => {
    // Last 90 days: 2026-08-03..2026-11-01; the 90 before: 2026-05-05..2026-08-02.
    expect(a).toMatchObject({ recentOrders: 1, recentSpend: 120, previousOrders: 0, previousSpend: -30 });
  });

  it('leaves out orders after the as-of date', () => {
    expect(b).toMatchObject({ orders: 1, totalSpend: 40, lastPurchase: '2026-01-10' });
  });

  it('keeps the latest non-empty details', () => {
    expect(a).toMatchObject({ name: 'Ada', region: 'North' });
  });

  it('computes the mean spend of repeat purchase days', () => {
    expect(a?.repeatSpendMean).toBe((80 + 120) / 2);
  });
});
