export const LIFECYCLE_STAGES = ['prospect', 'new', 'active', 'dormant', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
