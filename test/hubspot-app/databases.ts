// The databases the backend's tests run against: SQLite always; PostgreSQL when TIERWISE_TEST_PG names a
// server (.ci/run starts one and sets it). Each test gets a fresh database, dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env['TIERWISE_TEST_PG'] ?? null;
if (PG_URL === null && process.env['VITEST'] !== undefined) {
  console.warn('\n*** TIERWISE_TEST_PG is not set: the PostgreSQL tests of the HubSpot app backend are SKIPPED. CI sets it (.ci/run starts a PostgreSQL). ***\n');
}

export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  settings: { databaseUrl: string | null; dataDir: string };
  drop(): Promise<void>;
}

export async function freshDatabase(kind: 'sqlite' | 'postgres', server: string | null = PG_URL): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tierwise-app-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'sqlite') return { kind, settings: { databaseUrl: null, dataDir }, drop: async () => removeDir() };
  if (server === null) throw new Error('TIERWISE_TEST_PG is not set');
  const name = `tierwise_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    kind,
    settings: { databaseUrl: url.toString(), dataDir },
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      removeDir();
    },
  };
}

/** Whether a suite for this kind must be skipped (PostgreSQL without TIERWISE_TEST_PG only). */
export const skipKind = (kind: 'sqlite' | 'postgres'): boolean => kind === 'postgres' && PG_URL === null;
export const KINDS = ['sqlite', 'postgres'] as const;
