// The local state of a portal: the inputs of every record (so a daily run re-scores everyone while
// reading only what changed), what Tierwise last wrote (so it writes only changes), read checkpoints
// and open follow-up task episodes. SQLite through node:sqlite, one file per portal by default.
import { DatabaseSync } from 'node:sqlite';
import type { Values } from './write-values.ts';

export interface StoredRecord {
  id: string;
  properties: Record<string, string | null>;
  written: Values | null;
}

export class StateStore {
  private readonly db: DatabaseSync;

  constructor(path: string) {
    this.db = new DatabaseSync(path);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      CREATE TABLE IF NOT EXISTS records (object TEXT NOT NULL, id TEXT NOT NULL, properties TEXT NOT NULL, written TEXT, PRIMARY KEY (object, id));
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS episodes (object TEXT NOT NULL, id TEXT NOT NULL, since TEXT NOT NULL, PRIMARY KEY (object, id));
    `);
  }

  close(): void {
    this.db.close();
  }

  get(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  set(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Stores what HubSpot said of these records, keeping what Tierwise last wrote. One transaction per page. */
  upsert(object: string, records: { id: string; properties: Record<string, string | null> }[]): void {
    const statement = this.db.prepare(
      'INSERT INTO records (object, id, properties, written) VALUES (?, ?, ?, NULL) ON CONFLICT(object, id) DO UPDATE SET properties = excluded.properties',
    );
    this.db.exec('BEGIN');
    try {
      for (const r of records) statement.run(object, r.id, JSON.stringify(r.properties));
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  all(object: string): StoredRecord[] {
    const rows = this.db.prepare('SELECT id, properties, written FROM records WHERE object = ? ORDER BY id').all(object) as { id: string; properties: string; written: string | null }[];
    return rows.map((r) => ({ id: r.id, properties: JSON.parse(r.properties) as Record<string, string | null>, written: r.written === null ? null : (JSON.parse(r.written) as Values) }));
  }

  count(object: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM records WHERE object = ?').get(object) as { n: number }).n;
  }

  /** Records what was written, right after HubSpot accepted it: the checkpoint a resumed run starts from. */
  markWritten(object: string, written: { id: string; values: Values }[]): void {
    const statement = this.db.prepare('UPDATE records SET written = ? WHERE object = ? AND id = ?');
    this.db.exec('BEGIN');
    for (const w of written) statement.run(JSON.stringify(w.values), object, w.id);
    this.db.exec('COMMIT');
  }

  openEpisode(object: string, id: string): string | null {
    const row = this.db.prepare('SELECT since FROM episodes WHERE object = ? AND id = ?').get(object, id) as { since: string } | undefined;
    return row?.since ?? null;
  }

  startEpisode(object: string, id: string, since: string): void {
    this.db.prepare('INSERT OR REPLACE INTO episodes (object, id, since) VALUES (?, ?, ?)').run(object, id, since);
  }

  endEpisode(object: string, id: string): void {
    this.db.prepare('DELETE FROM episodes WHERE object = ? AND id = ?').run(object, id);
  }
}
