// Shared by customer and order tables: header, column mapping, and the per-row walk that reports
// blank rows and repeated header rows instead of dropping them.
import { TableError, type Cell } from './contract.ts';
import { cellText, findHeaderRow } from './header-row.ts';
import { detectColumns, FIELD_LABELS } from './headers.ts';
import { clip, clipList } from './clip.ts';

export interface Layout<F extends string> {
  headerIndex: number;
  headers: string[];
  mapping: Partial<Record<F, number>>;
}

export function layoutOf<F extends string>(
  cells: readonly Cell[][],
  fields: readonly F[],
  required: readonly F[],
  explicit: Readonly<Record<string, string>>,
  kindWord: string,
): Layout<F> {
  if (cells.length === 0 || cells.every((row) => row.every((c) => cellText(c) === ''))) {
    throw new TableError('the file is empty: expected a header row and one row per ' + kindWord);
  }
  for (const [field, header] of Object.entries(explicit)) {
    if (!(fields as readonly string[]).includes(field)) {
      throw new TableError(`the mapping names an unknown field ${clip(field)} (for ${clip(header)}); fields are: ${fields.join(', ')}`);
    }
  }
  const headerIndex = findHeaderRow(cells, fields, 2, explicit);
  if (headerIndex < 0) {
    const seen = (cells[0] ?? []).map(cellText).filter((h) => h !== '');
    throw new TableError(
      `no header row found: expected column names such as ${required.map((f) => FIELD_LABELS[f as never] ?? f).join(', ')}; first row seen: ${clipList(seen) || '(empty)'}`,
    );
  }
  const headers = (cells[headerIndex] ?? []).map(cellText);
  const mapping = detectColumns(headers, fields as never[], explicit) as Partial<Record<F, number>>;
  const missing = required.filter((f) => mapping[f] === undefined);
  if (missing.length > 0) {
    const explicitMisses = missing.filter((f) => explicit[f] !== undefined).map((f) => `${clip(explicit[f] ?? '')} (mapped to ${FIELD_LABELS[f as never] ?? f})`);
    const names = missing.map((f) => FIELD_LABELS[f as never] ?? f).join(', ');
    throw new TableError(
      `could not find the column for ${names}${explicitMisses.length ? `; the mapping names ${explicitMisses.join(', ')} which is not a header` : ''}. Headers seen: ${clipList(headers.filter((h) => h !== ''))}. Map it with "columns" in the config, e.g. {"columns": {"${missing[0]}": "Your header"}}`,
    );
  }
  return { headerIndex, headers, mapping };
}

export type RowKind = 'data' | 'blank' | 'header';

/** Data rows after the header, skipping only blank rows at the very end of the file. */
export function dataRowRange(cells: readonly Cell[][], headerIndex: number): [number, number] {
  let end = cells.length;
  while (end > headerIndex + 1 && (cells[end - 1] ?? []).every((c) => cellText(c) === '')) end--;
  return [headerIndex + 1, end];
}

/** The required columns and their header texts in lower case: a row repeating them is a repeated header. */
export function headerKeysOf<F extends string>(headers: readonly string[], mapping: Partial<Record<F, number>>, required: readonly F[]): [number, string][] {
  return required.map((f) => mapping[f] as number).map((c) => [c, (headers[c] ?? '').toLowerCase()]);
}

export function rowKind(row: readonly Cell[], headerKeys: readonly [number, string][]): RowKind {
  let blank = true;
  for (let i = 0; i < row.length && blank; i++) {
    const c = row[i];
    if (c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '')) blank = false;
  }
  if (blank) return 'blank';
  let same = 0;
  for (const [column, header] of headerKeys) {
    const c = row[column];
    if (typeof c === 'string' && c.trim().toLowerCase() === header) same++;
  }
  return same >= 2 && same === headerKeys.length ? 'header' : 'data';
}

/** A cell quoted in a message, clipped to ~80 characters. */
export function quote(cell: Cell): string {
  return clip(cellText(cell));
}
