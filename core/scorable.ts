// The one rule for when a customer record can be scored, used by the core and by every adapter
// (a table row, a HubSpot record): its purchase dates lie on or before the as-of date and in order,
// and a record with a purchase date has an order count above 0 and a total spend; a record with
// orders has a purchase date. Cell-level problems (a value that is not a date) come before this.
import type { Customer } from './schema/customer.ts';
import type { PurchaseDays } from './purchase-days.ts';
import type { Problem } from './problems.ts';

export type ScorableFields = Pick<Customer, 'firstPurchase' | 'lastPurchase' | 'orders' | 'purchaseDays' | 'totalSpend'>;

/** Every reason the record cannot be scored, in a fixed order (the core reports the first); null when it can. Allocates only for a problem. */
export function scorabilityProblems(customer: ScorableFields, days: PurchaseDays, asOf: string, asOfDay: number): Problem[] | null {
  const { firstPurchase, lastPurchase, orders, totalSpend } = customer;
  let problems: Problem[] | null = null;
  if (lastPurchase !== null && days.last > asOfDay) (problems ??= []).push({ code: 'afterAsOf', field: 'lastPurchase', value: lastPurchase, asOf });
  if (firstPurchase !== null && days.first > asOfDay) (problems ??= []).push({ code: 'afterAsOf', field: 'firstPurchase', value: firstPurchase, asOf });
  if (firstPurchase !== null && lastPurchase !== null && days.first > days.last) {
    (problems ??= []).push({ code: 'firstAfterLast', field: 'firstPurchase', value: firstPurchase, last: lastPurchase });
  }
  const count = orders ?? customer.purchaseDays;
  if (lastPurchase === null) {
    if (count !== null && count > 0) (problems ??= []).push({ code: 'ordersWithoutDate', field: 'lastPurchase', value: null, orders: count });
    return problems;
  }
  if (count === null) (problems ??= []).push({ code: 'dateWithoutOrders', field: 'orders', value: null, date: lastPurchase });
  else if (count === 0) (problems ??= []).push({ code: 'dateWithZeroOrders', field: 'orders', value: '0', date: lastPurchase });
  if (totalSpend === null) (problems ??= []).push({ code: 'dateWithoutSpend', field: 'totalSpend', value: null, date: lastPurchase });
  return problems;
}
