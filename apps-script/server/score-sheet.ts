// Score this sheet: read the user's block once, score it with the table adapter and the core, then
// write the result columns (one setValues per contiguous run), colour them, and refresh the summary.
// Never touches a cell outside the columns it owns.
import { scoreTable } from '../../adapters/table/score-table.ts';
import { RESULT_COLUMNS, resultCells } from '../../adapters/result-columns.ts';
import { TableError, type Cell, type TableScore } from '../../adapters/table/contract.ts';
import type { Language } from '../../core/schema/options.ts';
import { contiguousRuns, isResultHeader, resultColumns } from './result-columns.ts';
import { loadSettings, type Settings } from './settings.ts';
import { mergeTierFormatting } from './formatting.ts';
import { writeSummarySheet } from './summary-sheet.ts';
import { writeCustomerSheet } from './customer-sheet.ts';

/** Apps Script stops a run at 6 minutes: past this, nothing is written and the user is told. */
const WRITE_DEADLINE_MS = 5 * 60 * 1000;

export interface ScoreOutcome {
  ok: boolean;
  message: string;
  scored: number;
  needAttention: number;
  kind: 'customers' | 'orders' | null;
  summary: TableScore['summary'] | null;
  warnings: string[];
}

export function todayIn(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

export function asOfFor(settings: Settings, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return settings.asOfRule === 'fixed' && settings.asOf ? settings.asOf : todayIn(spreadsheet);
}

/** The user's columns only: ours are left out of what is scored. */
function userColumns(values: Cell[][]): number[] {
  const header = values[0] ?? [];
  return header.map((h, i) => (isResultHeader(String(h ?? '')) ? -1 : i)).filter((i) => i >= 0);
}

export function scoreSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, overrides: Partial<Settings> = {}, started = Date.now()): ScoreOutcome {
  const spreadsheet = sheet.getParent();
  const settings = { ...loadSettings(PropertiesService.getDocumentProperties()), ...overrides };
  const language: Language = settings.options.language ?? 'en';
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) return { ok: false, message: 'This sheet is empty: put a header row and one row per customer (or per order) first.', scored: 0, needAttention: 0, kind: null, summary: null, warnings: [] };
  const values = sheet.getRange(1, 1, lastRow, lastColumn).getValues() as Cell[][];
  const keep = userColumns(values);
  const cells = values.map((row) => keep.map((i) => row[i]));
  let score: TableScore;
  try {
    score = scoreTable(cells, { kind: settings.kind, columns: settings.columns, dateOrder: settings.dateOrder }, { ...settings.options, asOf: asOfFor(settings, spreadsheet) });
  } catch (error) {
    if (error instanceof TableError) return { ok: false, message: `Nothing was written: ${error.message}`, scored: 0, needAttention: 0, kind: null, summary: null, warnings: [] };
    throw error;
  }
  if (Date.now() - started > WRITE_DEADLINE_MS) {
    return { ok: false, message: 'Nothing was written: scoring took too long for one Apps Script run. Score a smaller range or use the command line.', scored: 0, needAttention: 0, kind: score.kind, summary: null, warnings: [] };
  }
  if (score.kind === 'orders') writeCustomerSheet(spreadsheet, score, language);
  else writeResultColumns(sheet, score, values, lastColumn, language);
  writeSummarySheet(spreadsheet, score.summary, language);
  const needAttention = score.rows.filter((r) => r.result.error !== null).length;
  const scored = score.summary.scored;
  const where = score.kind === 'orders' ? 'see the "Tierwise customers" sheet' : 'see column Why';
  return {
    ok: true,
    message: `${scored.toLocaleString('en-US')} customers scored${needAttention > 0 ? `, ${needAttention.toLocaleString('en-US')} rows need attention, ${where}` : ''}.`,
    scored,
    needAttention,
    kind: score.kind,
    summary: score.summary,
    warnings: score.warnings,
  };
}

function writeResultColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, score: TableScore, values: Cell[][], lastColumn: number, language: Language): void {
  const headers = (values[0] ?? []).map((h) => String(h ?? ''));
  const columns = resultColumns(sheet, score.headerRow, headers, lastColumn);
  const rowCount = values.length;
  // Every row gets a cell: the header text on the header row, a result on scored rows, '' elsewhere.
  const byRow = new Map(score.rows.map((r) => [r.row, resultCells(r.result, language)]));
  const cellOf = (key: number, row: number): string | number => {
    if (row === score.headerRow) return (RESULT_COLUMNS[key] as (typeof RESULT_COLUMNS)[number])[language];
    return byRow.get(row)?.[key] ?? '';
  };
  const keyOfColumn = new Map<number, number>();
  RESULT_COLUMNS.forEach((c, k) => keyOfColumn.set(columns.get(c.key) as number, k));
  for (const run of contiguousRuns([...keyOfColumn.keys()])) {
    const block: (string | number)[][] = new Array(rowCount);
    for (let r = 0; r < rowCount; r++) block[r] = run.map((column) => cellOf(keyOfColumn.get(column) as number, r + 1));
    sheet.getRange(1, run[0] as number, rowCount, run.length).setValues(block);
  }
  mergeTierFormatting(sheet, columns.get('tier') as number, columns.get('churnLevel') as number, rowCount, language);
}
