// The settings page's client against the real routes: the account's properties to map (never
// Tierwise's own), the core's rules and the account's properties checked on save with every bad field
// named, what was saved read back (and the daily hour on the portal the scheduler reads), one portal
// never reading or changing another's settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalSettingsSchema } from '../../hubspot-app/ui/api-schema.ts';
import { tierwiseClient, TierwiseError, type TierwiseClient } from '../../hubspot-app/ui/tierwise-client.ts';
import { startHarness, type Harness } from './harness.ts';
import { hubspotFetch } from './hubspot-fetch.ts';

let h: Harness;
let admin: TierwiseClient;
let other: TierwiseClient;

beforeAll(async () => {
  h = await startHarness();
  await h.install('101', 3);
  await h.install('202', 3);
  // Tierwise's own properties exist in the account once a sync ran: they must not be offered as inputs.
  h.fake.portals.get('101')?.properties.contacts.set('tierwise_tier', { name: 'tierwise_tier', label: 'Tierwise tier', type: 'enumeration', fieldType: 'select', groupName: 'tierwise', options: [] } as never);
  admin = tierwiseClient(h.url, hubspotFetch(h.fake, '101'));
  other = tierwiseClient(h.url, hubspotFetch(h.fake, '202'));
});
afterAll(async () => h?.close());

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TierwiseError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('the settings routes', () => {
  it('answers the defaults, the portal\'s time zone, its own properties (never Tierwise\'s) and the install run', async () => {
    const answer = await admin.settings();
    expect(answer.timeZone).toBe((await h.ctx.store.portal('101'))?.timeZone);
    expect(answer.settings).toEqual(PortalSettingsSchema.parse({ timeZone: answer.timeZone }));
    const names = answer.properties.contacts.map((p) => p.name);
    expect(names).toContain('total_revenue');
    expect(names).toContain('recent_deal_close_date');
    expect(names.filter((n) => n.startsWith('tierwise_'))).toEqual([]);
    expect(answer.lastRun).toMatchObject({ kind: 'install', state: 'queued' });
  });

  it('refuses a mapping to a property the account does not have, naming the field', async () => {
    const settings = PortalSettingsSchema.parse({ mapping: { contacts: { totalSpend: 'no_such_property' } } });
    const error = await refusal(admin.saveSettings(settings));
    expect(error.code).toBe('bad_request');
    expect(error.fields).toEqual([{ path: 'mapping.contacts.totalSpend', message: '"no_such_property" is not a property of contacts in this HubSpot account' }]);
  });

  it('refuses weights that do not add up to 100 and an hour out of range, with the core\'s words', async () => {
    const body = { ...PortalSettingsSchema.parse({}), syncHour: 24, timeZone: 'Mars/Olympus' };
    body.scoring.churn.weights.recency = 90;
    const error = await refusal(admin.saveSettings(body));
    expect(error.fields).toEqual(expect.arrayContaining([{ path: 'scoring.churn.weights', message: 'churn factor weights must add up to 100' }, { path: 'syncHour', message: 'the hour is 0 to 23' }, { path: 'timeZone', message: 'expected an IANA time zone such as Europe/Berlin' }]));
  });

  it('saves valid settings, reads them back, moves the daily hour, and leaves the other portal alone', async () => {
    const settings = PortalSettingsSchema.parse({ mapping: { companies: { totalSpend: 'total_revenue' } }, scoring: { segmentTiers: { Champions: 'B' }, churn: { highAt: 50, mediumAt: 25 } }, language: 'zh-CN', followUpTasks: true, syncHour: 6, timeZone: 'Asia/Shanghai' });
    expect(await admin.saveSettings(settings)).toEqual(settings);
    expect((await admin.settings()).settings).toEqual(settings);
    expect((await h.ctx.store.portal('101'))).toMatchObject({ syncHour: 6, timeZone: 'Asia/Shanghai' });
    expect((await other.settings()).settings).toEqual(PortalSettingsSchema.parse({ timeZone: (await h.ctx.store.portal('202'))?.timeZone }));
    expect((await h.ctx.store.portal('202'))?.syncHour).not.toBe(6);
  });

  it('keeps the answer under hubspot.fetch\'s 1 MB for an account with thousands of properties, every name still offered', async () => {
    const properties = h.fake.portals.get('202')?.properties.contacts;
    for (let i = 0; i < 9000; i++) properties?.set(`custom_field_${i}`, { name: `custom_field_${i}`, label: `A long custom property label that someone wrote in full, number ${i}, with its purpose`, type: 'string', fieldType: 'text', groupName: 'contactinformation' } as never);
    const answer = await h.fake.cardFetch(`${h.url}/api/portal-settings`, '202');
    const text = await answer.text();
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(1_048_576);
    const names = (JSON.parse(text) as { properties: { contacts: { name: string }[] } }).properties.contacts.map((p) => p.name);
    expect(names.filter((n) => n.startsWith('custom_field_'))).toHaveLength(9000);
  });

  it('scores with the saved settings: the card answers in the portal\'s tiers', async () => {
    await h.storeSynced('101', 'contacts');
    await h.finishRun('101');
    const settings = (await admin.settings()).settings;
    // Every segment becomes tier C: whatever the contact's segment, the card says C.
    const allC = { ...settings, scoring: { ...settings.scoring, segmentTiers: Object.fromEntries(Object.keys(settings.scoring.segmentTiers).map((s) => [s, 'C'])) as typeof settings.scoring.segmentTiers } };
    await admin.saveSettings(allC);
    const scored = await admin.card({ object: 'contacts', id: '1', language: 'en' });
    if (scored.state !== 'scored') throw new Error(`contact 1 should be scored: ${JSON.stringify(scored)}`);
    expect(scored.result.segment).not.toBeNull();
    expect(scored.result.tier).toBe('C');
  });
});
