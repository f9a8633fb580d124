// scoreTable: the one call hosts make. A grid of cells in; one scored row per customer row (or per
// customer, for order tables) out, with a reason for every row that could not be scored.
import { OptionsSchema, type OptionsInput } from '../../core/schema/options.ts';
import type { Customer } from '../../core/schema/customer.ts';
import type { Result } from '../../core/schema/result.ts';
import { scoreParsedCustomers } from '../../core/score.ts';
import { unscoredResult } from '../../core/score.ts';
import { summarize } from '../../core/summarize-results.ts';
import { OrderAggregator } from '../../core/aggregate-orders.ts';
import { scoreOrderHistory } from '../../core/churn/learned/choose.ts';
import { TableConfigSchema, type Cell, type ScoredRow, type TableConfigInput, type TableScore } from './contract.ts';
import { readCustomerTable } from './customer-table.ts';
import { readOrderTable } from './order-table.ts';

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
  const table = readCustomerTable(cells, config, options.asOf, release, onRows);
  const customers: Customer[] = [];
  for (const r of table.rows) if (r.customer !== null) customers.push(r.customer);
  const results = scoreParsedCustomers(customers, options);
  // Results come back in the order the good rows went in.
  let next = 0;
  const rows: ScoredRow[] = new Array<ScoredRow>(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i] as (typeof table.rows)[number];
    const result = r.customer !== null ? (results[next++] as Result) : unscoredResult(r.id ?? '', r.error ?? 'not scored');
    rows[i] = { row: r.row, id: r.id, result };
  }
  return tableScore('customers', table, rows, table.warnings, options);
}

function tableScore(
  kind: TableScore['kind'],
  layout: { headerIndex: number; headers: string[]; mapping: TableScore['mapping'] },
  rows: ScoredRow[],
  warnings: string[],
  options: ReturnType<typeof OptionsSchema.parse>,
): TableScore {
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
  const table = readOrderTable(cells, config);
  const aggregator = new OrderAggregator(options);
  const firstRow = new Map<string, number>();
  for (const r of table.rows) {
    if (r.order === null) continue;
    aggregator.add(r.order);
    if (!firstRow.has(r.order.customerId)) firstRow.set(r.order.customerId, r.row);
  }
  const customers = aggregator.finish();
  const scoredOrders = scoreOrderHistory(table.rows.flatMap((r) => (r.order === null ? [] : [r.order])), customers, options);
  const results = scoredOrders.results;
  const scored: ScoredRow[] = customers.map((c, i) => ({ row: firstRow.get(c.id) ?? 0, id: c.id, result: results[i]! }));
  // Bad order rows are reported in place, so every input row is either part of a customer or has a reason.
  const bad: ScoredRow[] = table.rows
    .filter((r) => r.order === null)
    .map((r) => ({ row: r.row, id: r.id, result: unscoredResult(r.id ?? '', r.error ?? 'not read') }));
  const rows = [...scored, ...bad].sort((a, b) => a.row - b.row);
  const warnings = [...table.warnings, ...scoredOrders.notes];
  if (aggregator.afterAsOf > 0) {
    warnings.push(
      `${aggregator.afterAsOf.toLocaleString('en-US')} order${aggregator.afterAsOf === 1 ? ' is' : 's are'} dated after the as-of date ${options.asOf} and ${aggregator.afterAsOf === 1 ? 'was' : 'were'} left out of the scoring`,
    );
  }
  return tableScore('orders', table, rows, warnings, options);
}
