// The local state of a portal: the inputs of every record (so a daily run re-scores everyone while
// reading only what changed), the Tierwise values HubSpot holds for it (read back, and updated as
// HubSpot confirms each write, so only changes are written), read checkpoints and open follow-up
// task episodes. `SyncState` is what the sync needs; `openStateStore` gives one backed by an SQLite
// file (node:sqlite), locked so that one sync at a time uses it. The app may pass its own.
import { DatabaseSync } from 'node:sqlite';
import { existsSync, statSync } from 'node:fs';
import type { Values } from './write-values.ts';

export interface StoredRecord {
  id: string;
  properties: Record<string, string | null>;
  /** Tierwise's values as HubSpot holds them (read back or confirmed written); null if it holds none. */
  written: Values | null;
}

/** What the sync keeps between runs. Held by one sync at a time (the SQLite store enforces it with a lock). */
export interface SyncState {
  /** Things the person running the sync should know about the state itself (e.g. it was empty). */
  readonly notices: readonly string[];
  get(key: string): Promise<string | null>;
  set(key: string, value: string | null): Promise<void>;
  /** Stores what HubSpot said of these records: their inputs and the Tierwise values it holds. */
  upsert(object: string, records: { id: string; properties: Record<string, string | null>; held: Values | null }[]): Promise<void>;
  all(object: string): Promise<StoredRecord[]>;
  /** Records what HubSpot confirmed written: the checkpoint a resumed run starts from. */
  markWritten(object: string, written: { id: string; values: Values }[]): Promise<void>;
  openEpisode(object: string, id: string): Promise<string | null>;
  startEpisode(object: string, id: string, since: string): Promise<void>;
  endEpisode(object: string, id: string): Promise<void>;
  close(): Promise<void>;
}

/** The state file cannot be used as it is; the message says how to recover. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

/** Another sync holds this state file. */
export class StateLockedError extends Error {
  override name = 'StateLockedError';
}

const LOCK_BUSY = 5; // SQLITE_BUSY

/**
 * Opens (or creates) the SQLite state at `path` and takes its lock: a second sync of the same state
 * gets StateLockedError at once, or waits up to `waitMs`. The lock is an exclusive transaction held
 * on `<path>.lock`: the operating system releases it when the process dies, even by kill -9.
 */
export async function openStateStore(path: string, options: { waitMs?: number; sleep?: (ms: number) => Promise<void> } = {}): Promise<SyncState> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const lock = new DatabaseSync(`${path}.lock`);
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    try {
      lock.exec('PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE');
      break;
    } catch (error) {
      if ((error as { errcode?: unknown }).errcode !== LOCK_BUSY) {
        lock.close();
        throw error;
      }
      if (Date.now() >= deadline) {
        lock.close();
        throw new StateLockedError(`another Tierwise sync is using the state file ${path} (${holder(path)}); wait for it to finish, or run this one with another --state`);
      }
      await sleep(500);
    }
  }
  try {
    return new SqliteStateStore(path, lock);
  } catch (error) {
    lock.exec('ROLLBACK');
    lock.close();
    throw error;
  }
}

/** Who holds the lock, from the state itself (WAL lets us read while they write). */
function holder(path: string): string {
  try {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      const row = db.prepare("SELECT value FROM meta WHERE key = 'lock:holder'").get() as { value: string } | undefined;
      return row ? `started ${row.value}` : 'just started';
    } finally {
      db.close();
    }
  } catch {
    return 'just started'; // the holder has not written its state yet: nothing more to say
  }
}

class SqliteStateStore implements SyncState {
  readonly notices: string[] = [];
  private readonly db: DatabaseSync;
  private readonly lock: DatabaseSync;

  constructor(path: string, lock: DatabaseSync) {
    this.lock = lock;
    if (existsSync(path) && statSync(path).size === 0) {
      this.notices.push(`The state file ${path} was empty (0 bytes), so this run starts afresh: a full read, comparing Tierwise's values with what HubSpot holds.`);
    }
    this.db = new DatabaseSync(path);
    try {
      this.db.exec(`
        PRAGMA busy_timeout = 5000;
        PRAGMA journal_mode = WAL;
        -- Survives kill -9 (only power loss may undo the last commits, which the next run re-reads and rewrites, idempotently).
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS records (object TEXT NOT NULL, id TEXT NOT NULL, properties TEXT NOT NULL, written TEXT, PRIMARY KEY (object, id));
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS episodes (object TEXT NOT NULL, id TEXT NOT NULL, since TEXT NOT NULL, PRIMARY KEY (object, id));
      `);
      // A database of another shape (not ours) fails here rather than halfway through a run.
      this.db.prepare('SELECT object, id, properties, written FROM records LIMIT 0').all();
      this.db.prepare('SELECT key, value FROM meta LIMIT 0').all();
    } catch (error) {
      this.db.close();
      const why = error instanceof Error ? error.message : String(error);
      throw new StateFileError(
        `the state file ${path} cannot be used (SQLite says: ${why}); move it aside and run again with --full: records are read again from HubSpot and compared with the values it holds, so nothing is rewritten needlessly (only open follow-up task episodes are forgotten)`,
      );
    }
    this.setSync('lock:holder', `${new Date().toISOString()} by process ${process.pid}`);
  }

  async close(): Promise<void> {
    this.setSync('lock:holder', null);
    this.db.close();
    this.lock.exec('ROLLBACK');
    this.lock.close();
  }

  async get(key: string): Promise<string | null> {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async set(key: string, value: string | null): Promise<void> {
    this.setSync(key, value);
  }

  private setSync(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async upsert(object: string, records: { id: string; properties: Record<string, string | null>; held: Values | null }[]): Promise<void> {
    const statement = this.db.prepare(
      'INSERT INTO records (object, id, properties, written) VALUES (?, ?, ?, ?) ON CONFLICT(object, id) DO UPDATE SET properties = excluded.properties, written = excluded.written',
    );
    this.transaction(() => {
      for (const r of records) statement.run(object, r.id, JSON.stringify(r.properties), r.held === null ? null : JSON.stringify(r.held));
    });
  }

  async all(object: string): Promise<StoredRecord[]> {
    const rows = this.db.prepare('SELECT id, properties, written FROM records WHERE object = ? ORDER BY id').all(object) as { id: string; properties: string; written: string | null }[];
    return rows.map((r) => ({ id: r.id, properties: JSON.parse(r.properties) as Record<string, string | null>, written: r.written === null ? null : (JSON.parse(r.written) as Values) }));
  }

  async markWritten(object: string, written: { id: string; values: Values }[]): Promise<void> {
    const statement = this.db.prepare('UPDATE records SET written = ? WHERE object = ? AND id = ?');
    this.transaction(() => {
      for (const w of written) statement.run(JSON.stringify(w.values), object, w.id);
    });
  }

  async openEpisode(object: string, id: string): Promise<string | null> {
    const row = this.db.prepare('SELECT since FROM episodes WHERE object = ? AND id = ?').get(object, id) as { since: string } | undefined;
    return row?.since ?? null;
  }

  async startEpisode(object: string, id: string, since: string): Promise<void> {
    this.db.prepare('INSERT OR REPLACE INTO episodes (object, id, since) VALUES (?, ?, ?)').run(object, id, since);
  }

  async endEpisode(object: string, id: string): Promise<void> {
    this.db.prepare('DELETE FROM episodes WHERE object = ? AND id = ?').run(object, id);
  }

  private transaction(work: () => void): void {
    this.db.exec('BEGIN');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
