import pg from 'pg';
import { StorageUnavailable } from '../core/errors.ts';
import type { Db, Queryable, SqlParam } from './db.ts';

/** Where a DATABASE_URL points, without its password: safe to show in messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

const DATE_OID = 1082;
const INT8_OID = 20;

/** Same value shapes as the PGlite adapter: dates stay 'YYYY-MM-DD' (no time-zone shift), counts are numbers. */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export async function openPostgresDb(
  url: string,
  options: { max?: number; urlVariable?: string } = {},
): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    types: typeParsers,
    max: options.max ?? 8,
    connectionTimeoutMillis: 5_000,
    // No JIT compilation: at a million sources the statistics' plans cross its cost threshold and
    // compiling them took longer than running them (1.5 s of 2.4 s for one breakdown). Set on each
    // new connection before the pool hands it out, not as a startup option: PgBouncer refuses those
    // unless told to ignore them.
    onConnect: async (client) => {
      await client.query('set jit = off');
    },
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageUnavailable(
      `cannot connect to PostgreSQL at ${describeDatabaseUrl(url)} (from ${options.urlVariable ?? 'DATABASE_URL'}): ${reason}`,
    );
  }
  const queryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
      const result = await target.query(sql, [...params]);
      return result.rows as Row[];
    },
  });
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(queryable(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
