/**
 * Issue 16's statistics page in Chromium, on the seed incident: the seed reviewed into an incident
 * (through the same HTTP API the app uses), then the statistics page shows its acts and victims —
 * the detentions 105, Russia 108, each act once — in a chart and the table beside it; a second chart
 * is pinned and kept in the URL; the CSV and PNG downloads hold the figures; the public view hides
 * the small cells; the filters carry over to the incident list; on the map, an act with coordinates
 * is a mark that links to its incident. No request leaves the server's origin.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actsRepository } from '../../src/store/acts.ts';
import { hasShared, SEED_ARTICLE, sharedText } from '../support/shared.ts';
import type { TestStore } from '../support/stores.ts';
import { seriousViolations } from './axe.ts';
import { type LaunchedBrowser, type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });
const SHOTS = '/tmp/shots';

describe.skipIf(!hasShared(SEED_ARTICLE))('the statistics page in Chromium, on the seed', () => {
  let store: TestStore;
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let launched: LaunchedBrowser;
  let signIn: OrganisationWebApp['signIn'];
  let page: Page;
  let incidentId = '';
  const requests: string[] = [];
  const shot = async (target: Page, name: string) => {
    await screenshot(target, name);
    mkdirSync(SHOTS, { recursive: true });
    await target.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };
  /** The table row of one key in the chart panel `chart` (e.g. "type.acts"). */
  const row = (chart: string, label: string | RegExp) =>
    page
      .locator(`[data-chart="${chart}"] tbody tr`)
      .filter({ has: page.getByRole('rowheader', { name: label }) });

  beforeAll(async () => {
    app = await organisationWebApp({ users: [{ email: 'analyst@example.org', role: 'analyst' }] });
    ({ store, origin, launched, signIn } = app);
    page = await signIn();
    page.context().on('request', (request) => requests.push(request.url()));
    // The seed, pasted and reviewed with every suggestion accepted, as the capture and review screens do.
    incidentId = (await page.evaluate(
      `(async (text) => {
        const csrf = /(?:^|;\\s*)attest_csrf=([^;]+)/.exec(document.cookie)[1];
        const post = (url, body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) }).then((r) => r.json());
        const source = await post('/api/sources', { text, published: '2017-05-12', url: 'https://www.humanrightsfirst.org/chechnya' });
        const all = (items) => items.map((_x, index) => ({ index, decision: 'accept' }));
        const s = source.suggestions;
        const review = await post('/api/review/' + source.id, { events: all(s.events), claims: all(s.claims), interventions: all(s.interventions), incident: { mode: 'new' } });
        return review.incidentId;
      })(${JSON.stringify(sharedText(SEED_ARTICLE))})`,
    )) as string;
    expect(incidentId).toMatch(/^[0-9a-f-]{36}$/);
    // Coordinates come with imported records; here the Moscow arrests get Moscow's, as an import would.
    const acts = await actsRepository(store.db).listByIncident(incidentId);
    const moscow = acts.find((act) => act.placeName === 'Moscow');
    expect(moscow).toBeDefined();
    await actsRepository(store.db).setGeolocation(moscow!.id, {
      latitude: 55.7558,
      longitude: 37.6173,
      precision: 1,
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens from the header and shows the seed by type: a chart and its table with the same figures', async () => {
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
    const panel = page.locator('[data-chart="type.acts"]');
    await panel.getByRole('heading', { name: 'Acts by type of act' }).waitFor();
    await poll(() => row('type.acts', 'Arbitrary detention').locator('td').allTextContents()).toEqual([
      '2',
      // The Chechnya detentions are "at least 100" (no upper figure): the range stays open.
      '105 (≥ 105)',
      '0',
    ]);
    // The chart says the same: its bar for detentions, labelled with the table's figure.
    const chart = panel.getByRole('img', { name: 'Acts by type of act' });
    expect(await chart.locator('g', { hasText: 'Arbitrary detention' }).locator('title').textContent()).toBe(
      'Arbitrary detention: 2',
    );
    expect(await panel.locator('tfoot td').nth(1).textContent()).toBe('108 (≥ 108)');
    await shot(page, 'stats-by-type');
  });

  it('pins a second chart, keeps both in the URL, and counts Russia 108 victims', async () => {
    await page.getByLabel('Group by').selectOption('country');
    await page.getByLabel('Measure').selectOption('victims');
    await page.getByRole('button', { name: 'Pin chart' }).click();
    await page.waitForURL(/charts=type\.acts%2Ccountry\.victims|charts=type\.acts,country\.victims/);
    await poll(() => row('country.victims', 'Russia').locator('td').nth(1).textContent()).toBe('108 (≥ 108)');
    // The same page from its address alone: a colleague opening the link sees both charts.
    const shared = await launched.browser.newContext({ storageState: await page.context().storageState() });
    const colleague = await shared.newPage();
    await colleague.goto(page.url());
    await colleague.locator('[data-chart="country.victims"] tbody tr').first().waitFor();
    expect(await colleague.locator('[data-chart]').count()).toBe(2);
    await shared.close();
    await shot(page, 'stats-two-charts');
  });

  it('downloads a chart table as CSV and the chart as PNG, made in the browser', async () => {
    const panel = page.locator('[data-chart="country.victims"]');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('attest-victims-by-country.csv');
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe(
      '\uFEFFCountry,Acts,Victims,Victims (low),Victims (high),Acts without a figure',
    );
    expect(text).toMatch(/^Russia,\d+,108,108,/m);
    expect(text).toMatch(/^Total,\d+,108,/m);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it('hides what small figures would give away in the public view, and analysts see only it', async () => {
    await page.getByLabel('Public view: hide small numbers (for publication)').check();
    // 8 acts in 7 types cannot be shown by type without giving small figures away: withheld whole.
    await page
      .locator('[data-chart="type.acts"]')
      .getByText(/^Public view: too few acts to show by this grouping/)
      .waitFor();
    expect(await page.locator('[data-chart="type.acts"] table').count()).toBe(0);
    // Russia's 8 acts and 108 victims are above the threshold: shown.
    await poll(() => row('country.victims', 'Russia').locator('td').allTextContents()).toEqual([
      '8',
      '108 (≥ 108)',
    ]);
    expect(await page.locator('[data-chart="country.victims"]').textContent()).toContain('figures below 5');
    await shot(page, 'stats-public');
    const analyst = await signIn('analyst@example.org');
    await analyst.goto(`${origin}/statistics`);
    await analyst.getByText('Your role sees the public view only.').first().waitFor();
    await analyst.context().close();
  });

  it('carries the filters to the incident list and the map, where the Moscow mark leads to the incident', async () => {
    await page.goto(`${origin}/statistics?type=detention`);
    await poll(() => row('type.acts', 'Arbitrary detention').locator('td').first().textContent()).toBe('2');
    await page.getByRole('link', { name: 'These incidents on the map' }).click();
    await page.waitForURL(/\/map\?type=detention$/);
    const mark = page.getByRole('link', { name: /^1 act at this place — list their incidents$/ });
    await mark.waitFor();
    await shot(page, 'stats-map');
    await mark.click();
    await page.waitForURL(/\/incidents\?/);
    const listed = new URL(page.url()).searchParams;
    expect([listed.get('type'), listed.get('area')]).toEqual(['detention', '54,36,56,38']);
    await page.getByTestId('area-filter').waitFor();
    await poll(() => page.locator('.incident-list li').count()).toBe(1);
    expect(await page.locator('.incident-list a').getAttribute('href')).toBe(`/incidents/${incidentId}`);
  });

  it('has no serious accessibility violation on the statistics page and the map, and spoke to no other origin', {
    timeout: 120_000,
  }, async () => {
    const scan = await launched.browser.newContext({
      bypassCSP: true,
      storageState: await page.context().storageState(),
    });
    const scanPage = await scan.newPage();
    const found: string[] = [];
    for (const path of ['/statistics?charts=type.acts,month.victims,region.acts', '/map?cell=1']) {
      await scanPage.goto(`${origin}${path}`);
      await scanPage.locator('main h1').first().waitFor();
      await scanPage.waitForLoadState('networkidle');
      for (const v of await seriousViolations(scanPage))
        found.push(`${path}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
    await shot(scanPage, 'stats-three-charts');
    await scan.close();
    expect(found).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  });
});
