// A customer's first and last purchase as day numbers, read once per customer: the scorer needs
// them for validation, RFM, rhythm and lifecycle, and a million customers make re-reading add up.
import type { Customer } from './schema/customer.ts';
import { dayNumber } from './dates.ts';

export interface PurchaseDays {
  /** Day number of the first purchase, NaN when unknown. */
  first: number;
  /** Day number of the last purchase, NaN when unknown. */
  last: number;
}

/** The customer's purchase days, written into `into` when given (the scorer reuses one). */
export function purchaseDaysOf(customer: Customer, into: PurchaseDays = { first: NaN, last: NaN }): PurchaseDays {
  into.first = customer.firstPurchase === null ? NaN : dayNumber(customer.firstPurchase);
  into.last = customer.lastPurchase === null ? NaN : dayNumber(customer.lastPurchase);
  return into;
}
