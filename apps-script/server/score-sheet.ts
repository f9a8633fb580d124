// Score one table: read the user's block once, score it with the table adapter and the core, check
// that the results fit (cells, time, not cancelled), then write Tierwise's columns (or its customers
// sheet for an order table) in batches, colour them, refresh the summary and remember the table.
// Nothing is written before every check has passed; no cell outside what Tierwise owns is touched.
import { scoreTable } from '../../adapters/table/score-table.ts';
import { RESULT_COLUMNS, resultCells } from '../../adapters/result-columns.ts';
import { TableError, type Cell, type TableScore } from '../../adapters/table/contract.ts';
import { MESSAGES, say, type Said } from './messages/index.ts';
import { ownedColumns, ourSheet, type ResultKey } from './ownership.ts';
import { contiguousRuns, createColumns, plannedColumns, RESULT_FORMATS, resultHeaders } from './result-columns.ts';
import type { Settings } from './settings.ts';
import { datesToDays, SheetTime } from './sheet-time.ts';
import { mergeTierFormatting } from './formatting.ts';
import { SUMMARY_SHEET, writeSummarySheet } from './summary-sheet.ts';
import { CUSTOMER_SHEET, customerSheetShape, writeCustomerSheet } from './customer-sheet.ts';
import { CELL_LIMIT, cellsIn, cellsToAdd } from './limits.ts';
import { BATCH_CELLS, inBatches, type RunControl, type Written } from './run-control.ts';
import { rememberScored } from './tables.ts';
import { mappingFor } from './mapping.ts';

export interface ScoreOutcome {
  ok: boolean;
  /** In the table's language; `said` holds it in every language for the sidebar. */
  message: string;
  said: Said;
  scored: number;
  needAttention: number;
  kind: 'customers' | 'orders' | null;
  summary: TableScore['summary'] | null;
  warnings: string[];
  /** The table could not be read as customers but reads as orders: the sidebar offers its order mode. */
  looksLikeOrders: boolean;
}

export function asOfFor(settings: Settings, time: SheetTime): string {
  return settings.asOfRule === 'fixed' && settings.asOf ? settings.asOf : time.today();
}

export function refused(said: Said, settings: Settings, kind: ScoreOutcome['kind'] = null): ScoreOutcome {
  return { ok: false, message: said[settings.options.language], said, scored: 0, needAttention: 0, kind, summary: null, warnings: [], looksLikeOrders: false };
}

export function scoreTableSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, settings: Settings, control: RunControl): ScoreOutcome {
  const spreadsheet = sheet.getParent();
  const language = settings.options.language;
  const time = new SheetTime(spreadsheet.getSpreadsheetTimeZone());
  control.progress(say((m) => m.progressReading));
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) return refused(say((m) => m.emptySheet), settings);
  const owned = ownedColumns(sheet);
  const values = sheet.getRange(1, 1, lastRow, lastColumn).getValues() as Cell[][];
  // The user's columns only: Tierwise's own are left out of what is scored, whatever their header.
  const ours = new Set(owned.values());
  const keep: number[] = [];
  for (let c = 1; c <= lastColumn; c++) if (!ours.has(c)) keep.push(c - 1);
  const cells = values.map((row) => keep.map((i) => row[i]));
  datesToDays(cells, time);
  control.progress(say((m) => m.progressScoring(lastRow - 1)));
  let score: TableScore;
  const scoreAs = (kind: typeof settings.kind) =>
    scoreTable(cells, { kind, columns: mappingFor(kind, settings.columns), dateOrder: settings.dateOrder }, { ...settings.options, asOf: asOfFor(settings, time) });
  try {
    try {
      score = scoreAs(settings.kind);
    } catch (error) {
      // Table kind left to detection (DESIGN.md: scoreActiveSheet auto-detects) and the rows read as
      // orders, not customers: score them as the order table they are.
      if (!(error instanceof TableError && error.looksLikeOrders && settings.kind == null)) throw error;
      score = scoreAs('orders');
    }
  } catch (error) {
    if (error instanceof TableError) {
      const said = say((m) => (error.looksLikeOrders ? `${m.nothingWritten(error.message)} ${m.looksLikeOrders}` : m.nothingWritten(error.message)));
      return { ...refused(said, settings), looksLikeOrders: error.looksLikeOrders };
    }
    throw error;
  }
  const planned = plannedColumns(owned, lastColumn);
  const needed = cellsToAdd(spreadsheet, score.kind === 'orders' ? { customerSheet: customerSheetShape(spreadsheet, score) } : { sheet, widest: Math.max(...planned.values()) });
  if (needed > 0 && cellsIn(spreadsheet) + needed > CELL_LIMIT) return refused(say((m) => m.tooManyCells(needed, CELL_LIMIT)), settings, score.kind);
  if (control.outOfTime()) return refused(say((m) => m.tooSlow), settings, score.kind);
  if (control.cancelled()) return refused(say((m) => m.cancelled), settings, score.kind);

  const written = score.kind === 'orders'
    ? writeCustomerSheet(ourSheet(spreadsheet, 'customers', CUSTOMER_SHEET, sheet), score, language, time, control)
    : writeResultColumns(sheet, score, values, keep, owned, planned, settings, time, control);
  if (written.end === 'cancelled') return refused(say((m) => m.cancelled), settings, score.kind);
  if (written.end === 'outOfTime') return refused(say((m) => m.stoppedForTime(written.rows, written.total)), settings, score.kind);
  writeSummarySheet(ourSheet(spreadsheet, 'summary', SUMMARY_SHEET, sheet), score.summary, language);
  const idIndex = score.kind === 'orders' ? score.mapping.customerId : score.mapping.id;
  rememberScored(PropertiesService.getDocumentProperties(), sheet, { headerRow: score.headerRow, kind: score.kind, idColumn: idIndex === undefined ? null : (keep[idIndex] as number) + 1, scoredLanguage: language });
  const needAttention = score.rows.filter((r) => r.result.error !== null).length;
  const said = say((m) => m.scored(score.summary.scored, needAttention, score.kind));
  return { ok: true, message: said[language], said, scored: score.summary.scored, needAttention, kind: score.kind, summary: score.summary, warnings: score.warnings, looksLikeOrders: false };
}

function writeResultColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet, score: TableScore, values: Cell[][], keep: number[],
  owned: ReadonlyMap<ResultKey, number>, planned: ReadonlyMap<ResultKey, number>, settings: Settings, time: SheetTime, control: RunControl,
): Written {
  const language = settings.options.language;
  const rowCount = values.length;
  const headerCells = (values[score.headerRow - 1] ?? []);
  const headers = resultHeaders(keep.map((i) => String(headerCells[i] ?? '')), language);
  createColumns(sheet, owned, planned);
  const keyOfColumn = new Map<number, number>();
  RESULT_COLUMNS.forEach((c, k) => keyOfColumn.set(planned.get(c.key) as number, k));
  // Formats first, so Sheets keeps each value as written.
  for (const [column, k] of keyOfColumn) sheet.getRange(1, column, rowCount, 1).setNumberFormat(RESULT_FORMATS[(RESULT_COLUMNS[k] as (typeof RESULT_COLUMNS)[number]).key]);
  const byRow = new Map(score.rows.map((r) => [r.row, r]));
  const followUp = RESULT_COLUMNS.findIndex((c) => c.key === 'followUpBy');
  const dates = new Map<string, Date>();
  const rowCells = (row: number): (string | number | Date)[] => {
    if (row === score.headerRow) return headers;
    const scored = byRow.get(row);
    if (scored === undefined) return RESULT_COLUMNS.map(() => '');
    const out: (string | number | Date)[] = resultCells(scored.result, language);
    const iso = out[followUp];
    if (typeof iso === 'string' && iso !== '') {
      let date = dates.get(iso);
      if (date === undefined) dates.set(iso, (date = time.dateOf(iso)));
      out[followUp] = date;
    }
    return out;
  };
  const runs = contiguousRuns([...keyOfColumn.keys()]);
  const result = inBatches(rowCount, Math.max(1, Math.floor(BATCH_CELLS / RESULT_COLUMNS.length)), control, (from, to) => {
    const rows = new Array<(string | number | Date)[]>(to - from);
    for (let r = from; r < to; r++) rows[r - from] = rowCells(r + 1);
    for (const run of runs) {
      const block = rows.map((cellsOfRow) => run.map((column) => cellsOfRow[keyOfColumn.get(column) as number] as string | number | Date));
      sheet.getRange(from + 1, run[0] as number, to - from, run.length).setValues(block);
    }
  });
  mergeTierFormatting(sheet, planned.get('tier') as number, planned.get('churnLevel') as number, rowCount, language, new Set(planned.values()));
  return result;
}
