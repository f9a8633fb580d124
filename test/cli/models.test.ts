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

  it('says whether the fit finds anyone leaving: on CDNOW it does, far beyond the no-dropout model', () => {
    const run = tierwise(['model', 'fit', orders, '--calibration-end', '1997-09-30', '--pareto']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Does anyone leave\? \(no-dropout model log-likelihood -9763\.\d\d\)/);
    expect(run.stdout).toMatch(/BG\/NBD finds customers leaving: likelihood-ratio 362\.\d\d/);
    expect(run.stdout).toMatch(/Pareto\/NBD finds customers leaving: likelihood-ratio 337\.\d\d/);
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

  it('compares every churn risk by AUC and Brier score and shows the chosen one\'s reliability', () => {
    const run = tierwise(['backtest', orders, '--as-of', '1997-09-30', '--horizon', '39w', '--json']);
    const report = JSON.parse(run.stdout) as {
      customers: number; chosen: string; brier: { churnRisk: number }; auc: { churnRisk: number };
      models: { key: string; auc: number; brier: number }[]; reliability: { customers: number; predicted: number; observed: number }[];
    };
    expect(report.models.map((m) => m.key)).toEqual(['learned', 'pareto', 'rules', 'recency', 'bgnbd']);
    const by = Object.fromEntries(report.models.map((m) => [m.key, m]));
    expect(report.chosen).toBe('learned');
    // The bars, on the sample: the learned risk ranks and predicts better than recency and BG/NBD.
    expect(by['learned']?.auc).toBeGreaterThan(Math.max(by['recency']?.auc ?? 1, by['bgnbd']?.auc ?? 1));
    expect(by['learned']?.brier).toBeLessThan(Math.min(by['recency']?.brier ?? 0, by['bgnbd']?.brier ?? 0));
    expect(report.brier.churnRisk).toBe(by['learned']?.brier);
    // Ten groups that hold every customer, whose observed shares average to the churn rate.
    expect(report.reliability).toHaveLength(10);
    expect(report.reliability.reduce((s, r) => s + r.customers, 0)).toBe(report.customers);
    const text = tierwise(['backtest', orders, '--as-of', '1997-09-30', '--horizon', '39w']).stdout;
    expect(text).toMatch(/Tierwise would use learned: churn risk uses the model learned from your orders/);
    expect(text).toMatch(/group {2}customers {2}predicted {2}observed/);
    expect(text).toMatch(/Largest miss of a group: \d+\.\d points/);
    expect(text.split('\n').filter((l) => /^ +\d+ +\d+ +[\d.]+% +[\d.]+% +#*\|?/.test(l))).toHaveLength(10);
  });
});

describe('tierwise backtest when BG/NBD cannot be fitted', () => {
  it('says why on stderr, leaves the BG/NBD baseline and expected purchases out, and reports the rest', () => {
    // Eight customers, three of whom buy again: too few for BG/NBD (fit-count-model.ts), enough to score.
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-backtest-few-'));
    const rows = ['Customer ID,Order Date,Amount'];
    for (let c = 1; c <= 8; c++) {
      rows.push(`c${c},2026-0${1 + (c % 5)}-1${c},${20 + c}`);
      if (c <= 3) rows.push(`c${c},2026-06-2${c},${30 + c}`);
      if (c % 2 === 0) rows.push(`c${c},2026-08-0${c / 2},${10 + c}`);
    }
    const file = join(dir, 'few.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    const run = tierwise(['backtest', file, '--as-of', '2026-06-30', '--horizon', '60d', '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/BG\/NBD.*; the BG\/NBD comparison is left out/);
    const report = JSON.parse(run.stdout) as { customers: number; churners: number; auc: Record<string, number | null>; models: { key: string; auc: number | null; note: string | null }[] };
    expect(report.customers).toBe(8);
    expect(report.churners).toBe(4);
    expect(report.auc['expectedPurchases']).toBeNull();
    const bgnbd = report.models.find((m) => m.key === 'bgnbd');
    expect(bgnbd?.auc).toBeNull();
    expect(bgnbd?.note).toMatch(/BG\/NBD/);
    expect(report.models.find((m) => m.key === 'rules')?.auc).not.toBeNull();
  });
});

describe('tierwise score --orders --model', () => {
  it('forces a churn model, says which in the summary, and refuses an unknown one', () => {
    const learned = tierwise(['score', orders, '--orders', '--as-of', '1998-03-31', '--model', 'learned', '--summary']);
    expect(learned.status).toBe(0);
    expect(learned.stdout).toMatch(/Note: churn risk N means about N% chance of no purchase in the next 90 days/);
    const auto = tierwise(['score', orders, '--orders', '--as-of', '1998-03-31', '--summary']);
    expect(auto.stdout).toMatch(/Note: churn risk uses .+: it predicted best when scored as of 1997-12-31/);
    const bad = tierwise(['score', orders, '--orders', '--model', 'magic']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--model "magic" is not a churn model: expected rules, pareto or learned/);
  });
});

describe('AUC', () => {
  it('is 1 for a perfect ranking, 0.5 with ties everywhere, and counts ties as half', () => {
    expect(auc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
    expect(auc([1, 2, 2, 3], [false, true, false, true])).toBe(0.875);
  });
});
