/**
 * A scan uploaded through the job queue over HTTP: POST /api/source-jobs preserves the original and
 * answers 202 while the job is still waiting or running (the OCR is not in the request), and the
 * server's worker reads the page by Tesseract. On PGlite the queue is the server's own process; on
 * PostgreSQL it is pg-boss on the test database, as `attest serve` and `attest worker` run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJobQueue } from '../../src/services/jobs/openJobQueue.ts';
import { sha256Hex } from '../../src/store/fileStore.ts';
import { OCR_TEXTS, renderTextPng } from '../support/ocrImages.ts';
import { backends } from '../support/stores.ts';
import { launchChromium } from '../web/browser.ts';
import { multipart, startApi, type TestApi } from './support.ts';

describe.each(backends())('a scan uploaded through the job queue on %s', (backend) => {
  let api: TestApi;
  let scan: Uint8Array;

  beforeAll(async () => {
    const chromium = await launchChromium();
    try {
      scan = await renderTextPng(chromium.browser, OCR_TEXTS.en);
    } finally {
      await chromium.close();
    }
    api = await startApi(backend, {
      server: async (store) => ({
        jobs: await openJobQueue(store, { databaseUrl: store.databaseUrl ?? undefined, works: true }),
      }),
    });
  }, 120_000);
  afterAll(async () => api?.close());

  const jobOf = async (id: string) =>
    (await api.as('investigator', { method: 'GET', url: `/api/jobs/${id}` })).json();

  it('answers 202 before the OCR, and the worker reads the page', async () => {
    const upload = multipart([
      { name: 'ocrLanguage', value: 'en' },
      { name: 'file', value: scan, fileName: 'scan.png' },
    ]);
    const queued = await api.as('investigator', {
      method: 'POST',
      url: '/api/source-jobs',
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(queued.statusCode, queued.body).toBe(202);
    const { jobId, sha256 } = queued.json();
    expect(sha256).toBe(sha256Hex(scan));
    // Preserved before the answer; read after it.
    expect(api.store.files.has(sha256)).toBe(true);
    expect(['queued', 'running']).toContain((await jobOf(jobId)).state);

    let job = await jobOf(jobId);
    for (let i = 0; i < 600 && job.state !== 'done' && job.state !== 'failed'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = await jobOf(jobId);
    }
    expect(job).toMatchObject({ state: 'done', error: null, result: { sha256, duplicate: false } });

    const source = await api.as('investigator', {
      method: 'GET',
      url: `/api/sources/${job.result.sourceId}`,
    });
    expect(source.statusCode).toBe(200);
    expect(source.json().text).toContain('fifteen protesters');
    const scanDetails = await api.as('investigator', {
      method: 'GET',
      url: `/api/sources/${job.result.sourceId}/scan`,
    });
    expect(scanDetails.json().ocr).toMatchObject({
      engine: expect.stringMatching(/tesseract/i),
      language: 'en',
    });

    const queue = await api.as('administrator', { method: 'GET', url: '/api/jobs' });
    expect(queue.json().engine).toBe(backend === 'postgres' ? 'postgres' : 'in-process');
  }, 180_000);
});
