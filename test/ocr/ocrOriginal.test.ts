/**
 * OCR of clean scans rendered in the test (Chromium) in the five working languages: the character
 * error rate must stay at or under 3 %, the language be chosen right from the first pass, and bad
 * scans (image bombs, corrupt TIFFs, PDFs longer than the page limit) get a clear answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInput } from '../../src/core/errors.ts';
import { OCR_LANGUAGES } from '../../src/decode/ocr/ocrLanguage.ts';
import { ocrOriginal } from '../../src/services/ocr/ocrOriginal.ts';
import { DEFAULT_OCR_SETTINGS } from '../../src/services/ocr/ocrSettings.ts';
import { makeManyPagePdf } from '../support/hostileFiles.ts';
import { characterErrorRate, OCR_TEXTS, renderScannedPdf, renderTextPng } from '../support/ocrImages.ts';
import { type LaunchedBrowser, launchChromium } from '../web/browser.ts';

/** A PNG whose header declares `width` × `height` and holds nothing else: an image bomb's header. */
function pngDeclaring(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 0, 0, 0, 0], 24);
  return bytes;
}

/** A little-endian TIFF header pointing at an image directory that describes a 200 × 100 image with no data. */
function corruptTiff(): Uint8Array {
  const bytes = new Uint8Array(64);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, 8, true);
  view.setUint16(8, 2, true);
  const entry = (at: number, tag: number, value: number) => {
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, 3, true);
    view.setUint32(at + 4, 1, true);
    view.setUint16(at + 8, value, true);
  };
  entry(10, 256, 200);
  entry(22, 257, 100);
  bytes.fill(0xee, 38);
  return bytes;
}

describe('OCR of scans', () => {
  let chromium: LaunchedBrowser;
  const pngs = new Map<string, Uint8Array>();

  beforeAll(async () => {
    chromium = await launchChromium();
    for (const language of OCR_LANGUAGES)
      pngs.set(language, await renderTextPng(chromium.browser, OCR_TEXTS[language]));
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it.each(OCR_LANGUAGES)(
    'reads a clean %s render at a character error rate of at most 3 percent, choosing its language',
    async (language) => {
      const read = await ocrOriginal({
        bytes: pngs.get(language)!,
        fileName: `${language}.png`,
        mediaType: 'image/png',
      });
      expect(read.kind).toBe('read');
      if (read.kind !== 'read') return;
      const cer = characterErrorRate(OCR_TEXTS[language], read.text);
      console.info(
        `OCR ${language}: CER ${(cer * 100).toFixed(2)} %, mean confidence ${read.confidence?.toFixed(1)}`,
      );
      expect(cer).toBeLessThanOrEqual(0.03);
      expect(read).toMatchObject({ language, languageFrom: 'detected', pagesRead: 1, pages: 1 });
      expect(read.confidence).toBeGreaterThan(80);
    },
  );

  it('reads in the language the person gives', async () => {
    const read = await ocrOriginal({
      bytes: pngs.get('ru')!,
      fileName: 'ru.png',
      mediaType: 'image/png',
      language: 'ru',
    });
    expect(read).toMatchObject({ kind: 'read', language: 'ru', languageFrom: 'user' });
  });

  it('reads a scanned PDF page by page, up to the page limit, and says what it left', async () => {
    const pdf = await renderScannedPdf(chromium.browser, pngs.get('ru')!, 3);
    const read = await ocrOriginal({
      bytes: pdf,
      fileName: 'scan.pdf',
      mediaType: 'application/pdf',
      settings: { ...DEFAULT_OCR_SETTINGS, maxPages: 2 },
    });
    expect(read).toMatchObject({ kind: 'read', language: 'ru', pagesRead: 2, pages: 3 });
    if (read.kind !== 'read') return;
    expect(read.warnings).toEqual([
      'OCR read the first 2 of 3 pages (ATTEST_OCR_MAX_PAGES); the rest have no text',
    ]);
    expect(read.text.split('задержанные').length - 1).toBe(2);
    expect(characterErrorRate(`${OCR_TEXTS.ru}\n\n${OCR_TEXTS.ru}`, read.text)).toBeLessThanOrEqual(0.03);
  });

  it('reads only the first pages of a scan of thousands, and says so', async () => {
    const read = await ocrOriginal({
      bytes: makeManyPagePdf(3_000, { blank: true }),
      fileName: 'archive.pdf',
      mediaType: 'application/pdf',
      settings: { ...DEFAULT_OCR_SETTINGS, maxPages: 3 },
    });
    expect(read).toMatchObject({ kind: 'read', text: '', pagesRead: 3, pages: 3_000 });
    if (read.kind !== 'read') return;
    expect(read.warnings).toEqual([
      'OCR read the first 3 of 3000 pages (ATTEST_OCR_MAX_PAGES); the rest have no text',
      'OCR found no text',
    ]);
  });

  it('preserves an image bomb unread, from its header alone', async () => {
    const read = await ocrOriginal({
      bytes: pngDeclaring(100_000, 100_000),
      fileName: 'bomb.png',
      mediaType: 'image/png',
    });
    expect(read).toEqual({
      kind: 'not-decoded',
      reason: 'image larger than 50 megapixels (100000 × 100000 declared)',
    });
  });

  it('refuses a corrupt TIFF and a PNG cut inside its header, naming the file', async () => {
    await expect(
      ocrOriginal({ bytes: corruptTiff(), fileName: 'fax.tiff', mediaType: 'image/tiff' }),
    ).rejects.toThrow(new InvalidInput('fax.tiff', 'corrupt or unreadable TIFF image'));
    await expect(
      ocrOriginal({ bytes: pngs.get('en')!.subarray(0, 20), fileName: 'cut.png', mediaType: 'image/png' }),
    ).rejects.toThrow(new InvalidInput('cut.png', 'corrupt or unreadable PNG image'));
  });

  it('stops a page past its time budget and reports the limit', async () => {
    const read = await ocrOriginal({
      bytes: pngs.get('pt')!,
      fileName: 'pt.png',
      mediaType: 'image/png',
      settings: { ...DEFAULT_OCR_SETTINGS, pageTimeoutMs: 50 },
    });
    expect(read).toEqual({ kind: 'not-decoded', reason: 'OCR time limit (0.1 s per page)' });
  });
});
