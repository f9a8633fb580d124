// The fast likelihood totals (each value depending on x, T or t_x alone computed once per distinct
// value, core/models/distinct.ts) must equal the plain row-by-row sums bit for bit: the fits, and so
// every scored file, stay byte-identical.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compress, type History } from '../../core/models/history.ts';
import { totalLogLikelihood } from '../../core/models/fit-count-model.ts';
import { bgnbdLogLikelihood, bgnbdTotalLogLikelihood, fitBgNbd } from '../../core/models/bgnbd.ts';
import { paretoNbdLogLikelihood, paretoNbdTotalLogLikelihood } from '../../core/models/pareto-nbd.ts';
import { nbdLogLikelihood, nbdTotalLogLikelihood } from '../../core/models/dropout.ts';
import { gammaGammaLogLikelihood, spendTotal } from '../../core/models/gamma-gamma.ts';
import { distinctOf } from '../../core/models/distinct.ts';
import { ModelFitError } from '../../core/models/fit-error.ts';
import { estimatePurchases, type PurchaseHistory } from '../../core/models/estimate.ts';
import { paretoNbdExpectedPurchasesAlive, paretoNbdPAlive, type ParetoNbdParams } from '../../core/models/pareto-nbd.ts';
import { expectedAverageSpend } from '../../core/models/gamma-gamma.ts';

const cdnow = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'cdnow', 'cdnow_customers_summary_with_transactions.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',').map(Number) as [number, number, number, number, number]);
const cdnowData = compress(cdnow.map(([, x, tx, T]) => ({ x, tx, T })));

const history = fc
  .record({ x: fc.integer({ min: 0, max: 40 }), tx: fc.integer({ min: 0, max: 300 }), extra: fc.integer({ min: 0, max: 100 }) })
  .map(({ x, tx, extra }): History => ({ x, tx: x === 0 ? 0 : tx / 7, T: (tx + extra) / 7 }));
const param = fc.double({ min: 0.02, max: 50, noNaN: true });

describe('fast likelihood totals', () => {
  it('split CDNOW into its distinct values (fewer than rows: that is the saving)', () => {
    const d = distinctOf(cdnowData);
    expect(d.rows).toBe(cdnowData.rows.length);
    expect(d.xs.length).toBeLessThan(40);
    expect(d.xTxX.length).toBeLessThan(d.rows);
    expect(d.xTX.length).toBeLessThan(d.rows);
    cdnowData.rows.forEach((h, i) => {
      expect(d.xs[d.xAt[i] as number]).toBe(h.x);
      expect(d.Ts[d.TAt[i] as number]).toBe(h.T);
      expect(d.txs[d.txAt[i] as number]).toBe(h.tx);
      expect(d.xTxTx[d.xTxAt[i] as number]).toBe(h.tx);
      expect(d.xs[d.xTxX[d.xTxAt[i] as number] as number]).toBe(h.x);
      expect(d.xTT[d.xTAt[i] as number]).toBe(h.T);
      expect(d.xs[d.xTX[d.xTAt[i] as number] as number]).toBe(h.x);
    });
  });

  it('equal the row-by-row sums exactly on CDNOW, at the published parameters and elsewhere', () => {
    for (const [r, alpha, a, b] of [[0.243, 4.414, 0.793, 2.426], [1.7, 0.3, 12, 0.05], [0.05, 40, 0.5, 30]] as const) {
      expect(bgnbdTotalLogLikelihood({ r, alpha, a, b }, cdnowData)).toBe(totalLogLikelihood({ r, alpha, a, b }, cdnowData, bgnbdLogLikelihood));
      expect(nbdTotalLogLikelihood({ r, alpha }, cdnowData)).toBe(totalLogLikelihood({ r, alpha }, cdnowData, nbdLogLikelihood));
    }
    // α ≥ β and α < β take different branches of A0.
    for (const [r, alpha, s, beta] of [[0.553, 10.578, 0.606, 11.669], [0.553, 12, 0.606, 3], [2, 1, 0.1, 200]] as const) {
      expect(paretoNbdTotalLogLikelihood({ r, alpha, s, beta }, cdnowData)).toBe(totalLogLikelihood({ r, alpha, s, beta }, cdnowData, paretoNbdLogLikelihood));
    }
  });

  it('equal the row-by-row sums exactly when one data set is evaluated again and again (work space reused, as in a fit)', () => {
    const data = compress(cdnow.map(([, x, tx, T]) => ({ x, tx, T })));
    const points = [[0.243, 4.414, 0.793, 2.426], [2, 1, 0.1, 200], [0.553, 12, 0.606, 3], [0.243, 4.414, 0.793, 2.426]] as const;
    for (const [p1, p2, p3, p4] of points) {
      expect(bgnbdTotalLogLikelihood({ r: p1, alpha: p2, a: p3, b: p4 }, data)).toBe(totalLogLikelihood({ r: p1, alpha: p2, a: p3, b: p4 }, data, bgnbdLogLikelihood));
      expect(paretoNbdTotalLogLikelihood({ r: p1, alpha: p2, s: p3, beta: p4 }, data)).toBe(totalLogLikelihood({ r: p1, alpha: p2, s: p3, beta: p4 }, data, paretoNbdLogLikelihood));
      expect(nbdTotalLogLikelihood({ r: p1, alpha: p2 }, data)).toBe(totalLogLikelihood({ r: p1, alpha: p2 }, data, nbdLogLikelihood));
    }
  });

  it('equal the row-by-row sums exactly on any histories and parameters', () => {
    fc.assert(
      fc.property(fc.array(history, { minLength: 1, maxLength: 60 }), param, param, param, param, (rows, p1, p2, p3, p4) => {
        const data = compress(rows);
        const same = (fast: number, slow: number) => expect(Object.is(fast, slow) || (Number.isNaN(fast) && Number.isNaN(slow))).toBe(true);
        same(bgnbdTotalLogLikelihood({ r: p1, alpha: p2, a: p3, b: p4 }, data), totalLogLikelihood({ r: p1, alpha: p2, a: p3, b: p4 }, data, bgnbdLogLikelihood));
        same(paretoNbdTotalLogLikelihood({ r: p1, alpha: p2, s: p3, beta: p4 }, data), totalLogLikelihood({ r: p1, alpha: p2, s: p3, beta: p4 }, data, paretoNbdLogLikelihood));
        same(nbdTotalLogLikelihood({ r: p1, alpha: p2 }, data), totalLogLikelihood({ r: p1, alpha: p2 }, data, nbdLogLikelihood));
      }),
      { numRuns: 200 },
    );
  });

  it('Gamma-Gamma: equals the plain sum exactly', () => {
    const spend = fc.record({ x: fc.integer({ min: 1, max: 30 }), m: fc.double({ min: 0.5, max: 5000, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(spend, { minLength: 1, maxLength: 60 }), param, param, param, (rows, p, q, gamma) => {
        const slow = rows.reduce((s, row) => s + gammaGammaLogLikelihood({ p, q, gamma }, row), 0);
        expect(spendTotal(rows)({ p, q, gamma })).toBe(slow);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a repeated fit', () => {
  it('gives the same parameters as the first, and a caller changing them changes no later fit', () => {
    const first = fitBgNbd(cdnowData);
    const again = fitBgNbd(compress(cdnow.map(([, x, tx, T]) => ({ x, tx, T }))));
    expect(again).toEqual(first);
    again.params.r = 99;
    expect(fitBgNbd(cdnowData).params.r).toBe(first.params.r);
  });

  it('is told apart from a fit on different rows, weights or row order', () => {
    const base = fitBgNbd(cdnowData);
    const fewer = fitBgNbd(compress(cdnow.slice(1).map(([, x, tx, T]) => ({ x, tx, T }))));
    expect(fewer.logLikelihood).not.toBe(base.logLikelihood);
    const doubled = fitBgNbd(compress([...cdnow, ...cdnow.slice(0, 1)].map(([, x, tx, T]) => ({ x, tx, T }))));
    expect(doubled.logLikelihood).not.toBe(base.logLikelihood);
  });

  it('fails again with the same sentence', () => {
    const oneTimers = compress(Array.from({ length: 100 }, (_, i) => ({ x: 0, tx: 0, T: 10 + (i % 7) })));
    const message = 'BG/NBD needs at least 20 customers and 10 who bought more than once; got 100 customers, 0 repeat buyers';
    expect(() => fitBgNbd(oneTimers)).toThrow(message);
    expect(() => fitBgNbd(oneTimers)).toThrow(message);
    // The second failure comes from the remembered outcome: the same failure as data, not only the same words.
    let failure: unknown = null;
    try {
      fitBgNbd(oneTimers);
    } catch (error) {
      failure = (error as ModelFitError).failure;
    }
    expect(failure).toEqual({ kind: 'fewCustomers', model: 'BG/NBD', customers: 100, repeaters: 0 });
  });
});

/** Pareto/NBD's E[Y(t) | x, t_x, T] given P(alive), as it was written per customer (before the lifetime integral was kept per T). */
function referenceExpected(p: ParetoNbdParams, h: History, pAlive: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const rate = (r + h.x) / (alpha + h.T);
  const lifetime = Math.abs(s - 1) < 1e-9 ? (beta + h.T) * Math.log1p(t / (beta + h.T)) : ((beta + h.T) / (s - 1)) * (1 - Math.pow((beta + h.T) / (beta + h.T + t), s - 1));
  return pAlive * rate * lifetime;
}

describe('per-customer predictions, once per distinct history', () => {
  it('equal the customer-by-customer formulas bit for bit (P(alive), forecast, 12-month CLV)', () => {
    const histories: PurchaseHistory[] = cdnow.map(([, x, tx, T, m]) => ({ x, tx, T, repeatSpendMean: x > 0 && m > 0 ? m : null }));
    const ids = histories.map((_, i) => `C${i}`);
    const got = estimatePurchases(histories, ids, { expectedPurchasesDays: 90, clvMonths: 12, monthlyDiscountRate: 0.01 });
    if (!got.ok) throw new ModelFitError(got.failure);
    const { paretoNbd, gammaGamma } = got.models;
    expect(gammaGamma).not.toBeNull();
    histories.forEach((h, i) => {
      const e = got.perCustomer.at(i);
      const pAlive = paretoNbdPAlive(paretoNbd, h);
      const expected = referenceExpected(paretoNbd, h, pAlive, 90 / 7);
      expect(paretoNbdExpectedPurchasesAlive(paretoNbd, h, pAlive, 90 / 7)).toBe(expected);
      const spend = expectedAverageSpend(gammaGamma as NonNullable<typeof gammaGamma>, h.x, h.x > 0 ? h.repeatSpendMean : null);
      let clv = 0;
      let previous = 0;
      for (let month = 1; month <= 12; month++) {
        const e12 = referenceExpected(paretoNbd, h, pAlive, month * 4.345);
        clv += ((e12 - previous) * spend) / Math.pow(1.01, month);
        previous = e12;
      }
      expect(e?.pAlive).toBe(pAlive);
      expect(e?.expectedPurchases).toBe(expected);
      expect(e?.pNoPurchase).toBe(Math.exp(-expected));
      expect(e?.clv).toBe(clv);
    });
  });
});
