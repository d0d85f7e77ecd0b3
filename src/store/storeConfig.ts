/** Where the store is: the data directory, and PostgreSQL when DATABASE_URL is set. Kept free of
 * database imports so commands that only need the path start fast. */
import { resolve } from 'node:path';
import { runtimeConfigFrom } from '../runtime/config.ts';

export interface StoreConfig {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL only: the schema owner, used to migrate; the server then works as DATABASE_URL's role. */
  databaseOwnerUrl?: string | undefined;
}

/** Reads --data, ATTEST_DATA, DATABASE_URL and DATABASE_OWNER_URL; the flag wins over the environment. */
export function storeConfigFrom(
  dataOption: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): StoreConfig {
  const config = runtimeConfigFrom(env);
  const dataDir = resolve(cwd, dataOption ?? config.dataDir ?? 'attest-data');
  return { dataDir, databaseUrl: config.databaseUrl, databaseOwnerUrl: config.databaseOwnerUrl };
}
