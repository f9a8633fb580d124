// Sheet as the add-on uses it, at least as strict as Google's reference on every point the add-on
// relies on; each behaviour cites its reference.
import type { FakeSpreadsheet } from './fake-spreadsheet.ts';
import { FakeMetadata, FakeRange } from './fake-range.ts';
import { AppsScriptError, coerce, columnNumber, type CallLog, type Value } from './values.ts';

export { CallLog, AppsScriptError, columnLetter, type Value } from './values.ts';
export { FakeMetadata, FakeRange } from './fake-range.ts';

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

export class FakeSheet implements Pick<GoogleAppsScript.Spreadsheet.Sheet, 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'getName' | 'getSheetId' | 'deleteColumns'> {
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
