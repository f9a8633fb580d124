// scoreTable: the one call hosts make. A grid of cells in; one scored row per customer row (or per
// customer, for order tables) out, with a reason for every row that could not be scored.
import { OptionsSchema, type Language, type OptionsInput } from '../../core/schema/options.ts';
import type { Customer } from '../../core/schema/customer.ts';
import type { Result } from '../../core/schema/result.ts';
import { scoreParsedCustomers } from '../../core/score.ts';
import { unscoredResult } from '../../core/score.ts';
import { summarize } from '../../core/summarize.ts';
import { OrderAggregator } from '../../core/aggregate-orders.ts';
import { scoreOrderHistory, type OrderHistory } from '../../core/churn/learned/choose.ts';
import type { Order } from '../../core/schema/order.ts';
import { TableConfigSchema, TableError, type Cell, type CustomerField, type ScoredRow, type TableConfigInput, type TableScore } from './contract.ts';
import type { Field } from '../../core/problems.ts';
import { rowProblemText } from './row-problems.ts';
import { WORDS } from '../../core/i18n/index.ts';
import { readCustomerTable, type CustomerRow } from './customer-table.ts';
import { readOrderTable, type CustomerTrail, type OrderRow } from './order-table.ts';
import { LEFT_OUT_REASONS } from '../../core/order-status.ts';
import { rfmMethodFor } from '../../core/rfm.ts';

/**
 * Scores a grid of cells. With `release`, each data row of `cells` is emptied once read, so a host that
 * keeps the rows elsewhere (the CLI keeps the file's text) never holds a million rows twice.
 * `onRows` hears how many customer rows were read so far (for progress lines).
 */
export function scoreTable(cells: Cell[][], configInput: TableConfigInput, optionsInput: OptionsInput, release = false, onRows?: (rows: number) => void): TableScore {
  const config = TableConfigSchema.parse(configInput);
  const options = OptionsSchema.parse(optionsInput);
  return config.kind === 'orders' ? scoreOrderTable(cells, config, options) : scoreCustomerTable(cells, config, options, release, onRows);
}

function scoreCustomerTable(cells: Cell[][], config: ReturnType<typeof TableConfigSchema.parse>, options: ReturnType<typeof OptionsSchema.parse>, release: boolean, onRows?: (rows: number) => void): TableScore {
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
  const rows: ScoredRow[] = new Array<ScoredRow>(tableRows.length);
  for (let i = 0; i < tableRows.length; i++) {
    const r = tableRows[i] as CustomerRow;
    const result = r.customer !== null ? (results[next++] as Result) : unscoredResult(r.id ?? '', rowProblemText(r.row, r.problem, headerOf, language));
    rows[i] = { row: r.row, id: r.id, result };
  }
  return rows;
}

/** The note when a quantile ranking fell back to fixed thresholds: too few scorable customers. */
export function rankingNotes(scorable: number, options: ReturnType<typeof OptionsSchema.parse>): string[] {
  if (scorable > 0 && options.rfm.method === 'quantile' && rfmMethodFor(scorable, options.rfm) === 'fixed') {
    const { recencyDays, orders, spend } = options.rfm.fixed;
    return [WORDS[options.language].table.fixedThresholds(scorable, options.rfm.minCustomers, recencyDays.join('/'), orders.join('/'), spend.join('/'))];
  }
  return [];
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

/** An order table read (whole, or in pieces by order-stream.ts): its layout, the rows that could not be read, and each customer's trail. */
export interface OrdersToScore {
  headerIndex: number;
  headers: string[];
  mapping: TableScore['mapping'];
  /** Rows that could not be read, each with its reason. */
  badRows: readonly OrderRow[];
  /** Every customer named by a readable order, in order of first appearance. */
  customers: Iterable<[string, CustomerTrail]>;
  warnings: string[];
}

/** Scores the customers `aggregator` gathered from the kept orders (the same orders as `orders`, in row order). */
export function scoreReadOrders(table: OrdersToScore, aggregator: OrderAggregator, orders: readonly Order[] | OrderHistory, optionsInput: OptionsInput): TableScore {
  const options = OptionsSchema.parse(optionsInput);
  const customers = aggregator.finish();
  const scoredOrders = scoreOrderHistory(orders, customers, options);
  const results = scoredOrders.results;
  const resultOf = new Map<string, Result>();
  customers.forEach((c, i) => resultOf.set(c.id, results[i] as Result));
  // One row per customer, at the row where they first appear; a customer with no purchase left to score says why.
  const scored: ScoredRow[] = [];
  for (const [id, trail] of table.customers) {
    const unscorable = withoutPurchase(trail, options.language);
    const result = unscorable === null ? resultOf.get(id) : unscoredResult(id, WORDS[options.language].problems.customerRow(trail.firstRow, id, unscorable));
    if (result !== undefined) scored.push({ row: trail.firstRow, id, result });
  }
  // Bad order rows are reported in place, so every input row is either part of a customer or has a reason.
  const bad: ScoredRow[] = table.badRows.map((r) => ({ row: r.row, id: r.id, result: unscoredResult(r.id ?? '', r.error ?? 'not read') }));
  const rows = [...scored, ...bad].sort((a, b) => a.row - b.row);
  const warnings = [...table.warnings, ...scoredOrders.notes];
  if (aggregator.afterAsOf > 0) {
    warnings.push(WORDS[options.language].table.afterAsOf(aggregator.afterAsOf, options.asOf));
  }
  const unscorable = scored.filter((r) => r.result.error !== null).length;
  if (unscorable > 0) warnings.push(WORDS[options.language].table.noPurchaseLeft(unscorable));
  return tableScore('orders', table, rows, warnings, options);
}

/** Why a customer has nothing to score, or null when they have a purchase: only left-out orders, or only cancellations. */
function withoutPurchase(trail: CustomerTrail, language: Language): string | null {
  if (trail.kept > trail.negative) return null;
  const counts = trail.leftOut;
  const leftOut = counts === null ? [] : LEFT_OUT_REASONS.filter((r) => counts[r] > 0).map((reason) => ({ reason, count: counts[reason] }));
  const negative = trail.negative > 0 ? { count: trail.negative, total: trail.negativeTotal.toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) } : null;
  return WORDS[language].table.withoutPurchase(negative, leftOut);
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
function readCustomerLooksLikeOrders(cells: Cell[][], config: ReturnType<typeof TableConfigSchema.parse>, asOf: string, release: boolean, onRows: ((rows: number) => void) | undefined, language: Language) {
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
export function looksLikeOrderTable(cells: Cell[][]): boolean {
  try {
    const table = readOrderTable(cells, TableConfigSchema.parse({ kind: 'orders' }));
    const m = table.mapping;
    return table.source !== null || m.orderId !== undefined || m.status !== undefined || m.quantity !== undefined || m.lineAmount !== undefined || customerRepeats(table.rows);
  } catch (error) {
    if (error instanceof TableError) return false;
    throw error;
  }
}
