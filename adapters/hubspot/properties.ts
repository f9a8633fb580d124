// The properties Tierwise owns in HubSpot (DESIGN.md), created idempotently in the `tierwise` group.
// It never writes a property it did not create, refuses to run over a same-named property it cannot
// write, and adds its options to a same-named enumeration of its group that lacks them.
import { z } from 'zod';
import { wordsFor } from '../../core/i18n/index.ts';
import { SEGMENTS } from '../../core/segments.ts';
import { TIERS } from '../../core/tiers.ts';
import { LIFECYCLE_STAGES } from '../../core/lifecycle-stages.ts';
import { CHURN_LEVELS } from '../../core/churn/levels.ts';
import type { Language } from '../../core/schema/options.ts';
import { paths, PropertiesResponseSchema, type ObjectType, type Option, type Property } from './api.ts';
import type { Transport } from './transport.ts';

export const GROUP = 'tierwise';

export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'enumeration' | 'number' | 'string' | 'datetime';
  fieldType: 'select' | 'number' | 'text' | 'textarea' | 'date';
  options?: Option[];
}

// 2026-09 `OptionInput` requires label, value, hidden and displayOrder (spec Properties/…/2026-09/properties.json).
const enumeration = <V extends string>(values: readonly V[], label: (v: V) => string): Option[] =>
  values.map((value, displayOrder) => ({ label: label(value), value, hidden: false, displayOrder }));

/** Our properties, with option labels in the portal's language. */
export function definitions(language: Language): PropertyDefinition[] {
  const { labels: l, hubspot } = wordsFor(language);
  const label = hubspot.propertyLabel;
  return [
    { name: 'tierwise_tier', label: label.tier, type: 'enumeration', fieldType: 'select', options: enumeration(TIERS, (t) => l.tier[t]) },
    { name: 'tierwise_segment', label: label.segment, type: 'enumeration', fieldType: 'select', options: enumeration(SEGMENTS, (s) => l.segment[s]) },
    { name: 'tierwise_churn_risk', label: label.churnRisk, type: 'number', fieldType: 'number' },
    { name: 'tierwise_churn_level', label: label.churnLevel, type: 'enumeration', fieldType: 'select', options: enumeration(CHURN_LEVELS, (c) => l.churnLevel[c]) },
    { name: 'tierwise_lifecycle', label: label.lifecycle, type: 'enumeration', fieldType: 'select', options: enumeration(LIFECYCLE_STAGES, (s) => l.lifecycle[s]) },
    { name: 'tierwise_next_action', label: label.nextAction, type: 'string', fieldType: 'textarea' },
    { name: 'tierwise_reasons', label: label.reasons, type: 'string', fieldType: 'textarea' },
    { name: 'tierwise_scored_at', label: label.scoredAt, type: 'datetime', fieldType: 'date' },
  ];
}

export const OWNED = new Set(definitions('en').map((d) => d.name));

/** A same-named property exists in a shape Tierwise cannot write: we will not touch it. */
export class PropertyClashError extends Error {
  override name = 'PropertyClashError';
}

/** Why an existing property cannot hold our values, in words; null when it can (perhaps after adding options). */
function clash(object: ObjectType, def: PropertyDefinition, found: Property): string | null {
  const what = `${object} already have a property "${def.name}"`;
  const fix = 'rename or delete that property in HubSpot (Settings ▸ Properties), then run again; nothing was written';
  if (found.type !== def.type) return `${what} of type ${found.type}, but Tierwise writes ${def.type} values to it; ${fix}`;
  if (found.groupName !== undefined && found.groupName !== GROUP) return `${what} in group "${found.groupName}", not Tierwise's group "${GROUP}", so Tierwise did not create it; ${fix}`;
  if (found.modificationMetadata?.readOnlyValue === true) return `${what} whose values are read-only; ${fix}`;
  return null;
}

/** The options to send so that every value we write is a visible option, keeping the portal's own; null when none is missing. */
function completedOptions(def: PropertyDefinition, found: Property): Option[] | null {
  const existing = found.options ?? [];
  const byValue = new Map(existing.map((o) => [o.value, o]));
  let changed = false;
  const kept = existing.map((o) => ({ label: o.label, value: o.value, hidden: o.hidden ?? false, displayOrder: o.displayOrder ?? -1 }));
  for (const option of kept) {
    if (def.options?.some((w) => w.value === option.value) && option.hidden) {
      option.hidden = false; // a hidden option cannot be chosen in HubSpot's UI, and our value would look foreign
      changed = true;
    }
  }
  for (const wanted of def.options ?? []) {
    if (byValue.has(wanted.value)) continue;
    kept.push({ label: wanted.label, value: wanted.value, hidden: false, displayOrder: kept.length });
    changed = true;
  }
  return changed ? kept : null;
}

/**
 * Creates the group and any missing property; checks the existing ones can hold our values (type,
 * group, writable), and adds any option of ours an existing enumeration lacks. Idempotent.
 */
export async function ensureProperties(transport: Transport, version: string, object: ObjectType, language: Language): Promise<{ created: string[]; optionsAdded: string[] }> {
  const p = paths(version);
  const existing = await transport.request('read properties', { method: 'GET', path: p.properties(object) }, PropertiesResponseSchema);
  const byName = new Map((existing.body?.results ?? []).map((prop) => [prop.name, prop]));
  const wanted = definitions(language);
  for (const def of wanted) {
    const found = byName.get(def.name);
    const problem = found === undefined ? null : clash(object, def, found);
    if (problem !== null) throw new PropertyClashError(problem);
  }
  // 409 means the group is already there: fine.
  await transport.request('create property group', { method: 'POST', path: p.groups(object), body: { name: GROUP, label: 'Tierwise', displayOrder: -1 } }, z.unknown(), [409]);
  const created: string[] = [];
  const optionsAdded: string[] = [];
  for (const def of wanted) {
    const found = byName.get(def.name);
    if (found === undefined) {
      await transport.request(`create property ${def.name}`, { method: 'POST', path: p.properties(object), body: { ...def, groupName: GROUP } }, z.unknown(), [409]);
      created.push(def.name);
      continue;
    }
    const options = def.type === 'enumeration' ? completedOptions(def, found) : null;
    if (options === null) continue;
    // PATCH replaces the option list: it carries the portal's options as well as ours.
    await transport.request(`add options to ${def.name}`, { method: 'PATCH', path: p.property(object, def.name), body: { options } }, z.unknown());
    optionsAdded.push(def.name);
  }
  return { created, optionsAdded };
}
