// Reads an order file for the model commands with the same config, column mapping and messages as
// `score --orders`: one clear line (exit 1) when the file cannot be used. A text file is read as
// `score --orders` reads it, in pieces into typed arrays (adapters/table/order-stream.ts), never as a
// grid of cells: 10M orders took `model fit` to a 4.9 GB peak as cells. A workbook is read whole.
import { resolve } from 'node:path';
import { readTable } from '../adapters/table/read-file.ts';
import { readOrderTable } from '../adapters/table/order-table.ts';
import { isTextTable } from '../adapters/table/read-text-stream.ts';
import { OrderFileError, readOrderFile } from '../adapters/table/order-stream.ts';
import { orderHistoryFromColumns } from '../adapters/table/order-columns.ts';
import { TableConfigSchema, TableError } from '../adapters/table/contract.ts';
import type { RowProblem } from '../adapters/table/csv.ts';
import type { ConfigFile } from '../adapters/config.ts';
import type { Order } from '../core/schema/order.ts';
import type { Language, OptionsInput } from '../core/schema/options.ts';
import { OrderAggregator } from '../core/aggregate-orders.ts';
import { aggregatorOf } from '../core/order-columns.ts';
import { EVERY_DATE, orderHistoryOf, type OrderHistory } from '../core/order-history.ts';
import { isoFromDayNumber } from '../core/dates.ts';
import type { CliIo } from './io.ts';
import { WORDS } from '../core/i18n/index.ts';
import { unclosedQuoteText } from '../adapters/table/csv.ts';

export interface OrdersRead {
  /** The kept orders, in row order, as the churn models and the backtest read them (a text file's as columns: 10M Order objects are ~1.5 GB). */
  history(): OrderHistory;
  /** The latest order date, '' when there is none. */
  latest: string;
  /** How many orders were kept. */
  count: number;
  /** The kept orders added, in row order, to an aggregator with these options (no Order object made for a text file). */
  aggregated(options: OptionsInput): OrderAggregator;
  /** Rows that could not be read as an order, and the first one's reason. */
  badRows: number;
  firstError: string | null;
  /** How line items became orders and which orders were left out as not purchases, and why. */
  notes: string[];
}


/** `onRows` hears how many rows were read so far, now and then (a progress line). */
export async function readOrders(file: string, io: CliIo, config: ConfigFile, sheet?: string, onRows?: (rows: number) => void): Promise<OrdersRead> {
  // Said in the config's language, as `score` says it.
  const language = config.options.language ?? 'en';
  const path = resolve(io.cwd, file);
  // Rows with an unclosed quote of a table read whole (a text file read in pieces says its own in its OrderFileError).
  let problems: readonly RowProblem[] = [];
  try {
    if (await isTextTable(path, sheet)) {
      const read = await readOrderFile(path, { kind: 'orders', columns: config.columns, dateOrder: config.dateOrder }, { ...config.options, asOf: EVERY_DATE }, onRows); // every order: the model commands split them by date themselves
      const bad = read.table.badRows;
      const columns = read.aggregator.orders();
      let latestDay = -Infinity;
      for (const day of columns.days) if (day > latestDay) latestDay = day;
      return {
        history: () => orderHistoryFromColumns(read.aggregator),
        latest: columns.days.length === 0 ? '' : isoFromDayNumber(latestDay),
        count: columns.days.length,
        // The same customers in the same order, and the same orders, as adding each Order in row order.
        aggregated: (options) => aggregatorOf(columns, options),
        badRows: bad.length,
        firstError: firstProblem(read.problems, language) ?? bad[0]?.error ?? null,
        notes: read.table.warnings,
      };
    }
    const table = await readTable(path, sheet, onRows, language);
    problems = table.problems;
    const orders = readOrderTable(table.cells, TableConfigSchema.parse({ kind: 'orders', columns: config.columns, dateOrder: config.dateOrder }), language);
    const list = orders.rows.flatMap((r) => (r.order === null ? [] : [r.order]));
    const bad = orders.rows.filter((r) => r.error !== null);
    return {
      history: () => orderHistoryOf(list),
      latest: latestDate(list),
      count: list.length,
      aggregated: (options) => {
        const aggregator = new OrderAggregator(options);
        for (const order of list) aggregator.add(order);
        return aggregator;
      },
      badRows: bad.length,
      firstError: firstProblem(table.problems, language) ?? bad[0]?.error ?? null,
      notes: orders.warnings,
    };
  } catch (error) {
    if (error instanceof TableError) {
      // An unclosed quote near the top can hide the header row itself: say so.
      const early = (error instanceof OrderFileError ? error.problems : problems).find((p) => p.index < 20);
      const note = early === undefined ? '' : WORDS[language].table.header.alsoNote(unclosedQuoteText(early, WORDS[language]));
      throw new TableError(`${file}: ${error.message}${note}`);
    }
    throw error;
  }
}

/** A row with an unclosed quote was read as blank: what was really wrong with the first one. */
function firstProblem(problems: readonly RowProblem[], language: Language): string | null {
  const unclosed = problems[0];
  return unclosed === undefined ? null : unclosedQuoteText(unclosed, WORDS[language]);
}

/** The latest order date: the default end of the calibration period. */
function latestDate(orders: readonly Order[]): string {
  let latest = '';
  for (const o of orders) if (o.date > latest) latest = o.date;
  return latest;
}
