/**
 * `attest capture URL` and "Capture a web page": fetch the page (guarded), render it in Chromium,
 * and preserve as ONE source, each file content-addressed by SHA-256: the main document's bytes (the
 * source's original, decoded and extracted like any ingested file), its response headers, a
 * full-page screenshot, a PDF print and an MHTML archive, with the capture's metadata (requested and
 * final URL, redirects, HTTP status, time, who, which browser). Nothing is stored until everything
 * was fetched and rendered; the files are written first and then the rows, in one transaction.
 * A 404 or 500 answer is preserved, with its status shown: it may be the proof that a page was removed.
 */
import { randomUUID } from 'node:crypto';
import {
  type CaptureFile,
  type CaptureFileRole,
  type CaptureRecord,
  capturesRepository,
} from '../../store/captures.ts';
import type { Store } from '../../store/openStore.ts';
import { sourcesRepository } from '../../store/sources.ts';
import { appendAudit } from '../audit/audit.ts';
import { type DecodePool, defaultDecodePool } from '../sources/decodeSandbox/decodePool.ts';
import { sourceFrom } from '../sources/ingest.ts';
import { CaptureFailed } from './captureErrors.ts';
import type { CaptureSettings } from './captureSettings.ts';
import { type FetchedDocument, fetchDocument, headerOf } from './guardedFetch.ts';
import { checkBrowser, renderPage } from './renderPage.ts';

export const CAPTURE_STEPS = [
  'fetching',
  'rendering',
  'screenshot',
  'pdf',
  'archive',
  'extracting',
  'storing',
] as const;
export type CaptureStep = (typeof CAPTURE_STEPS)[number];

export interface CaptureInput {
  url: string;
  capturedBy: string;
}

export interface CaptureOptions {
  decoder?: DecodePool;
  onStep?: (step: CaptureStep) => void;
}

export interface CapturedSource {
  source: {
    id: string;
    sha256: string;
    /** The same document bytes were already a source: this capture was added to it. */
    duplicate: boolean;
    title: string | null;
    language: string;
    notDecoded: string | null;
  };
  capture: CaptureRecord;
}

export async function capturePage(
  store: Store,
  input: CaptureInput,
  settings: CaptureSettings,
  options: CaptureOptions = {},
): Promise<CapturedSource> {
  const onStep = options.onStep ?? (() => {});
  checkBrowser(settings.chromiumPath);
  const limits = {
    maxBytes: settings.maxDocumentBytes,
    deadline: Date.now() + settings.timeoutMs,
    allowPrivateAddresses: settings.allowPrivateAddresses,
  };
  onStep('fetching');
  const document = await fetchDocument(input.url, limits);
  const { response } = document;
  if (response.body.length === 0)
    throw new CaptureFailed(
      `${document.finalUrl} answered HTTP ${response.status} with an empty body: there is nothing to preserve`,
    );
  const rendered = await renderPage(document, limits, settings.chromiumPath, onStep);
  const capturedAt = new Date();

  onStep('extracting');
  const fileName = fileNameFor(document);
  const bytes = new Uint8Array(response.body);
  const files: Array<{ role: CaptureFileRole; bytes: Uint8Array; mediaType: string }> = [
    { role: 'document', bytes, mediaType: mediaTypeOf(response.rawHeaders) },
    { role: 'headers', bytes: headersRecord(document), mediaType: 'application/json' },
    { role: 'screenshot', bytes: rendered.screenshot, mediaType: 'image/png' },
    { role: 'pdf', bytes: rendered.pdf, mediaType: 'application/pdf' },
    { role: 'mhtml', bytes: rendered.mhtml, mediaType: 'multipart/related' },
  ];
  const sources = sourcesRepository(store.db);
  const documentSha = await store.files.put(bytes);
  const existing = await sources.findBySha256(documentSha);
  const newSource = existing
    ? null
    : sourceFrom(
        { fileName, bytes, capturedBy: input.capturedBy, url: document.finalUrl },
        documentSha,
        await (options.decoder ?? defaultDecodePool()).decode(bytes, fileName, null),
      );

  onStep('storing');
  // Every file is on disk (fsynced, by hash) before the rows that name them are committed.
  const stored: CaptureFile[] = [];
  for (const file of files)
    stored.push({
      role: file.role,
      sha256: await store.files.put(file.bytes),
      byteSize: file.bytes.byteLength,
      mediaType: file.mediaType,
    });
  const captureId = randomUUID();
  const result = await store.db.transaction(async (tx) => {
    let sourceId = existing?.id;
    let duplicate = existing !== null;
    if (newSource) {
      const inserted = await sourcesRepository(tx).insertUnlessPresent(newSource);
      sourceId = inserted.id;
      duplicate = inserted.duplicate;
      if (!inserted.duplicate)
        await appendAudit(tx, {
          actor: input.capturedBy,
          action: 'source.create',
          recordType: 'source',
          recordId: inserted.id,
          details: {
            sha256: documentSha,
            byteSize: newSource.byteSize,
            mediaType: newSource.mediaType,
            decoded: newSource.notDecoded === null,
          },
        });
    }
    const capture: CaptureRecord = {
      id: captureId,
      sourceId: sourceId!,
      requestedUrl: document.requestedUrl,
      finalUrl: document.finalUrl,
      redirects: document.redirects,
      httpStatus: response.status,
      capturedAt,
      capturedBy: input.capturedBy,
      browserVersion: rendered.browserVersion,
      warnings: rendered.warnings,
      files: stored,
    };
    await capturesRepository(tx).insert(capture);
    // Hashes and the status identify what was preserved; the URL (which may itself say whom the
    // organisation is looking at) stays out of the log like titles and text do.
    await appendAudit(tx, {
      actor: input.capturedBy,
      action: 'source.capture',
      recordType: 'source',
      recordId: sourceId!,
      details: {
        captureId,
        httpStatus: response.status,
        ...Object.fromEntries(stored.map((file) => [`${file.role}Sha256`, file.sha256])),
      },
    });
    return { sourceId: sourceId!, duplicate, capture };
  });
  const source = result.duplicate ? await sources.findById(result.sourceId) : newSource;
  return {
    source: {
      id: result.sourceId,
      sha256: documentSha,
      duplicate: result.duplicate,
      title: source?.title ?? null,
      language: source?.language ?? 'und',
      notDecoded: source?.notDecoded ?? null,
    },
    capture: result.capture,
  };
}

/** The status line and every header as received, as JSON: what the server said besides the body. */
function headersRecord(document: FetchedDocument): Uint8Array {
  const { response } = document;
  const headers: Array<[string, string]> = [];
  for (let i = 0; i + 1 < response.rawHeaders.length; i += 2)
    headers.push([response.rawHeaders[i]!, response.rawHeaders[i + 1]!]);
  const record = {
    url: document.finalUrl,
    httpVersion: response.httpVersion,
    status: response.status,
    statusText: response.statusText,
    headers,
  };
  return new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`);
}

function mediaTypeOf(rawHeaders: readonly string[]): string {
  const declared = headerOf(rawHeaders, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  return declared && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(declared) ? declared : 'application/octet-stream';
}

/** A name for the document from its URL: the last path segment, else the host; HTML gets `.html`. */
function fileNameFor(document: FetchedDocument): string {
  const url = new URL(document.finalUrl);
  const segment = url.pathname.split('/').filter(Boolean).pop() ?? '';
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // a malformed escape stays as it is
  }
  const last = decoded.replace(/[^\p{L}\p{N}._-]+/gu, '_');
  const base = (last || url.hostname).slice(0, 120);
  const html = mediaTypeOf(document.response.rawHeaders).includes('html');
  return html && !/\.html?$/i.test(base) ? `${base}.html` : base;
}
