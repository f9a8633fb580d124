// Calendar dates as ISO strings at the edges and whole day numbers inside (days since 1970-01-01, UTC).
// The core never reads the clock: every "today" is the caller's as-of date.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidCivil(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (MONTH_LENGTHS[month - 1] as number);
}

/** Day number of "YYYY-MM-DD" read character by character, or NaN when it is not a real date (no regex, no allocation: this runs millions of times). */
export function parseIsoDay(iso: string): number {
  return iso.length === 10 ? isoDayAt(iso, 0) : NaN;
}

/** parseIsoDay of text[at, at + 10), read in place: a reader of a whole file's text need not cut the date out. */
export function isoDayAt(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return NaN;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = text.charCodeAt(at + i) - 48;
    if (d < 0 || d > 9) return NaN;
    year = year * 10 + d;
  }
  const m1 = text.charCodeAt(at + 5) - 48;
  const m2 = text.charCodeAt(at + 6) - 48;
  const d1 = text.charCodeAt(at + 8) - 48;
  const d2 = text.charCodeAt(at + 9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  return isValidCivil(year, month, day) ? daysFromCivil(year, month, day) : NaN;
}

/** Day number of an ISO date; throws on anything that is not a real YYYY-MM-DD date. */
export function dayNumber(iso: IsoDate): number {
  const day = parseIsoDay(iso);
  if (Number.isNaN(day)) {
    throw new RangeError(ISO_DATE.test(iso) ? `"${iso}" is not a calendar date` : `"${iso}" is not a date in YYYY-MM-DD form`);
  }
  return day;
}

export function isIsoDate(value: string): boolean {
  return !Number.isNaN(parseIsoDay(value));
}

const isoCache = new Map<number, IsoDate>();

/** ISO date of a day number (inverse of dayNumber); remembered, as results repeat the same follow-up dates. */
export function isoFromDayNumber(days: number): IsoDate {
  let iso = isoCache.get(days);
  if (iso === undefined) {
    iso = civilFromDays(days);
    if (isoCache.size >= 100_000) isoCache.clear();
    isoCache.set(days, iso);
  }
  return iso;
}

function civilFromDays(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** ISO date of a JavaScript Date, read in UTC (hosts convert local dates before calling); null for invalid Dates or years outside 1-9999. */
export function isoFromUtcDate(date: Date): IsoDate | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  return isoFromDayNumber(Math.floor(time / 86_400_000));
}
