/**
 * A witness's photo with its GPS position in EXIF: preserved exactly, and published only as a copy
 * without it. A scanned PDF's page and a recording's technical description, as ingest stores them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInput } from '../../src/core/errors.ts';
import { publishableImage, sourcePageImage } from '../../src/services/ocr/publishableImage.ts';
import { ingestOne } from '../../src/services/sources/ingest.ts';
import { sourceScanDetailsRepository } from '../../src/store/sourceScanDetails.ts';
import { sourcesRepository } from '../../src/store/sources.ts';
import { hasExif, withGpsExif } from '../support/jpegWithGps.ts';
import { OCR_TEXTS, renderScannedPdf, renderTextPng } from '../support/ocrImages.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';
import { type LaunchedBrowser, launchChromium } from '../web/browser.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(backends())('published images and scan details on %s', (backend) => {
  let store: TestStore;
  let chromium: LaunchedBrowser;

  beforeAll(async () => {
    store = await openTestStore(backend);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await store?.close();
  });

  it('publishes a photo without its GPS EXIF while the original keeps it, byte for byte', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 320, height: 120 } });
    await page.setContent('<body style="background:#fff">photo</body>');
    const photo = withGpsExif(new Uint8Array(await page.screenshot({ type: 'jpeg' })));
    await page.close();
    expect(hasExif(photo)).toBe(true);
    const ingested = await ingestOne(store, { fileName: 'photo.jpg', bytes: photo, capturedBy: 'officer' });

    const published = await publishableImage(store, ingested.id, null);
    expect(published.mediaType).toBe('image/jpeg');
    expect(published.removed).toContain('APP1 Exif');
    expect(hasExif(published.bytes)).toBe(false);
    const original = store.files.get(ingested.sha256);
    expect(sha256(original)).toBe(sha256(photo));
    expect(hasExif(original)).toBe(true);
    // The page shown beside the text is the stripped copy too.
    expect(hasExif((await sourcePageImage(store, ingested.id, 1, null)).bytes)).toBe(false);
  });

  it('refuses to publish a source that is not a JPEG or PNG image', async () => {
    const text = await ingestOne(store, {
      fileName: 'note.txt',
      bytes: new TextEncoder().encode('A note about the 12 May detentions.'),
      capturedBy: 'officer',
    });
    await expect(publishableImage(store, text.id, null)).rejects.toThrow(InvalidInput);
  });

  it('stores a scanned PDF with its OCR text, marked with language and confidence, and shows its pages', async () => {
    const png = await renderTextPng(chromium.browser, OCR_TEXTS.es);
    const pdf = await renderScannedPdf(chromium.browser, png, 2);
    const ingested = await ingestOne(store, { fileName: 'escaneo.pdf', bytes: pdf, capturedBy: 'officer' });
    expect(ingested).toMatchObject({ language: 'es', notDecoded: null, noText: null });
    const source = await sourcesRepository(store.db).findById(ingested.id);
    expect(source!.text).toContain('quince manifestantes');
    const { ocr } = await sourceScanDetailsRepository(store.db).find(ingested.id);
    expect(ocr).toMatchObject({
      engine: 'tesseract',
      language: 'es',
      languageFrom: 'detected',
      pagesRead: 2,
      pages: 2,
    });
    expect(ocr!.confidence).toBeGreaterThan(80);
    const second = await sourcePageImage(store, ingested.id, 2, null);
    expect(second.mediaType).toBe('image/png');
    await expect(sourcePageImage(store, ingested.id, 3, null)).rejects.toThrow('page of source not found');
  });

  it('stores a video with its duration and codecs from ffprobe', async () => {
    const clip = execFileSync('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=2',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=2:size=160x120:rate=10',
      '-shortest',
      '-c:v',
      'mpeg4',
      '-c:a',
      'aac',
      '-f',
      'mp4',
      '-movflags',
      'frag_keyframe+empty_moov',
      'pipe:1',
    ]);
    const ingested = await ingestOne(store, { fileName: 'clip.mp4', bytes: clip, capturedBy: 'officer' });
    expect(ingested.noText).toBeNull();
    const { media, ocr } = await sourceScanDetailsRepository(store.db).find(ingested.id);
    expect(ocr).toBeNull();
    expect(media!.durationSeconds).toBeCloseTo(2, 0);
    expect(media!.streams).toEqual(
      expect.arrayContaining([
        { kind: 'video', codec: 'mpeg4', width: 160, height: 120 },
        { kind: 'audio', codec: 'aac', sampleRate: 44100, channels: 1 },
      ]),
    );
  });
});
