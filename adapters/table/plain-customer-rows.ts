// The rows of a delimited customer table read straight from the text into the customers' columns
// (customer-columns.ts): dates, numbers and flags from character codes, no Customer record and no cell
// string but the id's and the text fields'. Reading a million rows as cells (a string per cell, parsed,
// a record per row, copied into the columns) cost ~1.1 s of `tierwise score` and much of its garbage.
// A row is plain only when the general reader (customer-table.ts customerRowReader) would certainly
// read it the same way, as a customer with no problem; any other row (a quote, blanks around a cell,
// another date or number form, a bad cell, a date after the as-of date, a repeated id, a totals line,
// a repeated header, a short row, ...) is read by it. test/adapters/plain-customer-rows.test.ts checks both give the same.
// Outline: readCustomersInto (the row loop) → PlainCustomerRows.add (one row) → the cell readers below.
import type { CustomerField } from './contract.ts';
import { CUSTOMER_FIELD_TABLE, type FieldKind } from '../../core/schema/fields.ts';
import { isoDayAt, dayNumber } from '../../core/dates.ts';
import { scorabilityProblems, type ScorableFields } from '../../core/scorable.ts';
import { parseFlag } from './cells.ts';
import { QUOTE } from './char-codes.ts';
import { plainNumberAt } from './plain-number.ts';
import { customerRowReader, isTotalsLabel, PAST_DATES, type CustomerRow, type FirstRowOfId, type RowContext } from './customer-table.ts';
import type { CustomerColumns } from './customer-columns.ts';
import { TextRows, type RawRows } from './text-rows.ts';
import { rowsOf, type Rows } from './table-rows.ts';

/**
 * Rows range[0] … range[1] − 1 of `cells` read into `columns` (what readCustomerRows gives, kept as
 * columns): each customer added in row order, and each other row handed to `notCustomer` with its
 * index from range[0]. Plain rows are read from the text, the others as cells. Returns the rows read.
 */
export function readCustomersInto(
  cells: Rows,
  range: readonly [number, number],
  rowOffset: number,
  context: RowContext,
  firstRowOf: FirstRowOfId,
  columns: CustomerColumns,
  notCustomer: (index: number, row: CustomerRow) => void,
  plainRows = true,
): number {
  const table = rowsOf(cells);
  const plain = plainRows ? PlainCustomerRows.for(table, context, columns) : null;
  const rowAt = customerRowReader(table, rowOffset, context, firstRowOf);
  for (let r = range[0]; r < range[1]; r++) {
    if (plain !== null && plain.add(r, r + rowOffset + 1, firstRowOf)) continue;
    const row = rowAt(r);
    if (row.customer !== null) columns.add(row.customer);
    else notCustomer(r - range[0], row);
  }
  return Math.max(0, range[1] - range[0]);
}

// How each kept field's cell is read.
const ID = 0;
const TEXT = 1;
const DATE = 2;
const COUNT = 3;
const MONEY = 4;
const SCORE = 5;
const FLAG = 6;
const READ: Partial<Record<FieldKind, number>> = { id: ID, text: TEXT, date: DATE, count: COUNT, money: MONEY, score: SCORE, flag: FLAG };

interface PlainField {
  column: number;
  read: number;
  /** Index among the kept fields of its store (CustomerColumns.keysOf). */
  at: number;
  /** A date that cannot lie after the as-of date. */
  past: boolean;
}

/** Flag words as ASCII keys (flagKey) and what parseFlag reads them as: other flag cells are read as cells. */
const FLAG_WORDS = new Map<number, boolean>();
for (const word of ['yes', 'y', 'true', 't', '1', 'x', 'no', 'n', 'false', 'f', '0', 'oui', 'si', 'ja', 'non', 'nein']) {
  const value = parseFlag(word);
  if (typeof value === 'boolean') FLAG_WORDS.set(flagKey(word, 0, word.length), value);
}

/** Up to 5 ASCII letters and digits, lower-cased, as one number; -1 for anything else. */
function flagKey(text: string, from: number, to: number): number {
  if (to - from > 5) return -1;
  let key = 0;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return -1;
    key = key * 128 + c;
  }
  return key;
}

/**
 * A character String.prototype.trim keeps, as the first or last of a cell: printable ASCII, or from
 * U+00A1 on anything but a space separator, a line separator or U+FEFF (the rest are read as cells).
 */
export function isSolidEdge(c: number): boolean {
  if (c < 127) return c > 32;
  if (c < 161) return false;
  return c !== 0x1680 && !(c >= 0x2000 && c <= 0x200a) && c !== 0x2028 && c !== 0x2029 && c !== 0x202f && c !== 0x205f && c !== 0x3000 && c !== 0xfeff;
}


/**
 * Whether a row may repeat the header (read-rows.ts rowKindAt): its first key cell, text[start, end),
 * is or may be, once trimmed and lower-cased, the header's text `lower` (no U+0307: PlainCustomerRows.for).
 */
function mayRepeatHeader(text: string, start: number, end: number, lower: string): boolean {
  if (start === end) return false;
  if (text.charCodeAt(start) === QUOTE || !isSolidEdge(text.charCodeAt(start)) || !isSolidEdge(text.charCodeAt(end - 1))) return true;
  if (end - start !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let c = text.charCodeAt(start + i);
    if (c >= 128) return true;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether the header's keys let plain rows be told from a repeated header by character codes (a header holding U+0307 can match a shorter cell once lower-cased: read-rows.ts sameLowerCase). */
const plainHeaderKeys = (headerKeys: readonly [number, string][]) => !headerKeys.some(([, header]) => header === '' || header.indexOf('\u0307') >= 0);

/**
 * What the layout step (cli/score/threads/table-piece.ts) reads of every row, from the text where it
 * can: the id a row is checked for repeats by (customer-table.ts repeatableId), and whether a date cell
 * can show a day/month order (cells.ts DateOrderEvidence). A million rows took 2 id and 2 date strings each.
 */
export class PlainIds {
  readonly #raw: RawRows;
  readonly #idColumn: number;
  readonly #headerKey: readonly [number, string] | null;

  static for(rows: Rows, context: Pick<RowContext, 'headerKeys' | 'mapping'>): PlainIds | null {
    const table = rowsOf(rows);
    if (!(table instanceof TextRows)) return null;
    const raw = table.raw();
    if (raw === null || !plainHeaderKeys(context.headerKeys) || context.mapping.id === undefined) return null;
    return new PlainIds(raw, context.mapping.id, context.headerKeys.length < 2 ? null : (context.headerKeys[0] as [number, string]));
  }

  private constructor(raw: RawRows, idColumn: number, headerKey: readonly [number, string] | null) {
    this.#raw = raw;
    this.#idColumn = idColumn;
    this.#headerKey = headerKey;
  }

  /** repeatableId of row r when its id is plain (null for a totals line), undefined when the cells must say. */
  idAt(r: number): string | null | undefined {
    const { text, fieldStarts, firstField, ends } = this.#raw;
    const f0 = firstField[r] as number;
    const width = (firstField[r + 1] as number) - f0;
    const cellEnd = (c: number) => (c + 1 < width ? (fieldStarts[f0 + c + 1] as number) - 1 : (ends[r] as number));
    const c = this.#idColumn;
    const key = this.#headerKey;
    if (c >= width || (key !== null && (key[0] >= width || mayRepeatHeader(text, fieldStarts[f0 + key[0]] as number, cellEnd(key[0]), key[1])))) return undefined;
    const start = fieldStarts[f0 + c] as number;
    const end = cellEnd(c);
    // A plain id is not blank, so the row is data (rowKindAt).
    if (start === end || text.charCodeAt(start) === QUOTE || !isSolidEdge(text.charCodeAt(start)) || !isSolidEdge(text.charCodeAt(end - 1))) return undefined;
    const id = text.slice(start, end);
    return isTotalsLabel(id) ? null : id;
  }

  /** True when cell c of row r certainly shows no day/month order (cells.ts AMBIGUOUS_DATE: it is empty or starts with three digits, as ISO dates do). */
  noDateOrder(r: number, c: number): boolean {
    const { text, fieldStarts, firstField, ends } = this.#raw;
    const f0 = firstField[r] as number;
    const width = (firstField[r + 1] as number) - f0;
    if (c >= width) return false;
    const start = fieldStarts[f0 + c] as number;
    const end = c + 1 < width ? (fieldStarts[f0 + c + 1] as number) - 1 : (ends[r] as number);
    if (start === end) return true;
    return end - start >= 3 && isDigit(text.charCodeAt(start)) && isDigit(text.charCodeAt(start + 1)) && isDigit(text.charCodeAt(start + 2));
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Stands for a date's text in the scorability check, which reads only whether the date is there when it finds nothing wrong (a row it finds wrong is read as cells). */
const A_DATE = 'date';

export class PlainCustomerRows {
  readonly #raw: RawRows;
  readonly #columns: CustomerColumns;
  readonly #fields: PlainField[];
  readonly #lastColumn: number;
  readonly #asOf: string;
  readonly #asOfDay: number;
  /** The first repeated-header key (column, lower-case header), when the header can repeat (rowKindAt). */
  readonly #headerKey: readonly [number, string] | null;
  // One row's values, in the columns' order.
  readonly #texts: (string | null)[];
  readonly #numbers: Float64Array;
  readonly #dates: Float64Array;
  readonly #flags: Int8Array;
  /** Where the scorability check's fields are among the values (-1: not a column of the table). */
  readonly #first: number;
  readonly #last: number;
  readonly #orders: number;
  readonly #spend: number;
  readonly #purchaseDays: number;
  readonly #scorable: { -readonly [K in keyof ScorableFields]: ScorableFields[K] } = { firstPurchase: null, lastPurchase: null, orders: null, purchaseDays: null, totalSpend: null };
  readonly #days = { first: NaN, last: NaN };
  #id = '';

  /** A reader for `rows` when they are delimited text read as it is (no columns emptied) and every kept field has a plain form; null otherwise. */
  static for(rows: Rows, context: RowContext, columns: CustomerColumns): PlainCustomerRows | null {
    const table = rowsOf(rows);
    if (!(table instanceof TextRows)) return null;
    const raw = table.raw();
    if (raw === null) return null;
    if (!plainHeaderKeys(context.headerKeys)) return null;
    const kind = new Map(CUSTOMER_FIELD_TABLE.map((f) => [f.key, f.kind]));
    const fields: PlainField[] = [];
    for (const store of ['text', 'number', 'date', 'flag'] as const) {
      const keys = columns.keysOf(store);
      for (let at = 0; at < keys.length; at++) {
        const key = keys[at] as CustomerField;
        const read = READ[kind.get(key) as FieldKind];
        const column = context.mapping[key];
        if (read === undefined || column === undefined) return null;
        fields.push({ column, read, at, past: PAST_DATES.has(key) });
      }
    }
    return new PlainCustomerRows(raw, context, columns, fields);
  }

  private constructor(raw: RawRows, context: RowContext, columns: CustomerColumns, fields: PlainField[]) {
    this.#raw = raw;
    this.#columns = columns;
    // In column order: the text is read left to right.
    this.#fields = fields.sort((a, b) => a.column - b.column);
    this.#lastColumn = Math.max(...fields.map((f) => f.column));
    this.#asOf = context.asOf;
    this.#asOfDay = dayNumber(context.asOf);
    this.#headerKey = context.headerKeys.length < 2 ? null : (context.headerKeys[0] as [number, string]);
    this.#texts = columns.keysOf('text').map(() => null);
    this.#numbers = new Float64Array(columns.keysOf('number').length);
    this.#dates = new Float64Array(columns.keysOf('date').length);
    this.#flags = new Int8Array(columns.keysOf('flag').length);
    this.#first = columns.keysOf('date').indexOf('firstPurchase');
    this.#last = columns.keysOf('date').indexOf('lastPurchase');
    this.#orders = columns.keysOf('number').indexOf('orders');
    this.#spend = columns.keysOf('number').indexOf('totalSpend');
    this.#purchaseDays = columns.keysOf('number').indexOf('purchaseDays');
  }

  /** Adds row r (`row`: its 1-based table row) to the columns when it is plain, and says whether it did; nothing is added otherwise. */
  add(r: number, row: number, firstRowOf: FirstRowOfId): boolean {
    const { text, fieldStarts, firstField, ends } = this.#raw;
    const f0 = firstField[r] as number;
    const width = (firstField[r + 1] as number) - f0;
    if (width <= this.#lastColumn) return false;
    const cellEnd = (c: number) => (c + 1 < width ? (fieldStarts[f0 + c + 1] as number) - 1 : (ends[r] as number));
    const headerKey = this.#headerKey;
    if (headerKey !== null && mayRepeatHeader(text, fieldStarts[f0 + headerKey[0]] as number, cellEnd(headerKey[0]), headerKey[1])) return false;
    const fields = this.#fields;
    for (let k = 0; k < fields.length; k++) {
      const field = fields[k] as PlainField;
      const start = fieldStarts[f0 + field.column] as number;
      const end = cellEnd(field.column);
      if (!this.#read(field, text, start, end)) return false;
    }
    if (!this.#canScore()) return false;
    const id = this.#id;
    if (firstRowOf(id, row) !== undefined) return false;
    this.#columns.addValues(this.#texts, this.#numbers, this.#dates, this.#flags);
    return true;
  }

  /** Reads one cell into the row's values; false when it is not plain. */
  #read(field: PlainField, text: string, start: number, end: number): boolean {
    if (start < end && text.charCodeAt(start) === QUOTE) return false;
    const empty = start === end;
    switch (field.read) {
      case ID: {
        if (empty || !isSolidEdge(text.charCodeAt(start)) || !isSolidEdge(text.charCodeAt(end - 1))) return false;
        const id = text.slice(start, end);
        if (isTotalsLabel(id)) return false;
        this.#id = id;
        this.#texts[field.at] = id;
        return true;
      }
      case TEXT: {
        if (empty) this.#texts[field.at] = null;
        else if (!isSolidEdge(text.charCodeAt(start)) || !isSolidEdge(text.charCodeAt(end - 1))) return false;
        else this.#texts[field.at] = text.slice(start, end);
        return true;
      }
      case DATE: {
        let day = NaN;
        if (!empty) {
          if (end - start !== 10) return false;
          day = isoDayAt(text, start);
          if (Number.isNaN(day) || (field.past && day > this.#asOfDay)) return false;
        }
        this.#dates[field.at] = day;
        return true;
      }
      case FLAG: {
        let flag = -1;
        if (!empty) {
          const value = FLAG_WORDS.get(flagKey(text, start, end));
          if (value === undefined) return false;
          flag = value ? 1 : 0;
        }
        this.#flags[field.at] = flag;
        return true;
      }
      default: {
        let value = NaN;
        if (!empty) {
          value = plainNumberAt(text, start, end);
          // What parseCount, parseMoney and parseScore accept of a plain number.
          if (field.read === COUNT ? !(Number.isSafeInteger(value) && value >= 0) : field.read === SCORE ? !(value >= 0 && value <= 10) : Number.isNaN(value)) return false;
        }
        this.#numbers[field.at] = value;
        return true;
      }
    }
  }

  /** The core's one rule for a row read without a problem (core/scorable.ts): true when it finds nothing wrong. */
  #canScore(): boolean {
    const s = this.#scorable;
    const days = this.#days;
    days.first = this.#first < 0 ? NaN : (this.#dates[this.#first] as number);
    days.last = this.#last < 0 ? NaN : (this.#dates[this.#last] as number);
    s.firstPurchase = Number.isNaN(days.first) ? null : A_DATE;
    s.lastPurchase = Number.isNaN(days.last) ? null : A_DATE;
    s.orders = this.#number(this.#orders);
    s.purchaseDays = this.#number(this.#purchaseDays);
    s.totalSpend = this.#number(this.#spend);
    return scorabilityProblems(s, days, this.#asOf, this.#asOfDay) === null;
  }

  #number(at: number): number | null {
    if (at < 0) return null;
    const value = this.#numbers[at] as number;
    return Number.isNaN(value) ? null : value;
  }
}
