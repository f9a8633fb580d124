// Each customer's orders as sorted day numbers with amounts, in typed arrays: what the learned churn
// model reads at several cut-off dates (the aggregated customer row only knows one as-of date).
import type { Order } from '../../schema/order.ts';
import { parseIsoDay } from '../../dates.ts';
import { sortByDay } from '../../sort-by-day.ts';

export interface OrderLog {
  /** Customer ids in order of first appearance (the order aggregateOrders uses). */
  ids: string[];
  /** Customer k's orders are positions start[k] .. start[k + 1] − 1, sorted by day. */
  start: Int32Array;
  days: Int32Array;
  amounts: Float64Array;
  /** The earliest and latest order day. */
  firstDay: number;
  lastDay: number;
  /** Set when the customers are a sample by id hash below this (models/estimate.ts sampleById). */
  hashRange?: number;
}

export function orderLogOf(orders: readonly Order[]): OrderLog {
  const at = new Map<string, number>();
  const ids: string[] = [];
  const owner = new Int32Array(orders.length);
  for (let i = 0; i < orders.length; i++) {
    const id = (orders[i] as Order).customerId;
    let k = at.get(id);
    if (k === undefined) {
      k = ids.length;
      at.set(id, k);
      ids.push(id);
    }
    owner[i] = k;
  }
  const start = new Int32Array(ids.length + 1);
  for (let i = 0; i < orders.length; i++) start[(owner[i] as number) + 1] = (start[(owner[i] as number) + 1] as number) + 1;
  for (let k = 0; k < ids.length; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const fill = start.slice(0, ids.length);
  const days = new Int32Array(orders.length);
  const amounts = new Float64Array(orders.length);
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as Order;
    const day = parseIsoDay(o.date);
    if (Number.isNaN(day)) throw new RangeError(`order ${i + 1}: date "${o.date}" is not a valid YYYY-MM-DD date`);
    const k = owner[i] as number;
    const p = fill[k] as number;
    days[p] = day;
    amounts[p] = o.amount;
    fill[k] = p + 1;
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  for (let k = 0; k < ids.length; k++) {
    const from = start[k] as number;
    const to = start[k + 1] as number;
    sortByDay(days, amounts, from, to);
  }
  return { ids, start, days, amounts, firstDay, lastDay };
}
