// Reads an order file for the model commands with the same config, column mapping and messages as
// `score --orders`: one clear line (exit 1) when the file cannot be used.
import { resolve } from 'node:path';
import { readTable } from '../adapters/table/read-file.ts';
import { readOrderTable } from '../adapters/table/order-table.ts';
import { TableConfigSchema, TableError } from '../adapters/table/contract.ts';
import type { ConfigFile } from '../adapters/config.ts';
import type { Order } from '../core/schema/order.ts';
import type { CliIo } from './io.ts';
import { WORDS } from '../core/i18n/index.ts';
import { unclosedQuoteText } from '../adapters/table/csv.ts';

export async function readOrders(
  file: string,
  io: CliIo,
  config: ConfigFile,
  sheet?: string,
): Promise<{ orders: Order[]; badRows: number; firstError: string | null; notes: string[] }> {
  // Said in the config's language, as `score` says it.
  const language = config.options.language ?? 'en';
  let table: Awaited<ReturnType<typeof readTable>> | undefined;
  try {
    table = await readTable(resolve(io.cwd, file), sheet, undefined, language);
    const orders = readOrderTable(table.cells, TableConfigSchema.parse({ kind: 'orders', columns: config.columns, dateOrder: config.dateOrder }), language);
    const list = orders.rows.flatMap((r) => (r.order === null ? [] : [r.order]));
    const bad = orders.rows.filter((r) => r.error !== null);
    // A row with an unclosed quote was read as blank; say what was really wrong with it.
    const unclosed = table.problems[0];
    const firstProblem = unclosed === undefined ? null : unclosedQuoteText(unclosed, WORDS[language]);
    // notes: how line items became orders and which orders were left out as not purchases, and why.
    return { orders: list, badRows: bad.length, firstError: firstProblem ?? bad[0]?.error ?? null, notes: orders.warnings };
  } catch (error) {
    if (error instanceof TableError) {
      // An unclosed quote near the top can hide the header row itself: say so.
      const early = table?.problems.find((p) => p.index < 20);
      const note = early === undefined ? '' : WORDS[language].table.header.alsoNote(unclosedQuoteText(early, WORDS[language]));
      throw new TableError(`${file}: ${error.message}${note}`);
    }
    throw error;
  }
}

/** The latest order date: the default end of the calibration period. */
export function latestDate(orders: readonly Order[]): string {
  let latest = '';
  for (const o of orders) if (o.date > latest) latest = o.date;
  return latest;
}
