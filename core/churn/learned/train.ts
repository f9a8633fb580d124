// The learned churn model: taught on the user's own order history by splitting it in time. At each
// cut-off day, features from the orders up to it; the label is whether the customer then bought
// nothing in the following horizon. Scored as of the real as-of date with the same features.
import type { OrderLog } from './order-log.ts';
import { FEATURE_COUNT, FEATURES, blankSnapshot, boughtNothingAfter, featuresOf, readSnapshot, snapshotAt, type Snapshot } from './features.ts';
import { fitLogisticInPlace, logisticTerms, sigmoid, standardisedTerms, type Logistic } from './logistic.ts';
import { DAYS_PER_UNIT, sampleBound } from '../../models/estimate.ts';
import { fnv1a } from '../../fnv1a.ts';
import { bgnbdForecastFactor, bgnbdPAliveOf, fitBgNbd, type BgNbdParams } from '../../models/bgnbd.ts';
import { PairCache } from '../../models/pair-cache.ts';
import { compress, type History } from '../../models/history.ts';
import { fitNbd, LR_CRITICAL } from '../../models/dropout.ts';
import { ModelFitError } from '../../models/fit-error.ts';
import { WORDS } from '../../i18n/index.ts';

export interface Window {
  /** Features from orders up to this day; label from (cut, cut + horizon]. */
  cut: number;
  horizon: number;
}

export interface LearnedModel {
  logistic: Logistic;
  windows: Window[];
  /** true when the history was shorter than two horizons: learned on shorter windows, then applied to the full one. */
  shortWindows: boolean;
  /** Per feature, the lowest term w·z seen in training: contributions count up from there. */
  floor: Float64Array;
  defaultGapDays: number;
  periodDays: number;
  only: readonly string[] | undefined;
  /** Training examples (customer × window) and how many then bought nothing. */
  examples: number;
  churned: number;
}

export interface LearnedSettings {
  horizon: number;
  defaultGapDays: number;
  periodDays: number;
  /** Only these FEATURES (by name); the rest are held at 0. The backtest's calibrated recency uses one. */
  only?: readonly string[];
  /** Train on about this many customers at most (TRAIN_SAMPLE unless given; bench/cases/learned-sample.ts tries others). */
  sample?: number;
}

/**
 * Customers the model is trained on at most (about; picked by a hash of the id, never by row order):
 * two windows of 100,000 customers are 200,000 examples for fifteen weights. A million customers'
 * two million examples cost seconds to read and fit and predicted no better
 * (bench/cases/learned-sample.md). Predictions still cover every customer.
 */
export const TRAIN_SAMPLE = 100_000;

/**
 * Whether each customer of the log is trained on: all when no more than `sample` have bought by the
 * latest cut-off, else those whose id hash falls below sampleBound (as the purchase models' fits
 * sample: models/estimate.ts). Null: every customer.
 */
function trainingSample(log: OrderLog, windows: readonly Window[], sample: number): Uint8Array | null {
  const latest = Math.max(...windows.map((w) => w.cut));
  let present = 0;
  for (let k = 0; k < log.ids.length; k++) if (boughtBy(log, k, latest)) present++;
  if (present <= sample) return null;
  const keepBelow = sampleBound(present, sample, log.hashRange);
  return Uint8Array.from(log.ids, (id) => (fnv1a(id) < keepBelow ? 1 : 0));
}

/** Zeroes the features not in `only` (a constant column gets no weight, see logistic.ts). */
function keepOnly(only: readonly string[] | undefined, x: Float64Array, offset: number): void {
  if (only === undefined) return;
  FEATURES.forEach((f, j) => {
    if (!only.includes(f.name)) x[offset + j] = 0;
  });
}

const MIN_ROWS = 200;
const MIN_EACH_LABEL = 20;

/**
 * The training windows: full horizons ending at the as-of date and half a horizon before when the
 * history is long enough; otherwise the longest window that leaves a third of the history (at least
 * 4 weeks) for features, and half of it. Null when even that is under two weeks.
 */
export function planWindows(log: OrderLog, asOfDay: number, horizon: number): { windows: Window[]; shortWindows: boolean } | null {
  const span = asOfDay - log.firstDay;
  const needed = Math.max(60, Math.round(horizon / 2));
  if (span - horizon >= needed) {
    const windows: Window[] = [{ cut: asOfDay - horizon, horizon }];
    const earlier = asOfDay - horizon - Math.round(horizon / 2);
    if (earlier - log.firstDay >= needed) windows.push({ cut: earlier, horizon });
    return { windows, shortWindows: false };
  }
  const longest = span - Math.max(28, Math.round(span / 3));
  if (longest < 14) return null;
  const half = Math.round(longest / 2);
  return { windows: [{ cut: asOfDay - longest, horizon: longest }, ...(half >= 14 ? [{ cut: asOfDay - half, horizon: half }] : [])], shortWindows: true };
}

export interface ModelOutputs {
  expectedPurchases: number;
  pAlive: number;
}

/** A fitted purchase model's forecast per customer snapshot. */
type PurchaseModel = { outputsOf: (s: Snapshot, into: ModelOutputs) => ModelOutputs; identified: boolean; params: BgNbdParams } | null;

/**
 * BG/NBD fitted on the histories at `cut` (a sample of up to 5,000 customers); null when no fit is
 * possible. BG/NBD rather than Pareto/NBD: on short histories Pareto/NBD's fit can wander to
 * parameters where its likelihood costs thousands of series terms per customer, and these features
 * are needed at every cut-off. Its P(alive) is used only when the fit finds customers leaving at all (dropout.ts).
 */
function fitPurchaseModel(log: OrderLog, cut: number, horizon: number): PurchaseModel {
  let params: BgNbdParams;
  let identified: boolean;
  try {
    const data = compress(sampledHistoriesAt(log, cut));
    const fit = fitBgNbd(data);
    params = fit.params;
    identified = 2 * (fit.logLikelihood - fitNbd(data).logLikelihood) >= LR_CRITICAL;
  } catch (error) {
    if (error instanceof ModelFitError) return null;
    throw error;
  }
  const weeks = horizon / DAYS_PER_UNIT;
  // bgnbdExpectedPurchases(params, (x, t_x, T), weeks), bit for bit: its ₂F₁ factor depends on x and T
  // only, kept per pair (keyed by whole days: T in weeks is T days / 7, one to one); P(alive) is a few
  // logs per customer. A cache per (x, t_x, T) missed for most of a million customers.
  const factors = new PairCache((x, days) => bgnbdForecastFactor(params, x, days / DAYS_PER_UNIT, weeks));
  const outputsOf = (s: Snapshot, into: ModelOutputs): ModelOutputs => {
    const x = s.purchaseDays - 1;
    const tx = (s.last - s.first) / DAYS_PER_UNIT;
    const T = (cut - s.first) / DAYS_PER_UNIT;
    const pAlive = bgnbdPAliveOf(params, x, tx, T);
    const expectedPurchases = factors.of(x, cut - s.first) * pAlive;
    into.expectedPurchases = Number.isFinite(expectedPurchases) ? Math.max(0, expectedPurchases) : 0;
    into.pAlive = identified ? pAlive : 1;
    return into;
  };
  return { outputsOf, identified, params };
}

/** Why the learned model could not be trained, as data (worded per language: core/i18n ModelNoteWords.trainFailure). */
export type TrainFailure = { kind: 'shortHistory'; days: number } | { kind: 'fewExamples'; examples: number; churned: number; minExamples: number; minEach: number };

/** `reason`: the failure in English (the backtest's report); a user's notes word `failure` in their language. */
export type TrainResult = { ok: true; model: LearnedModel } | { ok: false; reason: string; failure: TrainFailure };

const failed = (failure: TrainFailure): TrainResult => ({ ok: false, reason: WORDS.en.models.trainFailure(failure), failure });

/** Fits the model on the order history up to `asOfDay` (orders after it are never read). */
export function trainChurnModel(log: OrderLog, asOfDay: number, settings: LearnedSettings): TrainResult {
  const plan = planWindows(log, asOfDay, settings.horizon);
  if (plan === null) return failed({ kind: 'shortHistory', days: asOfDay - log.firstDay });
  // Every window's rows go straight into one matrix sized for every customer trained on in every window
  // (the rows used are a prefix): a block per window joined at the end held 10M orders' examples twice (+240 MB).
  const keep = trainingSample(log, plan.windows, settings.sample ?? TRAIN_SAMPLE);
  const kept = keep === null ? log.ids.length : keep.reduce((n, v) => n + v, 0);
  const capacity = plan.windows.length * kept;
  let x = new Float64Array(capacity * FEATURE_COUNT);
  let y = new Uint8Array(capacity);
  let rows = 0;
  // Each customer's snapshot is read into one reused object as their row is written: a million
  // snapshots per window kept until the purchase model was fitted were ~300 MB of garbage each.
  const snapshot = blankSnapshot();
  const outputs: ModelOutputs = { expectedPurchases: 0, pAlive: 1 };
  for (const w of plan.windows) {
    const fitted = fitPurchaseModel(log, w.cut, w.horizon);
    for (let k = 0; k < log.ids.length; k++) {
      if (keep !== null && keep[k] === 0) continue;
      const end = readSnapshot(log, k, w.cut, w.horizon, settings.periodDays, snapshot);
      if (end < 0) continue; // no purchase by the cut
      featuresOf(snapshot, fitted === null ? null : fitted.outputsOf(snapshot, outputs), w.horizon, settings.defaultGapDays, x, rows * FEATURE_COUNT);
      keepOnly(settings.only, x, rows * FEATURE_COUNT);
      y[rows] = boughtNothingAfter(log, k, end, w.cut, w.horizon) ? 1 : 0;
      rows++;
    }
  }
  x = x.subarray(0, rows * FEATURE_COUNT);
  y = y.subarray(0, rows);
  const churned = y.reduce((n, v) => n + v, 0);
  if (rows < MIN_ROWS || churned < MIN_EACH_LABEL || rows - churned < MIN_EACH_LABEL) {
    return failed({ kind: 'fewExamples', examples: rows, churned, minExamples: MIN_ROWS, minEach: MIN_EACH_LABEL });
  }
  // x is standardised in place (no copy of the examples beside them); the floors read it so.
  const logistic = fitLogisticInPlace(x, y, FEATURE_COUNT);
  const floor = new Float64Array(FEATURE_COUNT).fill(Infinity);
  const terms = new Float64Array(FEATURE_COUNT);
  for (let r = 0; r < rows; r++) {
    standardisedTerms(logistic, x, r * FEATURE_COUNT, terms);
    for (let j = 0; j < FEATURE_COUNT; j++) if ((terms[j] as number) < (floor[j] as number)) floor[j] = terms[j] as number;
  }
  return { ok: true, model: { logistic, windows: plan.windows, shortWindows: plan.shortWindows, floor, defaultGapDays: settings.defaultGapDays, periodDays: settings.periodDays, only: settings.only, examples: rows, churned } };
}

export interface LearnedPrediction {
  /** Chance of no purchase in the horizon, 0-1 (continuous: the backtest ranks on it). */
  probability: number;
  /** Per FEATURES entry, how far it raised the log-odds above its safest value in training (≥ 0). */
  contributions: Float64Array;
  snapshot: Snapshot;
  model: ModelOutputs | null;
}

/** Predictions one customer at a time, after the purchase model is fitted on every customer's history. */
export interface ChurnPredictor {
  /** Whether the purchase model found customers leaving (else its P(alive) is never said). */
  identified: boolean;
  /** Customer k of the log (null: no purchase by the as-of day), a new object; `contributions` is written when given, else made. */
  predict(k: number, contributions?: Float64Array): LearnedPrediction | null;
  /**
   * As predict, into one object reused by every call (valid until the next): for a host that reads
   * each prediction at once. A million short-lived predictions otherwise come from the allocation
   * sites whose objects training and predictChurn keep, which V8 then allocates straight into the
   * old generation (pretenuring): 10M orders' scoring grew the heap by gigabytes of garbage.
   */
  peek(k: number): LearnedPrediction | null;
}

/**
 * The predictor as of `asOfDay` for `horizon` days. What it keeps between customers is the fit and
 * its forecasts per distinct history, not a prediction per customer: a host scoring a million
 * customers in ranges asks for each as it scores them.
 */
export function churnPredictor(model: LearnedModel, log: OrderLog, asOfDay: number, horizon: number): ChurnPredictor {
  const fitted = fitPurchaseModel(log, asOfDay, horizon);
  const x = new Float64Array(FEATURE_COUNT);
  const terms = new Float64Array(FEATURE_COUNT);
  /** Fills `contributions` for snapshot `s`; its probability. */
  const probabilityOf = (s: Snapshot, m: ModelOutputs | null, contributions: Float64Array): number => {
    featuresOf(s, m, horizon, model.defaultGapDays, x, 0);
    keepOnly(model.only, x, 0);
    const eta = logisticTerms(model.logistic, x, 0, terms);
    for (let j = 0; j < FEATURE_COUNT; j++) contributions[j] = Math.max(0, (terms[j] as number) - (model.floor[j] as number));
    return sigmoid(eta);
  };
  const reused: LearnedPrediction = { probability: 0, contributions: new Float64Array(FEATURE_COUNT), snapshot: blankSnapshot(), model: null };
  const reusedOutputs: ModelOutputs = { expectedPurchases: 0, pAlive: 1 };
  return {
    identified: fitted?.identified ?? false,
    predict(k, contributions = new Float64Array(FEATURE_COUNT)) {
      const s = snapshotAt(log, k, asOfDay, horizon, model.periodDays);
      if (s === null) return null;
      const m = fitted === null ? null : fitted.outputsOf(s, { expectedPurchases: 0, pAlive: 1 });
      return { probability: probabilityOf(s, m, contributions), contributions, snapshot: s, model: m };
    },
    peek(k) {
      const s = snapshotAt(log, k, asOfDay, horizon, model.periodDays, reused.snapshot);
      if (s === null) return null;
      reused.model = fitted === null ? null : fitted.outputsOf(s, reusedOutputs);
      reused.probability = probabilityOf(s, reused.model, reused.contributions);
      return reused;
    },
  };
}

/**
 * The (x, t_x, T) of snapshotAt(…), in weeks, without the rest of the snapshot (trends, seasons): the fit needs only
 * (x, t_x, T), and a million full snapshots cost seconds. Purchase days as snapshotAt counts them.
 */
function purchaseHistoryAt(log: OrderLog, k: number, cut: number): History | null {
  let purchaseDays = 0;
  let first = -1;
  let last = -1;
  for (let p = log.start[k] as number, to = log.start[k + 1] as number; p < to; p++) {
    const day = log.days[p] as number;
    if (day > cut) break;
    if ((log.amounts[p] as number) < 0) continue;
    if (day !== last) {
      if (last < 0) first = day;
      purchaseDays++;
      last = day;
    }
  }
  return purchaseDays === 0 ? null : { x: purchaseDays - 1, tx: (last - first) / DAYS_PER_UNIT, T: (cut - first) / DAYS_PER_UNIT };
}

/** Whether purchaseHistoryAt(log, k, cut) is not null: a purchase (not a refund) on or before the cut. */
function boughtBy(log: OrderLog, k: number, cut: number): boolean {
  for (let p = log.start[k] as number, to = log.start[k + 1] as number; p < to; p++) {
    if ((log.days[p] as number) > cut) return false;
    if ((log.amounts[p] as number) < 0) continue;
    return true;
  }
  return false;
}

/**
 * sampleById(every customer's purchaseHistoryAt(cut), log.ids, …) with only the sampled histories
 * built: the fit reads ~5,000 of them, and a million History objects per cut-off were garbage.
 */
function sampledHistoriesAt(log: OrderLog, cut: number): (History | null)[] {
  let present = 0;
  for (let k = 0; k < log.ids.length; k++) if (boughtBy(log, k, cut)) present++;
  const keepBelow = sampleBound(present, undefined, log.hashRange);
  return log.ids.map((id, k) => (fnv1a(id) < keepBelow ? purchaseHistoryAt(log, k, cut) : null));
}

/**
 * Predictions as of `asOfDay` for `horizon` days, per customer of the log (null: no purchase yet),
 * and whether the purchase model found customers leaving (else its P(alive) is never said).
 */
export function predictChurn(model: LearnedModel, log: OrderLog, asOfDay: number, horizon: number): { predictions: (LearnedPrediction | null)[]; identified: boolean } {
  const predictor = churnPredictor(model, log, asOfDay, horizon);
  // One buffer for every customer's contributions: a typed array of its own per customer costs ~600 bytes (object, buffer, backing store).
  const all = new Float64Array(log.ids.length * FEATURE_COUNT);
  const predictions = log.ids.map((_, k) => predictor.predict(k, all.subarray(k * FEATURE_COUNT, (k + 1) * FEATURE_COUNT)));
  return { predictions, identified: predictor.identified };
}

export { FEATURES };
