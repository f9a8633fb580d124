// The orders of a file read in pieces, as the churn models read them (core/order-history.ts), from the
// aggregator's typed arrays: no Order object per order is kept. As of the aggregator's own date with
// no later order (the usual case), the log is the aggregator's regrouping (OrderAggregator.logAsOf),
// shared as it is; otherwise it is built from the columns (core/order-columns.ts logUpTo).
import type { OrderAggregator } from '../../core/aggregate-orders.ts';
import { orderHistoryOfColumns, type OrderHistory } from '../../core/order-history.ts';

export function orderHistoryFromColumns(aggregator: OrderAggregator): OrderHistory {
  return orderHistoryOfColumns(() => aggregator.orders(), (asOfDay) => aggregator.logAsOf(asOfDay));
}
