// Time zones as Apps Script sees them: Utilities.formatDate in any IANA zone, and the Date a
// spreadsheet in a given zone hands the script for a calendar day (midnight in that zone).
// https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
// https://developers.google.com/apps-script/guides/sheets#dates_and_times ("dates are in the spreadsheet's time zone")

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(time: number, timeZone: string): Parts {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    // Throws RangeError for an unknown zone, as Apps Script refuses one.
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(time))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p['year'] ?? 0, month: p['month'] ?? 0, day: p['day'] ?? 0, hour: p['hour'] ?? 0, minute: p['minute'] ?? 0, second: p['second'] ?? 0 };
}

/** Minutes east of UTC of `timeZone` at `time`. */
export function offsetMinutes(time: number, timeZone: string): number {
  const p = partsIn(time, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(time / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The subset of SimpleDateFormat patterns the add-on uses: yyyy MM dd HH mm ss Z. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const time = date.getTime();
  const p = partsIn(time, timeZone);
  const offset = offsetMinutes(time, timeZone);
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss|Z/g, (token) => {
    switch (token) {
      case 'yyyy': return pad(p.year, 4);
      case 'MM': return pad(p.month);
      case 'dd': return pad(p.day);
      case 'HH': return pad(p.hour);
      case 'mm': return pad(p.minute);
      case 'ss': return pad(p.second);
      default: return zone;
    }
  });
}

/** The instant a cell holding `iso` (yyyy-MM-dd, optionally THH:mm) stands for in a sheet in `timeZone`. */
export function sheetDate(iso: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(iso);
  if (!m) throw new Error(`sheetDate: ${iso} is not yyyy-MM-dd[THH:mm]`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  // Two passes settle the offset on DST-change days.
  let time = wall - offsetMinutes(wall, timeZone) * 60_000;
  time = wall - offsetMinutes(time, timeZone) * 60_000;
  return new Date(time);
}
