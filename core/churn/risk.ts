// Churn risk 0-100 (seed 004 §6.1, seed 003 §8.1): each factor earns up to its weight in points
// (weights add to 100), every point is explained in words, and a factor without data earns nothing.
import type { Customer } from '../schema/customer.ts';
import type { Options } from '../schema/options.ts';
import type { Driver } from '../schema/result.ts';
import type { ChurnLevel } from '../lifecycle-stages.ts';
import type { Rhythm } from '../rhythm.ts';
import type { ChurnFactorName } from './factors.ts';
import { CHURN_PHRASES, type ChurnPhrases } from './phrases.ts';
import { dayNumber } from '../dates.ts';

/** What one factor found: a share of its weight (0-1) with the words for it, or no data. */
type Finding = { fraction: number; text: string } | { fraction: 0; text: null } | null;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

export interface RiskContext {
  customer: Customer;
  daysSinceLast: number;
  rhythm: Rhythm;
  asOfDay: number;
  /** 5 or 10: the satisfaction scale of this batch. */
  satisfactionScale: number;
  /** When purchase models fitted: the probability the customer is still buying, and its words. */
  alive: { pAlive: number; text: string } | null;
  options: Options;
}

export interface ChurnRisk {
  churnRisk: number;
  churnLevel: ChurnLevel;
  drivers: Driver[];
  /** Factors that had no data, by name in the options' language. */
  notJudged: string[];
}

function recency(ctx: RiskContext, say: ChurnPhrases): Finding {
  if (ctx.alive !== null) return { fraction: 1 - ctx.alive.pAlive, text: ctx.alive.text };
  const { daysSinceLast, rhythm, customer } = ctx;
  const ratio = daysSinceLast / rhythm.gapDays;
  const fraction = clamp01((ratio - 1) / (ctx.options.lifecycle.churnedAfterGaps - 1));
  const purchases = customer.purchaseDays ?? customer.orders ?? 1;
  const text = rhythm.own
    ? say.recencyOwn(daysSinceLast, rhythm.gapDays)
    : say.recencyDefault(daysSinceLast, purchases, rhythm.gapDays);
  return { fraction, text };
}

function drop(recent: number | null, previous: number | null): number | null {
  if (recent === null || previous === null) return null;
  if (previous <= 0 || recent >= previous) return 0;
  return (previous - Math.max(recent, 0)) / previous;
}

function orderTrend(ctx: RiskContext, say: ChurnPhrases): Finding {
  const { recentOrders, previousOrders } = ctx.customer;
  const fraction = drop(recentOrders, previousOrders);
  if (fraction === null) return null;
  if (fraction === 0) return { fraction: 0, text: null };
  return { fraction, text: say.orderDrop(recentOrders ?? 0, previousOrders ?? 0, ctx.options.periodDays) };
}

function spendTrend(ctx: RiskContext, say: ChurnPhrases): Finding {
  const { recentSpend, previousSpend } = ctx.customer;
  const fraction = drop(recentSpend, previousSpend);
  if (fraction === null) return null;
  if (fraction === 0) return { fraction: 0, text: null };
  return { fraction, text: say.spendDrop(recentSpend ?? 0, previousSpend ?? 0, ctx.options.periodDays) };
}

function nps(ctx: RiskContext, say: ChurnPhrases): Finding {
  const { nps: score, previousNps } = ctx.customer;
  if (score === null) return null;
  // Detractors (0-6) earn 60-100% of the weight; a drop of 4 or more points earns it all.
  const detractor = score <= 6 ? 0.6 + 0.4 * ((6 - score) / 6) : 0;
  const fell = previousNps !== null && previousNps > score ? clamp01((previousNps - score) / 4) : 0;
  if (detractor === 0 && fell === 0) return { fraction: 0, text: null };
  const texts = [fell > 0 && previousNps !== null ? say.npsDrop(previousNps, score) : null, detractor > 0 ? say.npsDetractor(score) : null];
  return { fraction: Math.max(detractor, fell), text: texts.filter((t) => t !== null).join(say.and) };
}

function satisfaction(ctx: RiskContext, say: ChurnPhrases): Finding {
  const value = ctx.customer.satisfaction;
  if (value === null) return null;
  const outOfTen = value * (10 / ctx.satisfactionScale);
  if (outOfTen >= 7) return { fraction: 0, text: null };
  // Under 7 of 10 (seed 004 §6.1) earns half the weight, rising to all of it at 0.
  return { fraction: 0.5 + 0.5 * ((7 - outOfTen) / 7), text: say.lowSatisfaction(value, ctx.satisfactionScale) };
}

function contact(ctx: RiskContext, say: ChurnPhrases): Finding {
  const { lastContact, recentContacts, previousContacts } = ctx.customer;
  const [startDays, fullDays] = ctx.options.churn.contactGapDays;
  const gapDays = lastContact === null ? null : ctx.asOfDay - dayNumber(lastContact);
  const fell = drop(recentContacts, previousContacts);
  if (gapDays === null && fell === null) return null;
  const fromGap = gapDays === null ? 0 : clamp01((gapDays - startDays) / (fullDays - startDays));
  const fromDrop = fell ?? 0;
  if (fromGap === 0 && fromDrop === 0) return { fraction: 0, text: null };
  const texts = [
    fromGap > 0 && gapDays !== null ? say.contactGap(gapDays) : null,
    fromDrop > 0 ? say.contactDrop(recentContacts ?? 0, previousContacts ?? 0, ctx.options.periodDays) : null,
  ];
  return { fraction: Math.max(fromGap, fromDrop), text: texts.filter((t) => t !== null).join(say.and) };
}

function competitor(ctx: RiskContext, say: ChurnPhrases): Finding {
  const asked = ctx.customer.askedAboutCompetitor;
  if (asked === null) return null;
  return asked ? { fraction: 1, text: say.competitor } : { fraction: 0, text: null };
}

const FACTORS: Record<ChurnFactorName, (ctx: RiskContext, say: ChurnPhrases) => Finding> = {
  recency,
  orderTrend,
  spendTrend,
  nps,
  satisfaction,
  contact,
  competitor,
};

export function churnLevelOf(risk: number, churn: Options['churn']): ChurnLevel {
  if (risk >= churn.highAt) return 'high';
  if (risk >= churn.mediumAt) return 'medium';
  return 'low';
}

export function churnRiskOf(ctx: RiskContext): ChurnRisk {
  const say = CHURN_PHRASES[ctx.options.language];
  const weights = ctx.options.churn.weights;
  const drivers: Driver[] = [];
  const notJudged: string[] = [];
  let total = 0;
  for (const [factor, judge] of Object.entries(FACTORS) as [ChurnFactorName, (typeof FACTORS)[ChurnFactorName]][]) {
    const finding = judge(ctx, say);
    if (finding === null) {
      notJudged.push(say.factorName[factor]);
      continue;
    }
    // Whole points per driver, so the drivers a user reads add up to the risk they see.
    const points = Math.round(weights[factor] * finding.fraction);
    if (points > 0 && finding.text !== null) {
      drivers.push({ factor, points, text: finding.text });
      total += points;
    }
  }
  drivers.sort((a, b) => b.points - a.points);
  const churnRisk = Math.min(100, total);
  return { churnRisk, churnLevel: churnLevelOf(churnRisk, ctx.options.churn), drivers, notJudged };
}

export function reasonsText(risk: ChurnRisk, language: Options['language']): string {
  const say = CHURN_PHRASES[language];
  const parts = risk.drivers.map((d) => `${d.text} (+${d.points})`);
  if (parts.length === 0) parts.push(say.noWarning);
  if (risk.notJudged.length > 0) parts.push(say.notJudged(risk.notJudged));
  return parts.join(say.join);
}
