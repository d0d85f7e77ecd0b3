import { InvalidInput } from '../core/errors.ts';
import { toStorableText } from '../core/storableText.ts';
import { checkTextLength, DEFAULT_DECODE_LIMITS, type DecodeLimits } from './decodeLimits.ts';
import { binaryContentReason, decodeText } from './decodeText.ts';
import { docxToText } from './docxToText.ts';
import { bytesLookLikeHtml, declaredHtmlCharset, looksLikeHtml } from './htmlCharset.ts';
import { htmlToText } from './htmlToText.ts';
import { pdfToText } from './pdfToText.ts';
import { sniffType } from './sniffType.ts';

export interface DecodedDocument {
  /** Extracted text, as decoded (only a BOM removed): extraction offsets refer to this string. */
  text: string;
  mediaType: string;
  /** The character encoding of text files; null for binary formats (PDF, DOCX, media). */
  encoding: string | null;
  title: string | null;
  /** A publication day the document states about itself (HTML meta, JSON-LD, <time>), if any. */
  published?: string | null;
  warnings: string[];
}

export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const svgRoot = /^\s*(?:<\?xml\b[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!doctype\s+svg[^>]*>\s*)*<svg[\s>]/i;

/**
 * Text of one captured file, given its original bytes. Pure: the caller preserves the bytes and
 * enforces size limits; this only reads them. Throws InvalidInput (naming the file, never quoting
 * its content) for empty, unknown binary, undecodable or corrupt input, and DecodeLimitExceeded for
 * a file over one of `limits`. NUL and unpaired surrogates, which the database cannot store, are
 * removed from the text and title with a warning.
 */
export async function decodeDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
): Promise<DecodedDocument> {
  const decoded = await decodeByType(bytes, fileName, limits);
  checkTextLength(decoded.text, limits);
  return storable(decoded);
}

async function decodeByType(
  bytes: Uint8Array,
  fileName: string,
  limits: DecodeLimits,
): Promise<DecodedDocument> {
  if (bytes.length === 0) throw new InvalidInput(fileName, 'empty file (0 bytes)');
  const sniffed = sniffType(bytes, fileName);
  switch (sniffed.kind) {
    case 'pdf': {
      const pdf = await pdfToText(bytes, fileName, limits);
      return { ...pdf, mediaType: 'application/pdf', encoding: null };
    }
    case 'docx': {
      const docx = await docxToText(bytes, fileName, limits);
      return { ...docx, mediaType: docxMediaType, encoding: null };
    }
    case 'media':
      return mediaDocument(sniffed.mediaType);
    case 'unsupported-binary':
      throw new InvalidInput(fileName, binaryContentReason);
    case 'text':
      return textDocument(bytes, fileName, sniffed.hint, limits);
  }
}

function storable(decoded: DecodedDocument): DecodedDocument {
  const text = toStorableText(decoded.text);
  const title = decoded.title === null ? null : toStorableText(decoded.title);
  const nul = text.nul + (title?.nul ?? 0);
  const surrogates = text.surrogates + (title?.surrogates ?? 0);
  if (nul === 0 && surrogates === 0) return decoded;
  const warnings = [...decoded.warnings];
  if (nul > 0) warnings.push(`${nul} NUL character(s) removed`);
  if (surrogates > 0) warnings.push(`${surrogates} unpaired surrogate(s) replaced with U+FFFD`);
  return { ...decoded, text: text.text, title: title?.text.trim() || null, warnings };
}

function mediaDocument(mediaType: string): DecodedDocument {
  // Photos, recordings and videos are evidence in their own right; their bytes are what matters.
  return {
    text: '',
    mediaType,
    encoding: null,
    title: null,
    warnings: [`no text extracted from ${mediaType}`],
  };
}

function textDocument(
  bytes: Uint8Array,
  fileName: string,
  hint: 'html' | 'plain' | null,
  limits: DecodeLimits,
): DecodedDocument {
  const maybeHtml = hint === 'html' || (hint === null && bytesLookLikeHtml(bytes));
  const decoded = decodeText(bytes, fileName, maybeHtml ? declaredHtmlCharset(bytes) : null);
  const isHtml = hint === 'html' || (hint === null && looksLikeHtml(decoded.text));
  if (hint === null && !isHtml && svgRoot.test(decoded.text.slice(0, 4096)))
    return mediaDocument('image/svg+xml');
  if (!isHtml) {
    return {
      text: decoded.text,
      mediaType: 'text/plain',
      encoding: decoded.encoding,
      title: null,
      warnings: decoded.warnings,
    };
  }
  const html = htmlToText(decoded.text, limits);
  return {
    text: html.text,
    mediaType: 'text/html',
    encoding: decoded.encoding,
    title: html.title,
    published: html.published,
    warnings: [...decoded.warnings, ...html.warnings],
  };
}

/**
 * The media type of a file that was not decoded (over a limit), from its signature and name alone:
 * cheap, and enough to show what kind of original was preserved.
 */
export function guessMediaType(bytes: Uint8Array, fileName: string): string {
  const sniffed = sniffType(bytes, fileName);
  switch (sniffed.kind) {
    case 'pdf':
      return 'application/pdf';
    case 'docx':
      return docxMediaType;
    case 'media':
      return sniffed.mediaType;
    case 'unsupported-binary':
      return 'application/octet-stream';
    case 'text':
      return sniffed.hint === 'html' || (sniffed.hint === null && bytesLookLikeHtml(bytes))
        ? 'text/html'
        : 'text/plain';
  }
}
