// Checks customers handed to scoreCustomers against CustomerSchema. The schema is the contract and
// the source of every message; this fast path exists because parsing a million objects with zod
// takes seconds (measured ~5 µs each), and most rows are fine. test/core/customer-guard.test.ts
// checks with random inputs that both always agree.
import { CustomerSchema, type Customer } from './schema/customer.ts';
import { isIsoDate, isoFromUtcDate } from './dates.ts';

const TEXT_FIELDS = ['name', 'email', 'region', 'owner'] as const;
const DATE_FIELDS = ['firstPurchase', 'lastPurchase', 'lastContact', 'renewalDate'] as const;
const COUNT_FIELDS = ['orders', 'purchaseDays', 'recentOrders', 'previousOrders', 'recentContacts', 'previousContacts'] as const;
const MONEY_FIELDS = ['totalSpend', 'repeatSpendMean', 'recentSpend', 'previousSpend'] as const;
const SCORE_FIELDS = ['nps', 'previousNps', 'satisfaction'] as const;

export type GuardedCustomer = { ok: true; customer: Customer } | { ok: false; error: string };

function fastDate(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return isIsoDate(trimmed) ? trimmed : undefined;
  }
  if (value instanceof Date) return isoFromUtcDate(value) ?? undefined;
  return undefined;
}

/** The fast path: the parsed customer, or undefined when anything is off (then zod decides and explains). */
function fastParse(input: unknown): Customer | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const record = input as Record<string, unknown>;
  const id = record['id'];
  if (typeof id !== 'string') return undefined;
  const trimmedId = id.trim();
  if (trimmedId.length === 0) return undefined;
  const out: Record<string, unknown> = { id: trimmedId };
  for (const field of TEXT_FIELDS) {
    const v = record[field];
    if (v === undefined || v === null) out[field] = null;
    else if (typeof v === 'string') out[field] = v;
    else return undefined;
  }
  for (const field of DATE_FIELDS) {
    const v = fastDate(record[field]);
    if (v === undefined) return undefined;
    out[field] = v;
  }
  for (const field of COUNT_FIELDS) {
    const v = record[field];
    if (v === undefined || v === null) out[field] = null;
    else if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[field] = v;
    else return undefined;
  }
  for (const field of MONEY_FIELDS) {
    const v = record[field];
    if (v === undefined || v === null) out[field] = null;
    else if (typeof v === 'number' && Number.isFinite(v)) out[field] = v;
    else return undefined;
  }
  for (const field of SCORE_FIELDS) {
    const v = record[field];
    if (v === undefined || v === null) out[field] = null;
    else if (typeof v === 'number' && v >= 0 && v <= 10) out[field] = v;
    else return undefined;
  }
  const gap = record['usualGapDays'];
  if (gap === undefined || gap === null) out['usualGapDays'] = null;
  else if (typeof gap === 'number' && gap > 0 && Number.isFinite(gap)) out['usualGapDays'] = gap;
  else return undefined;
  const competitor = record['askedAboutCompetitor'];
  if (competitor === undefined || competitor === null) out['askedAboutCompetitor'] = null;
  else if (typeof competitor === 'boolean') out['askedAboutCompetitor'] = competitor;
  else return undefined;
  return out as Customer;
}

export function guardCustomer(input: unknown): GuardedCustomer {
  const fast = fastParse(input);
  if (fast !== undefined) return { ok: true, customer: fast };
  const parsed = CustomerSchema.safeParse(input);
  if (parsed.success) return { ok: true, customer: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const message = issue?.message ?? 'is not a customer record';
  return { ok: false, error: field ? `${field}: ${message}` : message };
}
