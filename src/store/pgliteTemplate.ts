/**
 * A migrated, empty embedded database as a tarball. Creating a PGlite database runs initdb and every
 * migration (several seconds on two cores); loading this template instead makes the first start of a
 * new data directory take about as long as a restart. The build writes it next to the compiled
 * store (dist/store/pglite-template.tar); its name carries a hash of the migrations it holds, so a
 * template older than the code is never used.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listMigrations, migrate } from './migrate.ts';
import { openPgliteDb } from './pgliteDb.ts';
import { createTar } from './tarball.ts';

export function migrationsHash(): string {
  // The version names how the template is made: a change there must not reuse an old one.
  const hash = createHash('sha256').update('clean-shutdown-v2');
  for (const migration of listMigrations()) hash.update(migration.id).update('\0').update(migration.sql);
  return hash.digest('hex').slice(0, 16);
}

/** Where the build puts the template for the current migrations. */
export function builtTemplatePath(directory = import.meta.dirname): string {
  return join(directory, `pglite-template-${migrationsHash()}.tar`);
}

/** The built template for these migrations, or undefined (running from sources, or not built). */
export function loadBuiltTemplate(): Uint8Array | undefined {
  const path = builtTemplatePath();
  return existsSync(path) ? readFileSync(path) : undefined;
}

/**
 * Creates and migrates a database in a scratch directory and closes it cleanly before packing it: a
 * dump of a running database would need crash recovery, which fsyncs every file, at each first start.
 */
export async function createPgliteTemplate(): Promise<Uint8Array> {
  const scratch = mkdtempSync(join(tmpdir(), 'attest-template-'));
  try {
    const db = await openPgliteDb({ dataDir: scratch });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    return createTar(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
