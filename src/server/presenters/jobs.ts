/** What leaves the server about background jobs: kinds, states, ids and counts; never a file or a text. */
import { z } from 'zod';
import { JOB_KINDS, JOB_STATES, type JobView, type QueueStatus } from '../../services/jobs/jobQueue.ts';
import { Id, Instant } from './common.ts';

export const JobSchema = z.object({
  id: Id,
  kind: z.enum(JOB_KINDS),
  state: z.enum(JOB_STATES),
  retries: z.number().int().describe('attempts that failed so far (a job whose process died counts one)'),
  createdAt: Instant,
  finishedAt: Instant.nullable(),
  result: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .nullable()
    .describe('once done: e.g. sourceId, duplicate, processedBy (host:pid of the process that did it)'),
  error: z.string().nullable().describe('why the last attempt failed, in words'),
});

export const QueuedIngestSchema = z.object({
  jobId: Id.nullable().describe('null when these bytes already are a source'),
  sha256: z.string(),
  alreadyQueued: z.boolean(),
  existingSourceId: Id.nullable(),
});

export const WorkingProcessSchema = z.object({
  host: z.string().describe('the host name of the machine the process runs on'),
  pid: z.number().int(),
  startedAt: Instant,
  heartbeatAt: Instant.describe('its last heartbeat, by the database clock'),
  jobsHeld: z.number().int().describe('jobs it is running now'),
});

export const QueueStatusSchema = z.object({
  engine: z.enum(['postgres', 'in-process']),
  processes: z
    .array(WorkingProcessSchema)
    .describe('processes taking jobs whose heartbeat is within the grace (in-process: this server)'),
  graceSeconds: z
    .number()
    .int()
    .nullable()
    .describe(
      'ATTEST_WORKER_GRACE_S: a process silent this long has its jobs retried elsewhere; null in-process',
    ),
  counts: z.array(z.object({ kind: z.enum(JOB_KINDS), state: z.enum(JOB_STATES), jobs: z.number().int() })),
  deadLetters: z.array(JobSchema.extend({ requestedBy: z.string().nullable() })),
});

export function presentJob(job: JobView): z.infer<typeof JobSchema> {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    retries: job.retries,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result: job.result,
    error: job.error,
  };
}

export function presentQueueStatus(status: QueueStatus): z.infer<typeof QueueStatusSchema> {
  return {
    engine: status.engine,
    processes: status.processes.map((process) => ({
      host: process.host,
      pid: process.pid,
      startedAt: process.startedAt.toISOString(),
      heartbeatAt: process.heartbeatAt.toISOString(),
      jobsHeld: process.jobsHeld,
    })),
    graceSeconds: status.graceSeconds,
    counts: status.counts,
    deadLetters: status.deadLetters.map((job) => ({ ...presentJob(job), requestedBy: job.requestedBy })),
  };
}
