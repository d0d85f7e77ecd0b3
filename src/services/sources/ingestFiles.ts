/**
 * Ingest of files and directories from the local disk: directories are walked recursively, and
 * every file goes through one pipeline — read, hash, look up, decode and extract (in the decode
 * sandbox's worker threads), then committed in groups (ingestGroups.ts): the group's originals are
 * written and fsynced together, then its rows inserted in one transaction. A file is either wholly
 * stored or not at all, and one file's failure is reported without stopping or undoing the others.
 * Results come back in the order of the files, whatever order they finished in.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isAttestError } from '../../core/errors.ts';
import type { OcrLanguage } from '../../decode/ocr/ocrLanguage.ts';
import { describeFsError, isFsError } from '../../runtime/fsErrors.ts';
import { sha256HexYielding } from '../../store/fileStore.ts';
import type { Store } from '../../store/openStore.ts';
import { type SourceRecord, sourcesRepository } from '../../store/sources.ts';
import type { OcrSettings } from '../ocr/ocrSettings.ts';
import { callGroups } from './callGroups.ts';
import { type DecodePool, defaultDecodePool } from './decodeSandbox/decodePool.ts';
import {
  checkIngestInput,
  DEFAULT_MAX_FILE_BYTES,
  decodeInput,
  duplicateResultOf,
  fileTooLarge,
  type IngestInput,
  type IngestResult,
  type ingestOne,
  newResultOf,
  sourceFrom,
} from './ingest.ts';
import { commitGroup, DEFAULT_GROUP, type GroupAnswer, type GroupSettings } from './ingestGroups.ts';

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
  /**
   * How one file is ingested, when not by the grouped pipeline: sealed ingest (`ingestSealed` with
   * its compartment) stores each file in a transaction of its own.
   */
  ingest?: typeof ingestOne;
  /** How files are grouped into commits (default: 100 files or 50 ms, whichever comes first). */
  group?: Partial<GroupSettings>;
}

export interface IngestFailure {
  file: string;
  error: string;
}

export type IngestedFile = IngestResult & { file: string };

export interface IngestFilesReport {
  sources: IngestedFile[];
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

/** Walks `paths` (relative to `cwd`) and ingests every file found: `ingestFileList` on the walk. */
export async function ingestFiles(
  store: Store,
  paths: string[],
  cwd: string,
  options: IngestFilesOptions,
): Promise<IngestFilesReport> {
  const { files, errors } = collectFiles(paths, cwd);
  const report = await ingestFileList(store, files, options);
  return { sources: report.sources, errors: [...errors, ...report.errors] };
}

type Outcome = { source: IngestedFile } | { failure: IngestFailure };

/**
 * Ingests these files (absolute paths, not walked): the public entry for callers that hold a list
 * (the CLI through `ingestFiles`, a job queue). Sources and failures come back in the list's order.
 */
export async function ingestFileList(
  store: Store,
  files: readonly string[],
  options: IngestFilesOptions,
): Promise<IngestFilesReport> {
  const outcomes = options.ingest
    ? await ingestEach(store, files, options, options.ingest)
    : await ingestGrouped(store, files, options);
  const report: IngestFilesReport = { sources: [], errors: [] };
  for (const outcome of outcomes) {
    if ('source' in outcome) report.sources.push(outcome.source);
    else report.errors.push(outcome.failure);
  }
  return report;
}

/** The input for one file; title and URL describe one document, so only a single file gets them. */
function inputFor(
  file: string,
  bytes: Uint8Array,
  options: IngestFilesOptions,
  single: boolean,
): IngestInput {
  return {
    fileName: file,
    bytes,
    capturedBy: options.capturedBy,
    published: options.published,
    title: single ? options.title : undefined,
    url: single ? options.url : undefined,
    ocrLanguage: options.ocrLanguage,
  };
}

/** Reads a file after checking its size, so an oversized file is never loaded into memory. */
async function readChecked(file: string, maxBytes: number): Promise<Uint8Array> {
  const size = (await stat(file)).size;
  if (size > maxBytes) throw fileTooLarge(file, size, maxBytes);
  return readFile(file);
}

/**
 * A failure this file alone caused (refused input, an unreadable file, a row the database refused)
 * is reported; anything else is a fault of the program and stops the ingest.
 */
function failureOf(file: string, error: unknown): IngestFailure {
  if (isAttestError(error)) return { file, error: error.message };
  if (isDatabaseError(error))
    return { file, error: `${file}: the database refused it (SQLSTATE ${error.code})` };
  if (isFsError(error)) return { file, error: `${file}: ${describeFsError(error)}` };
  throw error;
}

/** node-postgres and PGlite errors carry the SQLSTATE (five characters) and a severity. */
function isDatabaseError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error) || !('severity' in error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** Files in flight at once on the per-file path (sealed ingest): a few overlap CPU and I/O well. */
const PER_FILE_CONCURRENCY = 4;

async function ingestEach(
  store: Store,
  files: readonly string[],
  options: IngestFilesOptions,
  ingest: typeof ingestOne,
): Promise<Outcome[]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const outcomes: Outcome[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      try {
        const bytes = await readChecked(file, maxBytes);
        const result = await ingest(store, inputFor(file, bytes, options, files.length === 1), {
          maxBytes,
          ...(options.decoder ? { decoder: options.decoder } : {}),
          ...(options.ocrSettings ? { ocrSettings: options.ocrSettings } : {}),
        });
        outcomes[index] = { source: { file, ...result } };
      } catch (error) {
        outcomes[index] = { failure: failureOf(file, error) };
      }
      options.onProgress?.(++done, files.length, file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PER_FILE_CONCURRENCY, files.length) }, worker));
  return outcomes;
}

/**
 * Bytes read and not yet committed, at most (one larger file is still let through alone): files
 * wait for their group, and a directory of large files must not fill the memory meanwhile.
 */
const IN_FLIGHT_BYTES = 256 * 1024 * 1024;

async function ingestGrouped(
  store: Store,
  files: readonly string[],
  options: IngestFilesOptions,
): Promise<Outcome[]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const decoder = options.decoder ?? defaultDecodePool();
  const group = { ...DEFAULT_GROUP, ...options.group };
  const single = files.length === 1;
  const sources = sourcesRepository(store.db);
  // Is each hash stored already? One query for every file hashed within a few milliseconds.
  const lookups = callGroups(
    async (hashes: string[]) => {
      const found = new Map((await sources.findBySha256s(hashes)).map((row) => [row.sha256, row]));
      return hashes.map((sha256): SourceRecord | null => found.get(sha256) ?? null);
    },
    { max: group.max, waitMs: 2 },
  );
  const commits = callGroups((items: Parameters<typeof commitGroup>[1]) => commitGroup(store, items), group);
  const budget = byteBudget(IN_FLIGHT_BYTES);
  // The same bytes twice in one run: the later copy waits for the earlier one's outcome.
  const latestBySha = new Map<string, Promise<Outcome>>();

  const ingestFile = async (file: string): Promise<Outcome> => {
    const size = (await stat(file)).size;
    if (size > maxBytes) throw fileTooLarge(file, size, maxBytes);
    await budget.acquire(size);
    try {
      const bytes = await readFile(file);
      const input = inputFor(file, bytes, options, single);
      checkIngestInput(input, { maxBytes });
      const sha256 = await sha256HexYielding(bytes);
      const earlier = latestBySha.get(sha256);
      const mine = deferred<Outcome>();
      latestBySha.set(sha256, mine.promise);
      try {
        const outcome = await ingestHashed(file, input, sha256, earlier);
        mine.resolve(outcome);
        return outcome;
      } catch (error) {
        mine.resolve({ failure: { file, error: 'failed' } });
        throw error;
      }
    } finally {
      budget.release(size);
    }
  };

  const ingestHashed = async (
    file: string,
    input: IngestInput,
    sha256: string,
    earlier: Promise<Outcome> | undefined,
  ): Promise<Outcome> => {
    // An earlier copy that was stored makes this one its duplicate; one that failed does not
    // decide for this copy, which is tried on its own.
    const before = earlier ? await earlier : null;
    if (before && 'source' in before) {
      const { ocr: _ocr, file: _file, ...result } = before.source;
      return { source: { ...result, file, duplicate: true } };
    }
    const existing = await lookups.add(sha256);
    if (existing) return { source: { file, ...duplicateResultOf(existing) } };

    const { outcome, ocr, media } = await decodeInput(input, decoder, options);
    const source = sourceFrom(input, sha256, outcome);
    const answer: GroupAnswer = await commits.add({ source, bytes: input.bytes, ocr, media });
    switch (answer.kind) {
      case 'stored':
        return { source: { file, ...newResultOf(source, ocr) } };
      case 'duplicate':
        return { source: { file, ...duplicateResultOf(answer.winner ?? source) } };
      case 'failed':
        throw answer.error;
    }
  };

  const outcomes: Outcome[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      try {
        outcomes[index] = await ingestFile(file);
      } catch (error) {
        outcomes[index] = { failure: failureOf(file, error) };
      }
      options.onProgress?.(++done, files.length, file);
      // The last files need not wait for their group to fill.
      if (next >= files.length) {
        lookups.flush();
        commits.flush();
      }
    }
  };
  // Enough files in flight to fill a group while the previous one commits.
  await Promise.all(Array.from({ length: Math.min(2 * group.max, files.length) }, worker));
  return outcomes;
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Admits work while the bytes in flight stay under `limit`; one item alone is always admitted. */
function byteBudget(limit: number) {
  let used = 0;
  let waiting: Array<() => void> = [];
  return {
    async acquire(bytes: number) {
      while (used > 0 && used + bytes > limit) await new Promise<void>((wake) => waiting.push(wake));
      used += bytes;
    },
    release(bytes: number) {
      used -= bytes;
      const wake = waiting;
      waiting = [];
      for (const resume of wake) resume();
    },
  };
}
