// Delimited text → rows, a piece of text at a time: the same rows and the same unclosed-quote reports
// as parseDelimitedWithSpans (csv.ts) gives for the whole text, for files too big to hold as one string.
// A row is handed over only once it is complete; an incomplete last row (a quoted field still open,
// a "\r" that may be followed by "\n") waits for the next piece. A quote that never closes makes the
// reader hold text until the file ends, as it must to tell an unclosed quote from a long field.
import { unclosedQuote, type Delimiter, type RowProblem } from './csv.ts';
import { DelimitedScanner } from './delimited-scanner.ts';

/** One row's cells; `index` is 0-based (the user's row is index + 1). A row with an unclosed quote comes as no cells. */
export type OnRow = (cells: string[], index: number) => void;

export class DelimitedRows {
  readonly problems: RowProblem[] = [];
  private readonly delimiter: Delimiter;
  private readonly onRow: OnRow;
  private rest = '';
  private first = true;
  private count = 0;
  /** Made on the first piece of delimited text; it keeps the widest row so far across pieces. */
  private scanner: DelimitedScanner | null = null;

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
    const delimiter = this.delimiter;
    const used = delimiter === 'whitespace' ? this.lines(text, final) : this.fields(text, final, delimiter);
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

  /** Quoted fields (RFC 4180), read by the scanner csv.ts also drives. Returns how much of `text` was used: the start of the first incomplete row. */
  private fields(text: string, final: boolean, delimiter: ',' | ';' | '\t'): number {
    this.scanner ??= new DelimitedScanner(delimiter, {
      row: (cells) => this.emit(cells),
      unclosed: (field, after) => {
        const problem = unclosedQuote(this.count, field, after);
        this.problems.push({ ...problem, message: flatCopy(problem.message), before: flatCopy(problem.before) });
        // read-file.ts empties such a row: it is reported, never read as data.
        this.emit([]);
      },
    });
    return this.scanner.scan(text, final);
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
