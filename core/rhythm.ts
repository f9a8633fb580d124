// A customer's own purchase rhythm: the usual number of days between purchases.
import type { Customer } from './schema/customer.ts';
import type { Options } from './schema/options.ts';
import type { PurchaseDays } from './purchase-days.ts';

export interface Rhythm {
  /** Days between purchases used for judging this customer (never below options.lifecycle.minGapDays). */
  gapDays: number;
  /** true: from the customer's own history; false: the default for customers without a rhythm yet. */
  own: boolean;
}

/** The customer's usual gap, from usualGapDays or else from first/last purchase and the purchase count. */
export function ownGapDays(customer: Customer, days: PurchaseDays): number | null {
  if (customer.usualGapDays !== null) return customer.usualGapDays;
  const purchases = customer.purchaseDays ?? customer.orders;
  if (Number.isNaN(days.first) || Number.isNaN(days.last) || purchases === null || purchases < 2) return null;
  const span = days.last - days.first;
  return span > 0 ? span / (purchases - 1) : null;
}

export function rhythmOf(customer: Customer, days: PurchaseDays, lifecycle: Options['lifecycle']): Rhythm {
  const own = ownGapDays(customer, days);
  if (own === null) return { gapDays: lifecycle.defaultGapDays, own: false };
  return { gapDays: Math.max(own, lifecycle.minGapDays), own: true };
}
