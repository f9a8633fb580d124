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

export class PredictionColumns {
  readonly count: number;
  /** 1 when customer i has a prediction (a purchase by the as-of day). */
  readonly #present: Uint8Array;
  readonly #probability: Float64Array;
  readonly #shares: Float64Array;
  readonly #ints: Int32Array;
  readonly #floats: Float64Array;
  #withModel = false;
  readonly #read: StoredPrediction;
  readonly #model = { expectedPurchases: 0, pAlive: 1 };

  constructor(count: number) {
    this.count = count;
    this.#present = new Uint8Array(count);
    this.#probability = new Float64Array(count);
    this.#shares = new Float64Array(count * DRIVER_COUNT);
    this.#ints = new Int32Array(count * INTS);
    this.#floats = new Float64Array(count * FLOATS);
    this.#read = { probability: 0, shares: new Float64Array(DRIVER_COUNT), snapshot: blankSnapshot(), model: null };
  }

  /** Keeps customer i's prediction (a peeked one may be reused by the predictor after this). */
  set(i: number, p: LearnedPrediction): void {
    this.#present[i] = 1;
    this.#probability[i] = p.probability;
    driverShares(p.contributions, this.#shares.subarray(i * DRIVER_COUNT, (i + 1) * DRIVER_COUNT));
    const s = p.snapshot;
    const n = i * INTS;
    const ints = this.#ints;
    ints[n] = s.purchaseDays;
    ints[n + 1] = s.first;
    ints[n + 2] = s.last;
    ints[n + 3] = s.recency;
    ints[n + 4] = s.recentOrders;
    ints[n + 5] = s.previousOrders;
    ints[n + 6] = s.seasonYears;
    ints[n + 7] = s.seasonHits;
    ints[n + 8] = s.daysToSeason ?? -1;
    const f = i * FLOATS;
    const floats = this.#floats;
    // A gap is a whole or half day, or null: NaN stands for null.
    floats[f] = s.gap ?? NaN;
    floats[f + 1] = s.spend;
    floats[f + 2] = s.recentSpend;
    floats[f + 3] = s.previousSpend;
    if (p.model !== null) {
      this.#withModel = true;
      floats[f + 4] = p.model.expectedPurchases;
      floats[f + 5] = p.model.pAlive;
    }
  }

  has(i: number): boolean {
    return this.#present[i] === 1;
  }

  probability(i: number): number {
    return this.#probability[i] as number;
  }

  /** Customer i's prediction (has(i) must be true), into one object reused by every call. */
  read(i: number): StoredPrediction {
    const out = this.#read;
    out.probability = this.#probability[i] as number;
    for (let d = 0; d < DRIVER_COUNT; d++) out.shares[d] = this.#shares[i * DRIVER_COUNT + d] as number;
    const s = out.snapshot;
    const n = i * INTS;
    const ints = this.#ints;
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
    const f = i * FLOATS;
    const floats = this.#floats;
    const gap = floats[f] as number;
    s.gap = gap !== gap ? null : gap;
    s.spend = floats[f + 1] as number;
    s.recentSpend = floats[f + 2] as number;
    s.previousSpend = floats[f + 3] as number;
    if (this.#withModel) {
      this.#model.expectedPurchases = floats[f + 4] as number;
      this.#model.pAlive = floats[f + 5] as number;
      out.model = this.#model;
    } else out.model = null;
    return out;
  }
}

/** Whole-number snapshot fields kept per customer (days, counts), and the fractional ones. */
const INTS = 9;
const FLOATS = 6;
