// A learned prediction as the churn risk users read: risk N = about N% chance of no purchase in the
// horizon, and its points split over the drivers in proportion to how far each raised the log-odds
// above its safest value, so the drivers' points add up to the risk.
import type { Options } from '../../schema/options.ts';
import type { ChurnRisk } from '../risk.ts';
import { churnLevelOf } from '../risk.ts';
import { DriverRanking } from '../driver-ranking.ts';
import { CHURN_FACTORS } from '../factors.ts';
import { CHURN_PHRASES } from '../phrases.ts';
import type { LearnedDriver } from './features.ts';
import { LEARNED_PHRASES } from './phrases.ts';
import type { LearnedPrediction } from './train.ts';
import type { ProbabilityLevels } from '../levels.ts';
import { DRIVER_COUNT, DRIVERS, driverShares } from './driver-shares.ts';
import type { StoredPrediction } from './prediction-columns.ts';

/** Order tables carry no NPS, satisfaction, contact or competitor data: said as for the rules. */
const NOT_IN_ORDERS = ['nps', 'satisfaction', 'contact', 'competitor'].reduce((bits, f) => bits | (1 << CHURN_FACTORS.indexOf(f as (typeof CHURN_FACTORS)[number])), 0);

/**
 * Whole points per driver that add up to `total` exactly (largest remainder), from shares ≥ 0.
 * With no share at all, every point goes to the first driver. Plain loops: it runs per customer
 * (10M orders: a million times), where arrays of {i, r} sorted per call were garbage.
 */
export function apportion(shares: ArrayLike<number>, total: number): number[] {
  const n = shares.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += shares[i] as number;
  const points = new Array<number>(n);
  if (sum <= 0) {
    for (let i = 0; i < n; i++) points[i] = i === 0 ? total : 0;
    return points;
  }
  let left = total;
  const remainder = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const exact = ((shares[i] as number) / sum) * total;
    const whole = Math.floor(exact);
    points[i] = whole;
    remainder[i] = exact - whole;
    left -= whole;
  }
  if (!(left > 0)) return points;
  // The largest remainders first, ties to the earlier driver (a stable insertion sort by remainder);
  // all are finite here: a NaN or infinite share makes `left` NaN.
  const byRemainder = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let j = i - 1;
    while (j >= 0 && (remainder[byRemainder[j] as number] as number) < (remainder[i] as number)) {
      byRemainder[j + 1] = byRemainder[j] as number;
      j--;
    }
    byRemainder[j + 1] = i;
  }
  for (let k = 0; left > 0; k++, left--) {
    const i = byRemainder[k % n] as number;
    points[i] = (points[i] as number) + 1;
  }
  return points;
}

/** The risk and drivers' points of a prediction, as learnedRisk works them out. */
export function pointsOf(p: LearnedPrediction): { churnRisk: number; points: number[] } {
  const churnRisk = Math.round(p.probability * 100);
  return { churnRisk, points: apportion(driverShares(p.contributions, shares), churnRisk) };
}
/** Work space for pointsOf (read at once by apportion). */
const shares = new Float64Array(DRIVER_COUNT);

/** A driver's words with the customer's own numbers (exported for tests). */
export function sayDriver(driver: LearnedDriver, p: Pick<StoredPrediction, 'snapshot' | 'model'>, horizon: number, options: Options, identified: boolean): string {
  const s = p.snapshot;
  const words = LEARNED_PHRASES[options.language];
  const rules = CHURN_PHRASES[options.language];
  switch (driver) {
    case 'recency':
      return s.gap === null ? rules.recencyDefault(s.recency, s.purchaseDays, options.lifecycle.defaultGapDays) : rules.recencyOwn(s.recency, Math.max(s.gap, options.lifecycle.minGapDays));
    case 'frequency':
      return words.frequency(s.purchaseDays, Math.round((s.recency + s.last - s.first) / 7));
    case 'spend':
      return words.spend(Math.max(0, s.spend) / s.purchaseDays);
    case 'purchaseModel':
      // A boundary fit's P(alive) says nothing (models/dropout.ts), and BG/NBD's is 1 by construction
      // for a one-time buyer: then only its forecast is said.
      return words.purchaseModel(p.model?.expectedPurchases ?? 0, horizon, identified && p.model !== null && s.purchaseDays > 1 ? p.model.pAlive : null);
    case 'orderTrend':
      return words.orderTrend(s.recentOrders, s.previousOrders, options.periodDays);
    case 'spendTrend':
      return words.spendTrend(s.recentSpend, s.previousSpend, options.periodDays);
    case 'season':
      return words.season(s.seasonHits, s.seasonYears, s.daysToSeason);
  }
}

/**
 * The churn risk (0-100 whole points) and its drivers, biggest first; the level by `levels` (cut-offs
 * from the customers' base rate, core/churn/levels.ts), else by the fixed cut-offs of options.churn.
 */
export function learnedRisk(p: LearnedPrediction, horizon: number, options: Options, identified: boolean, levels?: ProbabilityLevels): ChurnRisk {
  return learnedRiskOf({ ...pointsOf(p), snapshot: p.snapshot, model: p.model }, horizon, options, identified, levels);
}

/** learnedRisk of a prediction whose risk and drivers' points are already worked out (prediction-columns.ts keeps them so). */
export function learnedRiskOf(p: StoredPrediction, horizon: number, options: Options, identified: boolean, levels?: ProbabilityLevels): ChurnRisk {
  const { churnRisk, points } = p;
  // Biggest first, in driver order among equals (DriverRanking places each as found); each driver's
  // words are then kept as a slice of the reasons line, as the rules' are: a result keeping its
  // drivers' own texts kept ~20 rope pieces more, which the young collector copied and promoted.
  ranking.start();
  for (let i = 0; i < DRIVERS.length; i++) {
    const pts = points[i] as number;
    if (!(pts > 0)) continue;
    const d = DRIVERS[i] as LearnedDriver;
    ranking.add(d, pts, sayDriver(d, p, horizon, options, identified), false);
  }
  const words = CHURN_PHRASES[options.language];
  const reasons = ranking.reasons(NOT_IN_ORDERS, words);
  return { churnRisk, churnLevel: churnLevelOf(churnRisk, levels ?? options.churn), drivers: ranking.drivers(reasons, words), notJudged: NOT_IN_ORDERS, reasons };
}

/** One ranking for every learned risk: each is worded at once, start to end. */
const ranking = new DriverRanking();
