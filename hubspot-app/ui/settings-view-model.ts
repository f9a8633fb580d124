// What the settings page shows, as plain data: the mapping rows with the account's own properties to
// choose from, tier rules per segment, validation messages by field path (the shared schema, i.e. the
// core's own rules, checked before saving and again by the backend), and the last run's report in words.
import { LABELS } from '../../core/labels.ts';
import { SEGMENTS, type Segment } from '../../core/segments.ts';
import { TIERS } from '../../core/tiers.ts';
import type { Language } from '../../core/schema/options.ts';
import { HUBSPOT_FIELDS, mappingFor, type HubSpotField } from '../../adapters/hubspot/mapping.ts';
import { PortalSettingsSchema, type PortalSettings, type RecordRef, type RunAnswer, type SettingsAnswer } from './api-schema.ts';
import { WORDS } from './words/index.ts';

export interface MappingRow {
  field: HubSpotField;
  path: string;
  label: string;
  value: string;
  options: { label: string; value: string }[];
  /** The mapped property is not in this account: said beside the field before anyone saves. */
  problem: string | null;
}

export function mappingRows(object: RecordRef['object'], settings: PortalSettings, properties: SettingsAnswer['properties'], language: Language): MappingRow[] {
  const words = WORDS[language].settings;
  const effective = mappingFor(object, settings.mapping[object]);
  const choices = properties[object].map((p) => ({ label: p.label === p.name ? p.name : `${p.label} (${p.name})`, value: p.name }));
  return HUBSPOT_FIELDS.map((field) => {
    const value = effective[field] ?? '';
    // A mapped property this account does not have (deleted since) stays listed, so the error beside it makes sense.
    const known = value === '' || choices.some((c) => c.value === value);
    return {
      field,
      path: `mapping.${object}.${field}`,
      label: words.field[field],
      value,
      options: [{ label: words.notMapped, value: '' }, ...(known ? [] : [{ label: value, value }]), ...choices],
      problem: known ? null : words.missingProperty(value),
    };
  });
}

/** The mapping with one field changed: '' removes the override (the field falls back to its default, or is unused). */
export function withMapping(settings: PortalSettings, object: RecordRef['object'], field: HubSpotField, property: string): PortalSettings {
  const mapping = { ...settings.mapping[object] };
  if (property === '') delete mapping[field];
  else mapping[field] = property;
  return { ...settings, mapping: { ...settings.mapping, [object]: mapping } };
}

export function tierRows(settings: PortalSettings, language: Language): { segment: Segment; label: string; value: string; options: { label: string; value: string }[] }[] {
  const labels = LABELS[language];
  const words = WORDS[language].settings;
  return SEGMENTS.map((segment) => ({
    segment,
    label: words.tierOf(labels.segment[segment]),
    value: settings.scoring.segmentTiers[segment],
    options: TIERS.map((t) => ({ label: labels.tier[t], value: t })),
  }));
}

export type FieldErrors = Record<string, string>;

/** Messages by field path; a rule about a group (weights adding up to 100) sits on the group's path. */
export function validate(settings: unknown): FieldErrors {
  const parsed = PortalSettingsSchema.safeParse(settings);
  return parsed.success ? {} : fieldErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

export function fieldErrors(fields: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of fields) errors[f.path] ??= f.message;
  return errors;
}

/** The message for a field: its own, or its group's (e.g. "churn.highAt must be above churn.mediumAt" on scoring.churn). */
export function errorAt(errors: FieldErrors, path: string, group?: string): string | undefined {
  return errors[path] ?? (group === undefined ? undefined : errors[group]);
}

export function weightTotal(settings: PortalSettings): number {
  return Math.round(Object.values(settings.scoring.churn.weights).reduce((a, b) => a + b, 0) * 100) / 100;
}

export interface RunView {
  state: string;
  /** 0-100 while running with a known total; null otherwise. */
  progress: number | null;
  progressText: string | null;
  report: string | null;
  problems: string[];
  error: string | null;
}

export function runView(run: RunAnswer, language: Language): RunView {
  const words = WORDS[language].settings;
  const running = run.state === 'queued' || run.state === 'running';
  const objects = run.report?.objects ?? [];
  const sum = (pick: (o: (typeof objects)[number]) => number) => objects.reduce((n, o) => n + pick(o), 0);
  const failed = objects.flatMap((o) => o.failed);
  const unreadable = objects.flatMap((o) => o.unreadable.map((u) => ({ id: u.id, reason: `"${u.property}" = "${u.value}", expected ${u.expected}` })));
  return {
    state: words.runState[run.state],
    progress: running && run.total !== null && run.total > 0 ? Math.min(100, Math.round((run.done / run.total) * 100)) : null,
    progressText: running ? words.scoring(run.done, run.total) : null,
    report: run.report === null ? null : words.report(sum((o) => o.read), sum((o) => o.written), failed.length),
    // At most ten lines: the card is a summary, the full list is in the run's report.
    problems: [...failed, ...unreadable].slice(0, 10).map((f) => words.failedRecord(f.id, f.reason)),
    error: run.error,
  };
}
