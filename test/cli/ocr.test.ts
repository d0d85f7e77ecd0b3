/**
 * A scan through the real command line: a Russian page image is preserved, OCR'd, marked with its
 * confidence and found by a word it contains; a machine without Tesseract still preserves the scan,
 * marked "no text: OCR not installed"; an image bomb is preserved unread and a corrupt TIFF refused
 * with nothing stored.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, runCli } from '../support/cli.ts';
import { OCR_TEXTS, renderTextPng } from '../support/ocrImages.ts';
import { backends, createPostgresDatabase } from '../support/stores.ts';
import { launchChromium } from '../web/browser.ts';

interface IngestJson {
  sources: Array<{
    id: string;
    language: string;
    notDecoded: string | null;
    noText: string | null;
    ocr: { engine: string; language: string; languageFrom: string; confidence: number; pages: number } | null;
  }>;
  errors: Array<{ file: string; error: string }>;
}
interface SearchJson {
  total: number;
  hits: Array<{ kind: string; id: string }>;
}

describe.each(backends())('attest ingest of scans on %s', (backend) => {
  let work: string;
  let env: Record<string, string>;
  let dropDatabase = async () => {};
  let russianPng: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'attest-ocr-cli-'));
    env = { ATTEST_DATA: join(work, 'data'), ATTEST_USER: 'officer@example.org' };
    if (backend === 'postgres') {
      const database = await createPostgresDatabase();
      env.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
    const chromium = await launchChromium();
    try {
      russianPng = join(work, 'протокол.png');
      writeFileSync(russianPng, await renderTextPng(chromium.browser, OCR_TEXTS.ru));
      writeFileSync(join(work, 'nota.png'), await renderTextPng(chromium.browser, OCR_TEXTS.pt));
    } finally {
      await chromium.close();
    }
  });
  afterAll(async () => {
    await dropDatabase();
    rmSync(work, { recursive: true, force: true });
  });

  it('OCRs a Russian scan, marks the text with its confidence, and finds it by a word it contains', async () => {
    const ingested = await runCli(['ingest', '--json', russianPng], { env });
    expect(ingested.code, ingested.stderr).toBe(0);
    const [source] = jsonOf<IngestJson>(ingested).sources;
    expect(source).toMatchObject({
      language: 'ru',
      notDecoded: null,
      ocr: { engine: 'tesseract', language: 'ru', languageFrom: 'detected', pages: 1 },
    });
    expect(source!.ocr!.confidence).toBeGreaterThan(80);
    // "Родственники" is in the picture only: search finds it through the OCR text (stemmed).
    const found = await runCli(['search', '--json', 'родственники'], { env });
    expect(found.code, found.stderr).toBe(0);
    expect(jsonOf<SearchJson>(found).hits.map((hit) => hit.id)).toContain(source!.id);
  });

  it('takes the language from --ocr-language and refuses one it does not read (exit 2)', async () => {
    const ingested = await runCli(['ingest', '--json', '--ocr-language', 'por', join(work, 'nota.png')], {
      env,
    });
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(jsonOf<IngestJson>(ingested).sources[0]).toMatchObject({
      language: 'pt',
      ocr: { language: 'pt', languageFrom: 'user' },
    });
    const refused = await runCli(['ingest', '--ocr-language', 'de', russianPng], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--ocr-language must be one of pt, en, es, ru, fr');
  });

  it('preserves a scan without text where Tesseract is not installed, and says so', async () => {
    const other = join(work, 'other.png');
    writeFileSync(other, Buffer.concat([readFileSync(russianPng), Buffer.from('different bytes')]));
    // No tesseract on this PATH: the optional OCR component is missing.
    const ingested = await runCli(['ingest', '--json', other], {
      env: { ...env, PATH: join(work, 'no-tools') },
    });
    expect(ingested.code, ingested.stderr).toBe(0);
    const [source] = jsonOf<IngestJson>(ingested).sources;
    expect(source).toMatchObject({
      language: 'und',
      notDecoded: null,
      noText: 'OCR not installed (Debian package tesseract-ocr)',
      ocr: null,
    });
    expect(ingested.stderr).toContain(
      'other.png: preserved, no text: OCR not installed (Debian package tesseract-ocr)',
    );
  });

  it('preserves an image bomb unread and refuses a corrupt TIFF, storing nothing for it', async () => {
    const bomb = join(work, 'bomb.png');
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(
      header,
    );
    header.writeUInt32BE(200_000, 16);
    header.writeUInt32BE(200_000, 20);
    writeFileSync(bomb, header);
    const tiff = join(work, 'fax.tif');
    writeFileSync(
      tiff,
      Buffer.concat([Buffer.from([0x49, 0x49, 42, 0, 0xff, 0xff, 0, 0]), Buffer.alloc(100, 7)]),
    );
    const ingested = await runCli(['ingest', '--json', bomb, tiff], { env });
    expect(ingested.code).toBe(1);
    const report = jsonOf<IngestJson>(ingested);
    expect(report.sources).toHaveLength(1);
    expect(report.sources[0]!.notDecoded).toBe('image larger than 50 megapixels (200000 × 200000 declared)');
    expect(report.errors).toEqual([{ file: tiff, error: `${tiff}: corrupt or unreadable TIFF image` }]);
    expect(ingested.stderr).toContain('bomb.png: preserved, not decoded: image larger than 50 megapixels');
  });
});
