// Checks customers handed to scoreCustomers against CustomerSchema. The schema is the contract and
// the source of every message; this fast path exists because parsing a million objects with zod
// takes seconds (measured ~5 µs each), and most rows are fine. test/core/customer-guard.test.ts
// checks with random inputs that both always agree.
import { CustomerSchema, type Customer } from './schema/customer.ts';
import { isoFromUtcDate, parseIsoDay } from './dates.ts';
import type { PurchaseDays } from './purchase-days.ts';

export type GuardedCustomer = { ok: true; customer: Customer } | { ok: false; error: string };

// Each reader returns the parsed value, or INVALID; undefined and null both mean "not given".
const INVALID = Symbol('invalid');
type Read<T> = T | null | typeof INVALID;

function text(v: unknown): Read<string> {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : INVALID;
}

/** The day number of the date `date` read last (NaN when none): the scorer needs the purchase days, and parsing them twice shows on a million rows. */
let dayOfLastDate = NaN;

function date(v: unknown): Read<string> {
  dayOfLastDate = NaN;
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') {
    const trimmed = v.trim();
    dayOfLastDate = parseIsoDay(trimmed);
    return Number.isNaN(dayOfLastDate) ? INVALID : trimmed;
  }
  if (v instanceof Date) {
    const iso = isoFromUtcDate(v);
    if (iso === null) return INVALID;
    dayOfLastDate = Math.floor(v.getTime() / 86_400_000);
    return iso;
  }
  return INVALID;
}

function count(v: unknown): Read<number> {
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : INVALID;
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

/**
 * The fast path: the parsed customer, or undefined when anything is off (then zod decides and
 * explains). When `days` is given, it receives the first and last purchase as day numbers; when
 * `into` is given, the customer is written into it instead of a new object.
 */
export function fastCustomer(input: unknown, days?: PurchaseDays, into?: Customer): Customer | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const r = input as Record<string, unknown>;
  const rawId = r['id'];
  if (typeof rawId !== 'string') return undefined;
  const id = rawId.trim();
  if (id.length === 0) return undefined;
  // Each field is read once and checked at once (a bad row stops here, and zod explains it).
  const name = text(r['name']);
  if (name === INVALID) return undefined;
  const email = text(r['email']);
  if (email === INVALID) return undefined;
  const region = text(r['region']);
  if (region === INVALID) return undefined;
  const owner = text(r['owner']);
  if (owner === INVALID) return undefined;
  const firstPurchase = date(r['firstPurchase']);
  if (firstPurchase === INVALID) return undefined;
  const firstDay = dayOfLastDate;
  const lastPurchase = date(r['lastPurchase']);
  if (lastPurchase === INVALID) return undefined;
  const lastDay = dayOfLastDate;
  const orders = count(r['orders']);
  if (orders === INVALID) return undefined;
  const purchaseDays = count(r['purchaseDays']);
  if (purchaseDays === INVALID) return undefined;
  const totalSpend = money(r['totalSpend']);
  if (totalSpend === INVALID) return undefined;
  const repeatSpendMean = money(r['repeatSpendMean']);
  if (repeatSpendMean === INVALID) return undefined;
  const usualGapDays = positive(r['usualGapDays']);
  if (usualGapDays === INVALID) return undefined;
  const recentOrders = count(r['recentOrders']);
  if (recentOrders === INVALID) return undefined;
  const previousOrders = count(r['previousOrders']);
  if (previousOrders === INVALID) return undefined;
  const recentSpend = money(r['recentSpend']);
  if (recentSpend === INVALID) return undefined;
  const previousSpend = money(r['previousSpend']);
  if (previousSpend === INVALID) return undefined;
  const nps = outOfTen(r['nps']);
  if (nps === INVALID) return undefined;
  const previousNps = outOfTen(r['previousNps']);
  if (previousNps === INVALID) return undefined;
  const satisfaction = outOfTen(r['satisfaction']);
  if (satisfaction === INVALID) return undefined;
  const lastContact = date(r['lastContact']);
  if (lastContact === INVALID) return undefined;
  const recentContacts = count(r['recentContacts']);
  if (recentContacts === INVALID) return undefined;
  const previousContacts = count(r['previousContacts']);
  if (previousContacts === INVALID) return undefined;
  const askedAboutCompetitor = flag(r['askedAboutCompetitor']);
  if (askedAboutCompetitor === INVALID) return undefined;
  const renewalDate = date(r['renewalDate']);
  if (renewalDate === INVALID) return undefined;
  if (days !== undefined) {
    days.first = firstDay;
    days.last = lastDay;
  }
  // Written into the caller's object when given (the scorer reuses one), else into a new one.
  const customer = into ?? blankCustomer();
  customer.id = id;
  customer.name = name;
  customer.email = email;
  customer.region = region;
  customer.owner = owner;
  customer.firstPurchase = firstPurchase;
  customer.lastPurchase = lastPurchase;
  customer.orders = orders;
  customer.purchaseDays = purchaseDays;
  customer.totalSpend = totalSpend;
  customer.repeatSpendMean = repeatSpendMean;
  customer.usualGapDays = usualGapDays;
  customer.recentOrders = recentOrders;
  customer.previousOrders = previousOrders;
  customer.recentSpend = recentSpend;
  customer.previousSpend = previousSpend;
  customer.nps = nps;
  customer.previousNps = previousNps;
  customer.satisfaction = satisfaction;
  customer.lastContact = lastContact;
  customer.recentContacts = recentContacts;
  customer.previousContacts = previousContacts;
  customer.askedAboutCompetitor = askedAboutCompetitor;
  customer.renewalDate = renewalDate;
  return customer;
}

/** "YYYY-MM-DD" from a date the fast path accepted: a string with its spaces trimmed, or a Date read in UTC. */
function acceptedDate(v: unknown): string | null {
  if (typeof v === 'string') return v.trim();
  return v instanceof Date ? isoFromUtcDate(v) : null;
}

/** A customer with every field empty, for rereadCustomer to fill. */
export function blankCustomer(): Customer {
  return {
    id: '', name: null, email: null, region: null, owner: null, firstPurchase: null, lastPurchase: null, orders: null,
    purchaseDays: null, totalSpend: null, repeatSpendMean: null, usualGapDays: null, recentOrders: null, previousOrders: null,
    recentSpend: null, previousSpend: null, nps: null, previousNps: null, satisfaction: null, lastContact: null,
    recentContacts: null, previousContacts: null, askedAboutCompetitor: null, renewalDate: null,
  };
}

/**
 * The customer again, from an input `fastCustomer` already accepted, without checking again. The
 * scorer reads each customer once per pass, into one object it reuses (`into`): nothing keeps a
 * customer past its turn, and a million customers made twice were a third of what scoring allocated.
 */
export function rereadCustomer(input: unknown, into: Customer = blankCustomer()): Customer {
  const r = input as Record<string, unknown>;
  into.id = (r['id'] as string).trim();
  into.name = (r['name'] as string | null | undefined) ?? null;
  into.email = (r['email'] as string | null | undefined) ?? null;
  into.region = (r['region'] as string | null | undefined) ?? null;
  into.owner = (r['owner'] as string | null | undefined) ?? null;
  into.firstPurchase = acceptedDate(r['firstPurchase']);
  into.lastPurchase = acceptedDate(r['lastPurchase']);
  into.orders = (r['orders'] as number | null | undefined) ?? null;
  into.purchaseDays = (r['purchaseDays'] as number | null | undefined) ?? null;
  into.totalSpend = (r['totalSpend'] as number | null | undefined) ?? null;
  into.repeatSpendMean = (r['repeatSpendMean'] as number | null | undefined) ?? null;
  into.usualGapDays = (r['usualGapDays'] as number | null | undefined) ?? null;
  into.recentOrders = (r['recentOrders'] as number | null | undefined) ?? null;
  into.previousOrders = (r['previousOrders'] as number | null | undefined) ?? null;
  into.recentSpend = (r['recentSpend'] as number | null | undefined) ?? null;
  into.previousSpend = (r['previousSpend'] as number | null | undefined) ?? null;
  into.nps = (r['nps'] as number | null | undefined) ?? null;
  into.previousNps = (r['previousNps'] as number | null | undefined) ?? null;
  into.satisfaction = (r['satisfaction'] as number | null | undefined) ?? null;
  into.lastContact = acceptedDate(r['lastContact']);
  into.recentContacts = (r['recentContacts'] as number | null | undefined) ?? null;
  into.previousContacts = (r['previousContacts'] as number | null | undefined) ?? null;
  into.askedAboutCompetitor = (r['askedAboutCompetitor'] as boolean | null | undefined) ?? null;
  into.renewalDate = acceptedDate(r['renewalDate']);
  return into;
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
