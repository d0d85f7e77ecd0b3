/**
 * The estimation page in Chromium against the real server on a real store, as an analyst: upload a
 * three-list reference file (HAV, Taiwan), see the UpSet chart with the right intersection counts,
 * count two records of one victim once by a reviewed linkage run (or not, by choice),
 * download the overlap table, run an estimate (keyboard), read the figure and its interval, save it
 * and open it again; a one-list file is refused in words; screenshots and an accessibility scan.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelPair, runLinkage } from '../../src/services/linkage/linkage.ts';
import { aUser } from '../protection/fixtures.ts';
import { seedEstimationLists, seedLinkedVictims } from '../support/estimationLists.ts';
import { repoRoot } from '../support/paths.ts';
import { seriousViolations } from './axe.ts';
import {
  type LaunchedBrowser,
  type OrganisationWebApp,
  organisationWebApp,
  screenshot,
  screenshotDir,
} from './browser.ts';

const HAV = join(repoRoot, 'test/fixtures/mse/epi_classics/HAV_Taiwan_3lists.csv');
const SHOTS = '/tmp/shots';

/** Saved beside the other browser screenshots and in /tmp/shots for review. */
async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(join(screenshotDir, `${name}.png`), join(SHOTS, `${name}.png`));
}

describe('the estimation page in Chromium', () => {
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let launched: LaunchedBrowser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attest-estimation-web-'));
    writeFileSync(join(dir, 'one-list.csv'), 'NGO,count\n1,12\n');
    app = await organisationWebApp();
    const { store, admin } = app;
    const analyst = await aUser(store.db, admin, 'analyst@example.org', 'analyst');
    await seedEstimationLists(store.db, admin);
    // Two records of Zelimkhan Bakaev (sources One and Two), matched by a reviewer.
    await seedLinkedVictims(store.db, admin);
    const { run } = await runLinkage(store.db, admin, { name: 'Victims, spring', source: 'database' });
    const pair = run.pairs[0]!;
    await labelPair(store.db, analyst, run.id, { a: pair.a, b: pair.b, decision: 'match' });
    ({ origin, launched } = app);
    page = await app.signIn('analyst@example.org');
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds lists from the database: sources chosen, their overlaps drawn', async () => {
    await page.getByRole('link', { name: 'Estimation' }).click();
    await page.getByRole('heading', { name: 'Estimate the undocumented' }).waitFor();
    const lists = page.getByTestId('database-lists');
    await lists.waitFor();
    expect(await lists.getByRole('row', { name: /NGO A report/ }).textContent()).toBe('NGO A reportSource3');
    expect(await lists.getByRole('row', { name: /ngo-a\.org/ }).textContent()).toBe('ngo-a.orgPublisher4');
    const show = page.getByRole('button', { name: 'Show overlaps' });
    expect(await show.isDisabled()).toBe(true);
    for (const name of ['NGO A report', 'Bulletin: B', 'Testimony C'])
      await page.getByLabel(`Use ${name}`).check();
    await show.click();
    const chart = page.getByTestId('upset-chart');
    await chart.waitFor();
    // P1 on all three, P2 on A and B, P3 on A, P5 on B, P4 on C: five groups of one.
    expect(await chart.getByTestId('upset-column').count()).toBe(5);
    const rows = await page
      .getByTestId('intersections')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.textContent));
    expect(rows).toEqual([
      'NGO A report1',
      'Bulletin; B1',
      'Testimony C1',
      'NGO A report ∩ Bulletin; B1',
      'NGO A report ∩ Bulletin; B ∩ Testimony C1',
    ]);
    await page.getByTestId('overlaps').scrollIntoViewIfNeeded();
    await shot(page, 'estpage-database');
  });

  it('counts two linked records of one victim as one person, by the reviewed run or not at all', async () => {
    for (const name of ['NGO A report', 'Bulletin: B', 'Testimony C'])
      await page.getByLabel(`Use ${name}`).uncheck();
    for (const name of ['Report One', 'Report Two']) await page.getByLabel(`Use ${name}`).check();
    // The reviewed run is chosen by default and said plainly: what it merged, what is left.
    const choice = page.getByLabel('Count linked records as one person');
    expect(await choice.locator('option:checked').textContent()).toMatch(/^Latest run of “Victims, spring”/);
    const summary = page.getByTestId('linkage-summary');
    expect(await summary.textContent()).toContain('Person records merged2 records into 1 person');
    expect(await summary.textContent()).toContain('Pairs still unreviewed0');
    await page.getByRole('button', { name: 'Show overlaps' }).click();
    const overlaps = page.getByTestId('overlaps');
    await overlaps.getByText('4 people are on at least one list.').waitFor();
    expect(await overlaps.getByTestId('linkage-used').textContent()).toMatch(
      /linkage run of .*\(“Victims, spring”, compartment C-\d+\): 2 linked records count as 1 person\.$/,
    );
    expect(await page.getByTestId('intersections').textContent()).toContain('Report One ∩ Report Two2');
    await page.locator('.linkage-choice').scrollIntoViewIfNeeded();
    await shot(page, 'estpage-linkage');

    await choice.selectOption('none');
    await page.getByRole('button', { name: 'Show overlaps' }).click();
    await overlaps.getByText('5 people are on at least one list.').waitFor();
    expect(await overlaps.getByTestId('linkage-used').textContent()).toBe(
      'No linkage run used: each person record counts on its own.',
    );
    expect(await page.getByTestId('intersections').textContent()).toContain('Report One ∩ Report Two1');
  });

  it('shows the overlaps of uploaded lists as an UpSet chart with the right counts', async () => {
    await page.getByLabel('Upload a lists file').check();
    await page.getByLabel('Lists file (CSV)').setInputFiles(join(dir, 'one-list.csv'));
    await page.getByText('needs at least two list columns').waitFor();

    await page.getByLabel('Lists file (CSV)').setInputFiles(HAV);
    const chart = page.getByTestId('upset-chart');
    await chart.waitFor();
    // One column per observed intersection, largest first: P alone (69), E alone (63), Q alone (55)…
    const columns = chart.getByTestId('upset-column');
    expect(await columns.count()).toBe(7);
    expect(
      await columns.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-lists'))),
    ).toEqual(['0', '2', '1', '0,1,2', '0,1', '1,2', '0,2']);
    expect(await chart.locator('.upset-count').allTextContents()).toEqual([
      '69',
      '63',
      '55',
      '28',
      '21',
      '18',
      '17',
    ]);
    const rows = await page
      .getByTestId('intersections')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.textContent));
    expect(rows).toEqual(['P69', 'E63', 'Q55', 'P ∩ Q ∩ E28', 'P ∩ Q21', 'Q ∩ E18', 'P ∩ E17']);
    expect(await page.getByTestId('list-sizes').textContent()).toContain('P135');
    expect(await page.getByTestId('overlaps').textContent()).toContain(
      '271 people are on at least one list.',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the overlap table (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('overlaps.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n').slice(0, 3)).toEqual(['P,Q,E,count', '1,0,0,69', '0,0,1,63']);
    await page.getByTestId('overlaps').scrollIntoViewIfNeeded();
    await shot(page, 'estpage-upset');
  });

  it('runs an estimate from the keyboard and shows the number and its interval', async () => {
    // The model is explained before it is chosen; the Bayesian ones are offered too.
    await page.getByText('Assumes that being on one list says nothing about being on another.').waitFor();
    expect(await page.getByRole('radio', { name: /Latent classes \(LCMCR\)/ }).isDisabled()).toBe(false);
    expect(await page.getByRole('radio', { name: /Model averaging \(dga\)/ }).isDisabled()).toBe(false);
    await page.getByRole('radio', { name: 'Independence' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Estimate', exact: true }).focus();
    await page.keyboard.press('Enter');
    const result = page.getByTestId('estimate-result');
    const headline = result.locator('.estimate-headline');
    await headline.waitFor();
    // R glm's independence estimate for these lists is 388.48 (reference_estimates_computed.csv).
    const text = (await headline.textContent()) ?? '';
    const match = /^Estimated total: 388 victims \(95% confidence interval: (\d+) to (\d+)\)\.$/.exec(text);
    expect(match, text).not.toBeNull();
    const [lower, upper] = [Number(match![1]), Number(match![2])];
    expect(lower).toBeGreaterThanOrEqual(271);
    expect(lower).toBeLessThan(388);
    expect(upper).toBeGreaterThan(388);
    expect(await result.textContent()).toContain('271 are documented on at least one list; about 117 more');
    const figures = await result.getByTestId('estimate-table').textContent();
    expect(figures).toContain('Documented271');
    expect(figures).toContain(`95% confidence interval, lower${lower}`);
    await result.getByTestId('interval-chart').waitFor();
    expect(await result.getByTestId('caveats').textContent()).toContain('Linkage errors');
    await result.scrollIntoViewIfNeeded();
    await shot(page, 'estpage-result');

    // The default: log-linear models chosen by AIC, with the table of models.
    await page.getByRole('radio', { name: 'Log-linear, chosen by AIC or BIC' }).check();
    await page.getByRole('button', { name: 'Estimate', exact: true }).click();
    await result.getByTestId('models').waitFor();
    expect(await result.getByTestId('models').textContent()).toContain('The best 8 of 8 models fitted');

    // A Bayesian model's interval is a credible interval, and says so.
    await page.getByRole('radio', { name: /Model averaging \(dga\)/ }).check();
    await page.getByRole('button', { name: 'Estimate', exact: true }).click();
    await result
      .locator('.estimate-headline')
      .getByText(/95% credible interval: \d+ to \d+/)
      .waitFor();
    expect(await result.getByTestId('estimate-table').textContent()).toContain(
      '95% credible interval, lower',
    );
  });

  it('saves the estimate and opens it again', async () => {
    await page.getByLabel('Name of this estimate').fill('HAV Taiwan, three lists');
    await page.getByRole('button', { name: 'Save the estimate' }).click();
    await page.getByText('Saved as “HAV Taiwan, three lists”.').waitFor();
    const saved = page.getByTestId('saved-estimates');
    await saved.getByRole('rowheader', { name: 'HAV Taiwan, three lists' }).waitFor();
    const headline = await page.locator('.estimate-headline').textContent();
    await page.reload();
    await page.getByRole('button', { name: 'Open “HAV Taiwan, three lists”' }).click();
    await page.getByRole('heading', { name: 'Saved estimate: HAV Taiwan, three lists' }).waitFor();
    expect(await page.locator('.estimate-headline').textContent()).toBe(headline);
    expect(await page.getByTestId('upset-column').count()).toBe(7);
    await page.getByTestId('saved-estimates').scrollIntoViewIfNeeded();
    await shot(page, 'estpage-saved');
  });

  it('has no serious accessibility violations', async () => {
    const scan = await launched.browser.newContext({
      bypassCSP: true,
      storageState: await page.context().storageState(),
    });
    const scanPage = await scan.newPage();
    await scanPage.goto(`${origin}/estimation`);
    await scanPage.getByRole('heading', { name: 'Estimate the undocumented' }).waitFor();
    await scanPage.getByLabel('Upload a lists file').check();
    await scanPage.getByLabel('Lists file (CSV)').setInputFiles(HAV);
    await scanPage.getByRole('button', { name: 'Estimate', exact: true }).click();
    await scanPage.getByTestId('estimate-result').locator('.estimate-headline').waitFor();
    const found = (await seriousViolations(scanPage)).map(
      (v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    await scan.close();
    expect(found).toEqual([]);
  });
});
