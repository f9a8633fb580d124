// A customer table (one row per customer) → customers for the core, or a reason per row.
import type { Customer } from '../../core/schema/customer.ts';
import { dayNumber, parseIsoDay } from '../../core/dates.ts';
import { CUSTOMER_FIELDS, ORDER_FIELDS, TableError, type Cell, type CustomerField, type TableConfig } from './contract.ts';
import { CUSTOMER_REQUIRED } from './headers.ts';
import { footerNote, headerKeysOf, layoutOf, MissingColumnsError, rowKindAt, tableBody, type Layout } from './read-rows.ts';
import { rowsOf, type Rows, type TableRows } from './table-rows.ts';
import { detectColumns } from './headers.ts';
import { cellText, findHeaderRow } from './header-row.ts';
import { Invalid, parseDate, type DateOrder, type Parsed } from './cells.ts';
import { customerOfRowWith, type RowCells } from './customer-fields.ts';
import { columnDateOrders } from './date-columns.ts';
import { scorabilityProblems } from '../../core/scorable.ts';
import type { Problem } from '../../core/problems.ts';
import type { RowProblem } from './row-problems.ts';
import type { Language } from '../../core/schema/options.ts';
import { WORDS } from '../../core/i18n/index.ts';
import { IdIndex } from '../../core/id-index.ts';

/** The date columns of a customer table; slash dates are read per column (date-columns.ts). */
export const CUSTOMER_DATES: readonly CustomerField[] = ['firstPurchase', 'lastPurchase', 'lastContact', 'renewalDate'];
/** Dates that cannot lie after the as-of date (a renewal date can). */
export const PAST_DATES = new Set<CustomerField>(['firstPurchase', 'lastPurchase', 'lastContact']);
const TOTAL_ROW = new Set(['total', 'totals', 'grand total', 'grandtotal', 'sum', 'subtotal', 'sub total', 'total:', 'totals:', '合计', '总计', '小计', '合计:', '总计:']);
/** The first characters of TOTAL_ROW's words in either case: other ids are not lower-cased and looked up (a string per row). */
const TOTAL_ROW_FIRST = new Set([...TOTAL_ROW].flatMap((w) => [w.charCodeAt(0), w.toUpperCase().charCodeAt(0)]));

/** A label of a sums row ("Total", "合计") in the id column. */
export function isTotalsLabel(id: string): boolean {
  return id.length <= 11 && TOTAL_ROW_FIRST.has(id.charCodeAt(0)) && TOTAL_ROW.has(id.toLowerCase());
}

/** One data row: a customer (complete and schema-valid; test/adapters checks the parsers against CustomerSchema), or what is wrong with it. */
export type CustomerRow = { /** 1-based spreadsheet row number. */ row: number; id: string | null } & (
  | { customer: Customer; problem: null }
  | { customer: null; problem: RowProblem }
);

export interface CustomerTable extends Layout<CustomerField> {
  rows: CustomerRow[];
  warnings: string[];
  /** Index in the table's rows of the first and one-past-last data row. */
  range: [number, number];
}

export function idText(cell: Cell): string {
  if (typeof cell === 'number' && Number.isInteger(cell)) return String(cell);
  return cellText(cell);
}

/** With `release`, each data row is let go once read (a grid empties it; text rows hold nothing per row). */
export function readCustomerTable(cells: Rows, config: TableConfig, asOf: string, release = false, onRows?: (rows: number) => void, language: Language = 'en'): CustomerTable {
  const table = rowsOf(cells);
  const layout = customerLayout(table, config, language);
  const { headers, mapping } = layout;
  const { range, footer } = tableBody(table, layout.headerIndex);
  const warnings: string[] = [...layout.notes];
  if (footer !== null) warnings.push(footerNote(footer, WORDS[language].table));
  const dateOrders = columnDateOrders(table, range, mapping, CUSTOMER_DATES, headers, config.dateOrder, warnings, WORDS[language].table);
  const headerKeys = headerKeysOf(headers, mapping, CUSTOMER_REQUIRED);
  const rows = readCustomerRows(table, range, 0, { headerKeys, mapping, dateOrders, asOf }, firstRowsInOrder(range[1] - range[0]), release, onRows);
  return { ...layout, rows, warnings, range };
}

/** What reading a row needs of the whole table: its columns, header texts, and how each date column is read. */
export interface RowContext {
  headerKeys: readonly [number, string][];
  mapping: Partial<Record<CustomerField, number>>;
  dateOrders: Partial<Record<CustomerField, DateOrder>>;
  asOf: string;
}

/** The row an id was first seen on, or undefined when this is its first row (which the decider remembers). */
export type FirstRowOfId = (id: string, row: number) => number | undefined;

/**
 * Repeated ids decided in row order, as one reader of the whole table sees them. `expected`: about how
 * many ids (sizes the index). A Map of a million ids cost ~0.7 s here; core/id-index.ts reads one slot.
 */
export function firstRowsInOrder(expected = 1024): FirstRowOfId {
  const ids = new IdIndex(expected);
  const firstRows: number[] = [];
  return (id, row) => {
    const known = ids.size;
    const position = ids.positionOf(id);
    if (position < known) return firstRows[position];
    firstRows.push(row);
    return undefined;
  };
}

/**
 * The id a data row is checked for repeats by, or null for a row that is blank, repeats the header,
 * has no id or is a totals line (those rows have their own problem, not a repeated id).
 */
export function repeatableId(rows: TableRows, i: number, context: RowContext): string | null {
  if (rowKindAt(rows, i, context.headerKeys) !== 'data') return null;
  const id = idText(rows.cell(i, context.mapping.id as number));
  return id === '' || isTotalsLabel(id) ? null : id;
}


/**
 * Rows range[0] … range[1] − 1 of `cells` as customers or problems; `rowOffset` is the table row of
 * cells' row 0 (0 for a whole table, more for a piece of one read on a worker thread). Only the
 * mapped cells of a row are read.
 */
export function readCustomerRows(
  cells: Rows,
  range: readonly [number, number],
  rowOffset: number,
  context: RowContext,
  firstRowOf: FirstRowOfId,
  release = false,
  onRows?: (rows: number) => void,
): CustomerRow[] {
  const rows: CustomerRow[] = [];
  eachCustomerRow(cells, range, rowOffset, context, firstRowOf, (row) => rows.push(row), release, onRows);
  return rows;
}

/** readCustomerRows one row at a time, for a reader that keeps less than every row (cli/score/threads/table-piece.ts). */
export function eachCustomerRow(
  cells: Rows,
  range: readonly [number, number],
  rowOffset: number,
  context: RowContext,
  firstRowOf: FirstRowOfId,
  visit: (row: CustomerRow) => void,
  release = false,
  onRows?: (rows: number) => void,
): void {
  const rowAt = customerRowReader(cells, rowOffset, context, firstRowOf, release);
  for (let r = range[0]; r < range[1]; r++) {
    if (((r - range[0]) & 0xffff) === 0xffff && onRows !== undefined) onRows(r - range[0] + 1);
    visit(rowAt(r));
  }
}

/**
 * Reads table row r (any row, in row order: repeated ids are decided as rows come) as a customer or
 * a problem: what eachCustomerRow gives for each row; plain-customer-rows.ts asks it for the rows it
 * cannot read from the text itself.
 */
export function customerRowReader(cells: Rows, rowOffset: number, context: RowContext, firstRowOf: FirstRowOfId, release = false): (r: number) => CustomerRow {
  const table = rowsOf(cells);
  const { headerKeys, mapping, dateOrders, asOf } = context;
  const reader = new RowReader(table, mapping, dateOrders, asOf);
  const customerOfRow = customerOfRowWith(mapping);
  const idColumn = mapping.id as number;
  return (r) => {
    const row = r + rowOffset + 1;
    const kind = rowKindAt(table, r, headerKeys);
    if (kind !== 'data' && release) table.release(r);
    if (kind === 'blank') return { row, id: null, customer: null, problem: { kind: 'blank' } };
    if (kind === 'header') return { row, id: null, customer: null, problem: { kind: 'headerAgain' } };
    reader.start(r);
    const id = idText(table.cell(r, idColumn));
    if (id === '') reader.problem({ code: 'emptyId', field: 'id', value: '' });
    else if (isTotalsLabel(id)) reader.problem({ code: 'totalsRow', field: 'id', value: id });
    else {
      const first = firstRowOf(id, row);
      if (first !== undefined) reader.problem({ code: 'repeatedId', field: 'id', value: id, firstRow: first });
    }
    // Every field of the field table, read by its kind (customer-fields.ts); one shape for all rows.
    reader.id = id;
    const customer = customerOfRow(reader);
    // Every cell read: whether the row can be scored is the core's one rule (dates in order, a dated row has orders and spend).
    if (reader.problems === null) {
      const unscorable = scorabilityProblems(customer, reader.days, asOf, reader.asOfDay);
      if (unscorable !== null) for (const p of unscorable) reader.problem(p);
    }
    const problems = reader.problems as Problem[] | null;
    if (release) table.release(r);
    return problems === null
      ? { row, id, customer, problem: null }
      : { row, id: id === '' ? null : id, customer: null, problem: { kind: 'cells', problems } };
  };
}

/**
 * The customer table's columns. A table with customer totals but no purchase date at all cannot be
 * scored for recency: one sentence says so and which export to use instead.
 */
export function customerLayout(cells: Rows, config: TableConfig, language: Language): Layout<CustomerField> {
  try {
    return layoutOf(cells, CUSTOMER_FIELDS, CUSTOMER_REQUIRED, config.columns, 'customer', { kind: 'customers', words: WORDS[language].table });
  } catch (error) {
    if (!(error instanceof MissingColumnsError) || !error.missing.includes('lastPurchase')) throw error;
    const headerIndex = findHeaderRow(cells, CUSTOMER_FIELDS, 2, config.columns);
    const headers = rowsOf(cells).row(headerIndex).map(cellText);
    const found = detectColumns(headers, CUSTOMER_FIELDS, config.columns);
    const orderish = detectColumns(headers, ORDER_FIELDS, {});
    const anyDate = found.firstPurchase !== undefined || found.lastContact !== undefined || orderish.date !== undefined;
    if (!anyDate && found.orders !== undefined && found.totalSpend !== undefined) {
      throw new TableError(WORDS[language].table.header.totalsWithoutDates);
    }
    throw error;
  }
}

/** Reads the cells of one row at a time, each as it is asked for, collecting what is wrong with it (as data; the host words it). */
class RowReader implements RowCells {
  problems: Problem[] | null = null;
  id = '';
  /** Day numbers of the row's first and last purchase (NaN when empty), for the scorability rule. */
  readonly days = { first: NaN, last: NaN };
  readonly asOfDay: number;
  private readonly table: TableRows;
  private index = 0;
  private readonly mapping: Partial<Record<CustomerField, number>>;
  private readonly dateOrders: Partial<Record<CustomerField, DateOrder>>;
  private readonly asOf: string;

  constructor(
    table: TableRows,
    mapping: Partial<Record<CustomerField, number>>,
    dateOrders: Partial<Record<CustomerField, DateOrder>>,
    asOf: string,
  ) {
    this.table = table;
    this.mapping = mapping;
    this.dateOrders = dateOrders;
    this.asOf = asOf;
    this.asOfDay = dayNumber(asOf);
  }

  start(index: number): void {
    this.index = index;
    this.problems = null;
    this.days.first = NaN;
    this.days.last = NaN;
  }

  problem(problem: Problem): void {
    (this.problems ??= []).push(problem);
  }

  text(field: CustomerField): string | null {
    const column = this.mapping[field];
    return column === undefined ? null : cellText(this.table.cell(this.index, column)) || null;
  }

  parse<T>(field: CustomerField, parser: (cell: Cell) => Parsed<T>): T | null {
    const column = this.mapping[field];
    if (column === undefined) return null;
    const cell = this.table.cell(this.index, column);
    const value = parser(cell);
    if (value instanceof Invalid) {
      this.problem({ code: 'unreadable', field, value: cellText(cell), expected: value.kind });
      return null;
    }
    return value;
  }

  date(field: CustomerField): string | null {
    const column = this.mapping[field];
    if (column === undefined) return null;
    const cell = this.table.cell(this.index, column);
    // An ISO date cell is its own value and gives its day number in one read (parseDate would read it twice).
    let day = typeof cell === 'string' && cell.length === 10 ? parseIsoDay(cell) : NaN;
    let value: string | null;
    if (!Number.isNaN(day)) value = cell as string;
    else {
      const parsed = parseDate(cell, this.dateOrders[field] as DateOrder);
      if (parsed instanceof Invalid) {
        this.problem({ code: 'unreadable', field, value: cellText(cell), expected: parsed.kind });
        return null;
      }
      value = parsed;
    }
    if (value === null || !PAST_DATES.has(field)) return value;
    if (Number.isNaN(day)) day = dayNumber(value);
    if (day > this.asOfDay) this.problem({ code: 'afterAsOf', field, value, asOf: this.asOf });
    if (field === 'firstPurchase') this.days.first = day;
    else if (field === 'lastPurchase') this.days.last = day;
    return value;
  }
}
