// The card's client against the real backend routes, signed as hubspot.fetch signs, over the fake
// marketplace: what the card shows for each state, the task it creates, re-score and run answers, and
// that one portal's card never sees another's records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreCustomers } from '../../core/score.ts';
import { PLAYBOOKS } from '../../core/playbooks/index.ts';
import { mappingFor, readRecord } from '../../adapters/hubspot/mapping.ts';
import { localTime } from '../../hubspot-app/server/scheduler.ts';
import { tierwiseClient, TierwiseError, type TierwiseClient } from '../../hubspot-app/ui/tierwise-client.ts';
import { startHarness, type Harness } from './harness.ts';
import { hubspotFetch } from './hubspot-fetch.ts';

let h: Harness;
let card: TierwiseClient;
const calls: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  await h.install('101', 30);
  await h.install('202', 5);
  card = tierwiseClient(h.url, hubspotFetch(h.fake, '101', { calls }));
});
afterAll(async () => h?.close());

const failure = async (promise: Promise<unknown>): Promise<TierwiseError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TierwiseError) return error;
    throw error;
  }
  throw new Error('expected a TierwiseError');
};

describe('the card routes', () => {
  it('says the first run has not finished before any record is stored', async () => {
    expect(await card.card({ object: 'contacts', id: '3', language: 'en' })).toEqual({ state: 'not-scored', why: 'no-run-yet', problems: [] });
  });

  it('scores the record among the portal\'s stored records, as of the portal\'s today, in the asked language', async () => {
    await h.storeSynced('101', 'contacts', Array.from({ length: 29 }, (_, i) => String(i + 1)));
    await h.finishRun('101');
    const answer = await card.card({ object: 'contacts', id: '3', language: 'zh-CN' });
    if (answer.state !== 'scored') throw new Error(`expected a score, got ${JSON.stringify(answer)}`);
    // The same records through the sync engine's mapping and the core, independently of the route.
    const records = [...(h.fake.portals.get('101')?.portal.contacts ?? new Map())].filter(([id]) => Number(id) <= 29);
    const customers = records.flatMap(([id, r]) => {
      const read = readRecord(id, r.properties, mappingFor('contacts'));
      return read.customer === null ? [] : [read.customer];
    });
    const asOf = localTime((await h.ctx.store.portal('101'))?.timeZone ?? '', Date.now()).day;
    const expected = scoreCustomers(customers, { asOf, language: 'zh-CN' }).find((r) => r.id === '3');
    expect(answer.asOf).toBe(asOf);
    expect(answer.result).toEqual({ tier: expected?.tier, segment: expected?.segment, r: expected?.r, f: expected?.f, m: expected?.m, valueBand: expected?.valueBand, churnRisk: expected?.churnRisk, churnLevel: expected?.churnLevel, lifecycle: expected?.lifecycle, nextAction: expected?.nextAction, followUpBy: expected?.followUpBy, reasons: expected?.reasons, drivers: expected?.drivers, pAlive: expected?.pAlive, expectedPurchases: expected?.expectedPurchases, clv: expected?.clv, owner: '103' });
    const zh = PLAYBOOKS['zh-CN'];
    expect([...Object.values(zh.segmentActions), ...Object.values(zh.lifecycle), zh.retention.nextAction]).toContain(answer.result.nextAction);
    expect(calls.at(-1)).toBe(`GET ${h.url}/api/card?object=contacts&id=3&language=zh-CN`);
  });

  it('says a record created after the last run is not read yet', async () => {
    expect(await card.card({ object: 'contacts', id: '30', language: 'en' })).toEqual({ state: 'not-scored', why: 'not-read-yet', problems: [] });
  });

  it('names each unreadable value of a record instead of scoring it', async () => {
    await h.ctx.store.db.run(`UPDATE sync_records SET properties = ? WHERE portal_id = '101' AND object = 'contacts' AND id = '7'`, [JSON.stringify({ total_revenue: '1,234.50', num_associated_deals: '3', recent_deal_close_date: '2026-10-01T00:00:00.000Z' })]);
    await h.ranOnce('101');
    const answer = await card.card({ object: 'contacts', id: '7', language: 'en' });
    expect(answer).toMatchObject({ state: 'not-scored', why: 'unreadable', problems: [{ property: 'total_revenue', value: '1,234.50' }] });
  });

  it('never shows one portal\'s record to another portal\'s card', async () => {
    const other = tierwiseClient(h.url, hubspotFetch(h.fake, '202'));
    await h.finishRun('202');
    // Contact 3 exists in portal 101's store only: portal 202's card reads its own (empty) store.
    expect(await other.card({ object: 'contacts', id: '3', language: 'en' })).toEqual({ state: 'not-scored', why: 'not-read-yet', problems: [] });
  });

  it('tells a card of an account without Tierwise that it is not connected, wrapped by HubSpot or not', async () => {
    for (const wrapErrors of [true, false]) {
      const stranger = tierwiseClient(h.url, hubspotFetch(h.fake, '303', { wrapErrors }));
      const error = await failure(stranger.card({ object: 'contacts', id: '1', language: 'en' }));
      expect(error.code).toBe('not_installed');
      expect(error.disconnected).toBe(true);
    }
  });

  it('tells the card when the portal lost its access (refresh token refused), and answers again once reconnected', async () => {
    await h.ctx.store.setStatus('202', 'disconnected');
    const other = tierwiseClient(h.url, hubspotFetch(h.fake, '202'));
    const error = await failure(other.card({ object: 'contacts', id: '1', language: 'en' }));
    expect(error).toMatchObject({ code: 'disconnected', disconnected: true });
    await h.ctx.store.setStatus('202', 'active');
    expect((await other.card({ object: 'contacts', id: '1', language: 'en' })).state).toBe('not-scored');
  });

  it('refuses a request HubSpot did not sign, and bad parameters with the field named', async () => {
    const unsigned = tierwiseClient(h.url, async (url) => fetch(`${url}&portalId=101`));
    expect((await failure(unsigned.card({ object: 'contacts', id: '1', language: 'en' }))).code).toBe('unauthorized');
    const answer = await h.fake.cardFetch(`${h.url}/api/card?object=deals&id=1&language=en`, '101');
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/^object: /) } });
  });

  it('creates the follow-up task for the record owner, due on the follow-up date, on the record', async () => {
    const before = await card.card({ object: 'contacts', id: '5', language: 'en' });
    if (before.state !== 'scored') throw new Error('contact 5 should be scored');
    const task = await card.createTask({ object: 'contacts', id: '5', language: 'en' });
    expect(task).toEqual({ taskId: expect.any(String), due: before.result.followUpBy, ownerId: '101' });
    const created = h.fake.portals.get('101')?.tasks.at(-1);
    expect(created?.properties).toMatchObject({ hs_timestamp: `${before.result.followUpBy}T09:00:00Z`, hubspot_owner_id: '101', hs_task_subject: `Tierwise: ${before.result.nextAction}` });
    expect(created?.associations).toEqual([{ to: { id: '5' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] }]);
    expect(h.fake.portals.get('202')?.tasks).toEqual([]);
  });

  it('does the same for a company: scored among the portal\'s companies, its task associated as a company\'s (192)', async () => {
    const portal = h.fake.portals.get('101');
    for (let i = 1; i <= 3; i++) {
      portal?.portal.companies.set(`90${i}`, { updatedAt: Date.now(), properties: { name: `Company ${i}`, hubspot_owner_id: '102', num_associated_deals: String(i * 2), recent_deal_close_date: '2026-10-15T00:00:00.000Z', first_deal_created_date: '2025-01-10T00:00:00.000Z', total_revenue: String(i * 1000) } });
    }
    await h.storeSynced('101', 'companies');
    await h.ranOnce('101');
    const answer = await card.card({ object: 'companies', id: '903', language: 'en' });
    expect(answer.state).toBe('scored');
    expect(await card.createTask({ object: 'companies', id: '903', language: 'en' })).toMatchObject({ ownerId: '102' });
    expect(portal?.tasks.at(-1)?.associations).toEqual([{ to: { id: '903' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] }]);
    // A contact with the company's id is another record.
    expect((await card.card({ object: 'contacts', id: '903', language: 'en' })).state).toBe('not-scored');
  });

  it('refuses a task for a record with no score', async () => {
    expect((await failure(card.createTask({ object: 'contacts', id: '30', language: 'en' }))).code).toBe('not_scored');
  });

  it('queues a re-score of the record and reports the run through the shared schemas', async () => {
    const { runId } = await card.rescore({ object: 'contacts', id: '30' });
    const run = await card.run(runId);
    expect(run).toMatchObject({ runId, kind: 'rescore-records', state: 'queued', done: 0, report: null });
    // Another portal cannot read this run.
    const other = tierwiseClient(h.url, hubspotFetch(h.fake, '202'));
    expect((await failure(other.run(runId))).code).toBe('not_found');
  });
});
