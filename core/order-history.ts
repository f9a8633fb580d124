// The orders as the churn models and the backtest read them: a list of Order objects, or columns
// (order-columns.ts) for a big file read in pieces, behind one interface, with the same answers.
import type { Order } from './schema/order.ts';
import type { Customer } from './schema/customer.ts';
import type { OptionsInput } from './schema/options.ts';
import { orderLogOf, type OrderLog } from './churn/learned/order-log.ts';
import { aggregateOrders } from './aggregate-orders.ts';
import { dayNumber } from './dates.ts';
import { customersUpTo, logUpTo, orderColumnsOf, ordersUpTo, type OrderColumns } from './order-columns.ts';

/** An as-of date after every order: history.log(EVERY_DATE) is the log of all of them. */
export const EVERY_DATE = '9999-12-31';

export interface OrderHistory {
  /** orderLogOf(the orders dated up to `asOf`). */
  log(asOf: string): OrderLog;
  /** The orders dated up to `asOf`, in the order given, only those of the customers `keep` accepts when it is given. */
  orders(asOf: string, keep?: (customerId: string) => boolean): Order[];
  /** aggregateOrders(the orders dated up to `asOf`, { ...options, asOf }). */
  customers(asOf: string, options: Omit<OptionsInput, 'asOf'>): Customer[];
  /** Every order as columns, in the order given. */
  columns(): OrderColumns;
}

const upTo = (orders: readonly Order[], iso: string) => orders.filter((o) => o.date <= iso);

export function orderHistoryOf(orders: readonly Order[]): OrderHistory {
  let columns: OrderColumns | null = null;
  return {
    log: (asOf) => orderLogOf(upTo(orders, asOf)),
    orders: (asOf, keep) => (keep === undefined ? upTo(orders, asOf) : upTo(orders, asOf).filter((o) => keep(o.customerId))),
    customers: (asOf, options) => aggregateOrders(upTo(orders, asOf), { ...options, asOf }),
    columns: () => (columns ??= orderColumnsOf(orders)),
  };
}

/**
 * Orders kept as columns, asked for at each use (`columnsNow`: an aggregator trims its arrays when it
 * finishes, and a history holding the untrimmed ones would keep both). `logAsOf`: a log the host has
 * already (OrderAggregator.logAsOf, the aggregator's own regrouping), or null when it has none for that
 * day and it is built from the columns.
 */
export function orderHistoryOfColumns(columnsNow: () => OrderColumns, logAsOf: (asOfDay: number) => OrderLog | null = () => null): OrderHistory {
  return {
    // Built on each call, not kept: the model check only needs it until it has drawn its sample.
    log: (asOf) => logAsOf(dayNumber(asOf)) ?? logUpTo(columnsNow(), dayNumber(asOf)),
    orders: (asOf, keep) => ordersUpTo(columnsNow(), asOf, keep),
    customers: (asOf, options) => customersUpTo(columnsNow(), asOf, options),
    columns: columnsNow,
  };
}

export const asHistory = (orders: readonly Order[] | OrderHistory): OrderHistory => (isOrderList(orders) ? orderHistoryOf(orders) : orders);
const isOrderList = (orders: readonly Order[] | OrderHistory): orders is readonly Order[] => Array.isArray(orders);
