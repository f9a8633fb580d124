// Custom functions (=TIERWISE_SCORE(A1:J500)): read-only, no authorization, 30 s. They score the
// range they are given, its columns found by header (the field table's synonyms, English or Chinese),
// and return the result columns asked for by key. Sheets passes a one-cell range as its value and a
// date as a Date in the spreadsheet's zone; errors are sentences (Sheets shows the message on the cell).
// https://developers.google.com/apps-script/guides/sheets/functions
import { scoreTable } from '../../adapters/table/score-table.ts';
import { RESULT_COLUMNS, resultCells, resultHeaders, type ResultColumnKey } from '../../adapters/result-columns.ts';
import { TableError, type Cell } from '../../adapters/table/contract.ts';
import { isIsoDate } from '../../core/dates.ts';
import type { Language } from '../../core/schema/options.ts';
import { MESSAGES } from './messages/index.ts';
import { datesToDays, SheetTime } from './sheet-time.ts';
import { tableOf } from './tables.ts';

function asOfOf(asOf: unknown, time: SheetTime, language: Language): string {
  if (asOf === undefined || asOf === null || asOf === '') return time.today();
  if (asOf instanceof Date && time.dayOf(asOf) !== null) return time.dayOf(asOf) as string;
  if (typeof asOf === 'string' && isIsoDate(asOf.trim())) return asOf.trim();
  throw new Error(MESSAGES[language].asOfNotDate(String(asOf)));
}

const ALL_COLUMNS: readonly ResultColumnKey[] = RESULT_COLUMNS.map((c) => c.key);

/** The result columns `keys` (all by default) for each row of `range`: their headers on its header row, blanks beside rows that are not customers. */
export function scoreRange(range: unknown, asOf: unknown, keys: readonly ResultColumnKey[] = ALL_COLUMNS): (string | number | Date)[][] {
  const picked = keys.map((key) => RESULT_COLUMNS.findIndex((c) => c.key === key));
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const time = new SheetTime(spreadsheet.getSpreadsheetTimeZone());
  // The language of the sheet the formula is on (read-only access to its saved settings).
  const language = tableOf(PropertiesService.getDocumentProperties(), spreadsheet.getActiveSheet()).settings.options.language;
  if (range === undefined) throw new Error(MESSAGES[language].customNeedsRange);
  const rows: Cell[][] = Array.isArray(range) ? (range as Cell[][]).map((r) => (Array.isArray(r) ? [...r] : [r])) : [[range as Cell]];
  datesToDays(rows, time);
  const day = asOfOf(asOf, time, language);
  let score;
  try {
    score = scoreTable(rows, {}, { asOf: day, language });
  } catch (error) {
    if (error instanceof TableError) throw new Error(error.message);
    throw error;
  }
  const byRow = new Map(score.rows.map((r) => [r.row, resultCells(r.result, language)]));
  const header = resultHeaders(language);
  const blank = header.map(() => '');
  const pick = (cells: readonly (string | number)[]) => picked.map((at) => cells[at] as string | number);
  return rows.map((_, i) => pick(i + 1 === score.headerRow ? header : (byRow.get(i + 1) ?? blank)));
}
