// The orders of a file read in pieces, as the churn models read them (choose.ts's OrderHistory), from
// the aggregator's typed arrays: no Order object per order is kept. The log is exactly what
// orderLogOf builds from the list of orders up to a date (customers by first such order, each one's
// orders sorted by day, file order breaking ties), so the models see the same numbers. As of the
// aggregator's own date with no later order (the usual case), that is the aggregator's regrouping
// (OrderAggregator.logAsOf), shared as it is; otherwise it is built here.
import type { OrderAggregator } from '../../core/aggregate-orders.ts';
import type { OrderHistory } from '../../core/churn/learned/choose.ts';
import type { OrderLog } from '../../core/churn/learned/order-log.ts';
import type { Order } from '../../core/schema/order.ts';
import { dayNumber, isoFromDayNumber } from '../../core/dates.ts';
import { sortByDay } from '../../core/sort-by-day.ts';

export function orderHistoryFromColumns(aggregator: OrderAggregator): OrderHistory {
  return {
    // Built on each call, not kept: the model check only needs it until it has drawn its sample.
    log: (asOf) => aggregator.logAsOf(dayNumber(asOf)) ?? logUpTo(aggregator, dayNumber(asOf)),
    orders(asOf, keep) {
      const { ids, owner, days, amounts } = aggregator.orders();
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
        // Contact details are not read by the models, and the customers they score come from the aggregator.
        out.push({ customerId: ids[c] as string, date, amount: amounts[i] as number, name: null, email: null, region: null, owner: null });
      }
      return out;
    },
  };
}

/** orderLogOf(orders dated up to asOfDay), from the columns. */
function logUpTo(aggregator: OrderAggregator, asOfDay: number): OrderLog {
  const { ids, owner, days, amounts } = aggregator.orders();
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
  for (let j = 0; j < k; j++) {
    const from = start[j] as number;
    const to = start[j + 1] as number;
    sortByDay(logDays, logAmounts, from, to); // as orderLogOf sorts
  }
  return { ids: logIds, start, days: logDays, amounts: logAmounts, firstDay, lastDay };
}
