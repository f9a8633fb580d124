// DESIGN.md "Command line" contract, checked from outside: the built `tierwise score` on tables this
// file writes, with the RFM arithmetic, segment grid and tier mapping computed here independently.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { JSON_KEYS, RESULT_HEADERS, ROOT, SCORE_KEYS, TIER_OF, gridSegment, parseCsv, random, rankScores, tierwise, toCsv, type Result } from './outsider.ts';

const AS_OF = '2026-11-01';
const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'tierwise-contract-cli-'));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Customer { id: string; name: string; last: string; orders: number; spend: number }
// 120 customers drawn from few distinct values, so ties are everywhere.
const rnd = random(20261129);
const customers: Customer[] = Array.from({ length: 120 }, (_, i) => ({
  id: `K${String(i + 1).padStart(3, '0')}`,
  name: `Name ${i + 1}`,
  last: iso(Date.parse(AS_OF) - (1 + Math.floor(rnd() * 40) * 17) * DAY),
  orders: 1 + Math.floor(rnd() * 9),
  spend: 10 * (1 + Math.floor(rnd() * 30)),
}));
const HEADER = ['Customer ID', 'Name', 'Last Purchase', 'Orders', 'Total Spend'];
const BAD = [['B001', 'Bad date', '31/31/2026', '3', '100'], ['B002', 'Bad orders', '2026-10-01', 'many', '100']];
const body = customers.map((c) => [c.id, c.name, c.last, String(c.orders), String(c.spend)]);
// Bad rows in the middle: they keep their place and stay out of everyone else's ranking.
const rows = [...body.slice(0, 50), BAD[0] as string[], ...body.slice(50, 90), BAD[1] as string[], ...body.slice(90)];
const table = join(dir, 'customers.csv');
writeFileSync(table, toCsv([HEADER, ...rows]));

const scoreJson = (file: string, extra: string[] = []): Result[] => {
  const ran = tierwise(['score', file, '--as-of', AS_OF, '--json', ...extra]);
  expect(ran.status, ran.stderr).toBe(0);
  return JSON.parse(ran.stdout) as Result[];
};

describe('tierwise score --json (customer table)', () => {
  const results = scoreJson(table);

  it('prints one object per input row, in input order, with the contract keys', () => {
    expect(results).toHaveLength(rows.length);
    results.forEach((result, i) => {
      for (const key of JSON_KEYS) expect(Object.keys(result), `row ${i + 2} lacks ${key}`).toContain(key);
      expect(result.row).toBe(i + 2); // header is row 1
      expect(result.id).toBe(rows[i]?.[0]);
    });
  });

  it('gives bad rows null scores and an error sentence, and good rows error null', () => {
    for (const bad of results.filter((r) => String(r.id).startsWith('B'))) {
      expect(typeof bad.error).toBe('string');
      expect(String(bad.error).length).toBeGreaterThan(10);
      for (const key of SCORE_KEYS) expect(bad[key], `${String(bad.id)} ${key}`).toBeNull();
    }
    expect(results.filter((r) => r.error !== null).map((r) => r.id)).toEqual(['B001', 'B002']);
    for (const good of results.filter((r) => r.error === null)) {
      expect(['A', 'B', 'C', 'D']).toContain(good.tier);
      expect(['low', 'medium', 'high']).toContain(good.churnLevel);
      expect(['prospect', 'new', 'active', 'dormant', 'churned']).toContain(good.lifecycle);
      expect(good.churnRisk as number).toBeGreaterThanOrEqual(0);
      expect(good.churnRisk as number).toBeLessThanOrEqual(100);
      expect(good.followUpBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof good.nextAction).toBe('string');
    }
  });

  it('computes R, F, M as 1 + floor(5 × w / N) over the 120 scored customers (ties equal)', () => {
    const r = rankScores(customers.map((c) => Date.parse(c.last)));
    const f = rankScores(customers.map((c) => c.orders));
    const m = rankScores(customers.map((c) => c.spend));
    const byId = new Map(results.map((x) => [x.id, x]));
    customers.forEach((c, i) => {
      const got = byId.get(c.id);
      expect({ id: c.id, r: got?.r, f: got?.f, m: got?.m }).toEqual({ id: c.id, r: r[i], f: f[i], m: m[i] });
    });
  });

  it('puts each customer in the RF grid cell and the DOMAIN.md tier of its segment', () => {
    for (const x of results.filter((y) => y.error === null)) {
      // README: a customer still new or active by their own rhythm reads at least R3 for the segment.
      const r = x.lifecycle === 'new' || x.lifecycle === 'active' ? Math.max(3, x.r as number) : (x.r as number);
      expect({ id: x.id, segment: x.segment }).toEqual({ id: x.id, segment: gridSegment(r, x.f as number, x.m as number) });
      expect({ id: x.id, tier: x.tier }).toEqual({ id: x.id, tier: TIER_OF[x.segment as string] });
    }
  });

  it('gives every customer the same result whatever the row order', () => {
    const shuffled = [...rows];
    const shuffle = random(7);
    for (let i = shuffled.length - 1; i > 0; i--) { const j = Math.floor(shuffle() * (i + 1)); [shuffled[i], shuffled[j]] = [shuffled[j] as string[], shuffled[i] as string[]]; }
    const file = join(dir, 'shuffled.csv');
    writeFileSync(file, toCsv([HEADER, ...shuffled]));
    const again = scoreJson(file);
    expect(again.map((x) => x.id)).toEqual(shuffled.map((row) => row[0]));
    const strip = (x: Result) => { const { row: _row, error, reasons, ...rest } = x; return { ...rest, error: error === null ? null : 'error', reasons: error === null ? reasons : 'error' }; };
    const before = new Map(results.map((x) => [x.id, strip(x)]));
    for (const x of again) expect(strip(x)).toEqual(before.get(x.id));
  });
});

describe('tierwise score output files', () => {
  it('writes the scored table to stdout as CSV: input columns untouched and in order, then the result headers', () => {
    const ran = tierwise(['score', table, '--as-of', AS_OF]);
    expect(ran.status, ran.stderr).toBe(0);
    const out = parseCsv(ran.stdout);
    expect(out[0]).toEqual([...HEADER, ...RESULT_HEADERS]);
    expect(out.slice(1).map((r) => r.slice(0, HEADER.length))).toEqual(rows);
  });

  it('--out CSV and XLSX read back with every input row found', async () => {
    const csv = join(dir, 'scored.csv');
    const xlsx = join(dir, 'scored.xlsx');
    for (const out of [csv, xlsx]) {
      const ran = tierwise(['score', table, '--as-of', AS_OF, '--out', out]);
      expect(ran.status, ran.stderr).toBe(0);
    }
    const fromCsv = parseCsv(readFileSync(csv, 'utf8'));
    expect(fromCsv[0]).toEqual([...HEADER, ...RESULT_HEADERS]);
    expect(fromCsv.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r[0]));
    const [first] = await readXlsxFile(xlsx);
    const sheet = first?.data ?? [];
    expect(sheet[0]?.map(String)).toEqual([...HEADER, ...RESULT_HEADERS]);
    expect(sheet.slice(1).map((r) => String(r[0]))).toEqual(rows.map((r) => r[0]));
    const tierCol = HEADER.length;
    const json = scoreJson(table);
    sheet.slice(1).forEach((r, i) => expect(r[tierCol] ?? null).toEqual(json[i]?.tier ?? null));
  });
});

describe('tierwise score --orders', () => {
  it('prints one object per customer in order of first appearance', () => {
    const orders = [
      ['Order ID', 'Customer ID', 'Order Date', 'Amount'],
      ['1', 'Z9', '2026-01-05', '20'], ['2', 'A1', '2026-02-05', '30'], ['3', 'Z9', '2026-03-05', '40'],
      ['4', 'M5', '2026-04-05', '50'], ['5', 'A1', '2026-05-05', '60'], ['6', 'Q2', '2026-06-05', '70'],
    ];
    const file = join(dir, 'orders.csv');
    writeFileSync(file, toCsv(orders));
    const results = scoreJson(file, ['--orders']);
    expect(results.map((x) => x.id)).toEqual(['Z9', 'A1', 'M5', 'Q2']);
    for (const x of results) { for (const key of JSON_KEYS) expect(Object.keys(x)).toContain(key); expect(x.error).toBeNull(); }
  });
});

describe('exit codes', () => {
  it('refuses a missing file with one line and writes nothing', () => {
    const out = join(dir, 'never.csv');
    const ran = tierwise(['score', join(dir, 'no-such-file.csv'), '--out', out]);
    expect(ran.status).not.toBe(0);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a table without the required columns with one line and writes nothing', () => {
    const file = join(dir, 'unusable.csv');
    writeFileSync(file, 'colour,size\nred,3\nblue,4\n');
    const out = join(dir, 'never2.csv');
    const ran = tierwise(['score', file, '--out', out]);
    expect(ran.status).not.toBe(0);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 0 on the bundled sample with its bad rows, one object per data row', () => {
    const ran = tierwise(['score', join(ROOT, 'sample', 'customers.csv'), '--as-of', AS_OF, '--json']);
    expect(ran.status, ran.stderr).toBe(0);
    const results = JSON.parse(ran.stdout) as Result[];
    const lines = parseCsv(readFileSync(join(ROOT, 'sample', 'customers.csv'), 'utf8'));
    const header = lines.findIndex((l) => l.includes('Cust ID'));
    expect(results).toHaveLength(lines.length - header - 1);
    results.forEach((x, i) => expect(x.row).toBe(header + 2 + i));
    expect(results.some((x) => x.error !== null)).toBe(true);
    for (const x of results.filter((y) => y.error !== null)) for (const key of SCORE_KEYS) expect(x[key]).toBeNull();
  });
});
