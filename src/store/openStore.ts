/**
 * Opens storage as configured: PGlite in the data directory by default, PostgreSQL when
 * DATABASE_URL is set (preserved files still go to the data directory). Migrates on open.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageUnavailable } from '../core/errors.ts';
import { type DataDirLayout, prepareDataDir } from './dataDir.ts';
import { type DataDirLock, lockDataDir } from './dataDirLock.ts';
import type { Db } from './db.ts';
import { type FileStore, fileStore } from './fileStore.ts';
import { migrate } from './migrate.ts';
import { openPgliteDb } from './pgliteDb.ts';
import { loadBuiltTemplate } from './pgliteTemplate.ts';
import { openPostgresDb } from './postgresDb.ts';
import type { StoreConfig } from './storeConfig.ts';
import { extractTar, flushFiles } from './tarball.ts';

export interface Store {
  db: Db;
  files: FileStore;
  layout: DataDirLayout;
  /** The data directory's lock, held while the embedded database is open; null on PostgreSQL. */
  lock: DataDirLock | null;
  close(): Promise<void>;
}

/**
 * Opens the store. With the embedded database the process first takes the data directory's lock
 * (one owner at a time, see dataDirLock.ts) and keeps it until close; `command` names the owner in
 * the message other processes get.
 */
export async function openStore(
  config: StoreConfig,
  options: { db?: Db; command?: string } = {},
): Promise<Store> {
  const layout = prepareDataDir(config.dataDir);
  const lock = config.databaseUrl ? null : lockDataDir(layout.root, options.command ?? 'store');
  let db: Db | undefined;
  try {
    db = options.db ?? (await openDb(config, layout));
    await migrate(db);
  } catch (error) {
    await db?.close().catch(() => {});
    lock?.release();
    throw error;
  }
  const openDatabase = db;
  return {
    db: openDatabase,
    files: fileStore(layout.files),
    layout,
    lock,
    close: async () => {
      try {
        await openDatabase.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openDb(config: StoreConfig, layout: DataDirLayout): Promise<Db> {
  if (config.databaseUrl) return openPostgresDb(config.databaseUrl);
  try {
    if (!existsSync(layout.database)) await createDatabaseDir(layout.database);
    return await openPgliteDb({ dataDir: layout.database });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageUnavailable(`cannot open the embedded database in ${layout.database}: ${reason}`);
  }
}

/**
 * Creates the embedded database beside its final place and renames it there, so a crash during the
 * first start leaves no half-made database. A new directory starts from the migrated template the
 * build ships (a second or two) rather than initdb and every migration.
 */
async function createDatabaseDir(database: string): Promise<void> {
  const building = `${database}.new`;
  rmSync(building, { recursive: true, force: true });
  const template = loadBuiltTemplate();
  if (template) flushFiles(building, extractTar(template, building));
  else await (await openPgliteDb({ dataDir: building })).close();
  renameSync(building, database);
  syncDirectory(dirname(database));
}

/** Makes a rename in `directory` durable. */
function syncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
