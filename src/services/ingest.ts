/**
 * Ingest: preserve one original exactly as received (content-addressed by SHA-256), decode its
 * text, detect its language, propose suggestions and store the source — all of it in one
 * transaction, so a failure leaves nothing half-written. The same bytes twice are one source.
 */
import { randomUUID } from 'node:crypto';
import { InvalidInput } from '../core/errors.ts';
import { IsoDate } from '../core/isoDate.ts';
import type { Suggestions } from '../core/suggestions.ts';
import { decodeDocument } from '../decode/decodeDocument.ts';
import { extract } from '../extract/extract.ts';
import { sha256Hex } from '../store/fileStore.ts';
import type { Store } from '../store/openStore.ts';
import { sourcesRepository } from '../store/sources.ts';

/** Larger files are refused unless the limit is raised (ATTEST_MAX_FILE_MB): a guard against mistakes. */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface IngestInput {
  fileName: string;
  bytes: Uint8Array;
  capturedBy: string;
  published?: string | undefined;
  title?: string | undefined;
  url?: string | undefined;
}

export interface IngestResult {
  id: string;
  sha256: string;
  duplicate: boolean;
  title: string | null;
  language: string;
  suggestions: Suggestions;
}

export function checkIngestOptions(options: {
  published?: string | undefined;
  url?: string | undefined;
}): void {
  if (options.published !== undefined) {
    const parsed = IsoDate.safeParse(options.published);
    if (!parsed.success)
      throw new InvalidInput('--published', parsed.error.issues[0]?.message ?? 'invalid date');
  }
  if (options.url !== undefined && !/^https?:\/\/\S+$/i.test(options.url)) {
    throw new InvalidInput('--url', 'expected an http(s) URL');
  }
}

export async function ingestOne(
  store: Store,
  input: IngestInput,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<IngestResult> {
  checkIngestOptions(input);
  if (input.bytes.byteLength === 0) throw new InvalidInput(input.fileName, 'empty file (0 bytes)');
  if (input.bytes.byteLength > maxBytes) throw fileTooLarge(input.fileName, input.bytes.byteLength, maxBytes);

  const sha256 = sha256Hex(input.bytes);
  const sources = sourcesRepository(store.db);
  const existing = await sources.findBySha256(sha256);
  if (existing) return { ...resultOf(existing), duplicate: true };

  const decoded = await decodeDocument(input.bytes, input.fileName);
  const suggestions = extract(decoded.text, { published: input.published ?? null });
  const title = input.title ?? decoded.title ?? null;
  const source = {
    id: randomUUID(),
    sha256,
    byteSize: input.bytes.byteLength,
    mediaType: decoded.mediaType,
    encoding: decoded.encoding,
    fileName: input.fileName,
    title,
    url: input.url ?? null,
    publishedOn: input.published ?? null,
    language: suggestions.language,
    text: decoded.text,
    capturedBy: input.capturedBy,
    suggestions,
    warnings: decoded.warnings,
  };
  // The original is written (atomically, by hash) before the row that points at it; if the
  // transaction then fails, an unreferenced original remains, which is harmless and reused.
  await store.files.put(input.bytes);
  const stored = await store.db.transaction((tx) => sourcesRepository(tx).insertUnlessPresent(source));
  if (stored.duplicate) {
    const winner = await sources.findById(stored.id);
    return { ...resultOf(winner ?? source), duplicate: true };
  }
  return { ...resultOf(source), duplicate: false };
}

function resultOf(source: {
  id: string;
  sha256: string;
  title: string | null;
  language: string;
  suggestions: Suggestions;
}): Omit<IngestResult, 'duplicate'> {
  return {
    id: source.id,
    sha256: source.sha256,
    title: source.title,
    language: source.language,
    suggestions: source.suggestions,
  };
}

export function fileTooLarge(fileName: string, size: number, max: number): InvalidInput {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  return new InvalidInput(
    fileName,
    `file too large (${mb(size)}; the limit is ${mb(max)}, raise it with ATTEST_MAX_FILE_MB)`,
  );
}
