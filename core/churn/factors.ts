export const CHURN_FACTORS = [
  'recency',
  'orderTrend',
  'spendTrend',
  'nps',
  'satisfaction',
  'contact',
  'competitor',
] as const;
export type ChurnFactorName = (typeof CHURN_FACTORS)[number];
