// Finding and writing the result columns the add-on owns: by developer metadata first (so they are
// found again after the user moves them), by header second, else appended right of the user's data.
// Reads and writes are one call per block whatever the number of rows.
import { RESULT_COLUMNS, ALL_RESULT_HEADERS } from '../../adapters/result-columns.ts';

const META_KEY = 'tierwise.column';

export type ResultKey = (typeof RESULT_COLUMNS)[number]['key'];

/** 1-based sheet column of each result column, creating (appending) the missing ones. */
export function resultColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: number, headers: readonly string[], lastColumn: number): Map<ResultKey, number> {
  const found = new Map<ResultKey, number>();
  for (const meta of sheet.createDeveloperMetadataFinder().withKey(META_KEY).find()) {
    const key = meta.getValue() as ResultKey;
    const column = meta.getLocation().getColumn();
    if (column !== null && RESULT_COLUMNS.some((c) => c.key === key)) found.set(key, column.getColumn());
  }
  // Columns from a version without metadata, or whose metadata was lost: recognise the header.
  headers.forEach((header, i) => {
    const column = RESULT_COLUMNS.find((c) => c.en === header || c['zh-CN'] === header);
    if (column !== undefined && !found.has(column.key)) found.set(column.key, i + 1);
  });
  let next = lastColumn + 1;
  for (const column of RESULT_COLUMNS) {
    if (found.has(column.key)) continue;
    if (next > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), next - sheet.getMaxColumns());
    // Column-located metadata (A1 "K:K") moves with the column when the user drags it elsewhere.
    const letter = sheet.getRange(1, next).getA1Notation().replace(/\d+$/, '');
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(META_KEY, column.key);
    found.set(column.key, next);
    next++;
  }
  void headerRow;
  return found;
}

/** Header texts the add-on owns (any language): the user's columns are everything else. */
export function isResultHeader(header: string): boolean {
  return ALL_RESULT_HEADERS.has(header);
}

/** Groups columns into runs of adjacent ones, so each run is written with one setValues. */
export function contiguousRuns(columns: number[]): number[][] {
  const sorted = [...columns].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && (last[last.length - 1] as number) + 1 === c) last.push(c);
    else runs.push([c]);
  }
  return runs;
}
