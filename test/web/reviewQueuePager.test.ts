/**
 * The review queue's pager in Chromium against the real server, on a queue longer than the count cap:
 * it says "10,000+", Next follows the server's cursor and Previous walks back through the pages seen
 * (the same pager as the incident and source lists); a source reviewed from the second page returns
 * the reviewer to that page, which then continues with the next unreviewed source.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_COUNT_CAP } from '../../src/core/validation.ts';
import { type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

describe('the review queue pager past the count cap, in Chromium', () => {
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let page: Page;

  beforeAll(async () => {
    app = await organisationWebApp();
    origin = app.origin;
    // More unreviewed sources than the queue counts, one a minute, "Report 1" captured first.
    await app.store.db.query(
      `insert into sources (id, sha256, byte_size, media_type, file_name, title, language, text, search_config,
                            search, search_lead, captured_by, captured_at, suggestions)
       select gen_random_uuid(), encode(sha256(('queue ' || g)::bytea), 'hex'), 10, 'text/plain', 'report.txt',
              'Report ' || g, 'en', 'Nothing happened.', 'attest_en', ''::tsvector, ''::tsvector, 'tester',
              timestamptz '2024-05-01 10:00:00+00' + g * interval '1 minute',
              '{"events": [], "claims": [], "interventions": [], "pii": []}'::jsonb
         from generate_series(1, $1::int) g`,
      [LIST_COUNT_CAP + 30],
    );
    page = await app.signIn();
  });

  afterAll(async () => {
    await app?.close();
  });

  const countText = async () => ((await page.getByTestId('list-count').textContent()) ?? '').trim();
  const titles = () => page.locator('.review-queue li > a');
  const firstTitle = async () => ((await titles().first().textContent()) ?? '').trim();
  const button = (name: string) =>
    page.getByRole('navigation', { name: 'Review queue' }).getByRole('button', { name, exact: true });

  it('shows the capped total and goes forward by cursor and back through the pages seen', async () => {
    await page.goto(`${origin}/review`);
    await expect.poll(countText).toBe('1–25 of 10,000+');
    await expect.poll(firstTitle).toBe('Report 1');
    expect(await titles().count()).toBe(25);
    expect(await button('Previous').isDisabled()).toBe(true);
    await button('Next').click();
    await expect.poll(countText).toBe('26–50 of 10,000+');
    await expect.poll(firstTitle).toBe('Report 26');
    expect(page.url()).toMatch(/\/review\?after=[A-Za-z0-9_-]+$/);
    await button('Next').click();
    await expect.poll(countText).toBe('51–75 of 10,000+');
    await expect.poll(firstTitle).toBe('Report 51');
    await screenshot(page, 'review-queue-pager');
    await button('Previous').click();
    await expect.poll(countText).toBe('26–50 of 10,000+');
    await expect.poll(firstTitle).toBe('Report 26');
    await button('Previous').click();
    await expect.poll(countText).toBe('1–25 of 10,000+');
    await expect.poll(firstTitle).toBe('Report 1');
  });

  it('returns to the page a source was reviewed from, without that source', async () => {
    await page.goto(`${origin}/review`);
    await expect.poll(firstTitle).toBe('Report 1');
    await button('Next').click();
    await expect.poll(firstTitle).toBe('Report 26');
    const secondPage = page.url();
    await titles().first().click();
    await page.getByRole('heading', { name: 'Review: Report 26' }).waitFor();
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForURL(secondPage);
    await expect.poll(firstTitle).toBe('Report 27');
    expect(await titles().count()).toBe(25);
    // Like a list page opened from a link, its number is not known any more (see useCursorTrail).
    expect(await countText()).toBe('25 of 10,000+');
    await screenshot(page, 'review-queue-after-review');
    // The reviewed source left the queue; the pages before it are unchanged.
    await page.goto(`${origin}/review`);
    await expect.poll(firstTitle).toBe('Report 1');
  });
});
