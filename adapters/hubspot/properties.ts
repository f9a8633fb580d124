// The properties Tierwise owns in HubSpot (DESIGN.md), created idempotently in the `tierwise` group.
// It never changes or writes a property it did not create, and refuses to run over a same-named
// property of another type.
import { z } from 'zod';
import { LABELS } from '../../core/labels.ts';
import { SEGMENTS } from '../../core/segments.ts';
import { TIERS } from '../../core/tiers.ts';
import { CHURN_LEVELS, LIFECYCLE_STAGES } from '../../core/lifecycle-stages.ts';
import type { Language } from '../../core/schema/options.ts';
import { paths, PropertiesResponseSchema, type ObjectType } from './api.ts';
import type { Transport } from './transport.ts';

export const GROUP = 'tierwise';

export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'enumeration' | 'number' | 'string' | 'datetime';
  fieldType: 'select' | 'number' | 'text' | 'textarea' | 'date';
  options?: { label: string; value: string; displayOrder: number }[];
}

const enumeration = <V extends string>(values: readonly V[], label: (v: V) => string) =>
  values.map((value, displayOrder) => ({ value, label: label(value), displayOrder }));

/** Our properties, with option labels in the portal's language. */
export function definitions(language: Language): PropertyDefinition[] {
  const l = LABELS[language];
  const zh = language === 'zh-CN';
  return [
    { name: 'tierwise_tier', label: zh ? 'Tierwise 客户分层' : 'Tierwise tier', type: 'enumeration', fieldType: 'select', options: enumeration(TIERS, (t) => l.tier[t]) },
    { name: 'tierwise_segment', label: zh ? 'Tierwise 细分' : 'Tierwise segment', type: 'enumeration', fieldType: 'select', options: enumeration(SEGMENTS, (s) => l.segment[s]) },
    { name: 'tierwise_churn_risk', label: zh ? 'Tierwise 流失风险' : 'Tierwise churn risk', type: 'number', fieldType: 'number' },
    { name: 'tierwise_churn_level', label: zh ? 'Tierwise 风险等级' : 'Tierwise churn level', type: 'enumeration', fieldType: 'select', options: enumeration(CHURN_LEVELS, (c) => l.churnLevel[c]) },
    { name: 'tierwise_lifecycle', label: zh ? 'Tierwise 生命周期' : 'Tierwise lifecycle', type: 'enumeration', fieldType: 'select', options: enumeration(LIFECYCLE_STAGES, (s) => l.lifecycle[s]) },
    { name: 'tierwise_next_action', label: zh ? 'Tierwise 下一步行动' : 'Tierwise next action', type: 'string', fieldType: 'textarea' },
    { name: 'tierwise_reasons', label: zh ? 'Tierwise 原因' : 'Tierwise reasons', type: 'string', fieldType: 'textarea' },
    { name: 'tierwise_scored_at', label: zh ? 'Tierwise 评分时间' : 'Tierwise scored at', type: 'datetime', fieldType: 'date' },
  ];
}

export const OWNED = new Set(definitions('en').map((d) => d.name));

/** A same-named property exists with another type: we will not touch it. */
export class PropertyClashError extends Error {
  override name = 'PropertyClashError';
}

/** Creates the group and any missing property; checks the existing ones are ours in shape. Idempotent. */
export async function ensureProperties(transport: Transport, version: string, object: ObjectType, language: Language): Promise<{ created: string[] }> {
  const p = paths(version);
  const existing = await transport.request('read properties', { method: 'GET', path: p.properties(object) }, PropertiesResponseSchema);
  const byName = new Map((existing.body?.results ?? []).map((prop) => [prop.name, prop]));
  const wanted = definitions(language);
  for (const def of wanted) {
    const found = byName.get(def.name);
    if (found !== undefined && (found.type !== def.type || (found.groupName !== undefined && found.groupName !== GROUP))) {
      throw new PropertyClashError(
        `${object} already have a property "${def.name}" of type ${found.type} in group "${found.groupName ?? '?'}"; Tierwise needs it as ${def.type} in group "${GROUP}". Rename or delete that property in HubSpot (Settings ▸ Properties), then run again. Nothing was written.`,
      );
    }
  }
  // 409 means the group is already there: fine.
  await transport.request('create property group', { method: 'POST', path: p.groups(object), body: { name: GROUP, label: 'Tierwise', displayOrder: -1 } }, z.unknown(), [409]);
  const created: string[] = [];
  for (const def of wanted) {
    if (byName.has(def.name)) continue;
    await transport.request(`create property ${def.name}`, { method: 'POST', path: p.properties(object), body: { ...def, groupName: GROUP } }, z.unknown(), [409]);
    created.push(def.name);
  }
  return { created };
}
