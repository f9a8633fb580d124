// Order tables: one row per order stays as it is; the customers go to their own sheet, one row each.
import { RESULT_COLUMNS, resultCells } from '../../adapters/result-columns.ts';
import type { TableScore } from '../../adapters/table/contract.ts';
import type { Language } from '../../core/schema/options.ts';

export const CUSTOMER_SHEET = 'Tierwise customers';

export function writeCustomerSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, score: TableScore, language: Language): void {
  const sheet = spreadsheet.getSheetByName(CUSTOMER_SHEET) ?? spreadsheet.insertSheet(CUSTOMER_SHEET);
  sheet.clearContents();
  const header = [language === 'zh-CN' ? '客户' : 'Customer', language === 'zh-CN' ? '来源行' : 'Source row', ...RESULT_COLUMNS.map((c) => c[language])];
  const rows = [header, ...score.rows.map((r) => [r.id ?? '', r.row, ...resultCells(r.result, language)])];
  sheet.getRange(1, 1, rows.length, header.length).setValues(rows);
}
