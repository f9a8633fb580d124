// The app end to end against the fake marketplace: install → first sync → webhook → re-score →
// uninstall, two tenants kept apart, signatures refused as HubSpot's own checks would be.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeMarketplace } from './fake-hubspot-oauth.ts';
import type { Backend } from '../../hubspot-app/server/backend.ts';
import { freshDatabase, KINDS, skipKind } from './databases.ts';
import { scheduleDue } from '../../hubspot-app/server/scheduler.ts';
import { backendEnv, freePort, install, startMarketplace, startTestBackend, until } from './harness.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(kind: 'sqlite' | 'postgres', extra: Record<string, string> = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const fake = await startMarketplace(url);
  cleanup.push(() => fake.close());
  const database = await freshDatabase(kind);
  cleanup.push(database.drop);
  const { backend } = await startTestBackend(backendEnv(fake, port, database, extra));
  cleanup.push(async () => void (await backend.stop(5_000)));
  return { fake, backend, url };
}

type Status = { status: string; runs: { runId: string; kind: string; state: string; done: number; total: number | null; error: string | null }[] };
const status = async (fake: FakeMarketplace, url: string, portalId: string) => (await (await fake.cardFetch(`${url}/api/status`, portalId)).json()) as Status;
const finished = (fake: FakeMarketplace, url: string, portalId: string, kind: string, count = 1) =>
  until(`${count} ${kind} run(s) of portal ${portalId} done`, async () => {
    const s = await status(fake, url, portalId);
    const runs = s.runs?.filter((r) => r.kind === kind) ?? [];
    const failed = runs.find((r) => r.state === 'failed');
    if (failed) throw new Error(`run failed: ${failed.error}`);
    return runs.filter((r) => r.state === 'done').length >= count ? runs : null;
  });
const tier = (fake: FakeMarketplace, portalId: string, id: string) => fake.portals.get(portalId)?.portal.contacts.get(id)?.properties['tierwise_tier'];

describe.each(KINDS)('the marketplace app on %s', (kind) => {
  describe.skipIf(skipKind(kind))(kind, () => {
    it('installs, syncs the whole portal, re-scores a record on its webhook, forgets a privacy-deleted one, and uninstalls', async () => {
      const { fake, backend, url } = await setup(kind);
      await fake.addPortal('101', 150);
      const installed = await install(fake, url, '101');
      expect(installed.status).toBe(200);
      expect(await installed.text()).toContain('installed in HubSpot account 101');
      expect(installed.headers.get('set-cookie')).toMatch(/tierwise_install=;.*Max-Age=0/);

      // First sync: every contact of the portal carries a tier.
      await finished(fake, url, '101', 'install');
      const contacts = fake.portals.get('101')?.portal.contacts;
      // Every contact was read and scored; every one with deals carries a tier (a contact without deals
      // is a prospect: the engine leaves its properties empty, so nothing is written for it).
      expect(contacts?.size).toBe(150);
      expect(await backend.ctx.store.db.all(`SELECT id FROM sync_records WHERE portal_id = '101' AND object = 'contacts'`)).toHaveLength(150);
      for (const [id, record] of contacts ?? []) {
        if (record.properties['num_associated_deals'] === '0') continue;
        expect(['A', 'B', 'C', 'D'], `contact ${id}`).toContain(record.properties['tierwise_tier']);
        expect(record.properties['tierwise_scored_at'], `contact ${id}`).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      }
      expect([...(contacts?.values() ?? [])].filter((r) => r.properties['num_associated_deals'] !== '0').length).toBeGreaterThan(100);
      expect(fake.requests.filter((r) => r.path.startsWith('/oauth/')).map((r) => `${r.path} ${r.grantType ?? ''}`.trim())).toEqual(['/oauth/authorize', '/oauth/2026-03/token authorization_code']);
      expect(fake.requests.some((r) => r.path.startsWith('/oauth/v1'))).toBe(false);

      // A deal closes for a dormant contact: HubSpot sends the rollup change, we re-score that record.
      const dormant = [...(contacts ?? [])].find(([, r]) => r.properties['tierwise_tier'] === 'D')?.[0] ?? '';
      expect(dormant).not.toBe('');
      const record = contacts?.get(dormant);
      if (record === undefined) throw new Error('seed');
      Object.assign(record.properties, { num_associated_deals: '30', recent_deal_close_date: new Date().toISOString(), total_revenue: '90000' });
      const event = fake.event('101', { subscriptionType: 'object.propertyChange', objectTypeId: '0-1', objectId: Number(dormant), propertyName: 'num_associated_deals', propertyValue: '30' });
      const ack = await fake.deliver(`${url}/hubspot/webhooks`, [event]);
      expect(ack.status).toBe(200);
      expect(await ack.json()).toEqual({ received: 1, duplicates: 0 });
      await finished(fake, url, '101', 'rescore-records');
      expect(tier(fake, '101', dormant)).not.toBe('D');
      expect(fake.requests.some((r) => r.path === '/crm/objects/2026-09/contacts/batch/read' && r.portalId === '101')).toBe(true);

      // The same event again (HubSpot retries): acknowledged, not re-run.
      const again = await fake.deliver(`${url}/hubspot/webhooks`, [event]);
      expect(await again.json()).toEqual({ received: 1, duplicates: 1 });
      expect((await status(fake, url, '101')).runs.filter((r) => r.kind === 'rescore-records')).toHaveLength(1);

      // Events that must not re-score: our own property, and a property that does not feed the score.
      const ours = await fake.deliver(`${url}/hubspot/webhooks`, [fake.event('101', { subscriptionType: 'object.propertyChange', objectTypeId: '0-1', objectId: 5, propertyName: 'tierwise_tier' }), fake.event('101', { subscriptionType: 'object.propertyChange', objectTypeId: '0-1', objectId: 5, propertyName: 'firstname' })]);
      expect(ours.status).toBe(200);
      expect((await status(fake, url, '101')).runs.filter((r) => r.kind === 'rescore-records')).toHaveLength(1);

      // Privacy deletion: everything we store about the contact goes, before the answer.
      const stored = (id: string) => backend.ctx.store.db.all(`SELECT id FROM sync_records WHERE portal_id = '101' AND object = 'contacts' AND id = ?`, [id]);
      expect(await stored('9')).toHaveLength(1);
      const privacy = await fake.deliver(`${url}/hubspot/webhooks`, [fake.event('101', { subscriptionType: 'contact.privacyDeletion', objectId: 9 })]);
      expect(privacy.status).toBe(200);
      expect(await stored('9')).toHaveLength(0);

      // On-demand re-score of the whole portal, with progress readable by run id.
      const asked = await fake.cardFetch(`${url}/api/rescore`, '101', { method: 'POST', body: {} });
      expect(asked.status).toBe(202);
      const { runId } = (await asked.json()) as { runId: string };
      const run = await until('the re-score run', async () => {
        const r = (await (await fake.cardFetch(`${url}/api/runs/${runId}`, '101')).json()) as { state: string; done: number; total: number | null };
        return r.state === 'done' ? r : null;
      });
      expect(run.done).toBe(run.total ?? 0);
      expect(await stored('9')).toHaveLength(0); // the portal-wide run did not bring the forgotten contact back

      // Disconnect from the settings page: HubSpot is told, tokens revoked, every row gone.
      const disconnected = await fake.cardFetch(`${url}/api/disconnect`, '101', { method: 'POST', body: {} });
      expect(await disconnected.json()).toEqual({ disconnected: '101' });
      expect(fake.requests.some((r) => r.path === '/appinstalls/2026-03/external-install' && r.portalId === '101')).toBe(true);
      for (const table of ['portals', 'sync_records', 'sync_meta', 'sync_runs', 'webhook_events', 'jobs']) {
        expect(await backend.ctx.store.db.all(`SELECT 1 FROM ${table} WHERE portal_id = '101'`), table).toEqual([]);
      }
      const after = await fake.cardFetch(`${url}/api/status`, '101');
      expect(after.status).toBe(404);
      expect(await after.json()).toEqual({ error: { code: 'not_installed', message: expect.stringContaining('not installed') } });
    });

    it('removes a portal uninstalled in HubSpot at its next run (one refresh after the 401, then gone)', async () => {
      const { fake, backend, url } = await setup(kind);
      await fake.addPortal('303', 20);
      await install(fake, url, '303');
      await finished(fake, url, '303', 'install');
      fake.uninstall('303');
      const asked = await fake.cardFetch(`${url}/api/rescore`, '303', { method: 'POST', body: {} });
      expect(asked.status).toBe(202);
      await until('portal 303 removed', async () => (await backend.ctx.store.portal('303')) === null);
      expect(await backend.ctx.store.db.all(`SELECT 1 FROM sync_records WHERE portal_id = '303'`)).toEqual([]);
      const refreshes = fake.requests.filter((r) => r.grantType === 'refresh_token');
      expect(refreshes).toHaveLength(1);
    });

    it('runs each portal\'s daily sync at its hour, once a day, and one portal\'s failure does not hold up another', async () => {
      const { fake, backend, url } = await setup(kind);
      for (const p of ['101', '202', '303']) {
        await fake.addPortal(p, 30);
        await install(fake, url, p);
        await finished(fake, url, p, 'install');
      }
      const now = Date.now();
      const hourIn = (tz: string) => Number(new Intl.DateTimeFormat('en', { timeZone: tz, hour: '2-digit', hourCycle: 'h23' }).format(now));
      // 101 and 202 are due now (their hour has come in their time zones); 303's hour is still ahead.
      await backend.ctx.store.setSchedule('101', 'Asia/Tokyo', hourIn('Asia/Tokyo'));
      await backend.ctx.store.setSchedule('202', 'America/New_York', hourIn('America/New_York'));
      await backend.ctx.store.setSchedule('303', 'UTC', (hourIn('UTC') + 1) % 24);
      for (const p of ['101', '202', '303']) await backend.ctx.store.db.run('UPDATE portals SET last_scheduled_day = ? WHERE portal_id = ?', ['2000-01-01', p]);
      // 101's daily API limit is used up: its run stops; 202's must still run.
      const portal101 = fake.portals.get('101');
      if (portal101 === undefined) throw new Error('setup');
      portal101.faults.dailyExhausted = true;
      const queued = await scheduleDue(backend.ctx.store, backend.ctx.queue, backend.ctx.clock);
      expect(queued.sort()).toEqual(hourIn('UTC') === 23 ? ['101', '202', '303'] : ['101', '202']);
      expect(await scheduleDue(backend.ctx.store, backend.ctx.queue, backend.ctx.clock)).toEqual([]); // once a day
      await finished(fake, url, '202', 'scheduled');
      const failed = await until('101 stopped by its daily limit', async () => (await status(fake, url, '101')).runs.find((r) => r.kind === 'scheduled' && r.state === 'failed'));
      expect(failed.error).toMatch(/daily/i);
    });

    it('on stop, requeues a run still going after the grace period, and another worker finishes it', async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const fake = await startMarketplace(url);
      cleanup.push(() => fake.close());
      const database = await freshDatabase(kind);
      cleanup.push(database.drop);
      const env = backendEnv(fake, port, database, { TIERWISE_JOB_TIMEOUT_SECONDS: '600' });
      const first = await startTestBackend(env);
      const portal = await fake.addPortal('101', 120);
      portal.wire.push({ kind: 'hang', times: 1, when: (r) => r.path.endsWith('/batch/update') });
      await install(fake, url, '101');
      await until('a write in flight', async () => portal.wire[0]?.times === 0);
      const requeued = await first.backend.stop(300);
      expect(requeued.map((j) => j.kind)).toEqual(['install']);
      // A second instance (the job timeout is 10 minutes: only the requeue lets it run now).
      const second = await startTestBackend({ ...env }, { http: true, worker: true, scheduler: false });
      cleanup.push(async () => void (await second.backend.stop(5_000)));
      const run = await until('the run finished by the second instance', async () => {
        const [r] = await second.backend.ctx.store.runs('101');
        return r?.state === 'done' ? r : null;
      }, 60_000);
      expect(run.attempts).toBe(2);
      for (const [id, record] of portal.portal.contacts) if (record.properties['num_associated_deals'] !== '0') expect(record.properties['tierwise_tier'], id).toMatch(/^[ABCD]$/);
    });

    it('keeps two tenants apart: each syncs its own portal, and neither can read or change the other', async () => {
      const { fake, url } = await setup(kind);
      await fake.addPortal('101', 40);
      await fake.addPortal('202', 60);
      expect((await install(fake, url, '101')).status).toBe(200);
      expect((await install(fake, url, '202')).status).toBe(200);
      await finished(fake, url, '101', 'install');
      await finished(fake, url, '202', 'install');
      // Each portal's API traffic used that portal's token only.
      const perPortal = (p: string) => fake.requests.filter((r) => r.portalId === p && r.path.startsWith('/crm/')).length;
      expect(perPortal('101')).toBeGreaterThan(0);
      expect(perPortal('202')).toBeGreaterThan(0);
      expect(fake.requests.filter((r) => r.path.startsWith('/crm/') && r.portalId === null)).toEqual([]);

      const run101 = (await status(fake, url, '101')).runs[0]?.runId ?? '';
      // 202 asking for 101's run: not found (the portal comes from the signature, not the request).
      expect((await fake.cardFetch(`${url}/api/runs/${run101}`, '202')).status).toBe(404);
      // A request signed for 202 with 101 swapped into the URL: the signature no longer matches.
      const signedFor202 = new URL(`${url}/api/status`);
      signedFor202.searchParams.set('portalId', '202');
      const headers = fake.sign('GET', signedFor202.toString(), '');
      expect((await fetch(`${url}/api/status?portalId=101`, { headers })).status).toBe(401);
      // A body naming another portal changes nothing: settings land on the signed portal.
      const set = await fake.cardFetch(`${url}/api/settings`, '202', { method: 'PUT', body: { timeZone: 'Asia/Tokyo', syncHour: 6, portalId: '101' } });
      expect(set.status).toBe(400);
      expect((await fake.cardFetch(`${url}/api/settings`, '202', { method: 'PUT', body: { timeZone: 'Asia/Tokyo', syncHour: 6 } })).status).toBe(200);
      expect(await status(fake, url, '101')).toMatchObject({ timeZone: 'UTC', syncHour: 3 });
      expect(await status(fake, url, '202')).toMatchObject({ timeZone: 'Asia/Tokyo', syncHour: 6 });
      // A webhook event of portal 101 only touches portal 101's runs.
      await fake.deliver(`${url}/hubspot/webhooks`, [fake.event('101', { subscriptionType: 'object.propertyChange', objectTypeId: '0-1', objectId: 3, propertyName: 'total_revenue' })]);
      await finished(fake, url, '101', 'rescore-records');
      expect((await status(fake, url, '202')).runs.filter((r) => r.kind === 'rescore-records')).toEqual([]);
    });
  });
});
