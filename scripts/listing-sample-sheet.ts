// A sample CSV as a spreadsheet holds it after File ▸ Import, for the listing screenshots.
import { readFileSync } from 'node:fs';
import { parseDelimited } from '../adapters/table/csv.ts';

type Value = string | number | boolean | Date;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A CSV cell as File ▸ Import gives it to an en-US spreadsheet with "convert text to numbers and
 * dates" on: plain numbers and ISO or M/D/YYYY dates become values, anything else stays text.
 */
export function importedCell(text: string): Value {
  if (NUMBER.test(text)) return Number(text);
  const iso = ISO_DATE.exec(text);
  if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  const us = US_DATE.exec(text);
  if (us) return new Date(Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2])));
  return text;
}

/**
 * The sample file as a sheet. customers.csv opens with an export title line; a sheet starts with its
 * header row, so lines before the first line with as many cells as the widest are left out.
 */
export function sheetFromCsv(path: string): Value[][] {
  const rows = parseDelimited(readFileSync(path, 'utf8'));
  const width = Math.max(...rows.map((r) => r.filter((c) => c !== '').length));
  const header = rows.findIndex((r) => r.filter((c) => c !== '').length === width);
  return rows.slice(header).map((row) => row.map(importedCell));
}
