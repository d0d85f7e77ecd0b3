/**
 * Opens storage as configured: PGlite in the data directory by default, PostgreSQL when
 * DATABASE_URL is set (preserved files still go to the data directory). Migrates on open.
 */
import { resolve } from 'node:path';
import { StorageUnavailable } from '../core/errors.ts';
import { type DataDirLayout, prepareDataDir } from './dataDir.ts';
import type { Db } from './db.ts';
import { type FileStore, fileStore } from './fileStore.ts';
import { migrate } from './migrate.ts';
import { openPgliteDb } from './pgliteDb.ts';
import { openPostgresDb } from './postgresDb.ts';

export interface StoreConfig {
  dataDir: string;
  databaseUrl?: string | undefined;
}

export interface Store {
  db: Db;
  files: FileStore;
  layout: DataDirLayout;
  close(): Promise<void>;
}

/** Reads --data, ATTEST_DATA and DATABASE_URL; the flag wins over the environment. */
export function storeConfigFrom(
  dataOption: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): StoreConfig {
  const dataDir = resolve(cwd, dataOption ?? env.ATTEST_DATA ?? 'attest-data');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return { dataDir, databaseUrl };
}

export async function openStore(config: StoreConfig, options: { db?: Db } = {}): Promise<Store> {
  const layout = prepareDataDir(config.dataDir);
  const db = options.db ?? (await openDb(config, layout));
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return { db, files: fileStore(layout.files), layout, close: () => db.close() };
}

async function openDb(config: StoreConfig, layout: DataDirLayout): Promise<Db> {
  if (config.databaseUrl) return openPostgresDb(config.databaseUrl);
  try {
    return await openPgliteDb({ dataDir: layout.database });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageUnavailable(`cannot open the embedded database in ${layout.database}: ${reason}`);
  }
}
