/**
 * Background jobs over HTTP with the in-process queue (one server: PGlite, or a test server on
 * PostgreSQL), and the database-backed rate limits every server shares.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedRateLimiter } from '../../src/services/limits/rateLimits.ts';
import { backends } from '../support/stores.ts';
import { startApi, type TestApi } from './support.ts';

describe.each(backends())('jobs and shared limits on %s', (backend) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(backend);
  }, 120_000);
  afterAll(async () => api?.close());

  const follow = async (id: string, role: 'administrator' | 'investigator' = 'investigator') => {
    for (let i = 0; i < 200; i += 1) {
      const job = (await api.as(role, { method: 'GET', url: `/api/jobs/${id}` })).json();
      if (job.state === 'done' || job.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the job did not finish');
  };

  it('preserves a paste at once, ingests it in the background, and shows the job to its requester only', async () => {
    const text = `Queued: police detained 4 protesters in Tbilisi on 1 May 2024 (${backend}).`;
    const queued = await api.as('investigator', {
      method: 'POST',
      url: '/api/source-jobs',
      payload: { text },
    });
    expect(queued.statusCode, queued.body).toBe(202);
    const { jobId, sha256 } = queued.json();
    const job = await follow(jobId);
    expect(job).toMatchObject({ kind: 'ingest', state: 'done', retries: 0, error: null });
    const source = await api.as('investigator', {
      method: 'GET',
      url: `/api/sources/${job.result.sourceId}`,
    });
    expect(source.statusCode).toBe(200);
    expect(job.result.sha256).toBe(sha256);

    // Another member does not see it; an administrator does.
    expect((await api.as('caseworker', { method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(404);
    expect((await api.as('administrator', { method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(
      200,
    );

    // The same bytes again are the existing source, not a second job.
    const again = await api.as('investigator', {
      method: 'POST',
      url: '/api/source-jobs',
      payload: { text },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ jobId: null, existingSourceId: job.result.sourceId });
  });

  it('refuses to queue a sealed source, and shows the queue to administrators only', async () => {
    const sealed = await api.as('investigator', {
      method: 'POST',
      url: '/api/source-jobs',
      payload: { text: 'A testimony.', sealed: true },
    });
    expect(sealed.statusCode).toBe(400);
    expect(sealed.json().message).toContain('compartment key');
    expect((await api.as('investigator', { method: 'GET', url: '/api/jobs' })).statusCode).toBe(403);
    const status = await api.as('administrator', { method: 'GET', url: '/api/jobs' });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ engine: 'in-process', deadLetters: [] });
  });

  it('counts a token bucket in the database: two limiters on one database share it, and keys stay apart', async () => {
    const one = sharedRateLimiter(api.store.db, 'test-scope', { capacity: 3, refillPerSecond: 0.001 });
    const other = sharedRateLimiter(api.store.db, 'test-scope', { capacity: 3, refillPerSecond: 0.001 });
    const taken = [
      await one.tryTake('k'),
      await other.tryTake('k'),
      await one.tryTake('k'),
      await other.tryTake('k'),
    ];
    expect(taken).toEqual([true, true, true, false]);
    await expect(one.take('k')).rejects.toMatchObject({ code: 'rate_limited' });
    expect(await other.tryTake('another key')).toBe(true);
    // 20 takers at once get exactly the 3 tokens of a fresh key.
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : other).tryTake('burst')),
    );
    expect(burst.filter(Boolean)).toHaveLength(3);
    // Neither the key nor anything readable is stored: only HMACs.
    const rows = await api.store.db.query<{ key: Uint8Array }>(
      "select key from rate_buckets where scope = 'test-scope'",
    );
    expect(rows.length).toBe(3);
    for (const row of rows) expect(Buffer.from(row.key).toString('utf8')).not.toContain('burst');
  });
});
