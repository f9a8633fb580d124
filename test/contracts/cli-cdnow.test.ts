// DESIGN.md "Command line" contract on the public CDNOW data (CDNOW data, Fader & Hardie), as an
// outsider reads it: CDNOW_master.txt is whitespace-separated with a header line, one row per order,
// so it is scored with --orders as it comes; CDNOW_sample.txt has no header, so a user adds one.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataFile, JSON_KEYS, TIER_OF, rankScores, tierwise, type Result } from './outsider.ts';

interface Totals { orders: number; spendCents: number; last: number }

describe('tierwise score --orders on CDNOW_master.txt (the one large run)', () => {
  const lines = readFileSync(dataFile('CDNOW_master.txt'), 'utf8').trim().split('\n').slice(1);
  const customers = new Map<string, Totals>();
  for (const line of lines) {
    const [id, date, , amount] = line.trim().split(/\s+/) as [string, string, string, string];
    const c = customers.get(id) ?? { orders: 0, spendCents: 0, last: 0 };
    c.orders += 1;
    c.spendCents += Math.round(Number(amount) * 100);
    c.last = Math.max(c.last, Number(date));
    customers.set(id, c);
  }
  const ids = [...customers.keys()];
  // --model rules: the contract here is shape, order and RFM; the learned churn model (README) would
  // triple this run's time on a shared 2-core machine, and is exercised on small order tables in cli-edges.
  const ran = tierwise(['score', dataFile('CDNOW_master.txt'), '--orders', '--as-of', '1998-07-01', '--json', '--quiet', '--model', 'rules']);
  const results = ran.status === 0 ? (JSON.parse(ran.stdout) as Result[]) : [];

  it('reads the file (exit 0) and gives one object per customer, in order of first appearance', () => {
    expect(ran.status, ran.stderr).toBe(0);
    expect(ids).toHaveLength(23_570);
    expect(results.map((x) => x.id)).toEqual(ids);
    for (const x of results) {
      for (const key of JSON_KEYS) expect(Object.keys(x)).toContain(key);
      expect(x.error).toBeNull();
      expect(x.tier).toBe(TIER_OF[x.segment as string]);
    }
  });

  it('ranks R (last order day), F (orders) and M (spend) by 1 + floor(5 × w / N)', () => {
    const values = ids.map((id) => customers.get(id) as Totals);
    const expected = { r: rankScores(values.map((c) => c.last)), f: rankScores(values.map((c) => c.orders)), m: rankScores(values.map((c) => c.spendCents)) };
    const mismatches = results.flatMap((x, i) => (['r', 'f', 'm'] as const).filter((k) => x[k] !== expected[k][i]).map((k) => `${String(x.id)} ${k}: ${String(x[k])} (expected ${expected[k][i]})`));
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

describe('tierwise model fit --json', () => {
  it('prints {unit, customers, bgnbd: {r, alpha, a, b, logLikelihood}, gammaGamma: {p, q, gamma, logLikelihood}} near the published CDNOW fits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-contract-fit-'));
    const file = join(dir, 'cdnow-sample.csv');
    const rows = readFileSync(dataFile('CDNOW_sample.txt'), 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/));
    writeFileSync(file, ['customer_id,date,cds,amount', ...rows.map(([id, , date, cds, amount]) => `${id},${date},${cds},${amount}`)].join('\n') + '\n');
    const ran = tierwise(['model', 'fit', file, '--calibration-end', '1997-09-30', '--json']);
    expect(ran.status, ran.stderr).toBe(0);
    const fit = JSON.parse(ran.stdout) as { unit: string; customers: number; bgnbd: Record<string, number>; gammaGamma: Record<string, number> };
    expect(Object.keys(fit)).toEqual(expect.arrayContaining(['unit', 'customers', 'bgnbd', 'gammaGamma']));
    expect(Object.keys(fit.bgnbd)).toEqual(expect.arrayContaining(['r', 'alpha', 'a', 'b', 'logLikelihood']));
    expect(Object.keys(fit.gammaGamma)).toEqual(expect.arrayContaining(['p', 'q', 'gamma', 'logLikelihood']));
    expect(fit.unit).toBe('weeks');
    expect(fit.customers).toBe(2357);
    // Published (shared/data/README.md): BG/NBD r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4; Gamma-Gamma p 6.25, q 3.74, gamma 15.44.
    expect(fit.bgnbd['r']).toBeCloseTo(0.243, 2);
    expect(fit.bgnbd['alpha']).toBeCloseTo(4.414, 1);
    expect(fit.bgnbd['a']).toBeCloseTo(0.793, 2);
    expect(fit.bgnbd['b']).toBeCloseTo(2.426, 1);
    expect(fit.bgnbd['logLikelihood']).toBeCloseTo(-9582.4, 0);
    expect(fit.gammaGamma['p']).toBeCloseTo(6.25, 1);
    expect(fit.gammaGamma['q']).toBeCloseTo(3.74, 1);
    expect(fit.gammaGamma['gamma']).toBeCloseTo(15.44, 0);
  });
});
