import { describe, expect, it } from 'vitest';
import { backtestCustomers } from '../../core/models/backtest-customers.ts';
import { OptionsSchema } from '../../core/schema/options.ts';

const order = (customerId: string, date: string, amount: number) => ({ customerId, date, amount, name: null, email: null, region: null, owner: null });
const options = OptionsSchema.parse({ asOf: '2026-06-30', expectedPurchasesDays: 30, purchaseModel: 'off' });

describe('backtestCustomers (the backtest outcome rule, without files)', () => {
  const orders = [
    order('A', '2026-01-10', 50),
    order('A', '2026-05-01', 20),
    order('B', '2026-03-03', 80),
    // After the as-of date, within 30 days: A buys on two days (twice on one of them) and refunds 5.
    order('A', '2026-07-02', 10),
    order('A', '2026-07-02', 15),
    order('A', '2026-07-20', 30),
    order('A', '2026-07-21', -5),
    // B buys only after the horizon: counts as buying nothing.
    order('B', '2026-08-15', 40),
  ];

  it('counts purchase days and net revenue in (as-of, as-of + horizon] for each customer scored as of the as-of date', () => {
    const { rows, buyersAfter } = backtestCustomers(orders, options);
    expect(buyersAfter).toBe(1);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('A')?.outcome).toEqual({ purchases: 2, revenue: 50 });
    // Scored with only the orders up to the as-of date: A's last purchase then was 2026-05-01.
    expect(byId.get('A')?.daysSinceLast).toBe(60);
    expect(byId.get('B')?.outcome).toEqual({ purchases: 0, revenue: 0 });
  });

  it('says there is nothing to check when no one bought in the horizon', () => {
    expect(backtestCustomers(orders.filter((o) => o.date <= '2026-06-30'), options)).toEqual({ rows: [], buyersAfter: 0, bgnbd: null });
  });
});
