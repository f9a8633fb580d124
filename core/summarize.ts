// summarize: the board of seed 004 §4.2 from a list of results: tier shares, repurchase rate,
// dormant count, revenue at risk, by region or owner. Its shape first, then how it is counted.
import type { Result } from './schema/result.ts';
import type { Language } from './schema/options.ts';
import { SEGMENTS, type Segment } from './segments.ts';
import { DEFAULT_SEGMENT_TIERS, TIERS, type Tier } from './tiers.ts';
import { LIFECYCLE_STAGES, type LifecycleStage } from './lifecycle-stages.ts';
import { CHURN_LEVELS, type ChurnLevel } from './churn/levels.ts';
import { LABELS } from './labels.ts';

export interface Share<K extends string> {
  key: K;
  label: string;
  count: number;
  /** count / scored customers, 0-1 (0 when nothing was scored). */
  share: number;
}

export interface GroupSummary {
  name: string;
  customers: number;
  byTier: Record<Tier, number>;
  dormant: number;
  highRisk: number;
  atRiskRevenue: number;
}

export interface Summary {
  /** Every customer handed in, scored or not. */
  customers: number;
  scored: number;
  prospects: number;
  errors: number;
  byTier: Share<Tier>[];
  bySegment: (Share<Segment> & { tier: Tier })[];
  byChurnLevel: Share<ChurnLevel>[];
  byLifecycle: Share<LifecycleStage>[];
  /** Share of scored customers with two or more orders; null when order counts are unknown. */
  repurchaseRate: number | null;
  /** Customers whose lifecycle is dormant or churned. */
  dormant: number;
  /** Total spend of the customers at high churn risk. */
  atRiskRevenue: number;
  /** Per tier, the sum of each customer's lifetime value (purchase models) times their chance of no longer buying (1 − P(alive)); null without a model fit. */
  expectedRevenueAtRiskByTier: Record<Tier, number> | null;
  /** Per region (or owner when there is no region), when the data has one. */
  groups: { by: 'region' | 'owner'; rows: GroupSummary[] } | null;
}

/** What the summary reads of each result (hosts that keep results elsewhere, e.g. on worker threads, hand in only this). */
export type SummaryFacts = Pick<Result, 'error' | 'lifecycle' | 'tier' | 'segment' | 'churnLevel' | 'totalSpend' | 'orders' | 'clv' | 'pAlive' | 'region' | 'owner'>;

function shares<K extends string>(keys: readonly K[], counts: Map<K, number>, labels: Record<K, string>, of: number): Share<K>[] {
  return keys.map((key) => {
    const count = counts.get(key) ?? 0;
    return { key, label: labels[key], count, share: of === 0 ? 0 : count / of };
  });
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

const isDormant = (r: SummaryFacts) => r.lifecycle === 'dormant' || r.lifecycle === 'churned';

function groupsOf(results: readonly SummaryFacts[]): Summary['groups'] {
  const by = results.some((r) => r.region) ? 'region' : results.some((r) => r.owner) ? 'owner' : null;
  if (by === null) return null;
  const groups = new Map<string, GroupSummary>();
  for (const r of results) {
    if (r.error !== null) continue;
    const name = (by === 'region' ? r.region : r.owner) || '(none)';
    let g = groups.get(name);
    if (g === undefined) {
      g = { name, customers: 0, byTier: { A: 0, B: 0, C: 0, D: 0 }, dormant: 0, highRisk: 0, atRiskRevenue: 0 };
      groups.set(name, g);
    }
    g.customers++;
    if (r.tier !== null) g.byTier[r.tier]++;
    if (isDormant(r)) g.dormant++;
    if (r.churnLevel === 'high') {
      g.highRisk++;
      g.atRiskRevenue += r.totalSpend ?? 0;
    }
  }
  const rows = [...groups.values()].sort((a, b) => b.customers - a.customers || a.name.localeCompare(b.name));
  return { by, rows };
}

export function summarize(results: readonly SummaryFacts[], options: { language?: Language } = {}): Summary {
  const labels = LABELS[options.language ?? 'en'];
  const tiers = new Map<Tier, number>();
  const segments = new Map<Segment, number>();
  const segmentTier = new Map<Segment, Tier>();
  const levels = new Map<ChurnLevel, number>();
  const stages = new Map<LifecycleStage, number>();
  let scored = 0;
  let prospects = 0;
  let errors = 0;
  let dormant = 0;
  let atRiskRevenue = 0;
  let withOrders = 0;
  let repeaters = 0;
  let anyModel = false;
  const expectedAtRisk: Record<Tier, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const r of results) {
    if (r.error !== null) {
      errors++;
      continue;
    }
    if (r.lifecycle !== null) bump(stages, r.lifecycle);
    if (r.tier === null) {
      prospects++;
      continue;
    }
    scored++;
    bump(tiers, r.tier);
    if (r.segment !== null) {
      bump(segments, r.segment);
      segmentTier.set(r.segment, r.tier);
    }
    if (r.churnLevel !== null) bump(levels, r.churnLevel);
    if (isDormant(r)) dormant++;
    if (r.churnLevel === 'high') atRiskRevenue += r.totalSpend ?? 0;
    if (r.orders !== null) {
      withOrders++;
      if (r.orders >= 2) repeaters++;
    }
    if (r.clv !== null && r.pAlive !== null) {
      anyModel = true;
      expectedAtRisk[r.tier] += r.clv * (1 - r.pAlive);
    }
  }
  return {
    customers: results.length,
    scored,
    prospects,
    errors,
    byTier: shares(TIERS, tiers, labels.tier, scored),
    bySegment: shares(SEGMENTS, segments, labels.segment, scored).map((s) => ({ ...s, tier: segmentTier.get(s.key) ?? DEFAULT_SEGMENT_TIERS[s.key] })),
    byChurnLevel: shares(CHURN_LEVELS, levels, labels.churnLevel, scored),
    byLifecycle: shares(LIFECYCLE_STAGES, stages, labels.lifecycle, results.length - errors),
    repurchaseRate: withOrders === 0 ? null : repeaters / withOrders,
    dormant,
    atRiskRevenue: Math.round(atRiskRevenue * 100) / 100,
    expectedRevenueAtRiskByTier: anyModel ? expectedAtRisk : null,
    groups: groupsOf(results),
  };
}
