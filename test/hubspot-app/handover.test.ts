// A portal's runs handed from one worker to another: the second waits out the first's 10-second window
// (each worker's limiter counts only its own requests), and not when the same worker runs it again.
import { afterEach, describe, expect, it } from 'vitest';
import { simulatedClock } from '../../adapters/hubspot/token-bucket.ts';
import { afterPreviousRun } from '../../hubspot-app/server/runner.ts';
import { DbSyncState } from '../../hubspot-app/server/sync/db-sync-state.ts';
import { openStore } from '../../hubspot-app/server/store/open.ts';
import { freshDatabase, KINDS, skipKind } from './databases.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe.each(KINDS)('handing a portal between workers on %s', (kind) => {
  it.skipIf(skipKind(kind))('waits out the previous worker\'s window, and only that', async () => {
    const database = await freshDatabase(kind);
    cleanup.push(database.drop);
    const store = await openStore(database.settings);
    cleanup.push(() => store.db.close());
    const state = new DbSyncState(store.db, '101');
    const clock = simulatedClock(1_000_000);
    expect(await afterPreviousRun(state, 'worker-b', clock)).toBe(0); // no previous run
    await state.set('app:lastRun', `worker-a ${clock.now() - 4_000}`);
    expect(await afterPreviousRun(state, 'worker-a', clock)).toBe(0); // its own limiter knows
    expect(await afterPreviousRun(state, 'worker-b', clock)).toBe(6_000);
    expect(clock.elapsed()).toBe(6_000);
    expect(await afterPreviousRun(state, 'worker-b', clock)).toBe(0); // the window has passed
    // Another portal's marker is its own.
    expect(await new DbSyncState(store.db, '202').get('app:lastRun')).toBeNull();
  });
});
