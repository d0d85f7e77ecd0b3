/**
 * The liveness lease of a working process on PostgreSQL. The process registers itself and refreshes
 * its heartbeat every few seconds; every job it takes is recorded as its hold in the transaction
 * that took it. Any live working process looks, every few seconds, for holds whose process has
 * missed its heartbeat for longer than the grace (ATTEST_WORKER_GRACE_S, default 30 s) and fails
 * those jobs back to pg-boss, which retries them (within their retry limit) elsewhere: a killed
 * worker's job comes back within about the grace, not after ATTEST_JOB_TIMEOUT_S, which stays the
 * hard limit for a job that hangs in a process that is still alive.
 *
 * A process that was only slow (a long pause, a lost connection) may still finish a job that was
 * declared dead and given to another. Its final writes therefore pass `fence` in their own
 * transaction: the hold must still be its own, for the same attempt, with the job still running, and
 * both stay locked until that transaction ends. Otherwise `LostJob` rolls the write back, so the
 * result is stored exactly once, by whoever holds the job.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AttestError } from '../../core/errors.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { type JobHold, type JobProcess, jobProcessesRepository } from '../../store/jobProcesses.ts';

export const DEFAULT_WORKER_GRACE_SECONDS = 30;

/** This process no longer holds the job: it was declared dead and the job failed over. */
export class LostJob extends AttestError {
  readonly code = 'lost_job';
  constructor(readonly jobId: string) {
    super(`job ${jobId} was handed to another process while this one was silent; this result is dropped`);
  }
}

export interface JobLeaseOptions {
  db: Db;
  graceSeconds?: number | undefined;
  /** Fails the dead processes' jobs back to the queue, inside the transaction that removed their holds. */
  failDead: (tx: Queryable, holds: JobHold[], reason: string) => Promise<void>;
  onError?: (message: string) => void;
}

export interface JobLease {
  readonly processId: string;
  readonly graceSeconds: number;
  /** Records that this process took the job, in the transaction that took it. */
  hold(tx: Queryable, job: { jobId: string; kind: string; attempt: number }): Promise<JobHold>;
  /** Throws LostJob unless the hold is still this process's; locks it until `tx` ends. */
  fence(tx: Queryable, hold: JobHold): Promise<void>;
  release(tx: Queryable, hold: JobHold): Promise<void>;
  /** Looks for dead processes' jobs now (also done every few seconds). */
  reap(): Promise<number>;
  stop(): Promise<void>;
}

/** Live working processes (heartbeat within the grace), for `worker --status` and GET /api/jobs. */
export async function liveJobProcesses(db: Queryable, graceSeconds: number): Promise<JobProcess[]> {
  return jobProcessesRepository(db).live(graceSeconds);
}

export async function startJobLease(options: JobLeaseOptions): Promise<JobLease> {
  const { db } = options;
  const graceSeconds = options.graceSeconds ?? DEFAULT_WORKER_GRACE_SECONDS;
  const me = { id: randomUUID(), host: hostname(), pid: process.pid };
  const processes = jobProcessesRepository(db);
  // Several beats fit in the grace, so one slow beat does not make a live process look dead.
  const beatMs = Math.max(500, Math.min(5_000, (graceSeconds * 1000) / 4));
  const report = (message: string) => options.onError?.(`job queue: ${message}`);
  const reason = `the process running it stopped answering (no heartbeat for over ${graceSeconds} s)`;

  await processes.beat(me);
  let stopped = false;
  const loops: Array<Promise<void>> = [];
  const sleepers = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  const reap = async (): Promise<number> => {
    const failed = await db.transaction(async (tx) => {
      const holds = await jobProcessesRepository(tx).takeOverDead(graceSeconds);
      if (holds.length > 0) await options.failDead(tx, holds, reason);
      return holds.length;
    });
    await processes.forgetDead(graceSeconds);
    return failed;
  };

  // Heartbeats and reaping run apart: a reap waiting on a finishing job's lock delays no heartbeat.
  const every = (ms: number, tick: () => Promise<void>) =>
    loops.push(
      (async () => {
        while (!stopped) {
          await tick().catch((error: unknown) =>
            report(error instanceof Error ? `${error.name} in the liveness lease` : 'liveness lease failed'),
          );
          if (!stopped) await pause(ms);
        }
      })(),
    );
  every(beatMs, async () => {
    if (!(await processes.beat(me)))
      report('this process missed its heartbeat for longer than the grace; its jobs were retried elsewhere');
  });
  every(beatMs, async () => {
    const failed = await reap();
    if (failed > 0) report(`${failed} job(s) of a silent process put back for a retry`);
  });

  return {
    processId: me.id,
    graceSeconds,
    async hold(tx, job) {
      const hold: JobHold = { ...job, processId: me.id };
      await jobProcessesRepository(tx).take(hold);
      return hold;
    },
    async fence(tx, hold) {
      if (!(await jobProcessesRepository(tx).stillHolds(hold))) throw new LostJob(hold.jobId);
    },
    async release(tx, hold) {
      await jobProcessesRepository(tx).release(hold.jobId, hold.processId);
    },
    reap,
    async stop() {
      stopped = true;
      for (const wake of [...sleepers]) wake();
      await Promise.all(loops);
      await processes.forget(me.id).catch(() => report('could not unregister this process'));
    },
  };
}
