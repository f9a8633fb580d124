// The one reader of delimited rows (RFC 4180 quotes, "" escapes, line breaks inside quotes; \n, \r\n
// or \r line ends) that both parsers drive: csv.ts over a whole text, csv-stream.ts over pieces of a
// file. Over a piece, a row that may go on in the next piece (a quote still open, a quote or "\r" as
// the last character) is left unread, and the next scan starts again at that row.
// Outline: swallowsRows (when a quoted field that spans lines was really an unclosed quote),
// RowSink (what a driver does with each row), DelimitedScanner.scan (the row loop, plain fields) and #quoted (a quoted field).
import { CR, LF, QUOTE } from './char-codes.ts';

/**
 * A quoted field that spans lines is an unclosed quote when the file ends inside it, when its closing
 * quote is followed by more text instead of a delimiter (that quote opened another field), or when a
 * line inside it has as many delimiters as a whole row, not spaced like prose: it swallowed rows.
 */
export function swallowsRows(value: string, sep: string, rowWidth: number): boolean {
  if (rowWidth < 2) return false;
  let start = value.indexOf('\n');
  while (start >= 0) {
    const next = value.indexOf('\n', start + 1);
    const parts = value.slice(start + 1, next < 0 ? value.length : next).split(sep);
    // Prose puts a space after its commas ("called, left a message"); exported rows do not.
    if (parts.length >= rowWidth && parts.filter((p) => p.startsWith(' ')).length * 2 < parts.length - 1) return true;
    start = next;
  }
  return false;
}

/** What a driver does with the rows found; offsets are into the text being scanned. */
export interface RowSink {
  /**
   * A complete row: its cells, and where its text lies (without its line break). A scanner that keeps
   * field offsets (FieldStarts) hands no cells (an empty array) and the row's `width` instead.
   */
  row(cells: string[], start: number, end: number, width: number): void;
  /**
   * A row whose field `field` (0-based) opens a quote that never closes (or swallows rows): it is read
   * no further, and scanning goes on at the next line. `after` is the text after the quote, to the line end.
   */
  unclosed(field: number, after: string, start: number, end: number): void;
}

/**
 * Where each field starts in the text (its first character, the quote of a quoted field), in row order:
 * what a scanner records instead of cutting cells (text-rows.ts reads a cell from its offsets on demand).
 */
export class FieldStarts {
  starts = new Int32Array(1 << 16);
  count = 0;

  add(at: number): void {
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.count * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = at;
  }
}

/** The cells a scanner with FieldStarts hands over: none. */
const NO_CELLS: string[] = [];

/** What #quoted found: a field (in #value, ending at #end), the end of the piece inside it, or an unclosed quote. */
const FIELD = 0;
const MORE = 1;
const UNCLOSED = 2;

export class DelimitedScanner {
  readonly #delimiter: string;
  readonly #sep: number;
  readonly #sink: RowSink;
  /** The widest complete row so far: a line inside a quoted field with as many delimiters is a swallowed row. */
  #previousWidth = 0;
  readonly #sizedRows: boolean;
  #value = '';
  #end = 0;
  readonly #offsets: FieldStarts | null;

  /**
   * `sizedRows`: make each row as wide as the widest so far, for a driver that keeps every row. An array
   * grown cell by cell keeps room for 17 cells: a million kept rows of 9 cells held ~60 MB more than
   * their cells (heap after parsing 1M customers 435 -> 375 MB). Rows used and dropped at once are grown
   * (sized ones cost ~7% more time there).
   * `offsets`: record where each field starts there instead of cutting cells (rows come with no cells);
   * a row with an unclosed quote records none.
   */
  constructor(delimiter: ',' | ';' | '\t', sink: RowSink, sizedRows = false, offsets: FieldStarts | null = null) {
    this.#delimiter = delimiter;
    this.#sep = delimiter.charCodeAt(0);
    this.#sink = sink;
    this.#sizedRows = sizedRows;
    this.#offsets = offsets;
  }

  /**
   * Hands every row of `text` to the sink. Unless `final` (the text ends where the file ends), stops
   * before a row that may continue in the next piece. Returns where the unread text starts (text.length when all was read).
   */
  scan(text: string, final: boolean): number {
    const sink = this.#sink;
    const sep = this.#sep;
    const offsets = this.#offsets;
    const n = text.length;
    let row = this.#newRow();
    let cellCount = 0;
    let rowStart = 0;
    let i = 0;
    for (;;) {
      if (i === n) {
        if (cellCount > 0) sink.row(this.#trim(row, cellCount), rowStart, n, cellCount);
        return n;
      }
      if (text.charCodeAt(i) !== QUOTE) {
        // A plain field, read here (most fields are; a call per field cost ~5% of streaming 10M orders).
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === sep || c === LF || c === CR) break;
          end++;
        }
        if (end === n && !final) return this.#unread(rowStart, cellCount);
        if (offsets === null) row[cellCount] = text.slice(i, end);
        else offsets.add(i);
        cellCount++;
        i = end;
      } else {
        const found = this.#quoted(text, i, final);
        if (found === MORE) return this.#unread(rowStart, cellCount);
        if (found === UNCLOSED) {
          // Recover at the next line: the row is reported, not read.
          let lineEnd = text.indexOf('\n', i);
          if (lineEnd < 0) {
            if (!final) return this.#unread(rowStart, cellCount);
            lineEnd = n;
          }
          const end = lineEnd > rowStart && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
          if (offsets !== null) offsets.count -= cellCount;
          sink.unclosed(cellCount, text.slice(i + 1, end), rowStart, end);
          row = this.#newRow();
          cellCount = 0;
          i = lineEnd + 1;
          rowStart = i;
          if (i >= n) return n;
          continue;
        }
        if (offsets === null) row[cellCount] = this.#value;
        else offsets.add(i);
        cellCount++;
        i = this.#end;
      }
      if (i >= n) {
        sink.row(this.#trim(row, cellCount), rowStart, n, cellCount);
        return n;
      }
      const c = text.charCodeAt(i);
      if (c === sep) {
        i++;
        if (i === n) {
          // A delimiter as the last character: one more, empty, field (unless more text follows).
          if (!final) return this.#unread(rowStart, cellCount);
          if (offsets === null) row[cellCount] = '';
          else offsets.add(n);
          cellCount++;
          sink.row(this.#trim(row, cellCount), rowStart, n, cellCount);
          return n;
        }
      } else {
        // Line end: \n, \r\n or \r; a "\r" at the end of the piece may be half of "\r\n".
        if (c === CR && i + 1 === n && !final) return this.#unread(rowStart, cellCount);
        if (cellCount > this.#previousWidth) this.#previousWidth = cellCount;
        sink.row(this.#trim(row, cellCount), rowStart, i, cellCount);
        row = this.#newRow();
        cellCount = 0;
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        rowStart = i;
        if (i === n) return n;
      }
    }
  }

  #newRow(): string[] {
    if (this.#offsets !== null) return NO_CELLS;
    return this.#sizedRows ? new Array<string>(this.#previousWidth) : [];
  }

  /** The row's first `count` cells (a sized row narrower than the widest so far drops its unused room). */
  #trim(row: string[], count: number): string[] {
    if (this.#offsets === null && row.length !== count) row.length = count;
    return row;
  }

  /** Leaves the row at `rowStart` unread (it may go on in the next piece): its fields are recorded again then. */
  #unread(rowStart: number, cellCount: number): number {
    if (this.#offsets !== null) this.#offsets.count -= cellCount;
    return rowStart;
  }

  /** Reads the quoted field starting at `i`: its text into #value and where it ends (its delimiter, line end or the text's end) into #end. */
  #quoted(text: string, i: number, final: boolean): number {
    const sep = this.#sep;
    const n = text.length;
    let value = '';
    let closed = true;
    let at = i + 1;
    for (;;) {
      const q = text.indexOf('"', at);
      if (q < 0) {
        if (!final) return MORE;
        value += text.slice(at);
        at = n;
        closed = false;
        break;
      }
      // A quote at the very end may be the first of a doubled quote: wait for the next character.
      if (q + 1 === n && !final) return MORE;
      value += text.slice(at, q);
      if (text.charCodeAt(q + 1) === QUOTE) {
        value += '"';
        at = q + 2;
      } else {
        at = q + 1;
        break;
      }
    }
    // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
    let end = at;
    while (end < n && text.charCodeAt(end) !== sep && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    if (end === n && !final) return MORE;
    const multiLine = value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    if (!closed || (multiLine && (end > at || swallowsRows(value.replace(/\r\n?/g, '\n'), this.#delimiter, Math.max(this.#previousWidth, 2))))) return UNCLOSED;
    this.#value = value + text.slice(at, end);
    this.#end = end;
    return FIELD;
  }
}
