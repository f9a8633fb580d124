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

/**
 * What a driver can be about: the hand-set factors, and the learned model's (learned/features.ts),
 * which also weighs how often and how much a customer buys, the purchase model and their season.
 */
export const DRIVER_FACTORS = [...CHURN_FACTORS, 'frequency', 'spend', 'purchaseModel', 'season'] as const;
export type DriverFactorName = (typeof DRIVER_FACTORS)[number];
