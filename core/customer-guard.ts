// Checks customers handed to scoreCustomers against CustomerSchema. The schema is the contract and
// the source of every message; this fast path exists because parsing a million objects with zod
// takes seconds (measured ~5 µs each), and most rows are fine. test/core/customer-guard.test.ts
// checks with random inputs that both always agree.
import { CustomerSchema, type Customer } from './schema/customer.ts';
import { isIsoDate, isoFromUtcDate } from './dates.ts';

export type GuardedCustomer = { ok: true; customer: Customer } | { ok: false; error: string };

// Each reader returns the parsed value, or INVALID; undefined and null both mean "not given".
const INVALID = Symbol('invalid');
type Read<T> = T | null | typeof INVALID;

function text(v: unknown): Read<string> {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : INVALID;
}

function date(v: unknown): Read<string> {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') {
    const trimmed = v.trim();
    return isIsoDate(trimmed) ? trimmed : INVALID;
  }
  if (v instanceof Date) return isoFromUtcDate(v) ?? INVALID;
  return INVALID;
}

function count(v: unknown): Read<number> {
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : INVALID;
}

function money(v: unknown): Read<number> {
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && Number.isFinite(v) ? v : INVALID;
}

function outOfTen(v: unknown): Read<number> {
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && v >= 0 && v <= 10 ? v : INVALID;
}

function positive(v: unknown): Read<number> {
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && v > 0 && Number.isFinite(v) ? v : INVALID;
}

function flag(v: unknown): Read<boolean> {
  if (v === undefined || v === null) return null;
  return typeof v === 'boolean' ? v : INVALID;
}

/** The fast path: the parsed customer, or undefined when anything is off (then zod decides and explains). */
function fastParse(input: unknown): Customer | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const r = input as Record<string, unknown>;
  const rawId = r['id'];
  if (typeof rawId !== 'string') return undefined;
  const id = rawId.trim();
  if (id.length === 0) return undefined;
  // One object literal, so every customer shares one hidden class (a million of them are common).
  const customer = {
    id,
    name: text(r['name']),
    email: text(r['email']),
    region: text(r['region']),
    owner: text(r['owner']),
    firstPurchase: date(r['firstPurchase']),
    lastPurchase: date(r['lastPurchase']),
    orders: count(r['orders']),
    purchaseDays: count(r['purchaseDays']),
    totalSpend: money(r['totalSpend']),
    repeatSpendMean: money(r['repeatSpendMean']),
    usualGapDays: positive(r['usualGapDays']),
    recentOrders: count(r['recentOrders']),
    previousOrders: count(r['previousOrders']),
    recentSpend: money(r['recentSpend']),
    previousSpend: money(r['previousSpend']),
    nps: outOfTen(r['nps']),
    previousNps: outOfTen(r['previousNps']),
    satisfaction: outOfTen(r['satisfaction']),
    lastContact: date(r['lastContact']),
    recentContacts: count(r['recentContacts']),
    previousContacts: count(r['previousContacts']),
    askedAboutCompetitor: flag(r['askedAboutCompetitor']),
    renewalDate: date(r['renewalDate']),
  };
  for (const key in customer) if (customer[key as keyof typeof customer] === INVALID) return undefined;
  return customer as Customer;
}

export function guardCustomer(input: unknown): GuardedCustomer {
  const checked = checkCustomer(input);
  return typeof checked === 'string' ? { ok: false, error: checked } : { ok: true, customer: checked };
}

/** The parsed customer, or what is wrong with the input as a sentence (no wrapper object: this runs per row). */
export function checkCustomer(input: unknown): Customer | string {
  const fast = fastParse(input);
  if (fast !== undefined) return fast;
  const parsed = CustomerSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const message = issue?.message ?? 'is not a customer record';
  return field ? `${field}: ${message}` : message;
}
