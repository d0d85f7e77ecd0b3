/** Where the store is: the data directory, and PostgreSQL when DATABASE_URL is set. Kept free of
 * database imports so commands that only need the path start fast. */
import { resolve } from 'node:path';

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
  const dataDir = resolve(cwd, dataOption ?? env.ATTEST_DATA ?? 'attest-data');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const databaseOwnerUrl = env.DATABASE_OWNER_URL?.trim() || undefined;
  return { dataDir, databaseUrl, databaseOwnerUrl };
}
