/**
 * How both job queues end a failing job, on the engine each backend runs (the in-process queue on
 * PGlite, pg-boss on PostgreSQL): a job whose input can never be processed (PermanentJobError) fails
 * on its first attempt with its reason and is not retried, yet an administrator's retry still runs it;
 * a transient failure (a plain Error) is retried, and the retry succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInput } from '../../src/core/errors.ts';
import {
  type JobHandlers,
  type JobQueue,
  type JobView,
  PermanentJobError,
} from '../../src/services/jobs/jobQueue.ts';
import { openJobQueue } from '../../src/services/jobs/openJobQueue.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

const ingestOf = (letter: string) => ({
  sha256: letter.repeat(64),
  fileName: `${letter}.tif`,
  capturedBy: 'tester',
});

describe.each(backends())('a failing job on %s', (backend) => {
  let store: TestStore;
  let queue: JobQueue;
  /** Attempts seen per file name, and what each next attempt does. */
  const attempts = new Map<string, number>();
  const behaviour = new Map<string, (attempt: number) => void>();

  const handlers: JobHandlers = {
    async ingest(data, job) {
      attempts.set(data.fileName, (attempts.get(data.fileName) ?? 0) + 1);
      behaviour.get(data.fileName)?.(job.attempt);
      return { fileName: data.fileName, attempt: job.attempt };
    },
    capture: async () => ({}),
    timestamp: async () => ({}),
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    queue = await openJobQueue(store, { databaseUrl: store.databaseUrl ?? undefined, works: true });
    await queue.work(handlers, { concurrency: 2 });
  }, 120_000);
  afterAll(async () => {
    await queue?.stop({ graceMs: 1_000 });
    await store?.close();
  });

  /** The job once it has left queued/running: failed, done, or waiting for a retry. */
  const settled = async (id: string): Promise<JobView> => {
    for (let i = 0; i < 600; i += 1) {
      const job = await queue.get(id);
      if (job && job.state !== 'queued' && job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the job did not settle');
  };

  it('fails a job whose input can never be processed on its first attempt, with its reason', async () => {
    behaviour.set('c.tif', () => {
      throw new PermanentJobError(new InvalidInput('c.tif', 'corrupt or unreadable TIFF image'));
    });
    const { id } = await queue.enqueue('ingest', ingestOf('c'));
    const job = await settled(id);
    expect(job).toMatchObject({
      state: 'failed',
      retries: 0,
      error: 'c.tif: corrupt or unreadable TIFF image',
    });
    expect(job.finishedAt).not.toBeNull();
    expect(attempts.get('c.tif')).toBe(1);
    const status = await queue.status();
    expect(status.deadLetters.find((dead) => dead.id === id)).toMatchObject({
      retries: 0,
      error: 'c.tif: corrupt or unreadable TIFF image',
    });

    // An administrator may still retry it (after replacing a damaged original, say): it runs again.
    behaviour.delete('c.tif');
    expect(await queue.retry(id)).toBe(true);
    let again = await settled(id);
    for (let i = 0; i < 300 && again.state === 'retrying'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      again = await settled(id);
    }
    expect(again).toMatchObject({ state: 'done', result: { fileName: 'c.tif' } });
    expect(attempts.get('c.tif')).toBe(2);
  }, 60_000);

  it('still retries a transient failure, and the retry succeeds', async () => {
    behaviour.set('e.tif', (attempt) => {
      if (attempt === 1) throw new Error('connection terminated unexpectedly');
    });
    const { id } = await queue.enqueue('ingest', ingestOf('e'));
    const first = await settled(id);
    // (pg-boss counts the retry when it starts it, so `retries` is not compared while waiting.)
    expect(first).toMatchObject({ state: 'retrying', error: 'the job failed unexpectedly (Error)' });
    let job = first;
    // The first retry waits 5 s in-process, 5 to 10 s on pg-boss (its backoff has jitter).
    for (let i = 0; i < 300 && job.state === 'retrying'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await settled(id);
    }
    expect(job).toMatchObject({ state: 'done', retries: 1, result: { fileName: 'e.tif', attempt: 2 } });
    expect(attempts.get('e.tif')).toBe(2);
  }, 60_000);
});
