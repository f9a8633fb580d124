// PostgreSQL through a pg Pool. int8 (BIGINT, COUNT) is parsed to a JS number: our BIGINTs are epoch
// milliseconds and counts, far below 2^53.
import pg from 'pg';
import { numberPlaceholders, type Db, type Row, type SqlValue } from './db.ts';

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text'))) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

function over(client: Queryable): Omit<Db, 'transaction' | 'close'> {
  return {
    dialect: 'postgres',
    all: async <T extends Row>(sql: string, params: readonly SqlValue[] = []) => (await client.query(numberPlaceholders(sql), [...params])).rows as T[],
    run: async (sql: string, params: readonly SqlValue[] = []) => (await client.query(numberPlaceholders(sql), [...params])).rowCount ?? 0,
  };
}

export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;
  readonly pool: pg.Pool;

  constructor(connectionString: string, max = 5) {
    this.pool = new pg.Pool({ connectionString, max, types });
    // An idle client losing its connection (database restart) must not crash the process.
    this.pool.on('error', (error) => process.emitWarning(`PostgreSQL idle client error: ${error.message}`));
  }

  all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return over(this.pool).all<T>(sql, params);
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return over(this.pool).run(sql, params);
  }

  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: Db = { ...over(client), dialect: 'postgres', transaction: (inner) => inner(tx), close: async () => undefined };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
