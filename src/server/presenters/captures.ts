/** What leaves the server about web captures, their preserved files and trusted timestamps. */
import { z } from 'zod';
import type { CaptureJob } from '../../services/capture/captureJobs.ts';
import { CAPTURE_STEPS } from '../../services/capture/capturePage.ts';
import { CAPTURE_FILE_ROLES, type CaptureRecord } from '../../services/capture/sourceCaptures.ts';
import type { OriginalTimestamp } from '../../services/timestamps/timestampsOf.ts';
import { Id, Instant } from './common.ts';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const CaptureJobSchema = z.object({
  id: Id,
  state: z.enum(['queued', 'running', 'done', 'failed']),
  step: z.enum(CAPTURE_STEPS).nullable(),
  sourceId: Id.nullable(),
  httpStatus: z.number().int().nullable(),
  duplicate: z.boolean(),
  error: z.string().nullable(),
});

export function presentCaptureJob(job: CaptureJob): z.infer<typeof CaptureJobSchema> {
  return {
    id: job.id,
    state: job.state,
    step: job.step,
    sourceId: job.sourceId,
    httpStatus: job.httpStatus,
    duplicate: job.duplicate,
    error: job.error,
  };
}

const TimestampSchema = z
  .object({
    status: z.enum(['pending', 'stamped']),
    time: Instant.nullable().describe('when the authority says the hash existed'),
    authority: z.string().nullable().describe('the authority named in the token'),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
  })
  .nullable()
  .describe('RFC 3161 timestamp of this original; null when none is configured or queued yet');

const FileSchema = z.object({
  role: z.enum(CAPTURE_FILE_ROLES),
  sha256: Sha256,
  byteSize: z.number().int(),
  mediaType: z.string(),
  timestamp: TimestampSchema,
});

export const SourceCapturesSchema = z.object({
  original: z.object({ sha256: Sha256, timestamp: TimestampSchema }),
  captures: z.array(
    z.object({
      id: Id,
      requestedUrl: z.string(),
      finalUrl: z.string(),
      redirects: z.array(z.object({ url: z.string(), status: z.number().int(), location: z.string() })),
      httpStatus: z.number().int(),
      capturedAt: Instant,
      capturedBy: z.string(),
      browserVersion: z.string(),
      warnings: z.array(z.string()),
      files: z.array(FileSchema),
    }),
  ),
});

export function presentSourceCaptures(
  sha256: string,
  captures: CaptureRecord[],
  timestamps: OriginalTimestamp[],
): z.infer<typeof SourceCapturesSchema> {
  const stampOf = (sha: string) => {
    const stamp = timestamps.find((entry) => entry.sha256 === sha);
    return stamp
      ? {
          status: stamp.status,
          time: stamp.time,
          authority: stamp.authority,
          attempts: stamp.attempts,
          lastError: stamp.lastError,
        }
      : null;
  };
  return {
    original: { sha256, timestamp: stampOf(sha256) },
    captures: captures.map((capture) => ({
      id: capture.id,
      requestedUrl: capture.requestedUrl,
      finalUrl: capture.finalUrl,
      redirects: capture.redirects,
      httpStatus: capture.httpStatus,
      capturedAt: capture.capturedAt.toISOString(),
      capturedBy: capture.capturedBy,
      browserVersion: capture.browserVersion,
      warnings: capture.warnings,
      files: capture.files.map((file) => ({ ...file, timestamp: stampOf(file.sha256) })),
    })),
  };
}
