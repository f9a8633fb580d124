// The "Tierwise summary" sheet: tier and segment counts and shares, dormant count, repurchase rate,
// revenue at risk, by region or owner, a chart of the tiers, and the run log to the right.
// The summary is rewritten on every run; the run log block on every logged run.
import type { Summary } from '../../core/summarize.ts';
import type { Language } from '../../core/schema/options.ts';
import { MESSAGES } from './messages/index.ts';
import type { Run } from './run-log.ts';
import type { SheetTime } from './sheet-time.ts';

export const SUMMARY_SHEET = 'Tierwise summary';
/** Column of the run log: right of the summary (A-C) and its chart (E). */
const LOG_COLUMN = 12;
const LOG_WIDTH = 5;

export function writeSummarySheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, summary: Summary, language: Language): void {
  const w = MESSAGES[language].summarySheet;
  sheet.getRange(1, 1, sheet.getMaxRows(), 3).clearContent();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const rows: (string | number)[][] = [
    [w.tier, w.customers, w.share],
    ...summary.byTier.map((t) => [t.label, t.count, t.share]),
    ['', '', ''],
    [w.segment, w.customers, w.share],
    ...summary.bySegment.map((s) => [s.label, s.count, s.share]),
    ['', '', ''],
    [w.key, '', ''],
    [w.scored, summary.scored, ''],
    [w.attention, summary.errors, ''],
    [w.dormant, summary.dormant, ''],
    [w.repurchase, summary.repurchaseRate ?? '', ''],
    [w.atRisk, summary.atRiskRevenue, ''],
  ];
  if (summary.groups !== null) {
    rows.push(['', '', ''], [summary.groups.by === 'region' ? w.region : w.owner, w.customers, w.group]);
    for (const g of summary.groups.rows) rows.push([g.name, g.customers, g.dormant]);
  }
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  // Labels and region or owner names are text: Sheets must not turn them into numbers or formulas.
  sheet.getRange(1, 1, rows.length, 1).setNumberFormat('@');
  sheet.getRange(1, 1, rows.length, 3).setValues(rows);
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.BAR)
    .addRange(sheet.getRange(1, 1, summary.byTier.length + 1, 2))
    .setPosition(1, 5, 0, 0)
    .setOption('title', w.tier)
    .build();
  sheet.insertChart(chart);
}

/** The run log block: newest first, times in the spreadsheet's zone. */
export function writeRunLog(sheet: GoogleAppsScript.Spreadsheet.Sheet, runs: readonly Run[], language: Language, time: SheetTime): void {
  const m = MESSAGES[language];
  if (sheet.getMaxColumns() < LOG_COLUMN + LOG_WIDTH - 1) sheet.insertColumnsAfter(sheet.getMaxColumns(), LOG_COLUMN + LOG_WIDTH - 1 - sheet.getMaxColumns());
  const rows: (string | number)[][] = [
    [m.runLogTitle, '', '', '', ''],
    [...m.runLogHeader],
    ...runs.map((r) => [Utilities.formatDate(new Date(r.at), time.timeZone, 'yyyy-MM-dd HH:mm'), r.sheet, r.rows, r.ok ? m.runOk : m.runFailed, r.error]),
  ];
  const block = sheet.getRange(1, LOG_COLUMN, Math.min(sheet.getMaxRows(), 12), LOG_WIDTH);
  block.clearContent();
  block.setNumberFormat('@');
  sheet.getRange(1, LOG_COLUMN, rows.length, LOG_WIDTH).setValues(rows);
}
