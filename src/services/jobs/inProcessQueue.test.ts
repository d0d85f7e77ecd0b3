import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../core/errors.ts';
import { inProcessQueue } from './inProcessQueue.ts';
import type { JobHandlers, JobView } from './jobQueue.ts';

const SHA = 'a'.repeat(64);
const ingest = { sha256: SHA, fileName: 'a.txt', capturedBy: 'user-1' };

async function settled(queue: ReturnType<typeof inProcessQueue>, id: string): Promise<JobView> {
  for (let i = 0; i < 400; i += 1) {
    const job = await queue.get(id);
    if (job && (job.state === 'done' || job.state === 'failed')) return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('job did not settle');
}

const handlersWith = (ingestJob: JobHandlers['ingest']): JobHandlers => ({
  ingest: ingestJob,
  capture: async () => ({}),
  timestamp: async () => ({}),
});

describe('the in-process job queue', () => {
  it('runs a job once, keeps one unfinished job per key, and reports the result', async () => {
    const queue = inProcessQueue();
    let runs = 0;
    const first = await queue.enqueue('ingest', ingest, { key: SHA });
    const again = await queue.enqueue('ingest', ingest, { key: SHA });
    expect(again).toEqual({ id: first.id, kind: 'ingest', alreadyQueued: true });
    await queue.work(
      handlersWith(async () => {
        runs += 1;
        return { sourceId: 'source-1' };
      }),
      { concurrency: 2 },
    );
    const job = await settled(queue, first.id);
    expect(job).toMatchObject({
      state: 'done',
      retries: 0,
      requestedBy: 'user-1',
      result: { sourceId: 'source-1' },
    });
    expect(runs).toBe(1);
    await queue.stop();
  });

  it('retries a failing job with a growing delay, then keeps it as a dead letter with its reason in words', async () => {
    const queue = inProcessQueue({ retryDelaySeconds: 0.001 });
    let attempts = 0;
    await queue.work(
      handlersWith(async () => {
        attempts += 1;
        if (attempts === 1) throw new InvalidInput('original', 'damaged');
        throw new Error('a message that may quote private data');
      }),
      { concurrency: 1 },
    );
    const { id } = await queue.enqueue('ingest', ingest);
    const job = await settled(queue, id);
    expect(attempts).toBe(4);
    expect(job.state).toBe('failed');
    expect(job.retries).toBe(3);
    expect(job.error).toBe('the job failed unexpectedly (Error)');
    const status = await queue.status();
    expect(status.deadLetters.map((dead) => dead.id)).toEqual([id]);
    expect(status.counts).toEqual([{ kind: 'ingest', state: 'failed', jobs: 1 }]);

    // An administrator's retry puts it back; this time it succeeds.
    await queue.stop();
    await queue.work(
      handlersWith(async () => ({ ok: true })),
      { concurrency: 1 },
    );
    expect(await queue.retry(id)).toBe(true);
    expect(await settled(queue, id)).toMatchObject({ state: 'done', result: { ok: true } });
    expect(await queue.retry(id)).toBe(false);
    await queue.stop();
  });

  it('waits for a running job on stop, up to the grace', async () => {
    const queue = inProcessQueue();
    let finished = false;
    await queue.work(
      handlersWith(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished = true;
        return {};
      }),
      { concurrency: 1 },
    );
    await queue.enqueue('ingest', ingest);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await queue.stop({ graceMs: 5_000 });
    expect(finished).toBe(true);
  });
});
