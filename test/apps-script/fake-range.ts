// Range and DeveloperMetadata as the add-on uses them, at least as strict as Google's reference on
// every point the add-on relies on; each behaviour cites its reference.
import type { FakeSheet } from './fake-sheet.ts';
import { AppsScriptError, columnLetter, type Value } from './values.ts';

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
  /**
   * Searches the displayed text; by default a part of a cell matches and case is ignored, until
   * matchEntireCell(true) / matchCase(true). https://developers.google.com/apps-script/reference/spreadsheet/text-finder
   */
  createTextFinder(text: string) {
    this.sheet.log.record('Range.createTextFinder');
    let entire = false;
    let exactCase = false;
    const finder = {
      matchEntireCell: (on: boolean) => ((entire = on), finder),
      matchCase: (on: boolean) => ((exactCase = on), finder),
      findNext: (): FakeRange | null => {
        const wanted = exactCase ? text : text.toLowerCase();
        for (let r = this.row; r <= this.getLastRow(); r++) {
          for (let c = this.column; c <= this.getLastColumn(); c++) {
            const shown = exactCase ? String(this.sheet.cell(r, c)) : String(this.sheet.cell(r, c)).toLowerCase();
            if (entire ? shown === wanted : shown.includes(wanted)) return new FakeRange(this.sheet, r, c, 1, 1);
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
