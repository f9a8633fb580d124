// Which churn risk an order history gets: the hand-set rules, Pareto/NBD's chance of no purchase, or
// the model learned from the user's own orders. Decided the way the backtest checks it: score as of
// one horizon before the as-of date with only the orders up to then, and keep whichever predicted
// the following horizon best (lowest Brier score: both ranking and calibration count).
import { OptionsSchema, type Options, type OptionsInput } from '../../schema/options.ts';
import type { Customer } from '../../schema/customer.ts';
import type { Order } from '../../schema/order.ts';
import type { Result } from '../../schema/result.ts';
import { asHistory, type OrderHistory } from '../../order-history.ts';
import { scoreCustomersInRanges } from '../../score.ts';
import { dayNumber, isoFromDayNumber } from '../../dates.ts';
import { estimatePurchases, hashBound, historyOf, idSample } from '../../models/estimate.ts';
import { brierScore } from '../../models/calibration.ts';
import { LR_CRITICAL } from '../../models/dropout.ts';
import { orderLogOf, type OrderLog } from './order-log.ts';
import { boughtNothing } from './features.ts';
import { churnPredictor, trainChurnModel, type LearnedSettings } from './train.ts';
import { positionsIn } from '../../id-positions.ts';
import { learnedRiskOf } from './risk.ts';
import { predictionColumns } from './prediction-columns.ts';
import type { ChurnRisk } from '../risk.ts';
import { probabilityLevels, type ProbabilityLevels } from '../levels.ts';
import { WORDS } from '../../i18n/index.ts';
import type { ModelNoteWords } from '../../i18n/model-note-words.ts';

export const CHURN_MODELS = ['rules', 'pareto', 'learned'] as const;
export type ChurnModelName = (typeof CHURN_MODELS)[number];

export const settingsOf = (options: Options): LearnedSettings => ({
  horizon: options.expectedPurchasesDays,
  defaultGapDays: options.lifecycle.defaultGapDays,
  periodDays: options.periodDays,
});

/** Each candidate's chance of no purchase in the horizon after `cut`, per customer id (orders after `cut` are never read). */
export interface Candidates {
  ids: string[];
  rules: number[];
  /** Null when Pareto/NBD could not fit, or found no one leaving (then it is the rules). */
  pareto: number[] | null;
  /** Why pareto is null: the fit's failure, or the no-dropout test's sentence (models/dropout.ts). */
  paretoReason: string | null;
  learned: number[] | null;
  /** Why the learned model could not be trained, when it could not. */
  learnedReason: string | null;
}

/** `hashRange`: the customers of `orders` are a sample by id hash below it (see models/estimate.ts sampleById). */
export function candidatesAt(orders: readonly Order[] | OrderHistory, cut: string, options: Options, hashRange = 2 ** 32): Candidates {
  const cutDay = dayNumber(cut);
  const history = asHistory(orders);
  const customers = history.customers(cut, options).filter((c) => c.lastPurchase !== null);
  const ids = customers.map((c) => c.id);
  const rules = rulesRisks(customers, { ...options, asOf: cut, purchaseModel: 'off' });
  const estimates = estimatePurchases(customers.map((c) => historyOf(c, cutDay)), ids, { ...options, hashRange });
  const pareto = estimates.ok && estimates.models.dropout.identified ? estimates.perCustomer.map((e) => e?.pNoPurchase ?? 1) : null;
  const log = { ...history.log(cut), hashRange };
  const trained = trainChurnModel(log, cutDay, settingsOf(options));
  let learned: number[] | null = null;
  if (trained.ok) {
    // Each prediction read at once (peek), not a million kept objects: the same numbers as predictChurn's.
    const predictor = churnPredictor(trained.model, log, cutDay, options.expectedPurchasesDays);
    const at = positionsIn(log.ids, ids.length, (i) => ids[i] as string);
    learned = ids.map((_, i) => ((at[i] as number) < 0 ? null : predictor.peek(at[i] as number))?.probability ?? 1);
  }
  // Why a candidate is missing, in the options' language (a fit's own error stays as the fit says it).
  const words = WORDS[options.language];
  const { dropout } = estimates.ok ? estimates.models : { dropout: null };
  const paretoReason = !estimates.ok ? words.models.fitFailure(estimates.failure) : dropout === null || dropout.identified ? null : words.models.noDropoutTest(dropout.lrParetoNbd.toFixed(2), LR_CRITICAL);
  return { ids, rules, pareto, paretoReason, learned, learnedReason: trained.ok ? null : words.models.trainFailure(trained.failure) };
}

/**
 * The rules' churn risk of each customer, 0-1, scored a small range at a time: 20,000 results held at
 * once would make V8 allocate every later Result straight into the old generation (allocation-site
 * pretenuring), where a million results scored and written in ranges then pile up as garbage.
 */
function rulesRisks(customers: readonly Customer[], options: OptionsInput): number[] {
  const scorer = scoreCustomersInRanges(customers, options);
  const risks: number[] = [];
  for (let from = 0; from < scorer.count; from += 512) {
    for (const r of scorer.scoreRange(from, Math.min(from + 512, scorer.count))) risks.push((r.churnRisk ?? 0) / 100);
  }
  return risks;
}

/** Whether each customer bought nothing in (cut, cut + horizon], from the full log. */
export function outcomes(log: OrderLog, ids: readonly string[], cutDay: number, horizon: number): boolean[] {
  const at = new Map(log.ids.map((id, k) => [id, k]));
  return ids.map((id) => {
    const k = at.get(id);
    return k === undefined ? true : boughtNothing(log, k, cutDay, horizon);
  });
}

export interface Validation {
  /** Scored as of this date, checked against the horizon after it (ending at the as-of date). */
  cut: string;
  /** Days checked after the cut (the horizon, or shorter when the history is short). */
  horizon: number;
  customers: number;
  brier: Record<ChurnModelName, number | null>;
}

export interface Choice {
  model: ChurnModelName;
  validation: Validation | null;
  /** Sentences for the summary. */
  notes: string[];
}


/**
 * The validation split: one horizon before `asOf` when the history before it is long enough (a third
 * of the history, at least 4 weeks), else the longest window that leaves that much; null under 2 weeks.
 */
export function validationHorizon(log: OrderLog, asOfDay: number, horizon: number): number | null {
  const span = asOfDay - log.firstDay;
  const keep = Math.max(28, Math.round(span / 3));
  const h = span - horizon >= keep ? horizon : span - keep;
  return h >= 14 ? h : null;
}

/**
 * Customers the choice is checked on: Brier scores of 20,000 customers tell the candidates apart as well
 * as a million's do, and the check costs three scorings; a hash of the id picks them, never row order.
 */
export const VALIDATION_SAMPLE = 20_000;

/**
 * Time-split validation: as of one horizon before `asOf`, which candidate predicted the horizon after best.
 * `full`: history.log(asOf), when the caller has it already (building it reads every order).
 */
export function chooseChurnModel(orders: readonly Order[] | OrderHistory, options: Options, full?: OrderLog): Choice {
  const horizon = options.expectedPurchasesDays;
  const asOfDay = dayNumber(options.asOf);
  const history = asHistory(orders);
  let log = full ?? history.log(options.asOf);
  let past: readonly Order[];
  let hashRange = 2 ** 32;
  if (log.ids.length > VALIDATION_SAMPLE) {
    hashRange = hashBound(log.ids.length, VALIDATION_SAMPLE);
    const sample = idSample(log.ids, VALIDATION_SAMPLE);
    past = history.orders(options.asOf, (id) => sample.has(id));
    log = orderLogOf(past);
  } else past = history.orders(options.asOf);
  const hv = log.ids.length === 0 ? null : validationHorizon(log, asOfDay, horizon);
  if (hv === null) {
    return { model: 'rules', validation: null, notes: [WORDS[options.language].models.tooShort(log.ids.length === 0 ? 0 : asOfDay - log.firstDay)] };
  }
  const cut = isoFromDayNumber(asOfDay - hv);
  const c = candidatesAt(past, cut, { ...options, expectedPurchasesDays: hv }, hashRange);
  const happened = outcomes(log, c.ids, asOfDay - hv, hv);
  const brier: Record<ChurnModelName, number | null> = {
    rules: brierScore(c.rules, happened),
    pareto: c.pareto === null ? null : brierScore(c.pareto, happened),
    learned: c.learned === null ? null : brierScore(c.learned, happened),
  };
  let best: ChurnModelName = 'rules';
  for (const m of CHURN_MODELS) if (brier[m] !== null && (brier[m] as number) < (brier[best] as number)) best = m;
  const said = CHURN_MODELS.flatMap((m) => (brier[m] === null ? [] : [{ model: m, score: brier[m] }]));
  return {
    model: best,
    validation: { cut, horizon: hv, customers: c.ids.length, brier },
    notes: [WORDS[options.language].models.chosen(best, cut, hv, said)],
  };
}

/** How a probability's levels were set, with the numbers (core/churn/levels.ts). */
export function levelsNote(levels: ProbabilityLevels, horizon: number, words: ModelNoteWords): string {
  return words.levels(Math.round(levels.baseRate * 100), levels.highAt, levels.mediumAt - 1, horizon);
}

export interface OrderHistoryScore {
  results: Result[];
  model: ChurnModelName;
  notes: string[];
}

/**
 * Scores the customers aggregated from `orders` (same order as `customers`) with the chosen churn
 * model; options.churnModel forces one ('auto' chooses by chooseChurnModel).
 */
export function scoreOrderHistory(orders: readonly Order[] | OrderHistory, customers: readonly Customer[], optionsInput: OptionsInput): OrderHistoryScore {
  const scorer = orderHistoryScorer(orders, customers, optionsInput);
  return { results: scorer.scoreRange(0, scorer.count), model: scorer.model, notes: scorer.notes };
}

/** scoreOrderHistory with the results asked for range by range (score.ts's RangeScorer): any split gives the results of one call. */
export interface OrderHistoryScorer {
  model: ChurnModelName;
  notes: string[];
  /** How many customers: `customers`' length. */
  count: number;
  scoreRange(from: number, to: number): Result[];
}

export function orderHistoryScorer(orders: readonly Order[] | OrderHistory, customers: readonly Customer[], optionsInput: OptionsInput): OrderHistoryScorer {
  const history = asHistory(orders);
  const options = OptionsSchema.parse(optionsInput);
  const horizon = options.expectedPurchasesDays;
  const notes: string[] = [];
  const words = WORDS[options.language].models;
  let model: ChurnModelName;
  // The orders up to the as-of date as the churn models read them: built once (10M orders: ~4 s) for the choice and the learned model.
  let full: OrderLog | null = null;
  if (options.churnModel === 'auto') {
    if (options.purchaseModel === 'off') model = 'rules';
    else {
      full = history.log(options.asOf);
      const choice = chooseChurnModel(history, options, full);
      model = choice.model;
      notes.push(...choice.notes);
    }
  } else model = options.churnModel;

  if (model === 'learned') {
    const asOfDay = dayNumber(options.asOf);
    const log = full ?? history.log(options.asOf);
    full = null;
    const trained = trainChurnModel(log, asOfDay, settingsOf(options));
    if (trained.ok) {
      const predictor = churnPredictor(trained.model, log, asOfDay, horizon);
      const at = positionsIn(log.ids, customers.length, (i) => (customers[i] as Customer).id);
      // The levels need every customer's probability (their mean) before the first is scored: each
      // prediction is read once, kept as typed arrays, and worded as its customer is scored.
      const predictions = predictionColumns(customers.length);
      const probabilities: number[] = [];
      for (let i = 0; i < customers.length; i++) {
        const p = (at[i] as number) < 0 ? null : predictor.peek(at[i] as number);
        if (p === null) continue;
        predictions.set(i, p);
        probabilities.push(p.probability);
      }
      const levels = probabilityLevels(probabilities);
      const identified = predictor.identified;
      const override = (i: number): ChurnRisk | null => (predictions.has(i) ? learnedRiskOf(predictions.read(i), horizon, options, identified, levels) : null);
      const w = trained.model.windows;
      notes.push(words.learnedMeaning(horizon, trained.model.examples, w.map((x) => ({ cut: isoFromDayNumber(x.cut), horizon: x.horizon })), trained.model.shortWindows));
      notes.push(levelsNote(levels, horizon, words));
      if (!identified) notes.push(words.noDropout);
      const scorer = scoreCustomersInRanges(customers, options, { modelInRisk: true, override });
      return { model, notes, count: scorer.count, scoreRange: scorer.scoreRange };
    }
    notes.push(words.fellBack(words.trainFailure(trained.failure)));
    model = 'rules';
  }
  full = null; // not read by the rules or Pareto/NBD: let it go before scoring
  const scorer = model === 'rules' ? scoreCustomersInRanges(customers, options, { modelInRisk: false, override: null }) : scoreCustomersInRanges(customers, options);
  // A fit that found no one leaving leaves expected purchases but no P(alive) (score.ts): what the results will show, known from the estimates.
  const estimates = scorer.batch.estimates;
  if (estimates !== null && estimates.any() && !estimates.identified) notes.push(words.noDropout);
  return { model, notes, count: scorer.count, scoreRange: scorer.scoreRange };
}
