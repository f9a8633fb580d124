// The backtest's arithmetic: score as of a past date with only the orders up to it, and pair each
// scored customer with what they did in the horizon after it (purchase days and revenue), beside
// BG/NBD's forecast for the same horizon (the literature's comparison). The CLI only reads and prints.
// Orders are read as columns (core/order-columns.ts) and customers scored a range at a time, keeping
// only what the comparison reads of each result: 10M orders held 10M Order objects and a million
// results at once before (4.4 GB).
import type { Order } from '../schema/order.ts';
import type { Options } from '../schema/options.ts';
import { scoreCustomersInRanges } from '../score.ts';
import { dayNumber } from '../dates.ts';
import { asHistory, type OrderHistory } from '../order-history.ts';
import { aggregatorOf, type OrderColumns } from '../order-columns.ts';
import { DAYS_PER_UNIT, historyOf } from './estimate.ts';
import { bgnbdExpectedPurchases, bgnbdFitOf, type BgNbdFit } from './bgnbd.ts';
import type { BacktestCustomer } from './backtest.ts';

export interface BacktestCustomers {
  rows: BacktestCustomer[];
  /** Customers with an order in (asOf, asOf + horizon]: none means the file ends before the horizon. */
  buyersAfter: number;
  /** BG/NBD fitted on every customer as of the as-of date, or why it could not be (worded by the host: ModelNoteWords.fitFailure); null when nobody bought after it. */
  bgnbd: BgNbdFit | null;
}

/** Customers scored at a time: a million results held at once cost ~1 GB. */
const RANGE = 1_024;

/**
 * `options` carry the as-of date and expectedPurchasesDays = the horizon, so churn risk asks what is
 * checked. `orders`: a list, or columns behind an OrderHistory (a big file: no Order object per order).
 */
export function backtestCustomers(orders: readonly Order[] | OrderHistory, options: Options): BacktestCustomers {
  const asOfDay = dayNumber(options.asOf);
  const horizon = options.expectedPurchasesDays;
  const columns = asHistory(orders).columns();
  const after = outcomesAfter(columns, asOfDay, asOfDay + horizon);
  if (after.buyers === 0) return { rows: [], buyersAfter: 0, bgnbd: null };

  // Every customer in order of first appearance (customer i is columns.ids[i]), each scored with the
  // orders up to the as-of date only.
  const customers = aggregatorOf(columns, options).finish();
  const scorer = scoreCustomersInRanges(customers, options);
  const histories = customers.map((c) => historyOf(c, asOfDay));
  // BG/NBD on every customer, as `model fit` does.
  const bgnbd = bgnbdFitOf(histories);
  const expected = histories.map((h) => (h === null || !bgnbd.ok ? null : bgnbdExpectedPurchases(bgnbd.params, h, horizon / DAYS_PER_UNIT)));
  const rows: BacktestCustomer[] = [];
  for (let from = 0; from < scorer.count; from += RANGE) {
    const to = Math.min(from + RANGE, scorer.count);
    const results = scorer.scoreRange(from, to);
    for (let i = from; i < to; i++) {
      const c = customers[i];
      const result = results[i - from];
      if (c === undefined || result === undefined || c.lastPurchase === null) continue;
      rows.push({
        id: c.id,
        churnRisk: result.churnRisk,
        tier: result.tier,
        daysSinceLast: asOfDay - dayNumber(c.lastPurchase),
        expectedPurchases: expected[i] ?? null,
        outcome: { purchases: after.purchases[i] as number, revenue: after.revenue[i] as number },
      });
    }
  }
  return { rows, buyersAfter: after.buyers, bgnbd };
}

/** What each customer (by position) did in (fromDay, untilDay]. */
interface After {
  /** Days with a non-negative order: a purchase is a day, however many orders it has. */
  purchases: Int32Array;
  /** Net of refunds, summed in the orders' own order. */
  revenue: Float64Array;
  /** Customers with any order there, refunds included. */
  buyers: number;
}

function outcomesAfter(columns: OrderColumns, fromDay: number, untilDay: number): After {
  const { ids, owner, days, amounts } = columns;
  const revenue = new Float64Array(ids.length);
  const any = new Uint8Array(ids.length);
  let buyers = 0;
  let purchaseOrders = 0;
  for (let i = 0; i < owner.length; i++) {
    const day = days[i] as number;
    if (day <= fromDay || day > untilDay) continue;
    const c = owner[i] as number;
    if (any[c] === 0) {
      any[c] = 1;
      buyers++;
    }
    revenue[c] = (revenue[c] as number) + (amounts[i] as number);
    if ((amounts[i] as number) >= 0) purchaseOrders++;
  }
  // Distinct (customer, day) pairs of purchases, as one number each, sorted: a customer's run of equal
  // pairs is one purchase day (no Set per customer: a million of them on 10M orders).
  const span = untilDay - fromDay + 1;
  const pairs = new Float64Array(purchaseOrders);
  let n = 0;
  for (let i = 0; i < owner.length; i++) {
    const day = days[i] as number;
    if (day <= fromDay || day > untilDay || (amounts[i] as number) < 0) continue;
    pairs[n++] = (owner[i] as number) * span + (day - fromDay);
  }
  pairs.sort();
  const purchases = new Int32Array(ids.length);
  for (let k = 0; k < n; k++) {
    if (k > 0 && pairs[k] === pairs[k - 1]) continue;
    const c = Math.floor((pairs[k] as number) / span);
    purchases[c] = (purchases[c] as number) + 1;
  }
  return { purchases, revenue, buyers };
}
