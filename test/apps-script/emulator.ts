// An Apps Script runtime for tests: the services the add-on uses, in memory, typed against
// @types/google-apps-script (each class implements a Pick of the real interface, so a signature that
// drifts from Google's breaks the type-check), recording every call. The built bundle
// (dist/apps-script/Code.js) runs in a node:vm context that sees only these globals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';

type Value = string | number | boolean | Date;

export class CallLog {
  calls: string[] = [];
  record(name: string): void {
    this.calls.push(name);
  }
  count(name: string): number {
    return this.calls.filter((c) => c === name).length;
  }
}

export class FakeMetadata implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getKey' | 'getValue'> {
  readonly sheet: FakeSheet;
  readonly key: string;
  readonly value: string;
  column: number;
  constructor(sheet: FakeSheet, key: string, value: string, column: number) {
    this.sheet = sheet;
    this.key = key;
    this.value = value;
    this.column = column;
  }
  getKey(): string {
    return this.key;
  }
  getValue(): string {
    return this.value;
  }
  getLocation() {
    return { getColumn: () => this.sheet.getRange(1, this.column, this.sheet.getMaxRows(), 1) };
  }
}

export class FakeRange implements Pick<GoogleAppsScript.Spreadsheet.Range, 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getA1Notation'> {
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
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.columns;
  }
  getA1Notation(): string {
    return `${columnLetter(this.column)}${this.row}`;
  }
  getValues(): Value[][] {
    this.sheet.log.record('Range.getValues');
    return Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.columns }, (_, c) => this.sheet.cell(this.row + r, this.column + c)));
  }
  setValues(values: Value[][]): FakeRange {
    this.sheet.log.record('Range.setValues');
    if (values.length !== this.rows || values.some((row) => row.length !== this.columns)) {
      throw new Error(`The number of rows or columns in the data does not match the range (${values.length}×${values[0]?.length} vs ${this.rows}×${this.columns})`);
    }
    values.forEach((row, r) => row.forEach((v, c) => this.sheet.set(this.row + r, this.column + c, v)));
    return this;
  }
  addDeveloperMetadata(key: string, value: string): FakeRange {
    this.sheet.log.record('Range.addDeveloperMetadata');
    if (this.rows !== this.sheet.getMaxRows()) throw new Error('test emulator: metadata is only supported on whole columns');
    this.sheet.metadata.push(new FakeMetadata(this.sheet, key, value, this.column));
    return this;
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

export class FakeSheet implements Pick<GoogleAppsScript.Spreadsheet.Sheet, 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'getName'> {
  grid: Value[][] = [];
  formulas = new Map<string, string>();
  metadata: FakeMetadata[] = [];
  rules: FakeRule[] = [];
  charts: unknown[] = [];
  maxRows: number;
  maxColumns: number;
  activeRow = 1;
  readonly spreadsheet: FakeSpreadsheet;
  readonly name: string;
  readonly log: CallLog;
  constructor(
    spreadsheet: FakeSpreadsheet,
    name: string,
    log: CallLog,
    values: Value[][] = [],
  ) {
    this.spreadsheet = spreadsheet;
    this.name = name;
    this.log = log;
    this.grid = values.map((r) => [...r]);
    this.maxRows = Math.max(1000, values.length);
    this.maxColumns = Math.max(26, ...values.map((r) => r.length));
  }
  cell(row: number, column: number): Value {
    return this.grid[row - 1]?.[column - 1] ?? '';
  }
  set(row: number, column: number, value: Value): void {
    while (this.grid.length < row) this.grid.push([]);
    const r = this.grid[row - 1] as Value[];
    while (r.length < column) r.push('');
    r[column - 1] = value;
    this.formulas.delete(`${row}:${column}`);
  }
  getName(): string {
    return this.name;
  }
  getParent(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getLastRow(): number {
    for (let r = this.grid.length; r > 0; r--) if ((this.grid[r - 1] ?? []).some((v) => v !== '')) return r;
    return 0;
  }
  getLastColumn(): number {
    return Math.max(0, ...this.grid.map((row) => row.reduce((last: number, v, i) => (v !== '' ? i + 1 : last), 0)));
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  insertColumnsAfter(_after: number, howMany: number): FakeSheet {
    this.log.record('Sheet.insertColumnsAfter');
    this.maxColumns += howMany;
    return this;
  }
  getRange(a: number | string, column?: number, rows = 1, columns = 1): FakeRange {
    this.log.record('Sheet.getRange');
    if (typeof a === 'string') {
      const m = /^([A-Z]+):([A-Z]+)$/.exec(a);
      if (!m) throw new Error(`test emulator: unsupported A1 range ${a}`);
      const from = columnNumber(m[1] as string);
      return new FakeRange(this, 1, from, this.maxRows, columnNumber(m[2] as string) - from + 1);
    }
    return new FakeRange(this, a, column as number, rows, columns);
  }
  getDataRange(): FakeRange {
    return this.getRange(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getActiveRange(): FakeRange {
    return new FakeRange(this, this.activeRow, 1, 1, 1);
  }
  createDeveloperMetadataFinder() {
    this.log.record('Sheet.createDeveloperMetadataFinder');
    let key: string | null = null;
    const finder = {
      withKey: (k: string) => ((key = k), finder),
      find: () => this.metadata.filter((m) => key === null || m.key === key),
    };
    return finder;
  }
  getConditionalFormatRules(): FakeRule[] {
    this.log.record('Sheet.getConditionalFormatRules');
    return [...this.rules];
  }
  setConditionalFormatRules(rules: FakeRule[]): void {
    this.log.record('Sheet.setConditionalFormatRules');
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
    for (const m of this.metadata) {
      if (m.column === from) m.column = to;
      else if (from < to && m.column > from && m.column <= to) m.column--;
      else if (to < from && m.column >= to && m.column < from) m.column++;
    }
  }
  clear(): FakeSheet {
    this.grid = [];
    return this;
  }
  clearContents(): FakeSheet {
    this.grid = [];
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

export class FakeSpreadsheet implements Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, 'getSpreadsheetTimeZone'> {
  sheets: FakeSheet[] = [];
  active: FakeSheet;
  readonly log: CallLog;
  constructor(
    log: CallLog,
    values: Value[][],
  ) {
    this.log = log;
    this.active = new FakeSheet(this, 'Customers', log, values);
    this.sheets.push(this.active);
  }
  getSpreadsheetTimeZone(): string {
    return 'Etc/UTC';
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(this, name, this.log);
    this.sheets.push(sheet);
    return sheet;
  }
  getActiveSheet(): FakeSheet {
    return this.active;
  }
}

/** One document lock shared by every "user" of the same spreadsheet. */
export class FakeLock {
  held = false;
  tryLock(_ms: number): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }
  releaseLock(): void {
    this.held = false;
  }
}

export interface Runtime {
  run<T = unknown>(name: string, ...args: unknown[]): T;
  spreadsheet: FakeSpreadsheet;
  log: CallLog;
  properties: Map<string, string>;
  lock: FakeLock;
  triggers: { handler: string }[];
  ui: { menu: string[]; sidebars: string[]; alerts: string[] };
}

export function startRuntime(values: Value[][], options: { locale?: string; bundle?: string; lock?: FakeLock; properties?: Map<string, string> } = {}): Runtime {
  const log = new CallLog();
  // Sheets hands the script Dates of the script's own realm: make the test's Dates the sandbox's.
  const context = createContext({});
  const SandboxDate = runInContext('Date', context) as DateConstructor;
  const own = (v: Value): Value => (v instanceof Date ? new SandboxDate(v.getTime()) : v);
  const spreadsheet = new FakeSpreadsheet(log, values.map((row) => row.map(own)));
  const properties = options.properties ?? new Map<string, string>();
  const lock = options.lock ?? new FakeLock();
  const triggers: { handler: string }[] = [];
  const ui = { menu: [] as string[], sidebars: [] as string[], alerts: [] as string[] };
  const menu = { addItem: (label: string) => (ui.menu.push(label), menu), addSeparator: () => menu, addToUi: () => undefined };
  const rule = () => {
    const r: FakeRule = { text: '', background: '', ranges: [], getRanges: () => r.ranges };
    const builder = { whenTextEqualTo: (t: string) => ((r.text = t), builder), setBackground: (c: string) => ((r.background = c), builder), setRanges: (rs: FakeRange[]) => ((r.ranges = rs), builder), build: () => r };
    return builder;
  };
  const globals = {
    SpreadsheetApp: {
      getUi: () => ({ createAddonMenu: () => menu, showSidebar: (html: { html: string }) => ui.sidebars.push(html.html), alert: (_t: string, body: string) => ui.alerts.push(body), ButtonSet: { OK: 'OK' } }),
      getActiveSheet: () => spreadsheet.active,
      getActive: () => spreadsheet,
      getActiveSpreadsheet: () => spreadsheet,
      newConditionalFormatRule: rule,
    },
    HtmlService: { createHtmlOutput: (html: string) => ({ html, setTitle: function () { return this; } }) },
    PropertiesService: { getDocumentProperties: () => ({ getProperty: (k: string) => properties.get(k) ?? null, setProperty: (k: string, v: string) => properties.set(k, v) }) },
    LockService: { getDocumentLock: () => lock },
    ScriptApp: {
      getUserTriggers: () => triggers.map((t) => ({ getHandlerFunction: () => t.handler, t })),
      newTrigger: (handler: string) => {
        const b = { timeBased: () => b, everyDays: () => b, atHour: () => b, create: () => triggers.push({ handler }) };
        return b;
      },
      deleteTrigger: (trigger: { t: { handler: string } }) => triggers.splice(triggers.indexOf(trigger.t), 1),
    },
    Session: { getActiveUserLocale: () => options.locale ?? 'en' },
    Utilities: { formatDate: (date: Date) => date.toISOString().slice(0, 10) },
    Charts: { ChartType: { BAR: 'BAR' } },
    console,
  };
  Object.assign(context, globals);
  const bundle = options.bundle ?? readFileSync(join(import.meta.dirname, '..', '..', 'dist', 'apps-script', 'Code.js'), 'utf8');
  runInContext(bundle, context);
  return {
    run: <T>(name: string, ...args: unknown[]) => {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`${name} is not a top-level function of the bundle`);
      return (fn as (...a: unknown[]) => T)(...args);
    },
    spreadsheet,
    log,
    properties,
    lock,
    triggers,
    ui,
  };
}
