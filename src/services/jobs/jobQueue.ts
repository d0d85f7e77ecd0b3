/**
 * Work that need not finish inside a request: ingesting stored originals, capturing a page,
 * stamping originals. One interface, two adapters:
 * - PostgreSQL: pg-boss (`pgBossQueue.ts`), in its own schema; any `attest serve` or `attest worker`
 *   on the database may run a job, each job is held by one process at a time, a process that stops
 *   answering loses its jobs after a grace (jobLease.ts) and they are retried elsewhere;
 * - PGlite: the server's own process (`inProcessQueue.ts`), one process owning the database anyway.
 * Effects are idempotent by key (an ingest by the original's SHA-256), so a retried job finds what
 * a dead one already stored and never stores it twice. A job out of attempts stays `failed`: the
 * dead letters `attest worker --status` and `GET /api/jobs` show to administrators; so does, at once,
 * a job whose handler threw PermanentJobError (its input can never be processed).
 */
import { z } from 'zod';
import { AttestError, InvalidInput } from '../../core/errors.ts';
import { OCR_LANGUAGES } from '../../decode/ocr/ocrLanguage.ts';
import type { Queryable } from '../../store/db.ts';

export const JOB_KINDS = ['ingest', 'capture', 'timestamp'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What each kind carries: names and hashes, never bytes (originals are in the file store first). */
export const JOB_DATA = {
  ingest: z.strictObject({
    sha256: Sha256,
    fileName: z.string().min(1).max(1_000),
    capturedBy: z.string().min(1).max(200),
    published: z.string().optional(),
    title: z.string().max(500).optional(),
    url: z.string().max(2_000).optional(),
    ocrLanguage: z.enum(OCR_LANGUAGES).optional(),
  }),
  capture: z.strictObject({ url: z.string().min(1).max(2_000), requestedBy: z.string().min(1).max(200) }),
  timestamp: z.strictObject({}),
} as const;
export type JobData<K extends JobKind> = z.output<(typeof JOB_DATA)[K]>;

/** What a finished job answers (shown to its requester). */
export type JobResult = Record<string, string | number | boolean | null>;

/** The run of one job as its handler sees it. */
export interface JobRun {
  id: string;
  /** 1 for the first run, 2 for the first retry… */
  attempt: number;
  /**
   * Called inside the transaction of the job's final write: throws (rolling it back) when this
   * process no longer holds the job, because it was declared dead and the job handed to another
   * (PostgreSQL, jobLease.ts). A no-op where one process owns the queue.
   */
  fence: (tx: Queryable) => Promise<void>;
}

export type JobHandlers = {
  [K in JobKind]: (data: JobData<K>, job: JobRun) => Promise<JobResult>;
};

export const JOB_STATES = ['queued', 'running', 'retrying', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobView {
  id: string;
  kind: JobKind;
  state: JobState;
  /** Attempts that ended without success so far (a retried job shows 1 or more). */
  retries: number;
  /** Who asked (an account id or an operating-system user name); null for the timestamp run. */
  requestedBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  result: JobResult | null;
  /** Why the last attempt failed, in words (never a stack). */
  error: string | null;
}

/** A process taking jobs, alive by its heartbeat (no address, no account, nothing it works on). */
export interface WorkingProcess {
  host: string;
  pid: number;
  startedAt: Date;
  heartbeatAt: Date;
  jobsHeld: number;
}

export interface QueueStatus {
  /** 'postgres': pg-boss on PostgreSQL; 'in-process': this server's process (PGlite). */
  engine: 'postgres' | 'in-process';
  /** Processes whose heartbeat is within the grace: a silent one's jobs are retried elsewhere. */
  processes: WorkingProcess[];
  /** ATTEST_WORKER_GRACE_S: how long a process may be silent before its jobs are retried (null: one process). */
  graceSeconds: number | null;
  counts: Array<{ kind: JobKind; state: JobState; jobs: number }>;
  /** Jobs out of attempts, newest first (at most 100). */
  deadLetters: JobView[];
}

export interface Enqueued {
  id: string;
  kind: JobKind;
  /** True when the same work (same key) was already waiting: its job id is returned. */
  alreadyQueued: boolean;
}

export interface JobQueue {
  readonly engine: 'postgres' | 'in-process';
  /** Queues a job; with `key`, one unfinished job per key (the ingest of one original once). */
  enqueue<K extends JobKind>(kind: K, data: JobData<K>, options?: { key?: string }): Promise<Enqueued>;
  get(id: string): Promise<JobView | null>;
  status(): Promise<QueueStatus>;
  /** Puts a failed job back in the queue (administrators, after fixing the cause). */
  retry(id: string): Promise<boolean>;
  /** Starts taking jobs: `concurrency` at a time in this process. */
  work(handlers: JobHandlers, options: { concurrency: number }): Promise<void>;
  /** Stops taking jobs; waits up to `graceMs` for running ones, then releases them for a retry. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** Attempts after the first, and the delay before the first retry (doubling each time). */
export const JOB_RETRIES = 3;
export const JOB_RETRY_DELAY_SECONDS = 5;
/** Longest a job may run before it counts as dead and is retried (ATTEST_JOB_TIMEOUT_S). */
export const DEFAULT_JOB_TIMEOUT_SECONDS = 15 * 60;

/**
 * A failure the same input will always meet again: a corrupt or hostile file, an original that no
 * longer matches its SHA-256, job data that does not parse. Both engines fail such a job on this
 * attempt instead of retrying it: a retry would spend the decode sandbox's time (a hostile file may
 * cost a full timeout each run) and keep the requester waiting for the same answer. Everything else
 * (a database down, a process killed mid-job) stays retried. Its message is the cause's, in words.
 */
export class PermanentJobError extends AttestError {
  readonly code = 'permanent_job_failure';
  constructor(readonly reason: AttestError) {
    super(reason.message);
  }
}

/** Runs a job's work, marking bad input (the typed InvalidInput) as a failure no retry can mend. */
export async function failingAtOnceOnBadInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof InvalidInput ? new PermanentJobError(error) : error;
  }
}

/** The words of a failure, never a stack, nor an unexpected error's message (it may quote data). */
export function failureText(error: unknown): string {
  if (error instanceof AttestError) return error.message.slice(0, 500);
  return `the job failed unexpectedly (${error instanceof Error ? error.name : typeof error})`;
}
