// What the fakes share: a cell's value, the call log, Google's error type, and how Sheets reads a
// string the script writes.
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

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
