// SQLite at TIERWISE_DATA_DIR unless DATABASE_URL names a PostgreSQL; migrated before use.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.ts';
import { migrate } from './migrations.ts';
import { PostgresDb } from './postgres-db.ts';
import { SqliteDb } from './sqlite-db.ts';
import { Store } from './store.ts';

export async function openStore(settings: { databaseUrl: string | null; dataDir: string }): Promise<Store> {
  let db: Db;
  if (settings.databaseUrl !== null) db = new PostgresDb(settings.databaseUrl);
  else {
    mkdirSync(settings.dataDir, { recursive: true });
    db = new SqliteDb(join(settings.dataDir, 'tierwise-app.sqlite'));
  }
  await migrate(db);
  return new Store(db);
}
