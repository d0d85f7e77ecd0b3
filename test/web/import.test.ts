/**
 * The import screen in Chromium against the real server on a real store: upload an Uwazi-style CSV,
 * map its columns, a dry run showing the first rows as records and a bad row (row, column, why) with
 * nothing stored, then an import of the valid rows; screenshots and an accessibility scan.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UWAZI_CSV, VICTIMS } from '../import/importFixtures.ts';
import type { TestStore } from '../support/stores.ts';
import { seriousViolations } from './axe.ts';
import { type LaunchedBrowser, type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

// The Uwazi-style export with a third row whose violation no mapping knows.
const CSV = `${UWAZI_CSV}Beating in Shali,2017-05-22,Violation,Beating,2017-04-10,Shali,RU,1,,,,,,\n`;

describe('the import screen in Chromium', () => {
  let store: TestStore;
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let launched: LaunchedBrowser;
  let page: Page;
  let dir: string;
  const count = async (table: string) =>
    Number((await store.db.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attest-import-web-'));
    writeFileSync(join(dir, 'uwazi-export.csv'), CSV);
    app = await organisationWebApp();
    ({ store, origin, launched } = app);
    page = await app.signIn();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('maps the columns, shows a dry run with the bad row, then imports the valid rows', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import records' }).waitFor();
    await page.getByLabel('Preset').selectOption('uwazi');
    await page.getByLabel('File (CSV or XLSX)').setInputFiles(join(dir, 'uwazi-export.csv'));
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    expect(await mapping.textContent()).toContain('3 rows of data');
    // The Uwazi preset recognised the title; the rest is mapped by hand.
    expect(await page.getByLabel('Attest field: Title').inputValue()).toBe('incident.title');
    const map: Array<[string, string]> = [
      ['Violation', 'act.type'],
      ['Date of violation', 'act.date'],
      ['Place', 'act.place'],
      ['Country', 'act.country'],
      ['Number of victims', 'act.victims'],
      ['Victims', 'persons.victims'],
      ['Perpetrators', 'act.perpetrators'],
      ['Geolocation', 'act.geolocation'],
      ['Source link', 'source.url'],
      ['Source title', 'source.title'],
      ['Tags', 'incident.tags'],
    ];
    for (const [header, field] of map) await page.getByLabel(`Attest field: ${header}`).selectOption(field);
    await page
      .getByLabel('Vocabulary values (JSON)')
      .fill('{"act.type": {"Arbitrary detention": "detention", "Extrajudicial killing": "killing"}}');
    await page.getByLabel('Import the valid rows and list the bad ones').check();
    await page.getByRole('button', { name: 'Dry run' }).click();

    const result = page.getByTestId('import-result');
    await result.getByRole('status').filter({ hasText: 'Dry run' }).waitFor();
    expect(await result.getByRole('status').textContent()).toBe(
      'Dry run: 2 of 3 rows would be imported (2 incidents, 2 acts, 3 protected persons, 1 sources). Nothing was stored.',
    );
    const preview = await page.getByTestId('import-preview').textContent();
    expect(preview).toContain('Detentions at the Argun facility');
    expect(preview).toContain('detention · 2017-03-01 – 2017-03-05 · Argun · RU · 3–5');
    // How many people, never who.
    for (const name of VICTIMS) expect(preview).not.toContain(name);
    const errors = await page.getByTestId('import-errors').textContent();
    expect(errors).toContain('4');
    expect(errors).toContain('Violation');
    expect(errors).toContain('"Beating" is not a known act type; allowed codes: killing, torture');
    expect(await count('incidents')).toBe(0);
    await page.getByTestId('import-preview').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-dry-run');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await result
      .getByRole('status')
      .filter({ hasText: /^Imported/ })
      .waitFor();
    expect(await result.getByRole('status').textContent()).toBe(
      'Imported 2 of 3 rows: 2 incidents, 2 acts, 3 protected persons, 1 sources.',
    );
    expect(await result.textContent()).toContain('1 bad rows were left out.');
    expect(await count('incidents')).toBe(2);
    expect(await count('persons')).toBe(3);
    await result.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-done');
  });

  it('has no serious accessibility violations', async () => {
    // axe is injected as an inline script, which the app's CSP rightly refuses: a scan-only context.
    const scan = await launched.browser.newContext({
      bypassCSP: true,
      storageState: await page.context().storageState(),
    });
    const scanPage = await scan.newPage();
    await scanPage.goto(`${origin}/import`);
    await scanPage.locator('main h1').first().waitFor();
    await scanPage.getByLabel('File (CSV or XLSX)').setInputFiles(join(dir, 'uwazi-export.csv'));
    await scanPage.getByTestId('import-mapping').waitFor();
    await scanPage.getByRole('button', { name: 'Dry run' }).click();
    await scanPage.getByTestId('import-result').waitFor();
    const found = (await seriousViolations(scanPage)).map(
      (v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    await scan.close();
    expect(found).toEqual([]);
  });
});
