// HubSpot properties → the core's customer fields. Defaults use HubSpot's built-in rollups; the
// config can point any field at another property. Values arrive as strings (or null) and are parsed
// here (property-values.ts), so the core gets typed customers and a bad value is reported per record.
import { z } from 'zod';
import type { CustomerInput } from '../../core/schema/customer.ts';
import type { Language } from '../../core/schema/options.ts';
import type { ExpectedKind } from '../../core/problems.ts';
import { WORDS } from '../../core/i18n/index.ts';
import { problemSentence } from '../../core/i18n/problem-text.ts';
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
export interface RecordProblem {
  code: 'unreadable';
  field: HubSpotField;
  property: string;
  value: string;
  expected: ExpectedKind;
}

/** One record read for the core: a customer, or the problems that keep it from being scored (like a bad row). */
export type ReadRecord = { customer: CustomerInput; problems: null } | { customer: null; problems: RecordProblem[] };

/** One record → a customer for the core. A value not in HubSpot's documented format is a problem, never a silent 0 or null. */
export function readRecord(id: string, properties: Record<string, string | null>, mapping: Partial<Record<HubSpotField, string>>): ReadRecord {
  const problems: RecordProblem[] = [];
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

/** "Contact 12: property "total_revenue" is "1,234.50", not a number as HubSpot sends it (…)": the record's reason, in the portal's language. */
export function problemText(object: ObjectType, id: string, problems: RecordProblem[], language: Language = 'en'): string {
  const w = WORDS[language].problems;
  return w.record(object, id, problems.map((p) => problemSentence(p, { at: () => w.property(p.property), quote: quoteValue, kind: 'property' }, w)));
}

/** The problems as the card and the run report show them: property, value, and what was expected in the reader's language. */
export function problemsShown(problems: RecordProblem[], language: Language): { property: string; value: string; expected: string }[] {
  const expected = WORDS[language].problems.expected;
  return problems.map((p) => ({ property: p.property, value: p.value, expected: expected[p.expected] }));
}
