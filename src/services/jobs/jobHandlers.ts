/**
 * What each job does: the same services the CLI and the routes call inline. An ingest job reads its
 * original from the file store by SHA-256 (put there before the job was queued, so the worker needs
 * the same data directory: docs/deploy.md) and calls `ingestOne`, which finds an existing source
 * with that hash instead of storing a second: a job retried after its process died mid-way stores
 * the source once. Input that can never be processed (a corrupt file, a damaged original, a refused
 * URL) throws PermanentJobError, so the job fails at once instead of after every retry. The result names the process that did the work, for operators and tests.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { sha256HexYielding } from '../../store/fileStore.ts';
import type { Store } from '../../store/openStore.ts';
import { CaptureRefused } from '../capture/captureErrors.ts';
import { capturePage } from '../capture/capturePage.ts';
import type { CaptureSettings, TimestampSettings } from '../capture/captureSettings.ts';
import type { OcrSettings } from '../ocr/ocrSettings.ts';
import type { DecodePool } from '../sources/decodeSandbox/decodePool.ts';
import { ingestOne } from '../sources/ingest.ts';
import { stampPendingOriginals } from '../timestamps/stampOriginals.ts';
import { failingAtOnceOnBadInput, type JobHandlers, PermanentJobError } from './jobQueue.ts';

export interface JobHandlerDeps {
  store: Store;
  decoder: DecodePool;
  maxBytes: number;
  ocrSettings?: OcrSettings | undefined;
  capture: CaptureSettings;
  timestamps: TimestampSettings;
  /** Called when new originals may need a timestamp. */
  nudgeTimestamps?: () => void;
  /** TEST ONLY (ATTEST_TEST_JOB_DELAY_MS): wait this long before each ingest, to kill a worker mid-job. */
  testDelayMs?: number | undefined;
}

export const PROCESS_NAME = `${hostname()}:${process.pid}`;

export function jobHandlers(deps: JobHandlerDeps): JobHandlers {
  const { store } = deps;
  return {
    async ingest(data, job) {
      if (deps.testDelayMs) await sleep(deps.testDelayMs);
      if (!store.files.has(data.sha256))
        throw new NotFound(
          'original',
          `${data.sha256.slice(0, 12)} (not in this process's file store: workers need the servers' data directory)`,
        );
      const bytes = store.files.get(data.sha256);
      if ((await sha256HexYielding(bytes)) !== data.sha256)
        throw new PermanentJobError(
          new InvalidInput('original', `${data.sha256.slice(0, 12)} does not match its SHA-256 (damaged)`),
        );
      // A file that cannot be read (corrupt, empty, too large) fails the same way on every attempt.
      const result = await failingAtOnceOnBadInput(() =>
        ingestOne(
          store,
          {
            fileName: data.fileName,
            bytes,
            capturedBy: data.capturedBy,
            published: data.published,
            title: data.title,
            url: data.url,
            ocrLanguage: data.ocrLanguage,
          },
          {
            maxBytes: deps.maxBytes,
            decoder: deps.decoder,
            ...(deps.ocrSettings ? { ocrSettings: deps.ocrSettings } : {}),
            // The source is stored only while this process still holds the job (jobLease.ts).
            beforeStoring: job.fence,
          },
        ),
      );
      if (!result.duplicate) deps.nudgeTimestamps?.();
      return {
        sourceId: result.id,
        sha256: result.sha256,
        duplicate: result.duplicate,
        notDecoded: result.notDecoded,
        processedBy: PROCESS_NAME,
      };
    },
    async capture(data) {
      const captured = await capturePage(
        store,
        { url: data.url, capturedBy: data.requestedBy },
        deps.capture,
        {
          decoder: deps.decoder,
        },
      ).catch((error: unknown) => {
        // A refused URL (not http(s), a private address) is refused again; a page that failed to
        // load (CaptureFailed: a timeout, the network) may load next time, so that one is retried.
        throw error instanceof CaptureRefused ? new PermanentJobError(error) : error;
      });
      deps.nudgeTimestamps?.();
      return {
        sourceId: captured.source.id,
        duplicate: captured.source.duplicate,
        httpStatus: captured.capture.httpStatus,
        processedBy: PROCESS_NAME,
      };
    },
    async timestamp() {
      if (!deps.timestamps.tsaUrl) return { stamped: 0, failed: 0, pending: 0, processedBy: PROCESS_NAME };
      const report = await stampPendingOriginals(store, deps.timestamps);
      return {
        stamped: report.stamped.length,
        failed: report.failed.length,
        pending: report.pending,
        processedBy: PROCESS_NAME,
      };
    },
  };
}
