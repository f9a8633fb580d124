// Reading HubSpot property values, which the API always sends as strings (or null), in the formats
// HubSpot documents (CRM properties guide, "Property values"): number "1234.5"; date "YYYY-MM-DD"
// (midnight UTC); datetime ISO 8601 with a zone ("2026-11-01T10:00:00.000Z") or epoch milliseconds.
// Anything else is Unreadable, with what was expected in words, for a per-record report.
import { isoFromUtcDate, isIsoDate } from '../../core/dates.ts';

export class Unreadable {
  readonly expected: string;
  constructor(expected: string) {
    this.expected = expected;
  }
}

const blank = (value: string | null | undefined): value is null | undefined | '' => value === null || value === undefined || value === '';

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A number property: digits, a dot for decimals, no thousands separators, finite. */
export function readNumber(value: string | null | undefined): number | null | Unreadable {
  if (blank(value)) return null;
  if (!NUMBER.test(value)) return new Unreadable('a number as HubSpot sends it (expected e.g. 1234.50, no thousands separators)');
  const n = Number(value);
  return Number.isFinite(n) ? n : new Unreadable('a finite number (expected e.g. 1234.50)');
}

/** An amount of money that must not be negative (HubSpot's total revenue sums closed-won deals). */
export function readRevenue(value: string | null | undefined): number | null | Unreadable {
  const n = readNumber(value);
  if (typeof n === 'number' && n < 0) return new Unreadable('a revenue of 0 or more (a negative total usually means a refund deal counted as won; check the record\'s deals)');
  return n;
}

/** A count (e.g. number of associated deals): a whole number, 0 or more ("3.0" is 3). */
export function readCount(value: string | null | undefined): number | null | Unreadable {
  const n = readNumber(value);
  if (n === null || n instanceof Unreadable) return n;
  return Number.isSafeInteger(n) && n >= 0 ? n : new Unreadable('a whole number, 0 or more (expected e.g. 12)');
}

/** A score from 0 to 10 (NPS, satisfaction). */
export function readScore(value: string | null | undefined): number | null | Unreadable {
  const n = readNumber(value);
  if (n === null || n instanceof Unreadable) return n;
  return n >= 0 && n <= 10 ? n : new Unreadable('a score from 0 to 10');
}

/**
 * A date or datetime property → its day, YYYY-MM-DD. One instant is one day whatever its notation:
 * an offset is applied, so "2026-11-01T23:30:00-05:00" is 2026-11-02, like its epoch milliseconds
 * and HubSpot's own "…Z" form. Ten digits are epoch seconds, which HubSpot never sends: refused,
 * rather than read as a day in January 1970.
 */
export function readDay(value: string | null | undefined): string | null | Unreadable {
  if (blank(value)) return null;
  if (/^\d+$/.test(value)) {
    if (value.length === 10) return new Unreadable('a date; this looks like seconds since 1970, and HubSpot sends milliseconds (13 digits) or YYYY-MM-DD');
    if (value.length < 12 || value.length > 13) return new Unreadable('a date (expected YYYY-MM-DD, an ISO datetime, or epoch milliseconds)');
    return isoFromUtcDate(new Date(Number(value))) ?? new Unreadable('a date (expected YYYY-MM-DD)');
  }
  if (value.length === 10) return isIsoDate(value) ? value : new Unreadable('a date that exists (expected YYYY-MM-DD)');
  const m = DATETIME.exec(value);
  if (m === null || !isIsoDate(m[1] as string)) return new Unreadable('a date (expected YYYY-MM-DD or an ISO datetime with a zone, e.g. 2026-11-01T10:00:00Z)');
  return isoFromUtcDate(new Date(value)) ?? new Unreadable('a date (expected YYYY-MM-DD)');
}
