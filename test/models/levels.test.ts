// Churn levels for a churn risk that is a probability: set against the customers' base rate on the
// odds scale (core/churn/levels.ts), said in the summary; the hand-set points keep options.churn's cut-offs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateOrders, type Order } from '../../core/index.ts';
import { probabilityLevels } from '../../core/churn/levels.ts';
import { scoreOrderHistory } from '../../core/churn/learned/choose.ts';
import { cdnowSample } from './cdnow-sample.ts';

const odds = (p: number) => p / (1 - p);

describe('probability levels', () => {
  it('put high at twice the base odds and low at half: base 50% gives high from 67%, low up to 33%', () => {
    expect(probabilityLevels([0.2, 0.8, 0.5])).toEqual({ baseRate: 0.5, highAt: 67, mediumAt: 34 });
    // Base 80% (odds 4): high from odds 8 = 88.9%, low up to odds 2 = 66.7%.
    expect(probabilityLevels([0.8])).toMatchObject({ highAt: 89, mediumAt: 67 });
    // Base 20% (odds 1/4): high from odds 1/2 = 33.3%, low up to odds 1/8 = 11.1%.
    expect(probabilityLevels([0.1, 0.3])).toMatchObject({ highAt: 34, mediumAt: 12 });
  });

  it('always give two whole cut-offs in order, with the base rate itself medium', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }), (ps) => {
        const { baseRate, highAt, mediumAt } = probabilityLevels(ps);
        expect(Number.isInteger(highAt) && Number.isInteger(mediumAt)).toBe(true);
        expect(0 < mediumAt && mediumAt < highAt && highAt <= 100).toBe(true);
        const b = Math.min(0.99, Math.max(0.01, baseRate));
        if (b > 0.02 && b < 0.98) {
          expect(odds(highAt / 100)).toBeGreaterThanOrEqual(2 * odds(b) - 1e-9);
          expect(odds((highAt - 1) / 100)).toBeLessThan(2 * odds(b));
          expect(odds((mediumAt - 1) / 100)).toBeLessThanOrEqual(odds(b) / 2 + 1e-9);
          expect(odds(mediumAt / 100)).toBeGreaterThan(odds(b) / 2);
        }
      }),
    );
  });
});

describe('levels of the learned churn risk', () => {
  const cdnow: Order[] = cdnowSample();
  const asOf = '1997-09-30';
  const past = cdnow.filter((o) => o.date <= asOf);
  const customers = aggregateOrders(past, { asOf });

  it('follow the cut-offs the summary states, from the scored customers\' mean chance', () => {
    const scored = scoreOrderHistory(past, customers, { asOf, churnModel: 'learned' });
    const note = scored.notes.find((n) => n.startsWith('churn levels are set against'));
    const said = note?.match(/on average (\d+)% chance of no purchase in the next 90 days; high from (\d+)% \(at least twice those odds\), low up to (\d+)% \(at most half\)/);
    expect(said).not.toBeNull();
    const [, base, high, low] = (said as RegExpMatchArray).map(Number) as [number, number, number, number];
    const risks = scored.results.flatMap((r) => (r.churnRisk === null ? [] : [r.churnRisk]));
    expect(risks).toHaveLength(customers.length);
    expect(Math.abs(risks.reduce((s, x) => s + x, 0) / risks.length - base)).toBeLessThanOrEqual(1);
    for (const r of scored.results) {
      const expected = (r.churnRisk as number) >= high ? 'high' : (r.churnRisk as number) <= low ? 'low' : 'medium';
      expect(r.churnLevel).toBe(expected);
    }
    // Not nearly everyone high, as the fixed 40/20 points made it on a probability.
    const high40 = risks.filter((x) => x >= 40).length / risks.length;
    const highNow = scored.results.filter((r) => r.churnLevel === 'high').length / risks.length;
    expect(high40).toBeGreaterThan(0.9);
    expect(highNow).toBeLessThan(0.75);
    expect(new Set(scored.results.map((r) => r.churnLevel))).toEqual(new Set(['low', 'medium', 'high']));
  });

  it('the hand-set points keep the fixed cut-offs of options.churn and say nothing of a base rate', () => {
    const scored = scoreOrderHistory(past, customers, { asOf, churnModel: 'rules', churn: { highAt: 50, mediumAt: 10 } });
    expect(scored.notes.some((n) => n.includes('base rate'))).toBe(false);
    for (const r of scored.results) expect(r.churnLevel).toBe((r.churnRisk as number) >= 50 ? 'high' : (r.churnRisk as number) >= 10 ? 'medium' : 'low');
  });
});
