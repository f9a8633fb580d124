// The rows of a plain order export (a customer id, an ISO date and a plain amount per row: what a
// database or a shop's report writes for millions of orders) read straight from the file's text:
// numbers from character codes, the customer found in the aggregator's id index without cutting the
// id out of the text, and no cell string, OrderLine or Order per row. 10M orders: see bench/cases/read-orders.md.
// A row is plain only when OrderRows (order-table.ts) would certainly read it the same way, as a kept
// order; any other row (a quote, blanks around a cell, another date or number form, an email, a
// possible footer line, a row wider than any so far, ...) is left to it: order-stream.ts hands it on.
// Outline: plainColumnsOf (which tables can have plain rows) → PlainOrderRows.parse (one row, no
// effect) → add (the kept order, to the aggregator and the trails).
import { isoDayAt } from '../../core/dates.ts';
import type { OrderAggregator } from '../../core/aggregate-orders.ts';
import type { OrderField } from './contract.ts';
import type { Layout } from './read-rows.ts';
import type { CustomerTrails } from './customer-trails.ts';
import { flatCopy } from './csv-stream.ts';
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

const ISO_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The columns of a table whose rows can be plain: one mapped to each of customer, date and amount
 * and none to anything else (order numbers, statuses, emails, contact details, line items need the
 * general reader); null otherwise. A date header that is itself an ISO date would let a data row
 * repeat the header (rowKind), so it rules plain rows out too.
 */
export function plainColumnsOf(layout: Layout<OrderField>): PlainColumns | null {
  const { mapping, headers } = layout;
  const { customerId, date, amount } = mapping;
  if (customerId === undefined || date === undefined || amount === undefined) return null;
  if (Object.entries(mapping).some(([field, column]) => column !== undefined && field !== 'customerId' && field !== 'date' && field !== 'amount')) return null;
  if (customerId === date || customerId === amount || date === amount) return null;
  if (ISO_TEXT.test((headers[date] ?? '').toLowerCase())) return null;
  return { customerId, date, amount };
}

const AT = 64;
const MINUS = 45;
const DOT = 46;
/** Exact powers of ten: a decimal of at most 15 digits, M / 10^k, is then the double Number() reads (one correctly rounded division). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A character that String.prototype.trim never removes and that is not a quote: printable ASCII. */
const isSolid = (code: number) => code > 32 && code < 127;

export class PlainOrderRows {
  private readonly columns: PlainColumns;
  private readonly last: number;
  private readonly sep: number;
  private readonly aggregator: OrderAggregator;
  private readonly trails: CustomerTrails;
  /** Trail position + 1 of each aggregator position (0: not known yet): noted as customers come, so finish() looks up few ids. */
  private trailPlusOne = new Int32Array(1024);
  // The last row parse() found plain.
  private idStart = 0;
  private idEnd = 0;
  private day = 0;
  private amount = 0;
  /** Orders added, and those with a negative amount. */
  kept = 0;
  negative = 0;

  constructor(columns: PlainColumns, delimiter: ',' | ';' | '\t', aggregator: OrderAggregator, trails: CustomerTrails) {
    this.columns = columns;
    this.last = Math.max(columns.customerId, columns.date, columns.amount);
    this.sep = delimiter.charCodeAt(0);
    this.aggregator = aggregator;
    this.trails = trails;
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

  /**
   * Adds the order of the row parse() last found plain (`row`: the user's row number). A new customer
   * gets their trail here, in row order; their count of kept orders is set at finish().
   */
  add(text: string, row: number): void {
    const aggregator = this.aggregator;
    let c = aggregator.knownCustomer(text, this.idStart, this.idEnd);
    if (c < 0) {
      c = aggregator.customer(flatCopy(text.slice(this.idStart, this.idEnd)));
      this.noteTrail(c, this.trails.at(aggregator.idAt(c), row));
    }
    const amount = this.amount;
    if (amount < 0) {
      // Rare: the trail's negative orders and their total, in row order with the other rows'.
      this.trails.addKeptAt(this.trailOf(c, row), amount);
      this.negative++;
    }
    aggregator.addOrderOf(c, this.day, amount);
    this.kept++;
  }

  /**
   * Sets each customer's count of kept orders in their trail: every kept order, read here or as cells
   * (order-table.ts OrderRows), is added to both the aggregator and the trails, so the count is the
   * aggregator's. Counted once at the end rather than per row: one less random memory access per order.
   */
  finish(): void {
    if (this.kept === 0) return;
    const aggregator = this.aggregator;
    const { ids, owner } = aggregator.orders();
    const counts = new Int32Array(ids.length);
    for (let i = 0; i < owner.length; i++) {
      const c = owner[i] as number;
      counts[c] = (counts[c] as number) + 1;
    }
    for (let c = 0; c < ids.length; c++) this.trails.setKept(this.trailOf(c, 0), counts[c] as number);
  }

  /** The trail position of the aggregator's customer `c` (first seen at `row` if new to the trails). */
  private trailOf(c: number, row: number): number {
    const known = c < this.trailPlusOne.length ? (this.trailPlusOne[c] as number) - 1 : -1;
    if (known >= 0) return known;
    const t = this.trails.at(this.aggregator.idAt(c), row);
    this.noteTrail(c, t);
    return t;
  }

  private noteTrail(c: number, t: number): void {
    if (c >= this.trailPlusOne.length) {
      const grown = new Int32Array(Math.max(this.trailPlusOne.length * 2, c + 1));
      grown.set(this.trailPlusOne);
      this.trailPlusOne = grown;
    }
    this.trailPlusOne[c] = t + 1;
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
