// The sync engine with the real @hubspot/api-client against the fake HubSpot on 127.0.0.1.
import { describe, expect, it, afterEach } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeHubSpot, seedContacts, type FakeHubSpot } from './fake-hubspot.ts';
import { Transport, DailyLimitError } from '../../adapters/hubspot/transport.ts';
import { openStateStore, type SyncState } from '../../adapters/hubspot/state-store.ts';
import { sync, type SyncOptions } from '../../adapters/hubspot/sync.ts';
import { PropertyClashError } from '../../adapters/hubspot/properties.ts';
import { simulatedClock, type Clock } from '../../adapters/hubspot/token-bucket.ts';

const open: (FakeHubSpot | SyncState)[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

async function setup(contacts: number, clock: Clock = simulatedClock(Date.UTC(2026, 10, 1))) {
  const fake = await startFakeHubSpot({ clock });
  seedContacts(fake, contacts);
  const store = await openStateStore(join(mkdtempSync(join(tmpdir(), 'tierwise-hs-')), 'state.sqlite'));
  open.push(fake, store);
  // Real-time timeout: generous (a loaded host is slow), short only where a test hangs a request.
  const transport = (timeoutMs = 5_000) => Transport.withToken('test-token', { basePath: fake.url, clock, timeoutMs, random: () => 0.5 });
  const options = (extra: Partial<SyncOptions> = {}): SyncOptions => ({ object: 'contacts', version: '2026-09', asOf: '2026-11-01', language: 'en', dryRun: false, createTasks: false, clock, ...extra });
  return { fake, store, transport, options, clock };
}

const ours = (fake: FakeHubSpot, id: string) => fake.portal.contacts.get(id)?.properties['tierwise_tier'];

describe('hubspot sync', () => {
  it('sets up its properties and writes every scored contact on the first sync, in batches of 100', async () => {
    const { fake, store, transport, options } = await setup(250);
    const report = await sync(transport(), store, options());
    expect([...fake.properties.contacts.keys()].sort()).toEqual(['tierwise_churn_level', 'tierwise_churn_risk', 'tierwise_lifecycle', 'tierwise_next_action', 'tierwise_reasons', 'tierwise_scored_at', 'tierwise_segment', 'tierwise_tier']);
    expect(report).toMatchObject({ mode: 'full', read: 250, changed: 250, written: 250, failed: [] });
    const updates = fake.requests.filter((r) => r.path.endsWith('/batch/update'));
    expect(updates).toHaveLength(3);
    expect(fake.requests.every((r) => !r.path.includes('/v3/'))).toBe(true);
    expect(['A', 'B', 'C', 'D', '']).toContain(ours(fake, '1'));
  });

  it('writes nothing when nothing changed, and setup stays idempotent', async () => {
    const { fake, store, transport, options } = await setup(120);
    await sync(transport(), store, options());
    const before = fake.requests.length;
    const again = await sync(transport(), store, options());
    expect(again).toMatchObject({ mode: 'incremental', changed: 0, written: 0 });
    expect(fake.requests.slice(before).filter((r) => r.path.endsWith('/batch/update'))).toHaveLength(0);
  });

  it('reads only what changed on a daily run, and re-scores the rest locally', async () => {
    const clock = simulatedClock(Date.UTC(2026, 10, 1));
    const { fake, store, transport, options } = await setup(500, clock);
    await sync(transport(), store, options());
    // A run a minute later re-reads what the first one wrote (modified after its read began) and writes nothing.
    await clock.sleep(60_000);
    const settle = await sync(transport(), store, options());
    expect(settle).toMatchObject({ mode: 'incremental', read: 500, written: 0 });
    await clock.sleep(86_400_000);
    for (const id of ['7', '77', '177', '277', '377']) fake.edit('contacts', id, { num_associated_deals: '40', recent_deal_close_date: '2026-11-01T10:00:00Z', total_revenue: '90000' });
    const before = fake.requests.length;
    const daily = await sync(transport(), store, options({ asOf: '2026-11-02' }));
    expect(daily.mode).toBe('incremental');
    expect(daily.read).toBe(5);
    expect(ours(fake, '7')).toBe('A');
    const used = fake.requests.length - before;
    expect(fake.requests.slice(before).some((r) => r.method === 'GET' && r.path === '/crm/objects/2026-09/contacts')).toBe(false);
    expect(used).toBeLessThan(20);
  });

  it('gets through when 30% of requests are answered 429, with no failed record', async () => {
    const { fake, store, transport, options } = await setup(300);
    fake.faults.rateLimitShare = 0.3;
    const t = transport();
    const report = await sync(t, store, options());
    expect(report).toMatchObject({ written: 300, failed: [] });
    expect(t.counters.rateLimited).toBeGreaterThan(0);
  });

  it('retries a burst of 5xx and a request that never answers', async () => {
    const { fake, store, transport, options } = await setup(150);
    fake.faults.fail5xx = 3;
    fake.faults.hang = 1;
    const t = transport(1_000);
    const report = await sync(t, store, options());
    expect(report).toMatchObject({ written: 150, failed: [] });
    expect(t.counters.timeouts).toBeGreaterThanOrEqual(1); // the hung one (a loaded host may time out another)
  });

  it('stops cleanly on the DAILY limit and, run again, ends where an uninterrupted run ends', async () => {
    const { fake, store, transport, options } = await setup(400);
    const twin = await setup(400);
    await sync(twin.transport(), twin.store, twin.options());
    let updates = 0;
    fake.faults.validate = () => {
      updates++;
      if (updates > 150) fake.faults.dailyExhausted = true;
      return null;
    };
    await expect(sync(transport(), store, options())).rejects.toBeInstanceOf(DailyLimitError);
    fake.faults.dailyExhausted = false;
    fake.faults.validate = undefined;
    const resumed = await sync(transport(), store, options());
    expect(resumed.written).toBeLessThan(400);
    for (const id of fake.portal.contacts.keys()) {
      const strip = (p: Record<string, string | null> | undefined) => Object.fromEntries(Object.entries(p ?? {}).filter(([k]) => k.startsWith('tierwise_') && k !== 'tierwise_scored_at'));
      expect(strip(fake.portal.contacts.get(id)?.properties)).toEqual(strip(twin.fake.portal.contacts.get(id)?.properties));
    }
  });

  it('finds each record a validation rule or a deletion makes HubSpot refuse its batch for, and writes the rest', async () => {
    const { fake, store, transport, options } = await setup(120);
    fake.faults.validate = (id) => (id === '5' ? 'Property tierwise_tier is locked by a validation rule' : null);
    fake.faults.missing = new Set(['9']);
    const report = await sync(transport(), store, options());
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { id: '5', reason: 'VALIDATION_ERROR: Property tierwise_tier is locked by a validation rule' },
        { id: '9', reason: 'OBJECT_NOT_FOUND: Object not found: 9' },
      ]),
    );
    expect(report.written).toBe(118);
    // Bisection: two bad records in the first batch of 100 cost a few requests each, not 100.
    expect(fake.requests.filter((r) => r.path.endsWith('/batch/update')).length).toBeLessThan(30);
  });

  it('refuses to run over a same-named property of another type, and writes nothing', async () => {
    const { fake, store, transport, options } = await setup(20);
    fake.properties.contacts.set('tierwise_tier', { name: 'tierwise_tier', type: 'string', fieldType: 'text', groupName: 'contactinformation', label: 'Our own tier' });
    await expect(sync(transport(), store, options())).rejects.toThrow(PropertyClashError);
    expect(fake.requests.some((r) => r.path.endsWith('/batch/update') || r.method === 'POST')).toBe(false);
  });

  it('shows what would change on a dry run and writes nothing', async () => {
    const { fake, store, transport, options } = await setup(50);
    const report = await sync(transport(), store, options({ dryRun: true }));
    expect(report.changed).toBe(50);
    expect(Object.values(report.tierMoves).reduce((a, b) => a + b, 0)).toBe(50);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('creates one follow-up task per episode of high churn risk, associated with the contact', async () => {
    const { fake, store, transport, options } = await setup(60);
    const first = await sync(transport(), store, options({ createTasks: true }));
    expect(first.tasksCreated).toBeGreaterThan(0);
    expect(fake.tasks[0]?.associations).toEqual([{ to: { id: expect.any(String) }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] }]);
    const second = await sync(transport(), store, options({ createTasks: true, full: true }));
    expect(second.tasksCreated).toBe(0);
  });

  it('syncs companies as well as contacts', async () => {
    const { fake, store, transport, options } = await setup(0);
    for (let i = 1; i <= 30; i++) fake.portal.companies.set(String(i), { updatedAt: 0, properties: { name: `Co ${i}`, num_associated_deals: String(i % 5), recent_deal_close_date: i % 5 ? `2026-0${1 + (i % 9)}-15` : null, total_revenue: String(i * 1000) } });
    const report = await sync(transport(), store, options({ object: 'companies' }));
    expect(report).toMatchObject({ object: 'companies', read: 30, written: 30, failed: [] });
    expect(fake.portal.companies.get('1')?.properties['tierwise_lifecycle']).toBeTruthy();
  });
});

describe('daily reads past the search cap', () => {
  it('pages through more than 10,000 modified records by restarting after the last id', async () => {
    const clock = simulatedClock(Date.UTC(2026, 10, 1));
    const { fake, store, transport, options } = await setup(10_500, clock);
    await sync(transport(), store, options());
    await clock.sleep(86_400_000);
    for (const record of fake.portal.contacts.values()) {
      record.properties['num_associated_deals'] = '30';
      record.updatedAt = clock.now();
    }
    const daily = await sync(transport(), store, options({ asOf: '2026-11-02' }));
    expect(daily).toMatchObject({ mode: 'incremental', read: 10_500 });
  });
});
