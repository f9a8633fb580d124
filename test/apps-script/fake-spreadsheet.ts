// Spreadsheet as the add-on uses it: sheets, the active sheet, the time zone, developer metadata, the
// 10M-cell limit, and what a trigger or a custom function may not do. Each behaviour cites Google's reference.
import { AppsScriptError, FakeSheet, type CallLog, type FakeMetadata, type Value } from './fake-sheet.ts';
import { sheetDate } from './time-zone.ts';

/** A menu click or sidebar call (user), a time-driven trigger, a custom function in a cell, or onOpen before the add-on is enabled in the file (AuthMode.NONE). */
export type Context = 'user' | 'trigger' | 'custom' | 'none';

/** https://support.google.com/docs/answer/37603 ("Up to 10 million cells … for spreadsheets"). */
export const CELL_LIMIT = 10_000_000;

export class FakeSpreadsheet implements Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, 'getSpreadsheetTimeZone' | 'toast'> {
  sheets: FakeSheet[] = [];
  active: FakeSheet;
  metadata: FakeMetadata[] = [];
  context: Context = 'user';
  timeZone: string;
  readonly log: CallLog;
  /** Dates of the script's realm (node:vm), as Sheets hands the script its own Dates. */
  readonly newDate: (time: number) => Date;
  constructor(log: CallLog, values: Value[][], timeZone: string, newDate: (time: number) => Date) {
    this.log = log;
    this.timeZone = timeZone;
    this.newDate = newDate;
    this.active = new FakeSheet(this, 'Customers', log, values);
    this.sheets.push(this.active);
  }
  /** A calendar day as a Date at midnight in the spreadsheet's zone. https://developers.google.com/apps-script/guides/sheets#dates_and_times */
  dateOf(iso: string): Date {
    return this.newDate(sheetDate(iso, this.timeZone).getTime());
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  cells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }
  /** Google's wording when an edit would pass the limit. https://support.google.com/docs/answer/37603 */
  assertCells(added: number): void {
    if (this.cells() + added > CELL_LIMIT) throw new AppsScriptError(`This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT.toLocaleString('en-US')} cells.`);
  }
  /** Custom functions may only read. https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services */
  assertWritable(method: string): void {
    if (this.context === 'custom') throw new AppsScriptError(`You do not have permission to call ${method}`);
  }
  toasts: string[] = [];
  toast(message: string): void {
    this.toasts.push(message);
  }
  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    return this.sheets.find((s) => s.id === id) ?? null;
  }
  /** "The new sheet becomes the active sheet." https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String) */
  insertSheet(name: string): FakeSheet {
    this.log.record('Spreadsheet.insertSheet');
    this.assertWritable('insertSheet');
    if (this.getSheetByName(name) !== null) throw new AppsScriptError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.assertCells(1000 * 26);
    const sheet = new FakeSheet(this, name, this.log);
    this.sheets.push(sheet);
    this.active = sheet;
    return sheet;
  }
  /** Deleting a sheet deletes its metadata. https://developers.google.com/sheets/api/guides/metadata */
  deleteSheet(sheet: FakeSheet): void {
    this.log.record('Spreadsheet.deleteSheet');
    this.assertWritable('deleteSheet');
    if (this.sheets.length === 1) throw new AppsScriptError("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.metadata = this.metadata.filter((m) => m.sheet !== sheet);
    if (this.active === sheet) this.active = this.sheets[0] as FakeSheet;
  }
  /** A tab the user made (tests): at `index` in the tab order, not activated, values as typed. */
  addUserSheet(name: string, values: Value[][], index = this.sheets.length): FakeSheet {
    const sheet = new FakeSheet(this, name, this.log, values.map((row) => row.map((v) => (v instanceof Date ? this.newDate(v.getTime()) : v))));
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }
  /**
   * In a time-driven trigger nobody has the file open: the "active" sheet is the first one, whatever
   * tab a user last looked at. https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSheet()
   */
  getActiveSheet(): FakeSheet {
    return this.context === 'user' ? this.active : (this.sheets[0] as FakeSheet);
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    return sheet.activate();
  }
  createDeveloperMetadataFinder() {
    return this.finder(() => true);
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder */
  finder(scope: (m: FakeMetadata) => boolean) {
    let key: string | null = null;
    const finder = {
      withKey: (k: string) => ((key = k), finder),
      find: () => this.metadata.filter((m) => scope(m) && (key === null || m.key === key)),
    };
    return finder;
  }
}
