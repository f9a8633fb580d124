// bench/rfm.sql is the RFM step for a table past one machine (README "Beyond one machine"): run in
// DuckDB, it must give every customer the core's R, F, M, segment (without the lifecycle adjustment)
// and tier. DuckDB is a bench-only dev dependency: without it this suite says so and skips.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCustomers } from '../../core/index.ts';
import { SEGMENTS, segmentOf } from '../../core/segments.ts';
import { DEFAULT_SEGMENT_TIERS } from '../../core/tiers.ts';
import { random } from '../../bench/synthetic.ts';

const duckdb = await import('@duckdb/node-api').catch((error: Error) => {
  console.warn(`bench/rfm.sql not tested: @duckdb/node-api did not load (${error.message.split('\n')[0]})`);
  return null;
});
const rfmSql = readFileSync(join(import.meta.dirname, '..', '..', 'bench', 'rfm.sql'), 'utf8');
const asOf = '2026-11-01';

/** Customers with many ties (few distinct dates, order counts and amounts), as real tables have. */
function customersWithTies(n: number) {
  const rand = random(7);
  return Array.from({ length: n }, (_, i) => ({
    id: `C${i}`,
    lastPurchase: `2026-${String(1 + Math.floor(rand() * 10)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 3) * 9).padStart(2, '0')}`,
    orders: 1 + Math.floor(rand() * 6),
    totalSpend: [9.99, 10, 25.5, 100, 250.25, 1000][Math.floor(rand() * 6)] as number,
  }));
}

describe.skipIf(duckdb === null)('bench/rfm.sql in DuckDB', () => {
  it('gives every customer the core’s R, F, M, segment (no lifecycle) and tier, ties included', async () => {
    const customers = customersWithTies(997);
    const instance = await duckdb!.DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await instance.connect();
    await connection.run('CREATE TABLE customers (customer_id VARCHAR, last_purchase DATE, orders INTEGER, total_spend DOUBLE)');
    const values = customers.map((c) => `('${c.id}', DATE '${c.lastPurchase}', ${c.orders}, ${c.totalSpend})`).join(',\n');
    await connection.run(`INSERT INTO customers VALUES ${values}`);
    const reader = await connection.runAndReadAll(`SELECT customer_id, "R", "F", "M", segment, tier FROM (${rfmSql})`);
    const rows = reader.getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();

    const core = scoreCustomers(customers, { asOf });
    const expected = new Map(
      core.map((r) => {
        const segment = segmentOf(r.r!, r.f!, r.m!);
        return [r.id, { R: r.r, F: r.f, M: r.m, segment, tier: DEFAULT_SEGMENT_TIERS[segment] }];
      }),
    );
    expect(rows).toHaveLength(customers.length);
    for (const row of rows) {
      const { customer_id: id, ...scored } = row;
      expect(scored, String(id)).toEqual(expected.get(String(id)));
    }
    // The table exercised every score and tier, so a rule wrong at any boundary would show.
    expect(new Set(rows.map((r) => r['segment']))).toEqual(new Set(SEGMENTS));
  });
});
