/**
 * Real stores for tests: every storage test runs against PGlite and against PostgreSQL. PGlite
 * databases load a migrated template built once by globalSetup (seconds saved per file); each
 * PostgreSQL test store is a fresh database, dropped on close.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { prepareDataDir } from '../../src/store/dataDir.ts';
import { openStore, type Store } from '../../src/store/openStore.ts';
import { openPgliteDb } from '../../src/store/pgliteDb.ts';
import { createDatabaseAt, type ScratchDatabase } from './postgresDatabase.ts';

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
export async function createPostgresDatabase(): Promise<ScratchDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available in this run');
  return createDatabaseAt(adminUrl);
}

/**
 * Lays a migrated embedded database into `dataDir` from the run's template, for tests that then
 * drive the real CLI on it: creating one costs seconds per file.
 */
export async function dataDirFromTemplate(dataDir: string): Promise<void> {
  const db = await openPgliteDb({
    dataDir: prepareDataDir(dataDir).database,
    template: new Blob([readFileSync(inject('pgliteTemplate'))]),
  });
  await db.close();
}
