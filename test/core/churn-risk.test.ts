import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreCustomers, type CustomerInput } from '../../core/index.ts';
import { CHURN_FACTORS, type ChurnFactorName } from '../../core/churn/factors.ts';

const asOf = '2026-11-01';
/** A steady customer plus the one under test, so quantiles have something to compare with. */
function score(customer: CustomerInput, language: 'en' | 'zh-CN' = 'en') {
  const results = scoreCustomers([customer], { asOf, language });
  const result = results[0];
  if (result === undefined) throw new Error('no result');
  return result;
}

describe('churn risk', () => {
  it('says how long since the last order against the customer’s own rhythm', () => {
    // 11 orders from 2025-11-01 to 2026-07-30: one every 27 days or so; 94 days of silence since.
    const result = score({ id: 'a', firstPurchase: '2025-11-01', lastPurchase: '2026-07-30', orders: 11, totalSpend: 900 });
    expect(result.reasons).toContain('no order for 94 days; usually orders every 27');
    expect(result.drivers[0]).toMatchObject({ factor: 'recency', points: 40 });
    expect(result.churnLevel).toBe('high');
    expect(result.lifecycle).toBe('churned');
  });

  it('gives no recency points while the customer is within their rhythm', () => {
    const result = score({ id: 'a', firstPurchase: '2026-01-01', lastPurchase: '2026-10-20', orders: 10, totalSpend: 900 });
    expect(result.drivers).toEqual([]);
    expect(result.churnRisk).toBe(0);
    expect(result.lifecycle).toBe('active');
  });

  it('adds points for falling orders and spend, with the numbers', () => {
    const result = score({
      id: 'a', lastPurchase: '2026-10-25', firstPurchase: '2025-01-01', orders: 30, totalSpend: 3000,
      recentOrders: 2, previousOrders: 8, recentSpend: 200, previousSpend: 800,
    });
    expect(result.drivers.map((d) => [d.factor, d.points])).toEqual([['orderTrend', 11], ['spendTrend', 8]]);
    expect(result.reasons).toContain('2 orders in the last 90 days, down from 8 in the 90 before');
  });

  it('counts an NPS detractor, a drop in NPS, low satisfaction, a contact gap and competitor questions', () => {
    const result = score({
      id: 'a', lastPurchase: '2026-10-25', orders: 5, totalSpend: 500, firstPurchase: '2026-01-01',
      nps: 3, previousNps: 9, satisfaction: 2, lastContact: '2026-06-01', askedAboutCompetitor: true,
    });
    const factors = Object.fromEntries(result.drivers.map((d) => [d.factor, d.points]));
    expect(factors).toEqual({ nps: 10, satisfaction: 7, contact: 10, competitor: 5 });
    expect(result.churnRisk).toBe(32);
    expect(result.churnLevel).toBe('medium');
    expect(result.reasons).toContain('NPS fell from 9 to 3, NPS 3 (a detractor: 0-6)');
  });

  it('reads satisfaction on a 1-5 scale when no score is above 5', () => {
    const result = score({ id: 'a', lastPurchase: '2026-10-25', orders: 1, totalSpend: 5, satisfaction: 3 });
    expect(result.reasons).toContain('satisfaction 3 of 5 (6 of 10), below 7 of 10');
  });

  it('gives a factor without data no points and says it was not judged', () => {
    const result = score({ id: 'a', lastPurchase: '2026-10-25', orders: 1, totalSpend: 5 });
    expect(result.churnRisk).toBe(0);
    expect(result.reasons).toBe(
      'no warning signs; not judged for lack of data: order trend, spend trend, NPS, satisfaction, contact, competitor questions',
    );
  });

  it('adds up to the sum of its drivers and never exceeds 100', () => {
    const result = score({
      id: 'a', lastPurchase: '2024-01-01', firstPurchase: '2023-01-01', orders: 9, totalSpend: 500,
      recentOrders: 0, previousOrders: 5, recentSpend: 0, previousSpend: 500, nps: 0, previousNps: 10,
      satisfaction: 0, lastContact: '2024-01-01', askedAboutCompetitor: true, recentContacts: 0, previousContacts: 4,
    });
    expect(result.churnRisk).toBe(100);
    expect(result.drivers.reduce((sum, d) => sum + d.points, 0)).toBe(100);
  });

  it('reads out its drivers, biggest first, each with its points', () => {
    const customer: CustomerInput = {
      id: 'a', lastPurchase: '2026-01-10', firstPurchase: '2025-01-01', orders: 12, totalSpend: 500, nps: 2, satisfaction: 2,
      askedAboutCompetitor: true,
    };
    for (const language of ['en', 'zh-CN'] as const) {
      const result = score(customer, language);
      const join = language === 'en' ? '; ' : ';';
      expect(result.drivers.map((d) => d.factor)).toEqual(['recency', 'nps', 'satisfaction', 'competitor']);
      const said = result.drivers.map((d) => `${d.text} (+${d.points})`).join(join);
      expect(result.reasons.startsWith(said + join)).toBe(true);
      expect(result.drivers.map((d) => d.text)).toEqual(result.drivers.map((d) => expect.not.stringContaining('(+')));
    }
    expect(score(customer).drivers.map((d) => d.text)).toEqual([
      'no order for 295 days; usually orders every 34', 'NPS 2 (a detractor: 0-6)', 'satisfaction 2 of 5 (4 of 10), below 7 of 10', 'asked about competitors',
    ]);
  });

  it('says each customer’s own scores, whole or not, when many customers share a run', () => {
    const base = { lastPurchase: '2026-10-25', firstPurchase: '2026-01-01', orders: 5, totalSpend: 500 };
    const results = scoreCustomers(
      [
        { id: 'a', ...base, nps: 4, satisfaction: 8 },
        { id: 'b', ...base, nps: 4.5, satisfaction: 2.5 },
        { id: 'c', ...base, nps: 4, previousNps: 9, satisfaction: 2 },
        { id: 'd', ...base, nps: 4, satisfaction: 2 },
      ],
      { asOf },
    );
    const texts = results.map((r) => Object.fromEntries(r.drivers.map((d) => [d.factor, d.text])));
    expect(texts).toEqual([
      { nps: 'NPS 4 (a detractor: 0-6)' },
      { nps: 'NPS 4.5 (a detractor: 0-6)', satisfaction: 'satisfaction 2.5 of 10, below 7 of 10' },
      { nps: 'NPS fell from 9 to 4, NPS 4 (a detractor: 0-6)', satisfaction: 'satisfaction 2 of 10, below 7 of 10' },
      { nps: 'NPS 4 (a detractor: 0-6)', satisfaction: 'satisfaction 2 of 10, below 7 of 10' },
    ]);
    for (const r of results) expect(r.reasons.startsWith(r.drivers.map((d) => `${d.text} (+${d.points})`).join('; '))).toBe(true);
  });

  it('lists drivers biggest first, equal points in factor order, adding up to the risk and read out in the reasons; whatever the order of the customers', () => {
    const score10 = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null });
    const count = fc.option(fc.integer({ min: 0, max: 12 }), { nil: null });
    const customer = fc.record({
      id: fc.constant('x'),
      firstPurchase: fc.constant('2024-01-01'),
      lastPurchase: fc.constantFrom('2024-06-01', '2026-05-01', '2026-10-20'),
      orders: fc.integer({ min: 1, max: 40 }),
      totalSpend: fc.constant(500),
      recentOrders: count, previousOrders: count, recentSpend: count, previousSpend: count,
      nps: score10, previousNps: score10, satisfaction: score10,
      lastContact: fc.option(fc.constantFrom('2025-01-01', '2026-08-01', '2026-10-30'), { nil: null }),
      recentContacts: count, previousContacts: count,
      askedAboutCompetitor: fc.option(fc.boolean(), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 8 }), (customers) => {
        const inputs = customers.map((c, i) => ({ ...c, id: `c${i}` }));
        const results = scoreCustomers(inputs, { asOf });
        // Nothing of one customer carries over to the next (the scorer reuses its working objects).
        const reversed = new Map(scoreCustomers([...inputs].reverse(), { asOf }).map((r) => [r.id, r]));
        for (const r of results) expect(reversed.get(r.id)).toEqual(r);
        for (const r of results) {
          const order = r.drivers.map((d) => [-d.points, CHURN_FACTORS.indexOf(d.factor as ChurnFactorName)] as const);
          const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          expect(order).toEqual(sorted);
          expect(Math.min(100, r.drivers.reduce((sum, d) => sum + d.points, 0))).toBe(r.churnRisk);
          expect(r.reasons.startsWith(r.drivers.map((d) => `${d.text} (+${d.points})`).join('; '))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('explains itself in Simplified Chinese when asked', () => {
    const result = score({ id: 'a', firstPurchase: '2025-11-01', lastPurchase: '2026-07-30', orders: 11, totalSpend: 900 }, 'zh-CN');
    expect(result.reasons).toContain('已 94 天未下单;通常每 27 天下单一次');
    expect(result.nextAction).toContain('24小时内联系客户');
  });
});

describe('lifecycle', () => {
  it('calls a customer with no purchase a prospect and gives the prospect playbook', () => {
    const result = score({ id: 'p', orders: 0 });
    expect(result).toMatchObject({ lifecycle: 'prospect', tier: null, churnRisk: null, error: null });
    expect(result.nextAction).toBe('Offer a trial or an introductory promotion to win the first purchase.');
  });

  it('calls a recent first purchase new', () => {
    expect(score({ id: 'n', firstPurchase: '2026-10-01', lastPurchase: '2026-10-01', orders: 1, totalSpend: 50 }).lifecycle).toBe('new');
  });

  it('judges a one-order customer against the default 45-day rhythm: dormant after 90 days, churned after 135', () => {
    expect(score({ id: 'd', lastPurchase: '2026-07-25', orders: 1, totalSpend: 50 }).lifecycle).toBe('dormant');
    expect(score({ id: 'c', lastPurchase: '2026-06-01', orders: 1, totalSpend: 50 }).lifecycle).toBe('churned');
  });
});

describe('money in words', () => {
  it('writes amounts with thousands separators and at most two decimals', async () => {
    const { money } = await import('../../core/churn/phrases.ts');
    expect([0, 5, 1234.5, 1234567.891, -42.05, 0.004].map(money)).toEqual(['0', '5', '1,234.5', '1,234,567.89', '-42.05', '0']);
  });
});
