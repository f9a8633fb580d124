// Lifecycle stage (seed 002 §1, seed 003 §10): prospect → new → active → dormant → churned,
// judged against the customer's own rhythm (dormant after 2 usual gaps, churned after 3 by default).
import type { Customer } from './schema/customer.ts';
import type { Options } from './schema/options.ts';
import type { LifecycleStage } from './lifecycle-stages.ts';
import type { Rhythm } from './rhythm.ts';
import type { PurchaseDays } from './purchase-days.ts';

export function lifecycleOf(
  customer: Customer,
  days: PurchaseDays,
  daysSinceLast: number | null,
  rhythm: Rhythm,
  asOfDay: number,
  options: Options['lifecycle'],
): LifecycleStage {
  if (daysSinceLast === null) return 'prospect';
  if (daysSinceLast > rhythm.gapDays * options.churnedAfterGaps) return 'churned';
  if (daysSinceLast > rhythm.gapDays * options.dormantAfterGaps) return 'dormant';
  const purchases = customer.purchaseDays ?? customer.orders ?? 1;
  const daysSinceFirst = Number.isNaN(days.first) ? null : asOfDay - days.first;
  const isNew = daysSinceFirst === null ? purchases <= 1 : daysSinceFirst <= options.newCustomerDays;
  return isNew ? 'new' : 'active';
}
