// The sync engine keeps a portal's state in a StateStore (a SQLite file: inputs of every record, what
// was last written, read checkpoints, task episodes). The app keeps it in its own database, shared by
// every worker on every machine: a run loads the portal's rows into a private StateStore, runs the
// engine, and saves the rows back in one transaction — also when the run fails, so its checkpoints
// survive. A worker killed mid-run loses only its private copy; the next run starts from the last save,
// and the engine's writes are idempotent (it writes only values that differ from what was last written).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { StateStore } from '../../../adapters/hubspot/state-store.ts';
import type { Values } from '../../../adapters/hubspot/write-values.ts';
import type { Store } from '../store/store.ts';

type RecordRow = { object: string; id: string; properties: string; written: string | null };

async function load(store: Store, portalId: string, state: StateStore): Promise<void> {
  const records = await store.db.all<RecordRow>('SELECT object, id, properties, written FROM sync_records WHERE portal_id = ? ORDER BY object, id', [portalId]);
  for (const object of new Set(records.map((r) => r.object))) {
    const mine = records.filter((r) => r.object === object);
    state.upsert(object, mine.map((r) => ({ id: r.id, properties: JSON.parse(r.properties) as Record<string, string | null> })));
    state.markWritten(object, mine.flatMap((r) => (r.written === null ? [] : [{ id: r.id, values: JSON.parse(r.written) as Values }])));
  }
  for (const m of await store.db.all<{ key: string; value: string }>('SELECT key, value FROM sync_meta WHERE portal_id = ?', [portalId])) state.set(m.key, m.value);
  for (const e of await store.db.all<{ object: string; id: string; since: string }>('SELECT object, id, since FROM sync_episodes WHERE portal_id = ?', [portalId])) state.startEpisode(e.object, e.id, e.since);
}

async function save(store: Store, portalId: string, path: string): Promise<void> {
  const file = new DatabaseSync(path, { readOnly: true });
  const records = file.prepare('SELECT object, id, properties, written FROM records').all() as RecordRow[];
  const meta = file.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  const episodes = file.prepare('SELECT object, id, since FROM episodes').all() as { object: string; id: string; since: string }[];
  file.close();
  await store.db.transaction(async (tx) => {
    // A record deleted (or privacy-deleted) while this run held its copy stays deleted.
    const forgotten = new Set((await tx.all<{ object: string; id: string }>('SELECT object, id FROM forgotten_records WHERE portal_id = ?', [portalId])).map((f) => `${f.object}:${f.id}`));
    for (const table of ['sync_records', 'sync_meta', 'sync_episodes']) await tx.run(`DELETE FROM ${table} WHERE portal_id = ?`, [portalId]);
    for (const r of records.filter((r) => !forgotten.has(`${r.object}:${r.id}`))) await tx.run('INSERT INTO sync_records (portal_id, object, id, properties, written) VALUES (?, ?, ?, ?, ?)', [portalId, r.object, r.id, r.properties, r.written]);
    for (const m of meta) await tx.run('INSERT INTO sync_meta (portal_id, key, value) VALUES (?, ?, ?)', [portalId, m.key, m.value]);
    for (const e of episodes.filter((e) => !forgotten.has(`${e.object}:${e.id}`))) await tx.run('INSERT INTO sync_episodes (portal_id, object, id, since) VALUES (?, ?, ?, ?)', [portalId, e.object, e.id, e.since]);
  });
}

/** Runs `work` on a private copy of the portal's sync state and saves it back, whether or not it succeeds. */
export async function withPortalState<T>(store: Store, portalId: string, work: (state: StateStore) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-portal-'));
  const path = join(dir, 'state.sqlite');
  const state = new StateStore(path);
  try {
    await load(store, portalId, state);
    try {
      return await work(state);
    } finally {
      state.close();
      await save(store, portalId, path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
