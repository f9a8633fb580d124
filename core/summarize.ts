// The board of seed 004 §4.2: tier shares, repurchase rate, dormant count, revenue at risk, by region or owner.
import type { Result } from './schema/result.ts';
import type { Segment } from './segments.ts';
import type { Tier } from './tiers.ts';
import type { LifecycleStage } from './lifecycle-stages.ts';
import type { ChurnLevel } from './churn/levels.ts';
import type { Language } from './schema/options.ts';

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

export type Summarize = (results: readonly Result[], options?: { language?: Language }) => Summary;
