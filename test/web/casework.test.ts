/**
 * People and casework in Chromium against the real server on a real store: add a protected person,
 * reveal one field (audited on the server), link the person as a victim to an act of an incident (the
 * page shows the code, never the name), open an evacuation case with a task past its due date and
 * find it on the overdue list. Screenshots of each screen, and an accessibility scan.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, PASSWORD } from '../protection/fixtures.ts';
import type { TestStore } from '../support/stores.ts';
import { seriousViolations } from './axe.ts';
import { type LaunchedBrowser, type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

const ADMIN = { email: 'admin@example.org', password: PASSWORD };
const NAME = 'Ibragim Saidullaev';
const CONTACT = '+7 938 555 0123';

describe('people and casework in Chromium', () => {
  let store: TestStore;
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let launched: LaunchedBrowser;
  let context: BrowserContext;
  let page: Page;
  let personCode = '';
  let caseUrl = '';
  const incidentId = randomUUID();
  const actId = randomUUID();

  beforeAll(async () => {
    app = await organisationWebApp();
    ({ store, origin, launched } = app);
    await store.db.query(
      `insert into incidents (id, title, created_by) values ($1, 'Detentions in Argun', 'test')`,
      [incidentId],
    );
    await store.db.query(
      `insert into acts (id, incident_id, type, victims_min, victims_max) values ($1, $2, 'detention', null, null)`,
      [actId, incidentId],
    );
    context = await launched.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('signs in and adds a protected person, shown as a code', async () => {
    await page.goto(origin);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Persons' }).click();
    await page.getByRole('heading', { name: 'Protected persons' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByLabel('Contacts').fill(CONTACT);
    await page.getByLabel('Nationality').fill('RU');
    await page.getByLabel('Safety-relevant information').fill('only call through the shelter');
    await page.getByRole('button', { name: 'Save sealed record' }).click();
    const created = page.getByTestId('person-created');
    await created.waitFor();
    personCode = (/V-\d{4}/.exec((await created.textContent()) ?? '') ?? [''])[0];
    expect(personCode).toMatch(/^V-\d{4}$/);
    expect(await page.getByTestId('person-codes').textContent()).toContain(personCode);
    // The form is emptied once the record is sealed: the name is nowhere on the page.
    expect(await page.locator('body').textContent()).not.toContain(NAME);
    await page.getByLabel('Find by exact name').fill(NAME);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect.poll(() => page.getByTestId('person-matches').textContent()).toContain(personCode);
    await screenshot(page, 'persons');
  });

  it('reveals one field on demand, and the server audits that reveal', async () => {
    await page.goto(`${origin}/persons/${personCode}`);
    await page.getByRole('heading', { name: `Person ${personCode}` }).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(NAME);
    const before = (await auditRows(store.db, 'person.read')).length;
    await page.getByRole('button', { name: 'Reveal: Contacts' }).click();
    await expect.poll(() => page.locator('[data-field="contacts"] .revealed').textContent()).toBe(CONTACT);
    // Only the field asked for: the name stays hidden.
    expect(await page.locator('body').textContent()).not.toContain(NAME);
    const reads = await auditRows(store.db, 'person.read');
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toMatchObject({
      record_id: personCode,
      outcome: 'allowed',
      details: { fields: 'contacts' },
    });
    await screenshot(page, 'person-revealed');
  });

  it('links the person as a victim to an act; the incident shows the code, not the name', async () => {
    await page.goto(`${origin}/incidents/${incidentId}`);
    await page.getByRole('heading', { name: 'Who was involved' }).waitFor();
    await page.getByLabel('Person code').fill(personCode);
    await page.getByLabel('Victim status').selectOption('detained');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const list = page.getByTestId('involvement-list');
    await expect.poll(() => list.textContent()).toContain(`Victim: ${personCode} · Detained`);
    expect(await page.locator('body').textContent()).not.toContain(NAME);
    // The act had no count: it now counts its one named victim.
    expect(await page.getByRole('status').textContent()).toContain('raised to its 1 named victim');
    await expect.poll(() => page.locator('.involvement-act h3').textContent()).toContain('1 named victim');
    await expect.poll(() => page.locator('.act-victims').first().textContent()).toBe('at least 1');
    await screenshot(page, 'incident-involvement');
  });

  it('opens an evacuation case, adds a task past its due date, finds it on the overdue list', async () => {
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.getByLabel('Person codes (comma-separated)').fill(personCode);
    await page.getByLabel('Type').last().selectOption('evacuation');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    await page.getByRole('heading', { name: /^Case K-\d{4}$/ }).waitFor();
    await page.getByLabel('Task', { exact: true }).fill('Bus tickets to the border');
    await page.getByLabel('Due').fill('2020-06-01');
    await page.getByRole('button', { name: 'Add task' }).click();
    await expect.poll(() => page.getByTestId('case-tasks').textContent()).toContain('Overdue');
    await page.getByRole('button', { name: 'Move to: Assessment' }).click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('Assessment');
    await screenshot(page, 'case');
    await page.goto(`${origin}/cases?overdue=true`);
    const listed = page.getByTestId('case-list');
    await expect.poll(() => listed.textContent()).toContain('1 overdue');
    expect(await listed.getByRole('link').getAttribute('href')).toBe(new URL(caseUrl).pathname);
    await screenshot(page, 'cases-overdue');
  });

  it('speaks Russian on the case screen', async () => {
    await page.goto(caseUrl);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ru');
    await page.getByRole('heading', { name: /^Дело K-\d{4}$/ }).waitFor();
    expect(await page.getByTestId('case-tasks').textContent()).toContain('Просрочена');
    await screenshot(page, 'case-ru');
    await page.getByRole('combobox', { name: 'Язык', exact: true }).selectOption('en');
  });

  it('has no serious accessibility violations on the casework screens', async () => {
    // axe is injected as an inline script, which the app's CSP rightly refuses: a scan-only context.
    const scan = await launched.browser.newContext({
      bypassCSP: true,
      storageState: await context.storageState(),
    });
    const scanPage = await scan.newPage();
    const found: string[] = [];
    for (const path of [
      '/persons',
      `/persons/${personCode}`,
      new URL(caseUrl).pathname,
      '/cases',
      '/referrals',
    ]) {
      await scanPage.goto(`${origin}${path}`);
      await scanPage.locator('main h1').first().waitFor();
      await scanPage.waitForLoadState('networkidle');
      for (const v of await seriousViolations(scanPage))
        found.push(
          `${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    }
    await screenshot(scanPage, 'referrals');
    await scan.close();
    expect(found).toEqual([]);
  });
});
