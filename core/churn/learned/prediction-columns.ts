// Every customer's learned prediction, kept from the one pass that reads it as typed arrays: the
// churn levels need every probability before the first customer is scored, and scoring then needs
// each customer's risk, their drivers' points and the numbers their drivers are worded with. Reading
// each prediction twice (once for the levels, again when scored) cost a second pass over every order
// (10M orders: ~0.7 s); a million prediction objects kept would be ~1 GB. ~90 bytes a customer here,
// and the order log can go once they are read (bench/cases/order-per-customer.md).
import { blankSnapshot, type Snapshot } from './features.ts';
import type { LearnedPrediction } from './train.ts';
import { DRIVER_COUNT } from './driver-shares.ts';
import { pointsOf } from './risk.ts';

/** One customer's prediction as learnedRiskOf reads it: valid until the next read. */
export interface StoredPrediction {
  /** Whole points 0-100: the probability of no purchase, rounded. */
  churnRisk: number;
  /** Each driver's share of those points (DRIVERS order), apportioned from the log-odds it added. */
  points: Uint8Array | number[];
  snapshot: Snapshot;
  model: { expectedPurchases: number; pAlive: number } | null;
}

/** The columns: `set` each customer's prediction once, then `read` them in any order. */
export interface PredictionColumns {
  /** Keeps customer i's prediction (a peeked one may be reused by the predictor after this). */
  set(i: number, p: LearnedPrediction): void;
  has(i: number): boolean;
  /** Customer i's prediction (has(i) must be true), into one object reused by every call. */
  read(i: number): StoredPrediction;
}

/**
 * Columns for `count` customers. A closure over typed arrays rather than a class with private
 * fields: the Sheets bundle (es2020) would turn each private field access into a helper call.
 */
export function predictionColumns(count: number): PredictionColumns {
  // Per customer: the risk (255: no prediction) and each driver's points, all whole numbers 0-100.
  const risk = new Uint8Array(count).fill(255);
  const points = new Uint8Array(count * DRIVER_COUNT);
  // Whole numbers (days, counts; twice the gap, a whole or half day; −1 for null), then the rest.
  const ints = new Int32Array(count * 10);
  const floats = new Float64Array(count * 5);
  let withModel = false;
  const model = { expectedPurchases: 0, pAlive: 1 };
  const out: StoredPrediction = { churnRisk: 0, points: new Uint8Array(DRIVER_COUNT), snapshot: blankSnapshot(), model: null };
  return {
    set(i, p) {
      const worked = pointsOf(p);
      // Whole points 0-100 fit a byte; a probability that is not a number has no points to keep.
      if (!(worked.churnRisk >= 0 && worked.churnRisk <= 100)) throw new RangeError(`customer ${i}: churn probability ${p.probability}, expected 0-1`);
      risk[i] = worked.churnRisk;
      points.set(worked.points, i * DRIVER_COUNT);
      const s = p.snapshot;
      const n = i * 10;
      ints[n] = s.purchaseDays;
      ints[n + 1] = s.first;
      ints[n + 2] = s.last;
      ints[n + 3] = s.recency;
      ints[n + 4] = s.recentOrders;
      ints[n + 5] = s.previousOrders;
      ints[n + 6] = s.seasonYears;
      ints[n + 7] = s.seasonHits;
      ints[n + 8] = s.daysToSeason ?? -1;
      ints[n + 9] = s.gap === null ? -1 : s.gap * 2;
      const f = i * 5;
      floats[f] = s.spend;
      floats[f + 1] = s.recentSpend;
      floats[f + 2] = s.previousSpend;
      if (p.model !== null) {
        withModel = true;
        floats[f + 3] = p.model.expectedPurchases;
        floats[f + 4] = p.model.pAlive;
      }
    },
    has: (i) => risk[i] !== 255,
    read(i) {
      out.churnRisk = risk[i] as number;
      for (let d = 0; d < DRIVER_COUNT; d++) out.points[d] = points[i * DRIVER_COUNT + d] as number;
      const s = out.snapshot;
      const n = i * 10;
      s.purchaseDays = ints[n] as number;
      s.first = ints[n + 1] as number;
      s.last = ints[n + 2] as number;
      s.recency = ints[n + 3] as number;
      s.recentOrders = ints[n + 4] as number;
      s.previousOrders = ints[n + 5] as number;
      s.seasonYears = ints[n + 6] as number;
      s.seasonHits = ints[n + 7] as number;
      const season = ints[n + 8] as number;
      s.daysToSeason = season < 0 ? null : season;
      const gap = ints[n + 9] as number;
      s.gap = gap < 0 ? null : gap / 2;
      const f = i * 5;
      s.spend = floats[f] as number;
      s.recentSpend = floats[f + 1] as number;
      s.previousSpend = floats[f + 2] as number;
      if (withModel) {
        model.expectedPurchases = floats[f + 3] as number;
        model.pAlive = floats[f + 4] as number;
      }
      out.model = withModel ? model : null;
      return out;
    },
  };
}
