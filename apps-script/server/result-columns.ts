// Tierwise's result columns on the user's table: placed right of the user's data, marked with
// developer metadata, headed so they never share a name with a user's column, formatted so Sheets
// keeps what is written (text stays text, Follow up by is a date), written in batches.
import { RESULT_COLUMNS } from '../../adapters/result-columns.ts';
import type { Language } from '../../core/schema/options.ts';
import { claimColumn, type ResultKey } from './ownership.ts';

/**
 * Number format per result column. "@" (plain text) stops Sheets from reading "333" as a number, "0042"
 * as 42 or "=…" as a formula. https://developers.google.com/sheets/api/guides/formats
 */
export const RESULT_FORMATS: Record<ResultKey, string> = {
  tier: '@', segment: '@', rfm: '@', churnRisk: '0', churnLevel: '@', lifecycle: '@', nextAction: '@', followUpBy: 'yyyy-mm-dd', reasons: '@',
};

/** The header of each result column: "Tierwise <header>" where the user already has a column of that name. */
export function resultHeaders(userHeaders: readonly string[], language: Language): string[] {
  const taken = new Set(userHeaders.map((h) => h.trim().toLowerCase()));
  return RESULT_COLUMNS.map((c) => (taken.has(c[language].toLowerCase()) ? `Tierwise ${c[language]}` : c[language]));
}

/** Where missing result columns will go: right of everything on the sheet, in RESULT_COLUMNS order. */
export function plannedColumns(owned: ReadonlyMap<ResultKey, number>, lastColumn: number): Map<ResultKey, number> {
  const columns = new Map(owned);
  let next = Math.max(lastColumn, ...owned.values()) + 1;
  for (const c of RESULT_COLUMNS) if (!columns.has(c.key)) columns.set(c.key, next++);
  return columns;
}

/** Makes the planned columns exist (growing the grid if needed) and marks the new ones as Tierwise's. */
export function createColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, owned: ReadonlyMap<ResultKey, number>, planned: ReadonlyMap<ResultKey, number>): void {
  const widest = Math.max(...planned.values());
  if (widest > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), widest - sheet.getMaxColumns());
  for (const [key, column] of planned) if (!owned.has(key)) claimColumn(sheet, column, key);
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
