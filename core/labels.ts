// Words shown to users for the model's values, per language (written in core/i18n/<language>.ts). Values
// themselves (A, "Champions", "high", "dormant") never change with the language; only what hosts display does.
import type { Language } from './schema/options.ts';
import { byLanguage } from './i18n/index.ts';
import type { Segment } from './segments.ts';
import type { Tier, ValueBand } from './tiers.ts';
import type { LifecycleStage } from './lifecycle-stages.ts';
import type { ChurnLevel } from './churn/levels.ts';

export interface Labels {
  tier: Record<Tier, string>;
  segment: Record<Segment, string>;
  churnLevel: Record<ChurnLevel, string>;
  lifecycle: Record<LifecycleStage, string>;
  valueBand: Record<ValueBand, string>;
}

export const LABELS: Record<Language, Labels> = byLanguage((w) => w.labels);

export function labelsFor(language: Language): Labels {
  return LABELS[language];
}
