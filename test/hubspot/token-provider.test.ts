// Per-portal access tokens: refreshed from their TTL ahead of expiry, one refresh at a time, and a
// portal that cannot refresh is disconnected; syncPortal as the app calls it.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshingToken, PortalDisconnectedError } from '../../adapters/hubspot/token-provider.ts';
import { portalLimiter, simulatedClock } from '../../adapters/hubspot/token-bucket.ts';
import { openStateStore, type SyncState } from '../../adapters/hubspot/state-store.ts';
import { syncPortal } from '../../adapters/hubspot/sync-portal.ts';
import { startFakeHubSpot, seedContacts, type FakeHubSpot } from './fake-hubspot.ts';

const open: (FakeHubSpot | SyncState)[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

describe('refreshingToken', () => {
  it('refreshes ahead of expiry, once for concurrent callers', async () => {
    const clock = simulatedClock(0);
    let refreshes = 0;
    const tokens = refreshingToken({
      clock,
      current: { accessToken: 'first', expiresAt: 30 * 60_000 },
      refresh: async () => {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { accessToken: `fresh-${refreshes}`, expiresInSeconds: 1800 };
      },
    });
    expect(await tokens.accessToken()).toBe('first');
    await clock.sleep(26 * 60_000); // inside the 5-minute margin before expiry
    const all = await Promise.all([tokens.accessToken(), tokens.accessToken(), tokens.accessToken()]);
    expect(all).toEqual(['fresh-1', 'fresh-1', 'fresh-1']);
    expect(refreshes).toBe(1);
  });

  it('marks the portal disconnected when a refresh fails, and says so on every later call', async () => {
    const reasons: string[] = [];
    const tokens = refreshingToken({
      clock: simulatedClock(0),
      refresh: async () => {
        throw new Error('BAD_REFRESH_TOKEN: refresh token is invalid');
      },
      onDisconnected: (reason) => void reasons.push(reason),
    });
    await expect(tokens.accessToken()).rejects.toThrow(PortalDisconnectedError);
    await expect(tokens.accessToken()).rejects.toThrow(/BAD_REFRESH_TOKEN/);
    expect(reasons).toHaveLength(1);
  });

  it('on a 401 refreshes and retries the request once', async () => {
    const clock = simulatedClock(Date.UTC(2026, 10, 1));
    const fake = await startFakeHubSpot({ clock, token: 'fresh' });
    open.push(fake);
    seedContacts(fake, 30);
    const tokens = refreshingToken({ clock, current: { accessToken: 'revoked', expiresAt: clock.now() + 3_600_000 }, refresh: async () => ({ accessToken: 'fresh', expiresInSeconds: 1800 }) });
    const store = await openStateStore(join(mkdtempSync(join(tmpdir(), 'tierwise-tp-')), 'state.sqlite'));
    open.push(store);
    const report = await syncPortal({ tokens, store, basePath: fake.url, clock }, { asOf: '2026-11-01' });
    expect(report).toMatchObject({ stopped: null, written: 30 });
  });
});

describe('syncPortal', () => {
  it('returns a report that says the portal is disconnected instead of throwing', async () => {
    const clock = simulatedClock(Date.UTC(2026, 10, 1));
    const fake = await startFakeHubSpot({ clock });
    open.push(fake);
    const store = await openStateStore(join(mkdtempSync(join(tmpdir(), 'tierwise-tp-')), 'state.sqlite'));
    open.push(store);
    const tokens = refreshingToken({ clock, refresh: async () => Promise.reject(new Error('invalid_grant')) });
    const report = await syncPortal({ tokens, store, basePath: fake.url, clock }, { asOf: '2026-11-01' });
    expect(report.stopped).toEqual({ code: 'disconnected', message: expect.stringContaining('invalid_grant') });
    expect(fake.requests).toHaveLength(0);
  });

  it('shares one limiter between a portal’s contacts and companies syncs, so the portal never sees a 429', async () => {
    const clock = simulatedClock(Date.UTC(2026, 10, 1));
    const fake = await startFakeHubSpot({ clock });
    open.push(fake);
    seedContacts(fake, 3_000);
    for (let i = 1; i <= 3_000; i++) fake.portal.companies.set(String(i), { updatedAt: 0, properties: { name: `Co ${i}`, num_associated_deals: '1', recent_deal_close_date: '2026-06-01', total_revenue: '100' } });
    const limiter = portalLimiter(clock);
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-tp-'));
    const stores = [await openStateStore(join(dir, 'contacts.sqlite')), await openStateStore(join(dir, 'companies.sqlite'))];
    open.push(...stores);
    const tokens = { accessToken: async () => 'test-token' };
    const [contacts, companies] = await Promise.all([
      syncPortal({ tokens, store: stores[0] as SyncState, basePath: fake.url, clock, limiter }, { asOf: '2026-11-01', object: 'contacts' }),
      syncPortal({ tokens, store: stores[1] as SyncState, basePath: fake.url, clock, limiter }, { asOf: '2026-11-01', object: 'companies' }),
    ]);
    expect(contacts).toMatchObject({ stopped: null, written: 3_000 });
    expect(companies).toMatchObject({ stopped: null, written: 3_000 });
    expect(fake.requests.filter((r) => r.status === 429)).toEqual([]);
  });
});
