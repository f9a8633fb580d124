// What the record card shows, as plain data: built from the record's own tierwise_* properties (first
// paint, no backend round trip) and, once it arrives, the backend's answer (follow-up date, drivers one
// by one, purchase-model figures). Words come from core/ (labels, playbooks) and ui/words; the React
// component only lays this out. Also what scripts/card-preview.ts renders for docs/.
import { z } from 'zod';
import { LABELS } from '../../core/labels.ts';
import { playbookFor } from '../../core/playbooks/index.ts';
import { money } from '../../core/churn/phrases.ts';
import { TIERS, type Tier } from '../../core/tiers.ts';
import { SEGMENTS } from '../../core/segments.ts';
import { LIFECYCLE_STAGES } from '../../core/lifecycle-stages.ts';
import { CHURN_LEVELS, type ChurnLevel } from '../../core/churn/levels.ts';
import type { Language } from '../../core/schema/options.ts';
import type { CardAnswer, NotScoredWhy } from './api-schema.ts';
import { WORDS } from './words/index.ts';

/** The record properties the card reads with useCrmProperties (DESIGN.md "HubSpot"). */
export const CARD_PROPERTIES = ['tierwise_tier', 'tierwise_segment', 'tierwise_churn_risk', 'tierwise_churn_level', 'tierwise_lifecycle', 'tierwise_next_action', 'tierwise_reasons', 'tierwise_scored_at'] as const;

// HubSpot answers null or "" for an empty property; a value outside our options (edited by hand) reads as empty.
const optional = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().catch(null);
const RecordPropertiesSchema = z.object({
  tierwise_tier: optional(TIERS),
  tierwise_segment: optional(SEGMENTS),
  tierwise_churn_risk: z.coerce.number().int().min(0).max(100).nullable().catch(null),
  tierwise_churn_level: optional(CHURN_LEVELS),
  tierwise_lifecycle: optional(LIFECYCLE_STAGES),
  tierwise_next_action: z.string().nullable().catch(null),
  tierwise_reasons: z.string().nullable().catch(null),
  tierwise_scored_at: z.string().nullable().catch(null),
});

export type TagVariant = 'default' | 'warning' | 'success' | 'error' | 'info';
export type BarVariant = 'success' | 'warning' | 'danger';

// Presentation only: which colour says what. Which tier or level a customer has is the core's.
const TIER_COLOUR: Record<Tier, TagVariant> = { A: 'success', B: 'info', C: 'default', D: 'warning' };
const LEVEL_COLOUR: Record<ChurnLevel, BarVariant> = { low: 'success', medium: 'warning', high: 'danger' };

export interface CardView {
  tier: { text: string; variant: TagVariant } | null;
  segment: string | null;
  risk: { value: number; text: string; variant: BarVariant } | null;
  /** The churn drivers in words, biggest first. */
  drivers: string[];
  lifecycle: string | null;
  lastScored: string;
  playbook: { title: string; summary: string; steps: string[] } | null;
  retention: { title: string; steps: string[] } | null;
  nextAction: string | null;
  followUpBy: string | null;
  purchase: { label: string; value: string }[] | null;
  notScored: { why: string; todo: string; problems: string[] } | null;
}

const empty = (value: string | null | undefined) => value === null || value === undefined || value.trim() === '';

function formatScoredAt(iso: string | null, language: Language, timeZone: string | undefined): string | null {
  if (empty(iso)) return null;
  // HubSpot datetime properties arrive as ISO strings or as epoch milliseconds.
  const date = /^\d+$/.test(iso as string) ? new Date(Number(iso)) : new Date(iso as string);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}

export interface CardInput {
  properties: Record<string, string | null>;
  answer: CardAnswer | null;
  language: Language;
  timeZone?: string;
}

export function cardView({ properties, answer, language, timeZone }: CardInput): CardView {
  const words = WORDS[language].card;
  const labels = LABELS[language];
  const p = RecordPropertiesSchema.parse(Object.fromEntries(CARD_PROPERTIES.map((name) => [name, empty(properties[name]) ? null : properties[name]])));
  const live = answer?.state === 'scored' ? answer.result : null;
  const tier = live ? live.tier : p.tierwise_tier;
  const segment = live ? live.segment : p.tierwise_segment;
  const churnRisk = live ? live.churnRisk : p.tierwise_churn_risk;
  const churnLevel = live ? live.churnLevel : p.tierwise_churn_level;
  const lifecycle = live ? live.lifecycle : p.tierwise_lifecycle;
  const nextAction = live ? live.nextAction : p.tierwise_next_action;
  const playbook = playbookFor({ tier, lifecycle, churnLevel }, language);
  const drivers = live ? live.drivers.map((d) => d.text) : empty(p.tierwise_reasons) ? [] : [p.tierwise_reasons as string];

  const purchase: CardView['purchase'] = [];
  if (answer?.state === 'scored' && live) {
    if (live.pAlive !== null) purchase.push({ label: words.pAlive, value: `${Math.round(live.pAlive * 100)}%` });
    if (live.expectedPurchases !== null) purchase.push({ label: words.expectedPurchases(answer.horizons.expectedPurchasesDays), value: live.expectedPurchases.toFixed(1) });
    if (live.clv !== null) purchase.push({ label: words.clv(answer.horizons.clvMonths), value: money(live.clv) });
  }

  let notScored: CardView['notScored'] = null;
  if (answer?.state === 'not-scored') {
    const why: NotScoredWhy = answer.why;
    notScored = { ...words.notScored[why], problems: answer.problems.map((x) => words.problem(x.property, x.value, x.expected)) };
  }

  return {
    tier: tier === null ? null : { text: labels.tier[tier], variant: TIER_COLOUR[tier] },
    segment: segment === null ? null : labels.segment[segment],
    risk: churnRisk === null || churnLevel === null ? null : { value: churnRisk, text: words.riskValue(churnRisk, labels.churnLevel[churnLevel]), variant: LEVEL_COLOUR[churnLevel] },
    drivers,
    lifecycle: lifecycle === null ? null : labels.lifecycle[lifecycle],
    lastScored: formatScoredAt(p.tierwise_scored_at, language, timeZone) ?? words.never,
    playbook: playbook.tier === null ? null : { title: words.playbook, summary: playbook.tier.summary, steps: playbook.tier.actions },
    retention: playbook.retention === null ? null : { title: words.retention, steps: playbook.retention },
    nextAction: empty(nextAction) ? null : nextAction,
    followUpBy: live?.followUpBy ?? null,
    purchase: purchase.length === 0 ? null : purchase,
    notScored,
  };
}

/** Whether the record carries any Tierwise value yet (a first paint worth showing before the backend answers). */
export function hasScores(properties: Record<string, string | null>): boolean {
  return !empty(properties['tierwise_tier']) || !empty(properties['tierwise_lifecycle']);
}
