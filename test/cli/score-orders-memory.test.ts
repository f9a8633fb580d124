// `score --orders` keeps O(customers), not O(rows): a file of many order lines for few customers is
// scored within a JavaScript heap far smaller than the rows themselves would take (before streaming,
// 400,000 rows as cells needed several times this heap and the run died out of memory). And it does
// not keep the results: many customers are scored and written in ranges within a heap their results
// would not fit in (held until the write, as before ranges, the run died out of memory).
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-cli.ts';
import { readTable } from '../../adapters/table/read-file.ts';
import { clearEarlierResults } from '../../adapters/table/earlier-results.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { parseDelimitedWithSpans } from '../../adapters/table/csv.ts';
import { writeTable } from '../../cli/score/write-output.ts';

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

/** The purchase models are off unless asked: the churn model check reads up to 20,000 customers' orders as objects (README). */
function scoreWithSmallHeap(path: string, heapMb = HEAP_MB, options: Record<string, string> = { purchaseModel: 'off' }) {
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ options }));
  const out = join(dir, 'scored.csv');
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, join(ROOT, 'bin', 'tierwise.js'), 'score', path, '--orders', '--as-of', '2026-11-01', '--config', config, '--out', out, '--force'], { encoding: 'utf8' });
  return { status: child.status, stderr: child.stderr, out, lines: child.status === 0 ? readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\n') : [] };
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

/** Two or three orders each for `customers` customers, each customer's orders spread over the file by a fixed stride. */
function manyCustomersFile(customers: number): { path: string; firstRow: Map<string, number> } {
  const path = join(dir, `customers-${customers}.csv`);
  const lines = ['Customer ID,Order Date,Amount'];
  const rows: string[] = [];
  for (let c = 0; c < customers; c++) {
    const orders = 2 + (c % 2);
    for (let o = 0; o < orders; o++) {
      const day = 1 + ((c * 7 + o * 11) % 28);
      const month = 1 + ((c * 5 + o * 4) % 12);
      const year = 2024 + ((c + o) % 3);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      rows.push(`c${c},${year === 2026 && month > 10 ? '2026-10-01' : date},${(3 + ((c * 37 + o * 13) % 900) / 3).toFixed(2)}`);
    }
  }
  // A fixed stride through the rows: each customer's orders are spread over the file, first rows in no simple order.
  const stride = 7919;
  const firstRow = new Map<string, number>();
  for (let i = 0, at = 0; i < rows.length; i++, at = (at + stride) % rows.length) {
    const line = rows[at] as string;
    lines.push(line);
    const id = line.slice(0, line.indexOf(','));
    if (!firstRow.has(id)) firstRow.set(id, lines.length);
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return { path, firstRow };
}

describe('score --orders scores and writes in ranges', () => {
  // With the purchase models and the learned churn model (the default), 60,000 customers' results (a reasons
  // sentence, drivers, a Result each) and learned risks do not fit in an 80 MB heap; their orders as typed
  // arrays and the customers themselves do. Before ranges this run died out of memory even in 160 MB.
  const CUSTOMERS = 60_000;
  const SMALL_HEAP_MB = 80;

  it(`scores ${CUSTOMERS.toLocaleString('en-US')} customers in a ${SMALL_HEAP_MB} MB heap: every customer once, at their first row, with the result one call gives`, async () => {
    const { path, firstRow } = manyCustomersFile(CUSTOMERS);
    const run = scoreWithSmallHeap(path, SMALL_HEAP_MB, {});
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Read back: every input customer once, at the row where they first appear, scored.
    const written = parseDelimitedWithSpans(readFileSync(run.out, 'utf8').replace(/^\uFEFF/, ''), ',').rows;
    const body = written.slice(1).filter((r) => r.length > 1);
    expect(body).toHaveLength(CUSTOMERS);
    const seen = new Set<string>();
    for (const r of body) {
      const id = String(r[0]);
      expect(seen.has(id)).toBe(false);
      seen.add(id);
      expect(Number(r[1])).toBe(firstRow.get(id));
      expect(['A', 'B', 'C', 'D']).toContain(r[2]);
    }
    expect(seen.size).toBe(firstRow.size);
    // The same bytes as the whole table scored in one call and written from one list of results.
    const table = await readTable(path);
    clearEarlierResults(table.cells);
    const whole = scoreTable(table.cells, { kind: 'orders' }, { asOf: '2026-11-01' });
    const oneCall = join(dir, 'one-call.csv');
    await writeTable(oneCall, table, whole, { language: 'en', plainUtf8: false });
    expect(readFileSync(run.out).equals(readFileSync(oneCall))).toBe(true);
  }, 180_000);
});
