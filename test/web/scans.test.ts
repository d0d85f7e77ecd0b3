/**
 * Scans and recordings in Chromium against the real server (PGlite): a Russian page image uploaded
 * with its language chosen in the capture form is read by OCR; its source page shows the OCR facts
 * and the page beside the text, and so does its review; a video's source page shows its duration
 * and codecs. Screenshots land in test/web/screenshots.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OCR_TEXTS, renderTextPng } from '../support/ocrImages.ts';
import { type LaunchedBrowser, type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

describe('scans and recordings in Chromium', () => {
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let launched: LaunchedBrowser;
  let page: Page;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'attest-scans-'));
    app = await organisationWebApp();
    ({ origin, launched } = app);
    page = await app.signIn();
  });

  afterAll(async () => {
    await app?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const upload = async (path: string) => {
    await page.getByLabel('Files', { exact: true }).setInputFiles(path);
    const open = page.getByRole('link', { name: 'Review its suggestions' }).first();
    await open.waitFor({ timeout: 120_000 });
    return `${origin}${await open.getAttribute('href')}`;
  };

  it('reads an uploaded Russian scan in the language chosen, and shows the page beside its text', async () => {
    const scan = join(work, 'протокол.png');
    writeFileSync(scan, await renderTextPng(launched.browser, OCR_TEXTS.ru));
    await page.getByLabel('Language of a scan (OCR)').selectOption('ru');
    await screenshot(page, 'scan-capture-form');
    const reviewUrl = await upload(scan);
    const sourceUrl = reviewUrl.replace('/review/', '/sources/');

    await page.goto(sourceUrl);
    await page.getByRole('heading', { name: 'OCR' }).waitFor();
    expect(await page.getByText('Russian (given at capture)').count()).toBe(1);
    expect(await page.getByTestId('ocr-confidence').textContent()).toMatch(/^\d+ %$/);
    await page.getByText('Родственники три дня').waitFor();
    const image = page.getByRole('img', { name: 'Page 1 of the scan' });
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((img) => (img as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    await screenshot(page, 'scan-source-page');

    await page.goto(reviewUrl);
    await page.getByRole('img', { name: 'Page 1 of the scan' }).waitFor();
    await page.getByText('This text was read by OCR from the scan').waitFor();
    await screenshot(page, 'scan-review');
  });

  it('shows a video’s duration and codecs on its source page', async () => {
    const clip = join(work, 'clip.mp4');
    execFileSync('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3'],
      ...['-f', 'lavfi', '-i', 'testsrc=duration=3:size=160x120:rate=10', '-shortest'],
      ...['-c:v', 'mpeg4', '-c:a', 'aac', clip],
    ]);
    await page.goto(`${origin}/`);
    const reviewUrl = await upload(clip);
    await page.goto(reviewUrl.replace('/review/', '/sources/'));
    await page.getByRole('heading', { name: 'Recording' }).waitFor();
    expect(await page.getByTestId('media-duration').textContent()).toBe('0:03');
    await page.getByText('video mpeg4, 160 × 120').waitFor();
    await page.getByText('audio aac, 44,100 Hz, 1 channel(s)').waitFor();
    await screenshot(page, 'media-source-page');
  });
});
