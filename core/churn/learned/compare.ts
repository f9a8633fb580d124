// Every churn risk Tierwise can use, next to the textbook baselines, scored as of a date from the
// orders up to it only and checked against the horizon after it: the backtest's arithmetic, shared
// by `tierwise backtest` and bench/cases/churn-*.ts.
import type { Options } from '../../schema/options.ts';
import type { Order } from '../../schema/order.ts';
import { asHistory, EVERY_DATE, type OrderHistory } from '../../order-history.ts';
import { dayNumber } from '../../dates.ts';
import { auc } from '../../models/backtest.ts';
import { brierScore } from '../../models/calibration.ts';
import { DAYS_PER_UNIT, historyOf, type PurchaseHistory } from '../../models/estimate.ts';
import { bgnbdFitOf, bgnbdPNoPurchase, type BgNbdFit } from '../../models/bgnbd.ts';
import type { FitFailure } from '../../models/fit-error.ts';
import { churnPredictor, trainChurnModel, type TrainFailure } from './train.ts';
import { positionsIn } from '../../id-positions.ts';
import { candidatesAt, chooseChurnModel, outcomes, settingsOf, type Choice } from './choose.ts';
import { WORDS } from '../../i18n/index.ts';

export const CONTENDERS = ['learned', 'pareto', 'rules', 'recency', 'bgnbd'] as const;
export type ContenderKey = (typeof CONTENDERS)[number];

export interface Contender {
  key: ContenderKey;
  label: string;
  auc: number | null;
  brier: number | null;
  /** Why it is missing, when it is. */
  note: string | null;
}

export interface Comparison {
  /** Customers with a purchase by the as-of date, and whether each then bought nothing. */
  ids: string[];
  happened: boolean[];
  /** Per contender, the chance of buying nothing per customer (null when unavailable). */
  chances: Record<ContenderKey, number[] | null>;
  contenders: Contender[];
  /** What `score` would use here, chosen from the orders up to the as-of date only. */
  choice: Choice;
  /** The chosen churn risk's chances (the rules' when the choice is unavailable). */
  chosen: number[];
}

/**
 * `orders`: a list, or columns behind an OrderHistory (a big file: no Order object per order).
 * `bgnbdFit`: the fit the caller made of the same customers already (backtestCustomers': 15 s of a
 * million customers' fit, not done twice); without it, the comparison fits its own.
 */
export function compareChurnModels(orders: readonly Order[] | OrderHistory, options: Options, bgnbdFit?: BgNbdFit): Comparison {
  const asOf = options.asOf;
  const asOfDay = dayNumber(asOf);
  const horizon = options.expectedPurchasesDays;
  const history = asHistory(orders);
  const candidates = candidatesAt(history, asOf, options);
  const ids = candidates.ids;
  // Every order, whatever its date: the outcomes after the as-of date are read from it.
  const happened = outcomes(history.log(EVERY_DATE), ids, asOfDay, horizon);
  // Each baseline in a function of its own, so what it builds of a million customers goes before the next.
  const { recency, recencyDays, recencyFailure } = recencyChances(history, ids, options);
  const { bgnbd, bgnbdFailure } = bgnbdChances(history, ids, options, bgnbdFit);
  const chances: Record<ContenderKey, number[] | null> = { learned: candidates.learned, pareto: candidates.pareto, rules: candidates.rules, recency, bgnbd };
  const words = WORDS[options.language];
  const measure = (key: ContenderKey, note: string | null, ranking?: number[]): Contender => {
    const chance = chances[key];
    return {
      key,
      label: words.backtest.contender[key],
      auc: chance === null ? null : auc(ranking ?? chance, happened),
      brier: chance === null ? null : brierScore(chance, happened),
      note: chance === null ? note : null,
    };
  };
  const contenders = [
    measure('learned', candidates.learnedReason),
    measure('pareto', candidates.paretoReason),
    measure('rules', null),
    // Ranked on the days themselves (the AUC everyone quotes); the Brier score needs the calibrated chance.
    measure('recency', recencyFailure === null ? null : words.models.trainFailure(recencyFailure), recencyDays),
    measure('bgnbd', bgnbdFailure === null ? null : words.models.fitFailure(bgnbdFailure)),
  ];
  const choice = chooseChurnModel(history, options);
  const chosen = (choice.model === 'learned' ? candidates.learned : choice.model === 'pareto' ? candidates.pareto : null) ?? candidates.rules;
  return { ids, happened, chances, contenders, choice, chosen };
}

/** Plain recency, made a probability on the same time split (one feature: days since the last purchase); its days for the AUC everyone quotes. */
function recencyChances(history: OrderHistory, ids: readonly string[], options: Options): { recency: number[] | null; recencyDays: number[]; recencyFailure: TrainFailure | null } {
  const asOfDay = dayNumber(options.asOf);
  const pastLog = history.log(options.asOf);
  const recencyModel = trainChurnModel(pastLog, asOfDay, { ...settingsOf(options), only: ['logRecency'] });
  if (!recencyModel.ok) return { recency: null, recencyDays: [], recencyFailure: recencyModel.failure };
  // Each prediction read at once (peek): the same numbers as predictChurn's, without a million kept objects.
  const predictor = churnPredictor(recencyModel.model, pastLog, asOfDay, options.expectedPurchasesDays);
  const at = positionsIn(pastLog.ids, ids.length, (i) => ids[i] as string);
  const recency = new Array<number>(ids.length);
  const recencyDays = new Array<number>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const p = (at[i] as number) < 0 ? null : predictor.peek(at[i] as number);
    recency[i] = p?.probability ?? 1;
    recencyDays[i] = p?.snapshot.recency ?? 0;
  }
  return { recency, recencyDays, recencyFailure: null };
}

/** BG/NBD fitted on every customer (as `model fit` does): its exact chance of no purchase in the horizon. */
function bgnbdChances(history: OrderHistory, ids: readonly string[], options: Options, given?: BgNbdFit): { bgnbd: number[] | null; bgnbdFailure: FitFailure | null } {
  if (given !== undefined && !given.ok) return { bgnbd: null, bgnbdFailure: given.failure };
  const past = historiesAsOf(history, options.asOf);
  const fit = given ?? bgnbdFitOf(past.histories);
  if (!fit.ok) return { bgnbd: null, bgnbdFailure: fit.failure };
  const at = positionsIn(past.ids, ids.length, (i) => ids[i] as string);
  const bgnbd = ids.map((_, i) => {
    const h = (at[i] as number) < 0 ? null : past.histories[at[i] as number];
    return h == null ? 1 : bgnbdPNoPurchase(fit.params, h, options.expectedPurchasesDays / DAYS_PER_UNIT);
  });
  return { bgnbd, bgnbdFailure: null };
}

/** Every customer's purchase history as of `asOf` (models/estimate.ts historyOf), by id: the customers themselves (~400 bytes each) go before the fit. */
function historiesAsOf(history: OrderHistory, asOf: string): { ids: string[]; histories: (PurchaseHistory | null)[] } {
  const asOfDay = dayNumber(asOf);
  const customers = history.customers(asOf, {});
  return { ids: customers.map((c) => c.id), histories: customers.map((c) => historyOf(c, asOfDay)) };
}
