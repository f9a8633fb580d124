// Shared set-up for the HubSpot suites: a fake portal, a locked state file, a transport on a simulated
// clock (retries are instant; only network timeouts use real time), and a comparison of Tierwise's
// values across two portals (the run under test against an uninterrupted one).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeHubSpot, seedContacts, type FakeHubSpot } from './fake-hubspot.ts';
import { Transport } from '../../adapters/hubspot/transport.ts';
import { openStateStore, type SyncState } from '../../adapters/hubspot/state-store.ts';
import { sync, type SyncOptions } from '../../adapters/hubspot/sync.ts';
import { syncPortal, type SyncPortalOptions } from '../../adapters/hubspot/sync-portal.ts';
import { fixedToken } from '../../adapters/hubspot/token-provider.ts';
import { simulatedClock, type Clock } from '../../adapters/hubspot/token-bucket.ts';

export const AS_OF = '2026-11-01';
export const START = Date.UTC(2026, 10, 1);

export interface Setup {
  fake: FakeHubSpot;
  store: SyncState;
  statePath: string;
  clock: Clock & { elapsed(): number };
  transport: () => Transport;
  options: (extra?: Partial<SyncOptions>) => SyncOptions;
  /** syncPortal on this fake and store (the app's entry point). */
  run: (extra?: Partial<SyncPortalOptions>) => ReturnType<typeof syncPortal>;
  /** Closes and reopens the state (a new process). */
  reopen: () => Promise<void>;
}

export function harness() {
  const open: { close(): Promise<void> }[] = [];
  const closeAll = async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  };
  /**
   * `timeoutMs` is real time: generous by default, because a request that times out on a loaded host
   * is retried after a (simulated) backoff and would blur what the fake sees; short where a test hangs one.
   */
  async function setup(contacts: number, clock = simulatedClock(START), timeoutMs = 5_000): Promise<Setup> {
    const fake = await startFakeHubSpot({ clock });
    seedContacts(fake, contacts);
    const statePath = join(mkdtempSync(join(tmpdir(), 'tierwise-hs-')), 'state.sqlite');
    const holder = { store: await openStateStore(statePath) };
    open.push(fake, { close: () => holder.store.close() });
    const s: Setup = {
      fake,
      get store() {
        return holder.store;
      },
      statePath,
      clock,
      transport: () => Transport.withToken('test-token', { basePath: fake.url, clock, timeoutMs, random: () => 0.5 }),
      options: (extra = {}) => ({ object: 'contacts', version: '2026-09', asOf: AS_OF, language: 'en', dryRun: false, createTasks: false, clock, ...extra }),
      run: (extra = {}) => syncPortal({ tokens: fixedToken('test-token'), store: holder.store, basePath: fake.url, clock, timeoutMs, random: () => 0.5 }, { asOf: AS_OF, ...extra }),
      reopen: async () => {
        await holder.store.close();
        holder.store = await openStateStore(statePath);
      },
    };
    return s;
  }
  return { setup, closeAll, sync };
}

/** Tierwise's values on every record (tierwise_scored_at aside: it is the time of the write). */
export function tierwiseValues(fake: FakeHubSpot, object: 'contacts' | 'companies' = 'contacts'): Map<string, Record<string, string | null>> {
  const out = new Map<string, Record<string, string | null>>();
  for (const [id, record] of fake.portal[object]) {
    out.set(id, Object.fromEntries(Object.entries(record.properties).filter(([k, v]) => k.startsWith('tierwise_') && k !== 'tierwise_scored_at' && v !== null && v !== '').sort()));
  }
  return out;
}

export type { FakeHubSpot };
