// DESIGN.md "Core" contract, as a host (or an outside checker) uses it: the exports of core/index.ts,
// with the RFM arithmetic computed here independently, and core/ read for I/O and clocks.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OptionsSchema, aggregateOrders, scoreCustomers, summarize, type CustomerInput, type Order } from '../../core/index.ts';
import { ROOT, TIER_OF, gridSegment, random, rankScores } from './outsider.ts';

const AS_OF = '2026-11-01';
const rnd = random(4242);
const customers: CustomerInput[] = Array.from({ length: 130 }, (_, i) => ({
  id: `P${i}`,
  lastPurchase: new Date(Date.parse(AS_OF) - (1 + Math.floor(rnd() * 25) * 23) * 86_400_000).toISOString().slice(0, 10),
  orders: 1 + Math.floor(rnd() * 7),
  totalSpend: 15 * (1 + Math.floor(rnd() * 20)),
}));

describe('options', () => {
  it('is a zod schema that needs asOf (never "now") and defaults rfm.minCustomers to 100', () => {
    expect(OptionsSchema.safeParse({}).success).toBe(false);
    const parsed = OptionsSchema.parse({ asOf: AS_OF }) as { rfm: { minCustomers: number } };
    expect(parsed.rfm.minCustomers).toBe(100);
  });
});

describe('scoreCustomers', () => {
  const results = scoreCustomers(customers, { asOf: AS_OF });

  it('ranks R, F, M by 1 + floor(5 × w / N) and maps segments and tiers as DESIGN and DOMAIN say', () => {
    const r = rankScores(customers.map((c) => Date.parse(c.lastPurchase as string)));
    const f = rankScores(customers.map((c) => c.orders as number));
    const m = rankScores(customers.map((c) => c.totalSpend as number));
    expect(results).toHaveLength(customers.length);
    results.forEach((x, i) => {
      const got = x as unknown as Record<string, unknown>;
      expect({ id: got['id'], r: got['r'], f: got['f'], m: got['m'] }).toEqual({ id: customers[i]?.id, r: r[i], f: f[i], m: m[i] });
      const rSeg = got['lifecycle'] === 'new' || got['lifecycle'] === 'active' ? Math.max(3, got['r'] as number) : (got['r'] as number);
      expect(got['segment']).toBe(gridSegment(rSeg, got['f'] as number, got['m'] as number));
      expect(got['tier']).toBe(TIER_OF[got['segment'] as string]);
    });
  });

  it('is deterministic and order-blind: the same results for the same customers in reverse', () => {
    expect(scoreCustomers(customers, { asOf: AS_OF })).toEqual(results);
    const reversed = scoreCustomers([...customers].reverse(), { asOf: AS_OF });
    const byId = new Map(results.map((x) => [(x as unknown as { id: string }).id, x]));
    for (const x of reversed) expect(x).toEqual(byId.get((x as unknown as { id: string }).id));
  });

  it('summarize counts every scored customer once across the tiers and segments', () => {
    const summary = summarize(results);
    const tiers = results.map((x) => (x as unknown as { tier: string }).tier);
    expect([summary.customers, summary.scored]).toEqual([130, 130]);
    expect(summary.byTier.map((s) => [s.key, s.count])).toEqual(['A', 'B', 'C', 'D'].map((t) => [t, tiers.filter((x) => x === t).length]));
    expect(summary.bySegment.reduce((n, s) => n + s.count, 0)).toBe(130);
    for (const s of summary.bySegment) expect(s.tier).toBe(TIER_OF[s.key]);
  });
});

describe('aggregateOrders', () => {
  it('turns orders into one customer each, with orders, spend and last purchase summed from the orders', () => {
    const orders: Order[] = [
      { customerId: 'a', date: '2026-01-02', amount: 10, name: null, email: null, region: null, owner: null },
      { customerId: 'b', date: '2026-02-02', amount: 20, name: null, email: null, region: null, owner: null },
      { customerId: 'a', date: '2026-03-02', amount: 30, name: null, email: null, region: null, owner: null },
      { customerId: 'a', date: '2026-01-20', amount: 5, name: null, email: null, region: null, owner: null },
    ];
    const out = aggregateOrders(orders, { asOf: AS_OF });
    const a = out.find((c) => c.id === 'a');
    const b = out.find((c) => c.id === 'b');
    expect(out).toHaveLength(2);
    expect([a?.orders, a?.totalSpend, a?.lastPurchase, a?.firstPurchase]).toEqual([3, 45, '2026-03-02', '2026-01-02']);
    expect([b?.orders, b?.totalSpend, b?.lastPurchase]).toEqual([1, 20, '2026-02-02']);
  });
});

describe('core/ is pure', () => {
  it('has no I/O, no Node or Apps Script globals, and no clock or randomness', () => {
    const files: string[] = [];
    const walk = (dir: string) => { for (const name of readdirSync(dir)) { const p = join(dir, name); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.ts')) files.push(p); } };
    walk(join(ROOT, 'core'));
    expect(files.length).toBeGreaterThan(10);
    const banned = /from ['"]node:|from ['"](fs|path|os|child_process|http|https)['"]|\brequire\(|\bprocess\.|SpreadsheetApp|UrlFetchApp|PropertiesService|Date\.now\(|new Date\(\)|Math\.random\(|performance\.now\(|\bfetch\(/;
    const found = files.flatMap((file) => readFileSync(file, 'utf8').split('\n').map((line, i) => [file, i + 1, line] as const).filter(([, , line]) => !/^\s*(\/\/|\*)/.test(line) && banned.test(line)).map(([f, n, line]) => `${f.slice(ROOT.length + 1)}:${n}: ${line.trim()}`));
    expect(found).toEqual([]);
  });
});
