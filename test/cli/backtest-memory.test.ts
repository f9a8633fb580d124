// `backtest` keeps the orders as columns and a range of customers' results at a time: 240,000 orders
// of 60,000 customers are backtested in a 64 MB heap. Before (an Order object per order, every
// customer's result at once, a million-object comparison) the same file needed more than 96 MB of heap
// and died out of memory at 64 (exit 134); the columns read it at 48.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-backtest-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CUSTOMERS = 60_000;
const HEAP_MB = 64;

/** Four orders each, a customer's spread over the file by a fixed stride, in 2025. */
function orderFile(): string {
  const path = join(dir, 'orders.csv');
  const lines = ['Customer ID,Order Date,Amount'];
  for (let i = 0; i < CUSTOMERS * 4; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + ((i * 13) % 28)).padStart(2, '0');
    lines.push(`customer-number-${(i * 7919) % CUSTOMERS},2025-${month}-${day},${(5 + (i % 400) / 4).toFixed(2)}`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('backtest memory', () => {
  it(`backtests ${CUSTOMERS.toLocaleString('en-US')} customers' 240,000 orders in a ${HEAP_MB} MB heap, every buyer scored once`, () => {
    const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(ROOT, 'bin', 'tierwise.js'), 'backtest', orderFile(), '--as-of', '2025-09-30', '--horizon', '60d', '--json'], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout) as { customers: number; churners: number; byTier: { customers: number }[]; models: { key: string; auc: number | null }[] };
    // A customer's four orders fall in one month (row i is month i mod 12, and a customer's rows are
    // 60,000 apart): the 15,000 whose month is after September have no purchase to score as of it, the
    // 45,000 others are scored once each.
    expect(report.customers).toBe(45_000);
    expect(report.byTier.reduce((n, t) => n + t.customers, 0)).toBe(45_000);
    expect(report.models.map((m) => m.key)).toEqual(['learned', 'pareto', 'rules', 'recency', 'bgnbd']);
  }, 120_000);
});
