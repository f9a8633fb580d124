// The backtest's arithmetic: score as of a past date with only the orders up to it, and pair each
// scored customer with what they did in the horizon after it (purchase days and revenue), beside
// BG/NBD's forecast for the same horizon (the literature's comparison). The CLI only reads and prints.
import type { Order } from '../schema/order.ts';
import type { Options } from '../schema/options.ts';
import { OrderAggregator } from '../aggregate-orders.ts';
import { scoreCustomers } from '../score.ts';
import { dayNumber } from '../dates.ts';
import { DAYS_PER_UNIT, historyOf } from './estimate.ts';
import { compress } from './history.ts';
import { bgnbdExpectedPurchases, fitBgNbd } from './bgnbd.ts';
import { ModelFitError, type FitFailure } from './fit-error.ts';
import type { BacktestCustomer } from './backtest.ts';

export interface BacktestCustomers {
  rows: BacktestCustomer[];
  /** Customers with an order in (asOf, asOf + horizon]: none means the file ends before the horizon. */
  buyersAfter: number;
  /** Why the BG/NBD comparison is left out, when it is (worded by the host: ModelNoteWords.fitFailure). */
  bgnbdFailure: FitFailure | null;
}

/** `options` carry the as-of date and expectedPurchasesDays = the horizon, so churn risk asks what is checked. */
export function backtestCustomers(orders: readonly Order[], options: Options): BacktestCustomers {
  const asOfDay = dayNumber(options.asOf);
  const horizon = options.expectedPurchasesDays;
  const untilDay = asOfDay + horizon;
  // What each customer did after the as-of date, within the horizon: a purchase is a day with a
  // non-negative order; refunds count against revenue.
  const after = new Map<string, { days: Set<number>; revenue: number }>();
  for (const o of orders) {
    const day = dayNumber(o.date);
    if (day <= asOfDay || day > untilDay) continue;
    let entry = after.get(o.customerId);
    if (entry === undefined) after.set(o.customerId, (entry = { days: new Set(), revenue: 0 }));
    if (o.amount >= 0) entry.days.add(day);
    entry.revenue += o.amount;
  }
  if (after.size === 0) return { rows: [], buyersAfter: 0, bgnbdFailure: null };

  const aggregator = new OrderAggregator(options);
  for (const o of orders) aggregator.add(o);
  const customers = aggregator.finish();
  const results = scoreCustomers(customers, options);
  const histories = customers.map((c) => historyOf(c, asOfDay));
  let expected: (number | null)[] = histories.map(() => null);
  let bgnbdFailure: FitFailure | null = null;
  try {
    // BG/NBD on every customer, as `model fit` does.
    const bgnbd = fitBgNbd(compress(histories)).params;
    expected = histories.map((h) => (h === null ? null : bgnbdExpectedPurchases(bgnbd, h, horizon / DAYS_PER_UNIT)));
  } catch (error) {
    if (!(error instanceof ModelFitError)) throw error;
    bgnbdFailure = error.failure;
  }
  const rows: BacktestCustomer[] = [];
  customers.forEach((c, i) => {
    const result = results[i];
    if (result === undefined || c.lastPurchase === null) return;
    const outcome = after.get(c.id);
    rows.push({
      result,
      daysSinceLast: asOfDay - dayNumber(c.lastPurchase),
      expectedPurchases: expected[i] ?? null,
      outcome: { purchases: outcome?.days.size ?? 0, revenue: outcome?.revenue ?? 0 },
    });
  });
  return { rows, buyersAfter: after.size, bgnbdFailure };
}
