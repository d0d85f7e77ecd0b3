/**
 * A sealed testimony in Chromium against the real server: captured with "Sensitive — seal this
 * source" (no draft kept), its page shows the Sealed badge, the compartment and the text to a member
 * (the reading audited); an analyst, who holds no compartment key, gets the sealed notice and nothing
 * of the content. Screenshots of both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../protection/fixtures.ts';
import type { TestStore } from '../support/stores.ts';
import { type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

const ANALYST = 'analyst@example.org';
const SENTENCE = 'They kept Madina in the cellar of the old cannery for nine days.';

describe('a sealed source in Chromium', () => {
  let store: TestStore;
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let signIn: OrganisationWebApp['signIn'];
  let sourceUrl = '';

  beforeAll(async () => {
    app = await organisationWebApp({ users: [{ email: ANALYST, role: 'analyst' }] });
    ({ store, origin, signIn } = app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('captures a testimony sealed and shows it to a member with the badge and compartment', async () => {
    const page = await signIn();
    await page.getByLabel('Sensitive — seal this source').first().check();
    await page
      .getByLabel('Text', { exact: true })
      .fill(`On 2 May 2025 police detained three women in Grozny.\n\n${SENTENCE}`);
    await page.getByLabel('Title (optional)').fill('Testimony of a neighbour');
    await screenshot(page, 'sealed-capture');
    await page.getByRole('button', { name: 'Save and extract' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Sealed source saved' });
    await saved.waitFor();
    expect(await saved.textContent()).toContain('C-0001');
    expect(await store.db.query('select 1 from drafts')).toEqual([]);

    const id = (await store.db.query<{ id: string }>('select id from sources'))[0]!.id;
    sourceUrl = `${origin}/sources/${id}`;
    await page.goto(sourceUrl);
    await page.getByTestId('sealed-source').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Testimony of a neighbour');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Sealed');
    expect(await page.getByTestId('sealed-source').textContent()).toContain('C-0001');
    expect(await page.locator('.text-body').textContent()).toContain(SENTENCE);
    await screenshot(page, 'sealed-source-member');
    const reads = await auditRows(store.db, 'source.readSealed');
    expect(reads.some((row) => row.record_id === id && row.outcome === 'allowed')).toBe(true);

    await page.goto(`${origin}/search?q=cannery`);
    const sealedHits = page.getByTestId('sealed-hits');
    await sealedHits.waitFor();
    expect(await sealedHits.textContent()).toContain('Testimony of a neighbour');
    await screenshot(page, 'sealed-search-member');

    await page.goto(`${origin}/sources`);
    await page.getByText('Sealed source (C-0001)').waitFor();
    await screenshot(page, 'sealed-source-list');
    await page.context().close();
  });

  it('shows a non-member the sealed notice and nothing of the content', async () => {
    const page = await signIn(ANALYST);
    await page.goto(sourceUrl);
    await page.getByTestId('sealed-notice').waitFor();
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain('Madina');
    expect(body).not.toContain('neighbour');
    await screenshot(page, 'sealed-source-non-member');
    await page.context().close();
  });
});
