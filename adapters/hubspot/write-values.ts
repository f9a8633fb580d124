// A result → the values of our properties, and which records actually changed.
import type { Result } from '../../core/schema/result.ts';

export type Values = Record<string, string>;

/** Our property values for one result. tierwise_scored_at is left out: it changes every run by nature. */
export function valuesOf(result: Result): Values {
  return {
    tierwise_tier: result.tier ?? '',
    tierwise_segment: result.segment ?? '',
    tierwise_churn_risk: result.churnRisk === null ? '' : String(result.churnRisk),
    tierwise_churn_level: result.churnLevel ?? '',
    tierwise_lifecycle: result.lifecycle ?? '',
    tierwise_next_action: result.nextAction ?? '',
    tierwise_reasons: (result.error ?? result.reasons).slice(0, 65_000),
  };
}

export function changed(current: Values | null, next: Values): boolean {
  if (current === null) return true;
  for (const key of Object.keys(next)) if ((current[key] ?? '') !== next[key]) return true;
  return false;
}
