// The card, settings page and workflow action as `hs project upload` reads them: HubSpot's own parser
// (project-parsing-lib translate, offline) plus our zod schema of each file; entry points exist; the
// action's output fields are the core's values and labels and what the backend answers.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { LABELS } from '../../core/labels.ts';
import { TIERS } from '../../core/tiers.ts';
import { SEGMENTS } from '../../core/segments.ts';
import { CHURN_LEVELS } from '../../core/churn/levels.ts';
import { HsProfileSchema } from '../../hubspot-app/project-schema.ts';
import { CardMetaSchema, SettingsMetaSchema, WorkflowActionMetaSchema } from '../../hubspot-app/ui/project-schema.ts';

const src = join(import.meta.dirname, '..', '..', 'hubspot-app', 'project', 'src');

async function nodes(profile: string) {
  const { intermediateRepresentation, skippedHsMetaFiles } = await translate({ projectSourceDir: src, platformVersion: '2026.03' }, { skipValidation: true, profile });
  expect(skippedHsMetaFiles).toEqual([]);
  const all = intermediateRepresentation.intermediateNodesIndexedByUid;
  const config = (uid: string) => {
    const node = all[uid];
    if (node === undefined) throw new Error(`translate found no ${uid} among ${Object.keys(all).join(', ')}`);
    return { componentType: node.componentType, config: node.config as unknown };
  };
  return { card: config('tierwise_record_card'), settings: config('tierwise_settings'), action: config('tierwise_score_action') };
}

describe('the card, settings and workflow action in the HubSpot project', () => {
  it('declares a sidebar card on contacts and companies whose entry point exists', async () => {
    const { card } = await nodes('dev');
    expect(card.componentType).toBe('CARD');
    const config = CardMetaSchema.shape.config.parse(card.config);
    expect(config).toMatchObject({ location: 'crm.record.sidebar', objectTypes: ['contacts', 'companies'] });
    expect(existsSync(join(src, config.entrypoint))).toBe(true);
  });

  it('declares a settings page whose entry point exists', async () => {
    const { settings } = await nodes('dev');
    expect(settings.componentType).toBe('SETTINGS');
    expect(existsSync(join(src, SettingsMetaSchema.shape.config.parse(settings.config).entrypoint))).toBe(true);
  });

  it.each(['dev', 'prod'])('points the workflow action at the %s backend, for contacts and companies', async (profile) => {
    const { BACKEND } = HsProfileSchema.parse(JSON.parse(readFileSync(join(src, `hsprofile.${profile}.json`), 'utf8'))).variables;
    const { action } = await nodes(profile);
    expect(action.componentType).toBe('WORKFLOW_ACTION');
    const config = WorkflowActionMetaSchema.shape.config.parse(action.config);
    expect(config.actionUrl).toBe(`${BACKEND}/hubspot/actions/score`);
    expect(config.objectTypes).toEqual(['CONTACT', 'COMPANY']);
  });

  it('outputs tier, segment, churn risk and level and next action, with the core\'s values and English labels', async () => {
    const config = WorkflowActionMetaSchema.shape.config.parse((await nodes('prod')).action.config);
    const outputs = Object.fromEntries(config.outputFields.map((f) => [f.typeDefinition.name, f.typeDefinition]));
    expect(Object.keys(outputs)).toEqual(['tierwise_tier', 'tierwise_segment', 'tierwise_churn_risk', 'tierwise_churn_level', 'tierwise_next_action']);
    expect(outputs['tierwise_tier']?.options).toEqual(TIERS.map((t) => ({ value: t, label: LABELS.en.tier[t] })));
    expect(outputs['tierwise_segment']?.options).toEqual(SEGMENTS.map((s) => ({ value: s, label: LABELS.en.segment[s] })));
    expect(outputs['tierwise_churn_level']?.options).toEqual(CHURN_LEVELS.map((c) => ({ value: c, label: LABELS.en.churnLevel[c] })));
    expect(outputs['tierwise_churn_risk']?.type).toBe('number');
    expect(Object.keys(config.labels['en']?.outputFieldLabels ?? {})).toEqual(Object.keys(outputs));
  });

  it('refuses a card placed anywhere but the record sidebar', () => {
    const raw = JSON.parse(readFileSync(join(src, 'app', 'cards', 'tier-card-hsmeta.json'), 'utf8')) as { config: { location: string } };
    raw.config.location = 'crm.record.tab';
    expect(() => CardMetaSchema.parse(raw)).toThrow();
  });
});
