/**
 * Queued ingest (`attest ingest --queue`, `POST /api/source-jobs`): each original is first written
 * durably to the file store under its SHA-256, then one job per original is queued, keyed by that
 * hash. The job carries the hash and the file's base name, never the bytes or a local path; an
 * original that already is a source is not queued again. Sealed sources are not queued: sealing
 * needs the signed-in member's key, which a worker does not hold.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAttestError } from '../../core/errors.ts';
import type { OcrLanguage } from '../../decode/ocr/ocrLanguage.ts';
import { describeFsError, isFsError } from '../../runtime/fsErrors.ts';
import { sha256HexYielding } from '../../store/fileStore.ts';
import type { Store } from '../../store/openStore.ts';
import { sourcesRepository } from '../../store/sources.ts';
import { baseNameOf, checkIngestInput, fileTooLarge, type IngestInput } from '../sources/ingest.ts';
import { collectFiles, type IngestFailure } from '../sources/ingestFiles.ts';
import type { JobQueue } from './jobQueue.ts';

export interface QueuedIngest {
  file: string;
  sha256: string;
  /** The job that will ingest it; null when the original already is a source. */
  jobId: string | null;
  /** The same original was already waiting in the queue (its job id is given). */
  alreadyQueued: boolean;
  /** The source, when these bytes already are one. */
  existingSourceId: string | null;
}

export async function enqueueIngest(
  store: Store,
  queue: JobQueue,
  input: IngestInput,
  options: { maxBytes: number; file?: string },
): Promise<QueuedIngest> {
  checkIngestInput(input, { maxBytes: options.maxBytes });
  const file = options.file ?? input.fileName;
  const sha256 = await sha256HexYielding(input.bytes);
  const existing = await sourcesRepository(store.db).findBySha256(sha256);
  if (existing) return { file, sha256, jobId: null, alreadyQueued: false, existingSourceId: existing.id };
  // Durable before the job exists: a worker that takes it at once finds the original.
  await store.files.put(input.bytes);
  const { id, alreadyQueued } = await queue.enqueue(
    'ingest',
    {
      sha256,
      fileName: baseNameOf(input.fileName),
      capturedBy: input.capturedBy,
      ...(input.published !== undefined ? { published: input.published } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.ocrLanguage !== undefined ? { ocrLanguage: input.ocrLanguage } : {}),
    },
    { key: sha256 },
  );
  return { file, sha256, jobId: id, alreadyQueued, existingSourceId: null };
}

export interface EnqueueFilesOptions {
  capturedBy: string;
  maxBytes: number;
  published?: string | undefined;
  title?: string | undefined;
  url?: string | undefined;
  ocrLanguage?: OcrLanguage | undefined;
}

/** `attest ingest --queue`: every file of the paths (directories walked), each stored then queued. */
export async function enqueueFiles(
  store: Store,
  queue: JobQueue,
  paths: string[],
  cwd: string,
  options: EnqueueFilesOptions,
): Promise<{ jobs: QueuedIngest[]; errors: IngestFailure[] }> {
  const { files, errors } = collectFiles(paths, cwd);
  const single = files.length === 1;
  const jobs: QueuedIngest[] = [];
  for (const file of files) {
    try {
      // Checked before reading, so an oversized file is never loaded into memory.
      const size = (await stat(file)).size;
      if (size > options.maxBytes) throw fileTooLarge(file, size, options.maxBytes);
      const bytes = await readFile(file);
      jobs.push(
        await enqueueIngest(
          store,
          queue,
          {
            fileName: file,
            bytes,
            capturedBy: options.capturedBy,
            published: options.published,
            title: single ? options.title : undefined,
            url: single ? options.url : undefined,
            ocrLanguage: options.ocrLanguage,
          },
          { maxBytes: options.maxBytes, file },
        ),
      );
    } catch (error) {
      if (!isAttestError(error) && !isFsError(error)) throw error;
      errors.push({
        file,
        error: isAttestError(error) ? error.message : `${file}: ${describeFsError(error)}`,
      });
    }
  }
  return { jobs, errors };
}
