// Reads an order file for the model commands: one clear line when the file cannot be used.
import { resolve } from 'node:path';
import { readTableFile } from '../adapters/table/read-file.ts';
import { readOrderTable } from '../adapters/table/order-table.ts';
import { TableConfigSchema, TableError } from '../adapters/table/contract.ts';
import type { Order } from '../core/schema/order.ts';
import { UsageError, type CliIo } from './io.ts';

export async function readOrders(file: string, io: CliIo): Promise<{ orders: Order[]; badRows: number; firstError: string | null }> {
  try {
    const cells = await readTableFile(resolve(io.cwd, file));
    const table = readOrderTable(cells, TableConfigSchema.parse({ kind: 'orders' }));
    const orders = table.rows.flatMap((r) => (r.order === null ? [] : [r.order]));
    const bad = table.rows.filter((r) => r.error !== null);
    return { orders, badRows: bad.length, firstError: bad[0]?.error ?? null };
  } catch (error) {
    if (error instanceof TableError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

/** The latest order date: the default end of the calibration period. */
export function latestDate(orders: readonly Order[]): string {
  let latest = '';
  for (const o of orders) if (o.date > latest) latest = o.date;
  return latest;
}
