import { describe, expect, it } from 'vitest';
import { inProcessQueue } from '../jobs/inProcessQueue.ts';
import { DEFAULT_CAPTURE_SETTINGS } from './captureSettings.ts';
import { queuedCaptures } from './queuedCaptures.ts';

describe('captures through the shared queue', () => {
  it('checks the URL before queueing, then shows the job and its source to the requester only', async () => {
    const queue = inProcessQueue({ retryDelaySeconds: 0.001 });
    const captures = queuedCaptures(queue, DEFAULT_CAPTURE_SETTINGS);
    await expect(captures.start('http://127.0.0.1/admin', 'user-1')).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await queue.status()).counts).toEqual([]);

    const started = await captures.start('https://example.org/news', 'user-1');
    expect(started).toMatchObject({ state: 'queued', step: null, sourceId: null, requestedBy: 'user-1' });
    await queue.work(
      {
        ingest: async () => ({}),
        capture: async (data) => ({ sourceId: `source-of-${data.url}`, httpStatus: 200, duplicate: false }),
        timestamp: async () => ({}),
      },
      { concurrency: 1 },
    );
    let job = await captures.get(started.id, 'user-1');
    for (let i = 0; i < 100 && job.state !== 'done'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      job = await captures.get(started.id, 'user-1');
    }
    expect(job).toMatchObject({
      state: 'done',
      sourceId: 'source-of-https://example.org/news',
      httpStatus: 200,
      error: null,
    });
    await expect(captures.get(started.id, 'user-2')).rejects.toMatchObject({ code: 'not_found' });
    await queue.stop();
  });
});
