/**
 * "Capture a web page" in Chromium against the real server on a real store: a fixture page on
 * 127.0.0.1 (Russian text, an image, a redirect) captured as a job followed step by step; the source
 * page then lists every preserved file (downloadable, its SHA-256 matching the bytes served) with
 * the capture's metadata and each file's trusted timestamp from a local authority.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CAPTURE_SETTINGS } from '../../src/services/capture/captureSettings.ts';
import { type CapturePages, RUSSIAN_PAGE_WORD, startCapturePages } from '../support/capturePages.ts';
import { type LocalTsa, startLocalTsa } from '../support/localTsa.ts';
import type { TestStore } from '../support/stores.ts';
import { seriousViolations } from './axe.ts';
import {
  chromiumPath,
  type LaunchedBrowser,
  type OrganisationWebApp,
  organisationWebApp,
  screenshot,
} from './browser.ts';

describe('capture a web page in Chromium', () => {
  let store: TestStore;
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let pages: CapturePages;
  let tsa: LocalTsa;
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    pages = await startCapturePages();
    tsa = await startLocalTsa();
    app = await organisationWebApp({
      server: {
        capture: { ...DEFAULT_CAPTURE_SETTINGS, chromiumPath, allowPrivateAddresses: true },
        timestamps: { tsaUrl: tsa.url, timeoutMs: 10_000, trustedCertificates: [tsa.caDer] },
      },
    });
    ({ store, origin, launched } = app);
    page = await app.signIn();
  });

  afterAll(async () => {
    await app?.close();
    await pages?.close();
    await tsa?.close();
  });

  it('captures the page as a job, then shows its files, metadata and timestamps on the source page', async () => {
    await page.getByLabel('Page address (http or https)').fill(`${pages.origin}/old-address`);
    await page.getByRole('button', { name: 'Capture', exact: true }).click();
    await page.getByText('Captured and preserved.').waitFor({ timeout: 90_000 });
    await page.getByRole('heading', { name: 'Capture a web page' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'web-capture-done');
    await page.getByRole('link', { name: 'Open the source' }).click();
    await page.getByRole('heading', { name: 'Задержание в Казани' }).waitFor();
    await page.getByTestId('capture-files').waitFor();

    const capture = page.getByTestId('capture');
    expect(await capture.textContent()).toContain(`${pages.origin}/ru`);
    expect(await capture.textContent()).toContain('301 → ');
    expect(await capture.textContent()).toMatch(/Chromium \d+/);
    expect(await page.locator('.text-body').textContent()).toContain(RUSSIAN_PAGE_WORD);

    // Every preserved file downloads with the bytes its listed SHA-256 names.
    const rows = page.getByTestId('capture-files').locator('tbody tr');
    expect(await rows.count()).toBe(5);
    for (let i = 0; i < 5; i++) {
      const row = rows.nth(i);
      const listed = (await row.locator('code.hash').textContent())?.trim();
      const href = await row.locator('a').first().getAttribute('href');
      const response = await page.request.get(`${origin}${href}`);
      expect(response.status()).toBe(200);
      expect(
        createHash('sha256')
          .update(await response.body())
          .digest('hex'),
      ).toBe(listed);
    }

    // The server's loop stamps the new originals: reload until the authority's name shows.
    for (let attempt = 0; attempt < 30; attempt++) {
      if (((await page.getByTestId('capture-files').textContent()) ?? '').split('Attest Test TSA').length > 5)
        break;
      await page.waitForTimeout(1_000);
      await page.reload();
      await page.getByTestId('capture-files').waitFor();
    }
    expect(
      ((await page.getByTestId('capture-files').textContent()) ?? '').split('Attest Test TSA').length - 1,
    ).toBe(5);
    expect(await page.getByTestId('original-timestamp').textContent()).toContain('Attest Test TSA');
    // Sizes in their plural form, never the raw list of forms ("one: 593 byte | other: …").
    const filesText = (await page.getByTestId('capture-files').textContent()) ?? '';
    expect(filesText).toContain('593 bytes');
    expect(filesText).not.toContain('other:');
    await page.setViewportSize({ width: 1280, height: 1400 });
    await screenshot(page, 'web-capture-source');

    // Accessibility, scanned in a context that lets axe's script in (the app's CSP forbids it).
    const scan = await launched.browser.newContext({
      bypassCSP: true,
      storageState: await page.context().storageState(),
    });
    const scanPage = await scan.newPage();
    await scanPage.goto(page.url());
    await scanPage.getByTestId('capture-files').waitFor();
    expect(await seriousViolations(scanPage)).toEqual([]);
    await scan.close();
  });

  it('says why a capture is refused and stores nothing', async () => {
    await page.goto(`${origin}/`);
    await page.getByLabel('Page address (http or https)').fill(`${pages.origin}/loop-a`);
    await page.getByRole('button', { name: 'Capture', exact: true }).click();
    await page.getByText(/Not captured, nothing was stored: redirect loop/).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Capture a web page' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'web-capture-refused');
    const sources = await store.db.query<{ n: number }>('select count(*)::int as n from sources');
    expect(sources[0]!.n).toBe(1);
  });
});
