// Churn risk 0-100 (seed 004 §6.1, seed 003 §8.1): each factor earns up to its weight in points
// (weights add to 100), every point is explained in words, and a factor without data earns nothing.
//
// How this file reads: the factor table FACTORS (what each factor earns and how it says so), then
// churnRiskOf, which asks each factor in turn, ranks the drivers and words the reasons line
// (reasons.ts). Kept for speed, each behind its own file: sentences said once per run
// (sentence-memory.ts), the drivers' ranking and their words kept as slices of the line
// (driver-ranking.ts), factor sets as bits (factor-set.ts).
import type { Customer } from '../schema/customer.ts';
import type { Options } from '../schema/options.ts';
import type { Driver } from '../schema/result.ts';
import type { ChurnLevel } from './levels.ts';
import type { Rhythm } from '../rhythm.ts';
import { CHURN_FACTORS, type ChurnFactorName } from './factors.ts';
import { CHURN_PHRASES, type ChurnPhrases } from './phrases.ts';
import { dayNumber } from '../dates.ts';
import { NO_FACTORS, withFactor, type FactorSet } from './factor-set.ts';
import { SentenceMemory } from './sentence-memory.ts';
import { DriverRanking } from './driver-ranking.ts';

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

export interface RiskContext {
  customer: Customer;
  daysSinceLast: number;
  rhythm: Rhythm;
  asOfDay: number;
  /** 5 or 10: the satisfaction scale of this batch. */
  satisfactionScale: number;
  /** When purchase models fitted: the probability of no purchase in the coming period, and its words. */
  alive: { pNoPurchase: number; text: string } | null;
  options: Options;
  /** What this scoring run shares between its customers (churnRun()). */
  run: ChurnRun;
}

export interface ChurnRisk {
  churnRisk: number;
  churnLevel: ChurnLevel;
  drivers: Driver[];
  /** Factors that had no data. */
  notJudged: FactorSet;
  /** The line users read (reasons.ts), worded when the risk is decided. */
  reasons: string;
}

/**
 * Each factor: `share` says how much of its weight it earns (0-1), or null when its data is missing;
 * `say` puts a non-zero share into words (only called then, as most customers earn nothing on most
 * factors). A factor whose sentence depends on a few small numbers (an NPS, a satisfaction score)
 * also numbers its possible sentences: `sentence` says which one `say` would make (or -1 when the
 * numbers are outside that range), so a run says each once and its results share it.
 */
interface Factor {
  share(ctx: RiskContext): number | null;
  say(ctx: RiskContext, words: ChurnPhrases): string;
  sentence?: { count: number; of(ctx: RiskContext): number };
}

/** Which of `limit` values a score is, when it is a whole number in 0..limit-1; `limit` itself for null. */
function scoreDigit(x: number | null, limit: number): number {
  if (x === null) return limit;
  return Number.isInteger(x) && x >= 0 && x < limit ? x : -1;
}
/** Two such digits as one index below (aLimit + 1) * (bLimit + 1), or -1. */
function sentenceIndex(a: number, aLimit: number, b: number, bLimit: number): number {
  return a < 0 || b < 0 ? -1 : a * (bLimit + 1) + b;
}

function drop(recent: number | null, previous: number | null): number | null {
  if (recent === null || previous === null) return null;
  if (previous <= 0 || recent >= previous) return 0;
  return (previous - Math.max(recent, 0)) / previous;
}

const purchasesOf = (c: Customer) => c.purchaseDays ?? c.orders ?? 1;
const contactGapOf = (ctx: RiskContext) =>
  ctx.customer.lastContact === null ? null : ctx.asOfDay - dayNumber(ctx.customer.lastContact);

function contactGapShare(ctx: RiskContext): number {
  const gap = contactGapOf(ctx);
  const [startDays, fullDays] = ctx.options.churn.contactGapDays;
  return gap === null ? 0 : clamp01((gap - startDays) / (fullDays - startDays));
}

// Detractors (0-6) earn 60-100% of the NPS weight; a drop of 4 or more points earns all of it.
const npsDetractorShare = (nps: number) => (nps <= 6 ? 0.6 + 0.4 * ((6 - nps) / 6) : 0);
const npsDropShare = (c: Customer) =>
  c.nps !== null && c.previousNps !== null && c.previousNps > c.nps ? clamp01((c.previousNps - c.nps) / 4) : 0;

const FACTORS: Record<ChurnFactorName, Factor> = {
  recency: {
    share: (ctx) => {
      if (ctx.alive !== null) return ctx.alive.pNoPurchase;
      const ratio = ctx.daysSinceLast / ctx.rhythm.gapDays;
      return clamp01((ratio - 1) / (ctx.options.lifecycle.churnedAfterGaps - 1));
    },
    say: (ctx, words) => {
      if (ctx.alive !== null) return ctx.alive.text;
      return ctx.rhythm.own
        ? words.recencyOwn(ctx.daysSinceLast, ctx.rhythm.gapDays)
        : words.recencyDefault(ctx.daysSinceLast, purchasesOf(ctx.customer), ctx.rhythm.gapDays);
    },
  },
  orderTrend: {
    share: (ctx) => drop(ctx.customer.recentOrders, ctx.customer.previousOrders),
    say: (ctx, words) => words.orderDrop(ctx.customer.recentOrders ?? 0, ctx.customer.previousOrders ?? 0, ctx.options.periodDays),
  },
  spendTrend: {
    share: (ctx) => drop(ctx.customer.recentSpend, ctx.customer.previousSpend),
    say: (ctx, words) => words.spendDrop(ctx.customer.recentSpend ?? 0, ctx.customer.previousSpend ?? 0, ctx.options.periodDays),
  },
  nps: {
    share: (ctx) => (ctx.customer.nps === null ? null : Math.max(npsDetractorShare(ctx.customer.nps), npsDropShare(ctx.customer))),
    sentence: {
      count: 12 * 12,
      of: (ctx) => sentenceIndex(scoreDigit(ctx.customer.nps, 11), 11, scoreDigit(ctx.customer.previousNps, 11), 11),
    },
    say: (ctx, words) => {
      const { nps, previousNps } = ctx.customer;
      const parts: string[] = [];
      if (npsDropShare(ctx.customer) > 0 && previousNps !== null && nps !== null) parts.push(words.npsDrop(previousNps, nps));
      if (nps !== null && npsDetractorShare(nps) > 0) parts.push(words.npsDetractor(nps));
      return parts.join(words.and);
    },
  },
  satisfaction: {
    // Under 7 of 10 (seed 004 §6.1) earns half the weight, rising to all of it at 0.
    share: (ctx) => {
      const value = ctx.customer.satisfaction;
      if (value === null) return null;
      const outOfTen = value * (10 / ctx.satisfactionScale);
      return outOfTen >= 7 ? 0 : 0.5 + 0.5 * ((7 - outOfTen) / 7);
    },
    sentence: {
      count: 12 * 12,
      of: (ctx) => sentenceIndex(scoreDigit(ctx.customer.satisfaction, 11), 11, scoreDigit(ctx.satisfactionScale, 11), 11),
    },
    say: (ctx, words) => words.lowSatisfaction(ctx.customer.satisfaction ?? 0, ctx.satisfactionScale),
  },
  contact: {
    share: (ctx) => {
      const fell = drop(ctx.customer.recentContacts, ctx.customer.previousContacts);
      if (ctx.customer.lastContact === null && fell === null) return null;
      return Math.max(contactGapShare(ctx), fell ?? 0);
    },
    say: (ctx, words) => {
      const parts: string[] = [];
      const gap = contactGapOf(ctx);
      if (gap !== null && contactGapShare(ctx) > 0) parts.push(words.contactGap(gap));
      const { recentContacts, previousContacts } = ctx.customer;
      if ((drop(recentContacts, previousContacts) ?? 0) > 0) {
        parts.push(words.contactDrop(recentContacts ?? 0, previousContacts ?? 0, ctx.options.periodDays));
      }
      return parts.join(words.and);
    },
  },
  competitor: {
    share: (ctx) => (ctx.customer.askedAboutCompetitor === null ? null : ctx.customer.askedAboutCompetitor ? 1 : 0),
    sentence: { count: 1, of: () => 0 },
    say: (_ctx, words) => words.competitor,
  },
};

/** The factor table in CHURN_FACTORS order, the order in which drivers with equal points are read out. */
const IN_ORDER = CHURN_FACTORS.map((factor, index) => ({ factor, index, judge: FACTORS[factor] }));

/**
 * What one scoring run shares between its customers: the sentences it has said by number (a million
 * customers have a dozen NPS sentences between them), and the work space that ranks drivers.
 */
export interface ChurnRun {
  sentences: SentenceMemory;
  ranking: DriverRanking;
}

export const churnRun = (): ChurnRun => ({
  sentences: new SentenceMemory(IN_ORDER.map(({ judge }) => judge.sentence?.count ?? 0)),
  ranking: new DriverRanking(),
});

/** The run's shared sentence for this driver, when its factor numbers its sentences and has one for these numbers. */
function sharedText(judge: Factor, index: number, ctx: RiskContext, words: ChurnPhrases): string | null {
  const sentence = judge.sentence === undefined ? -1 : judge.sentence.of(ctx);
  if (sentence < 0) return null;
  const { sentences } = ctx.run;
  return sentences.recall(index, sentence) ?? sentences.remember(index, sentence, judge.say(ctx, words));
}

export function churnLevelOf(risk: number, churn: Pick<Options['churn'], 'highAt' | 'mediumAt'>): ChurnLevel {
  if (risk >= churn.highAt) return 'high';
  if (risk >= churn.mediumAt) return 'medium';
  return 'low';
}

export function churnRiskOf(ctx: RiskContext): ChurnRisk {
  const words = CHURN_PHRASES[ctx.options.language];
  const weights = ctx.options.churn.weights;
  const ranking = ctx.run.ranking;
  let notJudged = NO_FACTORS;
  let total = 0;
  // With a purchase model, the order history speaks once, through the model: the order and spend
  // trends come from the same orders, and counting them again scored still-active buyers as leaving
  // (on CDNOW as of 1997-09-30 the AUC fell from 0.76 to 0.63). Their points go to the model's factor.
  const modelled = ctx.alive !== null;
  ranking.start();
  for (let index = 0; index < IN_ORDER.length; index++) {
    const { factor, judge } = IN_ORDER[index] as (typeof IN_ORDER)[number];
    if (modelled && (factor === 'orderTrend' || factor === 'spendTrend')) continue;
    const share = judge.share(ctx);
    if (share === null) {
      notJudged = withFactor(notJudged, factor);
      continue;
    }
    const weight = modelled && factor === 'recency' ? weights.recency + weights.orderTrend + weights.spendTrend : weights[factor];
    // Whole points per driver, so the drivers a user reads add up to the risk they see.
    const points = Math.round(weight * share);
    if (points > 0) {
      const shared = sharedText(judge, index, ctx, words);
      // A text of this customer's own is kept as a slice of the reasons line (driver-ranking.ts).
      ranking.add(factor, points, shared ?? judge.say(ctx, words), shared !== null);
      total += points;
    }
  }
  const churnRisk = Math.min(100, total);
  const reasons = ranking.reasons(notJudged, words);
  return { churnRisk, churnLevel: churnLevelOf(churnRisk, ctx.options.churn), drivers: ranking.drivers(reasons, words), notJudged, reasons };
}
