// Shared by customer and order tables: header, column mapping, and the per-row walk that reports
// blank rows and repeated header rows instead of dropping them.
import { TableError, type Cell } from './contract.ts';
import { cellText, findHeaderRow } from './header-row.ts';
import { detectColumns } from './headers.ts';
import { profileOf } from './export-profiles.ts';
import { clip, clipList } from './clip.ts';
import type { TableWords } from '../../core/i18n/host-words.ts';
import { WORDS } from '../../core/i18n/index.ts';
import { rowsOf, type Rows, type TableRows } from './table-rows.ts';

export interface Layout<F extends string> {
  headerIndex: number;
  headers: string[];
  mapping: Partial<Record<F, number>>;
  /** The export recognised from its headers (export-profiles.ts), e.g. "Shopify orders export"; null for any other table. */
  source: string | null;
  /** Notes about how the export is read (from its profile). */
  notes: string[];
}

export interface LayoutRules<F extends string> {
  /** customers or orders: which export profiles apply. */
  kind: 'customers' | 'orders';
  /** A required field may be missing when all fields of one of its substitutes are present. */
  substitutes?: Partial<Record<F, readonly (readonly F[])[]>>;
  /** The words of the export profiles' notes and advice, in the options' language. */
  words?: TableWords;
}

/** Required columns the table does not have (the message says which, in the user's language). */
export class MissingColumnsError extends TableError {
  readonly missing: readonly string[];
  constructor(missing: readonly string[], message: string) {
    super(message);
    this.missing = missing;
  }
}

/** A cell that is a value, not a name: digits and no letter in any script (12, 29.33, 19970101, 2026-03-01, $1,200). */
const VALUE = /^[^\p{L}]*\d[^\p{L}]*$/u;

/** Cells of which most are values: a row of data, not of column names. */
function valuesNotNames(cells: readonly string[]): boolean {
  const values = cells.filter((c) => VALUE.test(c)).length;
  // One cell is a title or a date above a report, more likely than a row of data.
  return cells.length >= 2 && values * 2 >= cells.length;
}

export function layoutOf<F extends string>(
  cells: Rows,
  fields: readonly F[],
  required: readonly F[],
  explicit: Readonly<Record<string, string>>,
  kindWord: string,
  rules: LayoutRules<F> = { kind: kindWord === 'order' ? 'orders' : 'customers' },
): Layout<F> {
  // Said in the user's language (core/i18n); English when the caller gives no words.
  const tableWords = rules.words ?? WORDS.en.table;
  const say = tableWords.header;
  const label = (f: F) => say.field(f as never);
  const rows = rowsOf(cells);
  if (allEmpty(rows)) {
    throw new TableError(say.empty(kindWord === 'order' ? 'orders' : 'customers'));
  }
  for (const [field, header] of Object.entries(explicit)) {
    if (!(fields as readonly string[]).includes(field)) {
      throw new TableError(say.unknownField(clip(field, tableWords), clip(header, tableWords), fields));
    }
  }
  const headerIndex = findHeaderRow(rows, fields, 2, explicit);
  if (headerIndex < 0) {
    const seen = rows.row(0).map(cellText).filter((h) => h !== '');
    // A mapping names headers, so it cannot help a file whose first line is already data: say what can.
    if (valuesNotNames(seen)) throw new TableError(say.firstRowIsData(clipList(seen, tableWords), required.map((f) => label(f).replace(/\s+/g, '_'))));
    throw new TableError(say.noHeaderRow(required.map(label), clipList(seen, tableWords), required[0] ?? 'id'));
  }
  const headers = rows.row(headerIndex).map(cellText);
  const recognised = profileOf(headers, rules.kind);
  // The user's mapping beats the export's profile, which beats detection.
  const columns = { ...(recognised?.columns ?? {}), ...explicit };
  const mapping = detectColumns(headers, fields as never[], columns) as Partial<Record<F, number>>;
  const substituted = (f: F) => (rules.substitutes?.[f] ?? []).some((set) => set.every((g) => mapping[g] !== undefined));
  const missing = required.filter((f) => mapping[f] === undefined && !substituted(f));
  if (missing.length > 0) {
    if (recognised?.profile.advice !== undefined) throw new TableError((rules.words ?? WORDS.en.table).profileAdvice[recognised.profile.advice]);
    const explicitMisses = missing.filter((f) => explicit[f] !== undefined).map((f) => ({ header: clip(explicit[f] ?? '', tableWords), field: label(f) }));
    throw new MissingColumnsError(missing, say.missing(missing.map(label), explicitMisses, clipList(headers.filter((h) => h !== ''), tableWords), missing[0] as string));
  }
  const notes = recognised?.profile.note !== undefined && recognised.profile.kind === rules.kind ? [(rules.words ?? WORDS.en.table).profileNote[recognised.profile.note]] : [];
  return { headerIndex, headers, mapping, source: recognised !== null && recognised.profile.kind === rules.kind ? recognised.profile.source : null, notes };
}

export type RowKind = 'data' | 'blank' | 'header';

/** True when the table has no rows, or no cell with any text (asked row by row: the first filled row ends it). */
function allEmpty(rows: TableRows): boolean {
  for (let i = 0; i < rows.length; i++) if (!rows.row(i).every((c) => cellText(c) === '')) return false;
  return true;
}

/** Data rows after the header, skipping only blank rows at the very end of the file. */
export function dataRowRange(cells: Rows, headerIndex: number): [number, number] {
  const rows = rowsOf(cells);
  let end = rows.length;
  while (end > headerIndex + 1 && rows.row(end - 1).every((c) => cellText(c) === '')) end--;
  return [headerIndex + 1, end];
}

// Lines a report writes under its table (Salesforce: "Grand Totals (412 records)", then the report
// title, "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.", "Confidential
// Information - Do Not Distribute", "Generated By: …", the company name). Not customers, not errors.
const FOOTER_MARK = /^(?:grand totals?\b|totals? \(\d[\d,]* records?\)|copyright\b|©|\(c\)|confidential information|generated by\b|report generated|exported (?:on|at|by)\b|合计|总计|导出时间|导出人|报表生成)/i;

/** A row that may belong to a report's footer block (tableBody): at most one filled cell, or a footer mark. */
export function mayBeFooter(row: readonly Cell[]): boolean {
  // filledCells(row) <= 1 || FOOTER_MARK.test(firstText(row)), reading only up to the second filled
  // cell: every data row of a streamed order file asks, and a shop's export has ~40 cells a row.
  let filled = 0;
  let first = '';
  for (let i = 0; i < row.length && filled < 2; i++) {
    const t = cellText(row[i]);
    if (t === '') continue;
    if (filled++ === 0) first = t;
  }
  return filled <= 1 || FOOTER_MARK.test(first);
}

function filledCells(row: readonly Cell[]): number {
  let n = 0;
  for (const c of row) if (cellText(c) !== '') n++;
  return n;
}

function firstText(row: readonly Cell[]): string {
  for (const c of row) {
    const t = cellText(c);
    if (t !== '') return t;
  }
  return '';
}

/**
 * The data rows and the report footer under them, if any: a trailing block of blank or one-cell lines
 * (a "Grand Totals" line may carry sums) that starts at a blank line or a footer mark and holds one.
 */
export function tableBody(cells: Rows, headerIndex: number): { range: [number, number]; footer: { from: number; to: number; lines: string[] } | null } {
  const rows = rowsOf(cells);
  const [start, end] = dataRowRange(rows, headerIndex);
  let block = end;
  while (block > start) {
    const row = rows.row(block - 1);
    if (mayBeFooter(row)) block--;
    else break;
  }
  let from = -1;
  let marked = false;
  for (let r = block; r < end; r++) {
    const row = rows.row(r);
    const mark = FOOTER_MARK.test(firstText(row));
    if (from < 0 && (mark || filledCells(row) === 0)) from = r;
    if (from >= 0 && mark) marked = true;
  }
  if (from < 0 || !marked) return { range: [start, end], footer: null };
  const lines = [];
  for (let r = from; r < end; r++) {
    const t = firstText(rows.row(r));
    if (t !== '') lines.push(t);
  }
  let to = from;
  while (to > start && filledCells(rows.row(to - 1)) === 0) to--;
  return { range: [start, to], footer: { from: to + 1, to: end, lines } };
}

/** The note for a skipped footer: which rows, and what they said. */
export function footerNote(footer: { from: number; to: number; lines: string[] }, words: TableWords): string {
  return words.footer(footer.from, footer.to, footer.lines.slice(0, 3).map((l) => clip(l, words)), Math.max(0, footer.lines.length - 3));
}

/** The required columns and their header texts in lower case: a row repeating them is a repeated header. */
export function headerKeysOf<F extends string>(headers: readonly string[], mapping: Partial<Record<F, number>>, required: readonly F[]): [number, string][] {
  return required.map((f) => mapping[f] as number).map((c) => [c, (headers[c] ?? '').toLowerCase()]);
}

/**
 * text.toLowerCase() === lower, lower-casing (a string per call) only texts of the right length. Lower
 * case never shortens a text and lengthens it only for "İ" (to "i" and U+0307), so a text of another
 * length can only match a header holding U+0307.
 */
function sameLowerCase(text: string, lower: string): boolean {
  if (text.length !== lower.length && !(text.length < lower.length && lower.indexOf('\u0307') >= 0)) return false;
  return text.toLowerCase() === lower;
}

export function rowKind(row: readonly Cell[], headerKeys: readonly [number, string][]): RowKind {
  let blank = true;
  for (let i = 0; i < row.length && blank; i++) {
    const c = row[i];
    if (c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '')) blank = false;
  }
  if (blank) return 'blank';
  // A repeated header repeats every required header (at least two): the first cell that does not ends the check.
  if (headerKeys.length < 2) return 'data';
  for (let k = 0; k < headerKeys.length; k++) {
    const [column, header] = headerKeys[k] as [number, string];
    const c = row[column];
    if (!(typeof c === 'string' && sameLowerCase(c.trim(), header))) return 'data';
  }
  return 'header';
}

/** rowKind of row i of `rows`, asking only the cells it needs (the same rules). */
export function rowKindAt(rows: TableRows, i: number, headerKeys: readonly [number, string][]): RowKind {
  if (rows.blank(i)) return 'blank';
  if (headerKeys.length < 2) return 'data';
  for (let k = 0; k < headerKeys.length; k++) {
    const [column, header] = headerKeys[k] as [number, string];
    const c = rows.cell(i, column);
    if (!(typeof c === 'string' && sameLowerCase(c.trim(), header))) return 'data';
  }
  return 'header';
}

/** A cell quoted in a message, clipped to ~80 characters (its length said in `words`' language). */
export function quote(cell: Cell, words: TableWords = WORDS.en.table): string {
  return clip(cellText(cell), words);
}
