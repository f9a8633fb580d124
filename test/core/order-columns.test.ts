// Orders as columns (core/order-columns.ts, core/order-history.ts) answer every question the churn
// models and the backtest ask exactly as the list of Order objects does: the log up to a date, the
// customers up to a date, the orders up to a date, every order added to an aggregator. The backtest
// and the model comparison read a big file this way, with no Order object per order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../fast-check-seed.ts';
import type { Order } from '../../core/schema/order.ts';
import { OptionsSchema } from '../../core/schema/options.ts';
import { aggregateOrders, OrderAggregator } from '../../core/aggregate-orders.ts';
import { orderLogOf } from '../../core/churn/learned/order-log.ts';
import { aggregatorOf, orderColumnsOf } from '../../core/order-columns.ts';
import { orderHistoryOf, orderHistoryOfColumns } from '../../core/order-history.ts';
import { backtestCustomers } from '../../core/models/backtest-customers.ts';
import { compareChurnModels } from '../../core/churn/learned/compare.ts';
import { cdnowSample } from '../models/cdnow-sample.ts';

const order = (customerId: string, date: string, amount: number): Order => ({ customerId, date, amount, name: null, email: null, region: null, owner: null });

/** Orders in file order, not date order: customers first seen after the as-of date, refunds, repeats on a day. */
const orderLists = fc.array(
  fc.record({
    customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    date: fc.constantFrom('2025-11-30', '2026-01-15', '2026-03-01', '2026-03-02', '2026-05-20', '2026-07-04', '2026-08-31'),
    amount: fc.constantFrom(-25, -0.5, 0, 12.5, 40, 99.99),
  }),
  { maxLength: 60 },
).map((rows) => rows.map((r) => order(r.customer, r.date, r.amount)));

const cuts = fc.constantFrom('2025-12-31', '2026-03-01', '2026-06-30', '9999-12-31');

describe('orders as columns', () => {
  it('give the list\'s log, customers and orders up to any date', () => {
    fc.assert(
      fc.property(orderLists, cuts, (orders, cut) => {
        const list = orderHistoryOf(orders);
        const columns = orderHistoryOfColumns(() => orderColumnsOf(orders));
        expect(columns.log(cut)).toEqual(list.log(cut));
        expect(columns.log(cut)).toEqual(orderLogOf(orders.filter((o) => o.date <= cut)));
        expect(columns.orders(cut)).toEqual(list.orders(cut));
        const keep = (id: string) => id !== 'b' && id !== 'e';
        expect(columns.orders(cut, keep)).toEqual(list.orders(cut, keep));
        const options = { periodDays: 60 };
        expect(columns.customers(cut, options)).toEqual(aggregateOrders(orders.filter((o) => o.date <= cut), { ...options, asOf: cut }));
      }),
      { numRuns: 500 },
    );
  });

  it('added to an aggregator, give the customers of adding every order in turn', () => {
    fc.assert(
      fc.property(orderLists, cuts, (orders, asOf) => {
        const one = new OrderAggregator({ asOf });
        for (const o of orders) one.add(o);
        const columns = aggregatorOf(orderColumnsOf(orders), { asOf });
        expect(columns.afterAsOf).toBe(one.afterAsOf);
        expect(columns.finish()).toEqual(one.finish());
      }),
      { numRuns: 500 },
    );
  });

  it('refuse a date that is not YYYY-MM-DD, naming the order', () => {
    expect(() => orderColumnsOf([order('a', '2026-01-01', 1), order('a', '2026-1-2', 1)])).toThrow('order 2: date "2026-1-2" is not a valid YYYY-MM-DD date');
  });
});

describe('the backtest on orders as columns', () => {
  it('counts each customer\'s purchase days and net revenue after the as-of date as a set of days and a running sum would', () => {
    fc.assert(
      fc.property(orderLists, (orders) => {
        const options = OptionsSchema.parse({ asOf: '2026-03-01', expectedPurchasesDays: 120, purchaseModel: 'off' });
        const got = backtestCustomers(orders, options);
        // The rule written plainly: a purchase is a day with a non-negative order; refunds count against revenue.
        const after = new Map<string, { days: Set<string>; revenue: number }>();
        for (const o of orders) {
          if (o.date <= '2026-03-01' || o.date > '2026-06-29') continue;
          const entry = after.get(o.customerId) ?? { days: new Set<string>(), revenue: 0 };
          after.set(o.customerId, entry);
          if (o.amount >= 0) entry.days.add(o.date);
          entry.revenue += o.amount;
        }
        expect(got.buyersAfter).toBe(after.size);
        if (after.size === 0) return;
        const scored = new Set(orders.filter((o) => o.date <= '2026-03-01' && o.amount >= 0).map((o) => o.customerId));
        expect(got.rows.map((r) => r.id).sort()).toEqual([...scored].sort());
        for (const row of got.rows) expect(row.outcome, row.id).toEqual({ purchases: after.get(row.id)?.days.size ?? 0, revenue: after.get(row.id)?.revenue ?? 0 });
      }),
      { numRuns: 500 },
    );
  });

  it('compares the churn models and scores the customers as on the list of orders (CDNOW sample)', () => {
    const orders = cdnowSample();
    const options = OptionsSchema.parse({ asOf: '1997-09-30', expectedPurchasesDays: 182 });
    const columns = () => orderHistoryOfColumns(() => orderColumnsOf(orders));
    expect(backtestCustomers(columns(), options)).toEqual(backtestCustomers(orders, options));
    expect(compareChurnModels(columns(), options)).toEqual(compareChurnModels(orders, options));
  });

  it('gives the comparison the BG/NBD fit it would make itself (CDNOW sample: the same customers in the same order)', () => {
    const orders = cdnowSample();
    const options = OptionsSchema.parse({ asOf: '1997-09-30', expectedPurchasesDays: 182 });
    const { bgnbd } = backtestCustomers(orders, options);
    expect(bgnbd?.ok).toBe(true);
    expect(compareChurnModels(orders, options, bgnbd ?? undefined)).toEqual(compareChurnModels(orders, options));
  });
});
