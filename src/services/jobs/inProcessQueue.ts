/**
 * The job queue of a single process (PGlite: the server owns the database). Same contract as the
 * PostgreSQL queue (retries with a doubling delay but none after a PermanentJobError, failed jobs kept as dead letters, one unfinished
 * job per key), in memory: a restart forgets queued jobs, which is safe because every job's effect
 * is idempotent and nothing a job stored is lost (the original is in the file store; enqueue again).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  type Enqueued,
  failureText,
  JOB_RETRIES,
  JOB_RETRY_DELAY_SECONDS,
  type JobData,
  type JobHandlers,
  type JobKind,
  type JobQueue,
  type JobResult,
  type JobRun,
  type JobView,
  PermanentJobError,
  type QueueStatus,
} from './jobQueue.ts';

interface Entry {
  view: JobView;
  data: unknown;
  key: string | null;
  notBefore: number;
}

const KEEP_FINISHED = 1_000;

export function inProcessQueue(options: { retryDelaySeconds?: number } = {}): JobQueue {
  const retryDelayMs = (options.retryDelaySeconds ?? JOB_RETRY_DELAY_SECONDS) * 1000;
  const jobs = new Map<string, Entry>();
  let handlers: JobHandlers | null = null;
  let slots = 0;
  let running = 0;
  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  const startedAt = new Date();

  const forgetOld = () => {
    const finished = [...jobs.values()].filter(
      (entry) => entry.view.finishedAt && entry.view.state === 'done',
    );
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      jobs.delete(entry.view.id);
  };

  const runOne = async (entry: Entry, run: JobHandlers) => {
    const { view } = entry;
    view.state = 'running';
    try {
      const handler = run[view.kind] as (data: unknown, job: JobRun) => Promise<JobResult>;
      // One process owns the queue: nobody can take the job over, so there is nothing to fence.
      view.result = await handler(entry.data, {
        id: view.id,
        attempt: view.retries + 1,
        fence: async () => {},
      });
      view.state = 'done';
      view.error = null;
      view.finishedAt = new Date();
    } catch (error) {
      view.error = failureText(error);
      if (!(error instanceof PermanentJobError) && view.retries < JOB_RETRIES) {
        view.retries += 1;
        view.state = 'retrying';
        entry.notBefore = Date.now() + retryDelayMs * 2 ** (view.retries - 1);
      } else {
        view.state = 'failed';
        view.finishedAt = new Date();
      }
    }
  };

  const pump = () => {
    if (!handlers || stopped) return;
    const now = Date.now();
    let nextDue = Number.POSITIVE_INFINITY;
    for (const entry of jobs.values()) {
      if (running >= slots) break;
      const { state } = entry.view;
      if (state !== 'queued' && state !== 'retrying') continue;
      if (entry.notBefore > now) {
        nextDue = Math.min(nextDue, entry.notBefore);
        continue;
      }
      running += 1;
      const done = runOne(entry, handlers).finally(() => {
        running -= 1;
        inFlight.delete(done);
        forgetOld();
        pump();
      });
      inFlight.add(done);
    }
    if (timer) clearTimeout(timer);
    timer = Number.isFinite(nextDue) ? setTimeout(pump, Math.max(10, nextDue - now)) : null;
    timer?.unref();
  };

  const copy = (view: JobView): JobView => ({ ...view });

  return {
    engine: 'in-process',
    async enqueue<K extends JobKind>(
      kind: K,
      data: JobData<K>,
      options: { key?: string } = {},
    ): Promise<Enqueued> {
      const key = options.key ? `${kind}:${options.key}` : null;
      if (key)
        for (const entry of jobs.values())
          if (entry.key === key && !entry.view.finishedAt)
            return { id: entry.view.id, kind, alreadyQueued: true };
      const requestedBy =
        'capturedBy' in data ? data.capturedBy : 'requestedBy' in data ? data.requestedBy : null;
      const view: JobView = {
        id: randomUUID(),
        kind,
        state: 'queued',
        retries: 0,
        requestedBy: typeof requestedBy === 'string' ? requestedBy : null,
        createdAt: new Date(),
        finishedAt: null,
        result: null,
        error: null,
      };
      jobs.set(view.id, { view, data, key, notBefore: 0 });
      queueMicrotask(pump);
      return { id: view.id, kind, alreadyQueued: false };
    },
    async get(id) {
      const entry = jobs.get(id);
      return entry ? copy(entry.view) : null;
    },
    async status(): Promise<QueueStatus> {
      const counts = new Map<string, QueueStatus['counts'][number]>();
      for (const { view } of jobs.values()) {
        const name = `${view.kind} ${view.state}`;
        const count = counts.get(name) ?? { kind: view.kind, state: view.state, jobs: 0 };
        count.jobs += 1;
        counts.set(name, count);
      }
      const deadLetters = [...jobs.values()]
        .filter((entry) => entry.view.state === 'failed')
        .map((entry) => copy(entry.view))
        .sort((a, b) => (b.finishedAt?.getTime() ?? 0) - (a.finishedAt?.getTime() ?? 0))
        .slice(0, 100);
      // The one working process is this one, alive as long as it answers.
      const processes = handlers
        ? [{ host: hostname(), pid: process.pid, startedAt, heartbeatAt: new Date(), jobsHeld: running }]
        : [];
      return {
        engine: 'in-process',
        processes,
        graceSeconds: null,
        counts: [...counts.values()],
        deadLetters,
      };
    },
    async retry(id) {
      const entry = jobs.get(id);
      if (entry?.view.state !== 'failed') return false;
      Object.assign(entry.view, { state: 'queued', retries: 0, finishedAt: null });
      entry.notBefore = 0;
      queueMicrotask(pump);
      return true;
    },
    async work(run, { concurrency }) {
      handlers = run;
      slots = Math.max(1, concurrency);
      stopped = false;
      pump();
    },
    async stop({ graceMs = 10_000 } = {}) {
      stopped = true;
      if (timer) clearTimeout(timer);
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(inFlight),
        new Promise((resolve) => {
          timeout = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(timeout);
    },
  };
}
