/**
 * Ingest: preserve one original exactly as received (content-addressed by SHA-256), decode its
 * text, detect its language, propose suggestions and store the source — all of it in one
 * transaction, so a failure leaves nothing half-written. The same bytes twice are one source.
 * Decoding and extraction run in the decode sandbox (worker threads under limits); a file over a
 * limit is still preserved, with no text, marked "not decoded: <limit>".
 */
import { randomUUID } from 'node:crypto';
import { IsoDate } from '../../core/codes.ts';
import { Conflict, InvalidInput } from '../../core/errors.ts';
import { unstorableReason } from '../../core/storableText.ts';
import type { Suggestions } from '../../core/suggestions.ts';
import { parseWith } from '../../core/validation.ts';
import { guessMediaType } from '../../decode/decodeDocument.ts';
import type { OcrLanguage } from '../../decode/ocr/ocrLanguage.ts';
import { detectLanguage } from '../../extract/language.ts';
import type { Queryable } from '../../store/db.ts';
import { sha256HexYielding } from '../../store/fileStore.ts';
import type { Store } from '../../store/openStore.ts';
import { type SourceOcr, sourceScanDetailsRepository } from '../../store/sourceScanDetails.ts';
import { type NewSource, sourcesRepository } from '../../store/sources.ts';
import { appendAudit } from '../audit/audit.ts';
import type { OcrSettings } from '../ocr/ocrSettings.ts';
import { readScans, type ScanReading } from '../ocr/readScans.ts';
import { type DecodePool, defaultDecodePool, type SandboxOutcome } from './decodeSandbox/decodePool.ts';

/** Larger files are refused unless the limit is raised (ATTEST_MAX_FILE_MB): a guard against mistakes. */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface IngestInput {
  fileName: string;
  bytes: Uint8Array;
  capturedBy: string;
  published?: string | undefined;
  title?: string | undefined;
  url?: string | undefined;
  /** The language of a scan, when the person knows it; else OCR chooses it from a first pass. */
  ocrLanguage?: OcrLanguage | undefined;
}

export interface IngestResult {
  /** The compartment of a sealed source (its title, text and suggestions are not in this result). */
  sealed?: { compartment: string } | undefined;
  id: string;
  sha256: string;
  duplicate: boolean;
  title: string | null;
  language: string;
  suggestions: Suggestions;
  /** Which limit stopped decoding (the original is preserved, with no text); null when decoded. */
  notDecoded: string | null;
  /** Why a scan or recording has no text or description ("OCR not installed …"); null otherwise. */
  noText: string | null;
  /** How OCR read the text of a scan (new sources only; null otherwise). */
  ocr?: SourceOcr | null;
}

export interface IngestOptions {
  maxBytes?: number;
  ocrSettings?: OcrSettings;
  /** Where files are decoded; default: the process's shared pool with default limits. */
  decoder?: DecodePool;
  /**
   * Run first inside the storing transaction; throwing rolls it back. A queued job passes its
   * fence here, so a process that lost the job (declared dead) stores nothing (services/jobs).
   */
  beforeStoring?: (tx: Queryable) => Promise<void>;
}

export function checkIngestOptions(options: {
  published?: string | undefined;
  title?: string | undefined;
  url?: string | undefined;
}): void {
  if (options.published !== undefined) parseWith(IsoDate, options.published, '--published');
  if (options.url !== undefined && !/^https?:\/\/\S+$/i.test(options.url)) {
    throw new InvalidInput('--url', 'expected an http(s) URL');
  }
  const titleProblem = options.title === undefined ? null : unstorableReason(options.title);
  if (titleProblem) throw new InvalidInput('--title', titleProblem);
}

/** The last segment of a path, Unix or Windows: a local path names the machine and the person. */
export function baseNameOf(fileName: string): string {
  return (
    fileName
      .split(/[/\\]/)
      .filter((part) => part !== '')
      .pop() ?? fileName
  );
}

export async function ingestOne(
  store: Store,
  input: IngestInput,
  options: IngestOptions = {},
): Promise<IngestResult> {
  checkIngestInput(input, options);
  const sha256 = await sha256HexYielding(input.bytes);
  const sources = sourcesRepository(store.db);
  const existing = await sources.findBySha256(sha256);
  if (existing) return duplicateResultOf(existing);

  const { outcome, ocr, media } = await decodeInput(input, options.decoder ?? defaultDecodePool(), options);
  const source = sourceFrom(input, sha256, outcome);
  // The original is written (atomically, by hash) before the row that points at it; if the
  // transaction then fails, an unreferenced original remains, which is harmless and reused.
  await store.files.put(input.bytes);
  const stored = await store.db.transaction(async (tx) => {
    await options.beforeStoring?.(tx);
    const inserted = await sourcesRepository(tx).insertUnlessPresent(source);
    if (!inserted.duplicate) {
      await appendAudit(tx, {
        actor: source.capturedBy,
        action: 'source.create',
        recordType: 'source',
        recordId: source.id,
        // The hash identifies the original without revealing it; no name, title or text.
        details: {
          sha256,
          byteSize: source.byteSize,
          mediaType: source.mediaType,
          decoded: source.notDecoded === null,
        },
      });
      const details = sourceScanDetailsRepository(tx);
      if (ocr) await details.insertOcr(source.id, ocr);
      if (media) await details.insertMedia(source.id, media);
    }
    return inserted;
  });
  if (stored.duplicate) return duplicateResultOf((await sources.findById(stored.id)) ?? source);
  return newResultOf(source, ocr);
}

/** The answer for bytes already stored: the stored source's, unless it is sealed (a Conflict). */
export function duplicateResultOf(existing: NewSource & { compartmentId?: string | null }): IngestResult {
  return {
    ...resultOf(sealedAside({ ...existing, compartmentId: existing.compartmentId ?? null })),
    duplicate: true,
  };
}

/** The answer for a source this ingest stored. */
export function newResultOf(source: NewSource, ocr: SourceOcr | null): IngestResult {
  return { ...resultOf(source), duplicate: false, ocr };
}

/** Decodes and extracts in the sandbox, then reads a scan by OCR or describes a recording. */
export async function decodeInput(
  input: IngestInput,
  decoder: DecodePool,
  options: { ocrSettings?: OcrSettings | undefined },
): Promise<ScanReading> {
  const decoded = await decoder.decode(input.bytes, input.fileName, input.published ?? null);
  return readScans(
    { bytes: input.bytes, fileName: input.fileName, published: input.published ?? null },
    decoded,
    decoder,
    { ocrLanguage: input.ocrLanguage, ocrSettings: options.ocrSettings },
  );
}

/** Everything about the input is checked before the original is written: a refusal leaves nothing. */
export function checkIngestInput(input: IngestInput, options: IngestOptions): void {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  checkIngestOptions(input);
  if (input.bytes.byteLength === 0) throw new InvalidInput(input.fileName, 'empty file (0 bytes)');
  if (input.bytes.byteLength > maxBytes) throw fileTooLarge(input.fileName, input.bytes.byteLength, maxBytes);
}

/** The source row for decoded (or undecodable) bytes; sealed sources seal its fields. */
export function sourceFrom(input: IngestInput, sha256: string, outcome: SandboxOutcome): NewSource {
  const common = {
    id: randomUUID(),
    sha256,
    byteSize: input.bytes.byteLength,
    fileName: baseNameOf(input.fileName),
    url: input.url ?? null,
    publishedOn: input.published ?? null,
    capturedBy: input.capturedBy,
  };
  if (outcome.kind === 'not-decoded') {
    return {
      ...common,
      mediaType: guessMediaType(input.bytes, input.fileName),
      encoding: null,
      title: input.title ?? null,
      language: 'und',
      text: '',
      suggestions: noSuggestions('und', input.published ?? null),
      warnings: [],
      notDecoded: outcome.reason,
    };
  }
  const { decoded } = outcome;
  const suggestions =
    outcome.suggestions ??
    noSuggestions(detectLanguage(decoded.text), input.published ?? decoded.published ?? null);
  const warnings = outcome.extractionProblem
    ? [...decoded.warnings, `no suggestions: ${outcome.extractionProblem}`]
    : decoded.warnings;
  return {
    ...common,
    publishedOn: input.published ?? decoded.published ?? null,
    mediaType: decoded.mediaType,
    encoding: decoded.encoding,
    title: input.title ?? decoded.title ?? null,
    language: suggestions.language,
    text: decoded.text,
    suggestions,
    warnings,
    notDecoded: null,
  };
}

/**
 * The same bytes stored sealed: an unsealed capture cannot be made of them (one source per original),
 * and answering "duplicate" would suggest they are readable like any source.
 */
function sealedAside<T extends { id: string; compartmentId: string | null }>(existing: T): T {
  if (existing.compartmentId !== null)
    throw new Conflict(`these bytes are already stored as sealed source ${existing.id}`);
  return existing;
}

const NO_TEXT = 'no text: ';

function noSuggestions(language: string, published: string | null): Suggestions {
  return { language, published, pii: [], events: [], claims: [], interventions: [] };
}

function resultOf(
  source: Pick<NewSource, 'id' | 'sha256' | 'title' | 'language' | 'suggestions' | 'notDecoded' | 'warnings'>,
): Omit<IngestResult, 'duplicate'> {
  const noText = source.warnings.find((warning) => warning.startsWith(NO_TEXT));
  return {
    noText: noText === undefined ? null : noText.slice(NO_TEXT.length),
    id: source.id,
    sha256: source.sha256,
    title: source.title,
    language: source.language,
    suggestions: source.suggestions,
    notDecoded: source.notDecoded,
  };
}

export function fileTooLarge(fileName: string, size: number, max: number): InvalidInput {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  return new InvalidInput(
    fileName,
    `file too large (${mb(size)}; the limit is ${mb(max)}, raise it with ATTEST_MAX_FILE_MB)`,
  );
}
