// aggregateOrders: one row per order → one customer per id, in order of first appearance.
// Refunds (negative amounts) net against spend but are not purchases; orders after the as-of date
// are left out, so a past as-of date looks back at history as it was then.
import { OptionsSchema, type OptionsInput } from './schema/options.ts';
import type { Customer } from './schema/customer.ts';
import type { Order } from './schema/order.ts';
import { dayNumber, isoFromDayNumber } from './dates.ts';

interface Totals {
  id: string;
  name: string | null;
  email: string | null;
  region: string | null;
  owner: string | null;
}

/** Day numbers of ISO dates, cached: order files repeat the same few thousand dates millions of times. */
function dayParser(): (iso: string, index: number) => number {
  const cache = new Map<string, number>();
  return (iso, index) => {
    let day = cache.get(iso);
    if (day === undefined) {
      try {
        day = dayNumber(iso);
      } catch (error) {
        throw new RangeError(`order ${index + 1}: ${(error as Error).message}`);
      }
      cache.set(iso, day);
    }
    return day;
  };
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function aggregateOrders(orders: readonly Order[], optionsInput: OptionsInput): Customer[] {
  const options = OptionsSchema.parse(optionsInput);
  const asOfDay = dayNumber(options.asOf);
  const recentFrom = asOfDay - options.periodDays; // recent period: (recentFrom, asOf]
  const previousFrom = recentFrom - options.periodDays; // previous period: (previousFrom, recentFrom]
  const toDay = dayParser();

  // Pass 1: customer index per order (first appearance order), day and amount in flat arrays.
  const index = new Map<string, number>();
  const people: Totals[] = [];
  const n = orders.length;
  const owner = new Int32Array(n);
  const days = new Int32Array(n);
  const amounts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const order = orders[i] as Order;
    let c = index.get(order.customerId);
    if (c === undefined) {
      c = people.length;
      index.set(order.customerId, c);
      people.push({ id: order.customerId, name: null, email: null, region: null, owner: null });
    }
    const person = people[c] as Totals;
    // The latest non-empty contact details win, as in a CRM.
    if (order.name) person.name = order.name;
    if (order.email) person.email = order.email;
    if (order.region) person.region = order.region;
    if (order.owner) person.owner = order.owner;
    owner[i] = c;
    days[i] = toDay(order.date, i);
    amounts[i] = order.amount;
  }

  // Pass 2: group order positions by customer (counting sort keeps file order within a customer).
  const k = people.length;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) {
    const slot = (owner[i] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let c = 0; c < k; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, k);
  const byCustomer = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = owner[i] as number;
    const at = fill[c] as number;
    byCustomer[at] = i;
    fill[c] = at + 1;
  }

  // Pass 3: one customer record from each group.
  const customers: Customer[] = new Array<Customer>(k);
  for (let c = 0; c < k; c++) {
    const spendByDay = new Map<number, number>();
    let count = 0;
    let total = 0;
    let recentOrders = 0;
    let previousOrders = 0;
    let recentSpend = 0;
    let previousSpend = 0;
    for (let p = start[c] as number; p < (start[c + 1] as number); p++) {
      const i = byCustomer[p] as number;
      const day = days[i] as number;
      if (day > asOfDay) continue;
      const amount = amounts[i] as number;
      total += amount;
      if (day > recentFrom) recentSpend += amount;
      else if (day > previousFrom) previousSpend += amount;
      if (amount < 0) continue; // a refund: less spend, not a purchase
      count++;
      if (day > recentFrom) recentOrders++;
      else if (day > previousFrom) previousOrders++;
      spendByDay.set(day, (spendByDay.get(day) ?? 0) + amount);
    }
    const purchaseDays = [...spendByDay.keys()].sort((a, b) => a - b);
    const first = purchaseDays[0];
    const last = purchaseDays[purchaseDays.length - 1];
    const gaps: number[] = [];
    for (let d = 1; d < purchaseDays.length; d++) gaps.push((purchaseDays[d] as number) - (purchaseDays[d - 1] as number));
    gaps.sort((a, b) => a - b);
    let repeatSpend = 0;
    for (let d = 1; d < purchaseDays.length; d++) repeatSpend += spendByDay.get(purchaseDays[d] as number) as number;
    const person = people[c] as Totals;
    customers[c] = {
      ...person,
      firstPurchase: first === undefined ? null : isoFromDayNumber(first),
      lastPurchase: last === undefined ? null : isoFromDayNumber(last),
      orders: count,
      purchaseDays: purchaseDays.length,
      totalSpend: Math.round(total * 100) / 100,
      repeatSpendMean: purchaseDays.length > 1 ? repeatSpend / (purchaseDays.length - 1) : null,
      usualGapDays: gaps.length > 0 ? Math.max(median(gaps), 1) : null,
      recentOrders,
      previousOrders,
      recentSpend: Math.round(recentSpend * 100) / 100,
      previousSpend: Math.round(previousSpend * 100) / 100,
      nps: null,
      previousNps: null,
      satisfaction: null,
      lastContact: null,
      recentContacts: null,
      previousContacts: null,
      askedAboutCompetitor: null,
      renewalDate: null,
    };
  }
  return customers;
}
