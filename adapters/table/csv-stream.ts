// Delimited text → rows, a piece of text at a time: the same rows and the same unclosed-quote reports
// as parseDelimitedWithSpans (csv.ts) gives for the whole text, for files too big to hold as one string.
// A row is handed over only once it is complete; an incomplete last row (a quoted field still open,
// a "\r" that may be followed by "\n") waits for the next piece. A quote that never closes makes the
// reader hold text until the file ends, as it must to tell an unclosed quote from a long field.
import { swallowsRows, unclosedQuote, type Delimiter, type RowProblem } from './csv.ts';

/** One row's cells; `index` is 0-based (the user's row is index + 1). A row with an unclosed quote comes as no cells. */
export type OnRow = (cells: string[], index: number) => void;

export class DelimitedRows {
  readonly problems: RowProblem[] = [];
  private readonly delimiter: Delimiter;
  private readonly onRow: OnRow;
  private rest = '';
  private first = true;
  private count = 0;
  private previousWidth = 0;

  constructor(delimiter: Delimiter, onRow: OnRow) {
    this.delimiter = delimiter;
    this.onRow = onRow;
  }

  /** Rows handed over so far. */
  get rows(): number {
    return this.count;
  }

  /** Adds the next piece of text; `final` on the last one (the end of the file). */
  push(piece: string, final: boolean): void {
    let text = this.rest === '' ? piece : this.rest + piece;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const used = this.delimiter === 'whitespace' ? this.lines(text, final) : this.fields(text, final);
    this.rest = used >= text.length ? '' : text.slice(used);
  }

  private emit(cells: string[]): void {
    this.onRow(cells, this.count++);
  }

  /** Whitespace-aligned columns (CDNOW): one row per line. Returns how much of `text` was used. */
  private lines(text: string, final: boolean): number {
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) {
        if (!final) return start;
        end = text.length;
      }
      const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const line = text.slice(start, lineEnd);
      if (!(end === text.length && line === '')) this.emit(line.trim() === '' ? [] : line.trim().split(/\s+/));
      start = end + 1;
    }
    return text.length;
  }

  /** Quoted fields (RFC 4180), as csv.ts reads them. Returns how much of `text` was used: the start of the first incomplete row. */
  private fields(text: string, final: boolean): number {
    const delimiter = this.delimiter;
    const n = text.length;
    const sep = delimiter.charCodeAt(0);
    let row: string[] = [];
    let rowStart = 0;
    let i = 0;
    while (i <= n) {
      if (i === n) {
        if (row.length > 0) this.emit(row);
        return n;
      }
      if (text.charCodeAt(i) === 34 /* " */) {
        const opening = i;
        let value = '';
        let closed = true;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            if (!final) return rowStart;
            value += text.slice(i);
            i = n;
            closed = false;
            break;
          }
          // A quote at the very end may be the first of a doubled quote: wait for the next character.
          if (q + 1 === n && !final) return rowStart;
          value += text.slice(i, q);
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        let end = i;
        while (end < n && text.charCodeAt(end) !== sep && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
        if (end === n && !final) return rowStart;
        const multiLine = value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        if (!closed || (multiLine && (end > i || swallowsRows(value.replace(/\r\n?/g, '\n'), delimiter, Math.max(this.previousWidth, 2))))) {
          let lineEnd = text.indexOf('\n', opening);
          if (lineEnd < 0) {
            if (!final) return rowStart;
            lineEnd = n;
          }
          const spanEnd = lineEnd > rowStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
          const problem = unclosedQuote(this.count, row.length, text.slice(opening + 1, spanEnd));
          this.problems.push({ ...problem, message: flatCopy(problem.message), before: flatCopy(problem.before) });
          // read-file.ts empties such a row: it is reported, never read as data.
          this.emit([]);
          row = [];
          i = lineEnd + 1;
          rowStart = i;
          if (i >= n) return n;
          continue;
        }
        row.push(value + text.slice(i, end));
        i = end;
      } else {
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === sep || c === 10 || c === 13) break;
          end++;
        }
        if (end === n && !final) return rowStart;
        row.push(text.slice(i, end));
        i = end;
      }
      if (i >= n) {
        this.emit(row);
        return n;
      }
      const c = text.charCodeAt(i);
      if (c === sep) {
        i++;
        if (i === n) {
          if (!final) return rowStart;
          row.push('');
          this.emit(row);
          return n;
        }
      } else {
        // Line end: \n, \r\n or \r; a "\r" at the end of the piece may be half of "\r\n".
        if (c === 13 && i + 1 === n && !final) return rowStart;
        if (row.length > this.previousWidth) this.previousWidth = row.length;
        this.emit(row);
        row = [];
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        rowStart = i;
        if (i === n) return n;
      }
    }
    return n;
  }
}

/**
 * The same text in a string of its own. V8 cuts a substring of 13 or more characters as a view into
 * the string it came from, so a kept cell would keep its whole piece of the file alive.
 */
export function flatCopy(text: string): string {
  if (text.length < 13) return text;
  const copy = (' ' + text).slice(1);
  copy.charCodeAt(0); // flattens the rope, so the pieces die
  return copy;
}
