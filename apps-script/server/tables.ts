// The tables Tierwise has scored, remembered in document properties by sheet id (which survives
// renames and reordering): where the header row is, and that table's settings. A trigger has no
// active sheet, so the daily re-score works from this list; a click on a Tierwise sheet goes back to
// the table it came from.
import { z } from 'zod';
import type { Language } from '../../core/schema/options.ts';
import { mergeSettings, parseSettings, type Settings } from './settings.ts';
import { ourSheetKind } from './ownership.ts';
import { checkMapping } from './mapping.ts';

const PREFIX = 'tierwise.table.';
const LAST = 'tierwise.lastTable';

const StoredTableSchema = z.object({
  sheetId: z.number().int(),
  /** null until the table has been scored once. */
  headerRow: z.number().int().min(1).nullable(),
  /** What the last Score found: a customer or an order table, and the sheet column of the id. */
  kind: z.enum(['customers', 'orders']).nullable().default(null),
  idColumn: z.number().int().min(1).nullable().default(null),
  /** The language Tierwise's columns were last written in. */
  scoredLanguage: z.enum(['en', 'zh-CN']).nullable().default(null),
  /** The user's settings as they gave them (defaults are not frozen in). */
  settings: z.record(z.string(), z.unknown()),
});
type StoredTable = z.infer<typeof StoredTableSchema>;

export interface Table {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  headerRow: number | null;
  kind: 'customers' | 'orders' | null;
  idColumn: number | null;
  scoredLanguage: Language | null;
  settings: Settings;
}

type Props = GoogleAppsScript.Properties.Properties;

function read(props: Props, sheetId: number): StoredTable {
  const text = props.getProperty(PREFIX + sheetId);
  if (text === null) return { sheetId, headerRow: null, kind: null, idColumn: null, scoredLanguage: null, settings: {} };
  return StoredTableSchema.parse(JSON.parse(text));
}

function write(props: Props, table: StoredTable): void {
  props.setProperty(PREFIX + table.sheetId, JSON.stringify(table));
}

/** The table's language: as saved, else the user's Google language (a trigger has none: English). */
function language(stored: StoredTable): Language {
  const options = stored.settings['options'];
  const saved = typeof options === 'object' && options !== null ? (options as { language?: unknown }).language : undefined;
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return Session.getActiveUserLocale().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Stored settings with the language filled in when the user never picked one. */
function withLanguage(stored: StoredTable): Record<string, unknown> {
  const options = (stored.settings['options'] ?? {}) as Record<string, unknown>;
  return { ...stored.settings, options: { ...options, language: language(stored) } };
}

export function tableOf(props: Props, sheet: GoogleAppsScript.Spreadsheet.Sheet): Table {
  const stored = read(props, sheet.getSheetId());
  return { sheet, headerRow: stored.headerRow, kind: stored.kind, idColumn: stored.idColumn, scoredLanguage: stored.scoredLanguage, settings: parseSettings(withLanguage(stored), language(stored)) };
}

/** Lays `patch` over the table's stored settings, validates the result, stores it. */
export function updateSettings(props: Props, sheet: GoogleAppsScript.Spreadsheet.Sheet, patch: Record<string, unknown>): Settings {
  const stored = read(props, sheet.getSheetId());
  const merged = mergeSettings(stored.settings, patch);
  // Refusals speak the language being chosen, even when another field is what is wrong.
  const settings = parseSettings(merged, language({ ...stored, settings: merged }));
  // The fields sent are checked against the kind they will be read as (the saved or the sent kind).
  checkMapping(patch['columns'], settings.kind, language({ ...stored, settings: merged }));
  write(props, { ...stored, settings: merged });
  return settings;
}

export function rememberScored(props: Props, sheet: GoogleAppsScript.Spreadsheet.Sheet, found: { headerRow: number; kind: 'customers' | 'orders'; idColumn: number | null; scoredLanguage: Language }): void {
  write(props, { ...read(props, sheet.getSheetId()), ...found });
  props.setProperty(LAST, String(sheet.getSheetId()));
}

/** Every scored table whose sheet still exists. */
export function scoredTables(props: Props, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Table[] {
  const tables: Table[] = [];
  for (const key of props.getKeys()) {
    if (!key.startsWith(PREFIX)) continue;
    const stored = StoredTableSchema.parse(JSON.parse(props.getProperty(key) ?? 'null'));
    const sheet = spreadsheet.getSheetById(stored.sheetId);
    if (sheet !== null && stored.headerRow !== null) tables.push({ sheet, headerRow: stored.headerRow, kind: stored.kind, idColumn: stored.idColumn, scoredLanguage: stored.scoredLanguage, settings: parseSettings(withLanguage(stored), language(stored)) });
  }
  return tables;
}

/** The user's table for a click: the active sheet, or, on a sheet Tierwise made, the table scored last. */
export function tableSheetFor(props: Props, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  const active = spreadsheet.getActiveSheet();
  if (ourSheetKind(active) === null) return active;
  const last = props.getProperty(LAST);
  return last === null ? null : spreadsheet.getSheetById(Number(last));
}

export function forgetTables(props: Props): void {
  for (const key of props.getKeys()) if (key.startsWith(PREFIX) || key === LAST) props.deleteProperty(key);
}
