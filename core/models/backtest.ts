// How well the scores would have ranked what happened next: scores as of a past date against the
// purchases after it. Pure: the command line gathers the orders, this does the arithmetic.
import { TIERS, type Tier } from '../tiers.ts';

/**
 * Area under the ROC curve of `score` for `positive` (Mann–Whitney U with average ranks for ties):
 * the chance a random positive scores above a random negative. 0.5 is a coin toss.
 */
export function auc(scores: readonly number[], positive: readonly boolean[]): number | null {
  const order = scores.map((s, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  const ranks = new Float64Array(scores.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = rank;
    i = j + 1;
  }
  let positives = 0;
  let rankSum = 0;
  positive.forEach((p, i) => {
    if (p) {
      positives++;
      rankSum += ranks[i] as number;
    }
  });
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface Outcome {
  /** Purchase days in the horizon after the as-of date. */
  purchases: number;
  revenue: number;
}

export interface BacktestCustomer {
  id: string;
  /** The customer's result as of the as-of date: its churn risk (0-100) and tier, null when not scored. */
  churnRisk: number | null;
  tier: Tier | null;
  /** Days since the last purchase at the as-of date. */
  daysSinceLast: number;
  /** BG/NBD expected purchases over the horizon, when the model fitted. */
  expectedPurchases: number | null;
  outcome: Outcome;
}

export interface TierOutcome {
  tier: Tier;
  customers: number;
  predictedPurchases: number | null;
  actualPurchases: number;
  /** Share of all revenue in the horizon that this tier's customers produced. */
  revenueShare: number;
  /** Share of the tier's customers who bought nothing in the horizon. */
  churned: number;
}

export interface BacktestReport {
  customers: number;
  churners: number;
  auc: { churnRisk: number | null; recency: number | null; expectedPurchases: number | null };
  byTier: TierOutcome[];
}

export function evaluateBacktest(customers: readonly BacktestCustomer[]): BacktestReport {
  const scored = customers.filter((c) => c.churnRisk !== null && c.tier !== null);
  const churned = scored.map((c) => c.outcome.purchases === 0);
  const withModel = scored.filter((c) => c.expectedPurchases !== null);
  const totalRevenue = scored.reduce((s, c) => s + c.outcome.revenue, 0);
  const byTier = TIERS.map((tier) => {
    const group = scored.filter((c) => c.tier === tier);
    return {
      tier,
      customers: group.length,
      predictedPurchases: withModel.length === scored.length ? group.reduce((s, c) => s + (c.expectedPurchases ?? 0), 0) : null,
      actualPurchases: group.reduce((s, c) => s + c.outcome.purchases, 0),
      revenueShare: totalRevenue === 0 ? 0 : group.reduce((s, c) => s + c.outcome.revenue, 0) / totalRevenue,
      churned: group.length === 0 ? 0 : group.filter((c) => c.outcome.purchases === 0).length / group.length,
    };
  });
  return {
    customers: scored.length,
    churners: churned.filter(Boolean).length,
    auc: {
      churnRisk: auc(scored.map((c) => c.churnRisk as number), churned),
      recency: auc(scored.map((c) => c.daysSinceLast), churned),
      // Fewer expected purchases should mean more likely to churn, so the score is negated.
      expectedPurchases: withModel.length === scored.length ? auc(scored.map((c) => -(c.expectedPurchases as number)), churned) : null,
    },
    byTier,
  };
}
