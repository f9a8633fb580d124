import type { Segment } from '../segments.ts';
import type { Tier } from '../tiers.ts';
import type { LifecycleStage } from '../lifecycle-stages.ts';

export interface TierPlaybook {
  /** One line: what this tier is and the stance to take. */
  summary: string;
  /** What to do, in the order to do it. */
  actions: string[];
  /** Days until the next touch when nothing is urgent. */
  followUpDays: number;
}

/** Everything the product tells a user to do, in one language. Data, not branches (STYLE.md). */
export interface Playbooks {
  tiers: Record<Tier, TierPlaybook>;
  /** The next action sentence for a customer of each segment at low or medium churn risk. */
  segmentActions: Record<Segment, string>;
  lifecycle: Record<LifecycleStage, string>;
  retention: { nextAction: string; steps: string[] };
  renewal: (renewalDate: string) => string;
  /** Follow up within this many days at medium churn risk (seed 004 §4.2: "follow up within 3 days"). */
  mediumRiskFollowUpDays: number;
}
