/**
 * The least-privileged role a PostgreSQL deployment's server runs as (docs/deploy.md). The owner
 * role applies migrations and then, every time, grants this role what the application uses: rows,
 * never the schema. Not being the owner, it cannot alter or drop a table or a trigger, so it cannot
 * switch off the audit log's append-only trigger; and the grants themselves leave it no UPDATE,
 * DELETE or TRUNCATE on the audit log, the record versions or the linkage labels and no write to the migration history.
 * The one exception: a person's sealed history envelope, or a person's involvement's sealed withdrawal
 * reason (`record_versions.sealed`), which key rotation
 * must re-seal like every other sealed value; who changed what and when stays beyond its reach.
 */
import { InvalidInput } from '../core/errors.ts';
import type { Db } from './db.ts';

export const ROLE_NAME = /^[a-z_][a-z0-9_$-]{0,62}$/i;

/** The role a connection URL signs in as, or null when it names none (then the OS user is used). */
export function roleOfDatabaseUrl(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).username) || null;
  } catch {
    return null;
  }
}

/** Grants `role` the rows it needs; run by the owner after migrating, so new tables are included. */
export async function grantToAppRole(db: Db, role: string): Promise<void> {
  if (!ROLE_NAME.test(role))
    throw new InvalidInput('DATABASE_URL', 'the role name is not a plain identifier');
  const app = `"${role}"`;
  // One simple-query script: PostgreSQL runs it as one implicit transaction.
  await db.exec(
    `grant usage on schema public to ${app};
     grant select, insert, update, delete on all tables in schema public to ${app};
     revoke update, delete, truncate on audit_log from ${app};
     revoke update, delete, truncate on record_versions from ${app};
     grant update (sealed) on record_versions to ${app};
     revoke update, delete, truncate on linkage_labels from ${app};
     revoke insert, update, delete, truncate on schema_migrations from ${app};
     grant usage, select on all sequences in schema public to ${app};`,
  );
}
