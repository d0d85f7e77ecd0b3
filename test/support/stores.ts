/**
 * Real stores for tests: every storage test runs against PGlite and against PostgreSQL. PGlite
 * databases load a migrated template built once by globalSetup (seconds saved per file); each
 * PostgreSQL test store is a fresh database, dropped on close.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store } from '../../src/store/openStore.ts';
import { openPgliteDb } from '../../src/store/pgliteDb.ts';

export type Backend = 'pglite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresAdminUrl: string | null;
  }
}

/** The backends this run tests; PostgreSQL is absent only outside CI when no server answers. */
export function backends(): Backend[] {
  return inject('postgresAdminUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestStore extends Store {
  backend: Backend;
  dataDir: string;
  /** For PostgreSQL: a URL for this store's database (CLI tests pass it as DATABASE_URL). */
  databaseUrl: string | null;
}

export async function openTestStore(backend: Backend): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attest-test-'));
  if (backend === 'pglite') {
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const store = await openStore({ dataDir }, { db: await openPgliteDb({ template }) });
    return {
      ...store,
      backend,
      dataDir,
      databaseUrl: null,
      close: async () => {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const { url, drop } = await createPostgresDatabase();
  const store = await openStore({ dataDir, databaseUrl: url });
  return {
    ...store,
    backend,
    dataDir,
    databaseUrl: url,
    close: async () => {
      await store.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty PostgreSQL database; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available in this run');
  const name = `attest_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
