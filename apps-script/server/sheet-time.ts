// Dates as the spreadsheet means them. Sheets hands the script a Date for a date cell at midnight
// (or at the cell's time) in the spreadsheet's time zone, not the script's; a calendar day is read
// and written in that zone. The zone's offset is asked of Utilities once per hour of time seen, so a
// column of 200k dates costs a few hundred calls, not 200k.
// https://developers.google.com/apps-script/guides/sheets#dates_and_times
import { daysFromCivil, isoFromDayNumber } from '../../core/dates.ts';
import type { Cell } from '../../adapters/table/contract.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;

export class SheetTime {
  readonly timeZone: string;
  private readonly offsets = new Map<number, number>();
  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }
  /** Minutes east of UTC at `time` ("+0530" → 330). */
  private offsetAt(time: number): number {
    const hour = Math.floor(time / HOUR);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const z = Utilities.formatDate(new Date(hour * HOUR), this.timeZone, 'Z');
      const sign = z.startsWith('-') ? -1 : 1;
      offset = sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
      this.offsets.set(hour, offset);
    }
    return offset;
  }
  /** Days since 1970-01-01 of a cell's Date in the spreadsheet's zone; a date-time keeps its day whatever the hour. */
  dayNumberOf(date: Date): number {
    const time = date.getTime();
    return Math.floor((time + this.offsetAt(time) * 60_000) / DAY);
  }
  /** The calendar day of a cell's Date in the spreadsheet's zone. */
  dayOf(date: Date): string | null {
    const day = this.dayNumberOf(date);
    return Number.isNaN(day) ? null : isoFromDayNumber(day);
  }
  /** Midnight of `iso` in the spreadsheet's zone: written into a cell, Sheets shows that day. */
  dateOf(iso: string): Date {
    const wall = daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) * DAY;
    let time = wall - this.offsetAt(wall) * 60_000;
    time = wall - this.offsetAt(time) * 60_000; // settles days when the clocks change
    return new Date(time);
  }
  /** Today in the spreadsheet's zone. */
  today(now = new Date(Date.now())): string {
    return this.dayOf(now) as string;
  }
}

/**
 * Date cells become their calendar day in the spreadsheet's zone, as a Date at that day's UTC
 * midnight (how the table adapter reads a day, and its fast path: a day string is parsed three
 * times over). One shared Date per day; changed in place, as the rows were read for this run only
 * and a copy of 200k rows would double the memory of the largest step.
 */
export function datesToDays(rows: Cell[][], time: SheetTime): void {
  const days = new Map<number, Date>();
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!(cell instanceof Date)) continue;
      const day = time.dayNumberOf(cell);
      let utc = days.get(day);
      if (utc === undefined) days.set(day, (utc = new Date(day * DAY)));
      row[c] = utc;
    }
  }
}
