// HubSpot properties → the core's customer fields. Defaults use HubSpot's built-in rollups; the
// config can point any field at another property. Values arrive as strings (or null) and are parsed
// here, so the core gets typed customers.
import { z } from 'zod';
import type { CustomerInput } from '../../core/schema/customer.ts';
import { isIsoDate, isoFromUtcDate } from '../../core/dates.ts';
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

/** A HubSpot date or datetime value (ISO, or epoch milliseconds) → YYYY-MM-DD. */
function date(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (/^\d{10,}$/.test(value)) return isoFromUtcDate(new Date(Number(value)));
  const day = value.slice(0, 10);
  return isIsoDate(day) ? day : null;
}

function num(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** One record → a customer for the core. Unparseable values become null (and the factor is "not judged"). */
export function customerOf(id: string, properties: Record<string, string | null>, mapping: Partial<Record<HubSpotField, string>>): CustomerInput {
  const get = (field: HubSpotField) => {
    const property = mapping[field];
    return property === undefined ? null : (properties[property] ?? null);
  };
  const orders = num(get('orders'));
  const lastPurchase = date(get('lastPurchase'));
  return {
    id,
    name: get('name'),
    email: get('email'),
    owner: get('owner'),
    region: get('region'),
    firstPurchase: date(get('firstPurchase')),
    lastPurchase,
    orders: orders === null ? (lastPurchase === null ? 0 : null) : Math.max(0, Math.round(orders)),
    totalSpend: num(get('totalSpend')) ?? (lastPurchase === null ? null : 0),
    nps: (() => {
      const n = num(get('nps'));
      return n !== null && n >= 0 && n <= 10 ? n : null;
    })(),
    satisfaction: (() => {
      const n = num(get('satisfaction'));
      return n !== null && n >= 0 && n <= 10 ? n : null;
    })(),
    lastContact: date(get('lastContact')),
    renewalDate: date(get('renewalDate')),
  };
}
