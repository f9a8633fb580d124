// The store on both databases: migrations from one definition, tenants keyed apart, dedupe and
// replay claims, runs finishing once, uninstall leaving nothing behind.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../hubspot-app/server/store/open.ts';
import { migrate, MIGRATIONS, PORTAL_TABLES } from '../../hubspot-app/server/store/migrations.ts';
import type { Store } from '../../hubspot-app/server/store/store.ts';
import { freshDatabase, KINDS, skipKind, type TestDatabase } from './databases.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function storeOn(kind: 'sqlite' | 'postgres'): Promise<{ store: Store; database: TestDatabase }> {
  const database = await freshDatabase(kind);
  cleanup.push(database.drop);
  const store = await openStore(database.settings);
  cleanup.push(() => store.db.close());
  return { store, database };
}

const install = (portalId: string) => ({ portalId, accessToken: `sealed-a-${portalId}`, refreshToken: `sealed-r-${portalId}`, accessExpiresAt: 1_800_000, scopes: ['oauth', 'crm.objects.contacts.read'], installedAt: 1, timeZone: 'UTC', syncHour: 3 });

describe.each(KINDS)('the store on %s', (kind) => {
  describe.skipIf(skipKind(kind))(kind, () => {
    it('applies each migration once, also when opened again', async () => {
      const { store, database } = await storeOn(kind);
      expect(await migrate(store.db)).toEqual([]);
      const again = await openStore(database.settings);
      cleanup.push(() => again.db.close());
      const applied = await again.db.all<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(applied.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    });

    it('keeps portals apart and reads back what it stored', async () => {
      const { store } = await storeOn(kind);
      await store.saveInstall(install('101'));
      await store.saveInstall(install('202'));
      expect(await store.portal('101')).toMatchObject({ portalId: '101', accessToken: 'sealed-a-101', scopes: ['oauth', 'crm.objects.contacts.read'], status: 'active', syncHour: 3, lastScheduledDay: null });
      expect((await store.portals()).map((p) => p.portalId)).toEqual(['101', '202']);
      expect(await store.setSchedule('101', 'Europe/Berlin', 5)).toBe(true);
      expect(await store.portal('202')).toMatchObject({ timeZone: 'UTC', syncHour: 3 });
    });

    it('stores a refreshed token pair only over the refresh token it started from', async () => {
      const { store } = await storeOn(kind);
      await store.saveInstall(install('101'));
      expect(await store.replaceTokens('101', 'sealed-r-101', { accessToken: 'a2', refreshToken: 'r2', accessExpiresAt: 9 })).toBe(true);
      expect(await store.replaceTokens('101', 'sealed-r-101', { accessToken: 'a3', refreshToken: 'r3', accessExpiresAt: 10 })).toBe(false);
      expect(await store.portal('101')).toMatchObject({ accessToken: 'a2', refreshToken: 'r2', accessExpiresAt: 9 });
    });

    it('claims an event id, a signature and a scheduled day once', async () => {
      const { store } = await storeOn(kind);
      await store.saveInstall(install('101'));
      expect(await store.claimEvent('101', 'e1', 1)).toBe(true);
      expect(await store.claimEvent('101', 'e1', 2)).toBe(false);
      expect(await store.claimEvent('202', 'e1', 2)).toBe(true);
      expect(await store.claimSignature('sig', 100, 1)).toBe(true);
      expect(await store.claimSignature('sig', 100, 2)).toBe(false);
      expect(await store.claimSignature('sig', 300, 200)).toBe(true); // expired entries are forgotten
      expect(await store.claimScheduledDay('101', '2026-11-29')).toBe(true);
      expect(await store.claimScheduledDay('101', '2026-11-29')).toBe(false);
      expect(await store.claimScheduledDay('101', '2026-11-30')).toBe(true);
    });

    it('leases a portal to one worker at a time until the lease runs out', async () => {
      const { store } = await storeOn(kind);
      expect(await store.takeLease('101', 'a', 100, 1)).toBe(true);
      expect(await store.takeLease('101', 'b', 100, 50)).toBe(false);
      expect(await store.takeLease('101', 'a', 200, 60)).toBe(true); // renewal
      expect(await store.takeLease('202', 'b', 100, 60)).toBe(true);
      expect(await store.takeLease('101', 'b', 400, 201)).toBe(true); // a went silent
      await store.releaseLease('101', 'a'); // not a's any more: no effect
      expect(await store.takeLease('101', 'c', 500, 202)).toBe(false);
      await store.releaseLease('101', 'b');
      expect(await store.takeLease('101', 'c', 500, 203)).toBe(true);
    });

    it('forgets a deleted record: its inputs, what we wrote, its episode; and remembers only its id', async () => {
      const { store } = await storeOn(kind);
      for (const id of ['1', '2']) {
        await store.db.run(`INSERT INTO sync_records (portal_id, object, id, properties, written) VALUES ('101', 'contacts', ?, '{"email":"x@example.com"}', '{"tierwise_tier":"A"}')`, [id]);
        await store.db.run(`INSERT INTO sync_episodes (portal_id, object, id, since) VALUES ('101', 'contacts', ?, '2026-11-01')`, [id]);
      }
      expect(await store.deleteRecord('101', 'contacts', '1')).toBe(2);
      expect(await store.db.all(`SELECT id FROM sync_records WHERE portal_id = '101'`)).toEqual([{ id: '2' }]);
      expect(await store.db.all(`SELECT id FROM sync_episodes WHERE portal_id = '101'`)).toEqual([{ id: '2' }]);
      expect(await store.db.all(`SELECT * FROM forgotten_records`)).toEqual([{ portal_id: '101', object: 'contacts', id: '1' }]);
    });

    it('purges event ids after 7 days and finished runs after 30, keeping running ones', async () => {
      const { store } = await storeOn(kind);
      const day = 86_400_000;
      const now = 100 * day;
      await store.claimEvent('101', 'old', now - 8 * day);
      await store.claimEvent('101', 'new', now - 6 * day);
      for (const [runId, finished] of [['old', now - 31 * day], ['recent', now - 29 * day]] as const) {
        await store.createRun({ runId, portalId: '101', kind: 'scheduled', queuedAt: 0 });
        await store.startRun(runId, 0);
        await store.finishRun(runId, finished, { report: {} });
      }
      await store.createRun({ runId: 'running', portalId: '101', kind: 'scheduled', queuedAt: 0 });
      await store.startRun('running', 0);
      expect(await store.purge(now)).toBe(2);
      expect((await store.db.all<{ event_id: string }>('SELECT event_id FROM webhook_events')).map((r) => r.event_id)).toEqual(['new']);
      expect((await store.runs('101')).map((r) => r.runId).sort()).toEqual(['recent', 'running']);
    });

    it('finishes a run once, even if a second worker starts it again', async () => {
      const { store } = await storeOn(kind);
      await store.createRun({ runId: 'r1', portalId: '101', kind: 'scheduled', queuedAt: 1 });
      expect(await store.startRun('r1', 2)).toBe(true);
      expect(await store.startRun('r1', 3)).toBe(true); // the first worker died; another picks it up
      await store.progress('r1', 5, 10);
      expect(await store.finishRun('r1', 4, { report: { written: 10 } })).toBe(true);
      expect(await store.finishRun('r1', 5, { report: { written: 10 } })).toBe(false);
      expect(await store.startRun('r1', 6)).toBe(false);
      expect(await store.run('101', 'r1')).toMatchObject({ state: 'done', attempts: 2, done: 5, total: 10, report: { written: 10 }, finishedAt: 4 });
      expect(await store.run('202', 'r1')).toBeNull();
    });

    it('leaves no row of an uninstalled portal in any table, and the other portal untouched', async () => {
      const { store } = await storeOn(kind);
      for (const p of ['101', '202']) {
        await store.saveInstall(install(p));
        await store.claimEvent(p, 'e1', 1);
        await store.createRun({ runId: `r${p}`, portalId: p, kind: 'install', queuedAt: 1 });
        await store.db.run(`INSERT INTO sync_records (portal_id, object, id, properties, written) VALUES (?, 'contacts', '1', '{}', NULL)`, [p]);
        await store.db.run(`INSERT INTO sync_meta (portal_id, key, value) VALUES (?, 'k', 'v')`, [p]);
        await store.db.run(`INSERT INTO jobs (job_id, portal_id, payload, state, run_after, locked_until, attempts) VALUES (?, ?, '{}', 'queued', 0, NULL, 0)`, [`j${p}`, p]);
        expect(await store.takeLease(p, 'worker-1', 10, 1)).toBe(true);
        await store.deleteRecord(p, 'contacts', '2');
        await store.db.run(`INSERT INTO sync_episodes (portal_id, object, id, since) VALUES (?, 'contacts', '1', '2026-11-01')`, [p]);
        await store.db.run(`INSERT INTO portal_settings (portal_id, settings, updated_at) VALUES (?, '{}', 1)`, [p]);
        await store.db.run(`INSERT INTO workflow_callbacks (portal_id, callback_id, object, id, created_at) VALUES (?, 'ap-1', 'contacts', '1', 1)`, [p]);
      }
      await store.deletePortal('101');
      for (const table of PORTAL_TABLES) {
        const rows = await store.db.all<{ portal_id: string }>(`SELECT portal_id FROM ${table}`);
        expect(rows.map((r) => r.portal_id), table).toEqual(['202']);
      }
    });
  });
});
