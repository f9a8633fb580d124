// Sheet, Range and DeveloperMetadata as the add-on uses them, at least as strict as Google's
// reference on every point the add-on relies on; each behaviour cites its reference.
// Outline: CallLog · coercion on write · FakeMetadata · FakeRange · FakeSheet.
import type { FakeSpreadsheet } from './fake-spreadsheet.ts';

export type Value = string | number | boolean | Date;

export class CallLog {
  calls: string[] = [];
  /** Cells handed to the script by getValues/getValue, to show what a click costs. */
  cellsRead = 0;
  record(name: string): void {
    this.calls.push(name);
  }
  count(name: string): number {
    return this.calls.filter((c) => c === name).length;
  }
}

/** Apps Script errors carry Google's wording, so a test can match what a user would see. */
export class AppsScriptError extends Error {
  override name = 'Exception';
}

/**
 * setValues parses strings as if the user typed them (Sheets API ValueInputOption USER_ENTERED, which
 * is what Range.setValue/setValues do): "=…" becomes a formula, "333" and "0042" numbers, "TRUE" a
 * boolean, "2026-03-01" a date, "12%" 0.12; a leading apostrophe or the plain-text format "@" keeps
 * the text. https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
 */
export function coerce(value: Value, format: string | null, makeDate: (iso: string) => Date): { value: Value; formula: string | null } {
  if (typeof value !== 'string') return { value, formula: null };
  if (format === '@') return { value, formula: null };
  if (value.startsWith("'")) return { value: value.slice(1), formula: null };
  if (value.startsWith('=') && value.length > 1) return { value: '#ERROR!', formula: value };
  const text = value.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { value: Number(text), formula: null };
  if (/^[+-]?\d+(\.\d+)?%$/.test(text)) return { value: Number(text.slice(0, -1)) / 100, formula: null };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true', formula: null };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { value: makeDate(text), formula: null };
  return { value, formula: null };
}

export class FakeMetadata implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getKey' | 'getValue' | 'remove'> {
  readonly key: string;
  readonly value: string;
  readonly visibility: string;
  /** A whole column of `sheet`, or the sheet itself when column is null. */
  sheet: FakeSheet;
  column: number | null;
  constructor(sheet: FakeSheet, key: string, value: string, column: number | null, visibility: string) {
    this.sheet = sheet;
    this.key = key;
    this.value = value;
    this.column = column;
    this.visibility = visibility;
  }
  getKey(): string {
    return this.key;
  }
  getValue(): string {
    return this.value;
  }
  getLocation() {
    return {
      getColumn: () => (this.column === null ? null : new FakeRange(this.sheet, 1, this.column, this.sheet.getMaxRows(), 1)),
      getSheet: () => (this.column === null ? this.sheet : null),
      getLocationType: () => (this.column === null ? 'SHEET' : 'COLUMN'),
    };
  }
  remove(): void {
    this.sheet.spreadsheet.metadata = this.sheet.spreadsheet.metadata.filter((m) => m !== this);
  }
}

export class FakeRange implements Pick<GoogleAppsScript.Spreadsheet.Range, 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getA1Notation' | 'getLastRow' | 'getLastColumn'> {
  readonly sheet: FakeSheet;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  constructor(sheet: FakeSheet, row: number, column: number, rows: number, columns: number) {
    this.sheet = sheet;
    this.row = row;
    this.column = column;
    this.rows = rows;
    this.columns = columns;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getLastRow(): number {
    return this.row + this.rows - 1;
  }
  getLastColumn(): number {
    return this.column + this.columns - 1;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.columns;
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  getA1Notation(): string {
    const start = `${columnLetter(this.column)}${this.row}`;
    return this.rows === 1 && this.columns === 1 ? start : `${start}:${columnLetter(this.getLastColumn())}${this.getLastRow()}`;
  }
  getValues(): Value[][] {
    this.sheet.log.record('Range.getValues');
    this.sheet.log.cellsRead += this.rows * this.columns;
    const out: Value[][] = new Array(this.rows);
    for (let r = 0; r < this.rows; r++) {
      const row = new Array<Value>(this.columns);
      for (let c = 0; c < this.columns; c++) {
        const v = this.sheet.cell(this.row + r, this.column + c);
        // Each call hands out new Date objects, as Sheets does.
        row[c] = v instanceof Date ? this.sheet.spreadsheet.newDate(v.getTime()) : v;
      }
      out[r] = row;
    }
    return out;
  }
  getValue(): Value {
    this.sheet.log.record('Range.getValue');
    this.sheet.log.cellsRead += 1;
    return this.sheet.cell(this.row, this.column);
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object) — dimensions must match. */
  setValues(values: Value[][]): FakeRange {
    this.sheet.log.record('Range.setValues');
    this.sheet.spreadsheet.assertWritable('setValues');
    if (values.length !== this.rows || values.some((row) => row.length !== this.columns)) {
      throw new AppsScriptError(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rows}.`);
    }
    for (let r = 0; r < this.rows; r++) {
      const row = values[r] as Value[];
      for (let c = 0; c < this.columns; c++) this.sheet.write(this.row + r, this.column + c, row[c] as Value);
    }
    return this;
  }
  clearContent(): FakeRange {
    this.sheet.log.record('Range.clearContent');
    this.sheet.spreadsheet.assertWritable('clearContent');
    for (let r = this.row; r <= Math.min(this.getLastRow(), this.sheet.grid.length); r++) {
      const row = this.sheet.grid[r - 1] as Value[];
      for (let c = this.column; c <= Math.min(this.getLastColumn(), row.length); c++) {
        row[c - 1] = '';
        this.sheet.formulas.delete(`${r}:${c}`);
      }
    }
    return this;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String) */
  setNumberFormat(format: string): FakeRange {
    this.sheet.log.record('Range.setNumberFormat');
    this.sheet.spreadsheet.assertWritable('setNumberFormat');
    this.sheet.formats.push({ row: this.row, column: this.column, rows: this.rows, columns: this.columns, format });
    return this;
  }
  getNumberFormat(): string {
    return this.sheet.formatAt(this.row, this.column) ?? 'General';
  }
  /** Column metadata needs a whole-column range ("K:K"). https://developers.google.com/apps-script/reference/spreadsheet/range#addDeveloperMetadata(String,String,DeveloperMetadataVisibility) */
  addDeveloperMetadata(key: string, value: string, visibility = 'DOCUMENT'): FakeRange {
    this.sheet.log.record('Range.addDeveloperMetadata');
    this.sheet.spreadsheet.assertWritable('addDeveloperMetadata');
    if (this.row !== 1 || this.rows !== this.sheet.getMaxRows() || this.columns !== 1) {
      throw new AppsScriptError('Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.');
    }
    this.sheet.spreadsheet.metadata.push(new FakeMetadata(this.sheet, key, value, this.column, visibility));
    return this;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/text-finder — entire-cell match over displayed text. */
  createTextFinder(text: string) {
    this.sheet.log.record('Range.createTextFinder');
    let entire = false;
    const finder = {
      matchEntireCell: (on: boolean) => ((entire = on), finder),
      matchCase: () => finder,
      findNext: (): FakeRange | null => {
        for (let r = this.row; r <= this.getLastRow(); r++) {
          for (let c = this.column; c <= this.getLastColumn(); c++) {
            const shown = String(this.sheet.cell(r, c));
            if (entire ? shown === text : shown.includes(text)) return new FakeRange(this.sheet, r, c, 1, 1);
          }
        }
        return null;
      },
    };
    return finder;
  }
  getRanges(): FakeRange[] {
    return [this];
  }
}

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export interface FakeRule {
  text: string;
  background: string;
  ranges: FakeRange[];
  getRanges(): FakeRange[];
}

interface FormatRect {
  row: number;
  column: number;
  rows: number;
  columns: number;
  format: string;
}

let nextSheetId = 0;

export class FakeSheet implements Pick<GoogleAppsScript.Spreadsheet.Sheet, 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'getName' | 'getSheetId'> {
  grid: Value[][] = [];
  formulas = new Map<string, string>();
  formats: FormatRect[] = [];
  rules: FakeRule[] = [];
  charts: unknown[] = [];
  maxRows: number;
  maxColumns: number;
  activeRow = 1;
  readonly id: number;
  readonly spreadsheet: FakeSpreadsheet;
  name: string;
  readonly log: CallLog;
  constructor(spreadsheet: FakeSpreadsheet, name: string, log: CallLog, values: Value[][] = []) {
    this.spreadsheet = spreadsheet;
    this.name = name;
    this.log = log;
    // Sheet ids are stable numbers that do not follow the tab order (sheet 0 is the first one made).
    this.id = nextSheetId === 0 ? (nextSheetId = 1, 0) : 100_000 + nextSheetId++ * 7919;
    this.grid = values.map((r) => [...r]);
    // A new sheet is 1000 rows × 26 columns. https://support.google.com/docs/answer/37603
    this.maxRows = Math.max(1000, values.length);
    this.maxColumns = values.reduce((m, r) => Math.max(m, r.length), 26);
  }
  cell(row: number, column: number): Value {
    return this.grid[row - 1]?.[column - 1] ?? '';
  }
  /** A user typing into the sheet (tests): no coercion, no checks. */
  set(row: number, column: number, value: Value): void {
    while (this.grid.length < row) this.grid.push([]);
    const r = this.grid[row - 1] as Value[];
    while (r.length < column) r.push('');
    r[column - 1] = value;
    if (this.formulas.size > 0) this.formulas.delete(`${row}:${column}`);
  }
  /** The script writing a cell: coerced as Sheets does. */
  write(row: number, column: number, value: Value): void {
    const { value: stored, formula } = coerce(value, this.formatAt(row, column), (iso) => this.spreadsheet.dateOf(iso));
    this.set(row, column, stored);
    if (formula !== null) this.formulas.set(`${row}:${column}`, formula);
  }
  formatAt(row: number, column: number): string | null {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i] as FormatRect;
      if (row >= f.row && row < f.row + f.rows && column >= f.column && column < f.column + f.columns) return f.format;
    }
    return null;
  }
  getName(): string {
    return this.name;
  }
  getSheetId(): number {
    return this.id;
  }
  getParent(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#activate() */
  activate(): FakeSheet {
    this.spreadsheet.active = this;
    return this;
  }
  getLastRow(): number {
    for (let r = this.grid.length; r > 0; r--) if ((this.grid[r - 1] ?? []).some((v) => v !== '')) return r;
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this.grid) for (let i = row.length - 1; i >= last; i--) if (row[i] !== '') { last = i + 1; break; }
    return last;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  /** Growing the grid counts against the 10M-cell limit. https://support.google.com/docs/answer/37603 */
  insertColumnsAfter(_after: number, howMany: number): FakeSheet {
    this.log.record('Sheet.insertColumnsAfter');
    this.spreadsheet.assertWritable('insertColumnsAfter');
    this.spreadsheet.assertCells(howMany * this.maxRows);
    this.maxColumns += howMany;
    return this;
  }
  insertRowsAfter(_after: number, howMany: number): FakeSheet {
    this.log.record('Sheet.insertRowsAfter');
    this.spreadsheet.assertWritable('insertRowsAfter');
    this.spreadsheet.assertCells(howMany * this.maxColumns);
    this.maxRows += howMany;
    return this;
  }
  /** Deleting columns drops their values, formats and the metadata on them. https://developers.google.com/sheets/api/guides/metadata */
  deleteColumns(column: number, howMany: number): void {
    this.log.record('Sheet.deleteColumns');
    this.spreadsheet.assertWritable('deleteColumns');
    this.checkBounds(1, column, 1, howMany);
    for (const row of this.grid) row.splice(column - 1, howMany);
    const formulas = new Map<string, string>();
    for (const [key, f] of this.formulas) {
      const [r, c] = key.split(':').map(Number) as [number, number];
      if (c < column) formulas.set(key, f);
      else if (c >= column + howMany) formulas.set(`${r}:${c - howMany}`, f);
    }
    this.formulas = formulas;
    this.spreadsheet.metadata = this.spreadsheet.metadata.filter((m) => !(m.sheet === this && m.column !== null && m.column >= column && m.column < column + howMany));
    for (const m of this.spreadsheet.metadata) if (m.sheet === this && m.column !== null && m.column >= column + howMany) m.column -= howMany;
    this.formats = this.formats.filter((f) => f.column + f.columns - 1 < column || f.column >= column + howMany).map((f) => (f.column >= column + howMany ? { ...f, column: f.column - howMany } : f));
    this.rules = this.rules.filter((rule) => rule.ranges.every((r) => r.column + r.columns - 1 < column || r.column >= column + howMany));
    this.maxColumns -= howMany;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer) */
  getRange(a: number | string, column?: number, rows = 1, columns = 1): FakeRange {
    this.log.record('Sheet.getRange');
    if (typeof a === 'string') {
      const m = /^([A-Z]+):([A-Z]+)$/.exec(a);
      if (!m) throw new Error(`test emulator: unsupported A1 range ${a}`);
      const from = columnNumber(m[1] as string);
      const to = columnNumber(m[2] as string);
      this.checkBounds(1, from, this.maxRows, to - from + 1);
      return new FakeRange(this, 1, from, this.maxRows, to - from + 1);
    }
    if (column === undefined) throw new AppsScriptError('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    this.checkBounds(a, column, rows, columns);
    return new FakeRange(this, a, column, rows, columns);
  }
  private checkBounds(row: number, column: number, rows: number, columns: number): void {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) throw new AppsScriptError(`The starting ${row < 1 || !Number.isInteger(row) ? 'row' : 'column'} of the range is too small.`);
    if (!Number.isInteger(rows) || rows < 1) throw new AppsScriptError('The number of rows in the range must be at least 1.');
    if (!Number.isInteger(columns) || columns < 1) throw new AppsScriptError('The number of columns in the range must be at least 1.');
    if (row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns) throw new AppsScriptError('The coordinates of the range are outside the dimensions of the sheet.');
  }
  getDataRange(): FakeRange {
    return this.getRange(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  /** In a trigger there is no selection. */
  getActiveRange(): FakeRange | null {
    if (this.spreadsheet.context !== 'user') return null;
    return new FakeRange(this, this.activeRow, 1, 1, 1);
  }
  /** Sheet-level metadata. https://developers.google.com/apps-script/reference/spreadsheet/sheet#addDeveloperMetadata(String,String,DeveloperMetadataVisibility) */
  addDeveloperMetadata(key: string, value: string, visibility = 'DOCUMENT'): FakeSheet {
    this.spreadsheet.assertWritable('addDeveloperMetadata');
    this.spreadsheet.metadata.push(new FakeMetadata(this, key, value, null, visibility));
    return this;
  }
  createDeveloperMetadataFinder() {
    this.log.record('Sheet.createDeveloperMetadataFinder');
    return this.spreadsheet.finder((m) => m.sheet === this);
  }
  getConditionalFormatRules(): FakeRule[] {
    this.log.record('Sheet.getConditionalFormatRules');
    return [...this.rules];
  }
  setConditionalFormatRules(rules: FakeRule[]): void {
    this.log.record('Sheet.setConditionalFormatRules');
    this.spreadsheet.assertWritable('setConditionalFormatRules');
    this.rules = [...rules];
  }
  /** Sheet.moveColumns: a user dragging columns; values, formulas and column metadata move together. */
  moveColumns(columnSpec: FakeRange, destinationIndex: number): void {
    const from = columnSpec.column;
    for (const row of this.grid) {
      while (row.length < Math.max(from, destinationIndex)) row.push('');
      const [moved] = row.splice(from - 1, 1);
      row.splice(destinationIndex - (destinationIndex > from ? 2 : 1), 0, moved as Value);
    }
    const to = destinationIndex > from ? destinationIndex - 1 : destinationIndex;
    for (const m of this.spreadsheet.metadata) {
      if (m.sheet !== this || m.column === null) continue;
      if (m.column === from) m.column = to;
      else if (from < to && m.column > from && m.column <= to) m.column--;
      else if (to < from && m.column >= to && m.column < from) m.column++;
    }
  }
  clear(): FakeSheet {
    this.spreadsheet.assertWritable('clear');
    this.grid = [];
    this.formulas.clear();
    this.formats = [];
    return this;
  }
  clearContents(): FakeSheet {
    this.spreadsheet.assertWritable('clearContents');
    this.grid = [];
    this.formulas.clear();
    return this;
  }
  getCharts(): unknown[] {
    return [...this.charts];
  }
  removeChart(chart: unknown): void {
    this.charts = this.charts.filter((c) => c !== chart);
  }
  newChart() {
    const chart: Record<string, unknown> = {};
    const builder = {
      setChartType: (t: string) => ((chart['type'] = t), builder),
      addRange: (r: FakeRange) => ((chart['range'] = r.getA1Notation()), builder),
      setPosition: () => builder,
      setOption: (k: string, v: unknown) => ((chart[k] = v), builder),
      build: () => chart,
    };
    return builder;
  }
  insertChart(chart: unknown): void {
    this.charts.push(chart);
  }
  getFilter(): null {
    this.log.record('Sheet.getFilter');
    return null;
  }
}
