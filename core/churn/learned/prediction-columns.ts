// Every customer's learned prediction, kept from the one pass that reads it as typed arrays: the
// churn levels need every probability before the first customer is scored, and scoring then needs
// each customer's driver shares and the numbers their drivers are worded with. Reading each
// prediction twice (once for the levels, again when scored) cost a second pass over every order
// (10M orders: ~0.7 s); a million prediction objects kept would be ~1 GB. ~150 bytes a customer here,
// and the order log can go once they are read (bench/cases/order-per-customer.md).
import { blankSnapshot, type Snapshot } from './features.ts';
import type { LearnedPrediction } from './train.ts';
import { DRIVER_COUNT, driverShares } from './driver-shares.ts';

/** One customer's prediction as learnedRiskOf reads it: valid until the next read. */
export interface StoredPrediction {
  probability: number;
  /** Log-odds points per driver (driver-shares.ts), summed as learnedRisk sums them. */
  shares: Float64Array;
  snapshot: Snapshot;
  model: { expectedPurchases: number; pAlive: number } | null;
}

/** The columns: `set` each customer's prediction once, then `read` them in any order. */
export interface PredictionColumns {
  /** Keeps customer i's prediction (a peeked one may be reused by the predictor after this). */
  set(i: number, p: LearnedPrediction): void;
  has(i: number): boolean;
  probability(i: number): number;
  /** Customer i's prediction (has(i) must be true), into one object reused by every call. */
  read(i: number): StoredPrediction;
}

/**
 * Columns for `count` customers. A closure over typed arrays rather than a class with private
 * fields: the Sheets bundle (es2020) would turn each private field access into a helper call.
 */
export function predictionColumns(count: number): PredictionColumns {
  const present = new Uint8Array(count);
  const probability = new Float64Array(count);
  const shares = new Float64Array(count * DRIVER_COUNT);
  // Whole numbers (days, counts; daysToSeason −1 for null), then the rest (a gap's NaN for null).
  const ints = new Int32Array(count * 9);
  const floats = new Float64Array(count * 6);
  let withModel = false;
  const model = { expectedPurchases: 0, pAlive: 1 };
  const out: StoredPrediction = { probability: 0, shares: new Float64Array(DRIVER_COUNT), snapshot: blankSnapshot(), model: null };
  return {
    set(i, p) {
      present[i] = 1;
      probability[i] = p.probability;
      driverShares(p.contributions, shares.subarray(i * DRIVER_COUNT, (i + 1) * DRIVER_COUNT));
      const s = p.snapshot;
      const n = i * 9;
      ints[n] = s.purchaseDays;
      ints[n + 1] = s.first;
      ints[n + 2] = s.last;
      ints[n + 3] = s.recency;
      ints[n + 4] = s.recentOrders;
      ints[n + 5] = s.previousOrders;
      ints[n + 6] = s.seasonYears;
      ints[n + 7] = s.seasonHits;
      ints[n + 8] = s.daysToSeason ?? -1;
      const f = i * 6;
      floats[f] = s.gap ?? NaN;
      floats[f + 1] = s.spend;
      floats[f + 2] = s.recentSpend;
      floats[f + 3] = s.previousSpend;
      if (p.model !== null) {
        withModel = true;
        floats[f + 4] = p.model.expectedPurchases;
        floats[f + 5] = p.model.pAlive;
      }
    },
    has: (i) => present[i] === 1,
    probability: (i) => probability[i] as number,
    read(i) {
      out.probability = probability[i] as number;
      out.shares.set(shares.subarray(i * DRIVER_COUNT, (i + 1) * DRIVER_COUNT));
      const s = out.snapshot;
      const n = i * 9;
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
      const f = i * 6;
      const gap = floats[f] as number;
      s.gap = gap !== gap ? null : gap;
      s.spend = floats[f + 1] as number;
      s.recentSpend = floats[f + 2] as number;
      s.previousSpend = floats[f + 3] as number;
      if (withModel) {
        model.expectedPurchases = floats[f + 4] as number;
        model.pAlive = floats[f + 5] as number;
      }
      out.model = withModel ? model : null;
      return out;
    },
  };
}
