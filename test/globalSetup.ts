/**
 * Once per test run: builds a migrated PGlite template (so each test store loads in ~1 s instead of
 * being created in ~6 s) and finds PostgreSQL. In CI PostgreSQL is required; elsewhere its absence
 * skips the PostgreSQL half of the storage tests with a visible notice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { listMigrations, migrate } from '../src/store/migrate.ts';
import { openPgliteDb } from '../src/store/pgliteDb.ts';
import { repoRoot } from './support/paths.ts';

async function buildPgliteTemplate(): Promise<string> {
  const hash = createHash('sha256');
  for (const migration of listMigrations()) hash.update(migration.id).update(migration.sql);
  const cacheDir = join(repoRoot, '.cache');
  const path = join(cacheDir, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(path)) return path;
  mkdirSync(cacheDir, { recursive: true });
  const db = await openPgliteDb();
  await migrate(db);
  const dump = await db.dump();
  await db.close();
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, new Uint8Array(await dump.arrayBuffer()));
  renameSync(temporary, path);
  return path;
}

async function findPostgres(): Promise<string | null> {
  const url = process.env.ATTEST_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI) throw new Error(`CI requires PostgreSQL at ${new URL(url).host}: ${reason}`);
    process.stderr.write(
      `\n*** NOTICE: PostgreSQL is not reachable at ${new URL(url).host} (${reason}); the PostgreSQL half of the storage tests is SKIPPED. Set ATTEST_TEST_PG_URL to run it. ***\n\n`,
    );
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const [template, postgresAdminUrl] = await Promise.all([buildPgliteTemplate(), findPostgres()]);
  project.provide('pgliteTemplate', template);
  project.provide('postgresAdminUrl', postgresAdminUrl);
}
