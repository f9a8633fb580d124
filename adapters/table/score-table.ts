// scoreTable: the one call hosts make. A grid of cells in; one scored row per customer row (or per
// customer, for order tables) out, with a reason for every row that could not be scored.
import { OptionsSchema, type Language, type OptionsInput } from '../../core/schema/options.ts';
import type { Customer } from '../../core/schema/customer.ts';
import type { Result } from '../../core/schema/result.ts';
import { scoreParsedCustomers } from '../../core/score.ts';
import { unscoredResult } from '../../core/score.ts';
import { summarize } from '../../core/summarize.ts';
import { OrderAggregator } from '../../core/aggregate-orders.ts';
import type { OrderHistory } from '../../core/order-history.ts';
import type { Order } from '../../core/schema/order.ts';
import { TableConfigSchema, TableError, type Cell, type CustomerField, type ScoredRow, type TableConfigInput, type TableScore } from './contract.ts';
import type { Field } from '../../core/problems.ts';
import { rowProblemText } from './row-problems.ts';
import { readCustomerTable, type CustomerRow } from './customer-table.ts';
import { readOrderTable } from './order-table.ts';
import { collectOrderResults, orderResults, type OrdersToScore } from './order-results.ts';
import { rankingNotes } from './ranking-notes.ts';
import { gridOf, type Rows } from './table-rows.ts';

export type { OrdersToScore } from './order-results.ts';
export { rankingNotes } from './ranking-notes.ts';

/**
 * Scores a grid of cells, or rows read on demand (table-rows.ts). With `release`, each data row of a
 * grid is emptied once read, so a host that keeps the rows elsewhere never holds a million rows twice.
 * `onRows` hears how many customer rows were read so far (for progress lines).
 */
export function scoreTable(cells: Rows, configInput: TableConfigInput, optionsInput: OptionsInput, release = false, onRows?: (rows: number) => void): TableScore {
  const config = TableConfigSchema.parse(configInput);
  const options = OptionsSchema.parse(optionsInput);
  return config.kind === 'orders' ? scoreOrderTable(gridOf(cells), config, options) : scoreCustomerTable(cells, config, options, release, onRows);
}

function scoreCustomerTable(cells: Rows, config: ReturnType<typeof TableConfigSchema.parse>, options: ReturnType<typeof OptionsSchema.parse>, release: boolean, onRows?: (rows: number) => void): TableScore {
  const table = readCustomerLooksLikeOrders(cells, config, options.asOf, release, onRows, options.language);
  const customers: Customer[] = [];
  for (const r of table.rows) if (r.customer !== null) customers.push(r.customer);
  const results = scoreParsedCustomers(customers, options);
  const rows = scoredRowsOf(table.rows, results, headerOfColumn(table.headers, table.mapping), options.language);
  return tableScore('customers', table, rows, table.warnings, options);
}

/** The header text of a field's column, for row problems ("column "Last Order""). */
export function headerOfColumn(headers: readonly string[], mapping: Partial<Record<CustomerField, number>>): (field: Field) => string {
  return (field) => headers[mapping[field as CustomerField] as number] ?? field;
}

/** One scored row per table row: the results (in the order the good rows went in) and each bad row's reason. */
export function scoredRowsOf(tableRows: readonly CustomerRow[], results: readonly Result[], headerOf: (field: Field) => string, language: Language): ScoredRow[] {
  let next = 0;
  const nextResult = () => results[next++] as Result;
  const rows: ScoredRow[] = new Array<ScoredRow>(tableRows.length);
  for (let i = 0; i < tableRows.length; i++) rows[i] = scoredRowOf(tableRows[i] as CustomerRow, nextResult, headerOf, language);
  return rows;
}

/** One table row scored: its customer's result (the next of the good rows' results), or its reason. */
export function scoredRowOf(r: CustomerRow, nextResult: () => Result, headerOf: (field: Field) => string, language: Language): ScoredRow {
  const result = r.customer !== null ? nextResult() : unscoredResult(r.id ?? '', rowProblemText(r.row, r.problem, headerOf, language));
  return { row: r.row, id: r.id, result };
}

function tableScore(
  kind: TableScore['kind'],
  layout: { headerIndex: number; headers: string[]; mapping: TableScore['mapping'] },
  rows: ScoredRow[],
  warnings: string[],
  options: ReturnType<typeof OptionsSchema.parse>,
): TableScore {
  const scorable = rows.reduce((n, r) => (r.result.r !== null ? n + 1 : n), 0);
  warnings = [...warnings, ...rankingNotes(scorable, options)];
  return {
    kind,
    headerRow: layout.headerIndex + 1,
    headers: layout.headers,
    mapping: layout.mapping,
    rows,
    summary: summarize(rows.map((r) => r.result), { language: options.language }),
    warnings,
  };
}

function scoreOrderTable(cells: Cell[][], config: ReturnType<typeof TableConfigSchema.parse>, options: ReturnType<typeof OptionsSchema.parse>): TableScore {
  const table = readOrderTable(cells, config, options.language);
  const aggregator = new OrderAggregator(options);
  for (const r of table.rows) if (r.order !== null) aggregator.add(r.order);
  const orders = table.rows.flatMap((r) => (r.order === null ? [] : [r.order]));
  return scoreReadOrders({ ...table, badRows: table.rows.filter((r) => r.order === null) }, aggregator, orders, options);
}

/** Scores the customers `aggregator` gathered from the kept orders (the same orders as `orders`, in row order), all rows at once (order-results.ts gives them in batches). */
export function scoreReadOrders(table: OrdersToScore, aggregator: OrderAggregator, orders: readonly Order[] | OrderHistory, optionsInput: OptionsInput): TableScore {
  return collectOrderResults(orderResults(table, aggregator, orders, optionsInput));
}

function customerRepeats(rows: readonly { order: { customerId: string } | null }[]): boolean {
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.order === null) continue;
    if (seen.has(r.order.customerId)) return true;
    seen.add(r.order.customerId);
  }
  return false;
}

/** Reads a customer table; when it cannot, and the cells read as an order table, the error says so (hosts offer their order mode). */
function readCustomerLooksLikeOrders(cells: Rows, config: ReturnType<typeof TableConfigSchema.parse>, asOf: string, release: boolean, onRows: ((rows: number) => void) | undefined, language: Language) {
  try {
    return readCustomerTable(cells, config, asOf, release, onRows, language);
  } catch (error) {
    if (error instanceof TableError && looksLikeOrderTable(cells)) error.looksLikeOrders = true;
    throw error;
  }
}

/**
 * True when the cells read as an order table with an order number, a status or line items (more than a
 * date and an amount), or with a customer on more than one row (a customer table has one row each).
 */
export function looksLikeOrderTable(cells: Rows): boolean {
  try {
    const table = readOrderTable(gridOf(cells), TableConfigSchema.parse({ kind: 'orders' }));
    const m = table.mapping;
    return table.source !== null || m.orderId !== undefined || m.status !== undefined || m.quantity !== undefined || m.lineAmount !== undefined || customerRepeats(table.rows);
  } catch (error) {
    if (error instanceof TableError) return false;
    throw error;
  }
}
