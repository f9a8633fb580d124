// The sync engine's state (adapters/hubspot/state-store.ts SyncState) for one portal, kept in the
// app's database so every worker on every machine sees the same checkpoints: inputs of each record,
// the Tierwise values HubSpot holds, read cursors, task episodes. One run holds a portal at a time (the
// portal lease, runner.ts). A record deleted in HubSpot (deletion or privacy deletion) is never stored
// again, even by a run that read it just before the deletion arrived.
import type { StoredRecord, SyncState } from '../../../adapters/hubspot/state-store.ts';
import type { Values } from '../../../adapters/hubspot/write-values.ts';
import type { Db } from '../store/db.ts';

const ROWS_PER_STATEMENT = 100;

export class DbSyncState implements SyncState {
  readonly notices: readonly string[] = [];
  private readonly db: Db;
  private readonly portalId: string;

  constructor(db: Db, portalId: string) {
    this.db = db;
    this.portalId = portalId;
  }

  async get(key: string): Promise<string | null> {
    const [row] = await this.db.all<{ value: string }>('SELECT value FROM sync_meta WHERE portal_id = ? AND key = ?', [this.portalId, key]);
    return row?.value ?? null;
  }

  async set(key: string, value: string | null): Promise<void> {
    if (value === null) await this.db.run('DELETE FROM sync_meta WHERE portal_id = ? AND key = ?', [this.portalId, key]);
    else await this.db.run('INSERT INTO sync_meta (portal_id, key, value) VALUES (?, ?, ?) ON CONFLICT (portal_id, key) DO UPDATE SET value = excluded.value', [this.portalId, key, value]);
  }

  async upsert(object: string, records: { id: string; properties: Record<string, string | null>; held: Values | null }[]): Promise<void> {
    if (records.length === 0) return;
    await this.db.transaction(async (tx) => {
      const forgotten = new Set((await tx.all<{ id: string }>('SELECT id FROM forgotten_records WHERE portal_id = ? AND object = ?', [this.portalId, object])).map((r) => r.id));
      const kept = records.filter((r) => !forgotten.has(r.id));
      // A page at a time (100-200 rows): one statement, not one round trip a record.
      for (let start = 0; start < kept.length; start += ROWS_PER_STATEMENT) {
        const chunk = kept.slice(start, start + ROWS_PER_STATEMENT);
        await tx.run(
          `INSERT INTO sync_records (portal_id, object, id, properties, written) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
           ON CONFLICT (portal_id, object, id) DO UPDATE SET properties = excluded.properties, written = excluded.written`,
          chunk.flatMap((r) => [this.portalId, object, r.id, JSON.stringify(r.properties), r.held === null ? null : JSON.stringify(r.held)]),
        );
      }
    });
  }

  async all(object: string): Promise<StoredRecord[]> {
    const rows = await this.db.all<{ id: string; properties: string; written: string | null }>('SELECT id, properties, written FROM sync_records WHERE portal_id = ? AND object = ? ORDER BY id', [this.portalId, object]);
    return rows.map((r) => ({ id: r.id, properties: JSON.parse(r.properties) as Record<string, string | null>, written: r.written === null ? null : (JSON.parse(r.written) as Values) }));
  }

  async markWritten(object: string, written: { id: string; values: Values }[]): Promise<void> {
    for (let start = 0; start < written.length; start += ROWS_PER_STATEMENT) {
      const chunk = written.slice(start, start + ROWS_PER_STATEMENT);
      // UPDATE … FROM (VALUES …): both SQLite (3.33+) and PostgreSQL name the columns column1, column2.
      await this.db.run(
        `UPDATE sync_records SET written = v.column2 FROM (VALUES ${chunk.map(() => '(?, ?)').join(', ')}) AS v
         WHERE sync_records.portal_id = ? AND sync_records.object = ? AND sync_records.id = v.column1`,
        [...chunk.flatMap((w) => [w.id, JSON.stringify(w.values)]), this.portalId, object],
      );
    }
  }

  async openEpisode(object: string, id: string): Promise<string | null> {
    const [row] = await this.db.all<{ since: string }>('SELECT since FROM sync_episodes WHERE portal_id = ? AND object = ? AND id = ?', [this.portalId, object, id]);
    return row?.since ?? null;
  }

  async startEpisode(object: string, id: string, since: string): Promise<void> {
    await this.db.run('INSERT INTO sync_episodes (portal_id, object, id, since) VALUES (?, ?, ?, ?) ON CONFLICT (portal_id, object, id) DO UPDATE SET since = excluded.since', [this.portalId, object, id, since]);
  }

  async endEpisode(object: string, id: string): Promise<void> {
    await this.db.run('DELETE FROM sync_episodes WHERE portal_id = ? AND object = ? AND id = ?', [this.portalId, object, id]);
  }

  /** Nothing to release: the connection belongs to the app. */
  async close(): Promise<void> {}
}
