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

/** The properties `valuesOf` fills: what a record's written state is made of. */
export const VALUE_KEYS = ['tierwise_tier', 'tierwise_segment', 'tierwise_churn_risk', 'tierwise_churn_level', 'tierwise_lifecycle', 'tierwise_next_action', 'tierwise_reasons'] as const;

/**
 * Tierwise's values as HubSpot holds them on a record read back (null and "" alike: HubSpot answers
 * null for a cleared value), or null when it holds none of them (never written, or all cleared).
 */
export function heldValues(properties: Record<string, string | null>): Values | null {
  const held: Values = {};
  let any = false;
  for (const key of VALUE_KEYS) {
    const value = properties[key] ?? '';
    held[key] = value;
    if (value !== '') any = true;
  }
  return any ? held : null;
}

/** Churn risk moves a point every few days as time passes; smaller moves than this are not written. */
export const RISK_STEP = 5;

/**
 * Whether a record needs writing. Tier, segment, churn level, lifecycle and next action are compared
 * exactly; churn risk when it moved by RISK_STEP or more; the reasons ride along with any write but do
 * not cause one ("no order for 94 days" becomes 95 every day for everyone, and rewriting every record
 * daily would cost a full sync's requests and fire every workflow that watches the properties).
 */
export function changed(current: Values | null, next: Values): boolean {
  if (current === null) return true;
  for (const key of ['tierwise_tier', 'tierwise_segment', 'tierwise_churn_level', 'tierwise_lifecycle', 'tierwise_next_action']) {
    if ((current[key] ?? '') !== (next[key] ?? '')) return true;
  }
  const before = current['tierwise_churn_risk'] ?? '';
  const after = next['tierwise_churn_risk'] ?? '';
  if ((before === '') !== (after === '')) return true;
  return before !== '' && Math.abs(Number(before) - Number(after)) >= RISK_STEP;
}
