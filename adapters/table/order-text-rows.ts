// The rows of an order file's text, a piece at a time, as csv-stream.ts's DelimitedRows gives them
// (same rows, same indexes, same unclosed-quote reports), with a seam for plain rows: once the
// reader knows the table, each row is first offered to `plain` (plain-order-rows.ts), which reads it
// from the text without cells; a row it declines goes through the delimited scanner as cells. The
// scanner is given one line at a time (more while a quoted field goes on over lines), so it sees
// every row it would see over the whole text, and a plain row is never wider than the widest row it
// has seen (it keeps that count to judge quoted fields over lines).
import { unclosedQuote, type Delimiter, type RowProblem } from './csv.ts';
import { DelimitedScanner } from './delimited-scanner.ts';
import { DelimitedRows, flatCopy, type OnRow } from './csv-stream.ts';
import { INCOMPLETE } from './plain-order-rows.ts';

/**
 * Reads the row starting at text[start] (row `index`, 0-based) if it is plain, returning where the
 * next row starts; else NOT_PLAIN or INCOMPLETE (plain-order-rows.ts). `widest`: the most cells a row had so far.
 */
export type PlainRowReader = (text: string, start: number, final: boolean, index: number, widest: number) => number;

/** Rows offered to `plain` before judging whether it is worth offering more. */
const TRIAL_ROWS = 10_000;

export class OrderTextRows {
  private readonly onRow: OnRow;
  /** Whitespace-aligned text (CDNOW) has no quotes and no plain rows: DelimitedRows reads it. */
  private readonly lines: DelimitedRows | null;
  private readonly scanner: DelimitedScanner | null;
  private readonly ownProblems: RowProblem[] = [];
  private rest = '';
  private first = true;
  private count = 0;
  /** The scanner's widest row ended by a line break (its own count, kept alike). */
  private widest = 0;
  /** The length of the text the scanner is reading. */
  private chunkLength = 0;
  /** The plain-row reader; undefined until the reader knows the table, null when its rows are never plain. */
  private plain: PlainRowReader | null | undefined = undefined;
  private offered = 0;
  private declined = 0;

  constructor(delimiter: Delimiter, onRow: OnRow) {
    this.onRow = onRow;
    if (delimiter === 'whitespace') {
      this.lines = new DelimitedRows(delimiter, onRow);
      this.scanner = null;
      return;
    }
    this.lines = null;
    this.scanner = new DelimitedScanner(delimiter, {
      row: (cells, _start, end) => {
        // The scanner counts a row's width only when a line break ends it.
        if (end < this.chunkLength && cells.length > this.widest) this.widest = cells.length;
        this.onRow(cells, this.count++);
      },
      unclosed: (field, after) => {
        const problem = unclosedQuote(this.count, field, after);
        this.ownProblems.push({ ...problem, message: flatCopy(problem.message), before: flatCopy(problem.before) });
        // read-file.ts empties such a row: it is reported, never read as data.
        this.onRow([], this.count++);
      },
    });
  }

  /**
   * Offers the rows from here on to `plain` (null: none is plain, the scanner reads whole pieces). A
   * file whose rows are mostly not plain stops being offered them: either way the rows are the same.
   */
  usePlain(plain: PlainRowReader | null): void {
    this.plain = plain;
  }

  /**
   * Where a reader on other threads can take over with plain rows only (cli/score/threads/order-pieces.ts):
   * the rows so far read to the end of the text, and plain rows still offered. Null otherwise.
   */
  get handOver(): { rows: number; widest: number } | null {
    if (this.lines !== null || this.rest !== '' || typeof this.plain !== 'function') return null;
    return { rows: this.count, widest: this.widest };
  }

  /** `rows` plain rows were read elsewhere from the text that follows (handOver): counted as if offered and read here. */
  countPlain(rows: number): void {
    this.count += rows;
    this.offered += rows;
  }

  /** Rows read so far (as cells or plain). */
  get rows(): number {
    return this.lines !== null ? this.lines.rows : this.count;
  }

  /** Rows with an unclosed quote so far. */
  get problems(): RowProblem[] {
    return this.lines !== null ? this.lines.problems : this.ownProblems;
  }

  /** Adds the next piece of text; `final` on the last one (the end of the file). */
  push(piece: string, final: boolean): void {
    if (this.lines !== null) {
      this.lines.push(piece, final);
      return;
    }
    let text = piece;
    let at = 0;
    if (this.first && piece.length > 0) {
      this.first = false;
      if (piece.charCodeAt(0) === 0xfeff) at = 1;
    }
    // The piece is read where it is, not joined to the rest of the last one (a joined string is read
    // through one more indirection): only the row cut between them is joined, up to the first line break.
    if (this.rest !== '') {
      const lf = piece.indexOf('\n');
      const joinedEnd = lf < 0 ? piece.length : lf + 1;
      const joined = this.rest + piece.slice(0, joinedEnd);
      const used = this.read(joined, 0, final && joinedEnd === piece.length);
      if (used === joined.length) at = joinedEnd;
      else {
        // A row goes on past that line break (a quoted field over lines): read on in the whole text.
        text = this.rest + piece;
        at = used;
      }
    }
    const end = this.read(text, at, final);
    this.rest = end >= text.length ? '' : text.slice(end);
  }

  /** Hands on the rows of text from `at`: where the unread text starts (a row that may go on in the next piece). */
  private read(text: string, at: number, final: boolean): number {
    const n = text.length;
    while (at < n) {
      const plain = this.plain;
      if (plain === null) {
        at += this.scan(text, at, final, true);
        break;
      }
      if (plain !== undefined) {
        const next = plain(text, at, final, this.count, this.widest);
        this.offered++;
        if (next >= 0) {
          this.count++;
          at = next;
          continue;
        }
        if (next === INCOMPLETE) break;
        if (++this.declined * 2 > this.offered && this.offered >= TRIAL_ROWS) this.plain = null;
      }
      const used = this.scan(text, at, final, false);
      if (used === 0) break;
      at += used;
    }
    return at;
  }

  /**
   * Scans the rows from text[at] to the end of its line (further while a row goes on; to the end of
   * the text when `whole`): how much was read, 0 when the row needs the next piece.
   */
  private scan(text: string, at: number, final: boolean, whole: boolean): number {
    const scanner = this.scanner as DelimitedScanner;
    const n = text.length;
    let lines = 1;
    let to = whole ? n : at;
    for (;;) {
      for (let k = 0; k < lines && to < n; k++) {
        const lf = text.indexOf('\n', to);
        to = lf < 0 ? n : lf + 1;
      }
      const chunk = at === 0 && to === n ? text : text.slice(at, to);
      this.chunkLength = chunk.length;
      const used = scanner.scan(chunk, final && to === n);
      if (used > 0 || to === n) return used;
      // A quoted field goes on over lines: take twice as many lines, so a long one is rescanned only a few times.
      lines *= 2;
    }
  }
}
