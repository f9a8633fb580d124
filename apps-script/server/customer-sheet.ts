// Order tables: one row per order stays as it is; the customers go to Tierwise's own sheet, one row
// each, ids as text (so "0042" keeps its zeros) and Follow up by as a date.
import { RESULT_COLUMNS, resultCells } from '../../adapters/result-columns.ts';
import type { TableScore } from '../../adapters/table/contract.ts';
import type { Language } from '../../core/schema/options.ts';
import { mergeTierFormatting } from './formatting.ts';
import { MESSAGES } from './messages/index.ts';
import { findOurSheet } from './ownership.ts';
import { RESULT_FORMATS } from './result-columns.ts';
import { BATCH_CELLS, inBatches, type RunControl, type Written } from './run-control.ts';
import type { SheetTime } from './sheet-time.ts';

export const CUSTOMER_SHEET = 'Tierwise customers';
const WIDTH = 2 + RESULT_COLUMNS.length;
const FOLLOW_UP = 2 + RESULT_COLUMNS.findIndex((c) => c.key === 'followUpBy');
const TIER_COLUMN = 3 + RESULT_COLUMNS.findIndex((c) => c.key === 'tier');
const LEVEL_COLUMN = 3 + RESULT_COLUMNS.findIndex((c) => c.key === 'churnLevel');
/** Every column of this sheet is Tierwise's (the sheet is found by its developer metadata). */
const ALL_COLUMNS: ReadonlySet<number> = new Set(Array.from({ length: WIDTH }, (_, i) => i + 1));

export function customerSheetShape(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, score: TableScore): { existing: GoogleAppsScript.Spreadsheet.Sheet | null; rows: number; columns: number } {
  return { existing: findOurSheet(spreadsheet, 'customers'), rows: score.rows.length + 1, columns: WIDTH };
}

export function writeCustomerSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, score: TableScore, language: Language, time: SheetTime, control: RunControl): Written {
  const rows = score.rows.length + 1;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  sheet.clearContents();
  sheet.getRange(1, 1, rows, 1).setNumberFormat('@');
  sheet.getRange(1, 2, rows, 1).setNumberFormat('0');
  RESULT_COLUMNS.forEach((c, k) => sheet.getRange(1, 3 + k, rows, 1).setNumberFormat(RESULT_FORMATS[c.key]));
  const { customer, sourceRow } = MESSAGES[language].customerSheet;
  const header = [customer, sourceRow, ...RESULT_COLUMNS.map((c) => c[language])];
  const written = inBatches(rows, Math.floor(BATCH_CELLS / WIDTH), control, (from, to) => {
    const block: (string | number | Date)[][] = new Array(to - from);
    for (let r = from; r < to; r++) {
      if (r === 0) {
        block[0] = header;
        continue;
      }
      const scored = score.rows[r - 1] as TableScore['rows'][number];
      const cells: (string | number | Date)[] = [scored.id ?? '', scored.row, ...resultCells(scored.result, language)];
      const iso = cells[FOLLOW_UP];
      if (typeof iso === 'string' && iso !== '') cells[FOLLOW_UP] = time.dateOf(iso);
      block[r - from] = cells;
    }
    sheet.getRange(from + 1, 1, to - from, WIDTH).setValues(block);
  });
  // The same tier and churn-level colours as the result columns on a customer table; the rules lie in
  // Tierwise's sheet, so a re-run replaces them and "Remove Tierwise columns" takes them with the sheet.
  mergeTierFormatting(sheet, TIER_COLUMN, LEVEL_COLUMN, rows, language, ALL_COLUMNS);
  return written;
}
