// What keeps a record from being scored, as data: {code, field, value} and what the sentence needs.
// The core and the adapters report these; each host words them for its user (a table by row and
// column, HubSpot by property) in the user's language (core/i18n).
import type { Customer } from './schema/customer.ts';

/** A field of a customer record. */
export type Field = keyof Customer;

/** What a value should have been; core/i18n says each in words. */
export const EXPECTED_KINDS = [
  // Cells of a table (adapters/table/cells.ts).
  'amount', 'amountOrSymbol', 'count', 'score', 'flag', 'date', 'dateSerial',
  // HubSpot property values, in the formats HubSpot documents (adapters/hubspot/property-values.ts).
  'hubspotNumber', 'finiteNumber', 'revenue', 'wholeNumber', 'scoreRange',
  'epochSeconds', 'hubspotDate', 'isoDate', 'realDate', 'isoDatetime',
] as const;
export type ExpectedKind = (typeof EXPECTED_KINDS)[number];

export type Problem =
  | { code: 'emptyId'; field: 'id'; value: '' }
  | { code: 'totalsRow'; field: 'id'; value: string }
  | { code: 'repeatedId'; field: 'id'; value: string; firstRow: number }
  | { code: 'unreadable'; field: Field; value: string; expected: ExpectedKind }
  | { code: 'afterAsOf'; field: Field; value: string; asOf: string }
  | { code: 'firstAfterLast'; field: 'firstPurchase'; value: string; last: string }
  | { code: 'ordersWithoutDate'; field: 'lastPurchase'; value: null; orders: number }
  | { code: 'dateWithoutOrders'; field: 'orders'; value: null; date: string }
  | { code: 'dateWithZeroOrders'; field: 'orders'; value: '0'; date: string }
  | { code: 'dateWithoutSpend'; field: 'totalSpend'; value: null; date: string };

export type ProblemCode = Problem['code'];
