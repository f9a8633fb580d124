export const LIFECYCLE_STAGES = ['prospect', 'new', 'active', 'dormant', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const CHURN_LEVELS = ['low', 'medium', 'high'] as const;
export type ChurnLevel = (typeof CHURN_LEVELS)[number];
