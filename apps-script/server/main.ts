// The add-on's entry points, as Apps Script calls them (DESIGN.md). Each reads like a sentence:
// the work is in score-sheet.ts, the adapter and the core.
import { scoreTable } from '../../adapters/table/score-table.ts';
import { resultCells } from '../../adapters/result-columns.ts';
import { detectColumns } from '../../adapters/table/headers.ts';
import { CUSTOMER_FIELDS, type Cell } from '../../adapters/table/contract.ts';
import { playbookFor } from '../../core/playbooks/index.ts';
import { LABELS } from '../../core/labels.ts';
import { scoreSheet, asOfFor, todayIn, type ScoreOutcome } from './score-sheet.ts';
import { loadSettings, saveSettings as storeSettings, type Settings } from './settings.ts';
import { isResultHeader } from './result-columns.ts';
import SIDEBAR_HTML from '../sidebar/sidebar.html';

const DAILY_HANDLER = 'dailyRescore';

export function onOpen(_e?: unknown): void {
  // In AuthMode.NONE only the menu may be built: no reads here.
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Score this sheet', 'scoreActiveSheet')
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Settings', 'showSidebar')
    .addSeparator()
    .addItem('Schedule daily re-score', 'scheduleDailyRescore')
    .addItem('Stop daily re-score', 'stopDailyRescore')
    .addSeparator()
    .addItem('Help', 'showHelp')
    .addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(SIDEBAR_HTML).setTitle('Tierwise'));
}

export function showHelp(): void {
  SpreadsheetApp.getUi().alert(
    'Tierwise',
    'Tierwise adds Tier, Segment, RFM, Churn risk, Churn level, Lifecycle, Next action, Follow up by and Why columns to the right of your customer table, and a "Tierwise summary" sheet. Your own cells are never changed. Open the sidebar to check the columns it found, then press Score.',
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

/** Serialised with a document lock: two people pressing Score at once get one run each, in turn. */
export function scoreActiveSheet(overrides?: Partial<Settings>): ScoreOutcome {
  const started = Date.now();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) {
    return { ok: false, message: 'Someone else is scoring this spreadsheet right now; try again in a minute.', scored: 0, needAttention: 0, kind: null, summary: null, warnings: [] };
  }
  try {
    return scoreSheet(SpreadsheetApp.getActiveSheet(), overrides ?? {}, started);
  } finally {
    lock.releaseLock();
  }
}

/** What the sidebar shows on opening: detected columns, settings, today, the user's language. */
export function getSidebarState(): { headers: string[]; detected: Record<string, number>; settings: Settings; today: string; language: string } {
  const sheet = SpreadsheetApp.getActiveSheet();
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const headers = (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []).map((h) => String(h ?? '')).filter((h) => !isResultHeader(h));
  const settings = loadSettings(PropertiesService.getDocumentProperties());
  const detected = detectColumns(headers, CUSTOMER_FIELDS, settings.columns) as Record<string, number>;
  const locale = Session.getActiveUserLocale();
  return { headers, detected, settings, today: todayIn(sheet.getParent()), language: settings.options.language ?? (locale.startsWith('zh') ? 'zh-CN' : 'en') };
}

export function saveSettings(input: unknown): Settings {
  return storeSettings(PropertiesService.getDocumentProperties(), input);
}

/** The selected row's customer: tier, segment, churn risk with drivers, the playbook and next action. */
export function getPlaybookForSelection(): unknown {
  const sheet = SpreadsheetApp.getActiveSheet();
  const row = sheet.getActiveRange()?.getRow() ?? 0;
  const settings = loadSettings(PropertiesService.getDocumentProperties());
  const language = settings.options.language ?? 'en';
  if (row < 2) return { ok: false, message: 'Select a customer row to see its playbook.' };
  const values = sheet.getDataRange().getValues() as Cell[][];
  const keep = (values[0] ?? []).map((h, i) => (isResultHeader(String(h ?? '')) ? -1 : i)).filter((i) => i >= 0);
  const score = scoreTable(values.map((r) => keep.map((i) => r[i])), { kind: 'customers', columns: settings.columns, dateOrder: settings.dateOrder }, { ...settings.options, asOf: asOfFor(settings, sheet.getParent()) });
  const scored = score.rows.find((r) => r.row === row);
  if (scored === undefined) return { ok: false, message: `Row ${row} is not a customer row.` };
  const result = scored.result;
  return {
    ok: true,
    row,
    id: scored.id,
    tier: result.tier,
    tierLabel: result.tier === null ? null : LABELS[language].tier[result.tier],
    segment: result.segment === null ? null : LABELS[language].segment[result.segment],
    churnRisk: result.churnRisk,
    churnLevel: result.churnLevel === null ? null : LABELS[language].churnLevel[result.churnLevel],
    drivers: result.drivers,
    nextAction: result.nextAction,
    followUpBy: result.followUpBy,
    error: result.error,
    playbook: playbookFor(result, language),
  };
}

export function scheduleDailyRescore(): string {
  // Add-ons may have one time-driven trigger per document per user, at most hourly.
  for (const trigger of ScriptApp.getUserTriggers(SpreadsheetApp.getActive())) {
    if (trigger.getHandlerFunction() === DAILY_HANDLER) return 'A daily re-score is already scheduled.';
  }
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(6).create();
  return 'Tierwise will re-score this sheet every morning around 6:00.';
}

export function stopDailyRescore(): string {
  let stopped = 0;
  for (const trigger of ScriptApp.getUserTriggers(SpreadsheetApp.getActive())) {
    if (trigger.getHandlerFunction() === DAILY_HANDLER) {
      ScriptApp.deleteTrigger(trigger);
      stopped++;
    }
  }
  return stopped > 0 ? 'The daily re-score is stopped.' : 'There was no daily re-score to stop.';
}

export function dailyRescore(): void {
  scoreActiveSheet();
}

/**
 * Custom functions: read-only, no authorization, 30 s. They score the range they are given.
 * TIERWISE_SCORE(range) returns the result columns (with headers) for a range that includes its header row.
 */
export function TIERWISE_SCORE(range: Cell[][], asOf?: string): (string | number)[][] {
  const score = scoreTable(range, {}, { asOf: asOf ?? Utilities.formatDate(new Date(), 'UTC', 'yyyy-MM-dd') });
  const byRow = new Map(score.rows.map((r) => [r.row, resultCells(r.result, 'en')]));
  return range.map((_, i) => (i + 1 === score.headerRow ? ['Tier', 'Segment', 'RFM', 'Churn risk', 'Churn level', 'Lifecycle', 'Next action', 'Follow up by', 'Why'] : (byRow.get(i + 1) ?? ['', '', '', '', '', '', '', '', ''])));
}

export function TIERWISE_TIER(range: Cell[][], asOf?: string): (string | number)[][] {
  return TIERWISE_SCORE(range, asOf).map((row) => [row[0] ?? '']);
}

export function TIERWISE_CHURN_RISK(range: Cell[][], asOf?: string): (string | number)[][] {
  return TIERWISE_SCORE(range, asOf).map((row) => [row[3] ?? '']);
}
