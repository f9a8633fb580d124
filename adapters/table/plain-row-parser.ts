// One plain order row (a customer id, an ISO date and a plain amount) read from a file's text by
// character codes: where the row ends, and its id's place in the text, its day number and amount.
// Shared by the one-thread reader (plain-order-rows.ts), which adds each row as it comes, and a worker
// thread's piece of the file (plain-order-piece.ts), which gathers its rows for the main thread.
import { isoDayAt } from '../../core/dates.ts';
import { CR, LF, QUOTE } from './char-codes.ts';

/** The row is not plain: the general reader reads it. */
export const NOT_PLAIN = -1;
/** The row may go on in the next piece of text. */
export const INCOMPLETE = -2;

export interface PlainColumns {
  customerId: number;
  date: number;
  amount: number;
}

const AT = 64;
const MINUS = 45;
const DOT = 46;
/** Exact powers of ten: a decimal of at most 15 digits, M / 10^k, is then the double Number() reads (one correctly rounded division). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A character that String.prototype.trim never removes and that is not a quote: printable ASCII. */
const isSolid = (code: number) => code > 32 && code < 127;

export class PlainRowParser {
  readonly columns: PlainColumns;
  private readonly last: number;
  private readonly sep: number;
  // The last row parse() found plain.
  protected idStart = 0;
  protected idEnd = 0;
  protected day = 0;
  protected amount = 0;

  constructor(columns: PlainColumns, delimiter: ',' | ';' | '\t') {
    this.columns = columns;
    this.last = Math.max(columns.customerId, columns.date, columns.amount);
    this.sep = delimiter.charCodeAt(0);
  }

  /**
   * Reads the row starting at text[start] (`final`: the text ends where the file does): where the next
   * row starts when it is plain, else NOT_PLAIN or INCOMPLETE. `widest`: the most cells a row read so
   * far had; a wider row is left to the delimited scanner, which keeps that count (a quoted field over
   * lines holding a line as wide as a row is an unclosed quote).
   */
  parse(text: string, start: number, final: boolean, widest: number): number {
    const n = text.length;
    const sep = this.sep;
    const { customerId, date, amount } = this.columns;
    let cell = 0;
    let i = start;
    let next = -1;
    let dateOk = false;
    let amountOk = false;
    for (;;) {
      const from = i;
      let c = 0;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === sep || c === LF || c === CR) break;
        if (c === QUOTE) return NOT_PLAIN;
        i++;
      }
      if (cell === 0) {
        // Not a footer line (read-rows.ts mayBeFooter): its first cell starts with no mark's first two letters.
        if (i - from < 1 || !isSolid(text.charCodeAt(from)) || (i - from > 1 && mayStartMark(text.charCodeAt(from), text.charCodeAt(from + 1)))) return NOT_PLAIN;
      }
      if (cell === customerId) {
        if (i === from || !isSolid(text.charCodeAt(from)) || !isSolid(text.charCodeAt(i - 1))) return NOT_PLAIN;
        for (let k = from; k < i; k++) if (text.charCodeAt(k) === AT) return NOT_PLAIN; // an email: lower-cased by the general reader
        this.idStart = from;
        this.idEnd = i;
      } else if (cell === date) {
        if (i - from !== 10) return NOT_PLAIN;
        const day = isoDayAt(text, from);
        if (Number.isNaN(day)) return NOT_PLAIN;
        this.day = day;
        dateOk = true;
      } else if (cell === amount) {
        if (!this.readAmount(text, from, i)) return NOT_PLAIN;
        amountOk = true;
      }
      cell++;
      if (i === n) {
        // The text ends inside the row, or the file ends without a line break.
        if (!final) return INCOMPLETE;
        next = n;
        break;
      }
      if (c === sep) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 === n && !final) return INCOMPLETE;
        if (text.charCodeAt(i + 1) !== LF) return NOT_PLAIN; // a lone "\r" line end: rare, left to the scanner
        next = i + 2;
      } else next = i + 1;
      break;
    }
    if (cell > widest || cell <= this.last || !dateOk || !amountOk) return NOT_PLAIN;
    return next;
  }

  /** text[from, to) as parseMoney reads a plain number (cells.ts isSimpleNumber, then Number()), into this.amount; false when it is not one. */
  private readAmount(text: string, from: number, to: number): boolean {
    let i = from;
    const negative = i < to && text.charCodeAt(i) === MINUS;
    if (negative) i++;
    let mantissa = 0;
    let digits = 0;
    let fraction = 0;
    const intFrom = i;
    while (i < to) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      i++;
    }
    if (i === intFrom) return false;
    digits = i - intFrom;
    if (i < to) {
      if (text.charCodeAt(i) !== DOT) return false;
      const fractionFrom = ++i;
      while (i < to) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return false;
        mantissa = mantissa * 10 + d;
        i++;
      }
      fraction = i - fractionFrom;
      if (fraction === 0) return false;
      digits += fraction;
    }
    // More digits than a double holds exactly: read as parseMoney does.
    const value = digits <= 15 ? (fraction === 0 ? mantissa : mantissa / (POW10[fraction] as number)) : Number(text.slice(negative ? from + 1 : from, to));
    this.amount = negative ? -value : value;
    return true;
  }
}

/**
 * Whether a footer mark (read-rows.ts FOOTER_MARK: grand total(s), total(s) (N records), copyright,
 * (c), confidential information, generated by, report generated, exported on/at/by) may start with
 * these two characters, in any case; the marks that start otherwise are not ASCII.
 */
function mayStartMark(a: number, b: number): boolean {
  const x = a | 32;
  const y = b | 32;
  return (x === 99 /* c */ && y === 111) || (x === 103 /* g */ && y === 114) || (x === 116 /* t */ && y === 111) || (x === 101 /* e */ && y === 120) || (x === 114 /* r */ && y === 101) || (a === 40 /* ( */ && y === 99);
}
