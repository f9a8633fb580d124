// The schema, once, for both databases: each migration is SQL that SQLite and PostgreSQL both accept
// (TEXT, BIGINT, INTEGER, composite primary keys). Applied in order, each in a transaction, recorded in
// schema_migrations; on PostgreSQL an advisory lock keeps two starting instances from racing.
// Every table is keyed by portal_id first: one portal's rows are found, and removed, by that key alone.
import type { Db } from './db.ts';

export const MIGRATIONS: readonly { id: number; name: string; sql: readonly string[] }[] = [
  {
    id: 1,
    name: 'portals, tokens, webhook dedupe, replay guard, sync runs, sync state',
    sql: [
      `CREATE TABLE portals (
        portal_id TEXT PRIMARY KEY,
        access_token TEXT NOT NULL,
        refresh_token TEXT NOT NULL,
        access_expires_at BIGINT NOT NULL,
        scopes TEXT NOT NULL,
        installed_at BIGINT NOT NULL,
        time_zone TEXT NOT NULL,
        sync_hour INTEGER NOT NULL,
        last_scheduled_day TEXT,
        status TEXT NOT NULL
      )`,
      `CREATE TABLE webhook_events (portal_id TEXT NOT NULL, event_id TEXT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (portal_id, event_id))`,
      `CREATE TABLE request_signatures (signature TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)`,
      `CREATE TABLE sync_runs (
        run_id TEXT PRIMARY KEY,
        portal_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        done INTEGER NOT NULL,
        total INTEGER,
        queued_at BIGINT NOT NULL,
        started_at BIGINT,
        finished_at BIGINT,
        attempts INTEGER NOT NULL,
        report TEXT,
        error TEXT
      )`,
      `CREATE INDEX sync_runs_portal ON sync_runs (portal_id, queued_at)`,
      `CREATE TABLE sync_records (portal_id TEXT NOT NULL, object TEXT NOT NULL, id TEXT NOT NULL, properties TEXT NOT NULL, written TEXT, PRIMARY KEY (portal_id, object, id))`,
      `CREATE TABLE sync_meta (portal_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (portal_id, key))`,
      // The SQLite job queue (queue/sqlite-queue.ts); on PostgreSQL pg-boss keeps its own schema.
      `CREATE TABLE jobs (job_id TEXT PRIMARY KEY, portal_id TEXT NOT NULL, payload TEXT NOT NULL, state TEXT NOT NULL, run_after BIGINT NOT NULL, locked_until BIGINT, attempts INTEGER NOT NULL)`,
      `CREATE TABLE portal_leases (portal_id TEXT PRIMARY KEY, holder TEXT NOT NULL, until BIGINT NOT NULL)`,
      // Ids of records deleted in HubSpot (deletion or privacy deletion): no personal data, only so a sync
      // that was running at the time does not save its copy of the record back (HubSpot never reuses ids).
      `CREATE TABLE forgotten_records (portal_id TEXT NOT NULL, object TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (portal_id, object, id))`,
      `CREATE TABLE sync_episodes (portal_id TEXT NOT NULL, object TEXT NOT NULL, id TEXT NOT NULL, since TEXT NOT NULL, PRIMARY KEY (portal_id, object, id))`,
    ],
  },
  {
    id: 2,
    name: 'portal settings (settings page) and pending workflow-action callbacks',
    sql: [
      `CREATE TABLE portal_settings (portal_id TEXT PRIMARY KEY, settings TEXT NOT NULL, updated_at BIGINT NOT NULL)`,
      `CREATE TABLE workflow_callbacks (portal_id TEXT NOT NULL, callback_id TEXT NOT NULL, object TEXT NOT NULL, id TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (portal_id, callback_id))`,
    ],
  },
];

/** Every table holding a portal's data: what uninstall empties. */
export const PORTAL_TABLES = ['forgotten_records', 'jobs', 'portal_leases', 'portal_settings', 'sync_episodes', 'sync_meta', 'sync_records', 'sync_runs', 'webhook_events', 'workflow_callbacks', 'portals'] as const;

export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Transaction-scoped: released at commit. 7410 is an arbitrary constant naming "tierwise migrations".
    if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(7410)');
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const done = new Set((await tx.all<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => Number(r.id)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      for (const statement of migration.sql) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [migration.id, migration.name, Date.now()]);
      applied.push(migration.id);
    }
    return applied;
  });
}
