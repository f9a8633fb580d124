// The rows of delimited text read from the text itself: the parser (csv.ts parseDelimitedOffsets)
// keeps where each row and field starts in typed arrays, and a cell becomes a string only when a
// reader asks for it. A million-customer table held as 9M cell strings cost ~25% of `tierwise score`
// in garbage collection; its mapped cells are read once here, and the user's own cells are written
// back by copying their text (cli/score/write-output.ts), so most cells never become strings at all.
import type { Cell } from './contract.ts';
import type { ParsedOffsets } from './csv.ts';
import { blankCell, type TableRows } from './table-rows.ts';
import { QUOTE } from './char-codes.ts';

/** A quoted field's value, as the scanner reads it: "" is one quote, and text after the closing quote is kept. */
export function unquoted(text: string, start: number, end: number): string {
  let value = '';
  let at = start + 1;
  for (;;) {
    const q = text.indexOf('"', at);
    if (q < 0 || q >= end) return value + text.slice(at, end);
    value += text.slice(at, q);
    if (q + 1 < end && text.charCodeAt(q + 1) === QUOTE) {
      value += '"';
      at = q + 2;
    } else {
      at = q + 1;
      break;
    }
  }
  return value + text.slice(at, end);
}

/**
 * Where TextRows reads its cells from: cell c of row i starts at fieldStarts[firstField[i] + c] and ends
 * one before the next field's start, or at ends[i] for the row's last cell (firstField has one entry
 * more than the rows). A cell whose first character is a quote is a quoted field (unquoted() reads it).
 */
export interface RawRows {
  readonly text: string;
  readonly fieldStarts: Int32Array;
  readonly firstField: Int32Array;
  readonly ends: Int32Array;
}

export class TextRows implements TableRows {
  readonly #text: string;
  readonly #sep: number;
  readonly #ends: Int32Array;
  readonly #fieldStarts: Int32Array;
  readonly #firstField: Int32Array;
  /** Columns emptied from a row on (an earlier run's results, earlier-results.ts). */
  readonly #cleared: { from: number; start: number; end: number }[] = [];

  constructor(parsed: ParsedOffsets, delimiter: ',' | ';' | '\t') {
    this.#text = parsed.text;
    this.#sep = delimiter.charCodeAt(0);
    this.#ends = parsed.spans.ends;
    this.#fieldStarts = parsed.fieldStarts;
    this.#firstField = parsed.firstField;
  }

  get length(): number {
    return this.#ends.length;
  }

  /** Number of cells of row i (0 for a row with an unclosed quote, which is reported, never read). */
  width(i: number): number {
    return i < 0 || i >= this.#ends.length ? 0 : (this.#firstField[i + 1] as number) - (this.#firstField[i] as number);
  }

  cell(i: number, c: number): Cell {
    if (c < 0 || c >= this.width(i)) return undefined;
    if (this.#cleared.length > 0 && this.#isCleared(i, c)) return '';
    const k = (this.#firstField[i] as number) + c;
    const start = this.#fieldStarts[k] as number;
    const end = c + 1 < this.width(i) ? (this.#fieldStarts[k + 1] as number) - 1 : (this.#ends[i] as number);
    return this.#text.charCodeAt(start) === QUOTE ? unquoted(this.#text, start, end) : this.#text.slice(start, end);
  }

  row(i: number): readonly Cell[] {
    const width = this.width(i);
    const cells = new Array<Cell>(width);
    for (let c = 0; c < width; c++) cells[c] = this.cell(i, c);
    return cells;
  }

  /**
   * Read from the text where it can be: a row of delimiters and spaces is blank, a row with a printable
   * ASCII character outside quotes is not; anything else (quotes, other characters) asks its cells.
   */
  blank(i: number): boolean {
    const width = this.width(i);
    if (width === 0) return true;
    if (this.#cleared.length > 0) return this.#blankCells(i);
    const text = this.#text;
    const sep = this.#sep;
    const end = this.#ends[i] as number;
    for (let k = this.#fieldStarts[this.#firstField[i] as number] as number; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === sep || c === 32 || (c >= 9 && c <= 13)) continue;
      if (c > 32 && c < 127 && c !== QUOTE) return false;
      return this.#blankCells(i);
    }
    return true;
  }

  /** The text and offsets cells are read from (plain-customer-rows.ts reads plain cells by character codes); null once columns were emptied, which only cell() knows. */
  raw(): RawRows | null {
    if (this.#cleared.length > 0) return null;
    return { text: this.#text, fieldStarts: this.#fieldStarts, firstField: this.#firstField, ends: this.#ends };
  }

  release(): void {
    // Nothing is held per row.
  }

  clearColumns(from: number, block: { start: number; end: number }): void {
    this.#cleared.push({ from, start: block.start, end: block.end });
  }

  #blankCells(i: number): boolean {
    const width = this.width(i);
    for (let c = 0; c < width; c++) if (!blankCell(this.cell(i, c))) return false;
    return true;
  }

  #isCleared(i: number, c: number): boolean {
    for (const cleared of this.#cleared) if (i >= cleared.from && c >= cleared.start && c < cleared.end) return true;
    return false;
  }
}
