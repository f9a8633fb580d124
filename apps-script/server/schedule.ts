// The daily re-score: one time-driven trigger (an add-on may have one per document per user) at the
// hour the user picked, read in the spreadsheet's time zone; it scores every table Tierwise scored
// (a trigger has no active sheet) and logs each run, failures included, on the summary sheet.
// https://developers.google.com/apps-script/reference/script/clock-trigger-builder
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers
import { z } from 'zod';
import { say, type Said } from './messages/index.ts';
import { findOurSheet } from './ownership.ts';
import { recordRun, type Run } from './run-log.ts';
import { RunControl } from './run-control.ts';
import { scoreTableSheet } from './score-sheet.ts';
import { SheetTime } from './sheet-time.ts';
import { writeRunLog } from './summary-sheet.ts';
import { scoredTables } from './tables.ts';
import type { Language } from '../../core/schema/options.ts';

export const DAILY_HANDLER = 'dailyRescore';
const HOUR_KEY = 'tierwise.scheduleHour';
const DEFAULT_HOUR = 6;
const HourSchema = z.number().int().min(0).max(23);

function ourTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
}

export function scheduledHour(): number | null {
  const spreadsheet = SpreadsheetApp.getActive();
  if (ourTriggers(spreadsheet).length === 0) return null;
  return Number(PropertiesService.getDocumentProperties().getProperty(HOUR_KEY) ?? DEFAULT_HOUR);
}

/** (Re)schedules the daily re-score at `hour` (0-23) in the spreadsheet's time zone. */
export function schedule(hour: unknown): Said {
  const props = PropertiesService.getDocumentProperties();
  const picked = HourSchema.safeParse(hour ?? Number(props.getProperty(HOUR_KEY) ?? DEFAULT_HOUR));
  if (!picked.success) return say((m) => m.settingsNotSaved(m.settingProblem('hour', m.notOneOf('0-23'))));
  const spreadsheet = SpreadsheetApp.getActive();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  for (const trigger of ourTriggers(spreadsheet)) ScriptApp.deleteTrigger(trigger);
  // inTimezone: atHour is read in the spreadsheet's zone, not the script's (UTC); nearMinute(0): on the hour (±15 min).
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(picked.data).nearMinute(0).inTimezone(timeZone).create();
  props.setProperty(HOUR_KEY, String(picked.data));
  return say((m) => m.scheduled(picked.data, timeZone));
}

export function unschedule(): Said {
  const triggers = ourTriggers(SpreadsheetApp.getActive());
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  PropertiesService.getDocumentProperties().deleteProperty(HOUR_KEY);
  return say((m) => (triggers.length > 0 ? m.stopped : m.noneToStop));
}

/** The trigger's run: each remembered table in turn, each run logged; one table failing does not stop the others. */
export function runDaily(): void {
  const props = PropertiesService.getDocumentProperties();
  const spreadsheet = SpreadsheetApp.getActive();
  const lock = LockService.getDocumentLock();
  let language: Language = 'en';
  const log = (run: Omit<Run, 'at' | 'trigger'>) => recordRun(props, { ...run, at: new Date().toISOString(), trigger: true });
  let runs: Run[] = [];
  if (!lock.tryLock(30_000)) {
    runs = log({ sheet: '', rows: 0, ok: false, error: say((m) => m.busy)[language] });
  } else {
    try {
      for (const table of scoredTables(props, spreadsheet)) {
        language = table.settings.options.language;
        const rows = Math.max(0, table.sheet.getLastRow() - (table.headerRow ?? 1));
        try {
          const outcome = scoreTableSheet(table.sheet, table.settings, new RunControl(Date.now(), CacheService.getDocumentCache()));
          runs = log({ sheet: table.sheet.getName(), rows, ok: outcome.ok, error: outcome.ok ? '' : outcome.message });
        } catch (error) {
          // Logged for the user (run log, next open) and for the developer (Stackdriver), then the next table.
          console.error(error);
          runs = log({ sheet: table.sheet.getName(), rows, ok: false, error: error instanceof Error ? error.message : String(error) });
        }
      }
    } finally {
      lock.releaseLock();
    }
  }
  const summary = findOurSheet(spreadsheet, 'summary');
  if (summary !== null && runs.length > 0) writeRunLog(summary, runs, language, new SheetTime(spreadsheet.getSpreadsheetTimeZone()));
}
