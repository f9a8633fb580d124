// Checks that need more than one field or the as-of date; each message says what to fix.
import type { Customer } from './schema/customer.ts';
import type { PurchaseDays } from './purchase-days.ts';

export function validationError(customer: Customer, days: PurchaseDays, asOf: string, asOfDay: number): string | null {
  const { firstPurchase, lastPurchase, orders, totalSpend } = customer;
  if (lastPurchase !== null && days.last > asOfDay) {
    return `last purchase ${lastPurchase} is after the as-of date ${asOf}`;
  }
  if (firstPurchase !== null && days.first > asOfDay) {
    return `first purchase ${firstPurchase} is after the as-of date ${asOf}`;
  }
  if (days.first > days.last) {
    return `first purchase ${firstPurchase} is after the last purchase ${lastPurchase}`;
  }
  const count = orders ?? customer.purchaseDays;
  if (lastPurchase === null && count !== null && count > 0) {
    return `has ${count} order${count === 1 ? '' : 's'} but no last purchase date`;
  }
  if (lastPurchase !== null && count === null) return 'has a last purchase date but no number of orders';
  if (lastPurchase !== null && count === 0) return `has a last purchase date (${lastPurchase}) but 0 orders`;
  if (lastPurchase !== null && totalSpend === null) return 'has a last purchase date but no total spend';
  return null;
}
