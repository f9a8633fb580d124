import { describe, expect, it } from 'vitest';
import { scoreCustomers, type CustomerInput } from '../../core/index.ts';

const asOf = '2026-11-01';
/** The customer under test among peers (RFM ranks customers against each other). */
const PEERS: CustomerInput[] = [
  { id: 'p1', lastPurchase: '2026-03-01', orders: 1, totalSpend: 20 },
  { id: 'p2', lastPurchase: '2026-05-01', orders: 2, totalSpend: 40 },
  { id: 'p3', lastPurchase: '2026-07-01', orders: 3, totalSpend: 60 },
  { id: 'p4', lastPurchase: '2026-09-01', orders: 4, totalSpend: 80 },
];
const one = (c: CustomerInput) => scoreCustomers([c, ...PEERS], { asOf })[0];

describe('next action and follow-up date', () => {
  it('asks for contact within 24 hours when churn risk is high', () => {
    const result = one({ id: 'a', lastPurchase: '2026-01-01', orders: 1, totalSpend: 5 });
    expect(result?.churnLevel).toBe('high');
    expect(result?.followUpBy).toBe('2026-11-02');
    expect(result?.nextAction).toMatch(/^Contact within 24 hours/);
  });

  it('follows up within 3 days at medium risk', () => {
    const result = one({ id: 'a', lastPurchase: '2026-10-30', orders: 3, totalSpend: 50, firstPurchase: '2026-01-01', nps: 2, askedAboutCompetitor: true, satisfaction: 2 });
    expect(result?.churnLevel).toBe('medium');
    expect(result?.followUpBy).toBe('2026-11-04');
  });

  it('reminds a month ahead of a contract renewal', () => {
    const result = one({ id: 'a', lastPurchase: '2026-10-30', orders: 1, totalSpend: 50, renewalDate: '2026-11-20' });
    expect(result?.nextAction).toBe('Contract renews on 2026-11-20: prepare the renewal conversation and confirm their plans.');
    expect(result?.followUpBy).toBe('2026-11-01');
  });

  it('uses the segment’s action at the tier’s cadence otherwise', () => {
    const result = one({ id: 'a', lastPurchase: '2026-10-30', orders: 1, totalSpend: 50 });
    expect(result?.segment).toBe('New');
    expect(result?.nextAction).toBe('Welcome them: send an onboarding guide and check in after the first use.');
    expect(result?.followUpBy).toBe('2026-11-15');
  });

  it('follows up on a Can’t lose customer within 3 days even at low risk', () => {
    const peers = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => ({ id: `p${k}`, lastPurchase: '2026-10-2' + k, orders: 1, totalSpend: 10 }));
    // Past their own rhythm (a Can't lose customer is one who stopped), with recency left out of the churn weights.
    const [result] = scoreCustomers([{ id: 'big', lastPurchase: '2026-08-01', firstPurchase: '2024-01-01', orders: 40, totalSpend: 9000 }, ...peers], {
      asOf,
      rfm: { minCustomers: 0 },
      churn: { weights: { recency: 0, orderTrend: 55 } },
    });
    expect(result?.segment).toBe("Can't lose");
    expect(result?.churnLevel).toBe('low');
    expect(result?.followUpBy).toBe('2026-11-04');
  });
});
