// Orders as columns in the order given: each order's customer (a position into `ids`, the customers
// in order of first appearance), day number and amount. What an OrderAggregator keeps of a file read
// in pieces (OrderAggregator.orders()), and what the model commands read instead of an Order object
// per order (10M orders: ~160 MB of typed arrays against ~1.5 GB of objects). Each function here gives
// exactly what its list counterpart gives (named beside it), so the models see the same numbers.
import type { Order } from './schema/order.ts';
import type { Customer } from './schema/customer.ts';
import type { OptionsInput } from './schema/options.ts';
import type { OrderLog } from './churn/learned/order-log.ts';
import { OrderAggregator } from './aggregate-orders.ts';
import { dayNumber, isoFromDayNumber, parseIsoDay } from './dates.ts';
import { sortByDay } from './sort-by-day.ts';

export interface OrderColumns {
  /** Customer ids, in order of first appearance. */
  ids: string[];
  /** Order i is of customer owner[i], on day days[i], of amounts[i]. */
  owner: Int32Array;
  days: Int32Array;
  amounts: Float64Array;
}

/** A list's orders as columns. Contact details are not kept: the models never read them. */
export function orderColumnsOf(orders: readonly Order[]): OrderColumns {
  const at = new Map<string, number>();
  const ids: string[] = [];
  const owner = new Int32Array(orders.length);
  const days = new Int32Array(orders.length);
  const amounts = new Float64Array(orders.length);
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as Order;
    let c = at.get(o.customerId);
    if (c === undefined) {
      c = ids.length;
      at.set(o.customerId, c);
      ids.push(o.customerId);
    }
    const day = parseIsoDay(o.date);
    // As orderLogOf says it: the list's dates were checked when read, so this is a caller's bug.
    if (Number.isNaN(day)) throw new RangeError(`order ${i + 1}: date "${o.date}" is not a valid YYYY-MM-DD date`);
    owner[i] = c;
    days[i] = day;
    amounts[i] = o.amount;
  }
  return { ids, owner, days, amounts };
}

/**
 * Every order added, in order, to an aggregator with these options (its as-of date leaves later orders
 * out of each customer's figures): the customers of `for (o of orders) aggregator.add(o)`, all of them,
 * in the same order, with no contact details.
 */
export function aggregatorOf(columns: OrderColumns, options: OptionsInput): OrderAggregator {
  const aggregator = new OrderAggregator(options);
  const positions = new Int32Array(columns.ids.length);
  for (let c = 0; c < columns.ids.length; c++) positions[c] = aggregator.customer(columns.ids[c] as string);
  aggregator.addOrdersOf(positions, columns.owner, columns.days, columns.amounts);
  return aggregator;
}

/** aggregateOrders(the orders dated up to `asOf`, { ...options, asOf }): the customers in order of their first such order. */
export function customersUpTo(columns: OrderColumns, asOf: string, options: Omit<OptionsInput, 'asOf'>): Customer[] {
  const { ids, owner, days, amounts } = columns;
  const asOfDay = dayNumber(asOf);
  const aggregator = new OrderAggregator({ ...options, asOf });
  const position = new Int32Array(ids.length).fill(-1);
  for (let i = 0; i < owner.length; i++) {
    const day = days[i] as number;
    if (day > asOfDay) continue;
    const c = owner[i] as number;
    let p = position[c] as number;
    if (p < 0) position[c] = p = aggregator.customer(ids[c] as string);
    aggregator.addOrderOf(p, day, amounts[i] as number);
  }
  return aggregator.finish();
}

/** The orders dated up to `asOf` as Order objects, in order, only those of the customers `keep` accepts when it is given (no contact details). */
export function ordersUpTo(columns: OrderColumns, asOf: string, keep?: (customerId: string) => boolean): Order[] {
  const { ids, owner, days, amounts } = columns;
  const asOfDay = dayNumber(asOf);
  // Whether each customer is kept: 0 not asked yet, 1 kept, 2 not.
  const kept = new Uint8Array(ids.length);
  const isoOf = new Map<number, string>();
  const out: Order[] = [];
  for (let i = 0; i < owner.length; i++) {
    const day = days[i] as number;
    if (day > asOfDay) continue;
    const c = owner[i] as number;
    if (keep !== undefined) {
      if (kept[c] === 0) kept[c] = keep(ids[c] as string) ? 1 : 2;
      if (kept[c] === 2) continue;
    }
    let date = isoOf.get(day);
    if (date === undefined) {
      date = isoFromDayNumber(day);
      isoOf.set(day, date);
    }
    out.push({ customerId: ids[c] as string, date, amount: amounts[i] as number, name: null, email: null, region: null, owner: null });
  }
  return out;
}

/** orderLogOf(the orders dated up to asOfDay): customers by first such order, each one's orders sorted by day, the given order breaking ties. */
export function logUpTo(columns: OrderColumns, asOfDay: number): OrderLog {
  const { ids, owner, days, amounts } = columns;
  const at = new Int32Array(ids.length).fill(-1);
  const logIds: string[] = [];
  let n = 0;
  for (let i = 0; i < owner.length; i++) {
    if ((days[i] as number) > asOfDay) continue;
    n++;
    const c = owner[i] as number;
    if ((at[c] as number) < 0) {
      at[c] = logIds.length;
      logIds.push(ids[c] as string);
    }
  }
  const k = logIds.length;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < owner.length; i++) {
    if ((days[i] as number) > asOfDay) continue;
    const slot = (at[owner[i] as number] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let j = 0; j < k; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number);
  const fill = start.slice(0, k);
  const logDays = new Int32Array(n);
  const logAmounts = new Float64Array(n);
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < owner.length; i++) {
    const day = days[i] as number;
    if (day > asOfDay) continue;
    const j = at[owner[i] as number] as number;
    const p = fill[j] as number;
    logDays[p] = day;
    logAmounts[p] = amounts[i] as number;
    fill[j] = p + 1;
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  for (let j = 0; j < k; j++) sortByDay(logDays, logAmounts, start[j] as number, start[j + 1] as number); // as orderLogOf sorts
  return { ids: logIds, start, days: logDays, amounts: logAmounts, firstDay, lastDay };
}
