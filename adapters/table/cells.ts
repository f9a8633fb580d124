// Cell values → typed values, with the expectation said in words when a value does not fit.
// Fast, hand-written parsers: a million-row file has tens of millions of cells.
import { daysFromCivil, isIsoDate, isoDayAt, isValidCivil, isoFromDayNumber, isoFromUtcDate, parseIsoDay } from '../../core/dates.ts';
import type { ExpectedKind } from '../../core/problems.ts';
import { WORDS } from '../../core/i18n/index.ts';
import type { Cell } from './contract.ts';

/** A value that does not fit, with what was expected (a kind; core/i18n words it). Only failures allocate. */
export class Invalid {
  readonly kind: ExpectedKind;
  constructor(kind: ExpectedKind) {
    this.kind = kind;
  }

  /** What was expected, in English. */
  get expected(): string {
    return WORDS.en.problems.expected[this.kind];
  }
}

/** The parsed value, null for an empty cell, or Invalid. */
export type Parsed<T> = T | null | Invalid;

const EMPTY = null;
const ok = <T>(value: T): T => value;
const bad = (kind: ExpectedKind): Invalid => new Invalid(kind);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** /^-?\d+(?:\.\d+)?$/ ("12", "-3", "786.36") read by character codes: most number cells are this, and a regex per cell cost more than the rest of reading them. */
export function isSimpleNumber(text: string): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const digitsFrom = i;
  while (i < n && isDigitCode(text.charCodeAt(i))) i++;
  if (i === digitsFrom) return false;
  if (i === n) return true;
  if (text.charCodeAt(i) !== 46 /* . */) return false;
  const fractionFrom = ++i;
  while (i < n && isDigitCode(text.charCodeAt(i))) i++;
  return i === n && i > fractionFrom;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const CURRENCY = /^(?:[$€£¥￥₹₩₽元]|US\$|HK\$|NT\$|A\$|C\$|R\$|RMB|CNY|USD|EUR|GBP|JPY|HKD|AUD|CAD|INR|KRW|CHF|SEK|NOK|DKK)\s*|\s*(?:[$€£¥￥₹₩₽元]|RMB|CNY|USD|EUR|GBP|JPY|HKD|AUD|CAD|INR|KRW|CHF|SEK|NOK|DKK)$/gi;

/** "$1,234.50", "1.234,50 €", "(120.00)", "USD 1,200", "¥1,200", "-3" → number. */
export function parseMoney(cell: Cell): Parsed<number> {
  if (isBlank(cell)) return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : bad('amount');
  if (typeof cell !== 'string') return bad('amount');
  if (isSimpleNumber(cell)) return Number(cell);
  let text = cell.trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  text = text.replace(CURRENCY, '').replace(CURRENCY, '').trim();
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1).trim();
  }
  text = text.replace(CURRENCY, '').trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[0-9.,]+$/.test(text) || !/[0-9]/.test(text)) return bad('amountOrSymbol');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: whichever comes last is the decimal mark ("1,234.50" or "1.234,50").
    normalized = lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // Only commas: thousands when every group after the first has 3 digits ("1,234,567"), else decimal ("12,5").
    normalized = /^\d{1,3}(,\d{3})+$/.test(text) ? text.replace(/,/g, '') : /^\d+,\d{1,2}$/.test(text) ? text.replace(',', '.') : '';
  } else if ((text.match(/\./g) ?? []).length > 1) {
    normalized = /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : '';
  } else {
    normalized = text;
  }
  if (normalized === '' || !/^\d*\.?\d*$/.test(normalized)) return bad('amountOrSymbol');
  const value = Number(normalized);
  if (!Number.isFinite(value)) return bad('amount');
  return ok(negative ? -value : value);
}

/** A whole number ≥ 0 ("12", "1,204", 12). */
export function parseCount(cell: Cell): Parsed<number> {
  if (isBlank(cell)) return EMPTY;
  const value = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(isSimpleNumber(cell) ? cell : cell.trim().replace(/[,\s]/g, '')) : NaN;
  return Number.isSafeInteger(value) && value >= 0 ? ok(value) : bad('count');
}

/** A score from 0 to 10 (NPS, CSAT on 1-5 or 0-10). */
export function parseScore(cell: Cell): Parsed<number> {
  if (isBlank(cell)) return EMPTY;
  // A plain number has nothing to trim and no "/ 10" to drop.
  const value = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(isSimpleNumber(cell) ? cell : cell.trim().replace(/\/\s*(5|10)$/, '')) : NaN;
  return Number.isFinite(value) && value >= 0 && value <= 10 ? ok(value) : bad('score');
}

const YES = new Set(['yes', 'y', 'true', 't', '1', 'x', '✓', '是', '有', '对', 'oui', 'si', 'ja']);
const NO = new Set(['no', 'n', 'false', 'f', '0', '否', '无', '没有', 'non', 'nein']);

export function parseFlag(cell: Cell): Parsed<boolean> {
  if (isBlank(cell)) return EMPTY;
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number') return cell === 1 ? ok(true) : cell === 0 ? ok(false) : bad('flag');
  const text = String(cell).trim().toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad('flag');
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

export type DateOrder = 'mdy' | 'dmy';

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+/i;
const TIME_AFTER = /(?:,?\s+|T)\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?$/;

function iso(year: number, month: number, day: number): string | null {
  return isValidCivil(year, month, day) ? isoFromDayNumber(daysFromCivil(year, month, day)) : null;
}

function fullYear(y: number, digits: number): number {
  return digits <= 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

/** Spreadsheet serial day (1900 date system): 45352 → 2024-03-01; plausible range only. */
function fromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 20000 || serial > 80000) return null;
  return isoFromDayNumber(Math.floor(serial) - 25569);
}

/**
 * A Date from a spreadsheet stands for a calendar day at local midnight in the sheet's time zone.
 * Rounding to the nearest UTC midnight recovers that day for any zone from UTC-12 to UTC+12.
 */
export function isoFromCellDate(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  return isoFromUtcDate(new Date(Math.round(time / 86_400_000) * 86_400_000));
}

/** Slash or dot dates whose first two parts could be either month or day: "3/1/2026". */
export const AMBIGUOUS_DATE = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$/;

/**
 * Parses a date cell. `order` says how to read "3/1/2026": mdy (US) or dmy; the caller infers it per
 * column from values whose first part is over 12 (then it must be the day).
 */
export function parseDate(cell: Cell, order: DateOrder): Parsed<string> {
  // Most date cells are ISO dates: read by character codes, as ISO_DAY and isIsoDate below would.
  if (typeof cell === 'string' && cell.length === 10 && !Number.isNaN(parseIsoDay(cell))) return cell;
  // An ISO date and a time of day ("2026-03-01 14:03:00 -0500", "2026-03-01T14:03:00Z"), as shops
  // export them: the first pattern below would read the date part, by character codes here.
  if (typeof cell === 'string' && cell.length > 10 && isTimeAfterDate(cell) && !Number.isNaN(isoDayAt(cell, 0))) return cell.slice(0, 10);
  if (isBlank(cell)) return EMPTY;
  const expected = 'date';
  if (cell instanceof Date) {
    const value = isoFromCellDate(cell);
    return value === null ? bad(expected) : value;
  }
  if (typeof cell === 'number') {
    if (cell >= 19000101 && cell <= 21001231 && Number.isInteger(cell)) return parseDate(String(cell), order);
    const value = fromSerial(cell);
    return value !== null ? value : bad('dateSerial');
  }
  if (typeof cell !== 'string') return bad(expected);
  if (ISO_DAY.test(cell)) return isIsoDate(cell) ? cell : bad(expected);
  let text = cell.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), expected);
  // "2026年03月01日 14:03": Chinese exports add the time of day.
  m = /^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})[日号]?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), expected);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), expected);
  m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}.*)?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(Number(m[3]), (m[3] ?? '').length);
    return order === 'mdy' ? fromParts(year, a, b, expected) : fromParts(year, b, a, expected);
  }
  // "1 March 2026", "March 1, 2026", "1-Mar-26", "Mar 1 2026"; a weekday before and a time after
  // are dropped ("Sunday, March 1, 2026 2:03 PM", as US locales export long dates).
  if (/^[A-Za-z]/.test(text)) text = text.replace(WEEKDAY, '').replace(TIME_AFTER, '');
  m = /^(\d{1,2})[\s\-]+([A-Za-z]{3,9})\.?[\s\-,]+(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month !== undefined) return fromParts(fullYear(Number(m[3]), (m[3] ?? '').length), month, Number(m[1]), expected);
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month !== undefined) return fromParts(Number(m[3]), month, Number(m[2]), expected);
  }
  if (/^\d+(\.\d+)?$/.test(text)) return parseDate(Number(text), order);
  return bad(expected);
}

/** Whether text[10] is "T", a space or a tab and no line break follows: what (?:[T\s].*)?$ accepts after a date, in part (other spaces go to the pattern). */
function isTimeAfterDate(text: string): boolean {
  const c = text.charCodeAt(10);
  if (c !== 84 /* T */ && c !== 32 && c !== 9) return false;
  for (let i = 11; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === 10 || d === 13 || d === 0x2028 || d === 0x2029) return false;
  }
  return true;
}

function fromParts(year: number, month: number, day: number, expected: ExpectedKind): Parsed<string> {
  const value = iso(year, month, day);
  return value === null ? bad(expected) : value;
}

/** Reads a column's slash dates as day-first when some first part is over 12, month-first when some second part is; both: ambiguous. */
export function inferDateOrder(cells: Iterable<Cell>): DateOrderInference {
  const evidence = new DateOrderEvidence();
  for (const cell of cells) evidence.add(cell);
  return evidence.result();
}

export interface DateOrderInference {
  order: DateOrder;
  ambiguous: boolean;
  evidence: 'dmy' | 'mdy' | 'none' | 'conflict';
}

/** What a column's slash dates showed: a value only valid day-first, one only valid month-first, any slash date at all. */
export interface DateOrderSeen {
  dayFirst: boolean;
  monthFirst: boolean;
  anySlash: boolean;
}

/** inferDateOrder one cell at a time, for a column read in pieces. */
export class DateOrderEvidence {
  private dayFirst = false;
  private monthFirst = false;
  private anySlash = false;

  add(cell: Cell): void {
    if (typeof cell !== 'string') return;
    const m = AMBIGUOUS_DATE.exec(cell.trim());
    if (!m) return;
    this.anySlash = true;
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Only a value that is a valid date one way round is evidence ("31/31/2026" is just wrong).
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) this.dayFirst = true;
    if (b > 12 && b <= 31 && a >= 1 && a <= 12) this.monthFirst = true;
  }

  /** What the column showed so far, as plain data (for a column read in pieces on worker threads). */
  seen(): DateOrderSeen {
    return { dayFirst: this.dayFirst, monthFirst: this.monthFirst, anySlash: this.anySlash };
  }

  /** Adds what another piece of the same column showed: the result is the same as reading both in one go. */
  merge(other: DateOrderSeen): void {
    this.dayFirst ||= other.dayFirst;
    this.monthFirst ||= other.monthFirst;
    this.anySlash ||= other.anySlash;
  }

  result(): DateOrderInference {
    if (this.dayFirst && this.monthFirst) return { order: 'mdy', ambiguous: true, evidence: 'conflict' };
    if (this.dayFirst) return { order: 'dmy', ambiguous: false, evidence: 'dmy' };
    if (this.monthFirst) return { order: 'mdy', ambiguous: false, evidence: 'mdy' };
    return { order: 'mdy', ambiguous: this.anySlash, evidence: 'none' };
  }
}
