/**
 * Linkage review in Chromium against the real server on a real store: upload a list, review its
 * three uncertain pairs with the keyboard only (m, n, u; z to undo; arrows to move), and see the
 * clusters change with the labels; screenshots and an accessibility scan.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../support/paths.ts';
import type { TestStore } from '../support/stores.ts';
import { seriousViolations } from './axe.ts';
import { type LaunchedBrowser, type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

const LIST = join(fixturesDir, 'linkage/review-list.csv');
const SHOTS = '/tmp/shots';

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, `linkage-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `linkrev-${name}.png`), fullPage: true });
}

describe('linkage review in Chromium', () => {
  let store: TestStore;
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await organisationWebApp();
    ({ store, origin, launched } = app);
    page = await app.signIn();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reviews three uncertain pairs with the keyboard and re-computes the clusters', async () => {
    await page.getByRole('link', { name: 'Linkage' }).click();
    await page.getByRole('heading', { name: 'Linkage review' }).waitFor();
    await page.getByLabel('Name of the new list').fill('Spring lists');
    await page.getByLabel('CSV file with an id column').setInputFiles(LIST);
    await page.getByRole('button', { name: 'Run linkage' }).click();
    const progress = page.getByTestId('linkage-progress');
    await progress.filter({ hasText: '0 of 3 pairs reviewed' }).waitFor();
    const clusters = page.getByTestId('linkage-clusters');
    expect(await clusters.getByRole('status').textContent()).toBe('14 clusters (14 before your labels)');
    const pair = page.getByTestId('linkage-pair');
    expect(await pair.getByRole('heading').textContent()).toBe('Pair 1 of 3: BA ~ BB');
    // Side by side, the differing given names marked in words as well as colour.
    const given = pair.getByRole('row', { name: /given_name/ });
    expect(await given.textContent()).toContain('Aslanbek');
    expect(await given.textContent()).toContain('≠ differs');
    expect(await page.getByTestId('waterfall').locator('svg rect').count()).toBe(7);
    await shot(page, 'queue');

    // Keyboard only from here.
    await page.keyboard.press('m');
    await progress.filter({ hasText: '1 of 3 pairs reviewed' }).waitFor();
    expect(await pair.getByRole('heading').textContent()).toBe('Pair 2 of 3: BE ~ BF');
    await page.keyboard.press('n');
    await progress.filter({ hasText: '2 of 3 pairs reviewed' }).waitFor();
    await page.keyboard.press('u');
    await progress.filter({ hasText: '3 of 3 pairs reviewed' }).waitFor();
    // The match made one more person; the non-match and unsure changed nothing.
    await clusters.getByRole('status').filter({ hasText: '15 clusters' }).waitFor();
    expect(await clusters.locator('li[data-changed="yes"]').textContent()).toContain('BA (Aslanbek Tepsaev)');
    expect(await pair.getByTestId('pair-label').textContent()).toBe('Your label: Unsure');

    // z undoes the last label; the arrows walk back through the queue.
    await page.keyboard.press('z');
    await progress.filter({ hasText: '2 of 3 pairs reviewed' }).waitFor();
    expect(await pair.getByTestId('pair-label').textContent()).toBe('Not labelled yet');
    await page.keyboard.press('ArrowLeft');
    expect(await pair.getByRole('heading').textContent()).toBe('Pair 2 of 3: BE ~ BF');
    expect(await pair.getByTestId('pair-label').textContent()).toBe('Your label: Non-match');
    await page.keyboard.press('k');
    expect(await pair.getByRole('heading').textContent()).toBe('Pair 1 of 3: BA ~ BB');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('m');
    await progress.filter({ hasText: '3 of 3 pairs reviewed' }).waitFor();
    await clusters.getByRole('status').filter({ hasText: '16 clusters' }).waitFor();
    await pair.scrollIntoViewIfNeeded();
    await shot(page, 'reviewed');

    const labels = await store.db.query<{ decision: string }>(
      'select decision from linkage_labels order by seq',
    );
    expect(labels.map((l) => l.decision)).toEqual(['match', 'non-match', 'unsure', 'cleared', 'match']);
  });

  it('has no serious accessibility violations', async () => {
    const scan = await launched.browser.newContext({
      bypassCSP: true,
      storageState: await page.context().storageState(),
    });
    const scanPage = await scan.newPage();
    const runUrl = new URL(page.url());
    await scanPage.goto(`${origin}/linkage${runUrl.search}`);
    await scanPage.getByTestId('linkage-pair').waitFor();
    expect(await seriousViolations(scanPage)).toEqual([]);
    await scan.close();
  });
});
