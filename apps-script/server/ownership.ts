// What Tierwise added to a spreadsheet, known by developer metadata only (never by header text or
// sheet name, which the user may share): its result columns, its summary and customers sheets.
// Also the one place that takes all of it away again ("Remove Tierwise columns").
import { RESULT_COLUMNS } from '../../adapters/result-columns.ts';

/** Column metadata: value is the result column's key. Sheet metadata: value is the sheet's kind. */
export const COLUMN_KEY = 'tierwise.column';
export const SHEET_KEY = 'tierwise.sheet';

export type ResultKey = (typeof RESULT_COLUMNS)[number]['key'];
export type SheetKind = 'summary' | 'customers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const RESULT_KEYS: ReadonlySet<string> = new Set(RESULT_COLUMNS.map((c) => c.key));

/** 1-based column of each result column Tierwise put on this sheet (moved columns are followed). */
export function ownedColumns(sheet: Sheet): Map<ResultKey, number> {
  const found = new Map<ResultKey, number>();
  for (const meta of sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).find()) {
    const column = meta.getLocation().getColumn();
    if (column !== null && RESULT_KEYS.has(meta.getValue() ?? '')) found.set(meta.getValue() as ResultKey, column.getColumn());
  }
  return found;
}

/** Marks a whole column as Tierwise's; column metadata moves with the column when the user drags it. */
export function claimColumn(sheet: Sheet, column: number, key: ResultKey): void {
  const letter = sheet.getRange(1, column).getA1Notation().replace(/\d+$/, '');
  sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_KEY, key, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

export function ourSheetKind(sheet: Sheet): SheetKind | null {
  for (const meta of sheet.createDeveloperMetadataFinder().withKey(SHEET_KEY).find()) {
    if (meta.getLocation().getSheet() !== null) return meta.getValue() as SheetKind;
  }
  return null;
}

export function findOurSheet(spreadsheet: Spreadsheet, kind: SheetKind): Sheet | null {
  for (const meta of spreadsheet.createDeveloperMetadataFinder().withKey(SHEET_KEY).find()) {
    const sheet = meta.getLocation().getSheet();
    if (sheet !== null && meta.getValue() === kind) return sheet;
  }
  return null;
}

/**
 * Tierwise's sheet of this kind, made if missing. insertSheet makes the new sheet the active one, so
 * the user's tab is activated again: they stay where they pressed Score. A user's own sheet with the
 * same name is left alone and ours gets a numbered name.
 */
export function ourSheet(spreadsheet: Spreadsheet, kind: SheetKind, name: string, userSheet: Sheet | null): Sheet {
  const existing = findOurSheet(spreadsheet, kind);
  if (existing !== null) return existing;
  let unique = name;
  for (let i = 2; spreadsheet.getSheetByName(unique) !== null; i++) unique = `${name} (${i})`;
  const sheet = spreadsheet.insertSheet(unique);
  sheet.addDeveloperMetadata(SHEET_KEY, kind, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  if (userSheet !== null) userSheet.activate();
  return sheet;
}

/** Conditional format rules that apply only inside the given columns (ours). */
export function isRuleInColumns(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule, columns: ReadonlySet<number>): boolean {
  return rule.getRanges().every((r) => {
    for (let c = r.getColumn(); c < r.getColumn() + r.getNumColumns(); c++) if (!columns.has(c)) return false;
    return true;
  });
}

/** Deletes Tierwise's columns (with their formats and rules), its sheets and its metadata; nothing else. */
export function removeEverything(spreadsheet: Spreadsheet): { columns: number; sheets: number } {
  const bySheet = new Map<Sheet, number[]>();
  for (const meta of spreadsheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).find()) {
    const range = meta.getLocation().getColumn();
    if (range === null) continue;
    const sheet = range.getSheet();
    const list = bySheet.get(sheet) ?? [];
    list.push(range.getColumn());
    bySheet.set(sheet, list);
  }
  let columns = 0;
  for (const [sheet, list] of bySheet) {
    const ours = new Set(list);
    const rules = sheet.getConditionalFormatRules();
    const kept = rules.filter((rule) => !isRuleInColumns(rule, ours));
    if (kept.length !== rules.length) sheet.setConditionalFormatRules(kept);
    // Right to left, so the positions still to delete do not shift.
    for (const column of [...ours].sort((a, b) => b - a)) {
      sheet.deleteColumns(column, 1);
      columns++;
    }
  }
  let sheets = 0;
  for (const kind of ['summary', 'customers'] as const) {
    const sheet = findOurSheet(spreadsheet, kind);
    if (sheet !== null && spreadsheet.getSheets().length > 1) {
      spreadsheet.deleteSheet(sheet);
      sheets++;
    }
  }
  return { columns, sheets };
}
