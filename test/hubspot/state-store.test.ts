// The SQLite state of a portal: one sync at a time, and a state file that cannot be used said so.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStateStore, StateFileError, StateLockedError } from '../../adapters/hubspot/state-store.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'tierwise-state-')), 'state.sqlite');

describe('openStateStore', () => {
  it('lets one holder at a time use a state file, in this process as in another', async () => {
    const path = fresh();
    const first = await openStateStore(path);
    await expect(openStateStore(path)).rejects.toThrow(StateLockedError);
    await expect(openStateStore(path)).rejects.toThrow(/^another Tierwise sync is using the state file .* \(started \S+ by process \d+\)/);
    await first.close();
    const second = await openStateStore(path);
    await second.close();
  });

  it('waits for the holder when asked to', async () => {
    const path = fresh();
    const first = await openStateStore(path);
    let released = false;
    setTimeout(() => {
      released = true;
      void first.close();
    }, 300);
    const second = await openStateStore(path, { waitMs: 10_000 });
    expect(released).toBe(true);
    await second.close();
  });

  it('keeps what it stored across holders', async () => {
    const path = fresh();
    const a = await openStateStore(path);
    await a.upsert('contacts', [{ id: '1', properties: { total_revenue: '10' }, held: null }]);
    await a.markWritten('contacts', [{ id: '1', values: { tierwise_tier: 'B' } }]);
    await a.set('contacts:readSince', '42');
    await a.close();
    const b = await openStateStore(path);
    expect(await b.all('contacts')).toEqual([{ id: '1', properties: { total_revenue: '10' }, written: { tierwise_tier: 'B' } }]);
    expect(await b.get('contacts:readSince')).toBe('42');
    await b.close();
  });

  it('refuses a file that is not its database in one sentence saying how to recover, and releases the lock', async () => {
    const path = fresh();
    writeFileSync(path, 'PK\u0003\u0004 a zip, not a database '.repeat(100));
    await expect(openStateStore(path)).rejects.toThrow(StateFileError);
    await expect(openStateStore(path)).rejects.toThrow(/move it aside and run again with --full/);
  });

  it('says when the state file was empty', async () => {
    const path = fresh();
    writeFileSync(path, '');
    const store = await openStateStore(path);
    expect(store.notices).toEqual([expect.stringMatching(/was empty \(0 bytes\), so this run starts afresh/)]);
    await store.close();
  });
});
