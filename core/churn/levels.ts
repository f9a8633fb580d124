// Churn levels, low to high: the words churn risk is read out in (thresholds in options.churn).
export const CHURN_LEVELS = ['low', 'medium', 'high'] as const;
export type ChurnLevel = (typeof CHURN_LEVELS)[number];
