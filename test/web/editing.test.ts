/**
 * Work is never lost and records stay correctable, in Chromium against the real server (PGlite):
 * capture text and review decisions survive a reload and another browser (server-side drafts); after
 * review an act's date is edited and shows in its history; two people editing the same act — the
 * second gets the conflict screen, not a silent overwrite; the incident list filters by the URL; a
 * search for the Russian word for detention finds the incident.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, SEED_ARTICLE, sharedText } from '../support/shared.ts';
import { type OrganisationWebApp, organisationWebApp, screenshot, screenshotDir } from './browser.ts';

/** Needs ../shared (the seed's own words are asserted); skipped with a notice in a bare clone. */
const seedText = sharedText(SEED_ARTICLE);

describe.skipIf(!hasShared(SEED_ARTICLE))('editing, drafts and filters in Chromium', () => {
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let signIn: OrganisationWebApp['signIn'];
  let admin: Page;
  let investigator: Page;
  let reviewUrl = '';
  let incidentUrl = '';

  const shoot = (element: Locator, name: string) =>
    element.screenshot({ path: join(screenshotDir, `${name}.png`) });

  const moscowAct = (page: Page) =>
    page.locator('li.act[data-act-type="detention"]').filter({ hasText: 'Moscow' }).first();

  beforeAll(async () => {
    app = await organisationWebApp({ users: [{ email: 'investigator@example.org', role: 'investigator' }] });
    ({ origin, signIn } = app);
    admin = await signIn();
    investigator = await signIn('investigator@example.org');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps the capture text across a reload (a server-side draft), and drops it once saved', async () => {
    await admin.getByLabel('Text', { exact: true }).fill(seedText);
    await admin.getByLabel('Title (optional)').fill('Human Rights First: Chechnya crackdown');
    await expect.poll(() => admin.getByTestId('draft-status').textContent()).toBe('Draft saved.');
    await admin.reload();
    await expect.poll(() => admin.getByLabel('Text', { exact: true }).inputValue()).toBe(seedText);
    expect(await admin.getByLabel('Title (optional)').inputValue()).toBe(
      'Human Rights First: Chechnya crackdown',
    );
    await admin.getByLabel('Published on (optional)').fill('2017-05-12');
    await admin.getByRole('button', { name: 'Save and extract' }).click();
    const review = admin.getByRole('link', { name: 'Review its suggestions' });
    await review.waitFor();
    reviewUrl = `${origin}${await review.getAttribute('href')}`;
    await admin.reload();
    await admin.getByRole('heading', { name: 'Capture a source' }).waitFor();
    expect(await admin.getByLabel('Text', { exact: true }).inputValue()).toBe('');
  });

  it('keeps review decisions across a reload and in another browser of the same user', async () => {
    await admin.goto(reviewUrl);
    await admin.getByRole('heading', { name: /^Review: / }).waitFor();
    await admin.getByRole('button', { name: 'Accept all' }).click();
    const first = admin.locator('li.suggestion').first();
    await first.getByRole('button', { name: /^Reject/ }).click();
    await admin.getByLabel('Title of the new incident').fill('Crackdown in Chechnya and Moscow');
    await expect.poll(() => admin.getByTestId('draft-status').textContent()).toBe('Draft saved.');
    const total = await admin.locator('li.suggestion').count();

    await admin.reload();
    await admin.getByRole('heading', { name: /^Review: / }).waitFor();
    await expect.poll(() => admin.locator('li.suggestion-rejected').count()).toBe(1);
    expect(await admin.locator('li.suggestion-accepted').count()).toBe(total - 1);
    expect(await admin.getByLabel('Title of the new incident').inputValue()).toBe(
      'Crackdown in Chechnya and Moscow',
    );

    // Another browser, the same account: the same decisions.
    const elsewhere = await signIn();
    await elsewhere.goto(reviewUrl);
    await expect.poll(() => elsewhere.locator('li.suggestion-rejected').count()).toBe(1);
    expect(await elsewhere.locator('li.suggestion-undecided').count()).toBe(0);
    await screenshot(elsewhere, 'review-resumed');
    await elsewhere.context().close();

    // Accept the first one too, so the Moscow detention is recorded, then save.
    await admin
      .locator('li.suggestion')
      .first()
      .getByRole('button', { name: /^Accept/ })
      .click();
    await admin.getByRole('button', { name: 'Save review' }).click();
    await admin.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentUrl = admin.url();
    const draftLeft = await admin.evaluate(
      async (url) =>
        (await fetch(`/api/drafts/${encodeURIComponent(`review:${url.split('/').pop()}`)}`)).status,
      reviewUrl,
    );
    expect(draftLeft).toBe(404);
  });

  it("edits an act's date and shows the change in its history", async () => {
    const act = moscowAct(admin);
    await act.waitFor();
    await act.getByRole('button', { name: 'Edit' }).click();
    await act.getByLabel('From', { exact: true }).fill('2017-05-12');
    await act.getByLabel('To', { exact: true }).fill('2017-05-12');
    await act.getByLabel('Reason for the change (optional)').fill('a second report gives the 12th');
    await shoot(act, 'act-edit');
    await act.getByRole('button', { name: 'Save changes' }).click();
    const history = act.locator('.history');
    await history.locator('.history-entry').first().waitFor();
    const entry = await history.locator('.history-entry').first().textContent();
    expect(entry).toContain('Version 2: changed');
    expect(entry).toContain('admin@example.org');
    expect(entry).toMatch(/From: 2017-05-11 → 2017-05-12/);
    expect(entry).toContain('Reason: a second report gives the 12th');
    await shoot(act, 'act-history');
  });

  it("edits a denial's wording and actor; the passage it quotes stays", async () => {
    const denial = admin.locator('.denies figure').first();
    const passage = await denial.locator('blockquote').textContent();
    await denial.getByRole('button', { name: 'Edit' }).click();
    await denial.getByLabel('Statement', { exact: true }).fill('No abuses took place in Chechnya.');
    await denial.getByLabel('Actor', { exact: true }).fill('Russian government');
    await denial.getByRole('button', { name: 'Save changes' }).click();
    const entry = denial.locator('.history-entry').first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('→ No abuses took place in Chechnya.');
    expect(await admin.locator('.denies figure blockquote').first().textContent()).toBe(passage);
  });

  it('shows the second of two people editing the same act a conflict screen, never overwriting', async () => {
    await investigator.goto(incidentUrl);
    const theirs = moscowAct(investigator);
    await theirs.getByRole('button', { name: 'Edit' }).click();
    await admin.reload();
    const mine = moscowAct(admin);
    await mine.getByRole('button', { name: 'Edit' }).click();
    // Both forms are open on version 2. The administrator saves first.
    await mine.getByLabel('At least', { exact: true }).fill('6');
    await mine.getByLabel('At most', { exact: true }).fill('6');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await mine.locator('.history').waitFor();

    await theirs.getByLabel('Group', { exact: true }).fill('LGBT activists');
    await theirs.getByRole('button', { name: 'Save changes' }).click();
    const conflict = investigator.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.getByRole('heading').textContent()).toBe(
      'Someone else changed this act while you were editing. Compare, then choose.',
    );
    const rows = await conflict.locator('tbody tr').allTextContents();
    expect(rows.some((row) => row.startsWith('At least') && row.includes('6') && row.includes('5'))).toBe(
      true,
    );
    await shoot(theirs, 'act-conflict');

    // Nothing was overwritten: the saved act still has the administrator's count.
    await investigator.getByRole('button', { name: 'Reload theirs' }).click();
    expect(await theirs.getByLabel('At least', { exact: true }).inputValue()).toBe('6');
    expect(await theirs.getByLabel('Group', { exact: true }).inputValue()).not.toBe('LGBT activists');
  });

  it('filters the incident list from the URL and the filter form, and creates an incident by hand', async () => {
    await admin.goto(`${origin}/incidents?type=detention&language=pt`);
    await expect.poll(() => admin.locator('.incident-list li').count()).toBe(1);
    // The type's options come with the vocabulary, which may load after the list.
    await expect.poll(() => admin.getByLabel('Type', { exact: true }).inputValue()).toBe('detention');
    await admin.getByLabel('Status', { exact: true }).selectOption('verified');
    await admin.getByRole('button', { name: 'Apply filters' }).click();
    await admin.waitForURL(/type=detention&status=verified/);
    await expect.poll(() => admin.getByText('No incidents yet.').count()).toBe(1);
    await admin.goto(`${origin}/incidents?from=2018-01-01`);
    await expect.poll(() => admin.getByText('No incidents yet.').count()).toBe(1);
    await admin.goto(`${origin}/incidents`);
    await admin.getByRole('button', { name: 'New incident' }).click();
    await admin.getByLabel('Title', { exact: true }).fill('Detentions of activists in Moscow');
    await admin.getByRole('button', { name: 'Create incident' }).click();
    await admin.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await admin.getByRole('heading', { name: 'Detentions of activists in Moscow' }).waitFor();
    const handMade = admin.url();
    // The Moscow detention is its own event: move it, with the claims about it, into the new incident.
    await admin.goto(incidentUrl);
    const act = moscowAct(admin);
    await act.getByRole('button', { name: 'Move', exact: true }).click();
    await act.getByLabel('Move to incident').selectOption({ label: 'Detentions of activists in Moscow' });
    await act.getByRole('button', { name: 'Move this act' }).click();
    await expect.poll(() => moscowAct(admin).count()).toBe(0);
    await admin.goto(handMade);
    await expect.poll(() => moscowAct(admin).count()).toBe(1);
    expect(await admin.locator('.asserts figure').count()).toBeGreaterThan(0);
    await admin.goto(`${origin}/incidents?sort=title`);
    await expect.poll(() => admin.locator('.incident-list li').count()).toBe(2);
    // Act types show with their labels once the vocabulary has loaded.
    await expect
      .poll(() => admin.locator('.incident-list li').nth(1).textContent())
      .toContain('Arbitrary detention');
    expect(await admin.locator('.incident-list li a').first().textContent()).toBe(
      'Crackdown in Chechnya and Moscow',
    );
    await screenshot(admin, 'incident-filters');
  });

  it('finds the incident by the Russian word for detention', async () => {
    const found = await admin.evaluate(async () => {
      const response = await fetch(`/api/search?q=${encodeURIComponent('задержание')}&kind=incident`);
      return ((await response.json()) as { hits: { title: string }[] }).hits.map((hit) => hit.title);
    });
    expect(found).toContain('Crackdown in Chechnya and Moscow');
  });

  it('records the reviewed source into one more incident from its page', async () => {
    const sourceId = reviewUrl.split('/').pop();
    await admin.goto(`${origin}/sources/${sourceId}`);
    await admin.getByRole('link', { name: 'Also record into another incident…' }).click();
    await admin.getByText('This source is already recorded in an incident.', { exact: false }).waitFor();
    await admin.getByRole('button', { name: 'Accept all' }).click();
    await admin.getByLabel('Title of the new incident').fill('Mass detention of men in Chechnya');
    await admin.getByRole('button', { name: 'Save review' }).click();
    await admin.waitForURL(
      (url) => /\/incidents\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== incidentUrl,
    );
    await admin.getByRole('heading', { name: 'Mass detention of men in Chechnya' }).waitFor();
    // Listed once among the incident's sources (the acts list their own sources apart).
    expect(await admin.locator(`.incident-sources a[href="/sources/${sourceId}"]`).count()).toBe(1);
  });
});
