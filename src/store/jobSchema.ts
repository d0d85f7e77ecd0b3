/**
 * The PostgreSQL job queue's own schema (`attest_jobs`), made and upgraded by pg-boss itself when the
 * owner role opens the store, like our migrations; then the application role gets its rows. PGlite
 * has no such schema: its jobs run in the server's process (services/jobs/inProcessQueue.ts).
 *
 * Why pg-boss (pinned, docs/deploy.md): a maintained queue that lives entirely in PostgreSQL (no
 * second service to run and protect), takes jobs with SELECT … FOR UPDATE SKIP LOCKED so each is
 * held by one process, retries with backoff, expires jobs whose process died, keeps failed ones, and
 * runs on Node 20 (10.x; later majors need Node 22).
 */
import PgBoss from 'pg-boss';
import { InvalidInput } from '../core/errors.ts';
import { ROLE_NAME } from './appRoleGrants.ts';
import type { Db } from './db.ts';

export const JOB_SCHEMA = 'attest_jobs';

/** The queues and how their jobs retry; every kind in services/jobs/jobQueue.ts has one. */
export const JOB_QUEUES: ReadonlyArray<{ name: string; policy: 'standard' | 'stately' }> = [
  { name: 'ingest', policy: 'standard' },
  { name: 'capture', policy: 'standard' },
  // At most one run waiting and one running: a run stamps every original that is due.
  { name: 'timestamp', policy: 'stately' },
];
export const JOB_RETRY = { retryLimit: 3, retryDelay: 5, retryBackoff: true } as const;

/** True when the schema is at pg-boss's version and every queue exists: nothing to do. */
async function installed(db: Db): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(
    `select to_regclass('${JOB_SCHEMA}.version') is not null and to_regclass('${JOB_SCHEMA}.queue') is not null as present`,
  );
  if (!row?.present) return false;
  const [version] = await db.query<{ version: number }>(`select version from ${JOB_SCHEMA}.version`);
  const queues = await db.query<{ name: string }>(`select name from ${JOB_SCHEMA}.queue`);
  const names = new Set(queues.map((queue) => queue.name));
  return version?.version === schemaVersion() && JOB_QUEUES.every((queue) => names.has(queue.name));
}

function schemaVersion(): number {
  // pg-boss's schema version, from the construction plans it would run.
  const match = /INSERT INTO \S+\.version\(version\) VALUES \('?(\d+)'?\)/i.exec(
    PgBoss.getConstructionPlans(JOB_SCHEMA),
  );
  return Number(match?.[1] ?? Number.NaN);
}

/**
 * Creates or upgrades the queue's schema and queues, connected as `url`'s role (the owner, or a
 * single-role installation). Servers starting together are serialised by pg-boss's advisory lock.
 */
export async function installJobQueue(db: Db, url: string): Promise<void> {
  if (await installed(db)) return;
  const boss = new PgBoss({
    connectionString: url,
    schema: JOB_SCHEMA,
    max: 1,
    migrate: true,
    supervise: false,
    schedule: false,
    application_name: 'attest-install',
  });
  boss.on('error', () => {}); // reported by the awaited calls below
  await boss.start();
  try {
    for (const queue of JOB_QUEUES) {
      if (await boss.getQueue(queue.name)) continue;
      try {
        await boss.createQueue(queue.name, { name: queue.name, policy: queue.policy, ...JOB_RETRY });
      } catch (error) {
        // Another server created it meanwhile.
        if (!(await boss.getQueue(queue.name))) throw error;
      }
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** The application role's rows in the queue's schema (never the schema itself). */
export async function grantJobQueue(db: Db, role: string): Promise<void> {
  if (!ROLE_NAME.test(role))
    throw new InvalidInput('DATABASE_URL', 'the role name is not a plain identifier');
  await db.exec(
    `grant usage on schema ${JOB_SCHEMA} to "${role}";
     grant select, insert, update, delete on all tables in schema ${JOB_SCHEMA} to "${role}";`,
  );
}
