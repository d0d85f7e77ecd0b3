/**
 * Opens storage as configured: PGlite in the data directory by default, PostgreSQL when
 * DATABASE_URL is set (preserved files still go to the data directory). Migrates on open: with
 * DATABASE_OWNER_URL as that owner role, which then grants DATABASE_URL's role its rows
 * (appRoleGrants.ts); without it as DATABASE_URL's role, as a single-role installation does. Removes
 * stale temporary files and anchors every audit append outside the database.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageUnavailable, UsageError } from '../core/errors.ts';
import { grantToAppRole, roleOfDatabaseUrl } from './appRoleGrants.ts';
import { anchoringAudit } from './auditAnchor.ts';
import { type DataDirLayout, prepareDataDir } from './dataDir.ts';
import { type DataDirLock, lockDataDir } from './dataDirLock.ts';
import type { Db } from './db.ts';
import { type FileStore, fileStore, removeStaleTemporaries, STALE_TEMPORARY_MS } from './fileStore.ts';
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
  /** Migrations applied while opening. */
  migrated: string[];
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
  const migrated: string[] = [];
  try {
    if (config.databaseOwnerUrl) migrated.push(...(await migrateAsOwner(config)));
    db = options.db ?? (await openDb(config, layout));
    migrated.push(...(await migrate(db)));
    if (config.databaseUrl && !config.databaseOwnerUrl) await installQueueAs(db, config.databaseUrl);
  } catch (error) {
    await db?.close().catch(() => {});
    lock?.release();
    throw error;
  }
  // What interrupted writes left behind. Holding the lock, no other process writes here, so every
  // temporary is stale; on PostgreSQL others may be mid-write, so only old ones go.
  removeStaleTemporaries(layout.files, lock ? 0 : STALE_TEMPORARY_MS);
  const openDatabase = anchoringAudit(db, layout.auditAnchor);
  return {
    db: openDatabase,
    files: fileStore(layout.files),
    layout,
    lock,
    migrated,
    close: async () => {
      try {
        await openDatabase.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Migrates as the owner role, then grants the application's role (DATABASE_URL's) its rows. */
async function migrateAsOwner(config: StoreConfig): Promise<string[]> {
  if (!config.databaseUrl)
    throw new UsageError(
      'DATABASE_OWNER_URL is for PostgreSQL: set DATABASE_URL to the application role too',
    );
  const appRole = roleOfDatabaseUrl(config.databaseUrl);
  if (!appRole)
    throw new UsageError(
      'DATABASE_URL must name its role (postgres://ROLE@host/db) when DATABASE_OWNER_URL is set',
    );
  const owner = await openPostgresDb(config.databaseOwnerUrl!, { max: 1, urlVariable: 'DATABASE_OWNER_URL' });
  try {
    const migrated = await migrate(owner);
    await installQueueAs(owner, config.databaseOwnerUrl!);
    if (appRole !== roleOfDatabaseUrl(config.databaseOwnerUrl!)) {
      await grantToAppRole(owner, appRole);
      const { grantJobQueue } = await import('./jobSchema.ts');
      await grantJobQueue(owner, appRole);
    }
    return migrated;
  } finally {
    await owner.close();
  }
}

/** The PostgreSQL job queue's schema (jobSchema.ts), made or upgraded by the role that migrates. */
async function installQueueAs(db: Db, url: string): Promise<void> {
  const { installJobQueue } = await import('./jobSchema.ts');
  try {
    await installJobQueue(db, url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageUnavailable(
      `cannot install the job queue's schema (${reason}): run "attest migrate" with DATABASE_OWNER_URL set to the owner role (docs/deploy.md)`,
    );
  }
}

async function openDb(config: StoreConfig, layout: DataDirLayout): Promise<Db> {
  if (config.databaseUrl) return openPostgresDb(config.databaseUrl);
  try {
    if (!existsSync(layout.database)) await createDatabaseDir(layout.database);
    return await openPgliteDb({ dataDir: layout.database });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageUnavailable(
      `cannot open the embedded database in ${layout.database}: ${reason} (if it is damaged, restore a backup into a new directory with attest restore)`,
    );
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
