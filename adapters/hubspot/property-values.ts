// Reading HubSpot property values, which the API always sends as strings (or null), in the formats
// HubSpot documents (CRM properties guide, "Property values"): number "1234.5"; date "YYYY-MM-DD"
// (midnight UTC); datetime ISO 8601 with a zone ("2026-11-01T10:00:00.000Z") or epoch milliseconds.
// Anything else is Unreadable, with what was expected (a kind core/i18n words), for a per-record report.
import { isoFromUtcDate, isIsoDate } from '../../core/dates.ts';
import type { ExpectedKind } from '../../core/problems.ts';
import { WORDS } from '../../core/i18n/index.ts';

export class Unreadable {
  readonly kind: ExpectedKind;
  constructor(kind: ExpectedKind) {
    this.kind = kind;
  }

  /** What was expected, in English. */
  get expected(): string {
    return WORDS.en.problems.expected[this.kind];
  }
}

const blank = (value: string | null | undefined): value is null | undefined | '' => value === null || value === undefined || value === '';

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A number property: digits, a dot for decimals, no thousands separators, finite. */
export function readNumber(value: string | null | undefined): number | null | Unreadable {
  if (blank(value)) return null;
  if (!NUMBER.test(value)) return new Unreadable('hubspotNumber');
  const n = Number(value);
  return Number.isFinite(n) ? n : new Unreadable('finiteNumber');
}

/** An amount of money that must not be negative (HubSpot's total revenue sums closed-won deals). */
export function readRevenue(value: string | null | undefined): number | null | Unreadable {
  const n = readNumber(value);
  if (typeof n === 'number' && n < 0) return new Unreadable('revenue');
  return n;
}

/** A count (e.g. number of associated deals): a whole number, 0 or more ("3.0" is 3). */
export function readCount(value: string | null | undefined): number | null | Unreadable {
  const n = readNumber(value);
  if (n === null || n instanceof Unreadable) return n;
  return Number.isSafeInteger(n) && n >= 0 ? n : new Unreadable('wholeNumber');
}

/** A score from 0 to 10 (NPS, satisfaction). */
export function readScore(value: string | null | undefined): number | null | Unreadable {
  const n = readNumber(value);
  if (n === null || n instanceof Unreadable) return n;
  return n >= 0 && n <= 10 ? n : new Unreadable('scoreRange');
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
    if (value.length === 10) return new Unreadable('epochSeconds');
    if (value.length < 12 || value.length > 13) return new Unreadable('hubspotDate');
    return isoFromUtcDate(new Date(Number(value))) ?? new Unreadable('isoDate');
  }
  if (value.length === 10) return isIsoDate(value) ? value : new Unreadable('realDate');
  const m = DATETIME.exec(value);
  if (m === null || !isIsoDate(m[1] as string)) return new Unreadable('isoDatetime');
  return isoFromUtcDate(new Date(value)) ?? new Unreadable('isoDate');
}
