// The 10 million-cell limit of a spreadsheet, counted before anything is written: every sheet's grid
// counts, empty cells included. https://support.google.com/docs/answer/37603
import { findOurSheet } from './ownership.ts';

export const CELL_LIMIT = 10_000_000;
/** A new sheet's grid: 1000 rows × 26 columns. */
const NEW_SHEET = { rows: 1000, columns: 26 };

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function cellsIn(spreadsheet: Spreadsheet): number {
  let cells = 0;
  for (const sheet of spreadsheet.getSheets()) cells += sheet.getMaxRows() * sheet.getMaxColumns();
  return cells;
}

/** Cells a sheet of `rows` × `columns` adds: a new sheet, or the rows an existing one lacks. */
function sheetGrowth(existing: GoogleAppsScript.Spreadsheet.Sheet | null, rows: number, columns: number): number {
  if (existing === null) return Math.max(NEW_SHEET.rows, rows) * Math.max(NEW_SHEET.columns, columns);
  const maxRows = existing.getMaxRows();
  const maxColumns = existing.getMaxColumns();
  return Math.max(maxRows, rows) * Math.max(maxColumns, columns) - maxRows * maxColumns;
}

/**
 * Cells this run adds: result columns past the sheet's last column (customer tables) or the
 * customers sheet (order tables), plus the summary sheet when it is new.
 */
export function cellsToAdd(
  spreadsheet: Spreadsheet,
  plan: { sheet: GoogleAppsScript.Spreadsheet.Sheet; widest: number } | { customerSheet: { existing: GoogleAppsScript.Spreadsheet.Sheet | null; rows: number; columns: number } },
): number {
  let cells = findOurSheet(spreadsheet, 'summary') === null ? NEW_SHEET.rows * NEW_SHEET.columns : 0;
  if ('sheet' in plan) cells += Math.max(0, plan.widest - plan.sheet.getMaxColumns()) * plan.sheet.getMaxRows();
  else cells += sheetGrowth(plan.customerSheet.existing, plan.customerSheet.rows, plan.customerSheet.columns);
  return cells;
}
