// The learned churn model's and the purchase models' fast paths must give the very bits of the plain
// code they replaced: the snapshot read in one pass with a reused gap buffer, the label read from
// where the snapshot stopped, the ₂F₁ factors kept per (x, T) pair (pair-cache.ts), and the points
// apportioned with plain loops. Each is checked against the replaced code, kept here as the reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Order } from '../../core/index.ts';
import { isoFromDayNumber } from '../../core/dates.ts';
import { orderLogOf, type OrderLog } from '../../core/churn/learned/order-log.ts';
import { blankSnapshot, boughtNothing, boughtNothingAfter, FEATURES, readSnapshot, snapshotAt, type Snapshot } from '../../core/churn/learned/features.ts';
import { apportion, learnedRisk } from '../../core/churn/learned/risk.ts';
import { OptionsSchema } from '../../core/schema/options.ts';
import { PairCache } from '../../core/models/pair-cache.ts';
import { bgnbdForecastFactor, bgnbdPAliveOf, type BgNbdParams } from '../../core/models/bgnbd.ts';
import { hyp2f1 } from '../../core/models/special.ts';
import { paretoNbdA0Term, paretoNbdPAlive, paretoNbdPAliveCached, paretoNbdTerms, type ParetoNbdParams } from '../../core/models/pareto-nbd.ts';
import type { History } from '../../core/models/history.ts';
import '../fast-check-seed.ts';

const YEAR = 365;

/** snapshotAt as it was: a gaps array per call, sorted; each past year's orders rescanned from the first. */
function referenceSnapshot(log: OrderLog, k: number, cut: number, horizon: number, periodDays: number): Snapshot | null {
  const from = log.start[k] as number;
  const to = log.start[k + 1] as number;
  let purchaseDays = 0;
  let first = -1;
  let last = -1;
  let spend = 0;
  let recentOrders = 0;
  let previousOrders = 0;
  let recentSpend = 0;
  let previousSpend = 0;
  const recentFrom = cut - periodDays;
  const previousFrom = recentFrom - periodDays;
  const gaps: number[] = [];
  for (let p = from; p < to; p++) {
    const day = log.days[p] as number;
    if (day > cut) break;
    const amount = log.amounts[p] as number;
    spend += amount;
    if (day > recentFrom) recentSpend += amount;
    else if (day > previousFrom) previousSpend += amount;
    if (amount < 0) continue;
    if (day > recentFrom) recentOrders++;
    else if (day > previousFrom) previousOrders++;
    if (day !== last) {
      if (last >= 0) gaps.push(day - last);
      else first = day;
      purchaseDays++;
      last = day;
    }
  }
  if (purchaseDays === 0) return null;
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const gap = gaps.length === 0 ? null : Math.max(1, gaps.length % 2 === 1 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2);
  let seasonYears = 0;
  let seasonHits = 0;
  for (let y = 1; cut - y * YEAR >= first; y++) {
    const lo = cut - y * YEAR;
    const hi = lo + horizon;
    seasonYears++;
    for (let p = from; p < to; p++) {
      const day = log.days[p] as number;
      if (day > hi || day > cut) break;
      if (day > lo && (log.amounts[p] as number) >= 0) {
        seasonHits++;
        break;
      }
    }
  }
  let daysToSeason: number | null = null;
  if (seasonYears > 0) {
    for (let p = from; p < to; p++) {
      const day = log.days[p] as number;
      if (day > cut - 300) break;
      if ((log.amounts[p] as number) < 0) continue;
      const ahead = (((day - cut) % YEAR) + YEAR) % YEAR;
      if (daysToSeason === null || ahead < daysToSeason) daysToSeason = ahead;
    }
  }
  return { purchaseDays, first, last, recency: cut - last, gap, spend, recentOrders, previousOrders, recentSpend, previousSpend, seasonYears, seasonHits, daysToSeason };
}

/** apportion as it was: arrays mapped and an array of {i, r} sorted by remainder. */
function referenceApportion(shares: readonly number[], total: number): number[] {
  const sum = shares.reduce((s, x) => s + x, 0);
  if (sum <= 0) return shares.map((_, i) => (i === 0 ? total : 0));
  const exact = shares.map((s) => (s / sum) * total);
  const points = exact.map(Math.floor);
  let left = total - points.reduce((s, x) => s + x, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) {
    const i = (byRemainder[k % byRemainder.length] as { i: number }).i;
    points[i] = (points[i] as number) + 1;
  }
  return points;
}

/** bgnbdExpectedPurchases as it was: one expression per customer, its ₂F₁ included. */
function referenceBgNbdForecast(p: BgNbdParams, h: History, t: number): number {
  const { r, alpha, a, b } = p;
  const { x, T } = h;
  const z = t / (alpha + T + t);
  const f = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const head = (a + b + x - 1) / (a - 1);
  const body = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * f;
  const ratio = Math.exp((p.r + h.x) * (Math.log(p.alpha + h.T) - Math.log(p.alpha + h.tx)));
  return head * body * (h.x === 0 ? 1 : 1 / (1 + (p.a / (p.b + h.x - 1)) * ratio));
}

/** paretoNbdPAlive as it was: both ₂F₁ terms of A0 per customer. */
function referenceParetoPAlive(p: ParetoNbdParams, h: History): number {
  const { r, alpha, s, beta } = p;
  const { x, tx, T } = h;
  const rsx = r + s + x;
  const [max, t] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const diff = Math.abs(alpha - beta);
  const term1 = Math.log(hyp2f1(rsx, t, rsx + 1, diff / (max + tx))) - rsx * Math.log(max + tx);
  const term2 = Math.log(hyp2f1(rsx, t, rsx + 1, diff / (max + T))) - rsx * Math.log(max + T);
  const logA0 = term1 + Math.log1p(-Math.exp(term2 - term1));
  const logOdds = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0;
  return 1 / (1 + Math.exp(logOdds));
}

/** Customers' orders over ~4 years: several a day, refunds, long gaps, one with many orders. */
const orderArb = fc.record({
  customer: fc.integer({ min: 0, max: 5 }),
  day: fc.oneof(fc.integer({ min: 20000, max: 21500 }), fc.constantFrom(20000, 20365, 20730, 21095)),
  amount: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constantFrom(-20, 0, -0.5)),
});
const logOf = (rows: readonly { customer: number; day: number; amount: number }[]): OrderLog =>
  orderLogOf(rows.map((o): Order => ({ customerId: `c${o.customer}`, date: isoFromDayNumber(o.day), amount: o.amount, name: null, email: null, region: null, owner: null })));

describe('the learned model snapshot', () => {
  it('reads what the plain per-customer scan read, at any cut-off, horizon and period', () => {
    fc.assert(
      fc.property(
        fc.array(orderArb, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 19990, max: 21600 }),
        fc.integer({ min: 7, max: 500 }),
        fc.integer({ min: 7, max: 200 }),
        (rows, cut, horizon, period) => {
          const log = logOf(rows);
          const into = blankSnapshot();
          for (let k = 0; k < log.ids.length; k++) {
            const want = referenceSnapshot(log, k, cut, horizon, period);
            expect(snapshotAt(log, k, cut, horizon, period)).toEqual(want);
            const end = readSnapshot(log, k, cut, horizon, period, into);
            expect(end < 0 ? null : { ...into }).toEqual(want);
            if (end >= 0) expect(boughtNothingAfter(log, k, end, cut, horizon)).toBe(boughtNothing(log, k, cut, horizon));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes the median gap of a customer with more gaps than the buffer first holds', () => {
    const rows = Array.from({ length: 700 }, (_, i) => ({ customer: 0, day: 15000 + i * (1 + (i % 5)), amount: 10 }));
    const log = logOf(rows);
    const cut = 16500;
    expect(snapshotAt(log, 0, cut, 90, 30)).toEqual(referenceSnapshot(log, 0, cut, 90, 30));
  });
});

describe('apportion', () => {
  it('splits the points as the sorted-remainder version did', () => {
    const share = fc.oneof(fc.constantFrom(0, 0.5, 1, 1 / 3, 2 / 3), fc.double({ min: 0, max: 50, noNaN: true }));
    fc.assert(
      fc.property(fc.array(share, { minLength: 1, maxLength: 9 }), fc.integer({ min: 0, max: 100 }), (shares, total) => {
        expect(apportion(shares, total)).toEqual(referenceApportion(shares, total));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('learned risk drivers', () => {
  it('come biggest first, in driver order among equals, their points apportioned from the contributions', () => {
    const options = OptionsSchema.parse({ asOf: '2026-11-01' });
    const drivers = [...new Set(FEATURES.map((f) => f.driver))];
    const contribution = fc.oneof(fc.constant(0), fc.constantFrom(0.25, 0.5, 1), fc.double({ min: 0, max: 3, noNaN: true }));
    fc.assert(
      fc.property(fc.array(contribution, { minLength: FEATURES.length, maxLength: FEATURES.length }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (contributions, probability) => {
        const snapshot = { ...blankSnapshot(), purchaseDays: 3, first: 100, last: 200, recency: 40, gap: 50, spend: 120 };
        const risk = learnedRisk({ probability, contributions: Float64Array.from(contributions), snapshot, model: { expectedPurchases: 0.7, pAlive: 0.6 } }, 90, options, true);
        const shares = drivers.map((d) => FEATURES.reduce((s, f, j) => (f.driver === d ? s + (contributions[j] as number) : s), 0));
        const points = referenceApportion(shares, Math.round(probability * 100));
        const want = drivers.map((factor, i) => ({ factor, points: points[i] as number })).filter((d) => d.points > 0).sort((a, b) => b.points - a.points);
        expect(risk.drivers.map(({ factor, points }) => ({ factor, points }))).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});

const positive = fc.double({ min: 0.05, max: 20, noNaN: true });
const days = fc.integer({ min: 0, max: 1500 });

describe('pair cache', () => {
  it('answers what the function says for every pair, 0 and −0 alike, NaN computed each time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, -0, NaN, 1 / 7)), fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double())), { maxLength: 400 }), (pairs) => {
        let calls = 0;
        const f = (a: number, b: number) => {
          calls++;
          return a * 1000 + b / 3 + (a === 0 ? 0 : 1 / a);
        };
        const cache = new PairCache(f);
        const seen = new Set<string>();
        for (const [a, b] of pairs) {
          expect(Object.is(cache.of(a, b), f(a, b))).toBe(true);
          if (a === a && b === b) seen.add(`${a}|${b}`);
        }
        expect(cache.size).toBe(seen.size);
        // Every pair asked again is answered from the table.
        calls = 0;
        for (const [a, b] of pairs) if (a === a && b === b) cache.of(a, b);
        expect(calls).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps BG/NBD forecasts bit for bit: the (x, T) factor times P(alive) per customer', () => {
    const params = fc.record({ r: positive, alpha: positive, a: fc.double({ min: 0.05, max: 0.95, noNaN: true }), b: positive });
    fc.assert(
      fc.property(params, fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), days, days), { minLength: 1, maxLength: 80 }), fc.integer({ min: 7, max: 365 }), (p, rows, horizon) => {
        const weeks = horizon / 7;
        const factors = new PairCache((x, T) => bgnbdForecastFactor(p, x, T / 7, weeks));
        for (const [x, a, b] of rows) {
          const [txDays, TDays] = a <= b ? [a, b] : [b, a];
          const h = { x: txDays === 0 ? 0 : x, tx: txDays / 7, T: TDays / 7 };
          const cached = factors.of(h.x, TDays) * bgnbdPAliveOf(p, h.x, h.tx, h.T);
          expect(Object.is(cached, referenceBgNbdForecast(p, h, weeks))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps Pareto/NBD P(alive) bit for bit with A0 terms per (x, time)', () => {
    const params = fc.record({ r: positive, alpha: positive, s: positive, beta: positive });
    fc.assert(
      fc.property(params, fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), days, days), { minLength: 1, maxLength: 80 }), (p: ParetoNbdParams, rows) => {
        const terms = paretoNbdTerms(p);
        for (const [x, a, b] of rows) {
          const [tx, T] = a <= b ? [a / 7, b / 7] : [b / 7, a / 7];
          const h = { x, tx, T };
          const want = referenceParetoPAlive(p, h);
          expect(Object.is(paretoNbdPAliveCached(p, h, terms), want)).toBe(true);
          expect(Object.is(paretoNbdPAlive(p, h), want)).toBe(true);
          expect(Object.is(terms.of(x, T), paretoNbdA0Term(p, x, T))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
