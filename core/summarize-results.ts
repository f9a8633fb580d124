// summarize: the board of seed 004 §4.2 from a list of results.
import type { Result } from './schema/result.ts';
import type { Language } from './schema/options.ts';
import type { GroupSummary, Share, Summary } from './summarize.ts';
import { SEGMENTS } from './segments.ts';
import { DEFAULT_SEGMENT_TIERS, TIERS, type Tier } from './tiers.ts';
import { LIFECYCLE_STAGES } from './lifecycle-stages.ts';
import { CHURN_LEVELS } from './churn/levels.ts';
import { LABELS } from './labels.ts';

function shares<K extends string>(keys: readonly K[], counts: Map<K, number>, labels: Record<K, string>, of: number): Share<K>[] {
  return keys.map((key) => {
    const count = counts.get(key) ?? 0;
    return { key, label: labels[key], count, share: of === 0 ? 0 : count / of };
  });
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

const isDormant = (r: Result) => r.lifecycle === 'dormant' || r.lifecycle === 'churned';

function groupsOf(results: readonly Result[]): Summary['groups'] {
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

export function summarize(results: readonly Result[], options: { language?: Language } = {}): Summary {
  const labels = LABELS[options.language ?? 'en'];
  const tiers = new Map<Tier, number>();
  const segments = new Map<(typeof SEGMENTS)[number], number>();
  const segmentTier = new Map<(typeof SEGMENTS)[number], Tier>();
  const levels = new Map<(typeof CHURN_LEVELS)[number], number>();
  const stages = new Map<(typeof LIFECYCLE_STAGES)[number], number>();
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
