/**
 * Captures on PostgreSQL with several servers: each capture is a job of the shared queue
 * (services/jobs), done by whichever worker takes it, and followed from any server, so a proxy that
 * sends the follow-up to another server still finds it. The URL is checked here first (a refusal
 * is the request's answer); the browser is the worker's (a missing one fails the job, in words).
 * Steps are not reported across processes: a job is queued, running, done or failed.
 */
import { NotFound } from '../../core/errors.ts';
import type { JobQueue, JobView } from '../jobs/jobQueue.ts';
import type { CaptureJob, CaptureJobs } from './captureJobs.ts';
import type { CaptureSettings } from './captureSettings.ts';
import { checkCaptureUrl } from './guardedFetch.ts';

const STATES: Record<JobView['state'], CaptureJob['state']> = {
  queued: 'queued',
  retrying: 'queued',
  running: 'running',
  done: 'done',
  failed: 'failed',
  cancelled: 'failed',
};

function captureJobOf(job: JobView): CaptureJob {
  const { result } = job;
  return {
    id: job.id,
    state: STATES[job.state],
    step: null,
    requestedBy: job.requestedBy ?? '',
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    sourceId: typeof result?.sourceId === 'string' ? result.sourceId : null,
    httpStatus: typeof result?.httpStatus === 'number' ? result.httpStatus : null,
    duplicate: result?.duplicate === true,
    error: job.state === 'failed' ? (job.error ?? 'the capture failed') : null,
  };
}

export function queuedCaptures(queue: JobQueue, settings: CaptureSettings): CaptureJobs {
  return {
    async start(url, requestedBy) {
      checkCaptureUrl(url, settings.allowPrivateAddresses);
      const { id } = await queue.enqueue('capture', { url, requestedBy });
      const job = await queue.get(id);
      if (!job) throw new NotFound('capture', id);
      return captureJobOf(job);
    },
    async get(id, userId) {
      const job = await queue.get(id);
      // Another user's job is as absent as a job that never was: its URL is that user's business.
      if (job?.kind !== 'capture' || job.requestedBy !== userId) throw new NotFound('capture', id);
      return captureJobOf(job);
    },
    async close() {},
  };
}
