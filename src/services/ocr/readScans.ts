/**
 * The ingest step after decoding, for originals whose text is not in the file: images and scanned
 * PDFs get their text by OCR, recordings and videos their technical description. The OCR text then
 * goes through the decode sandbox as plain text, so its suggestions are proposed under the same
 * limits as any other text. Nothing is stored here: ingest writes the source and these details in
 * one transaction.
 */
import type { OcrLanguage } from '../../decode/ocr/ocrLanguage.ts';
import type { SourceMedia, SourceOcr } from '../../store/sourceScanDetails.ts';
import { probeMedia, probeReads } from '../media/probeMedia.ts';
import type { DecodePool, SandboxOutcome } from '../sources/decodeSandbox/decodePool.ts';
import { ocrOriginal, ocrReads } from './ocrOriginal.ts';
import type { OcrSettings } from './ocrSettings.ts';

export interface ScanOptions {
  /** The language the person says the scan is in; else chosen from a first pass. */
  ocrLanguage?: OcrLanguage | undefined;
  ocrSettings?: OcrSettings | undefined;
}

export interface ScanReading {
  outcome: SandboxOutcome;
  ocr: SourceOcr | null;
  media: SourceMedia | null;
}

/** A PDF with fewer letters than this in its text layer is a scan (perhaps with a stamp or page numbers). */
const SCANNED_PDF_LETTERS = 16;

const letters = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

/** Replaces the decoder's "no text extracted" note: OCR or probing says what was found instead. */
const withoutNoTextNote = (warnings: string[]) =>
  warnings.filter((w) => !w.startsWith('no text extracted from'));

export async function readScans(
  input: { bytes: Uint8Array; fileName: string; published: string | null },
  outcome: SandboxOutcome,
  decoder: DecodePool,
  options: ScanOptions,
): Promise<ScanReading> {
  if (outcome.kind !== 'decoded') return { outcome, ocr: null, media: null };
  const { decoded } = outcome;
  if (probeReads(decoded.mediaType)) {
    const probe = await probeMedia(input.bytes, options.ocrSettings);
    if (probe.kind === 'probed') return { outcome, ocr: null, media: probe.media };
    return {
      outcome: withWarnings(outcome, [...decoded.warnings, `no text: ${probe.reason}`]),
      ocr: null,
      media: null,
    };
  }
  const isScan =
    ocrReads(decoded.mediaType) &&
    (decoded.mediaType !== 'application/pdf' || letters(decoded.text) < SCANNED_PDF_LETTERS);
  if (!isScan) return { outcome, ocr: null, media: null };

  const read = await ocrOriginal({
    bytes: input.bytes,
    fileName: input.fileName,
    mediaType: decoded.mediaType,
    language: options.ocrLanguage,
    ...(options.ocrSettings ? { settings: options.ocrSettings } : {}),
  });
  if (read.kind === 'not-decoded') return { outcome: read, ocr: null, media: null };
  if (read.kind === 'no-text') {
    const warnings = [...withoutNoTextNote(decoded.warnings), `no text: ${read.reason}`];
    return { outcome: withWarnings(outcome, warnings), ocr: null, media: null };
  }
  const ocr: SourceOcr = {
    engine: 'tesseract',
    language: read.language,
    languageFrom: read.languageFrom,
    confidence: read.confidence === null ? null : Math.round(read.confidence * 10) / 10,
    pagesRead: read.pagesRead,
    pages: read.pages,
  };
  const warnings = [...withoutNoTextNote(decoded.warnings), ...read.warnings];
  if (read.text.trim() === '') return { outcome: withWarnings(outcome, warnings), ocr, media: null };
  const again = await decoder.decode(new TextEncoder().encode(read.text), 'ocr.txt', input.published);
  if (again.kind === 'not-decoded') return { outcome: again, ocr: null, media: null };
  const suggestions =
    again.suggestions && read.languageFrom === 'user' && read.language
      ? { ...again.suggestions, language: read.language }
      : again.suggestions;
  return {
    outcome: {
      kind: 'decoded',
      decoded: { ...decoded, text: again.decoded.text, warnings },
      suggestions,
      extractionProblem: again.extractionProblem,
    },
    ocr,
    media: null,
  };
}

function withWarnings(outcome: SandboxOutcome & { kind: 'decoded' }, warnings: string[]): SandboxOutcome {
  return { ...outcome, decoded: { ...outcome.decoded, warnings } };
}
