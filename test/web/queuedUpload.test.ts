/**
 * Uploads through the job queue in Chromium against the real server (PGlite, its in-process queue
 * taking one job at a time): a page scan and a text file are preserved at once and followed on the
 * page from queued through processing to done, with links to their sources (the scan read by OCR);
 * the same bytes again are the existing source; a corrupt TIFF's job fails on its first attempt (no
 * retries: the same bytes would fail the same way) and the page shows the job's reason (the list
 * passes axe); a sealed file is never queued (no worker holds a compartment key) and is saved in
 * its request. Screenshots of each state land in test/web/screenshots.
 */
import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessQueue } from '../../src/services/jobs/inProcessQueue.ts';
import type { JobQueue } from '../../src/services/jobs/jobQueue.ts';
import { OCR_TEXTS, renderTextPng } from '../support/ocrImages.ts';
import type { TestStore } from '../support/stores.ts';
import { seriousViolations } from './axe.ts';
import { type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

const REPORT = Buffer.from('On 3 March 2021 police detained three journalists in Caracas.\n', 'utf8');
/** A TIFF header whose first directory lies past the end of the file: no tool can read it. */
const CORRUPT_TIFF = Buffer.concat([
  Buffer.from([0x49, 0x49, 42, 0, 0xff, 0xff, 0, 0]),
  Buffer.alloc(100, 7),
]);

/** The upload list scrolled into view, then the page photographed. */
async function shot(page: Page, name: string): Promise<void> {
  await page.locator('.uploads').evaluate((list) => list.scrollIntoView({ block: 'center' }));
  await screenshot(page, name);
}

/** A state that may pass too quickly to be seen is photographed when it is, and never asserted. */
async function shotIfSeen(page: Page, state: Locator, name: string): Promise<void> {
  const seen = await state.waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (seen) await shot(page, name);
}

describe('uploads through the job queue in Chromium', () => {
  let app: OrganisationWebApp | undefined;
  let store: TestStore;
  let page: Page;
  let queue: JobQueue;

  beforeAll(async () => {
    // The real pauses between attempts (5, 10, 20 s): a corrupt file must fail without waiting for them.
    queue = inProcessQueue();
    app = await organisationWebApp({ server: { jobs: queue, jobConcurrency: 1, logLevel: 'silent' } });
    store = app.store;
    // axe is injected as a script, which the CSP rightly refuses; the upload list lives in this page
    // only, so this one context bypasses the CSP (app.test.ts checks the CSP itself).
    page = await app.signIn(undefined, undefined, { bypassCSP: true });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const row = (name: string) => page.locator('.uploads > li').filter({ hasText: name });

  it('preserves a scan and a text file at once, follows their jobs to done and links to the sources', async () => {
    const browser = app?.launched.browser;
    if (!browser) throw new Error('no browser');
    const scan = Buffer.from(await renderTextPng(browser, OCR_TEXTS.en));
    await page.getByLabel('Language of a scan (OCR)').selectOption('en');

    // A slow link, so the upload's progress can be seen (and photographed).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 40_000,
    });
    await page.getByLabel('Files', { exact: true }).setInputFiles([
      { name: 'scan.png', mimeType: 'image/png', buffer: scan },
      { name: 'report.txt', mimeType: 'text/plain', buffer: REPORT },
    ]);
    await shotIfSeen(page, row('scan.png').getByText('Uploading scan.png'), 'upload-uploading');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // One job at a time: while the scan is read, the text file waits its turn.
    await shotIfSeen(page, row('report.txt').getByText('Waiting for its turn'), 'upload-queued');
    await shotIfSeen(page, row('scan.png').getByText('Reading it now'), 'upload-processing');

    const report = row('report.txt').getByRole('status');
    await report.waitFor({ timeout: 120_000 });
    expect(await report.textContent()).toMatch(/^Saved “report\.txt”\./);
    const scanned = row('scan.png').getByRole('status');
    await scanned.waitFor({ timeout: 120_000 });
    await shot(page, 'upload-done');

    await report.getByRole('link', { name: 'Open the source' }).click();
    expect(await page.getByTestId('sha256').textContent()).toBe(
      createHash('sha256').update(REPORT).digest('hex'),
    );
    await page.goBack();
    await page.getByRole('heading', { name: 'Capture a source' }).waitFor();
    await page.getByLabel('Files', { exact: true }).setInputFiles({
      name: 'report.txt',
      mimeType: 'text/plain',
      buffer: REPORT,
    });
    const again = row('report.txt').getByRole('status');
    await again.waitFor();
    expect(await again.textContent()).toMatch(/^Already preserved: “report\.txt”\./);
  }, 240_000);

  it('reads the scan by OCR on the worker', async () => {
    const sources = await store.db.query<{ file_name: string; text: string }>(
      "select file_name, text from sources where file_name = 'scan.png'",
    );
    expect(sources).toHaveLength(1);
    expect(sources[0]?.text).toContain('fifteen protesters');
  });

  it('shows why a job failed: a corrupt TIFF cannot be read, and the original is kept', async () => {
    await page.getByLabel('Files', { exact: true }).setInputFiles({
      name: 'fax.tif',
      mimeType: 'image/tiff',
      buffer: CORRUPT_TIFF,
    });
    const failed = row('fax.tif').getByRole('alert');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toContain('Could not read fax.tif.');
    expect(await failed.getByTestId('job-error').textContent()).toBe(
      'fax.tif: corrupt or unreadable TIFF image',
    );
    expect(await row('fax.tif').textContent()).toContain('The original is preserved.');
    // Its first attempt was its only one.
    expect((await queue.status()).deadLetters).toMatchObject([
      { kind: 'ingest', retries: 0, error: 'fax.tif: corrupt or unreadable TIFF image' },
    ]);
    expect(store.files.has(createHash('sha256').update(CORRUPT_TIFF).digest('hex'))).toBe(true);
    await shot(page, 'upload-failed');
    // A failed job, an existing source and finished uploads, as a screen reader meets them.
    expect((await seriousViolations(page)).map((v) => `${v.impact} ${v.id} (${v.help})`)).toEqual([]);
  }, 120_000);

  it('saves a sealed file in its request, never through the queue', async () => {
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posted.push(new URL(request.url()).pathname);
    });
    const before = (await store.db.query('select 1 from sources where sealed_meta is not null')).length;
    await page.locator('.drop-zone').getByLabel('Sensitive — seal this source').check();
    const testimony = Buffer.from('On 2 May 2025 police detained three women in Grozny.\n', 'utf8');
    await page.getByLabel('Files', { exact: true }).setInputFiles({
      name: 'testimony.txt',
      mimeType: 'text/plain',
      buffer: testimony,
    });
    const saved = page.locator('.uploads').getByRole('status').filter({ hasText: 'Sealed source saved' });
    await saved.waitFor();
    expect(await saved.textContent()).toContain('Sealed source saved');
    expect(posted).toEqual(['/api/sources']);
    expect((await store.db.query('select 1 from sources where sealed_meta is not null')).length).toBe(
      before + 1,
    );
    // Only the encrypted original is stored: the plaintext never reached the file store.
    expect(store.files.has(createHash('sha256').update(testimony).digest('hex'))).toBe(false);
    await shot(page, 'upload-sealed');
  });
});
