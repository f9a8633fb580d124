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

/** Per region or owner name, the scored customers' counts (only the one the summary shows is kept at the end). */
class Groups {
  readonly rows = new Map<string, GroupSummary>();

  add(name: string, r: SummaryFacts): void {
    let g = this.rows.get(name);
    if (g === undefined) {
      g = { name, customers: 0, byTier: { A: 0, B: 0, C: 0, D: 0 }, dormant: 0, highRisk: 0, atRiskRevenue: 0 };
      this.rows.set(name, g);
    }
    g.customers++;
    if (r.tier !== null) g.byTier[r.tier]++;
    if (isDormant(r)) g.dormant++;
    if (r.churnLevel === 'high') {
      g.highRisk++;
      g.atRiskRevenue += r.totalSpend ?? 0;
    }
  }

  sorted(): GroupSummary[] {
    return [...this.rows.values()].sort((a, b) => b.customers - a.customers || a.name.localeCompare(b.name));
  }
}

/**
 * The summary counted one result at a time, so a host scoring in ranges can drop each range's results
 * once written (a million results held until the end cost ~2.5 GB). Results must come in the order
 * the summary would read the list: sums of money are added in that order.
 */
export class SummaryTally {
  private readonly language: Language;
  private readonly tiers = new Map<Tier, number>();
  private readonly segments = new Map<Segment, number>();
  private readonly segmentTier = new Map<Segment, Tier>();
  private readonly levels = new Map<ChurnLevel, number>();
  private readonly stages = new Map<LifecycleStage, number>();
  private customers = 0;
  private scored = 0;
  private prospects = 0;
  private errors = 0;
  private dormant = 0;
  private atRiskRevenue = 0;
  private withOrders = 0;
  private repeaters = 0;
  private anyModel = false;
  private readonly expectedAtRisk: Record<Tier, number> = { A: 0, B: 0, C: 0, D: 0 };
  // Groups by region when any result names one, else by owner: which is known only at the end, so both are counted.
  private anyRegion = false;
  private anyOwner = false;
  private readonly byRegion = new Groups();
  private readonly byOwner = new Groups();

  constructor(options: { language?: Language } = {}) {
    this.language = options.language ?? 'en';
  }

  add(r: SummaryFacts): void {
    this.customers++;
    if (r.region) this.anyRegion = true;
    if (r.owner) this.anyOwner = true;
    if (r.error !== null) {
      this.errors++;
      return;
    }
    this.byRegion.add(r.region || '(none)', r);
    this.byOwner.add(r.owner || '(none)', r);
    if (r.lifecycle !== null) bump(this.stages, r.lifecycle);
    if (r.tier === null) {
      this.prospects++;
      return;
    }
    this.scored++;
    bump(this.tiers, r.tier);
    if (r.segment !== null) {
      bump(this.segments, r.segment);
      this.segmentTier.set(r.segment, r.tier);
    }
    if (r.churnLevel !== null) bump(this.levels, r.churnLevel);
    if (isDormant(r)) this.dormant++;
    if (r.churnLevel === 'high') this.atRiskRevenue += r.totalSpend ?? 0;
    if (r.orders !== null) {
      this.withOrders++;
      if (r.orders >= 2) this.repeaters++;
    }
    if (r.clv !== null && r.pAlive !== null) {
      this.anyModel = true;
      this.expectedAtRisk[r.tier] += r.clv * (1 - r.pAlive);
    }
  }

  summary(): Summary {
    const labels = LABELS[this.language];
    const scored = this.scored;
    const by = this.anyRegion ? 'region' : this.anyOwner ? 'owner' : null;
    return {
      customers: this.customers,
      scored,
      prospects: this.prospects,
      errors: this.errors,
      byTier: shares(TIERS, this.tiers, labels.tier, scored),
      bySegment: shares(SEGMENTS, this.segments, labels.segment, scored).map((s) => ({ ...s, tier: this.segmentTier.get(s.key) ?? DEFAULT_SEGMENT_TIERS[s.key] })),
      byChurnLevel: shares(CHURN_LEVELS, this.levels, labels.churnLevel, scored),
      byLifecycle: shares(LIFECYCLE_STAGES, this.stages, labels.lifecycle, this.customers - this.errors),
      repurchaseRate: this.withOrders === 0 ? null : this.repeaters / this.withOrders,
      dormant: this.dormant,
      atRiskRevenue: Math.round(this.atRiskRevenue * 100) / 100,
      expectedRevenueAtRiskByTier: this.anyModel ? { ...this.expectedAtRisk } : null,
      groups: by === null ? null : { by, rows: (by === 'region' ? this.byRegion : this.byOwner).sorted() },
    };
  }
}

export function summarize(results: readonly SummaryFacts[], options: { language?: Language } = {}): Summary {
  const tally = new SummaryTally(options);
  for (const r of results) tally.add(r);
  return tally.summary();
}
