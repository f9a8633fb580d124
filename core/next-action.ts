// Next action and follow-up date (seed 004 §1.2, §4.2, §6.2): high risk gets the retention
// playbook within 24 hours; a renewal inside its reminder window comes next; otherwise the segment's
// action at the tier's cadence, sooner at medium risk.
import type { Customer } from './schema/customer.ts';
import type { Options } from './schema/options.ts';
import type { Segment } from './segments.ts';
import type { Tier } from './tiers.ts';
import type { LifecycleStage } from './lifecycle-stages.ts';
import type { ChurnLevel } from './churn/levels.ts';
import { PLAYBOOKS } from './playbooks/index.ts';
import { dayNumber, isoFromDayNumber } from './dates.ts';

export interface NextAction {
  nextAction: string;
  followUpBy: string;
}

export interface NextActionInput {
  customer: Customer;
  tier: Tier | null;
  segment: Segment | null;
  churnLevel: ChurnLevel | null;
  lifecycle: LifecycleStage;
  asOfDay: number;
}

export function nextActionOf(input: NextActionInput, options: Options): NextAction {
  const playbooks = PLAYBOOKS[options.language];
  const { asOfDay, customer, tier, segment, churnLevel } = input;
  if (churnLevel === 'high') {
    return { nextAction: playbooks.retention.nextAction, followUpBy: isoFromDayNumber(asOfDay + 1) };
  }
  const cadence = tier === null ? playbooks.tiers.B.followUpDays : playbooks.tiers[tier].followUpDays;
  // "Can't lose" (dormant but high value) is the most urgent save after high risk (DOMAIN.md).
  const urgent = churnLevel === 'medium' || segment === "Can't lose";
  const days = urgent ? Math.min(cadence, playbooks.mediumRiskFollowUpDays) : cadence;
  const usualDay = asOfDay + days;
  if (customer.renewalDate !== null) {
    const renewalDay = dayNumber(customer.renewalDate);
    const reminderDay = renewalDay - options.renewalReminderDays;
    if (renewalDay >= asOfDay && reminderDay <= usualDay) {
      return {
        nextAction: playbooks.renewal(customer.renewalDate),
        followUpBy: isoFromDayNumber(Math.max(asOfDay, reminderDay)),
      };
    }
  }
  const action = segment === null ? playbooks.lifecycle[input.lifecycle] : playbooks.segmentActions[segment];
  return { nextAction: action, followUpBy: isoFromDayNumber(usualDay) };
}
