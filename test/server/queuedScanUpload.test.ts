/**
 * A scan uploaded through the job queue over HTTP: POST /api/source-jobs preserves the original and
 * answers 202 while the job is still waiting or running (the OCR is not in the request), and the
 * server's worker reads the page by Tesseract. On PGlite the queue is the server's own process; on
 * PostgreSQL it is pg-boss on the test database, as `attest serve` and `attest worker` run it. A
 * file that can never be read (a corrupt TIFF) and an original that no longer matches its SHA-256
 * fail on their first attempt, with their reason, instead of after every retry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../src/services/jobs/jobQueue.ts';
import { openJobQueue } from '../../src/services/jobs/openJobQueue.ts';
import { sha256Hex } from '../../src/store/fileStore.ts';
import { OCR_TEXTS, renderTextPng } from '../support/ocrImages.ts';
import { backends } from '../support/stores.ts';
import { launchChromium } from '../web/browser.ts';
import { multipart, startApi, type TestApi } from './support.ts';

/** A TIFF header whose first directory lies past the end of the file: no tool can read it. */
const CORRUPT_TIFF = Buffer.concat([
  Buffer.from([0x49, 0x49, 42, 0, 0xff, 0xff, 0, 0]),
  Buffer.alloc(100, 7),
]);

describe.each(backends())('a scan uploaded through the job queue on %s', (backend) => {
  let api: TestApi;
  let scan: Uint8Array;
  let queue: JobQueue;

  beforeAll(async () => {
    const chromium = await launchChromium();
    try {
      scan = await renderTextPng(chromium.browser, OCR_TEXTS.en);
    } finally {
      await chromium.close();
    }
    api = await startApi(backend, {
      server: async (store) => {
        queue = await openJobQueue(store, { databaseUrl: store.databaseUrl ?? undefined, works: true });
        return { jobs: queue };
      },
    });
  }, 120_000);
  afterAll(async () => api?.close());

  const jobOf = async (id: string) =>
    (await api.as('administrator', { method: 'GET', url: `/api/jobs/${id}` })).json();

  /** The job once it has left queued/running: done, failed, or waiting for a retry. */
  const settled = async (id: string) => {
    let job = await jobOf(id);
    for (let i = 0; i < 1_200 && (job.state === 'queued' || job.state === 'running'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await jobOf(id);
    }
    return job;
  };

  /** Uploads one file to /api/source-jobs, answered 202: its job's id and the original's SHA-256. */
  const queueUpload = async (
    fields: Parameters<typeof multipart>[0],
  ): Promise<{ jobId: string; sha256: string }> => {
    const upload = multipart(fields);
    const queued = await api.as('investigator', {
      method: 'POST',
      url: '/api/source-jobs',
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(queued.statusCode, queued.body).toBe(202);
    return queued.json();
  };

  it('answers 202 before the OCR, and the worker reads the page', async () => {
    const { jobId, sha256 } = await queueUpload([
      { name: 'ocrLanguage', value: 'en' },
      { name: 'file', value: scan, fileName: 'scan.png' },
    ]);
    expect(sha256).toBe(sha256Hex(scan));
    // Preserved before the answer; read after it.
    expect(api.store.files.has(sha256)).toBe(true);
    expect(['queued', 'running']).toContain((await jobOf(jobId)).state);

    const job = await settled(jobId);
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

    const status = await api.as('administrator', { method: 'GET', url: '/api/jobs' });
    expect(status.json().engine).toBe(backend === 'postgres' ? 'postgres' : 'in-process');
  }, 180_000);

  it('fails a corrupt TIFF’s job on its first attempt, with its reason, and keeps the original', async () => {
    const { jobId, sha256 } = await queueUpload([{ name: 'file', value: CORRUPT_TIFF, fileName: 'fax.tif' }]);
    expect(await settled(jobId)).toMatchObject({
      state: 'failed',
      retries: 0,
      error: 'fax.tif: corrupt or unreadable TIFF image',
    });
    expect(api.store.files.has(sha256)).toBe(true);
    const status = (await api.as('administrator', { method: 'GET', url: '/api/jobs' })).json();
    expect(status.deadLetters).toContainEqual(
      expect.objectContaining({ id: jobId, retries: 0, error: 'fax.tif: corrupt or unreadable TIFF image' }),
    );
  }, 120_000);

  it('fails at once an original that no longer matches its SHA-256', async () => {
    const sha256 = sha256Hex(Buffer.from('the bytes that were preserved'));
    const path = api.store.files.path(sha256);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'other bytes: the file was damaged on disk');
    const { id } = await queue.enqueue('ingest', { sha256, fileName: 'damaged.txt', capturedBy: 'tester' });
    expect(await settled(id)).toMatchObject({
      state: 'failed',
      retries: 0,
      error: `original: ${sha256.slice(0, 12)} does not match its SHA-256 (damaged)`,
    });
  }, 120_000);
});
