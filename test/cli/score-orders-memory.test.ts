// `score --orders` keeps O(customers), not O(rows): a file of many order lines for few customers is
// scored within a JavaScript heap far smaller than the rows themselves would take (before streaming,
// 400,000 rows as cells needed several times this heap and the run died out of memory).
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-orders-memory-'));
const HEAP_MB = 48;
const CUSTOMERS = 300;

/** Order lines for CUSTOMERS customers, in a file of about `rows` × 40 bytes. */
function orderFile(rows: number): string {
  const path = join(dir, `orders-${rows}.csv`);
  const lines = ['Customer ID,Order Date,Amount,Name'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    const month = 1 + ((i * 7) % 12);
    lines.push(`customer-number-${(i * 7919) % CUSTOMERS},2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${(5 + (i % 400) / 4).toFixed(2)},"Name, ${i % CUSTOMERS}"`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

function scoreWithSmallHeap(path: string) {
  const config = join(dir, 'config.json');
  // The purchase models are off: the churn model check reads up to 20,000 customers' orders as objects (README).
  writeFileSync(config, JSON.stringify({ options: { purchaseModel: 'off' } }));
  const out = join(dir, 'scored.csv');
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(ROOT, 'bin', 'tierwise.js'), 'score', path, '--orders', '--as-of', '2026-11-01', '--config', config, '--out', out, '--force'], { encoding: 'utf8' });
  return { status: child.status, stderr: child.stderr, lines: child.status === 0 ? readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\n') : [] };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('score --orders memory', () => {
  it(`scores 50,000 and 400,000 order lines of ${CUSTOMERS} customers in a ${HEAP_MB} MB heap, every customer once`, () => {
    for (const rows of [50_000, 400_000]) {
      const run = scoreWithSmallHeap(orderFile(rows));
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const ids = run.lines.slice(1).map((l) => l.split(',')[0]);
      expect(new Set(ids).size).toBe(CUSTOMERS);
      expect(ids).toHaveLength(CUSTOMERS);
    }
  }, 120_000);
});
