import { PGlite, types } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Db, Queryable, SqlParam } from './db.ts';
import { DurableNodeFS, durableStartParams } from './durableNodeFs.ts';

// btree_gin: the search's (captured_at, search) index (095_search_newest_first.sql).
const extensions = { unaccent, pg_trgm, btree_gin };

/** Same value shapes as the PostgreSQL adapter: dates stay 'YYYY-MM-DD', counts are numbers. */
const parsers = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => Number(value),
};

export interface PgliteDb extends Db {
  /** The whole database as a tarball that `openPgliteDb({ template })` can load. */
  dump(): Promise<Blob>;
}

/**
 * Opens the embedded database. `dataDir` undefined keeps it in memory (tests); on disk, commits are
 * durable (see durableNodeFs.ts). `template` loads a previously dumped data directory, which is
 * several times faster than creating one.
 */
export async function openPgliteDb(
  options: {
    dataDir?: string;
    template?: Blob /** Only to measure what durability costs. */;
    durable?: boolean;
  } = {},
): Promise<PgliteDb> {
  const onDisk = options.dataDir
    ? options.durable === false
      ? { dataDir: options.dataDir }
      : { fs: new DurableNodeFS(options.dataDir), startParams: durableStartParams() }
    : {};
  const pg = await PGlite.create({
    ...onDisk,
    ...(options.template ? { loadDataDir: options.template } : {}),
    extensions,
    parsers,
  });
  return pgliteDb(pg);
}

function pgliteDb(pg: PGlite): PgliteDb {
  const queryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
      const result = await target.query<Row>(sql, [...params]);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...queryable(pg),
    transaction: (work) => pg.transaction((tx) => work(queryable(tx))),
    async exec(sql) {
      await pg.exec(sql);
    },
    close: () => pg.close(),
    dump: () => pg.dumpDataDir('none'),
  };
}
