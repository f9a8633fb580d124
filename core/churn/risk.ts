// Churn risk 0-100 (seed 004 §6.1, seed 003 §8.1): each factor earns up to its weight in points
// (weights add to 100), every point is explained in words, and a factor without data earns nothing.
import type { Customer } from '../schema/customer.ts';
import type { Options } from '../schema/options.ts';
import type { Driver } from '../schema/result.ts';
import type { ChurnLevel } from './levels.ts';
import type { Rhythm } from '../rhythm.ts';
import { CHURN_FACTORS, type ChurnFactorName } from './factors.ts';
import { CHURN_PHRASES, type ChurnPhrases } from './phrases.ts';
import { dayNumber } from '../dates.ts';
import { flat } from '../flat-string.ts';

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
  /** The few-numbers sentences this scoring run has said (sentenceMemory()), shared by all its customers. */
  said: SentenceMemory;
}

export interface ChurnRisk {
  churnRisk: number;
  churnLevel: ChurnLevel;
  drivers: Driver[];
  /** Factors that had no data, as a bit set over CHURN_FACTORS (bit i = CHURN_FACTORS[i]). */
  notJudged: number;
  /** Drivers whose text was made for this customer alone (not from the run's memory), same bit set. */
  ownTexts: number;
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

/** Shared by every customer without a driver: most of a healthy book, and a million arrays saved. */
const NO_DRIVERS: Driver[] = Object.freeze([]) as unknown as Driver[];

/** Where churnRiskOf collects a customer's drivers (at most one per factor) before it copies them out. */
const found: Driver[] = new Array<Driver>(CHURN_FACTORS.length);

/** The first `count` drivers found, as an array of exactly that length (results keep a million of them). */
function driversOf(count: number): Driver[] {
  if (count === 0) return NO_DRIVERS;
  if (count === 1) return [found[0] as Driver];
  if (count === 2) return [found[0] as Driver, found[1] as Driver];
  return found.slice(0, count);
}

const FACTOR_LIST = CHURN_FACTORS.map((factor, index) => ({ factor, judge: FACTORS[factor], bit: 1 << index, index }));
const BIT_OF = Object.fromEntries(FACTOR_LIST.map(({ factor, bit }) => [factor, bit])) as Record<ChurnFactorName, number>;

/**
 * Per factor, the sentences one scoring run has said, by `sentence.of`: a million customers have a
 * dozen different NPS sentences between them, and keep one copy of each rather than one each.
 */
export type SentenceMemory = (string | undefined)[][];
export const sentenceMemory = (): SentenceMemory =>
  FACTOR_LIST.map(({ judge }) => new Array<string | undefined>(judge.sentence?.count ?? 0).fill(undefined));

/** The driver's text, from the run's memory when the factor numbers its sentences; null when made afresh is needed. */
function rememberedSentence(judge: Factor, ctx: RiskContext, words: ChurnPhrases, memory: (string | undefined)[]): string | null {
  const index = judge.sentence === undefined ? -1 : judge.sentence.of(ctx);
  if (index < 0) return null;
  return (memory[index] ??= flat(judge.say(ctx, words)));
}

export function churnLevelOf(risk: number, churn: Options['churn']): ChurnLevel {
  if (risk >= churn.highAt) return 'high';
  if (risk >= churn.mediumAt) return 'medium';
  return 'low';
}

export function churnRiskOf(ctx: RiskContext): ChurnRisk {
  const say = CHURN_PHRASES[ctx.options.language];
  const weights = ctx.options.churn.weights;
  let notJudged = 0;
  let ownTexts = 0;
  let count = 0; // drivers so far, in `found` biggest first
  let total = 0;
  // With a purchase model, the order history speaks once, through the model: the order and spend
  // trends come from the same orders, and counting them again scored still-active buyers as leaving
  // (on CDNOW as of 1997-09-30 the AUC fell from 0.76 to 0.63). Their points go to the model's factor.
  const modelled = ctx.alive !== null;
  for (let f = 0; f < FACTOR_LIST.length; f++) {
    const { factor, judge, bit, index } = FACTOR_LIST[f] as (typeof FACTOR_LIST)[number];
    if (modelled && (factor === 'orderTrend' || factor === 'spendTrend')) continue;
    const share = judge.share(ctx);
    if (share === null) {
      notJudged |= bit;
      continue;
    }
    const weight = modelled && factor === 'recency' ? weights.recency + weights.orderTrend + weights.spendTrend : weights[factor];
    // Whole points per driver, so the drivers a user reads add up to the risk they see.
    const points = Math.round(weight * share);
    if (points > 0) {
      let text = rememberedSentence(judge, ctx, say, ctx.said[index] as (string | undefined)[]);
      if (text === null) {
        text = judge.say(ctx, say);
        ownTexts |= bit;
      }
      // Biggest first, and in factor order among equals: placed as found rather than sorted after
      // (Array.prototype.sort allocates its own work space on every call, even for two drivers).
      let at = count++;
      while (at > 0 && (found[at - 1] as Driver).points < points) {
        found[at] = found[at - 1] as Driver;
        at--;
      }
      found[at] = { factor, points, text };
      total += points;
    }
  }
  const drivers = driversOf(count);
  const churnRisk = Math.min(100, total);
  return { churnRisk, churnLevel: churnLevelOf(churnRisk, ctx.options.churn), drivers, notJudged, ownTexts };
}

/**
 * A sentence per language and per set of unjudged factors (a bit set), made once: most customers of
 * one table lack the same factors, so a million results share a handful of these strings.
 */
function saidOnce(make: (key: number, say: ChurnPhrases) => string): (key: number, say: ChurnPhrases) => string {
  const cache = new Map<ChurnPhrases, Map<number, string>>();
  return (key, say) => {
    let byKey = cache.get(say);
    if (byKey === undefined) cache.set(say, (byKey = new Map()));
    let text = byKey.get(key);
    if (text === undefined) byKey.set(key, (text = flat(make(key, say))));
    return text;
  };
}

/** "not judged for lack of data: NPS, contact" */
const notJudgedText = saidOnce((key, say) =>
  say.notJudged(CHURN_FACTORS.filter((_, bit) => (key & (1 << bit)) !== 0).map((f) => say.factorName[f])),
);
/** "; not judged for lack of data: NPS", as it follows the drivers. */
const notJudgedTail = saidOnce((key, say) => say.join + notJudgedText(key, say));
/** "no warning signs; not judged for lack of data: NPS" */
const noWarningText = saidOnce((key, say) => say.noWarning + say.join + notJudgedText(key, say));

/** " (+40)": a driver's points as the reasons line shows them, made once. */
const POINTS = Array.from({ length: 101 }, (_, points) => ` (+${points})`);
const pointsText = (points: number) => POINTS[points] ?? ` (+${points})`;

/**
 * The reasons line: each driver with its points, then the factors that could not be judged.
 * Built as one flat string, and each driver text made for this customer alone becomes a slice of
 * it: a million results then keep one string of text each instead of a rope of pieces (see
 * flat-string.ts). Texts from the run's memory stay shared.
 */
export function reasonsText(risk: ChurnRisk, language: Options['language']): string {
  const say = CHURN_PHRASES[language];
  const { drivers } = risk;
  if (drivers.length === 0) return risk.notJudged === 0 ? say.noWarning : noWarningText(risk.notJudged, say);
  let text = '';
  for (let i = 0; i < drivers.length; i++) {
    const d = drivers[i] as Driver;
    text += (i === 0 ? '' : say.join) + d.text + pointsText(d.points);
  }
  if (risk.notJudged !== 0) text += notJudgedTail(risk.notJudged, say);
  text = flat(text);
  let at = 0;
  for (let i = 0; i < drivers.length; i++) {
    const d = drivers[i] as Driver;
    const length = d.text.length;
    if ((risk.ownTexts & (BIT_OF[d.factor as ChurnFactorName] ?? 0)) !== 0) d.text = text.slice(at, at + length);
    at += length + pointsText(d.points).length + say.join.length;
  }
  return text;
}
