/**
 * The taking and finishing of jobs on PostgreSQL, each step one transaction on the store's pool with
 * pg-boss's own statements run inside it (its `db` option): taking a job and recording this
 * process's hold land together (no moment where a job runs unheld), and completing or failing it
 * happens only while the hold is still this process's (jobLease.ts). pg-boss's own `work` loop is not
 * used because it completes or fails a job unconditionally, which would overwrite the run of the
 * process the job was handed to after this one was declared dead.
 */
import type PgBoss from 'pg-boss';
import { parseWith } from '../../core/validation.ts';
import type { Db, Queryable, SqlParam } from '../../store/db.ts';
import type { JobHold } from '../../store/jobProcesses.ts';
import { JOB_SCHEMA } from '../../store/jobSchema.ts';
import { type JobLease, LostJob } from './jobLease.ts';
import {
  failingAtOnceOnBadInput,
  failureText,
  JOB_DATA,
  JOB_KINDS,
  type JobHandlers,
  type JobKind,
  type JobResult,
  PermanentJobError,
} from './jobQueue.ts';

export interface PgBossWorkerOptions {
  boss: PgBoss;
  db: Db;
  lease: JobLease;
  handlers: JobHandlers;
  /** Slots per kind: how many jobs of each kind this process runs at once. */
  slots: Record<JobKind, number>;
  pollSeconds: number;
  onError?: (message: string) => void;
}

export interface PgBossWorker {
  /** Asks idle slots of `kind` for work now (a job was just queued by this process). */
  nudge(kind: JobKind): void;
  /** Stops taking jobs; after `graceMs`, fails the ones still running back to the queue. */
  stop(graceMs: number): Promise<void>;
}

/** pg-boss's statements on one of our connections (inside our transaction). */
export function pgBossOn(tx: Queryable): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: await tx.query(text, sqlParams(values)) }) };
}

function sqlParams(values: readonly unknown[] | undefined): SqlParam[] {
  return (values ?? []).map((value) => {
    if (value === undefined) return null;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      value instanceof Date
    )
      return value;
    // A job's output (pg-boss passes it as an object, which node-postgres would send as JSON).
    if (typeof value === 'object') return JSON.stringify(value);
    throw new TypeError(`unexpected job queue parameter (${typeof value})`);
  });
}

/**
 * Makes this attempt the job's last, so pg-boss's own fail marks it failed rather than queueing a
 * retry (pg-boss has no "fail without retry"; its retry_limit is per job). An administrator's retry
 * (`boss.retry`) raises the limit by one again, so a manual retry still runs once.
 */
async function outOfRetries(on: PgBoss.Db, kind: JobKind, jobId: string): Promise<void> {
  await on.executeSql(
    `update ${JOB_SCHEMA}.job set retry_limit = retry_count where name = $1 and id = $2 and state = 'active'`,
    [kind, jobId],
  );
}

interface Running {
  hold: JobHold;
  done: Promise<void>;
}

export function startPgBossWorker(options: PgBossWorkerOptions): PgBossWorker {
  const { boss, db, lease, handlers } = options;
  const report = (message: string) => options.onError?.(`job queue: ${message}`);
  const pollMs = Math.max(500, options.pollSeconds * 1000);
  let stopping = false;
  const running = new Set<Running>();
  const idle = new Map<JobKind, Set<() => void>>();
  const loops: Array<Promise<void>> = [];

  const pause = (kind: JobKind) =>
    new Promise<void>((resolve) => {
      const sleepers = idle.get(kind) ?? new Set();
      idle.set(kind, sleepers);
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, pollMs);
      sleepers.add(wake);
    });

  const take = (kind: JobKind) =>
    db.transaction(async (tx) => {
      const [job] = await boss.fetch<Record<string, unknown>>(kind, {
        batchSize: 1,
        includeMetadata: true,
        db: pgBossOn(tx),
      });
      if (!job) return null;
      const hold = await lease.hold(tx, { jobId: job.id, kind, attempt: job.retryCount });
      return { job, hold };
    });

  /** Runs `write` (pg-boss's complete or fail) only while the hold is still ours; false when lost. */
  const finish = (hold: JobHold, write: (on: PgBoss.Db) => Promise<unknown>) =>
    db.transaction(async (tx) => {
      try {
        await lease.fence(tx, hold);
      } catch (error) {
        if (error instanceof LostJob) return false;
        throw error;
      }
      await write(pgBossOn(tx));
      await lease.release(tx, hold);
      return true;
    });

  const lost = (hold: JobHold) =>
    report(
      `a ${hold.kind} job was handed to another process while this one was silent; its result here was dropped`,
    );

  const run = async (
    kind: JobKind,
    job: { id: string; data: unknown; retryCount: number },
    hold: JobHold,
  ) => {
    const handler = handlers[kind] as (
      data: unknown,
      meta: { id: string; attempt: number; fence: (tx: Queryable) => Promise<void> },
    ) => Promise<JobResult>;
    let outcome: { result: JobResult } | { failure: string; permanent: boolean };
    try {
      // Data that does not parse now never will: no retry.
      const data = await failingAtOnceOnBadInput(async () =>
        parseWith(JOB_DATA[kind], job.data, `${kind} job`),
      );
      outcome = {
        result: await handler(data, {
          id: job.id,
          attempt: job.retryCount + 1,
          fence: (tx) => lease.fence(tx, hold),
        }),
      };
    } catch (error) {
      if (error instanceof LostJob) return lost(hold);
      outcome = { failure: failureText(error), permanent: error instanceof PermanentJobError };
    }
    const kept =
      'result' in outcome
        ? await finish(hold, (on) => boss.complete(kind, job.id, outcome.result, { db: on }))
        : await finish(hold, async (on) => {
            if (outcome.permanent) await outOfRetries(on, kind, job.id);
            // Stored as the job's output: words only (a plain object keeps pg-boss from adding a stack).
            await boss.fail(kind, job.id, { message: outcome.failure }, { db: on });
          });
    if (!kept) lost(hold);
  };

  const slot = async (kind: JobKind) => {
    while (!stopping) {
      let taken: Awaited<ReturnType<typeof take>> = null;
      try {
        taken = await take(kind);
      } catch (error) {
        report(`could not take a ${kind} job (${error instanceof Error ? error.name : 'error'})`);
      }
      if (!taken) {
        await pause(kind);
        continue;
      }
      const { job, hold } = taken;
      const entry: Running = {
        hold,
        done: run(kind, job, hold).catch(() => report(`could not finish a ${kind} job`)),
      };
      running.add(entry);
      await entry.done;
      running.delete(entry);
    }
  };

  for (const kind of JOB_KINDS)
    for (let index = 0; index < options.slots[kind]; index += 1) loops.push(slot(kind));

  const wakeAll = (kind?: JobKind) => {
    for (const [name, sleepers] of idle) if (!kind || name === kind) for (const wake of [...sleepers]) wake();
  };

  return {
    nudge: (kind) => wakeAll(kind),
    async stop(graceMs) {
      stopping = true;
      wakeAll();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'grace over'>((resolve) => {
        timer = setTimeout(() => resolve('grace over'), graceMs);
      });
      const outcome = await Promise.race([Promise.all(loops).then(() => 'finished' as const), graceOver]);
      clearTimeout(timer);
      if (outcome === 'finished') return;
      // Still running: back to the queue now (a retry elsewhere) rather than after the job's timeout.
      for (const entry of running)
        await finish(entry.hold, (on) =>
          boss.fail(
            entry.hold.kind,
            entry.hold.jobId,
            { message: 'the worker stopped before the job finished' },
            { db: on },
          ),
        ).catch(() => report('could not hand a running job back'));
    },
  };
}
