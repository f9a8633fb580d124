// How each kind of customer field is read from an untyped input: the value CustomerSchema gives for
// it (schema/customer.ts KIND_SCHEMAS), or INVALID where the schema reports an issue; and how a value
// already accepted is read again without checking. test/core/customer-guard.test.ts checks every
// field of the table against the schema with random inputs.
import { isoFromUtcDate, parseIsoDay } from './dates.ts';
import type { FieldKind } from './schema/fields.ts';

/** What a reader returns for a value the schema rejects; undefined and null both mean "not given". */
export const INVALID = Symbol('invalid');
export type FieldRead = (value: unknown) => unknown;

/** "YYYY-MM-DD" from a date the reader accepted: a string with its spaces trimmed, or a Date read in UTC. */
function acceptedDate(v: unknown): string | null {
  if (typeof v === 'string') return v.trim();
  return v instanceof Date ? isoFromUtcDate(v) : null;
}

export const READ_FIELD: Readonly<Record<FieldKind, FieldRead>> = {
  id: (v) => {
    if (typeof v !== 'string') return INVALID;
    const id = v.trim();
    return id.length === 0 ? INVALID : id;
  },
  text: (v) => (v === undefined || v === null ? null : typeof v === 'string' ? v : INVALID),
  date: (v) => {
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') {
      const trimmed = v.trim();
      return Number.isNaN(parseIsoDay(trimmed)) ? INVALID : trimmed;
    }
    return v instanceof Date ? (isoFromUtcDate(v) ?? INVALID) : INVALID;
  },
  // zod's int() counts only safe integers as whole numbers.
  count: (v) => (v === undefined || v === null ? null : typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : INVALID),
  money: (v) => (v === undefined || v === null ? null : typeof v === 'number' && Number.isFinite(v) ? v : INVALID),
  score: (v) => (v === undefined || v === null ? null : typeof v === 'number' && v >= 0 && v <= 10 ? v : INVALID),
  positive: (v) => (v === undefined || v === null ? null : typeof v === 'number' && v > 0 && Number.isFinite(v) ? v : INVALID),
  flag: (v) => (v === undefined || v === null ? null : typeof v === 'boolean' ? v : INVALID),
};

/** A date's day number (NaN when not given), or INVALID: for dates the caller also wants as day numbers, read once. */
export const READ_DAY: FieldRead = (v) => {
  if (v === undefined || v === null) return NaN;
  if (typeof v === 'string') {
    const day = parseIsoDay(v.trim());
    return Number.isNaN(day) ? INVALID : day;
  }
  return v instanceof Date && isoFromUtcDate(v) !== null ? Math.floor(v.getTime() / 86_400_000) : INVALID;
};

const asGiven: FieldRead = (v) => v ?? null;

/** The value again, from an input READ_FIELD accepted. */
export const REREAD_FIELD: Readonly<Record<FieldKind, FieldRead>> = {
  id: (v) => (v as string).trim(),
  text: asGiven,
  date: acceptedDate,
  count: asGiven,
  money: asGiven,
  score: asGiven,
  positive: asGiven,
  flag: asGiven,
};

/** The empty value of a kind in a blank record. */
export const BLANK_FIELD: Readonly<Record<FieldKind, '' | null>> = {
  id: '', text: null, date: null, count: null, money: null, score: null, positive: null, flag: null,
};
