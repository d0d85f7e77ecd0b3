/**
 * Captures requested over HTTP on one process (PGlite; on PostgreSQL see queuedCaptures.ts) run as jobs, one at a time per process (a capture holds a browser
 * and up to tens of megabytes), a few waiting behind it; each requester follows their own job's
 * step until it is done or failed. Jobs live in memory only: what matters (the source) is in the
 * database once a job is done, and a restart simply forgets jobs in flight, which stored nothing.
 */
import { randomUUID } from 'node:crypto';
import { AttestError, NotFound, RateLimited } from '../../core/errors.ts';
import type { Store } from '../../store/openStore.ts';
import type { DecodePool } from '../sources/decodeSandbox/decodePool.ts';
import { type CapturedSource, type CaptureStep, capturePage } from './capturePage.ts';
import type { CaptureSettings } from './captureSettings.ts';
import { checkCaptureUrl } from './guardedFetch.ts';
import { checkBrowser } from './renderPage.ts';

export type CaptureJobState = 'queued' | 'running' | 'done' | 'failed';

export interface CaptureJob {
  id: string;
  state: CaptureJobState;
  step: CaptureStep | null;
  requestedBy: string;
  createdAt: Date;
  finishedAt: Date | null;
  sourceId: string | null;
  httpStatus: number | null;
  duplicate: boolean;
  /** Why it failed, in words (never a stack). */
  error: string | null;
}

export const MAX_WAITING_CAPTURES = 5;
const KEEP_FINISHED_MS = 60 * 60 * 1000;

export interface CaptureJobs {
  /** Checks the URL and the browser at once (a refusal is the request's error), then queues. */
  start(url: string, requestedBy: string): Promise<CaptureJob>;
  /** The job, for the user who asked for it only. */
  get(id: string, userId: string): Promise<CaptureJob>;
  /** Waits for the running job (a graceful stop lets it finish). */
  close(): Promise<void>;
}

export function captureJobs(
  store: Store,
  settings: CaptureSettings,
  options: { decoder?: DecodePool; onCaptured?: (captured: CapturedSource) => void } = {},
): CaptureJobs {
  const jobs = new Map<string, CaptureJob>();
  const waiting: Array<{ job: CaptureJob; url: string }> = [];
  let running: Promise<void> | null = null;
  let closed = false;

  const forgetOld = () => {
    const now = Date.now();
    for (const [id, job] of jobs)
      if (job.finishedAt && now - job.finishedAt.getTime() > KEEP_FINISHED_MS) jobs.delete(id);
  };

  const runNext = () => {
    if (running || closed) return;
    const next = waiting.shift();
    if (!next) return;
    const { job, url } = next;
    job.state = 'running';
    running = capturePage(store, { url, capturedBy: job.requestedBy }, settings, {
      ...(options.decoder ? { decoder: options.decoder } : {}),
      onStep: (step) => {
        job.step = step;
      },
    })
      .then(
        (captured) => {
          job.state = 'done';
          job.sourceId = captured.source.id;
          job.httpStatus = captured.capture.httpStatus;
          job.duplicate = captured.source.duplicate;
          options.onCaptured?.(captured);
        },
        (error: unknown) => {
          job.state = 'failed';
          job.error = error instanceof AttestError ? error.message : 'the capture failed unexpectedly';
        },
      )
      .finally(() => {
        job.finishedAt = new Date();
        running = null;
        runNext();
      });
  };

  return {
    async start(url, requestedBy) {
      checkCaptureUrl(url, settings.allowPrivateAddresses);
      checkBrowser(settings.chromiumPath);
      forgetOld();
      if (waiting.length >= MAX_WAITING_CAPTURES)
        throw new RateLimited(
          `${MAX_WAITING_CAPTURES} captures are already waiting; try again in a minute`,
          60,
        );
      const job: CaptureJob = {
        id: randomUUID(),
        state: 'queued',
        step: null,
        requestedBy,
        createdAt: new Date(),
        finishedAt: null,
        sourceId: null,
        httpStatus: null,
        duplicate: false,
        error: null,
      };
      jobs.set(job.id, job);
      waiting.push({ job, url });
      runNext();
      return { ...job };
    },
    async get(id, userId) {
      const job = jobs.get(id);
      // Another user's job is as absent as a job that never was: its URL is that user's business.
      if (!job || job.requestedBy !== userId) throw new NotFound('capture', id);
      return { ...job };
    },
    async close() {
      closed = true;
      waiting.length = 0;
      await running;
    },
  };
}
