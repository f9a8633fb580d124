// The DuckDB script an analyst would write: read the CSV, (for orders) aggregate per customer, then
// bench/rfm.sql (R, F, M, segment, tier), COPY to a scored CSV. Prints one JSON line (rows, seconds).
// usage: node duckdb-rfm.ts customers|orders <file.csv> <as-of YYYY-MM-DD> <out.csv> <threads>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { requireBenchPackage } from './require-package.ts';

const Args = z.tuple([
  z.enum(['customers', 'orders']),
  z.string().min(1),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'as-of must be YYYY-MM-DD'),
  z.string().min(1),
  z.coerce.number().int().positive(),
]);
const [mode, file, asOf, out, threads] = Args.parse(process.argv.slice(2));
const { DuckDBInstance } = await requireBenchPackage<typeof import('@duckdb/node-api')>('@duckdb/node-api');

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
const rfmSql = readFileSync(join(import.meta.dirname, '..', 'rfm.sql'), 'utf8');

// Customers without a purchase date are prospects: the core scores them apart, outside the quantiles.
const customersView =
  mode === 'customers'
    ? `CREATE VIEW customers AS SELECT * FROM read_csv(${quoted(file)}, header = true) WHERE last_purchase IS NOT NULL`
    : // Orders after the as-of date are left out; refunds (negative amounts) net against spend but are
      // not purchases (core/aggregate-orders.ts).
      `CREATE VIEW customers AS
       SELECT customer_id,
              MIN(date) FILTER (WHERE amount >= 0) AS first_purchase,
              MAX(date) FILTER (WHERE amount >= 0) AS last_purchase,
              COUNT(*) FILTER (WHERE amount >= 0) AS orders,
              ROUND(SUM(amount), 2) AS total_spend
       FROM read_csv(${quoted(file)}, header = true, columns = {'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE'})
       WHERE date <= DATE ${quoted(asOf)}
       GROUP BY customer_id
       HAVING COUNT(*) FILTER (WHERE amount >= 0) > 0`;

const started = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
await connection.run(customersView);
const copied = await connection.runAndReadAll(`COPY (${rfmSql}) TO ${quoted(out)} (HEADER, DELIMITER ',')`);
const rows = Number(copied.getRows()[0]?.[0]);
connection.closeSync();
instance.closeSync();
console.log(JSON.stringify({ rows, seconds: (performance.now() - started) / 1000 }));
