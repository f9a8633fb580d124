// The embedded default: node:sqlite in WAL mode, one file. Calls are synchronous underneath; a
// transaction holds a promise lock so no other caller's statement lands inside it while it awaits.
import { DatabaseSync } from 'node:sqlite';
import type { Db, Row, SqlValue } from './db.ts';

export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly db: DatabaseSync;
  private lock: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.db = new DatabaseSync(path);
    // busy_timeout: two processes (serve + worker) may share the file.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
  }

  private exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    const next = this.lock.then(work, work);
    this.lock = next.catch(() => undefined);
    return next;
  }

  private direct: Db = {
    dialect: 'sqlite',
    all: async <T extends Row>(sql: string, params: readonly SqlValue[] = []) => this.db.prepare(sql).all(...params) as T[],
    run: async (sql: string, params: readonly SqlValue[] = []) => Number(this.db.prepare(sql).run(...params).changes),
    transaction: (work) => work(this.direct),
    close: async () => undefined,
  };

  all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.exclusive(() => this.direct.all<T>(sql, params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.exclusive(() => this.direct.run(sql, params));
  }

  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.lock;
    this.db.close();
  }
}
