// What the learned churn model knows about a customer at a cut-off day: a few explainable numbers
// from their own orders up to that day, plus the purchase model's forecast. Each feature belongs to
// a driver (the factor its points are reported under), so every point has words.
import type { OrderLog } from './order-log.ts';

/** Raw numbers at the cut-off, kept for the drivers' words. */
export interface Snapshot {
  purchaseDays: number;
  first: number;
  last: number;
  /** Days since the last purchase. */
  recency: number;
  /** Usual days between purchases (median gap), or null with fewer than 2 purchase days. */
  gap: number | null;
  spend: number;
  recentOrders: number;
  previousOrders: number;
  recentSpend: number;
  previousSpend: number;
  /** Past years in which the customer already bought and could have bought in these weeks, and did. */
  seasonYears: number;
  seasonHits: number;
  /**
   * Days from the cut-off to the next yearly return of a purchase made at least 300 days before it
   * (0-364; how far away their usual season is), or null before a customer's first year.
   */
  daysToSeason: number | null;
}

export const FEATURES = [
  { name: 'logRecency', driver: 'recency' },
  { name: 'recencyVsRhythm', driver: 'recency' },
  { name: 'oneTime', driver: 'frequency' },
  { name: 'logPurchaseDays', driver: 'frequency' },
  { name: 'logTenure', driver: 'frequency' },
  { name: 'horizonVsRhythm', driver: 'frequency' },
  { name: 'logAverageSpend', driver: 'spend' },
  { name: 'logExpectedPurchases', driver: 'purchaseModel' },
  { name: 'pAlive', driver: 'purchaseModel' },
  { name: 'orderTrend', driver: 'orderTrend' },
  { name: 'spendTrend', driver: 'spendTrend' },
  { name: 'seasonShare', driver: 'season' },
  { name: 'hadSeason', driver: 'season' },
  { name: 'seasonSoon', driver: 'season' },
  { name: 'logHorizon', driver: 'purchaseModel' },
] as const;
export type LearnedDriver = (typeof FEATURES)[number]['driver'];
export const FEATURE_COUNT = FEATURES.length;

const YEAR = 365;

/**
 * The snapshot of customer k at `cut` (orders after it ignored), or null with no purchase by then.
 * With `into`, written into that object rather than a new one (see train.ts's ChurnPredictor.peek).
 */
export function snapshotAt(log: OrderLog, k: number, cut: number, horizon: number, periodDays: number, into?: Snapshot): Snapshot | null {
  const s = into ?? blankSnapshot();
  return readSnapshot(log, k, cut, horizon, periodDays, s) < 0 ? null : s;
}

export function blankSnapshot(): Snapshot {
  return { purchaseDays: 0, first: 0, last: 0, recency: 0, gap: null, spend: 0, recentOrders: 0, previousOrders: 0, recentSpend: 0, previousSpend: 0, seasonYears: 0, seasonHits: 0, daysToSeason: null };
}

/** The gaps between purchase days, one buffer reused by every snapshot (a new array per customer per cut-off was garbage). */
let gaps = new Int32Array(256);

/** Sorts gaps[0, n): insertion sort for the usual few, the typed array's sort beyond. */
function sortGaps(n: number): void {
  if (n > 32) {
    gaps.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = gaps[i] as number;
    let j = i - 1;
    while (j >= 0 && (gaps[j] as number) > v) {
      gaps[j + 1] = gaps[j] as number;
      j--;
    }
    gaps[j + 1] = v;
  }
}

/**
 * snapshotAt into `into` in one pass over the orders up to the cut (the seasons walk back from its
 * end): the position after the customer's last order on or before `cut`, or −1 with no purchase by
 * then (`into` is then not written). The position lets the label (boughtNothingAfter) start there.
 */
export function readSnapshot(log: OrderLog, k: number, cut: number, horizon: number, periodDays: number, into: Snapshot): number {
  const days = log.days;
  const amounts = log.amounts;
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
  const seasonBefore = cut - 300;
  let nearestSeason = -1;
  let n = 0;
  let p = from;
  for (; p < to; p++) {
    const day = days[p] as number;
    if (day > cut) break;
    const amount = amounts[p] as number;
    spend += amount;
    if (day > recentFrom) recentSpend += amount;
    else if (day > previousFrom) previousSpend += amount;
    // A refund lowers spend but is not a purchase (as in aggregate-orders.ts).
    if (amount < 0) continue;
    if (day > recentFrom) recentOrders++;
    else if (day > previousFrom) previousOrders++;
    // The next yearly return of a purchase made at least 300 days before the cut (daysToSeason).
    if (day <= seasonBefore) {
      const ahead = (((day - cut) % YEAR) + YEAR) % YEAR;
      if (nearestSeason < 0 || ahead < nearestSeason) nearestSeason = ahead;
    }
    if (day !== last) {
      if (last >= 0) {
        if (n === gaps.length) {
          const wider = new Int32Array(2 * n);
          wider.set(gaps);
          gaps = wider;
        }
        gaps[n++] = day - last;
      } else first = day;
      purchaseDays++;
      last = day;
    }
  }
  if (purchaseDays === 0) return -1;
  const end = p;
  sortGaps(n);
  const mid = n >> 1;
  const gap = n === 0 ? null : Math.max(1, n % 2 === 1 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2);
  // Seasonality: in each past year the customer had already started, did they buy in the weeks
  // that correspond to the coming horizon? Each year's window (lo, hi] starts earlier than the last,
  // so its first order is found by walking back from where the previous year's was.
  let seasonYears = 0;
  let seasonHits = 0;
  let q = end;
  for (let y = 1; cut - y * YEAR >= first; y++) {
    const lo = cut - y * YEAR;
    const hi = lo + horizon;
    seasonYears++;
    while (q > from && (days[q - 1] as number) > lo) q--;
    for (let r = q; r < end && (days[r] as number) <= hi; r++) {
      if ((amounts[r] as number) >= 0) {
        seasonHits++;
        break;
      }
    }
  }
  into.purchaseDays = purchaseDays;
  into.first = first;
  into.last = last;
  into.recency = cut - last;
  into.gap = gap;
  into.spend = spend;
  into.recentOrders = recentOrders;
  into.previousOrders = previousOrders;
  into.recentSpend = recentSpend;
  into.previousSpend = previousSpend;
  into.seasonYears = seasonYears;
  into.seasonHits = seasonHits;
  into.daysToSeason = seasonYears > 0 && nearestSeason >= 0 ? nearestSeason : null;
  return end;
}

/** Whether customer k bought anything in (cut, cut + horizon]: the label (true = churned, bought nothing). */
export function boughtNothing(log: OrderLog, k: number, cut: number, horizon: number): boolean {
  for (let p = log.start[k] as number; p < (log.start[k + 1] as number); p++) {
    const day = log.days[p] as number;
    if (day > cut + horizon) break;
    if (day > cut && (log.amounts[p] as number) >= 0) return false;
  }
  return true;
}

/** boughtNothing, from `end`, readSnapshot's position (the customer's first order after the cut). */
export function boughtNothingAfter(log: OrderLog, k: number, end: number, cut: number, horizon: number): boolean {
  for (let p = end, to = log.start[k + 1] as number; p < to; p++) {
    const day = log.days[p] as number;
    if (day > cut + horizon) break;
    if ((log.amounts[p] as number) >= 0) return false;
  }
  return true;
}

const signedLog = (x: number) => Math.sign(x) * Math.log1p(Math.abs(x));

/** The feature vector (FEATURES order) written into `out` at `offset`. */
export function featuresOf(
  s: Snapshot,
  model: { expectedPurchases: number; pAlive: number } | null,
  horizon: number,
  defaultGapDays: number,
  out: Float64Array,
  offset: number,
): void {
  const gap = Math.max(s.gap ?? defaultGapDays, 7);
  out[offset] = Math.log1p(s.recency);
  out[offset + 1] = Math.min(s.recency / gap, 20);
  out[offset + 2] = s.purchaseDays === 1 ? 1 : 0;
  out[offset + 3] = Math.log(s.purchaseDays);
  out[offset + 4] = Math.log1p(s.recency + (s.last - s.first));
  out[offset + 5] = Math.log1p(horizon / gap);
  out[offset + 6] = Math.log1p(Math.max(0, s.spend) / s.purchaseDays);
  // Without a fit the purchase-model features sit at neutral values the weights learn nothing from.
  out[offset + 7] = model === null ? 0 : Math.log(0.01 + model.expectedPurchases);
  out[offset + 8] = model === null ? 1 : model.pAlive;
  out[offset + 9] = Math.log1p(s.recentOrders) - Math.log1p(s.previousOrders);
  out[offset + 10] = signedLog(s.recentSpend) - signedLog(s.previousSpend);
  out[offset + 11] = s.seasonYears === 0 ? 0 : s.seasonHits / s.seasonYears;
  out[offset + 12] = s.seasonYears === 0 ? 0 : 1;
  // How much of the coming horizon lies before their usual season comes round (1: not within it).
  out[offset + 13] = s.daysToSeason === null ? 0 : Math.min(1, s.daysToSeason / horizon);
  out[offset + 14] = Math.log(horizon);
}
