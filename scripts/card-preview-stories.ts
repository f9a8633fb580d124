// The stories of the card preview (docs/hubspot-card-*.png): real customers of sample/orders.csv scored
// by the core as of 2026-11-01 (purchase models included), shown as the card shows them, in English and
// 简体中文, and the states the card can be in. Deterministic: the test rebuilds them and compares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDelimited } from '../adapters/table/csv.ts';
import { scoreTable } from '../adapters/table/score-table.ts';
import { valuesOf } from '../adapters/hubspot/write-values.ts';
import { mappingFor, readRecord, problemsShown } from '../adapters/hubspot/mapping.ts';
import type { Result } from '../core/schema/result.ts';
import type { Language } from '../core/schema/options.ts';
import { DEFAULT_HORIZONS, type CardAnswer } from '../hubspot-app/ui/api-schema.ts';
import { cardView } from '../hubspot-app/ui/card-view-model.ts';
import type { PreviewStory } from '../hubspot-app/ui/card-preview-html.ts';

const AS_OF = '2026-11-01';
const SCORED_AT = '2026-11-01T03:00:12.000Z';
const TIME_ZONE = 'Europe/Berlin';

function scored(language: Language): Result[] {
  const cells = parseDelimited(readFileSync(join(import.meta.dirname, '..', 'sample', 'orders.csv'), 'utf8'));
  return scoreTable(cells, { kind: 'orders' }, { asOf: AS_OF, language }).rows.map((r) => r.result);
}

const answerOf = (result: Result): CardAnswer => ({ state: 'scored', asOf: AS_OF, horizons: DEFAULT_HORIZONS, result });
const propertiesOf = (result: Result) => ({ ...valuesOf(result), tierwise_scored_at: SCORED_AT });

export function previewStories(): { name: string; story: PreviewStory }[] {
  const en = scored('en');
  const zh = scored('zh-CN');
  // The first customer at high risk with purchase-model figures, and the first core customer at low risk.
  const atRisk = en.findIndex((r) => r.churnLevel === 'high' && r.pAlive !== null && r.tier !== null);
  const core = en.findIndex((r) => r.tier === 'A' && r.churnLevel === 'low');
  if (atRisk < 0 || core < 0) throw new Error('sample/orders.csv no longer has a high-risk and a low-risk core customer to show');
  const story = (name: string, title: string, language: Language, results: Result[], i: number, withAnswer: boolean) => {
    const result = results[i] as Result;
    return { name, story: { title, language, view: cardView({ properties: propertiesOf(result), answer: withAnswer ? answerOf(result) : null, language, timeZone: TIME_ZONE }) } };
  };
  // A record whose spend HubSpot holds as text with a thousands separator: what the card says instead of a score.
  const bad = readRecord('4711', { total_revenue: '1,234.50', recent_deal_close_date: '2026-09-30T00:00:00Z', num_associated_deals: '4' }, mappingFor('contacts'));
  const problems = bad.customer === null ? problemsShown(bad.problems, 'en') : [];
  return [
    story('en', `At risk, scored (${en[atRisk]?.id})`, 'en', en, atRisk, true),
    story('zh-CN', `流失风险 (${zh[atRisk]?.id})`, 'zh-CN', zh, atRisk, true),
    story('first-paint', `Core customer, first paint from the record (${en[core]?.id})`, 'en', en, core, false),
    { name: 'not-scored', story: { title: 'Not scored: unreadable value', language: 'en', view: cardView({ properties: {}, answer: { state: 'not-scored', why: 'unreadable', problems }, language: 'en' }) } },
  ];
}
