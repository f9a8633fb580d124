// Checks customers handed to scoreCustomers against CustomerSchema. The schema is the contract and
// the source of every message; the fast reader exists because zod's parse is slow on a million
// customers, and most rows are fine (bench/cases/customer-check.ts, 1M customers: fast reader
// ~0.12 s, zod without transforms ~1 s, CustomerSchema ~5.7 s). Both are derived from the field
// table (schema/fields.ts); test/core/customer-guard.test.ts checks on every field that they agree.
import { CustomerSchema, type Customer } from './schema/customer.ts';
import { CUSTOMER_FIELD_TABLE } from './schema/fields.ts';
import { customerReaderOf } from './customer-reader.ts';
import type { PurchaseDays } from './purchase-days.ts';

export type GuardedCustomer = { ok: true; customer: Customer } | { ok: false; error: string };

// The scorer needs the purchase dates as day numbers too: read once, with the check.
const CUSTOMERS = customerReaderOf<Customer, PurchaseDays>(CUSTOMER_FIELD_TABLE, { days: { first: 'firstPurchase', last: 'lastPurchase' } });

/** A customer with every field empty, for rereadCustomer to fill. */
export function blankCustomer(): Customer {
  return CUSTOMERS.blank();
}

/**
 * The fast path: the parsed customer, or undefined when anything is off (then zod decides and
 * explains). When `days` is given, it receives the first and last purchase as day numbers; when
 * `into` is given, the customer is written into it instead of a new object.
 */
export function fastCustomer(input: unknown, days?: PurchaseDays, into?: Customer): Customer | undefined {
  return CUSTOMERS.fast(input, into, days);
}

/**
 * The customer again, from an input `fastCustomer` already accepted, without checking again. The
 * scorer reads each customer once per pass, into one object it reuses (`into`): nothing keeps a
 * customer past its turn, and a million customers made twice were a third of what scoring allocated.
 */
export function rereadCustomer(input: unknown, into?: Customer): Customer {
  return CUSTOMERS.reread(input, into);
}

export function guardCustomer(input: unknown): GuardedCustomer {
  const checked = checkCustomer(input);
  return typeof checked === 'string' ? { ok: false, error: checked } : { ok: true, customer: checked };
}

/** The parsed customer, or what is wrong with the input as a sentence (no wrapper object: this runs per row). */
export function checkCustomer(input: unknown): Customer | string {
  const fast = fastCustomer(input);
  if (fast !== undefined) return fast;
  const parsed = CustomerSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const message = issue?.message ?? 'is not a customer record';
  return field ? `${field}: ${message}` : message;
}
