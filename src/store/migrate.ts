/**
 * Forward-only migrations: numbered SQL files in ./migrations, applied in order, each in its own
 * transaction together with its row in schema_migrations. The same files serve PGlite and
 * PostgreSQL. Several servers starting at once are serialised by an advisory lock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageUnavailable } from '../core/errors.ts';
import type { Db } from './db.ts';

const migrationsDir = join(import.meta.dirname, 'migrations');
const MIGRATION_LOCK = 4_700_001;

export interface Migration {
  id: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      id: file.replace(/\.sql$/, ''),
      sql: readFileSync(join(migrationsDir, file), 'utf8'),
    }));
}

/** PostgreSQL's insufficient_privilege: the role may not create, alter or write what a migration needs. */
const INSUFFICIENT_PRIVILEGE = '42501';

async function appliedMigrations(db: Db): Promise<Set<string>> {
  // Only looked up: a least-privileged application role may read this table but not create it.
  const [table] = await db.query<{ present: boolean }>(
    "select to_regclass('schema_migrations') is not null as present",
  );
  if (!table?.present) return new Set();
  const rows = await db.query<{ id: string }>('select id from schema_migrations');
  return new Set(rows.map((row) => row.id));
}

/** Said when the role connected cannot apply what is pending (it is not the schema's owner). */
function cannotMigrate(pending: string[]): StorageUnavailable {
  return new StorageUnavailable(
    `the database needs migrations (${pending.join(', ')}) and this database role may not apply them: run "attest migrate" with DATABASE_OWNER_URL set to the owner role (docs/deploy.md)`,
  );
}

async function mayApplyMigrations(db: Db): Promise<boolean> {
  const [row] = await db.query<{ allowed: boolean }>(
    `select case when to_regclass('schema_migrations') is null
                 then has_schema_privilege('public', 'CREATE')
                 else has_table_privilege('schema_migrations', 'INSERT') end as allowed`,
  );
  return row?.allowed === true;
}

/** Applies every migration not yet applied; returns the ids it applied. */
export async function migrate(db: Db): Promise<string[]> {
  const migrations = listMigrations();
  const applied = await appliedMigrations(db);
  const known = new Set(migrations.map((m) => m.id));
  const unknown = [...applied].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new StorageUnavailable(
      `the database has migrations this version of Attest does not know (${unknown.join(', ')}): upgrade Attest`,
    );
  }
  const pending = migrations.filter((migration) => !applied.has(migration.id));
  if (pending.length === 0) return [];
  if (!(await mayApplyMigrations(db))) throw cannotMigrate(pending.map((migration) => migration.id));
  await db.exec(
    'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
  );
  const done: string[] = [];
  for (const migration of pending) {
    const id = migration.id.replace(/'/g, "''");
    try {
      await db.exec(
        `begin;\nselect pg_advisory_xact_lock(${MIGRATION_LOCK});\n${migration.sql}\n;insert into schema_migrations (id) values ('${id}');\ncommit;`,
      );
    } catch (error) {
      await db.exec('rollback').catch(() => {});
      // Another server may have applied it while we waited for the lock.
      if ((await appliedMigrations(db)).has(migration.id)) continue;
      if ((error as { code?: unknown }).code === INSUFFICIENT_PRIVILEGE)
        throw cannotMigrate(pending.slice(pending.indexOf(migration)).map((m) => m.id));
      const reason = error instanceof Error ? error.message : String(error);
      throw new StorageUnavailable(`migration ${migration.id} failed: ${reason}`);
    }
    done.push(migration.id);
  }
  return done;
}
