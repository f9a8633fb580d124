// The model commands read an order text file as `score --orders` does, in pieces into typed arrays
// (cli/read-orders.ts), not as a grid of cells: the same orders, bad rows, first error and notes as
// reading the whole table, for every order fixture (exports, CDNOW, a file with trouble in it).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { readOrders } from '../../cli/read-orders.ts';
import { readTable } from '../../adapters/table/read-file.ts';
import { readOrderTable } from '../../adapters/table/order-table.ts';
import { TableConfigSchema } from '../../adapters/table/contract.ts';
import { unclosedQuoteText } from '../../adapters/table/csv.ts';
import { WORDS } from '../../core/i18n/index.ts';
import type { CliIo } from '../../cli/io.ts';
import { readConfig } from '../../cli/table-options.ts';
import { OrderAggregator } from '../../core/aggregate-orders.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const io: CliIo = { stdout: new PassThrough(), stderr: new PassThrough(), env: {}, cwd: ROOT };

/** What the model commands read before: the whole table as cells, then its orders. */
async function asCells(path: string) {
  const table = await readTable(path);
  const read = readOrderTable(table.cells, TableConfigSchema.parse({ kind: 'orders' }));
  const bad = read.rows.filter((r) => r.error !== null);
  const unclosed = table.problems[0];
  return {
    orders: read.rows.flatMap((r) => (r.order === null ? [] : [{ customerId: r.order.customerId, date: r.order.date, amount: r.order.amount }])),
    badRows: bad.length,
    firstError: (unclosed === undefined ? null : unclosedQuoteText(unclosed, WORDS.en)) ?? bad[0]?.error ?? null,
    notes: read.warnings,
  };
}

describe('the model commands\' order reading', () => {
  it('gives the orders, bad rows and notes of the whole table, read in pieces', async () => {
    const config = await readConfig(undefined, ROOT);
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-read-orders-'));
    const trouble = join(dir, 'trouble.csv');
    writeFileSync(trouble, 'Order ID,customer,date,amount,status\n1,c1,2026-01-02,5,paid\n2,c2,"2026-01-03,7,paid\n3,c1,2026-02-02,9,refunded\n4,,2026-02-03,4,paid\n5,c3,soon,5,paid\n1,c1,2026-01-02,2,paid\n\nGrand Totals,,,25,\n');
    // CDNOW's whitespace-aligned orders, with a header.
    const cdnow = join(dir, 'cdnow.txt');
    const sample = readFileSync(join(ROOT, 'test', 'fixtures', 'cdnow', 'CDNOW_sample.txt'), 'utf8');
    writeFileSync(cdnow, `customer_id sample_id date number_of_cds dollar_value\n${sample}`);
    const exports = join(ROOT, 'test', 'fixtures', 'exports');
    const files = [
      join(ROOT, 'sample', 'orders.csv'),
      cdnow,
      trouble,
      ...readdirSync(exports).filter((f) => /(orders|online-retail).*\.csv$/.test(f)).map((f) => join(exports, f)),
    ];
    for (const path of files) {
      const read = await readOrders(path, io, config);
      const expected = await asCells(path);
      const orders = read.history().orders('9999-12-31');
      expect({ orders: orders.map((o) => ({ customerId: o.customerId, date: o.date, amount: o.amount })), badRows: read.badRows, firstError: read.firstError, notes: read.notes }, path).toEqual(expected);
      expect(orders.length, path).toBeGreaterThan(0);
      expect(read.latest, path).toBe(orders.reduce((latest, o) => (o.date > latest ? o.date : latest), ''));
      // The aggregator model fit gets: the same customers, in the same order, as adding every order.
      const byOrders = new OrderAggregator({ asOf: read.latest });
      for (const o of orders) byOrders.add(o);
      const aggregated = read.aggregated({ asOf: read.latest });
      expect(aggregated.finish(), path).toEqual(byOrders.finish());
    }
  });
});
