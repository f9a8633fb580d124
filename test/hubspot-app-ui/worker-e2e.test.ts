// The card, settings page and workflow action with the real worker syncing the fake portals: what the
// card shows is what the sync wrote to HubSpot; settings saved on the page change what the next run
// writes (tiers, language, follow-up tasks, a changed mapping re-read in full); the card's re-score
// and the settings page's "score now" run through the queue to the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYBOOKS } from '../../core/playbooks/index.ts';
import { SEGMENTS } from '../../core/segments.ts';
import { PortalSettingsSchema } from '../../hubspot-app/ui/api-schema.ts';
import { tierwiseClient, waitForRun, type TierwiseClient } from '../../hubspot-app/ui/tierwise-client.ts';
import { startHarness, type Harness } from './harness.ts';
import { hubspotFetch } from './hubspot-fetch.ts';

let h: Harness;
let client: TierwiseClient;
const contact = (id: string) => h.fake.portals.get('101')?.portal.contacts.get(id)?.properties ?? {};

async function runToEnd(what: Parameters<TierwiseClient['rescore']>[0]) {
  const { runId } = await client.rescore(what);
  const run = await waitForRun(client, runId, () => undefined, 100);
  if (run.state !== 'done') throw new Error(`run ${run.state}: ${run.error}\n${h.logs.join('\n')}`);
  return run;
}

beforeAll(async () => {
  h = await startHarness({ worker: true });
  await h.install('101', 40);
  client = tierwiseClient(h.url, hubspotFetch(h.fake, '101'));
  const [install] = await h.ctx.store.runs('101', 5);
  if (install === undefined) throw new Error('the install queued no run');
  const run = await waitForRun(client, install.runId, () => undefined, 100);
  if (run.state !== 'done') throw new Error(`install run ${run.state}: ${run.error}\n${h.logs.join('\n')}`);
}, 60_000);
afterAll(async () => h?.close());

describe('with the worker syncing', () => {
  it('shows on the card what the sync wrote to the record in HubSpot', async () => {
    for (const id of ['3', '8', '21']) {
      const card = await client.card({ object: 'contacts', id, language: 'en' });
      if (card.state !== 'scored') throw new Error(`contact ${id} should be scored`);
      const written = contact(id);
      expect(written['tierwise_tier'] ?? '').toBe(card.result.tier ?? '');
      expect(written['tierwise_segment'] ?? '').toBe(card.result.segment ?? '');
      expect(written['tierwise_churn_level'] ?? '').toBe(card.result.churnLevel ?? '');
      expect(written['tierwise_next_action']).toBe(card.result.nextAction);
      // Risk is rewritten only when it moves by 5 or more (write-values.ts): within that of the card's.
      expect(Math.abs(Number(written['tierwise_churn_risk']) - (card.result.churnRisk ?? 0))).toBeLessThan(5);
    }
  });

  it('applies saved settings on "score now": every tier C, next actions in 简体中文, follow-up tasks for high risk', async () => {
    const defaults = (await client.settings()).settings;
    const settings = PortalSettingsSchema.parse({ ...defaults, language: 'zh-CN', followUpTasks: true, scoring: { ...defaults.scoring, segmentTiers: Object.fromEntries(SEGMENTS.map((s) => [s, 'C'])) } });
    await client.saveSettings(settings);
    const run = await runToEnd({});
    const contacts = [...(h.fake.portals.get('101')?.portal.contacts.values() ?? [])].map((r) => r.properties);
    const scored = contacts.filter((p) => p['tierwise_segment']);
    expect(scored.length).toBeGreaterThan(20);
    for (const p of scored) expect(p['tierwise_tier']).toBe('C');
    const zh = PLAYBOOKS['zh-CN'];
    for (const p of scored) expect([...Object.values(zh.segmentActions), zh.retention.nextAction]).toContain(p['tierwise_next_action']);
    const high = contacts.filter((p) => p['tierwise_churn_level'] === 'high').length;
    expect(high).toBeGreaterThan(0);
    expect(h.fake.portals.get('101')?.tasks.length).toBe(high);
    expect(run.report?.objects.find((o) => o.object === 'contacts')).toMatchObject({ read: expect.any(Number), tasksCreated: high });
    // The settings page shows this run as the last one.
    expect((await client.settings()).lastRun?.runId).toBe(run.runId);
  });

  it('re-scores one record from the card: HubSpot gets its new values and the card shows them', async () => {
    const before = await client.card({ object: 'contacts', id: '9', language: 'en' });
    // A big recent order for contact 9, edited in HubSpot.
    h.fake.portals.get('101')?.edit('contacts', '9', { num_associated_deals: '40', total_revenue: '250000', recent_deal_close_date: new Date().toISOString() });
    await runToEnd({ object: 'contacts', id: '9' });
    const after = await client.card({ object: 'contacts', id: '9', language: 'en' });
    if (after.state !== 'scored' || before.state !== 'scored') throw new Error('contact 9 should be scored');
    expect(after.result.churnRisk).toBeLessThan(before.result.churnRisk ?? 101);
    expect(contact('9')['tierwise_churn_level']).toBe(after.result.churnLevel);
    expect(Number(contact('9')['tierwise_churn_risk'])).toBe(after.result.churnRisk);
  });

  it('reads every record again after the mapping changed, and scores from the newly mapped property', async () => {
    const portal = h.fake.portals.get('101');
    if (portal === undefined) throw new Error('no portal');
    portal.properties.contacts.set('ltv_eur', { name: 'ltv_eur', label: 'Lifetime spend (EUR)', type: 'number', fieldType: 'number', groupName: 'contactinformation' } as never);
    for (const [id, record] of portal.portal.contacts) record.properties['ltv_eur'] = id === '12' ? '999999' : '10';
    const settings = (await client.settings()).settings;
    await client.saveSettings({ ...settings, mapping: { ...settings.mapping, contacts: { totalSpend: 'ltv_eur' } } });
    const lists = () => portal.requests.filter((r) => r.method === 'GET' && /\/crm\/objects\/2026-09\/contacts(\?|$)/.test(r.path)).length;
    const listsBefore = lists();
    await runToEnd({});
    // A full read lists the contacts again (an incremental one searches only what changed).
    expect(lists()).toBeGreaterThan(listsBefore);
    const top = await client.card({ object: 'contacts', id: '12', language: 'en' });
    if (top.state !== 'scored') throw new Error('contact 12 should be scored');
    expect(top.result.m).toBe(5);
  });

  it('answers the workflow action with what the record now holds', async () => {
    const body = JSON.stringify({ callbackId: 'ap-e2e-1', origin: { portalId: 101, actionDefinitionId: 1, actionDefinitionVersion: 1 }, context: { source: 'WORKFLOWS', workflowId: 5 }, object: { objectId: 9, objectType: 'CONTACT' }, inputFields: {} });
    const url = `${h.url}/hubspot/actions/score`;
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...h.fake.sign('POST', url, body) }, body });
    const { outputFields } = (await answer.json()) as { outputFields: Record<string, unknown> };
    expect(outputFields).toMatchObject({ hs_execution_state: 'SUCCESS', tierwise_tier: contact('9')['tierwise_tier'], tierwise_churn_level: contact('9')['tierwise_churn_level'], tierwise_next_action: contact('9')['tierwise_next_action'] });
  });
});
