// The HubSpot project as `hs project upload` would read it: HubSpot's own parser (project-parsing-lib
// translate, offline: schema validation needs an account) plus our zod schema of each file.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { AppMetaSchema, HsProfileSchema, HsProjectSchema, OPTIONAL_SCOPES, REQUIRED_SCOPES, WebhooksMetaSchema } from '../../hubspot-app/project-schema.ts';
import { scoreInputProperties } from '../../hubspot-app/server/score-inputs.ts';

const root = join(import.meta.dirname, '..', '..', 'hubspot-app', 'project');
const src = join(root, 'src');
const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const profiles = readdirSync(src).flatMap((f) => /^hsprofile\.([^.]+)\.json$/.exec(f)?.[1] ?? []);

async function translated(profile: string) {
  const { intermediateRepresentation, skippedHsMetaFiles } = await translate({ projectSourceDir: src, platformVersion: '2026.03' }, { skipValidation: true, profile });
  expect(skippedHsMetaFiles).toEqual([]);
  const nodes = intermediateRepresentation.intermediateNodesIndexedByUid;
  const app = nodes['tierwise_app'];
  const webhooks = nodes['tierwise_webhooks'];
  if (app === undefined || webhooks === undefined) throw new Error(`translate found ${Object.keys(nodes).join(', ')}`);
  return { app: AppMetaSchema.shape.config.parse(app.config), webhooks: WebhooksMetaSchema.shape.config.parse(webhooks.config), nodes };
}

describe('the HubSpot project', () => {
  it('is a 2026.03 project with a dev and a prod profile, each naming its backend by https URL', () => {
    expect(HsProjectSchema.parse(json(join(root, 'hsproject.json'))).platformVersion).toBe('2026.03');
    expect(profiles.sort()).toEqual(['dev', 'prod']);
    for (const p of profiles) HsProfileSchema.parse(json(join(src, `hsprofile.${p}.json`)));
  });

  it('declares a marketplace OAuth app with the narrowest scopes, in the raw file as in what HubSpot parses', async () => {
    const raw = AppMetaSchema.parse(json(join(src, 'app', 'app-hsmeta.json')));
    expect(raw.config.auth.requiredScopes).toEqual([...REQUIRED_SCOPES]);
    expect(raw.config.auth.optionalScopes).toEqual([...OPTIONAL_SCOPES]);
    const { app, nodes } = await translated('dev');
    expect(app.distribution).toBe('marketplace');
    expect(nodes['tierwise_app']?.componentType).toBe('APPLICATION');
    // No app functions: marketplace OAuth apps cannot have them (2026.03 config.json), all goes to our backend.
    const types = Object.values(nodes).map((n) => n.componentType);
    expect(types).toEqual(expect.arrayContaining(['APPLICATION', 'WEBHOOKS']));
    expect(types.filter((t) => /FUNCTION/.test(t))).toEqual([]);
  });

  it.each(['dev', 'prod'])('points redirect, fetch and webhook URLs at the %s profile backend, with no ${…} left', async (profile) => {
    const { BACKEND } = HsProfileSchema.parse(json(join(src, `hsprofile.${profile}.json`))).variables;
    const { app, webhooks } = await translated(profile);
    expect(app.auth.redirectUrls).toEqual([`${BACKEND}/oauth/callback`]);
    expect(app.permittedUrls.fetch).toEqual([BACKEND]);
    expect(webhooks.settings.targetUrl).toBe(`${BACKEND}/hubspot/webhooks`);
    expect(JSON.stringify({ app, webhooks })).not.toContain('${');
  });

  it('subscribes to exactly the mapped score inputs of contacts and companies, never to tierwise_*, plus deletions and privacy deletions', async () => {
    const { webhooks } = await translated('prod');
    const of = (objectType: string) => webhooks.subscriptions.crmObjects.filter((s) => s.objectType === objectType).map((s) => s.propertyName).sort();
    expect(of('contact')).toEqual(scoreInputProperties('contacts').sort());
    expect(of('company')).toEqual(scoreInputProperties('companies').sort());
    expect(webhooks.subscriptions.legacyCrmObjects.map((s) => s.subscriptionType).sort()).toEqual(['company.deletion', 'contact.deletion']);
    expect(webhooks.subscriptions.hubEvents.map((s) => s.subscriptionType)).toEqual(['contact.privacyDeletion']);
  });

  it('refuses a webhook subscription to one of our own properties (it would loop)', () => {
    const file = WebhooksMetaSchema.parse(json(join(src, 'app', 'webhooks', 'webhooks-hsmeta.json')));
    const looping = structuredClone(file);
    looping.config.subscriptions.crmObjects.push({ subscriptionType: 'object.propertyChange', objectType: 'contact', propertyName: 'tierwise_tier', active: true });
    expect(() => WebhooksMetaSchema.parse(looping)).toThrow(/tierwise_\* property/);
  });

  it('refuses a scope wider than needed', () => {
    const file = AppMetaSchema.parse(json(join(src, 'app', 'app-hsmeta.json')));
    const wide = structuredClone(file);
    (wide.config.auth.requiredScopes as string[]).push('crm.objects.deals.write');
    expect(() => AppMetaSchema.parse(wide)).toThrow();
  });
});
