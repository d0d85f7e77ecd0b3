/**
 * Issue 10's "Done when", walked once in Chromium as users would, against the real server on a real
 * (PGlite) store: the seed and a second, independently written article reviewed into one incident
 * (Attest's "same as" proposals accepted); the Moscow arrests one act with two independent sources and
 * five victims; the mass detention one act counting its most conservative figure; the statistics
 * counting Russia's detention victims once; an act's date edited and shown in its history; two people
 * saving the same act — the second sees the conflict screen; a reload in the middle of a third review
 * keeps the decisions; a near-copy of the seed from another publisher is not counted as independent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.ts';
import { hasShared, SEED_ARTICLE, sharedText } from '../support/shared.ts';
import { type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

/** Waits for what the page shows (never for a fixed time): generous, the machine may be busy. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

const seedText = sharedText(SEED_ARTICLE);
const secondArticle = readFileSync(join(repoRoot, 'test/fixtures/moscow-petition-en.txt'), 'utf8');
const INCIDENT_TITLE = 'Crackdown on LGBT people in Chechnya and activists in Moscow';

interface CountryFigures {
  countries: { country: string; acts: number; victimsMin: number }[];
}

describe.skipIf(!hasShared(SEED_ARTICLE))('issue 10 walked in Chromium: corroborate and correct', () => {
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let admin: Page;
  let investigator: Page;
  let incidentUrl = '';
  let actsBeforeCopy = 0;
  let actsAfterSeed = 0;
  let russiaAfterSeed: CountryFigures['countries'][number] | undefined;

  /** Pastes a text on the capture screen and opens the review of what was extracted from it. */
  async function captureAndOpenReview(
    page: Page,
    fields: { text: string; title?: string; url?: string; published: string },
  ): Promise<void> {
    await page.goto(`${origin}/capture`);
    await page.getByRole('heading', { name: 'Capture a source' }).waitFor();
    await page.getByLabel('Text', { exact: true }).fill(fields.text);
    if (fields.title) await page.getByLabel('Title (optional)').fill(fields.title);
    if (fields.url) await page.getByLabel('Web address (optional)').fill(fields.url);
    await page.getByLabel('Published on (optional)').fill(fields.published);
    await page.getByRole('button', { name: 'Save and extract' }).click();
    await page.getByRole('link', { name: 'Review its suggestions' }).click();
    await page.getByRole('heading', { name: /^Review: / }).waitFor();
  }

  /**
   * Confirms every act Attest proposes: confident proposals ("Same as: TYPE, PLACE…") come
   * preselected; the others ("Possibly the same as…", e.g. no dates to compare) wait for the reviewer,
   * who picks the proposed act.
   */
  async function confirmProposedActs(page: Page): Promise<void> {
    for (const card of await page.locator('li.suggestion').all()) {
      const proposed = card.getByTestId('proposed-match');
      if ((await proposed.count()) === 0) continue;
      const chooser = card.getByLabel('Already recorded as');
      if ((await chooser.count()) === 0 || (await chooser.inputValue()) !== '') continue;
      const match =
        /^(?:Same as|Possibly the same as): (.+?) — /.exec((await proposed.textContent()) ?? '')?.[1] ?? '';
      const [type, place] = match.split(', ');
      const labels = (await chooser.locator('option').allTextContents()).filter((label) =>
        label.startsWith(`${type} · ${place}`),
      );
      expect(labels, `one recorded act for "${match}"`).toHaveLength(1);
      await chooser.selectOption({ label: labels[0] ?? '' });
    }
  }

  const detentionIn = (page: Page, place: string): Locator =>
    page
      .locator('li.act[data-act-type="detention"]')
      .filter({ has: page.locator('.act-place', { hasText: place }) });

  /** Russia's detention acts and victims as the map's statistics count them. */
  const russianDetentions = (page: Page) =>
    page.evaluate(async () => {
      const figures = (await (await fetch('/api/stats/map?type=detention')).json()) as CountryFigures;
      return figures.countries.find((row) => row.country === 'RU');
    });

  beforeAll(async () => {
    app = await organisationWebApp({ users: [{ email: 'investigator@example.org', role: 'investigator' }] });
    ({ origin } = app);
    admin = await app.signIn();
    investigator = await app.signIn('investigator@example.org');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reviews the pasted seed into a new incident', async () => {
    await captureAndOpenReview(admin, {
      text: seedText,
      title: 'Human Rights First: Chechnya crackdown',
      published: '2017-05-12',
    });
    await admin.getByRole('button', { name: 'Accept all' }).click();
    await admin.getByLabel('Title of the new incident').fill(INCIDENT_TITLE);
    await admin.getByRole('button', { name: 'Save review' }).click();
    await admin.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentUrl = admin.url();
    await poll(() => detentionIn(admin, 'Moscow').count()).toBe(1);
    expect(await admin.getByTestId('evidence-reports').textContent()).toBe('1 report, 1 independent');
    russiaAfterSeed = await russianDetentions(admin);
    actsAfterSeed = await admin.locator('li.act').count();
    expect(russiaAfterSeed).toMatchObject({ country: 'RU' });
    await screenshot(admin, 'walk10-seed-incident');
  });

  it('reviews a second, independent article into the same incident, accepting the proposed matches', async () => {
    await captureAndOpenReview(admin, {
      text: secondArticle,
      title: 'Police in Moscow detain activists over Chechnya petition',
      url: 'https://www.example-news.org/2017/05/moscow-activists',
      published: '2017-05-12',
    });
    await poll(() =>
      admin.getByLabel(`Existing incident: ${INCIDENT_TITLE}`, { exact: false }).isChecked(),
    ).toBe(true);
    const moscowCard = admin.locator('li.suggestion').filter({ hasText: '5 LGBT activists' }).first();
    await poll(() => moscowCard.getByTestId('proposed-match').textContent()).toMatch(
      /^Same as: Arbitrary detention, Moscow, May 11, 2017 — /,
    );
    const massCard = admin.locator('li.suggestion').filter({ hasText: '100 men' }).first();
    await poll(() => massCard.getByTestId('proposed-match').textContent()).toMatch(
      /^(Same as|Possibly the same as): /,
    );
    await admin.getByRole('button', { name: 'Accept all' }).click();
    await confirmProposedActs(admin);
    expect(
      await moscowCard.getByLabel('Already recorded as').locator('option:checked').textContent(),
    ).toMatch(/Moscow/);
    await screenshot(admin, 'walk10-second-review');
    await admin.getByRole('button', { name: 'Save review' }).click();
    await admin.waitForURL(incidentUrl);
    await poll(() => admin.getByTestId('evidence-reports').textContent()).toBe('2 reports, 2 independent');
    // Every act the article reports was already recorded: confirmed as the same, none added.
    expect(await admin.locator('li.act').count()).toBe(actsAfterSeed);
  });

  it('shows the Moscow arrests as one act with two independent sources and five victims', async () => {
    const moscow = detentionIn(admin, 'Moscow');
    expect(await moscow.count()).toBe(1);
    expect(await moscow.getByTestId('act-reports').textContent()).toMatch(
      /Corroborated\s*2 reports, 2 independent/,
    );
    expect(await moscow.locator('.act-victims').textContent()).toMatch(/^5\b/);
    expect(await moscow.getByTestId('act-figure').textContent()).toMatch(/Counted: 5\b/);
    await moscow.locator('.act-sources summary').click();
    const sources = moscow.locator('.act-sources li');
    expect(await sources.count()).toBe(2);
    expect(await moscow.locator('.act-sources li[data-independent="false"]').count()).toBe(0);
    await moscow.screenshot({ path: join(repoRoot, 'test/web/screenshots/walk10-moscow-act.png') });
  });

  it('shows the mass detention as one act counting the most conservative reported figure', async () => {
    const mass = detentionIn(admin, 'Chechnya');
    expect(await mass.count()).toBe(1);
    const figure = (await mass.getByTestId('act-figure').textContent()) ?? '';
    // Both reports give "more than"/"at least" 100: the range's low end is what is counted.
    const reported = /Sources report (?:at least )?(\d+)/.exec(figure);
    const counted = /Counted: (\d+) \(the lowest reported figure\)/.exec(figure);
    expect(reported?.[1]).toBe('100');
    expect(counted?.[1]).toBe(reported?.[1]);
    expect(await mass.getByTestId('act-reports').textContent()).toMatch(/2 reports, 2 independent/);
    await mass.screenshot({ path: join(repoRoot, 'test/web/screenshots/walk10-mass-act.png') });
  });

  it("counts Russia's detention victims once in the statistics", async () => {
    const russia = await russianDetentions(admin);
    // The second report merged into the same acts: no act and no victim was added.
    expect(russia).toEqual(russiaAfterSeed);
    // Five in Moscow plus the hundred in Chechnya, each act counted once with its chosen figure.
    expect(russia?.victimsMin).toBe(105);
    await admin.goto(`${origin}/map`);
    await admin.locator('.world-map path').first().waitFor();
    await screenshot(admin, 'walk10-map');
  });

  it("edits the Moscow act's date and shows the change in its history", async () => {
    await admin.goto(incidentUrl);
    const act = detentionIn(admin, 'Moscow');
    await act.getByRole('button', { name: 'Edit' }).click();
    // Held into the next day: the act now spans 11–12 May, still the arrests both reports describe.
    await act.getByLabel('To', { exact: true }).fill('2017-05-12');
    await act.getByLabel('Reason for the change (optional)').fill('released on the 12th, says the lawyer');
    await act.getByRole('button', { name: 'Save changes' }).click();
    const entry = act.locator('.history .history-entry').first();
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain('admin@example.org');
    expect(text).toMatch(/To: 2017-05-11 → 2017-05-12/);
    expect(text).toContain('Reason: released on the 12th, says the lawyer');
    await act.screenshot({ path: join(repoRoot, 'test/web/screenshots/walk10-act-history.png') });
  });

  it('shows the second of two people saving the same act the conflict screen (409)', async () => {
    await investigator.goto(incidentUrl);
    const theirs = detentionIn(investigator, 'Moscow');
    await theirs.getByRole('button', { name: 'Edit' }).click();
    await admin.reload();
    const mine = detentionIn(admin, 'Moscow');
    await mine.getByRole('button', { name: 'Edit' }).click();
    await mine.getByLabel('Group', { exact: true }).fill('LGBT activists');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await mine.locator('.history').waitFor();

    const conflictStatus = investigator.waitForResponse(
      (response) => response.request().method() !== 'GET' && /\/api\/acts\//.test(response.url()),
    );
    await theirs.getByLabel('Group', { exact: true }).fill('petition carriers');
    await theirs.getByRole('button', { name: 'Save changes' }).click();
    expect((await conflictStatus).status()).toBe(409);
    const conflict = investigator.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.getByRole('heading').textContent()).toBe(
      'Someone else changed this act while you were editing. Compare, then choose.',
    );
    await theirs.screenshot({ path: join(repoRoot, 'test/web/screenshots/walk10-conflict.png') });
    await investigator.getByRole('button', { name: 'Reload theirs' }).click();
    expect(await theirs.getByLabel('Group', { exact: true }).inputValue()).toBe('LGBT activists');
  });

  it('keeps the decisions of a half-done review of a third source across a reload', async () => {
    await admin.goto(incidentUrl);
    await admin.locator('li.act').first().waitFor();
    actsBeforeCopy = await admin.locator('li.act').count();
    const copy = seedText
      .replace('Na quarta-feira', 'Esta quarta-feira')
      .replace('Em março', 'No mês de março');
    await captureAndOpenReview(admin, {
      text: copy,
      url: 'https://mirror.example.net/2017/05/chechnya',
      published: '2017-05-13',
    });
    await poll(() =>
      admin.getByLabel(`Existing incident: ${INCIDENT_TITLE}`, { exact: false }).isChecked(),
    ).toBe(true);
    // The edited act (11–12 May) is still proposed for the copy's Moscow arrests.
    await poll(() =>
      admin
        .locator('li.suggestion')
        .filter({ hasText: /Mosco[uw]/ })
        .first()
        .getByTestId('proposed-match')
        .textContent(),
    ).toMatch(/^Same as: Arbitrary detention, Moscow, /);
    const total = await admin.locator('li.suggestion').count();
    expect(total).toBeGreaterThan(2);
    // Half the work: the first two accepted, the rest still undecided.
    for (const index of [0, 1])
      await admin
        .locator('li.suggestion')
        .nth(index)
        .getByRole('button', { name: /^Accept/ })
        .click();
    await poll(() => admin.getByTestId('draft-status').textContent()).toBe('Draft saved.');
    await admin.reload();
    await admin.getByRole('heading', { name: /^Review: / }).waitFor();
    await poll(() => admin.locator('li.suggestion-accepted').count()).toBe(2);
    expect(await admin.locator('li.suggestion-undecided').count()).toBe(total - 2);
    await screenshot(admin, 'walk10-review-resumed');
  });

  it('does not count the near-copy of the seed from another publisher as independent', async () => {
    await admin.getByRole('button', { name: 'Accept all' }).click();
    await confirmProposedActs(admin);
    await screenshot(admin, 'walk10-copy-review');
    await admin.getByRole('button', { name: 'Save review' }).click();
    await admin.waitForURL(incidentUrl);
    const moscow = detentionIn(admin, 'Moscow');
    await poll(() => moscow.getByTestId('act-reports').textContent()).toMatch(/3 reports, 2 independent/);
    expect(await admin.getByTestId('evidence-reports').textContent()).toBe('3 reports, 2 independent');
    await moscow.locator('.act-sources summary').click();
    expect(await moscow.locator('.act-sources li[data-independent="false"]').textContent()).toMatch(
      /mirror\.example\.net.*not independent: repeats an earlier report/,
    );
    // A copy reports nothing new: no act was added, the Moscow arrests still one act counted once.
    expect(await admin.locator('li.act').count()).toBe(actsBeforeCopy);
    expect(await detentionIn(admin, 'Moscow').count()).toBe(1);
    expect(await russianDetentions(admin)).toEqual(russiaAfterSeed);
    await screenshot(admin, 'walk10-near-copy');
  });
});
