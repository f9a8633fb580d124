// The learned model's predictions are read once per customer and kept as typed arrays
// (core/churn/learned/prediction-columns.ts) for the levels and then the scoring: the risk, drivers,
// points and words made from the kept columns must be those made from a fresh prediction.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../core/index.ts';
import { OptionsSchema } from '../../core/schema/options.ts';
import { dayNumber } from '../../core/dates.ts';
import { orderLogOf } from '../../core/churn/learned/order-log.ts';
import { churnPredictor, trainChurnModel } from '../../core/churn/learned/train.ts';
import { apportion, learnedRisk, learnedRiskOf, sayDriver } from '../../core/churn/learned/risk.ts';
import type { LearnedPrediction } from '../../core/churn/learned/train.ts';
import { FEATURES } from '../../core/churn/learned/features.ts';
import { CHURN_PHRASES } from '../../core/churn/phrases.ts';
import { CHURN_FACTORS } from '../../core/churn/factors.ts';
import { factorsIn } from '../../core/churn/factor-set.ts';
import { churnLevelOf } from '../../core/churn/risk.ts';
import type { ProbabilityLevels } from '../../core/churn/levels.ts';
import type { Options } from '../../core/schema/options.ts';
import type { Driver } from '../../core/schema/result.ts';
import { settingsOf } from '../../core/churn/learned/choose.ts';
import { predictionColumns } from '../../core/churn/learned/prediction-columns.ts';
import { probabilityLevels } from '../../core/churn/levels.ts';
import { seasonalOrders } from './synthetic-histories.ts';
import { cdnowSample } from './cdnow-sample.ts';

const DRIVERS = [...new Set(FEATURES.map((f) => f.driver))];
const NOT_IN_ORDERS = ['nps', 'satisfaction', 'contact', 'competitor'].reduce((bits, f) => bits | (1 << CHURN_FACTORS.indexOf(f as (typeof CHURN_FACTORS)[number])), 0);

/** learnedRisk as it was: drivers sorted with their own texts, the line added piece by piece. */
function referenceRisk(p: LearnedPrediction, horizon: number, options: Options, identified: boolean, levels: ProbabilityLevels) {
  const churnRisk = Math.round(p.probability * 100);
  const shares = DRIVERS.map((d) => FEATURES.reduce((s, f, j) => (f.driver === d ? s + (p.contributions[j] as number) : s), 0));
  const points = apportion(shares, churnRisk);
  const drivers: Driver[] = DRIVERS.flatMap((d, i) => ((points[i] as number) > 0 ? [{ factor: d, points: points[i] as number, text: sayDriver(d, p, horizon, options, identified) }] : []));
  drivers.sort((a, b) => b.points - a.points);
  const words = CHURN_PHRASES[options.language];
  let reasons = drivers.map((d) => `${d.text} (+${d.points})`).join(words.join);
  reasons += (drivers.length === 0 ? words.noWarning : '') + words.join + words.notJudged(factorsIn(NOT_IN_ORDERS).map((f) => words.factorName[f]));
  return { churnRisk, churnLevel: churnLevelOf(churnRisk, levels), drivers, notJudged: NOT_IN_ORDERS, reasons };
}

function check(orders: readonly Order[], asOf: string, language: 'en' | 'zh-CN'): number {
  const options = OptionsSchema.parse({ asOf, language });
  const asOfDay = dayNumber(asOf);
  const past = orders.filter((o) => o.date <= asOf);
  const log = orderLogOf(past);
  const trained = trainChurnModel(log, asOfDay, settingsOf(options));
  if (!trained.ok) throw new Error(trained.reason);
  const predictor = churnPredictor(trained.model, log, asOfDay, 90);
  // Kept in reverse order, so a column slot written late cannot pass for an earlier one.
  const columns = predictionColumns(log.ids.length);
  for (let k = log.ids.length - 1; k >= 0; k--) {
    const p = predictor.peek(k);
    if (p !== null) columns.set(k, p);
  }
  const levels = probabilityLevels(log.ids.flatMap((_, k) => { const p = predictor.predict(k); return p === null ? [] : [p.probability]; }));
  let compared = 0;
  for (let k = 0; k < log.ids.length; k++) {
    const fresh = predictor.predict(k);
    expect(columns.has(k)).toBe(fresh !== null);
    if (fresh === null) continue;
    expect(columns.read(k).churnRisk).toBe(Math.round(fresh.probability * 100));
    for (const identified of [true, false]) {
      const want = referenceRisk(fresh, 90, options, identified, levels);
      expect(learnedRisk(fresh, 90, options, identified, levels)).toEqual(want);
      const got = learnedRiskOf(columns.read(k), 90, options, identified, levels);
      expect(got).toEqual(want);
    }
    const read = columns.read(k);
    expect({ ...read.snapshot }).toEqual({ ...fresh.snapshot });
    expect(read.model === null ? null : { ...read.model }).toEqual(fresh.model === null ? null : { ...fresh.model });
    compared++;
  }
  return compared;
}

describe('learned predictions read once', () => {
  it('give the risks, drivers and words of fresh predictions (CDNOW, English and Chinese)', () => {
    expect(check(cdnowSample(), '1998-03-31', 'en')).toBeGreaterThan(2000);
    expect(check(cdnowSample(), '1997-12-31', 'zh-CN')).toBeGreaterThan(2000);
  });

  it('give the same on seasonal customers (seasons, trends, refunds)', () => {
    const { orders, asOf } = seasonalOrders(1500, 7);
    expect(check(orders, asOf, 'en')).toBeGreaterThan(1000);
  });
});
