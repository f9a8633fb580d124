import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, tierwise } from './run-cli.ts';
import { auc } from '../../core/models/backtest.ts';

// CDNOW_sample.txt (CDNOW data, Fader & Hardie) as the CSV a user would have: one row per order.
let orders: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-models-'));
  const lines = readFileSync(join(ROOT, 'test', 'fixtures', 'cdnow', 'CDNOW_sample.txt'), 'utf8').trim().split('\n');
  const csv = ['Customer ID,Order Date,Amount', ...lines.map((l) => {
    const [id, , date, , dollars] = l.trim().split(/\s+/);
    return `${id},${date},${dollars}`;
  })];
  orders = join(dir, 'cdnow-sample.csv');
  writeFileSync(orders, csv.join('\n') + '\n');
});

describe('tierwise model fit', () => {
  it('reproduces the published CDNOW fits from the raw orders', () => {
    const run = tierwise(['model', 'fit', orders, '--calibration-end', '1997-09-30', '--json']);
    expect(run.status).toBe(0);
    const fit = JSON.parse(run.stdout) as { unit: string; customers: number; bgnbd: Record<string, number>; gammaGamma: Record<string, number> };
    expect(fit.unit).toBe('weeks');
    expect(fit.customers).toBe(2357);
    expect(fit.bgnbd.r).toBeCloseTo(0.2426, 3);
    expect(fit.bgnbd.alpha).toBeCloseTo(4.4136, 2);
    expect(fit.bgnbd.a).toBeCloseTo(0.7929, 3);
    expect(fit.bgnbd.b).toBeCloseTo(2.4259, 2);
    expect(fit.bgnbd.logLikelihood).toBeCloseTo(-9582.43, 0);
    expect(fit.gammaGamma.p).toBeCloseTo(6.25, 1);
    expect(fit.gammaGamma.q).toBeCloseTo(3.74, 1);
    expect(fit.gammaGamma.gamma).toBeCloseTo(15.44, 0);
  });
});

describe('tierwise backtest', () => {
  it('reports the AUC of churn risk, recency and expected purchases, and outcomes by tier', () => {
    const run = tierwise(['backtest', orders, '--as-of', '1997-09-30', '--horizon', '39w', '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { customers: number; churners: number; auc: Record<string, number>; byTier: { tier: string; revenueShare: number }[] };
    expect(report.customers).toBe(2357);
    for (const value of Object.values(report.auc)) expect(value).toBeGreaterThan(0.7);
    expect(Object.keys(report.auc)).toEqual(['churnRisk', 'recency', 'expectedPurchases']);
    // The bar, on the sample: churn risk ranks later non-buyers better than recency or BG/NBD alone.
    expect(report.auc['churnRisk']).toBeGreaterThan(Math.max(report.auc['recency'] as number, report.auc['expectedPurchases'] as number));
    expect(report.byTier.map((t) => t.tier)).toEqual(['A', 'B', 'C', 'D']);
    expect(report.byTier.reduce((s, t) => s + t.revenueShare, 0)).toBeCloseTo(1, 6);
  });
});

describe('AUC', () => {
  it('is 1 for a perfect ranking, 0.5 with ties everywhere, and counts ties as half', () => {
    expect(auc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
    expect(auc([1, 2, 2, 3], [false, true, false, true])).toBe(0.875);
  });
});
