/**
 * The web app end to end, in Debian's Chromium, against the real server on a real (PGlite) store:
 * first-run setup → paste the seed article → review → the incident with its evidence and the
 * official denials beside it → search in Portuguese → Russian interface. Then an accessibility scan
 * of every main page, a 360 px check, and proof that the page never spoke to another origin.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/factories.ts';
import { repoRoot } from '../support/paths.ts';
import { hasShared, SEED_ARTICLE, sharedText } from '../support/shared.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';
import { seriousViolations } from './axe.ts';
import { distDir, type LaunchedBrowser, type ServedWebApp, screenshot, serveWebApp } from './browser.ts';

/** Needs ../shared (the seed's own words are asserted); skipped with a notice in a bare clone. */
const seedText = sharedText(SEED_ARTICLE);
// A second, independently written report of the same arrests and of the Chechnya detentions.
const secondArticle = readFileSync(join(repoRoot, 'test/fixtures/moscow-petition-en.txt'), 'utf8');
const ADMIN = {
  organisation: 'Memorial Test',
  email: 'admin@example.org',
  password: TEST_PASSWORD,
};

describe.skipIf(!hasShared(SEED_ARTICLE))('web app in Chromium', () => {
  let store: TestStore;
  let app: ServedWebApp | undefined;
  let origin: string;
  let launched: LaunchedBrowser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const cspViolations: string[] = [];
  let sourceId = '';
  let incidentUrl = '';
  /** Pastes a report, opens its review, and checks Attest proposes the incident already recorded. */
  const captureForReview = async (report: {
    text: string;
    title?: string;
    url: string;
    published: string;
  }) => {
    await page.goto(`${origin}/capture`);
    await page.getByLabel('Text', { exact: true }).fill(report.text);
    if (report.title) await page.getByLabel('Title (optional)').fill(report.title);
    await page.getByLabel('Web address (optional)').fill(report.url);
    await page.getByLabel('Published on (optional)').fill(report.published);
    await page.getByRole('button', { name: 'Save and extract' }).click();
    await page.getByRole('link', { name: 'Review its suggestions' }).click();
    await page.getByRole('heading', { name: /^Review: / }).waitFor();
    // Attest proposes the incident that already records these acts.
    await expect
      .poll(() => page.getByLabel(/^Existing incident: Crackdown on LGBT people/).isChecked())
      .toBe(true);
  };
  const detentionIn = (place: string) =>
    page
      .locator('li.act[data-act-type="detention"]')
      .filter({ has: page.locator('.act-place', { hasText: place }) });

  beforeAll(async () => {
    store = await openTestStore('pglite');
    app = await serveWebApp(store);
    ({ origin, launched } = app);
    context = await launched.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('sets up the organisation and signs the administrator in', async () => {
    await page.goto(origin);
    await expect.poll(() => page.getByRole('heading', { name: 'Set up Attest' }).count()).toBe(1);
    await page.getByLabel('Organisation name').fill(ADMIN.organisation);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await screenshot(page, 'setup');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByTestId('recovery-key').waitFor();
    await page.getByLabel('I have written the recovery key down').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Capture a source' }).waitFor();
  });

  it('captures the seed article by pasting it', async () => {
    await page.getByLabel('Text', { exact: true }).fill(seedText);
    await page.getByLabel('Title (optional)').fill('Human Rights First: Chechnya crackdown');
    await page.getByLabel('Published on (optional)').fill('2017-05-12');
    await screenshot(page, 'capture');
    await page.getByRole('button', { name: 'Save and extract' }).click();
    const review = page.getByRole('link', { name: 'Review its suggestions' });
    await review.waitFor();
    sourceId = ((await review.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(sourceId).toMatch(/^[0-9a-f-]{36}$/);
    await review.click();
    await page.getByRole('heading', { name: /^Review: / }).waitFor();
  });

  it('shows suggestions beside the text, with their spans highlighted, and accepts them', async () => {
    const marks = page.locator('mark.mark-events');
    expect(await marks.count()).toBeGreaterThan(0);
    // The text is shown exactly as pasted, and marks cut from it at the spans' UTF-16 offsets.
    expect(await page.locator('.text-body').textContent()).toBe(seedText);
    const moscowCard = page.locator('li.suggestion').filter({ hasText: 'Moscow' }).first();
    await moscowCard.getByRole('button', { name: 'Show in text' }).click();
    const selected = (await page.locator('mark.mark-selected').allTextContents()).join('');
    expect(selected).toContain('Cinco ativistas foram presos em Moscou');
    expect(await page.locator('mark.mark-denies').count()).toBeGreaterThan(0);
    await screenshot(page, 'review');
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page
      .getByLabel('Title of the new incident')
      .fill('Crackdown on LGBT people in Chechnya and activists in Moscow');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentUrl = page.url();
  });

  it('shows the incident: 5 activists detained in Moscow, the seed as evidence, the denial beside it', async () => {
    await page.getByRole('heading', { name: 'Evidence' }).waitFor();
    const moscow = page.locator('li.act[data-act-type="detention"]').filter({ hasText: 'Moscow' });
    await expect.poll(() => moscow.count()).toBeGreaterThan(0);
    expect(await moscow.first().locator('.act-victims').textContent()).toMatch(/^5\b/);
    const summary = await page.getByTestId('evidence-summary').textContent();
    expect(summary).toMatch(/^Reported by 1 independent source; denied by [1-9]\d* official statements?\.$/);
    const assertions = page.locator('.asserts figure');
    expect(await assertions.count()).toBeGreaterThan(0);
    expect(await assertions.first().getByRole('link').textContent()).toContain('Human Rights First');
    const denials = await page.locator('.denies blockquote').allTextContents();
    expect(
      denials.some((text) => /não há provas de abusos|não há vítimas|não recebeu qualquer queixa/.test(text)),
    ).toBe(true);
    // Side by side: a group of claims holding both what is reported and what is denied.
    const contested = page.locator('.claim-group').filter({ has: page.locator('.denies figure') });
    expect(await contested.first().locator('.asserts figure').count()).toBeGreaterThan(0);
    await screenshot(page, 'incident');
    await page.evaluate(
      'window.scrollBy(0, document.querySelector(".evidence").getBoundingClientRect().top - 8)',
    );
    await screenshot(page, 'evidence');
  });

  it('finds the incident by searching in Portuguese', async () => {
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Search words').fill('ativista preso');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { name: /results?$/ }).waitFor();
    const hits = page.locator('li.hit');
    await expect.poll(() => hits.count()).toBeGreaterThan(0);
    expect(await page.locator('li.hit mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.facets').getByRole('button').count()).toBeGreaterThan(0);
    await screenshot(page, 'search');
  });

  it('switches the interface to Russian, and remembers it', async () => {
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ru');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
    await page.goto(incidentUrl);
    await page.getByRole('heading', { name: 'Доказательства' }).waitFor();
    expect(await page.getByRole('navigation').textContent()).toContain('Инциденты');
    expect(await page.locator('li.act[data-act-type="detention"] h3').first().textContent()).toBe(
      'Произвольное задержание',
    );
    await screenshot(page, 'incident-ru');
    await page.getByRole('combobox', { name: 'Язык', exact: true }).selectOption('en');
  });

  it('proposes the acts a second report shares, merges them, and counts each act once', async () => {
    await captureForReview({
      text: secondArticle,
      title: 'Police in Moscow detain activists over Chechnya petition',
      url: 'https://www.example-news.org/2017/05/moscow-activists',
      published: '2017-05-12',
    });
    expect(await page.locator('.proposed-incident').first().textContent()).toMatch(/acts? (is|are) the same/);
    const moscowCard = page.locator('li.suggestion').filter({ hasText: '5 LGBT activists' }).first();
    await expect
      .poll(() => moscowCard.getByTestId('proposed-match').textContent())
      .toMatch(
        /^Same as: Arbitrary detention, Moscow, May 11, 2017 — same type, same place, dates overlap, counts compatible/,
      );
    await page.getByRole('button', { name: 'Accept all' }).click();
    // The match is preselected; the reviewer could switch it to "A new act" or another act.
    const sameAs = moscowCard.getByLabel('Already recorded as');
    expect(await sameAs.locator('option:checked').textContent()).toMatch(/Moscow/);
    // The Novaya Gazeta report is a statement the incident already records: kept as one claim.
    const sameClaim = page
      .locator('li.suggestion')
      .filter({ hasText: 'Novaya Gazeta' })
      .getByTestId('same-record')
      .getByRole('checkbox');
    expect(await sameClaim.first().isChecked()).toBe(true);
    await screenshot(page, 'review-proposals');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForURL(incidentUrl);
    await expect
      .poll(() => page.getByTestId('evidence-summary').textContent())
      .toMatch(/^Reported by 2 independent sources; /);
    expect(await page.getByTestId('evidence-reports').textContent()).toBe('2 reports, 2 independent');
    // One act each, with both reports; the Moscow arrests counted as 5, the mass detention as 100.
    const moscow = detentionIn('Moscow');
    expect(await moscow.count()).toBe(1);
    expect(await moscow.getByTestId('act-reports').textContent()).toMatch(
      /Corroborated\s*2 reports, 2 independent/,
    );
    expect(await moscow.getByTestId('act-figure').textContent()).toMatch(/Counted: 5/);
    const mass = detentionIn('Chechnya');
    expect(await mass.count()).toBe(1);
    expect(await mass.getByTestId('act-figure').textContent()).toMatch(
      /Sources report at least 100 · Counted: 100 \(the lowest reported figure\)/,
    );
    await page.getByLabel('Change status').selectOption('corroborated');
    await page.getByRole('button', { name: 'Save status' }).click();
    await expect
      .poll(() => page.locator('.status-steps [aria-current="step"]').textContent())
      .toBe('Corroborated');
    await screenshot(page, 'incident-corroborated');
  });

  it('changes the counted figure of an act with a reason, and the map follows', async () => {
    const mass = detentionIn('Chechnya');
    await mass.getByText('Change the counted figure').click();
    await mass.getByLabel('Figure to count').fill('150');
    const save = mass.getByRole('button', { name: 'Save figure' });
    expect(await save.isDisabled()).toBe(true);
    await mass.getByLabel('Reason (required)').fill('Later lists name 150 men');
    await save.click();
    await expect
      .poll(() => mass.getByTestId('act-figure').textContent())
      .toMatch(/Counted: 150 \(chosen: Later lists name 150 men\)/);
    await mass.locator('.act-sources summary').click();
    await screenshot(page, 'act-figure');
    // In Portuguese the counts take their plural forms, zero included ("0 relatos", never "0 relato").
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('pt');
    await expect
      .poll(() => detentionIn('Moscou').or(detentionIn('Moscow')).getByTestId('act-reports').textContent())
      .toMatch(/Corroborado\s*2 relatos, 2 independentes/);
    await screenshot(page, 'incident-pt');
    await page.getByRole('combobox', { name: 'Idioma', exact: true }).selectOption('en');
    const map = (await page.evaluate(() => fetch('/api/stats/map').then((r) => r.json()))) as {
      countries: unknown[];
    };
    expect(map.countries).toEqual([expect.objectContaining({ country: 'RU', victimsMin: 158 })]);
  });

  it('records a near-copy of the seed from another publisher without counting it as independent', async () => {
    await captureForReview({
      text: seedText.replace('Na quarta-feira', 'Esta quarta-feira').replace('Em março', 'No mês de março'),
      url: 'https://mirror.example.net/2017/05/chechnya',
      published: '2017-05-13',
    });
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForURL(incidentUrl);
    const moscow = detentionIn('Moscow');
    await expect
      .poll(() => moscow.getByTestId('act-reports').textContent())
      .toMatch(/3 reports, 2 independent/);
    await moscow.locator('.act-sources summary').click();
    expect(await moscow.locator('.act-sources li[data-independent="false"]').textContent()).toMatch(
      /mirror\.example\.net.*not independent: repeats an earlier report/,
    );
    expect(await page.getByTestId('evidence-reports').textContent()).toBe('3 reports, 2 independent');
    // The copy's acts joined the recorded ones, the undated displacement included: no act twice.
    expect(await page.locator('li.act[data-act-type="displacement"]').count()).toBe(1);
    await screenshot(page, 'incident-near-copy');
  });

  it('has the timeline and the offline map', async () => {
    await page.goto(`${origin}/timeline`);
    await page.locator('.timeline rect.bar').first().waitFor();
    await screenshot(page, 'timeline');
    await page.goto(`${origin}/map`);
    await page
      .locator(
        '.world-map path.heat-0, .world-map path.heat-1, .world-map path.heat-2, .world-map path.heat-3, .world-map path.heat-4',
      )
      .first()
      .waitFor();
    expect(await page.locator('.world-map path').count()).toBeGreaterThan(150);
    await screenshot(page, 'map');
    await page.goto(`${origin}/sources/${sourceId}`);
    expect(await page.getByTestId('sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(page, 'source');
  });

  it('uploads a file chosen from disk', async () => {
    await page.goto(`${origin}/capture`);
    await page.getByLabel('Files', { exact: true }).setInputFiles({
      name: 'testimonio.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('El 3 de marzo de 2021 la policía detuvo a tres periodistas en Caracas.\n', 'utf8'),
    });
    await page.locator('.uploads').getByRole('link', { name: 'Review its suggestions' }).waitFor();
    expect(await page.locator('.uploads [role="status"]').textContent()).toMatch(/^Saved /);
  });

  it('has no serious or critical accessibility violations on the main pages', {
    timeout: 240_000,
  }, async () => {
    // axe is injected as a script tag, which the CSP rightly refuses: this context alone bypasses it.
    const state = await context.storageState();
    const scan = await launched.browser.newContext({ bypassCSP: true, storageState: state });
    scan.on('request', (request) => requests.push(request.url()));
    const scanPage = await scan.newPage();
    const incidentPath = new URL(incidentUrl).pathname;
    const paths = [
      '/capture',
      '/review',
      `/review/${sourceId}`,
      '/incidents',
      incidentPath,
      '/sources',
      `/sources/${sourceId}`,
      '/search?q=ativista+preso',
      '/timeline',
      '/map',
    ];
    const found: string[] = [];
    for (const path of paths) {
      await scanPage.goto(`${origin}${path}`);
      await scanPage.locator('main h1').first().waitFor();
      await scanPage.waitForLoadState('networkidle');
      for (const v of await seriousViolations(scanPage)) {
        found.push(
          `${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      }
    }
    // Signed out: the sign-in screen.
    const anonymous = await launched.browser.newContext({ bypassCSP: true });
    anonymous.on('request', (request) => requests.push(request.url()));
    const signIn = await anonymous.newPage();
    await signIn.goto(origin);
    await signIn.getByRole('heading', { name: 'Sign in' }).waitFor();
    for (const v of await seriousViolations(signIn)) found.push(`sign-in: ${v.impact} ${v.id} (${v.help})`);
    await anonymous.close();
    await scan.close();
    expect(found).toEqual([]);
  });

  it('works at 360 px wide without sideways scrolling', { timeout: 120_000 }, async () => {
    const state = await context.storageState();
    const phone = await launched.browser.newContext({
      viewport: { width: 360, height: 780 },
      storageState: state,
    });
    phone.on('request', (request) => requests.push(request.url()));
    const phonePage = await phone.newPage();
    for (const path of [
      new URL(incidentUrl).pathname,
      `/review/${sourceId}`,
      '/capture',
      '/search?q=ativista+preso',
    ]) {
      await phonePage.goto(`${origin}${path}`);
      await phonePage.locator('main h1').first().waitFor();
      await phonePage.waitForLoadState('networkidle');
      const width = await phonePage.evaluate('document.documentElement.scrollWidth');
      expect({ path, width }).toEqual({ path, width: 360 });
    }
    await phonePage.goto(`${origin}${new URL(incidentUrl).pathname}`);
    await phonePage.getByRole('heading', { name: 'Evidence' }).waitFor();
    await screenshot(phonePage, 'incident-360');
    await phone.close();
  });

  it('made no request outside the server origin, and broke no CSP rule', () => {
    expect(requests.length).toBeGreaterThan(10);
    const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

describe('public intake in Chromium', () => {
  let store: TestStore;
  let app: ServedWebApp | undefined;
  let origin: string;
  let launched: LaunchedBrowser;
  const requests: string[] = [];
  const cspViolations: string[] = [];
  const watch = (context: BrowserContext) => {
    context.on('request', (request) => requests.push(request.url()));
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  };

  beforeAll(async () => {
    store = await openTestStore('pglite');
    app = await serveWebApp(store);
    ({ origin, launched } = app);
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('keeps libsodium out of the main bundle, in a chunk that names no other origin', () => {
    const assets = readdirSync(join(distDir, 'assets'));
    const read = (prefix: string) =>
      readFileSync(join(distDir, 'assets', assets.find((name) => name.startsWith(prefix))!), 'utf8');
    expect(read('index-')).not.toContain('crypto_box_seal');
    const sealer = read('sealReport-');
    expect(sealer).toContain('crypto_box_seal');
    expect(sealer.match(/(?:https?|wss?):\/\/[^\s"'`]*/g) ?? []).toEqual([]);
  });

  it('takes a report without an account and lets the administrator open it', {
    timeout: 120_000,
  }, async () => {
    // Setup and the administrator's session, in their own context.
    const admin = await launched.browser.newContext();
    watch(admin);
    const adminPage = await admin.newPage();
    await adminPage.goto(origin);
    await adminPage.getByLabel('Organisation name').fill(ADMIN.organisation);
    await adminPage.getByLabel('Email').fill(ADMIN.email);
    await adminPage.getByLabel('Password').fill(ADMIN.password);
    await adminPage.getByRole('button', { name: 'Create organisation' }).click();
    await adminPage.getByLabel('I have written the recovery key down').check();
    await adminPage.getByRole('button', { name: 'Continue' }).click();
    await adminPage.getByRole('heading', { name: 'Capture a source' }).waitFor();

    // A stranger, in a fresh context without the session cookie.
    const stranger = await launched.browser.newContext();
    watch(stranger);
    const page = await stranger.newPage();
    await page.goto(origin);
    await page.getByRole('link', { name: 'Report safely without an account' }).click();
    await page.getByRole('heading', { name: 'Report safely' }).waitFor();
    await page.getByLabel('What happened').fill('Soldiers burned the clinic in Kalinovka at night.');
    await page.getByLabel('Where it happened').fill('Kalinovka');
    await page.getByLabel('When it happened').fill('Last Tuesday');
    await screenshot(page, 'report');
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await page.getByRole('heading', { name: 'Your report was received' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Not stored: your IP address');
    expect((await stranger.cookies()).map((cookie) => cookie.name)).not.toContain('attest_session');
    expect(requests.some((url) => /\/assets\/sealReport-/.test(url))).toBe(true);
    await stranger.close();

    await adminPage.getByRole('link', { name: 'Reports' }).click();
    await adminPage.getByRole('heading', { name: 'Public reports' }).waitFor();
    await adminPage.getByRole('button', { name: 'Open' }).first().click();
    await adminPage.getByText('Soldiers burned the clinic in Kalinovka at night.').waitFor();
    await screenshot(adminPage, 'intake-opened');
    await admin.close();

    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
