// Every churn risk Tierwise can use, next to the textbook baselines, scored as of a date from the
// orders up to it only and checked against the horizon after it: the backtest's arithmetic, shared
// by `tierwise backtest` and bench/cases/churn-*.ts.
import type { Options } from '../../schema/options.ts';
import type { Order } from '../../schema/order.ts';
import { asHistory, type OrderHistory } from '../../order-history.ts';
import { dayNumber } from '../../dates.ts';
import { auc } from '../../models/backtest.ts';
import { brierScore } from '../../models/calibration.ts';
import { DAYS_PER_UNIT, historyOf } from '../../models/estimate.ts';
import { bgnbdPNoPurchase, fitBgNbd } from '../../models/bgnbd.ts';
import { compress } from '../../models/history.ts';
import { ModelFitError, type FitFailure } from '../../models/fit-error.ts';
import { predictChurn, trainChurnModel } from './train.ts';
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

/** Every order, whatever its date: the log the outcomes after the as-of date are read from. */
const EVERY_DATE = '9999-12-31';

/** `orders`: a list, or columns behind an OrderHistory (a big file: no Order object per order). */
export function compareChurnModels(orders: readonly Order[] | OrderHistory, options: Options): Comparison {
  const asOf = options.asOf;
  const asOfDay = dayNumber(asOf);
  const horizon = options.expectedPurchasesDays;
  const history = asHistory(orders);
  const candidates = candidatesAt(history, asOf, options);
  const ids = candidates.ids;
  const happened = outcomes(history.log(EVERY_DATE), ids, asOfDay, horizon);
  const pastLog = history.log(asOf);
  const at = new Map(pastLog.ids.map((id, k) => [id, k]));

  // Plain recency, made a probability on the same time split (one feature: days since the last purchase).
  const recencyModel = trainChurnModel(pastLog, asOfDay, { ...settingsOf(options), only: ['logRecency'] });
  let recency: number[] | null = null;
  let recencyDays: number[] = [];
  if (recencyModel.ok) {
    const { predictions } = predictChurn(recencyModel.model, pastLog, asOfDay, horizon);
    recency = ids.map((id) => predictions[at.get(id) ?? -1]?.probability ?? 1);
    recencyDays = ids.map((id) => predictions[at.get(id) ?? -1]?.snapshot.recency ?? 0);
  }
  // BG/NBD fitted on every customer (as `model fit` does): its exact chance of no purchase.
  let bgnbd: number[] | null = null;
  let bgnbdFailure: FitFailure | null = null;
  const customers = history.customers(asOf, {});
  const histories = customers.map((c) => historyOf(c, asOfDay));
  try {
    const params = fitBgNbd(compress(histories)).params;
    const byId = new Map(customers.map((c, i) => [c.id, histories[i]]));
    bgnbd = ids.map((id) => {
      const h = byId.get(id);
      return h == null ? 1 : bgnbdPNoPurchase(params, h, horizon / DAYS_PER_UNIT);
    });
  } catch (error) {
    if (!(error instanceof ModelFitError)) throw error;
    bgnbdFailure = error.failure;
  }
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
    measure('recency', recencyModel.ok ? null : words.models.trainFailure(recencyModel.failure), recencyDays),
    measure('bgnbd', bgnbdFailure === null ? null : words.models.fitFailure(bgnbdFailure)),
  ];
  const choice = chooseChurnModel(history, options);
  const chosen = (choice.model === 'learned' ? candidates.learned : choice.model === 'pareto' ? candidates.pareto : null) ?? candidates.rules;
  return { ids, happened, chances, contenders, choice, chosen };
}
