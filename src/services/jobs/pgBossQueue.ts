/**
 * The job queue on PostgreSQL: pg-boss in the `attest_jobs` schema (store/jobSchema.ts). Every
 * process on the database may send; those that work (each `attest worker`, and `attest serve`
 * unless told not to) take jobs with SKIP LOCKED, so a job is held by one process at a time. Each
 * working process keeps a liveness lease (jobLease.ts): a job whose process stopped answering is
 * failed back to the queue by a live one after ATTEST_WORKER_GRACE_S and retried; a job that runs
 * past ATTEST_JOB_TIMEOUT_S in a live process is expired by pg-boss's maintenance and retried.
 * Failures are stored as words only (failureText), never a stack.
 */
import PgBoss from 'pg-boss';
import type { Db } from '../../store/db.ts';
import { JOB_SCHEMA } from '../../store/jobSchema.ts';
import { DEFAULT_WORKER_GRACE_SECONDS, type JobLease, liveJobProcesses, startJobLease } from './jobLease.ts';
import {
  DEFAULT_JOB_TIMEOUT_SECONDS,
  type Enqueued,
  JOB_KINDS,
  type JobData,
  type JobHandlers,
  type JobKind,
  type JobQueue,
  type JobResult,
  type JobState,
  type JobView,
  type QueueStatus,
} from './jobQueue.ts';
import { type PgBossWorker, pgBossOn, startPgBossWorker } from './pgBossWorker.ts';

export interface PgBossQueueOptions {
  /** The application role's connection (DATABASE_URL). */
  url: string;
  /** Reads (a job, the status) go through the store's own pool. */
  db: Db;
  /** Longest a job may run before it counts as dead (and is retried elsewhere). */
  timeoutSeconds?: number;
  /** How long a working process may miss its heartbeat before its jobs are retried elsewhere. */
  graceSeconds?: number;
  /** Working processes run pg-boss's maintenance (expiry, retention) and the timestamp schedule. */
  works: boolean;
  /** With a time-stamping authority: a timestamp run every minute, by one process. */
  scheduleTimestamps?: boolean;
  /** How often an idle process asks for work (seconds, at least 0.5). */
  pollSeconds?: number;
  onError?: (message: string) => void;
}

const STATES: Record<string, JobState> = {
  created: 'queued',
  retry: 'retrying',
  active: 'running',
  completed: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

interface JobRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  data: Record<string, unknown> | null;
  output: Record<string, unknown> | null;
  created_on: Date;
  completed_on: Date | null;
}

const COLUMNS = 'id, name, state::text as state, retry_count, data, output, created_on, completed_on';

function isKind(name: string): name is JobKind {
  return (JOB_KINDS as readonly string[]).includes(name);
}

function viewOf(row: JobRow): JobView | null {
  if (!isKind(row.name)) return null;
  const state = STATES[row.state] ?? 'queued';
  const requestedBy = row.data?.capturedBy ?? row.data?.requestedBy;
  const message = row.output?.message;
  const done = state === 'done' && row.output && typeof row.output === 'object';
  return {
    id: row.id,
    kind: row.name,
    state,
    retries: row.retry_count,
    requestedBy: typeof requestedBy === 'string' ? requestedBy : null,
    createdAt: new Date(row.created_on),
    finishedAt: row.completed_on ? new Date(row.completed_on) : null,
    result: done ? resultOf(row.output) : null,
    error: (state === 'failed' || state === 'retrying') && typeof message === 'string' ? message : null,
  };
}

function resultOf(output: Record<string, unknown> | null): JobResult {
  const result: JobResult = {};
  for (const [name, value] of Object.entries(output ?? {}))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      result[name] = value as JobResult[string];
  return result;
}

export async function pgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS;
  const boss = new PgBoss({
    connectionString: options.url,
    schema: JOB_SCHEMA,
    application_name: options.works ? 'attest-worker' : 'attest',
    max: options.works ? 6 : 2,
    migrate: false,
    supervise: options.works,
    schedule: options.works && options.scheduleTimestamps === true,
    // A dead process's job comes back within about a quarter of the timeout after it expired.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(timeoutSeconds / 4))),
    expireInSeconds: timeoutSeconds,
    archiveCompletedAfterSeconds: 24 * 60 * 60,
    deleteAfterDays: 30,
  });
  // pg-boss reports worker failures with their stack: say only which queue and the words we chose.
  boss.on('error', (error: Error & { queue?: string }) => {
    // A job's failure arrives with the words the handler wrapper chose; anything else is pg-boss's
    // own (a lost connection), which quotes no data.
    const words = String(error.message).slice(0, 300);
    options.onError?.(`job queue: ${error.queue ? `${error.queue} job failed: ` : ''}${words}`);
  });
  await boss.start();
  if (options.works && options.scheduleTimestamps) await boss.schedule('timestamp', '* * * * *', {});
  const { db } = options;
  const graceSeconds = options.graceSeconds ?? DEFAULT_WORKER_GRACE_SECONDS;
  let lease: JobLease | null = null;
  let worker: PgBossWorker | null = null;

  const find = async (id: string): Promise<JobRow | null> => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows = await db.query<JobRow>(
      `select ${COLUMNS} from ${JOB_SCHEMA}.job where id = $1
       union all select ${COLUMNS} from ${JOB_SCHEMA}.archive where id = $1 limit 1`,
      [id],
    );
    return rows[0] ?? null;
  };

  return {
    engine: 'postgres',
    async enqueue<K extends JobKind>(
      kind: K,
      data: JobData<K>,
      { key }: { key?: string } = {},
    ): Promise<Enqueued> {
      if (key) {
        const [waiting] = await db.query<{ id: string }>(
          `select id from ${JOB_SCHEMA}.job where name = $1 and singleton_key = $2 and state < 'completed' limit 1`,
          [kind, key],
        );
        if (waiting) return { id: waiting.id, kind, alreadyQueued: true };
      }
      const id = await boss.send(kind, data, {
        expireInSeconds: timeoutSeconds,
        ...(key ? { singletonKey: key } : {}),
      });
      if (id) {
        worker?.nudge(kind);
        return { id, kind, alreadyQueued: false };
      }
      // A stately queue refused a second waiting job: that one does the work.
      const [waiting] = await db.query<{ id: string }>(
        `select id from ${JOB_SCHEMA}.job where name = $1 and state = 'created' limit 1`,
        [kind],
      );
      if (!waiting) throw new Error(`the ${kind} job was neither queued nor found waiting`);
      return { id: waiting.id, kind, alreadyQueued: true };
    },
    async get(id) {
      const row = await find(id);
      return row ? viewOf(row) : null;
    },
    async status(): Promise<QueueStatus> {
      const counts = await db.query<{ name: string; state: string; jobs: number }>(
        `select name, state::text as state, count(*)::int as jobs from ${JOB_SCHEMA}.job group by 1, 2 order by 1, 2`,
      );
      const failed = await db.query<JobRow>(
        `select * from (select ${COLUMNS} from ${JOB_SCHEMA}.job where state = 'failed'
           union all select ${COLUMNS} from ${JOB_SCHEMA}.archive where state = 'failed') as failed
         order by completed_on desc nulls last limit 100`,
      );
      const processes = await liveJobProcesses(db, graceSeconds);
      return {
        engine: 'postgres',
        processes: processes.map(({ id: _id, ...process }) => process),
        graceSeconds,
        counts: counts.flatMap((row) =>
          isKind(row.name) ? [{ kind: row.name, state: STATES[row.state] ?? 'queued', jobs: row.jobs }] : [],
        ),
        deadLetters: failed.flatMap((row) => viewOf(row) ?? []),
      };
    },
    async retry(id) {
      const row = await find(id);
      if (row?.state !== 'failed') return false;
      await boss.retry(row.name, id);
      return true;
    },
    async work(handlers: JobHandlers, { concurrency }) {
      lease = await startJobLease({
        db,
        graceSeconds,
        failDead: async (tx, holds, reason) => {
          for (const hold of holds) {
            await boss.fail(hold.kind, hold.jobId, { message: reason }, { db: pgBossOn(tx) });
            // The job did not fail, its process did: retry it now, not after the backoff.
            await tx.query(
              `update ${JOB_SCHEMA}.job set start_after = now() where name = $1 and id = $2 and state = 'retry'`,
              [hold.kind, hold.jobId],
            );
          }
        },
        ...(options.onError ? { onError: options.onError } : {}),
      });
      worker = startPgBossWorker({
        boss,
        db,
        lease,
        handlers,
        // Captures hold a browser each, and one timestamp run does all that is due: one at a time.
        slots: { ingest: Math.max(1, concurrency), capture: 1, timestamp: 1 },
        pollSeconds: Math.max(0.5, options.pollSeconds ?? 1),
        ...(options.onError ? { onError: options.onError } : {}),
      });
    },
    async stop({ graceMs = 10_000 } = {}) {
      // Jobs still running after the grace are failed back to the queue, which means retried elsewhere.
      await worker?.stop(Math.max(0, graceMs));
      await lease?.stop();
      await boss.stop({ graceful: true, timeout: 1_000, wait: true });
    },
  };
}
