/**
 * Ingest of files and directories from the local disk: directories are walked recursively, each
 * file is ingested on its own, and one file's failure is reported without stopping or undoing the
 * others.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isAttestError } from '../../core/errors.ts';
import type { OcrLanguage } from '../../decode/ocr/ocrLanguage.ts';
import { describeFsError, isFsError } from '../../runtime/fsErrors.ts';
import type { Store } from '../../store/openStore.ts';
import type { OcrSettings } from '../ocr/ocrSettings.ts';
import type { DecodePool } from './decodeSandbox/decodePool.ts';
import { DEFAULT_MAX_FILE_BYTES, fileTooLarge, type IngestResult, ingestOne } from './ingest.ts';

export interface IngestFilesOptions {
  capturedBy: string;
  published?: string | undefined;
  title?: string | undefined;
  url?: string | undefined;
  maxBytes?: number;
  decoder?: DecodePool;
  ocrLanguage?: OcrLanguage | undefined;
  ocrSettings?: OcrSettings;
  onProgress?: (done: number, total: number, file: string) => void;
  /** How one file is ingested: `ingestOne`, or sealed (`ingestSealed` with its compartment). */
  ingest?: typeof ingestOne;
}

export interface IngestFailure {
  file: string;
  error: string;
}

export interface IngestFilesReport {
  sources: Array<IngestResult & { file: string }>;
  errors: IngestFailure[];
}

/** Lists the files to ingest, in a stable order; unreadable paths become failures, not exceptions. */
export function collectFiles(paths: string[], cwd: string): { files: string[]; errors: IngestFailure[] } {
  const files: string[] = [];
  const errors: IngestFailure[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch (error) {
      errors.push({ file: path, error: `${path}: ${describeFsError(error)}` });
      return;
    }
    if (stats.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(path).sort();
      } catch (error) {
        errors.push({ file: path, error: `${path}: ${describeFsError(error)}` });
        return;
      }
      // Hidden files (.DS_Store, .git) are never evidence someone meant to capture.
      for (const entry of entries) if (!entry.startsWith('.')) visit(join(path, entry), false);
    } else if (stats.isFile()) {
      files.push(path);
    } else if (explicit) {
      errors.push({ file: path, error: `${path}: not a regular file` });
    }
  };
  for (const path of paths) visit(resolve(cwd, path), true);
  return { files, errors };
}

/**
 * Files in flight at once. Decoding and extraction are CPU work in the decode pool's workers while
 * a database commit and an fsync wait on I/O, so a few files overlap well; more would only hold
 * more bytes in memory.
 */
const CONCURRENCY = 4;

export async function ingestFiles(store: Store, paths: string[], cwd: string, options: IngestFilesOptions) {
  const { files, errors } = collectFiles(paths, cwd);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  // Title and URL describe one document: applying them to a whole directory would mislabel it.
  const single = files.length === 1;
  const outcomes: Array<{ source: IngestFilesReport['sources'][number] } | { failure: IngestFailure }> = [];
  let next = 0;
  let done = 0;

  const ingestFile = async (file: string) => {
    try {
      // Checked before reading, so an oversized file is never loaded into memory.
      const size = (await stat(file)).size;
      if (size > maxBytes) throw fileTooLarge(file, size, maxBytes);
      const bytes = await readFile(file);
      const result = await (options.ingest ?? ingestOne)(
        store,
        {
          fileName: file,
          bytes,
          capturedBy: options.capturedBy,
          published: options.published,
          title: single ? options.title : undefined,
          url: single ? options.url : undefined,
          ocrLanguage: options.ocrLanguage,
        },
        {
          maxBytes,
          ...(options.decoder ? { decoder: options.decoder } : {}),
          ...(options.ocrSettings ? { ocrSettings: options.ocrSettings } : {}),
        },
      );
      return { source: { file, ...result } };
    } catch (error) {
      if (!isAttestError(error) && !isFsError(error)) throw error;
      return {
        failure: { file, error: isAttestError(error) ? error.message : `${file}: ${describeFsError(error)}` },
      };
    }
  };
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      outcomes[index] = await ingestFile(file);
      options.onProgress?.(++done, files.length, file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));

  const report: IngestFilesReport = { sources: [], errors };
  for (const outcome of outcomes) {
    if ('source' in outcome) report.sources.push(outcome.source);
    else report.errors.push(outcome.failure);
  }
  return report;
}
