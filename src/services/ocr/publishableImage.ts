/**
 * The one door through which a source's image leaves Attest for publication (a dossier, a public
 * export, a page shown beside its OCR text): a copy with EXIF (GPS position, camera serial, time),
 * XMP, comments and text chunks removed by core/stripImageMetadata. The preserved original is never
 * changed: it stays the evidence, byte for byte, under its SHA-256.
 */
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { stripImageMetadata } from '../../core/stripImageMetadata.ts';
import type { Db } from '../../store/db.ts';
import type { Store } from '../../store/openStore.ts';
import { sourceScanDetailsRepository } from '../../store/sourceScanDetails.ts';

export type { SourceMedia, SourceOcr } from '../../store/sourceScanDetails.ts';

import type { Actor } from '../accounts/actor.ts';
import { getSource, sourceOriginal } from '../review/sources.ts';
import { pdfPageImage } from './ocrOriginal.ts';
import type { OcrSettings } from './ocrSettings.ts';

export interface PublishableImage {
  mediaType: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
  /** What was removed (['APP1 Exif', 'COM']), for a report of what the copy lost. */
  removed: string[];
}

/** Strips a JPEG or PNG; anything else is refused (InvalidInput) rather than published unstripped. */
export function publishableImageOf(bytes: Uint8Array): PublishableImage {
  const stripped = stripImageMetadata(bytes);
  return {
    mediaType: stripped.format === 'jpeg' ? 'image/jpeg' : 'image/png',
    bytes: stripped.bytes,
    removed: stripped.removed,
  };
}

/** A source's image without its metadata; the caller publishes this, never the original. */
export async function publishableImage(
  store: Store,
  sourceId: string,
  reader: Actor | null,
): Promise<PublishableImage> {
  const original = await sourceOriginal(store, sourceId, reader);
  if (original.mediaType !== 'image/jpeg' && original.mediaType !== 'image/png')
    throw new InvalidInput(
      sourceId,
      `only JPEG and PNG images can be published (this source is ${original.mediaType})`,
    );
  return publishableImageOf(original.bytes);
}

/**
 * Page `page` (from 1) of a source as an image to show beside its text: a PDF page rendered anew
 * (the rendering carries no metadata), or the image itself stripped of its metadata. NotFound for a
 * page that does not exist or a source with no page to show (TIFF, audio, text).
 */
export async function sourcePageImage(
  store: Store,
  sourceId: string,
  page: number,
  reader: Actor | null,
  settings?: OcrSettings,
): Promise<PublishableImage> {
  const original = await sourceOriginal(store, sourceId, reader);
  if (original.mediaType === 'application/pdf') {
    const png = await pdfPageImage(original.bytes, page, settings);
    if (!png) throw new NotFound('page of source', `${sourceId} page ${page}`);
    return { mediaType: 'image/png', bytes: png, removed: [] };
  }
  if (page === 1 && (original.mediaType === 'image/jpeg' || original.mediaType === 'image/png'))
    return publishableImageOf(original.bytes);
  throw new NotFound('page of source', `${sourceId} page ${page}`);
}

/** How a source's text was obtained (OCR) or its recording described; a sealed source only for its members. */
export async function sourceScanOf(db: Db, sourceId: string, reader: Actor | null) {
  const { source } = await getSource(db, sourceId, reader);
  return { mediaType: source.mediaType, details: await sourceScanDetailsRepository(db).find(sourceId) };
}
