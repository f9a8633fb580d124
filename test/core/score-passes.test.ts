import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OptionsSchema, scoreCustomers, type CustomerInput } from '../../core/index.ts';
import { checkCustomers, checkingReader, CustomerState, estimateModels, rankRfm, scoreRange } from '../../core/score.ts';
import { dayNumber } from '../../core/dates.ts';

const asOf = '2026-11-01';
// Quantiles even for a handful of customers, so every score depends on who else is ranked.
const input = { asOf, rfm: { minCustomers: 1 } };
const options = OptionsSchema.parse(input);
const asOfDay = dayNumber(asOf);

/** Every kind of customer the passes tell apart, with churn data that makes drivers and shared sentences. */
const CUSTOMERS: CustomerInput[] = [
  { id: 'buyer', firstPurchase: '2025-11-01', lastPurchase: '2026-07-30', orders: 11, totalSpend: 900, nps: 3 },
  { id: 'prospect', orders: 0, region: 'North' },
  { id: 'unreadable', lastPurchase: 'soon', orders: 1, totalSpend: 1 } as unknown as CustomerInput,
  { id: 'invalid', lastPurchase: '2026-12-01', orders: 2, totalSpend: 20, owner: 'Li' },
  { id: 'steady', firstPurchase: '2026-01-01', lastPurchase: '2026-10-20', orders: 10, totalSpend: 400, nps: 3, satisfaction: 2 },
  { id: 'lapsed', lastPurchase: '2025-02-01', orders: 1, totalSpend: 40, lastContact: '2026-01-01', askedAboutCompetitor: true },
];

/** Passes 1-3 over everyone, then pass 4 over the ranges that `cuts` split the input into. */
function scoreInRanges(customers: readonly CustomerInput[], cuts: readonly number[]) {
  const reader = checkingReader(customers);
  const checked = checkCustomers(reader, options, asOfDay);
  const batch = { options, asOfDay, checked, ranks: rankRfm(checked.columns, asOfDay, options), estimates: estimateModels(reader, checked, asOfDay, options), churn: null };
  const bounds = [0, ...cuts, customers.length];
  return bounds.slice(1).flatMap((to, k) => scoreRange(reader, batch, bounds[k] as number, to));
}

describe('scoring in passes', () => {
  it('names what it found each customer to be', () => {
    const checked = checkCustomers(checkingReader(CUSTOMERS), options, asOfDay);
    const names = Object.fromEntries(Object.entries(CustomerState).map(([name, state]) => [state, name]));
    expect([...checked.states].map((state) => names[state])).toEqual(['scorable', 'prospect', 'unreadable', 'invalid', 'scorable', 'scorable']);
    expect(checked.problems.get(2)).toMatch(/^lastPurchase: /);
    expect(checked.problems.get(3)).toBe('last purchase 2026-12-01 is after the as-of date 2026-11-01');
    expect(checked.columns.count).toBe(3);
    expect([0, 1, 2, 3, 4, 5].map((i) => checked.columns.rowOf(i))).toEqual([0, -1, -1, -1, 1, 2]);
  });

  it('keeps what an invalid customer has, and the id of one it could not read', () => {
    const [, prospect, unreadable, invalid] = scoreCustomers(CUSTOMERS, input);
    expect(prospect).toMatchObject({ id: 'prospect', lifecycle: 'prospect', region: 'North', tier: null, error: null, reasons: 'no purchase yet (a prospect)' });
    expect(unreadable).toMatchObject({ id: 'unreadable', tier: null, totalSpend: null, orders: null });
    expect(unreadable?.error).toBe(unreadable?.reasons);
    expect(invalid).toMatchObject({ id: 'invalid', owner: 'Li', totalSpend: 20, orders: 2, tier: null, error: 'last purchase 2026-12-01 is after the as-of date 2026-11-01' });
  });

  it('scores any ranges of customers as it scores the whole batch, once passes 1-3 saw everyone', () => {
    const whole = scoreCustomers(CUSTOMERS, input);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: CUSTOMERS.length - 1 })), (cuts) => {
        expect(scoreInRanges(CUSTOMERS, [...cuts].sort((a, b) => a - b))).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });

  it('ranks from the scorable customers only, so bad rows and prospects never move a score', () => {
    const scorable = CUSTOMERS.filter((_, i) => [0, 4, 5].includes(i));
    const alone = scoreCustomers(scorable, input);
    const mixed = scoreCustomers(CUSTOMERS, input);
    expect([0, 4, 5].map((i) => mixed[i])).toEqual(alone);
  });
});
