// The built command line on real-shaped exports: every customer once, the --orders hint only for order tables,
// and the committed fixtures are exactly what the generator writes.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, tierwise } from './run-cli.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';

const DIR = join(ROOT, 'test', 'fixtures', 'exports');
const truthOf = (name: string) => JSON.parse(readFileSync(join(DIR, name.replace(/\.csv$/, '.truth.json')), 'utf8')) as { customers: Record<string, { scored: boolean }> };

describe('tierwise score on exports', () => {
  it('prints every Shopify customer exactly once with --orders --json', () => {
    // Purchase models off: this checks reading and output, not the BG/NBD fit (seconds on this file).
    const config = join(mkdtempSync(join(tmpdir(), 'tierwise-config-')), 'config.json');
    writeFileSync(config, JSON.stringify({ options: { purchaseModel: 'off' } }));
    const run = tierwise(['score', join(DIR, 'shopify-orders.csv'), '--orders', '--as-of', '2026-11-01', '--json', '--config', config]);
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string | null; tier: string | null; error: string | null }[];
    const ids = rows.map((r) => r.id);
    const truth = truthOf('shopify-orders.csv');
    expect([...ids].sort()).toEqual(Object.keys(truth.customers).sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rows) expect(r.tier === null, String(r.id)).toBe(!truth.customers[r.id as string]!.scored);
    expect(run.stderr).toMatch(/orders left out as not purchases \(\d+ refunded, \d+ voided, \d+ cancelled, \d+ pending; from column "Financial Status", column "Cancelled at", column "Refunded Amount"\)/);
  });

  for (const name of ['woocommerce-orders.csv', 'online-retail.csv', 'weidian-orders.csv']) {
    it(`writes every customer of ${name} exactly once with --orders --out, read back from the file`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'tierwise-out-'));
      const config = join(dir, 'config.json');
      writeFileSync(config, JSON.stringify({ options: { purchaseModel: 'off' } }));
      const out = join(dir, 'scored.csv');
      const run = tierwise(['score', join(DIR, name), '--orders', '--as-of', '2026-11-01', '--out', out, '--config', config]);
      expect(run.status, run.stderr).toBe(0);
      const [header, ...rows] = parseDelimited(readFileSync(out, 'utf8'));
      expect(header?.slice(0, 2)).toEqual(['Customer', 'Source row']);
      const ids = rows.map((r) => r[0]).filter((id) => id !== '');
      const truth = truthOf(name);
      // Rows without a customer (online retail's lines without CustomerID) come back too, with their reason.
      expect(rows.filter((r) => r[0] === '').every((r) => (r.at(-1) ?? '').includes('customer id is empty'))).toBe(true);
      expect([...ids].sort()).toEqual(Object.keys(truth.customers).sort());
      expect(new Set(ids).size).toBe(ids.length);
    });
  }

  it('fits the purchase models on the kept orders of a Shopify export and says which were left out', () => {
    const run = tierwise(['model', 'fit', join(DIR, 'shopify-orders.csv'), '--json']);
    expect(run.status, run.stderr).toBe(0);
    const truth = truthOf('shopify-orders.csv');
    expect((JSON.parse(run.stdout) as { customers: number }).customers).toBe(Object.values(truth.customers).filter((c) => c.scored).length);
    expect(run.stderr).toContain('tierwise: note: Read as a Shopify orders export');
    expect(run.stderr).toMatch(/orders left out as not purchases/);
  });

  it('copies a Salesforce report footer under the scored table, byte for byte in CSV and as cells in XLSX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-footer-'));
    const input = join(DIR, 'salesforce-report.csv');
    const lines = readFileSync(input, 'utf8').replace(/\r?\n$/, '').split(/\r?\n/);
    const footer = lines.slice(lines.findIndex((l) => l.startsWith('Grand Totals')));
    expect(footer.length).toBeGreaterThan(3);
    const csv = join(dir, 'scored.csv');
    expect(tierwise(['score', input, '--as-of', '2026-11-01', '--out', csv, '--utf8-no-bom']).status).toBe(0);
    const written = readFileSync(csv, 'utf8').replace(/\r?\n$/, '').split(/\r?\n/);
    expect(written).toHaveLength(lines.length);
    expect(written.slice(-footer.length)).toEqual(footer);
    const xlsx = join(dir, 'scored.xlsx');
    expect(tierwise(['score', input, '--as-of', '2026-11-01', '--out', xlsx]).status).toBe(0);
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const [sheet] = await readXlsxFile(xlsx);
    const firstCells = (sheet?.data ?? []).map((r) => String(r[0] ?? ''));
    expect(firstCells).toContain('Grand Totals (140 records)');
    expect(firstCells.at(-1)).toBe(footer.at(-1)); // a one-cell line
  });

  it('suggests --orders for an order export read as customers', () => {
    const run = tierwise(['score', join(DIR, 'woocommerce-orders.csv'), '--as-of', '2026-11-01']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('run with --orders');
  });

  it('suggests --orders for a plain order list (customer, date, amount) where a customer is on more than one row', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-plain-orders-'));
    const file = join(dir, 'orders.csv');
    writeFileSync(file, 'customer_id,date,dollar_value\nC1,2026-01-05,12.00\nC2,2026-02-01,30.50\nC1,2026-03-09,8.25\n');
    const run = tierwise(['score', file, '--as-of', '2026-11-01']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('this looks like one row per order: run with --orders');
  });

  it('does not suggest --orders when each customer is on one row (a customer table missing a column)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-plain-customers-'));
    const file = join(dir, 'customers.csv');
    writeFileSync(file, 'customer_id,date,dollar_value\nC1,2026-01-05,12.00\nC2,2026-02-01,30.50\nC3,2026-03-09,8.25\n');
    const run = tierwise(['score', file, '--as-of', '2026-11-01']);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('run with --orders');
  });

  it('does not suggest --orders for a customer list without purchase dates: it names the export to use', () => {
    const run = tierwise(['score', join(DIR, 'shopify-customers.csv'), '--as-of', '2026-11-01']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("this is Shopify's customer export, which has no purchase dates");
    expect(run.stderr).not.toContain('this looks like one row per order');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says in the summary when a small table is scored with the fixed thresholds', () => {
    const run = tierwise(['score', join(DIR, 'generic-orders.csv'), '--orders', '--as-of', '2026-11-01', '--summary']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Only \d+ customers could be scored, fewer than 100 \(rfm\.minCustomers\): R, F and M use fixed thresholds/);
  });

  it('has committed fixtures identical to a fresh run of the generator', () => {
    const out = mkdtempSync(join(tmpdir(), 'tierwise-exports-'));
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate-export-fixtures.ts'), out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(DIR).sort();
    expect(readdirSync(out).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(DIR, f), 'utf8'));
  });
});
