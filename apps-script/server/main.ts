// The add-on's entry points, as Apps Script calls them (DESIGN.md). Each reads like a sentence:
// find the table, load its settings, call the piece that does the work, say what happened.
import { LABELS } from '../../core/labels.ts';
import type { Language } from '../../core/schema/options.ts';
import { CUSTOMER_FIELDS, ORDER_FIELDS, type Cell } from '../../adapters/table/contract.ts';
import { detectColumns } from '../../adapters/table/headers.ts';
import { scoreRange } from './custom-functions.ts';
import { MESSAGES, say, type Said } from './messages/index.ts';
import { ownedColumns, removeEverything } from './ownership.ts';
import { readProgress, requestCancel, RunControl } from './run-control.ts';
import { forgetRuns, lastFailure, readRuns, recordRun, type Run } from './run-log.ts';
import { refused, scoreTableSheet, type ScoreOutcome } from './score-sheet.ts';
import { schedule, scheduledHour, unschedule, runDaily } from './schedule.ts';
import { selectedCustomer, type CustomerPanel } from './selection.ts';
import { SettingsError, type Settings } from './settings.ts';
import { SheetTime } from './sheet-time.ts';
import { forgetTables, tableOf, tableSheetFor, updateSettings } from './tables.ts';
import SIDEBAR_HTML from '../sidebar/sidebar.html';

const props = () => PropertiesService.getDocumentProperties();

/** The language to speak in: the table's setting, else the user's Google language. */
function uiLanguage(): Language {
  const sheet = tableSheetFor(props(), SpreadsheetApp.getActive()) ?? SpreadsheetApp.getActive().getActiveSheet();
  return tableOf(props(), sheet).settings.options.language;
}

export function onOpen(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Score this sheet', 'menuScore')
    .addItem('Open sidebar', 'showSidebar')
    .addSeparator()
    .addItem('Schedule daily re-score', 'menuSchedule')
    .addItem('Stop daily re-score', 'menuStopSchedule')
    .addSeparator()
    .addItem('Remove Tierwise columns', 'removeTierwise')
    .addItem('Help', 'showHelp')
    .addToUi();
  // In AuthMode.NONE only the menu may be built: no reads. Otherwise a failed daily run is said at open.
  if (e?.authMode === undefined || e.authMode === ScriptApp.AuthMode.NONE) return;
  const failed = lastFailure(props());
  if (failed !== null) SpreadsheetApp.getActive().toast(failureSaid(failed)[uiLanguage()], 'Tierwise', 30);
}

/** A failed daily run in words, its time in the spreadsheet's zone. */
function failureSaid(failed: Run): Said {
  const spreadsheet = SpreadsheetApp.getActive();
  const when = Utilities.formatDate(new Date(failed.at), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');
  return say((m) => m.lastRunFailed(when, failed.error));
}

export function onInstall(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  onOpen(e);
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(SIDEBAR_HTML).setTitle('Tierwise'));
}

function alert(text: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Tierwise', text, ui.ButtonSet.OK);
}

export function showHelp(): void {
  alert(MESSAGES[uiLanguage()].help);
}

/**
 * Scores the user's table (the active sheet, or from a Tierwise sheet the table scored last),
 * after laying `patch` over its saved settings. Serialised with a document lock: two people pressing
 * Score at once get one run each, in turn.
 */
export function scoreActiveSheet(patch?: Record<string, unknown>): ScoreOutcome {
  const control = new RunControl(Date.now(), CacheService.getDocumentCache());
  const sheet = tableSheetFor(props(), SpreadsheetApp.getActive());
  const language = uiLanguage();
  const fallback = tableOf(props(), SpreadsheetApp.getActive().getActiveSheet()).settings;
  if (sheet === null) return refused(say((m) => m.notTable), fallback);
  let settings: Settings;
  try {
    settings = patch === undefined || patch === null ? tableOf(props(), sheet).settings : updateSettings(props(), sheet, patch);
  } catch (error) {
    if (error instanceof SettingsError) return refused(error.said, { ...fallback, options: { ...fallback.options, language } });
    throw error;
  }
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) return refused(say((m) => m.busy), settings);
  try {
    const outcome = scoreTableSheet(sheet, settings, control);
    if (outcome.ok) recordRun(props(), { at: new Date().toISOString(), sheet: sheet.getName(), rows: outcome.scored, ok: true, error: '', trigger: false });
    return outcome;
  } finally {
    control.finish();
    lock.releaseLock();
  }
}

export function menuScore(): void {
  alert(scoreActiveSheet().message);
}

/** What the sidebar shows on opening: the table's columns, its settings, today, the language, the schedule. */
export function getSidebarState() {
  const spreadsheet = SpreadsheetApp.getActive();
  const sheet = tableSheetFor(props(), spreadsheet) ?? spreadsheet.getActiveSheet();
  const table = tableOf(props(), sheet);
  const ours = new Set(ownedColumns(sheet).values());
  const headerRow = table.headerRow ?? 1;
  const lastColumn = sheet.getLastColumn();
  const cells = lastColumn === 0 || headerRow > sheet.getMaxRows() ? [] : (sheet.getRange(headerRow, 1, 1, lastColumn).getValues()[0] ?? []);
  const headers = cells.filter((_, i) => !ours.has(i + 1)).map((h) => String(h as Cell ?? ''));
  // Both kinds' columns, so the sidebar can show the fields of the kind the user picks.
  const detected = { customers: detectColumns(headers, CUSTOMER_FIELDS, table.settings.columns) as Record<string, number>, orders: detectColumns(headers, ORDER_FIELDS, table.settings.columns) as Record<string, number> };
  const failed = lastFailure(props());
  return {
    sheet: sheet.getName(),
    headers,
    detected,
    settings: table.settings,
    /** The kind last scored (detected when the user left it to Tierwise). */
    kind: table.settings.kind ?? table.kind ?? 'customers',
    /** The language Tierwise's columns are in now (null: not scored yet). */
    scoredLanguage: table.scoredLanguage,
    today: new SheetTime(spreadsheet.getSpreadsheetTimeZone()).today(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    language: uiLanguage(),
    scheduledHour: scheduledHour(),
    lastFailure: failed === null ? null : failureSaid(failed),
    labels: { en: { tier: LABELS.en.tier, churnLevel: LABELS.en.churnLevel }, 'zh-CN': { tier: LABELS['zh-CN'].tier, churnLevel: LABELS['zh-CN'].churnLevel } },
  };
}

/** Lays the sidebar's fields over the table's saved settings; an invalid value is refused in words. */
export function saveSettings(patch: Record<string, unknown>): Settings {
  const sheet = tableSheetFor(props(), SpreadsheetApp.getActive());
  if (sheet === null) throw new Error(MESSAGES[uiLanguage()].notTable);
  return updateSettings(props(), sheet, patch);
}

/** The selected row's customer: tier, segment, churn risk, why, the playbook and next action. */
export function getPlaybookForSelection(language?: Language): CustomerPanel {
  return selectedCustomer(language === 'zh-CN' || language === 'en' ? language : uiLanguage());
}

/** A Score run's progress, for the sidebar to poll; null when none is running. */
export function getProgress(): Said | null {
  return readProgress(CacheService.getDocumentCache());
}

export function cancelScore(): void {
  requestCancel(CacheService.getDocumentCache());
}

export function scheduleDailyRescore(hour?: number): Said {
  return schedule(hour);
}

export function stopDailyRescore(): Said {
  return unschedule();
}

export function menuSchedule(): void {
  alert(schedule(undefined)[uiLanguage()]);
}

export function menuStopSchedule(): void {
  alert(unschedule()[uiLanguage()]);
}

export function dailyRescore(): void {
  runDaily();
}

/** Takes away everything Tierwise added: columns, formats, sheets, metadata, settings, the schedule; after a yes. */
export function removeTierwise(): Said | null {
  const language = uiLanguage();
  const ui = SpreadsheetApp.getUi();
  if (ui.alert('Tierwise', MESSAGES[language].confirmRemove, ui.ButtonSet.YES_NO) !== ui.Button.YES) return null;
  const removed = removeEverything(SpreadsheetApp.getActive());
  const hadRuns = readRuns(props()).length > 0;
  unschedule();
  forgetTables(props());
  forgetRuns(props());
  const said = removed.columns + removed.sheets === 0 && !hadRuns ? say((m) => m.nothingToRemove) : say((m) => m.removed(removed.columns, removed.sheets));
  alert(said[language]);
  return said;
}

export function TIERWISE_SCORE(range: unknown, asOf?: unknown): (string | number | Date)[][] {
  return scoreRange(range, asOf);
}

export function TIERWISE_TIER(range: unknown, asOf?: unknown): (string | number | Date)[][] {
  return scoreRange(range, asOf, ['tier']);
}

export function TIERWISE_CHURN_RISK(range: unknown, asOf?: unknown): (string | number | Date)[][] {
  return scoreRange(range, asOf, ['churnRisk']);
}
