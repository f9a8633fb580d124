// HubSpot properties → the core's customer fields. Defaults use HubSpot's built-in rollups; the
// config can point any field at another property. Values arrive as strings (or null) and are parsed
// here (property-values.ts), so the core gets typed customers and a bad value is reported per record.
import { z } from 'zod';
import type { CustomerInput } from '../../core/schema/customer.ts';
import type { Language } from '../../core/schema/options.ts';
import type { Problem } from '../../core/problems.ts';
import type { Result } from '../../core/schema/result.ts';
import { WORDS } from '../../core/i18n/index.ts';
import { problemSentence } from '../../core/i18n/problem-text.ts';
import { scorabilityProblems } from '../../core/scorable.ts';
import { dayNumber } from '../../core/dates.ts';
import { readCount, readDay, readRevenue, readScore, Unreadable } from './property-values.ts';
import type { ObjectType } from './api.ts';

export const HUBSPOT_FIELDS = ['name', 'email', 'owner', 'region', 'firstPurchase', 'lastPurchase', 'orders', 'totalSpend', 'nps', 'satisfaction', 'lastContact', 'renewalDate'] as const;
export type HubSpotField = (typeof HUBSPOT_FIELDS)[number];

// HubSpot's deal rollups exist on contacts and companies alike; only the name and email differ.
const ROLLUPS: Partial<Record<HubSpotField, string>> = {
  owner: 'hubspot_owner_id',
  region: 'country',
  firstPurchase: 'first_deal_created_date',
  lastPurchase: 'recent_deal_close_date',
  orders: 'num_associated_deals',
  totalSpend: 'total_revenue',
  lastContact: 'notes_last_contacted',
};

const DEFAULTS: Record<ObjectType, Partial<Record<HubSpotField, string>>> = {
  contacts: { name: 'firstname', email: 'email', ...ROLLUPS },
  companies: { name: 'name', ...ROLLUPS },
};

export const MappingSchema = z.partialRecord(z.enum(HUBSPOT_FIELDS), z.string().min(1)).default({});

export function mappingFor(object: ObjectType, overrides: z.input<typeof MappingSchema> = {}): Partial<Record<HubSpotField, string>> {
  return { ...DEFAULTS[object], ...MappingSchema.parse(overrides) };
}

/** The HubSpot properties to read. */
export function propertiesToRead(mapping: Partial<Record<HubSpotField, string>>): string[] {
  return [...new Set(Object.values(mapping))];
}

/** A value of a record that is not in HubSpot's documented format: the core's problem as data, with the property it came from. */
export type UnreadableValue = Extract<Problem, { code: 'unreadable' }> & { field: HubSpotField; property: string };

/** A problem of a record (core/problems.ts), with the HubSpot property of the field it is about. */
export type RecordProblem = Problem & { property: string };

/** One record read for the core: a customer, or the problems that keep it from being scored (like a bad row). */
export type ReadRecord = { customer: CustomerInput; problems: null } | { customer: null; problems: UnreadableValue[] };

/** One record → a customer for the core. A value not in HubSpot's documented format is a problem, never a silent 0 or null. */
export function readRecord(id: string, properties: Record<string, string | null>, mapping: Partial<Record<HubSpotField, string>>): ReadRecord {
  const problems: UnreadableValue[] = [];
  const raw = (field: HubSpotField) => {
    const property = mapping[field];
    return property === undefined ? null : (properties[property] ?? null);
  };
  const read = <T>(field: HubSpotField, reader: (value: string | null) => T | null | Unreadable): T | null => {
    const value = raw(field);
    const parsed = reader(value);
    if (!(parsed instanceof Unreadable)) return parsed;
    problems.push({ code: 'unreadable', field, property: mapping[field] ?? field, value: value ?? '', expected: parsed.kind });
    return null;
  };
  const lastPurchase = read('lastPurchase', readDay);
  const orders = read('orders', readCount);
  const totalSpend = read('totalSpend', readRevenue);
  const customer: CustomerInput = {
    id,
    name: raw('name'),
    email: raw('email'),
    owner: raw('owner'),
    region: raw('region'),
    firstPurchase: read('firstPurchase', readDay),
    lastPurchase,
    // HubSpot leaves rollups empty when there are no deals: no deals and no date is a prospect, and
    // a record with deals but no closed-won revenue has spent 0. That is what an empty rollup means,
    // not a scorability rule: whether the record can be scored is core/scorable.ts's, in scoreCustomers.
    orders: orders ?? (lastPurchase === null ? 0 : null),
    totalSpend: totalSpend ?? (lastPurchase === null ? null : 0),
    nps: read('nps', readScore),
    satisfaction: read('satisfaction', readScore),
    lastContact: read('lastContact', readDay),
    renewalDate: read('renewalDate', readDay),
  };
  return problems.length === 0 ? { customer, problems: null } : { customer: null, problems };
}

/** A value as quoted in a message: JSON-escaped (no raw newlines or markup), at most 60 characters of it. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
}

/**
 * "Contact 12: property "total_revenue" is "1,234.50", not a number as HubSpot sends it (…)": the
 * record's reason, in the portal's language. Every field a problem names is said by the property the
 * user mapped it to (`mapping`; a problem's own field by its `property`).
 */
export function problemText(object: ObjectType, id: string, problems: readonly RecordProblem[], language: Language = 'en', mapping: Partial<Record<HubSpotField, string>> = {}): string {
  const w = WORDS[language].problems;
  const propertyOf = (p: RecordProblem, field: string) => (field === p.field ? p.property : (mapping[field as HubSpotField] ?? field));
  return w.record(object, id, problems.map((p) => problemSentence(p, { at: (field) => w.property(propertyOf(p, field)), quote: quoteValue, kind: 'property' }, w)));
}

/**
 * Why a record that was read cannot be scored, by the core's one rule (core/scorable.ts: purchase
 * dates on or before the as-of date and in order, a dated record with deals and revenue), each with
 * the property of its field; null when it can be scored. The core says the same of it by field label.
 */
export function unscorable(customer: CustomerInput, mapping: Partial<Record<HubSpotField, string>>, asOf: string): RecordProblem[] | null {
  // readRecord hands over dates as YYYY-MM-DD and counts and amounts as numbers (property-values.ts).
  const fields = customer as { firstPurchase: string | null; lastPurchase: string | null; orders: number | null; purchaseDays?: number | null; totalSpend: number | null };
  const day = (iso: string | null) => (iso === null ? NaN : dayNumber(iso));
  const days = { first: day(fields.firstPurchase), last: day(fields.lastPurchase) };
  const problems = scorabilityProblems({ ...fields, purchaseDays: fields.purchaseDays ?? null }, days, asOf, dayNumber(asOf));
  return problems === null ? null : problems.map((p) => ({ ...p, property: mapping[p.field as HubSpotField] ?? p.field }));
}

/** The core's result of a record it could not score, its reason said by HubSpot property instead of field label (unscorable). */
export function inPropertyTerms(result: Result, customer: CustomerInput, mapping: Partial<Record<HubSpotField, string>>, object: ObjectType, asOf: string, language: Language): Result {
  if (result.error === null) return result;
  const problems = unscorable(customer, mapping, asOf);
  if (problems === null) return result;
  const text = problemText(object, result.id, problems, language, mapping);
  return { ...result, reasons: text, error: text };
}

/** The problems as the card and the run report show them: property, value, and what was expected in the reader's language. */
export function problemsShown(problems: readonly UnreadableValue[], language: Language): { property: string; value: string; expected: string }[] {
  const expected = WORDS[language].problems.expected;
  return problems.map((p) => ({ property: p.property, value: p.value, expected: expected[p.expected] }));
}
