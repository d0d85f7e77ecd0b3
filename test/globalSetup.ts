/**
 * Once per test run: builds dist/ and the migrated PGlite template (so each test store loads in ~1 s
 * instead of being created in ~6 s) and finds PostgreSQL. In CI PostgreSQL is required; elsewhere its absence
 * skips the PostgreSQL half of the storage tests with a visible notice.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { builtTemplatePath } from '../src/store/pgliteTemplate.ts';
import { repoRoot } from './support/paths.ts';

/**
 * Compiles dist/ (the CLI tests run `bin/attest.js`, which runs the compiled code) with the migrated
 * PGlite template, which test stores load too.
 */
function build(): string {
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return builtTemplatePath(join(repoRoot, 'dist/store'));
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
  const template = build();
  const postgresAdminUrl = await findPostgres();
  project.provide('pgliteTemplate', template);
  project.provide('postgresAdminUrl', postgresAdminUrl);
}
