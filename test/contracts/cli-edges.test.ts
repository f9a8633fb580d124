// DESIGN.md "Command line" contract at its edges, from outside: order tables (shuffled, with bad
// rows), a table of ties, an .xlsx input, and files that cannot be used.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSON_KEYS, SCORE_KEYS, TIER_OF, gridSegment, random, rankScores, tierwise, toCsv, type Result } from './outsider.ts';

const AS_OF = '2026-11-01';
const dir = mkdtempSync(join(tmpdir(), 'tierwise-contract-edges-'));
const json = (args: string[]): Result[] => {
  const ran = tierwise([...args, '--json', '--quiet']);
  expect(ran.status, ran.stderr).toBe(0);
  return JSON.parse(ran.stdout) as Result[];
};
const shuffle = <T>(items: T[], seed: number): T[] => {
  const rnd = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [out[i], out[j]] = [out[j] as T, out[i] as T]; }
  return out;
};

// 150 customers, 1-8 orders each over two years, ISO dates.
const rnd = random(99);
const ORDER_HEADER = ['Order ID', 'Customer ID', 'Order Date', 'Amount'];
const orders: string[][] = [];
for (let c = 1, n = 1; c <= 150; c++) {
  for (let k = 1 + Math.floor(rnd() * 8); k > 0; k--) orders.push([`O${n++}`, `C${c}`, new Date(Date.UTC(2024, 10, 1) + Math.floor(rnd() * 730) * 86_400_000).toISOString().slice(0, 10), (5 + Math.floor(rnd() * 200)).toFixed(2)]);
}
const ordersFile = join(dir, 'orders.csv');
writeFileSync(ordersFile, toCsv([ORDER_HEADER, ...orders]));

describe('--orders', () => {
  const results = json(['score', ordersFile, '--orders', '--as-of', AS_OF]);

  it('gives one object per customer in order of first appearance, each in its grid cell and tier', () => {
    expect(results.map((x) => x.id)).toEqual([...new Set(orders.map((o) => o[1]))]);
    for (const x of results) {
      for (const key of JSON_KEYS) expect(Object.keys(x)).toContain(key);
      // The one exception to the grid (core/segments.ts): a new or active customer is not called Hibernating or Lost.
      const r = (x.lifecycle === 'new' || x.lifecycle === 'active') && (x.f as number) <= 2 ? Math.max(3, x.r as number) : (x.r as number);
      expect({ id: x.id, segment: x.segment }).toEqual({ id: x.id, segment: gridSegment(r, x.f as number, x.m as number) });
      expect({ id: x.id, tier: x.tier }).toEqual({ id: x.id, tier: TIER_OF[x.segment as string] });
    }
  });

  it('gives every customer the same result when the orders are shuffled', () => {
    const file = join(dir, 'orders-shuffled.csv');
    const shuffled = shuffle(orders, 5);
    writeFileSync(file, toCsv([ORDER_HEADER, ...shuffled]));
    const again = json(['score', file, '--orders', '--as-of', AS_OF]);
    expect(again.map((x) => x.id)).toEqual([...new Set(shuffled.map((o) => o[1]))]);
    const strip = ({ row: _row, ...rest }: Result) => rest;
    const before = new Map(results.map((x) => [x.id, strip(x)]));
    for (const x of again) expect(strip(x)).toEqual(before.get(x.id));
  });

  it('reports each unreadable order row with null scores and an error sentence, and loses no customer', () => {
    const bad = [...orders];
    bad.splice(10, 0, ['OX1', 'C7', '2026-02-30', '10.00']);
    bad.splice(20, 0, ['OX2', 'C8', '2026-01-01', 'abc']);
    const file = join(dir, 'orders-bad.csv');
    writeFileSync(file, toCsv([ORDER_HEADER, ...bad]));
    const out = json(['score', file, '--orders', '--as-of', AS_OF]);
    const errors = out.filter((x) => x.error !== null);
    expect(errors.map((x) => x.row)).toEqual([12, 22]);
    for (const x of errors) {
      expect(String(x.error)).toMatch(/Row \d+/);
      for (const key of SCORE_KEYS) expect(x[key]).toBeNull();
    }
    expect(out.filter((x) => x.error === null).map((x) => x.id)).toEqual(results.map((x) => x.id));
  });
});

describe('rfm.minCustomers: ranking from 100 scored customers, fixed thresholds below, configurable', () => {
  const table = (n: number, seed: number) => {
    const r = random(seed);
    return Array.from({ length: n }, (_, i) => [`M${i}`, new Date(Date.parse(AS_OF) - (1 + Math.floor(r() * 30) * 19) * 86_400_000).toISOString().slice(0, 10), String(1 + Math.floor(r() * 9)), String(10 * (1 + Math.floor(r() * 40)))]);
  };
  const write = (name: string, rows: string[][]) => { const file = join(dir, name); writeFileSync(file, toCsv([['Customer ID', 'Last Purchase', 'Orders', 'Total Spend'], ...rows])); return file; };
  const expectRanked = (rows: string[][], out: Result[]) => {
    const r = rankScores(rows.map((x) => Date.parse(x[1] as string)));
    const f = rankScores(rows.map((x) => Number(x[2])));
    const m = rankScores(rows.map((x) => Number(x[3])));
    out.forEach((x, i) => expect([x.id, x.r, x.f, x.m]).toEqual([rows[i]?.[0], r[i], f[i], m[i]]));
  };

  it('ranks exactly 100 customers, and says it uses fixed thresholds for 99', () => {
    const hundred = table(100, 11);
    expectRanked(hundred, json(['score', write('hundred.csv', hundred), '--as-of', AS_OF]));
    const ran = tierwise(['score', write('ninety-nine.csv', hundred.slice(0, 99)), '--as-of', AS_OF, '--json', '--quiet']);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/fixed thresholds/);
    expect(ran.stderr).toContain('rfm.minCustomers');
  });

  it('ranks 30 customers when the config lowers rfm.minCustomers', () => {
    const thirty = table(30, 12);
    const config = join(dir, 'min10.json');
    writeFileSync(config, JSON.stringify({ options: { rfm: { minCustomers: 10 } } }));
    expectRanked(thirty, json(['score', write('thirty.csv', thirty), '--as-of', AS_OF, '--config', config]));
  });
});

describe('ties and file kinds', () => {
  it('gives 120 identical customers identical scores: R = F = M = 1', () => {
    const file = join(dir, 'ties.csv');
    writeFileSync(file, toCsv([['Customer ID', 'Last Purchase', 'Orders', 'Total Spend'], ...Array.from({ length: 120 }, (_, i) => [`T${i}`, '2026-06-01', '3', '300'])]));
    const out = json(['score', file, '--as-of', AS_OF]);
    expect(out).toHaveLength(120);
    const first = out[0] as Result;
    expect([first.r, first.f, first.m]).toEqual([1, 1, 1]);
    for (const x of out) expect({ ...x, row: 0, id: '' }).toEqual({ ...first, row: 0, id: '' });
  });

  it('reads back an .xlsx it wrote and scores it the same as the CSV', () => {
    const csv = join(dir, 'small.csv');
    const rows = Array.from({ length: 12 }, (_, i) => [`X${i}`, `2026-0${1 + (i % 9)}-15`, String(1 + (i % 5)), String(40 * (1 + i))]);
    writeFileSync(csv, toCsv([['Customer ID', 'Last Purchase', 'Orders', 'Total Spend'], ...rows]));
    const xlsx = join(dir, 'small.xlsx');
    expect(tierwise(['score', csv, '--as-of', AS_OF, '--out', xlsx, '--quiet']).status).toBe(0);
    const fromCsv = json(['score', csv, '--as-of', AS_OF]);
    const fromXlsx = json(['score', xlsx, '--as-of', AS_OF]);
    expect(fromXlsx.map((x) => x.id)).toEqual(rows.map((r) => r[0]));
    expect(fromXlsx.map(({ row: _r, ...rest }) => rest)).toEqual(fromCsv.map(({ row: _r, ...rest }) => rest));
  });

  it.each([
    ['an empty file', (f: string) => writeFileSync(f, '')],
    ['binary junk', (f: string) => writeFileSync(f, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 97 + 13) % 256)))],
  ])('refuses %s with one line, exit non-zero, nothing written', (_what, make) => {
    const file = join(dir, `unusable-${Math.random().toString(36).slice(2)}.csv`);
    make(file);
    const out = join(dir, `never-${Math.random().toString(36).slice(2)}.csv`);
    const ran = tierwise(['score', file, '--out', out]);
    expect(ran.status).not.toBe(0);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder as input, and an --out in a folder that does not exist, with one line', () => {
    const folder = tierwise(['score', dir]);
    expect(folder.status).not.toBe(0);
    expect(folder.stderr.trim().split('\n')).toHaveLength(1);
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, 'Customer ID,Last Purchase,Orders,Total Spend\nA,2026-01-01,2,100\n');
    const ran = tierwise(['score', csv, '--out', join(dir, 'missing', 'x.csv')]);
    expect(ran.status).not.toBe(0);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('model fit refuses a file without a header row with one line', () => {
    const file = join(dir, 'headerless.txt');
    writeFileSync(file, ' 00004 19970101  2   29.33\n 00004 19970118  2   29.73\n');
    const ran = tierwise(['model', 'fit', file, '--json']);
    expect(ran.status).not.toBe(0);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stdout).toBe('');
  });
});
