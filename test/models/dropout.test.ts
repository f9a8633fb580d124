// Boundary detection: a fit that finds no customers leaving must say so (issue 15). CDNOW data, Fader & Hardie.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { aggregateOrders, scoreCustomers, type Order } from '../../core/index.ts';
import { dayNumber } from '../../core/dates.ts';
import { compress } from '../../core/models/history.ts';
import { fitModels, historyOf } from '../../core/models/estimate.ts';
import { fitBgNbd } from '../../core/models/bgnbd.ts';
import { fitNbd, nbdLogLikelihood, LR_CRITICAL } from '../../core/models/dropout.ts';
import { seasonalOrders } from './synthetic-histories.ts';
import { scoreOrderHistory } from '../../core/churn/learned/choose.ts';
import { cdnowSample } from './cdnow-sample.ts';

const cdnow: Order[] = cdnowSample();

const historiesOf = (orders: Order[], asOf: string) => {
  const customers = aggregateOrders(orders, { asOf });
  return { customers, histories: customers.map((c) => historyOf(c, dayNumber(asOf))) };
};

describe('the no-dropout check', () => {
  it('NBD log-likelihood is the gamma-mixed Poisson count (x = 0 at T: (α/(α+T))^r)', () => {
    expect(nbdLogLikelihood({ r: 0.5, alpha: 4 }, { x: 0, tx: 0, T: 12 })).toBeCloseTo(0.5 * Math.log(4 / 16), 12);
  });

  it('finds customers leaving on the CDNOW sample: BG/NBD and Pareto/NBD beat the no-dropout model by far', () => {
    const { histories } = historiesOf(cdnow, '1997-09-30');
    const models = fitModels(histories, histories.map((_, i) => String(i)), Infinity);
    expect(models.dropout.identified).toBe(true);
    expect(models.dropout.lrParetoNbd).toBeGreaterThan(100);
    expect(models.dropout.lrBgNbd).toBeGreaterThan(100);
    expect(models.dropout.note).toBeNull();
  });

  it('fires on Christmas shoppers who never leave: the fit runs to a → 0 and no P(alive) is shown', () => {
    const { orders, asOf } = seasonalOrders(600);
    const { customers, histories } = historiesOf(orders, asOf);
    const data = compress(histories);
    const bg = fitBgNbd(data);
    expect(bg.params.a).toBeLessThan(0.01); // the boundary
    expect(2 * (bg.logLikelihood - fitNbd(data).logLikelihood)).toBeLessThan(LR_CRITICAL);
    const models = fitModels(histories, customers.map((c) => c.id));
    expect(models.dropout.identified).toBe(false);
    expect(models.dropout.note).toMatch(/no sign of customers leaving/);

    const results = scoreCustomers(customers, { asOf });
    expect(results).toHaveLength(600);
    for (const r of results) {
      expect(r.pAlive).toBeNull();
      expect(r.reasons).not.toMatch(/likely to still be buying/);
      expect(r.churnRisk).not.toBeNull();
    }
    // Recency is judged against each customer's own rhythm instead.
    expect(results.some((r) => /usually orders every/.test(r.reasons))).toBe(true);

    // And the summary of an order table says why, whichever churn risk is used.
    for (const churnModel of ['auto', 'pareto', 'rules'] as const) {
      const scored = scoreOrderHistory(orders, customers, { asOf, churnModel });
      expect(scored.notes.join(' ')).toMatch(/found no sign of customers leaving in these orders .* no P\(alive\) is shown/);
      expect(scored.results.every((r) => r.pAlive === null)).toBe(true);
    }
  });

  it('says nothing of the kind on the CDNOW sample', () => {
    const customers = aggregateOrders(cdnow, { asOf: '1997-09-30' });
    const scored = scoreOrderHistory(cdnow, customers, { asOf: '1997-09-30', churnModel: 'pareto' });
    expect(scored.notes.join(' ')).not.toMatch(/no sign of customers leaving/);
    expect(scored.results.every((r) => r.pAlive !== null)).toBe(true);
  });
});
