// The models against the published CDNOW fits (CDNOW data, Fader & Hardie; reference values from
// FHL 2005, Hardie's notes and the lifetimes / CLVTools test suites, see shared/notes/models.md §2.5).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compress } from '../../core/models/history.ts';
import { bgnbdExpectedPurchases, bgnbdExpectedPurchasesNew, bgnbdLogLikelihood, bgnbdPAlive, fitBgNbd } from '../../core/models/bgnbd.ts';
import { fitParetoNbd, paretoNbdExpectedPurchases, paretoNbdPAlive } from '../../core/models/pareto-nbd.ts';
import { expectedAverageSpend, fitGammaGamma } from '../../core/models/gamma-gamma.ts';
import { ModelFitError } from '../../core/models/fit-error.ts';

const rows = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'cdnow', 'cdnow_customers_summary_with_transactions.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',').map(Number) as [number, number, number, number, number]);
const data = compress(rows.map(([, x, tx, T]) => ({ x, tx, T })));
const within = (actual: number, expected: number, relative: number) => expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(relative);

describe('BG/NBD on CDNOW (2,357 customers, weeks)', () => {
  const fit = fitBgNbd(data);

  it('finds the published parameters within 0.1% (CLVTools: r 0.2425945, α 4.4136019, a 0.7929199, b 2.4258881)', () => {
    within(fit.params.r, 0.2425945, 0.001);
    within(fit.params.alpha, 4.4136019, 0.001);
    within(fit.params.a, 0.7929199, 0.001);
    within(fit.params.b, 2.4258881, 0.001);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 1);
  });

  it('matches the per-customer values: x=2, t_x=30.43, T=38.86', () => {
    const customer = { x: 2, tx: 30.43, T: 38.86 };
    expect(bgnbdExpectedPurchases(fit.params, customer, 39)).toBeCloseTo(1.226, 3);
    expect(bgnbdPAlive(fit.params, customer)).toBeCloseTo(0.7266, 3);
  });

  it('matches E[X(t)] for a new customer (lifetimes test_estimation.py L546, with the fitted parameters)', () => {
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    [0.1429, 1, 3, 31.8571, 32, 78].forEach((t, i) => expect(Math.abs(bgnbdExpectedPurchasesNew(fit.params, t) - (expected[i] as number))).toBeLessThan(0.0015));
  });

  it('stays finite for extreme histories (pymc-marketing numeric-stability values)', () => {
    const params = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    expect(bgnbdLogLikelihood(params, { x: 0, tx: 0, T: 0 })).toBeCloseTo(0, 6);
    expect(bgnbdLogLikelihood(params, { x: 200, tx: 38, T: 40 })).toBeCloseTo(100.7957, 3);
  });
});

describe('Pareto/NBD on CDNOW', () => {
  const fit = fitParetoNbd(data);

  it('finds the published parameters within 0.1% (CLVTools: r 0.55315, α 10.57633, s 0.60625, β 11.67150)', () => {
    within(fit.params.r, 0.55315, 0.001);
    within(fit.params.alpha, 10.57633, 0.001);
    within(fit.params.s, 0.60625, 0.001);
    within(fit.params.beta, 11.6715, 0.001);
    expect(fit.logLikelihood).toBeCloseTo(-9594.97, 1);
  });

  it('matches P(alive) and E[Y(52)] for x=26, t_x=30.86, T=31 (lifetimes L372, L411)', () => {
    const params = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
    expect(paretoNbdPAlive(params, { x: 26, tx: 30.86, T: 31 })).toBeCloseTo(0.9979, 4);
    expect(paretoNbdExpectedPurchases(params, { x: 26, tx: 30.86, T: 31 }, 52)).toBeCloseTo(25.46, 1);
  });

  it('gives a one-time buyer a P(alive) below 1 that falls with silence (unlike BG/NBD)', () => {
    const recent = paretoNbdPAlive(fit.params, { x: 0, tx: 0, T: 5 });
    const old = paretoNbdPAlive(fit.params, { x: 0, tx: 0, T: 38 });
    expect(recent).toBeLessThan(1);
    expect(old).toBeLessThan(recent);
    expect(bgnbdPAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { x: 0, tx: 0, T: 38 })).toBe(1);
  });
});

describe('Gamma-Gamma on CDNOW (946 repeat buyers)', () => {
  const spend = rows.filter(([, x]) => x > 0).map(([, x, , , m]) => ({ x, m }));
  const fit = fitGammaGamma(spend);

  it('finds p 6.25, q 3.74, γ 15.44', () => {
    expect(spend).toHaveLength(946);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.gamma).toBeCloseTo(15.44, 1);
    expect(fit.logLikelihood).toBeCloseTo(-4055.92, 1);
  });

  it('matches the expected average spend of the first ten customers (Hardie’s spreadsheet)', () => {
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    rows.slice(0, 10).forEach(([, x, , , m], i) => expect(Math.abs(expectedAverageSpend(fit.params, x, x > 0 ? m : null) - (expected[i] as number))).toBeLessThan(0.015));
  });
});

describe('when the data cannot support a fit', () => {
  it('says so in numbers instead of returning NaN', () => {
    const oneTimers = compress(Array.from({ length: 100 }, (_, i) => ({ x: 0, tx: 0, T: 10 + (i % 7) })));
    expect(() => fitBgNbd(oneTimers)).toThrow('BG/NBD needs at least 20 customers and 10 who bought more than once; got 100 customers, 0 repeat buyers');
    expect(() => fitGammaGamma([{ x: 1, m: 10 }])).toThrow(/at least 10 repeat buyers/);
  });
});
