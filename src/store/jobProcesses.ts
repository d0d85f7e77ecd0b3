/**
 * The liveness lease of the processes that take jobs (migration 093): who is alive, and which job
 * each one holds for which attempt. Every time comparison uses the database's clock (`now()`), so
 * processes on hosts whose clocks disagree still agree on who is late.
 */
import type { Queryable } from './db.ts';
import { JOB_SCHEMA } from './jobSchema.ts';

export interface JobProcess {
  id: string;
  host: string;
  pid: number;
  startedAt: Date;
  heartbeatAt: Date;
  /** Jobs it holds now. */
  jobsHeld: number;
}

export interface JobHold {
  jobId: string;
  kind: string;
  processId: string;
  /** pg-boss's retry_count when the job was taken: a later attempt has a higher one. */
  attempt: number;
}

interface ProcessRow {
  id: string;
  host: string;
  pid: number;
  started_at: Date;
  heartbeat_at: Date;
  jobs_held: number;
}

interface HoldRow {
  job_id: string;
  kind: string;
  process_id: string;
  attempt: number;
}

const holdOf = (row: HoldRow): JobHold => ({
  jobId: row.job_id,
  kind: row.kind,
  processId: row.process_id,
  attempt: row.attempt,
});

export function jobProcessesRepository(db: Queryable) {
  return {
    /** Registers the process, or refreshes it: false when it had been declared dead (and re-registered). */
    async beat(process: { id: string; host: string; pid: number }): Promise<boolean> {
      const refreshed = await db.query<{ id: string }>(
        'update job_processes set heartbeat_at = now() where id = $1 returning id',
        [process.id],
      );
      if (refreshed.length > 0) return true;
      await db.query(
        'insert into job_processes (id, host, pid) values ($1, $2, $3) on conflict (id) do update set heartbeat_at = now()',
        [process.id, process.host, process.pid],
      );
      return false;
    },

    /** Unregisters a stopping process; one still holding a job stays, silent, for others to reap. */
    async forget(processId: string): Promise<void> {
      await db.query(
        'delete from job_processes p where p.id = $1 and not exists (select 1 from job_holds h where h.process_id = p.id)',
        [processId],
      );
    },

    /** Processes whose heartbeat is within the grace, oldest first, with the jobs each holds. */
    async live(graceSeconds: number): Promise<JobProcess[]> {
      const rows = await db.query<ProcessRow>(
        `select p.id, p.host, p.pid, p.started_at, p.heartbeat_at,
                (select count(*)::int from job_holds h where h.process_id = p.id) as jobs_held
           from job_processes p
          where p.heartbeat_at >= now() - make_interval(secs => $1)
          order by p.started_at, p.id`,
        [graceSeconds],
      );
      return rows.map((row) => ({
        id: row.id,
        host: row.host,
        pid: row.pid,
        startedAt: new Date(row.started_at),
        heartbeatAt: new Date(row.heartbeat_at),
        jobsHeld: row.jobs_held,
      }));
    },

    /** Records that `processId` took the job (in the transaction that took it); replaces an older attempt's hold. */
    async take(hold: JobHold): Promise<void> {
      await db.query(
        `insert into job_holds (job_id, kind, process_id, attempt) values ($1, $2, $3, $4)
         on conflict (job_id) do update
           set kind = excluded.kind, process_id = excluded.process_id, attempt = excluded.attempt, taken_at = now()`,
        [hold.jobId, hold.kind, hold.processId, hold.attempt],
      );
    },

    /**
     * True when the hold is still this process's and its job is still running this attempt; the
     * hold and the job's row stay locked until the transaction ends, so nobody can fail the job
     * over in the meantime (the fence every final write passes).
     */
    async stillHolds(hold: JobHold): Promise<boolean> {
      const rows = await db.query<{ job_id: string }>(
        `select h.job_id from job_holds h
           join ${JOB_SCHEMA}.job j on j.name = h.kind and j.id = h.job_id
          where h.job_id = $1 and h.process_id = $2 and h.attempt = $3
            and j.state = 'active' and j.retry_count = $3
          for update of h, j`,
        [hold.jobId, hold.processId, hold.attempt],
      );
      return rows.length > 0;
    },

    async release(jobId: string, processId: string): Promise<void> {
      await db.query('delete from job_holds where job_id = $1 and process_id = $2', [jobId, processId]);
    },

    /**
     * Holds whose process missed its heartbeat for longer than the grace and whose job is still
     * running that attempt: removed, with the hold and the job's row locked until the transaction
     * ends (the caller fails the job in it), and skipped when another process is reaping them or
     * their holder is finishing them. Holds left over from a job that has since moved on (expired
     * by its timeout, retried) are removed too.
     */
    async takeOverDead(graceSeconds: number): Promise<JobHold[]> {
      const dead = await db.query<HoldRow>(
        `select h.job_id, h.kind, h.process_id, h.attempt
           from job_holds h
           join job_processes p on p.id = h.process_id
           join ${JOB_SCHEMA}.job j on j.name = h.kind and j.id = h.job_id
          where p.heartbeat_at < now() - make_interval(secs => $1)
            and j.state = 'active' and j.retry_count = h.attempt
          for update of h, j skip locked`,
        [graceSeconds],
      );
      await db.query(
        `delete from job_holds h using job_processes p
          where p.id = h.process_id and p.heartbeat_at < now() - make_interval(secs => $1)
            and (h.job_id = any($2::uuid[]) or not exists (
              select 1 from ${JOB_SCHEMA}.job j
               where j.name = h.kind and j.id = h.job_id and j.state = 'active' and j.retry_count = h.attempt))`,
        [graceSeconds, dead.map((row) => row.job_id)],
      );
      return dead.map(holdOf);
    },

    /** Forgets processes silent for far longer than the grace that hold nothing (their history is the jobs'). */
    async forgetDead(graceSeconds: number): Promise<void> {
      await db.query(
        `delete from job_processes p
          where p.heartbeat_at < now() - make_interval(secs => $1)
            and not exists (select 1 from job_holds h where h.process_id = p.id)`,
        [graceSeconds],
      );
    },
  };
}
