import { InvalidInput } from '../core/errors.ts';
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
  warnings: string[];
}

export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const svgRoot = /^\s*(?:<\?xml\b[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!doctype\s+svg[^>]*>\s*)*<svg[\s>]/i;

/**
 * Text of one captured file, given its original bytes. Pure: the caller preserves the bytes and
 * enforces size limits; this only reads them. Throws InvalidInput (naming the file, never quoting
 * its content) for empty, unknown binary, undecodable or corrupt input.
 */
export async function decodeDocument(bytes: Uint8Array, fileName: string): Promise<DecodedDocument> {
  if (bytes.length === 0) throw new InvalidInput(fileName, 'empty file (0 bytes)');
  const sniffed = sniffType(bytes, fileName);
  switch (sniffed.kind) {
    case 'pdf': {
      const pdf = await pdfToText(bytes, fileName);
      return { ...pdf, mediaType: 'application/pdf', encoding: null };
    }
    case 'docx': {
      const docx = await docxToText(bytes, fileName);
      return { ...docx, mediaType: docxMediaType, encoding: null };
    }
    case 'media':
      return mediaDocument(sniffed.mediaType);
    case 'unsupported-binary':
      throw new InvalidInput(fileName, binaryContentReason);
    case 'text':
      return textDocument(bytes, fileName, sniffed.hint);
  }
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

function textDocument(bytes: Uint8Array, fileName: string, hint: 'html' | 'plain' | null): DecodedDocument {
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
  const html = htmlToText(decoded.text);
  return {
    text: html.text,
    mediaType: 'text/html',
    encoding: decoded.encoding,
    title: html.title,
    warnings: [...decoded.warnings, ...html.warnings],
  };
}
