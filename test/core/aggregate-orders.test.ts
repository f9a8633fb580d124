import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../fast-check-seed.ts';
import { aggregateOrders, type Order } from '../../core/index.ts';
import { OrderAggregator } from '../../core/aggregate-orders.ts';
import { orderLogOf } from '../../core/churn/learned/order-log.ts';
import { dayNumber, isoFromDayNumber } from '../../core/dates.ts';

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

describe("the aggregator's order log", () => {
  it('is the order log of the orders up to the as-of date, shared from the regrouping when none is later', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((d) => isoFromDayNumber(dayNumber('2026-01-01') + d));
    const anOrder = fc.record({ customerId: fc.constantFrom('a', 'b', 'c', 'customer-0000000001', 'customer-0000000002'), date: day, amount: fc.constantFrom(5, 12.5, -3, 0, 70) });
    fc.assert(
      fc.property(fc.array(anOrder, { maxLength: 80 }), fc.constantFrom('2026-06-01', '2027-02-05'), (list, asOf) => {
        const orders = list.map((o) => order(o.customerId, o.date, o.amount));
        const aggregator = new OrderAggregator({ asOf });
        for (const o of orders) aggregator.add(o);
        const customers = aggregator.finish();
        const log = aggregator.logAsOf(dayNumber(asOf));
        if (orders.some((o) => o.date > asOf)) expect(log).toBeNull();
        else {
          expect(log).toEqual(orderLogOf(orders));
          expect(log?.ids).toEqual(customers.map((c) => c.id));
        }
        expect(aggregator.logAsOf(dayNumber(asOf) - 1)).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('is not there before the orders are aggregated', () => {
    const aggregator = new OrderAggregator({ asOf: '2026-11-01' });
    aggregator.add(order('a', '2026-01-01', 5));
    expect(aggregator.logAsOf(dayNumber('2026-11-01'))).toBeNull();
  });
});

describe('orders added a piece at a time (addOrdersOf)', () => {
  it('leave the aggregator as adding them one by one, past the room made and across pieces', () => {
    const asOf = '2026-11-01';
    const ids = ['a', 'b', 'c', 'd'];
    const rows = Array.from({ length: 5000 }, (_, i) => ({ c: (i * 7) % ids.length, day: dayNumber('2026-01-01') + ((i * 13) % 400), amount: i % 11 === 0 ? -(i % 50) : (i % 97) + 0.25 }));
    const one = new OrderAggregator({ asOf });
    for (const id of ids) one.customer(id);
    for (const r of rows) one.addOrderOf(r.c, r.day, r.amount);
    const pieces = new OrderAggregator({ asOf });
    pieces.reserve(100);
    // Each piece numbers the customers its own way (reversed here): positions map them back.
    const positions = Int32Array.from(ids.map((_, j) => ids.length - 1 - j));
    for (const id of ids) pieces.customer(id);
    for (let from = 0; from < rows.length; from += 1300) {
      const part = rows.slice(from, from + 1300);
      pieces.addOrdersOf(positions, Int32Array.from(part.map((r) => ids.length - 1 - r.c)), Int32Array.from(part.map((r) => r.day)), Float64Array.from(part.map((r) => r.amount)));
    }
    expect(pieces.orderCount).toBe(rows.length);
    expect(pieces.afterAsOf).toBe(one.afterAsOf);
    expect(pieces.afterAsOf).toBeGreaterThan(0);
    const [x, y] = [pieces.orders(), one.orders()];
    expect([...x.owner]).toEqual([...y.owner]);
    expect([...x.days]).toEqual([...y.days]);
    expect([...x.amounts]).toEqual([...y.amounts]);
    expect(pieces.finish()).toEqual(one.finish());
  });
});
