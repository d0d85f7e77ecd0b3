/**
 * A migrated, empty embedded database as a tarball. Creating a PGlite database runs initdb and every
 * migration (several seconds on two cores); loading this template instead makes the first start of a
 * new data directory take about as long as a restart. The build writes it next to the compiled
 * store (dist/store/pglite-template.tar); its name carries a hash of the migrations it holds, so a
 * template older than the code is never used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listMigrations, migrate } from './migrate.ts';
import { openPgliteDb } from './pgliteDb.ts';

export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const migration of listMigrations()) hash.update(migration.id).update('\0').update(migration.sql);
  return hash.digest('hex').slice(0, 16);
}

/** Where the build puts the template for the current migrations. */
export function builtTemplatePath(directory = import.meta.dirname): string {
  return join(directory, `pglite-template-${migrationsHash()}.tar`);
}

/** The built template for these migrations, or undefined (running from sources, or not built). */
export function loadBuiltTemplate(): Blob | undefined {
  const path = builtTemplatePath();
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

export async function createPgliteTemplate(): Promise<Uint8Array> {
  const db = await openPgliteDb();
  try {
    await migrate(db);
    return new Uint8Array(await (await db.dump()).arrayBuffer());
  } finally {
    await db.close();
  }
}
