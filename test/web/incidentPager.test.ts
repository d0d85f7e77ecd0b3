/**
 * The incident list's pager in Chromium against the real server, on a list longer than the count
 * cap: the count says "10,000+" in each interface language (with the locale's digit grouping); Next
 * follows the server's cursor and Previous walks back through the pages seen, with the rows of each
 * page the same both ways; a page opened from a link (a cursor in the URL) cannot know its number,
 * says so and offers the first page; below the cap, a filtered list counts exactly.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_COUNT_CAP } from '../../src/core/validation.ts';
import { type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

const BRAZIL = 40;

/** "1–25 of 10,000+" in each interface language. */
const AT_LEAST: Record<string, RegExp> = {
  en: /^1–25 of 10,000\+$/,
  fr: /^1–25 sur 10\s000\+$/,
  es: /^1–25 de 10\.?000\+$/,
  pt: /^1–25 de 10\.000\+$/,
  ru: /^1–25 из 10\s000\+$/,
};

describe('the incident list pager past the count cap, in Chromium', () => {
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let page: Page;

  beforeAll(async () => {
    app = await organisationWebApp();
    origin = app.origin;
    // More incidents than the list counts, one a day, newest numbered highest; a few in Brazil.
    await app.store.db.query(
      `insert into incidents (id, title, country, date_from, created_by)
       select gen_random_uuid(), 'Incident ' || g, case when g <= $2 then 'BR' else 'RU' end,
              date '1990-01-01' + g, 'tester'
         from generate_series(1, $1::int) g`,
      [LIST_COUNT_CAP + 30, BRAZIL],
    );
    page = await app.signIn();
  });

  afterAll(async () => {
    await app?.close();
  });

  const count = () => page.getByTestId('list-count');
  const countText = async () => ((await count().textContent()) ?? '').trim();
  const firstTitle = async () =>
    ((await page.locator('.incident-list li a').first().textContent()) ?? '').trim();
  const button = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

  it('says "10,000+" in every language', async () => {
    for (const locale of ['en', 'fr', 'es', 'pt', 'ru']) {
      await page.evaluate(`localStorage.setItem('attest.locale', '${locale}')`);
      await page.goto(`${origin}/incidents`);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${locale}`));
      await expect.poll(countText).toMatch(AT_LEAST[locale]!);
    }
    await page.evaluate("localStorage.setItem('attest.locale', 'en')");
  });

  it('goes forward by cursor and back through the pages seen', async () => {
    await page.goto(`${origin}/incidents`);
    await expect.poll(firstTitle).toBe(`Incident ${LIST_COUNT_CAP + 30}`);
    expect(await button('Previous').isDisabled()).toBe(true);
    await button('Next').click();
    await expect.poll(countText).toBe('26–50 of 10,000+');
    expect(page.url()).toMatch(/[?&]after=[A-Za-z0-9_-]+/);
    expect(page.url()).not.toMatch(/Incident/);
    await expect.poll(firstTitle).toBe(`Incident ${LIST_COUNT_CAP + 5}`);
    await button('Next').click();
    await expect.poll(countText).toBe('51–75 of 10,000+');
    await expect.poll(firstTitle).toBe(`Incident ${LIST_COUNT_CAP - 20}`);
    const third = page.url();
    await button('Previous').click();
    await expect.poll(countText).toBe('26–50 of 10,000+');
    await expect.poll(firstTitle).toBe(`Incident ${LIST_COUNT_CAP + 5}`);
    await button('Previous').click();
    await expect.poll(countText).toBe('1–25 of 10,000+');
    await expect.poll(firstTitle).toBe(`Incident ${LIST_COUNT_CAP + 30}`);
    expect(await button('Previous').isDisabled()).toBe(true);

    // Opened from a link, the page's number is unknown: it says how many it shows, and goes to the first.
    await page.goto(third);
    await expect.poll(countText).toBe('25 of 10,000+');
    await expect.poll(firstTitle).toBe(`Incident ${LIST_COUNT_CAP - 20}`);
    await screenshot(page, 'incident-pager-from-link');
    await button('First page').click();
    await expect.poll(countText).toBe('1–25 of 10,000+');
  });

  it('counts exactly below the cap and ends on the last page', async () => {
    await page.goto(`${origin}/incidents?country=BR`);
    await expect.poll(countText).toBe(`1–25 of ${BRAZIL}`);
    await button('Next').click();
    await expect.poll(countText).toBe(`26–${BRAZIL} of ${BRAZIL}`);
    expect(await button('Next').isDisabled()).toBe(true);
    await screenshot(page, 'incident-pager-last');
  });
});
