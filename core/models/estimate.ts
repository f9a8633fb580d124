// The purchase models as the scorer uses them: from customers to P(alive), expected purchases and
// CLV, or a sentence saying why the data could not support a fit (then scoring falls back to rules).
//
// Which model says "still buying": Pareto/NBD. BG/NBD gives every one-time buyer P(alive) = 1 by
// construction (a customer can only drop out right after a purchase), which would make the riskiest
// group look safest; Pareto/NBD lets a one-time buyer leave at any time, so its P(alive) ranks them
// by how long they have been silent. Churn risk then uses the chance of buying nothing in the coming
// period, from Pareto/NBD's expected purchases (see Estimate.pNoPurchase). Expected purchases and CLV use the same Pareto/NBD fit (its
// forecast is closed-form once P(alive) is known, which keeps a million customers affordable) with
// Gamma-Gamma spend; BG/NBD is fitted too and reported by `tierwise model fit` and the backtest.
import type { Customer } from '../schema/customer.ts';
import { dayNumber } from '../dates.ts';
import { compress, type History } from './history.ts';
import { fnv1a } from '../fnv1a.ts';
import { fitBgNbd, type BgNbdParams } from './bgnbd.ts';
import { fitParetoNbd, paretoNbdExpectedPurchasesOver, paretoNbdLifetime, paretoNbdPAliveCached, paretoNbdTerms, type ParetoNbdParams } from './pareto-nbd.ts';
import { expectedAverageSpend, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.ts';
import { ModelFitError, type FitFailure } from './fit-error.ts';
import { EstimateColumns } from './estimate-columns.ts';
import { indexHistories } from './history-index.ts';
import { checkDropout, type DropoutCheck } from './dropout.ts';

/** The models work in weeks, as the literature's reference fits do. */
export const DAYS_PER_UNIT = 7;
const WEEKS_PER_MONTH = 4.345;
/**
 * Fits use at most this many customers (chosen by a hash of the id, so input order never matters);
 * predictions cover everyone. `tierwise model fit` fits on all of them.
 */
const FIT_SAMPLE = 5_000;

export interface PurchaseHistory extends History {
  /** Mean spend of the repeat purchases, when known. */
  repeatSpendMean: number | null;
}

export interface Estimate {
  pAlive: number;
  /**
   * false when the fit found no sign of customers leaving (dropout.ts): then pAlive is the model's
   * boundary value (about 1 for everyone), not shown, and churn risk judges recency by rhythm instead.
   */
  identified: boolean;
  /**
   * Chance of no purchase in the next period (expectedPurchasesDays), read as e^(−expected purchases):
   * what churn risk uses. It ranks better than P(alive) alone, or than the exact Pareto/NBD zero
   * probability, because it carries how often the customer buys as well as whether they still do
   * (CDNOW master, 39 weeks: AUC 0.768 against 0.762 and 0.719; bench/models.ts).
   */
  pNoPurchase: number;
  expectedPurchases: number;
  clv: number | null;
}

export interface FittedModels {
  bgnbd: BgNbdParams;
  paretoNbd: ParetoNbdParams;
  gammaGamma: GammaGammaParams | null;
  customers: number;
  /** Whether the data show customers leaving at all (see dropout.ts); when not, P(alive) says nothing. */
  dropout: DropoutCheck;
}

export type PurchaseEstimates =
  | { ok: true; models: FittedModels; perCustomer: EstimateColumns }
  | { ok: false; failure: FitFailure };

/** x, t_x, T in weeks from a customer's first and last purchase and purchase count; null when not derivable. */
export function historyOf(customer: Customer, asOfDay: number): PurchaseHistory | null {
  const purchases = customer.purchaseDays ?? customer.orders;
  if (customer.firstPurchase === null || customer.lastPurchase === null || purchases === null || purchases < 1) return null;
  const first = dayNumber(customer.firstPurchase);
  const last = dayNumber(customer.lastPurchase);
  if (last < first || asOfDay < last) return null;
  const x = last === first ? 0 : purchases - 1;
  const spend = customer.repeatSpendMean ?? (x > 0 && customer.totalSpend !== null && purchases > 0 ? customer.totalSpend / purchases : null);
  return { x, tx: (last - first) / DAYS_PER_UNIT, T: (asOfDay - first) / DAYS_PER_UNIT, repeatSpendMean: spend !== null && spend > 0 ? spend : null };
}

/** A sample that depends on who the customers are, never on their order. */
const idHash = fnv1a;

/** The id hash below which about `sampleSize` of `count` ids fall (2^32, all of them, when there are fewer). */
export function hashBound(count: number, sampleSize: number): number {
  return count <= sampleSize ? 2 ** 32 : Math.floor((sampleSize / count) * 2 ** 32);
}

/** About `sampleSize` of `ids` (all when there are fewer), picked by a hash of the id: never by their order. */
export function idSample(ids: readonly string[], sampleSize: number): Set<string> {
  const keepBelow = hashBound(ids.length, sampleSize);
  return new Set(ids.filter((id) => idHash(id) < keepBelow));
}

/**
 * Up to about `sampleSize` of the histories, picked by a hash of the id (the rest become null).
 * `hashRange`: when the ids are already a sample by hash below it (idSample), their hashes spread over
 * [0, hashRange) only, and the bound is taken in proportion to that; against 2^32 a sub-sample of a
 * sample would keep every one of them (the validation split fitted on 20,000 customers, not 5,000).
 */
export function sampleById<H>(histories: readonly (H | null)[], ids: readonly string[], sampleSize = FIT_SAMPLE, hashRange = 2 ** 32): (H | null)[] {
  const present = histories.reduce((n: number, h) => (h !== null ? n + 1 : n), 0);
  const keepBelow = sampleBound(present, sampleSize, hashRange);
  return histories.map((h, i) => (h !== null && idHash(ids[i] ?? '') < keepBelow ? h : null));
}

/** The id hash below which sampleById keeps a history, of `present` non-null ones. */
export function sampleBound(present: number, sampleSize = FIT_SAMPLE, hashRange = 2 ** 32): number {
  return present <= sampleSize ? 2 ** 32 : Math.floor((sampleSize / present) * hashRange);
}

export function fitModels(histories: readonly (PurchaseHistory | null)[], ids: readonly string[], sampleSize = FIT_SAMPLE, hashRange = 2 ** 32): FittedModels {
  const sample = sampleById(histories, ids, sampleSize, hashRange);
  const data = compress(sample);
  const bgnbdFit = fitBgNbd(data);
  const paretoFit = fitParetoNbd(data);
  const bgnbd = bgnbdFit.params;
  const paretoNbd = paretoFit.params;
  const dropout = checkDropout(data, bgnbdFit.logLikelihood, paretoFit.logLikelihood);
  let gammaGamma: GammaGammaParams | null = null;
  try {
    // The sample's repeat buyers with a spend, in order (a loop: `sample` has a slot per customer, most of them null).
    const spenders: { x: number; m: number }[] = [];
    for (const h of sample) if (h !== null && h !== undefined && h.x > 0 && h.repeatSpendMean !== null) spenders.push({ x: h.x, m: h.repeatSpendMean });
    gammaGamma = fitGammaGamma(spenders).params;
  } catch (error) {
    if (!(error instanceof ModelFitError)) throw error;
  }
  return { bgnbd, paretoNbd, gammaGamma, customers: data.weights.reduce((s, w) => s + w, 0), dropout };
}

/**
 * CLV over `months`, discounted monthly (lifetimes utils._customer_lifetime_value), from the expected
 * purchases by the end of each month (`byMonth`, shared by every customer with the same history) and
 * the discount factors (1 + rate)^i (shared by all): the same operations in the same order as
 * evaluating both per customer, so the same bits.
 */
function lifetimeValue(models: FittedModels, h: PurchaseHistory, byMonth: Float64Array, discounts: Float64Array): number | null {
  if (models.gammaGamma === null) return null;
  const spend = expectedAverageSpend(models.gammaGamma, h.x, h.x > 0 ? h.repeatSpendMean : null);
  let value = 0;
  let previous = 0;
  for (let i = 0; i < byMonth.length; i++) {
    const expected = byMonth[i] as number;
    value += ((expected - previous) * spend) / (discounts[i] as number);
    previous = expected;
  }
  return value;
}

export function estimatePurchases(
  histories: readonly (PurchaseHistory | null)[],
  ids: readonly string[],
  /** hashRange: see sampleById. */
  opts: { expectedPurchasesDays: number; clvMonths: number; monthlyDiscountRate: number; hashRange?: number },
): PurchaseEstimates {
  let models: FittedModels;
  try {
    models = fitModels(histories, ids, FIT_SAMPLE, opts.hashRange);
  } catch (error) {
    if (error instanceof ModelFitError) return { ok: false, failure: error.failure };
    throw error;
  }
  // Predictions once per distinct (x, t_x, T) history (P(alive), the forecasts by horizon and by
  // month): the customers are grouped by history (a counting sort on its index), so each history's
  // forecasts are computed once, used for its customers, and dropped. CLV is per customer (spend).
  const index = indexHistories(histories);
  const start = new Int32Array(index.count + 1);
  for (let i = 0; i < index.at.length; i++) {
    const k = index.at[i] as number;
    if (k >= 0) start[k + 1] = (start[k + 1] as number) + 1;
  }
  for (let k = 0; k < index.count; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const order = new Int32Array(start[index.count] as number);
  const next = start.slice(0, index.count);
  for (let i = 0; i < index.at.length; i++) {
    const k = index.at[i] as number;
    if (k < 0) continue;
    const j = next[k] as number;
    order[j] = i;
    next[k] = j + 1;
  }
  const horizon = opts.expectedPurchasesDays / DAYS_PER_UNIT;
  const discounts = Float64Array.from({ length: opts.clvMonths }, (_, i) => Math.pow(1 + opts.monthlyDiscountRate, i + 1));
  const byMonth = new Float64Array(models.gammaGamma === null ? 0 : opts.clvMonths);
  const perCustomer = new EstimateColumns(histories.length, models.dropout.identified);
  // P(alive)'s two ₂F₁ terms once per distinct (x, t_x) and (x, T): far fewer than distinct histories.
  const terms = paretoNbdTerms(models.paretoNbd);
  // The forecasts' lifetime integrals (a Math.pow each) depend on T and the span only: kept per T,
  // each month's then the horizon's, for the histories sharing it (a million histories, ~1,500 Ts).
  const lifetimes = new Map<number, Float64Array>();
  const lifetimesAt = (T: number): Float64Array => {
    let at = lifetimes.get(T);
    if (at === undefined) {
      at = new Float64Array(byMonth.length + 1);
      for (let i = 0; i < byMonth.length; i++) at[i] = paretoNbdLifetime(models.paretoNbd, T, (i + 1) * WEEKS_PER_MONTH);
      at[byMonth.length] = paretoNbdLifetime(models.paretoNbd, T, horizon);
      lifetimes.set(T, at);
    }
    return at;
  };
  for (let k = 0; k < index.count; k++) {
    const h = histories[index.firstAt[k] as number] as PurchaseHistory;
    const pAlive = paretoNbdPAliveCached(models.paretoNbd, h, terms);
    const life = lifetimesAt(h.T);
    for (let i = 0; i < byMonth.length; i++) byMonth[i] = paretoNbdExpectedPurchasesOver(models.paretoNbd, h, pAlive, life[i] as number);
    const expectedPurchases = paretoNbdExpectedPurchasesOver(models.paretoNbd, h, pAlive, life[byMonth.length] as number);
    const pNoPurchase = Math.exp(-expectedPurchases);
    for (let j = start[k] as number; j < (start[k + 1] as number); j++) {
      const row = order[j] as number;
      perCustomer.set(row, pAlive, pNoPurchase, expectedPurchases, lifetimeValue(models, histories[row] as PurchaseHistory, byMonth, discounts));
    }
  }
  return { ok: true, models, perCustomer };
}
