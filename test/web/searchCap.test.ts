/**
 * The search page past the count cap, in Chromium against the real server: with more matching
 * sources than one search counts, the heading says "1,000+ results" (in each interface language,
 * with the locale's digit grouping) and the facets say they cover the matches counted; below the
 * cap the count is exact and no such note shows.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_CAP } from '../../src/store/search.ts';
import { type OrganisationWebApp, organisationWebApp, screenshot, screenshotDir } from './browser.ts';

/** The heading in each interface language for SEARCH_CAP (1000) matches counted, and more. */
const AT_LEAST: Record<string, RegExp> = {
  en: /^1,000\+ results$/,
  fr: /^1\s000\+ résultats$/,
  es: /^1\.?000\+ resultados$/,
  pt: /^1\.000\+ resultados$/,
  ru: /^1\s000\+ результатов$/,
};

describe('the search page past the count cap, in Chromium', () => {
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let page: Page;

  beforeAll(async () => {
    app = await organisationWebApp();
    // One more matching source than a search counts, and three about something else.
    await app.store.db.query(
      `insert into sources (id, sha256, byte_size, media_type, file_name, title, language, text, search_config, search,
                            search_lead, captured_by, suggestions)
       select gen_random_uuid(), encode(sha256(('web cap ' || g)::bytea), 'hex'), 40, 'text/plain', 'bulk.txt',
              case when g <= $1 then 'Protesters detained ' || g else 'Flooding ' || g end, 'en',
              case when g <= $1 then 'Protesters were detained in Grozny, report ' || g else 'Rivers flooded, report ' || g end,
              'attest_en',
              case when g <= $1 then to_tsvector('attest_en', 'Protesters were detained in Grozny, report ' || g)
                   else to_tsvector('attest_en', 'Rivers flooded, report ' || g) end,
              case when g <= $1 then to_tsvector('attest_en', 'Protesters were detained') else ''::tsvector end,
              'tester', '{}'::jsonb
         from generate_series(1, $1::int + 3) g`,
      [SEARCH_CAP + 1],
    );
    ({ origin } = app);
    page = await app.signIn();
  });

  afterAll(async () => {
    await app?.close();
  });

  const shot = async (name: string) => {
    await screenshot(page, name);
    mkdirSync('/tmp/shots', { recursive: true });
    copyFileSync(join(screenshotDir, `${name}.png`), `/tmp/shots/${name}.png`);
  };

  it('says "1,000+ results" in every language, and that the facets cover the matches counted', async () => {
    for (const locale of ['en', 'fr', 'es', 'pt', 'ru']) {
      await page.evaluate(`localStorage.setItem('attest.locale', '${locale}')`);
      await page.goto(`${origin}/search?q=protesters+detained`);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${locale}`));
      const heading = page.locator('#results-heading');
      await expect.poll(async () => (await heading.textContent())?.trim() ?? '').toMatch(AT_LEAST[locale]!);
      expect(await page.locator('li.hit').count()).toBe(20);
      expect(await page.locator('.facets .hint').count()).toBe(1);
      if (locale === 'en' || locale === 'ru') await shot(`search-cap-${locale}`);
    }
    await page.evaluate("localStorage.setItem('attest.locale', 'en')");
  });

  it('counts exactly below the cap, without the note', async () => {
    await page.goto(`${origin}/search?q=rivers+flooded`);
    await page.getByRole('heading', { name: '3 results' }).waitFor();
    expect(await page.locator('.facets .hint').count()).toBe(0);
    await shot('search-cap-exact');
  });
});
