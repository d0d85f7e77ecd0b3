/**
 * Issue 11's "Done when", walked once in Chromium as people would, across TWO installations (two
 * servers, two data directories, each with its own store): on A an anonymous visitor sends a public
 * report with an attachment; a member sees the "new" count, triages it and converts it into a source,
 * a protected reporter and an evacuation case; adds a task with a due date, records the reporter's
 * consent to share their name and contacts with B, and seals a referral to B's organisation key with
 * only those fields. On B the package is imported as a new case whose person holds only the consented
 * fields, and accepted; back on A the status reply shows the referral accepted. Finally every byte of
 * both data directories, the downloaded packages and (PostgreSQL) a pg_dump of both databases are
 * searched for the reporter's name and contact.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/buildServer.ts';
import { initOrganisation } from '../../src/services/accounts/accounts.ts';
import { openStore, type Store } from '../../src/store/openStore.ts';
import { encodingsOf, filesContaining, pgDump } from '../protection/cliHarness.ts';
import { FAST_KDF, PASSWORD } from '../protection/fixtures.ts';
import { type Backend, backends, createPostgresDatabase, dataDirFromTemplate } from '../support/stores.ts';
import {
  buildWebIfStale,
  distDir,
  type LaunchedBrowser,
  launchChromium,
  screenshot,
  signedInPage,
} from './browser.ts';

/** Waits for what the page shows (never for a fixed time): generous, the machine may be busy. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

const ADMIN = 'admin@example.org';
const REPORTER_NAME = 'Aslan Yusupov-Dzhabrailov';
const REPORTER_CONTACT = 'aslan.safe-line@example.net';
const ATTACHMENT = 'Photo list of the men held at the Argun base, 3 pages.';

/** One installation of Attest: its own data directory, store and server. */
interface Installation {
  name: string;
  dataDir: string;
  databaseUrl: string | null;
  drop?: () => Promise<void>;
  store?: Store;
  server?: Awaited<ReturnType<typeof buildServer>>;
  origin: string;
  page?: Page;
}

async function startInstallation(installation: Installation, backend: Backend): Promise<void> {
  if (backend === 'postgres') {
    const database = await createPostgresDatabase();
    installation.databaseUrl = database.url;
    installation.drop = database.drop;
  } else await dataDirFromTemplate(installation.dataDir);
  const store = await openStore({
    dataDir: installation.dataDir,
    ...(installation.databaseUrl ? { databaseUrl: installation.databaseUrl } : {}),
  });
  installation.store = store;
  await initOrganisation(
    store.db,
    { name: installation.name, adminEmail: ADMIN, password: PASSWORD },
    FAST_KDF,
  );
  const server = await buildServer({ store, webDist: distDir, kdfParams: FAST_KDF });
  installation.server = server;
  await server.listen({ host: '127.0.0.1', port: 0 });
  installation.origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

/** Stops the server and closes the store, so every byte is on disk before anyone looks at it. */
async function stopInstallation(installation: Installation): Promise<void> {
  await installation.server?.close();
  installation.server = undefined;
  await installation.store?.close();
  installation.store = undefined;
}

describe.each(backends())('issue 11 walked in Chromium across two installations on %s', (backend) => {
  const work = mkdtempSync(join(tmpdir(), 'attest-walk-files-'));
  const a: Installation = {
    name: 'Sender Org',
    dataDir: mkdtempSync(join(tmpdir(), 'attest-walk-a-')),
    databaseUrl: null,
    origin: '',
  };
  const b: Installation = {
    name: 'Partner Org',
    dataDir: mkdtempSync(join(tmpdir(), 'attest-walk-b-')),
    databaseUrl: null,
    origin: '',
  };
  let launched: LaunchedBrowser;
  let personCode = '';
  let caseUrl = '';
  let partnerKey = '';
  let partnerFingerprint = '';
  let packagePath = '';
  let replyPath = '';
  let importedCaseCode = '';
  const shot = (page: Page, name: string) => screenshot(page, `walk11-${backend}-${name}`);
  const pageOf = (installation: Installation): Page => {
    if (!installation.page) throw new Error(`${installation.name} has no page`);
    return installation.page;
  };
  const importForm = (page: Page, label: string) =>
    page.locator('form', { has: page.getByLabel(label, { exact: true }) });
  const saved = async (download: Download, name: string): Promise<string> => {
    const path = join(work, name);
    await download.saveAs(path);
    return path;
  };

  beforeAll(async () => {
    buildWebIfStale();
    await startInstallation(a, backend);
    await startInstallation(b, backend);
    launched = await launchChromium();
    // One browser context per installation: each keeps its own session.
    for (const installation of [a, b]) {
      installation.page = await signedInPage(launched.browser, installation.origin, ADMIN, PASSWORD);
    }
  }, 300_000);

  afterAll(async () => {
    await launched?.close();
    for (const installation of [a, b]) {
      await stopInstallation(installation);
      await installation.drop?.();
      rmSync(installation.dataDir, { recursive: true, force: true });
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('takes a public report with an attachment from an anonymous visitor on A', async () => {
    const stranger = await launched.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await stranger.newPage();
    await page.goto(a.origin);
    await page.getByRole('link', { name: 'Report safely without an account' }).click();
    await page.getByRole('heading', { name: 'Report safely' }).waitFor();
    await page.getByText('Your report goes to Sender Org.').waitFor();
    await page
      .getByLabel('What happened')
      .fill('My brother was taken from our house in Argun by men in uniform and is held at the base.');
    await page.getByLabel('Where it happened').fill('Argun, Chechnya');
    await page.getByLabel('When it happened').fill('Last week, at night');
    await page.getByLabel('How to contact you (optional)').fill(REPORTER_CONTACT);
    await page.getByLabel('Your name (optional)').fill(REPORTER_NAME);
    await page.getByLabel('Attachments (optional)').setInputFiles({
      name: 'held-men.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(ATTACHMENT, 'utf8'),
    });
    await shot(page, 'report');
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await page.getByRole('heading', { name: 'Your report was received' }).waitFor();
    expect(await page.getByTestId('report-reference').textContent()).toMatch(/\S{6,}/);
    expect((await stranger.cookies()).map((cookie) => cookie.name)).not.toContain('attest_session');
    await stranger.close();
  });

  it('shows the "new" count, triages the report and converts it into a source, a reporter and an evacuation case', async () => {
    const page = pageOf(a);
    await page.reload();
    await poll(() => page.getByTestId('new-reports').textContent()).toBe('1 new');
    await page.getByRole('link', { name: /^Reports/ }).click();
    await page.getByRole('heading', { name: 'Public reports' }).waitFor();
    const card = page.getByTestId('intake-submission');
    await card.getByRole('button', { name: 'Open' }).click();
    await card.getByRole('button', { name: 'Save held-men.txt' }).waitFor();
    await card.getByRole('button', { name: 'Mark triaged' }).click();
    await poll(() => card.getAttribute('data-status')).toBe('triaged');
    await poll(() => page.getByTestId('new-reports').count()).toBe(0);
    await card.getByLabel('Case for the reporter').selectOption('evacuation');
    await shot(page, 'intake-triaged');
    await card.getByRole('button', { name: 'Convert into a source and a protected reporter' }).click();
    const outcome = page.locator('[data-status="converted"], [role="alert"]').first();
    await outcome.waitFor();
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    expect(await card.getAttribute('data-status')).toBe('converted');
    const converted = (await card.textContent()) ?? '';
    personCode = (/reporter recorded as (V-\d{4})/.exec(converted) ?? ['', ''])[1] ?? '';
    expect(personCode).toMatch(/^V-\d{4}$/);
    expect(await card.getByRole('link', { name: 'Open the source' }).count()).toBe(1);
    await shot(page, 'intake-converted');
    await card.getByRole('link', { name: 'Open the case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    await page.getByRole('heading', { name: /^Case K-\d{4}$/ }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Evacuation');
    expect(await page.locator('main').textContent()).toContain(personCode);
  });

  it('adds a task with a due date and records consent for the name and contacts only', async () => {
    const page = pageOf(a);
    await page.getByLabel('Task', { exact: true }).fill('Buy bus tickets to the border');
    await page.getByLabel('Due').fill('2031-03-15');
    await page.getByRole('button', { name: 'Add task' }).click();
    const tasks = page.getByTestId('case-tasks');
    await poll(() => tasks.textContent()).toContain('Buy bus tickets to the border');
    expect(await tasks.textContent()).not.toContain('Overdue');

    const consent = page.getByRole('group', { name: 'Fields the person agreed to share' });
    await consent.getByLabel('Name', { exact: true }).check();
    await consent.getByLabel('Contacts', { exact: true }).check();
    await page.getByLabel('With whom').fill('Partner Org');
    await page.getByRole('button', { name: 'Record consent' }).click();
    await poll(() => page.getByTestId('case-consents').textContent()).toMatch(
      new RegExp(`^${personCode} agreed on .+ to share Name, Contacts with Partner Org`),
    );
  });

  it("seals a referral to B's organisation key with only the consented fields, and downloads it", async () => {
    const partner = pageOf(b);
    await partner.getByRole('link', { name: 'Referrals' }).click();
    await partner.getByRole('heading', { name: 'Our organisation key' }).waitFor();
    partnerKey = (await partner.locator('pre.key').textContent()) ?? '';
    partnerFingerprint =
      (/Fingerprint: (.+)$/.exec((await partner.getByTestId('our-fingerprint').textContent()) ?? '') ?? [
        '',
        '',
      ])[1] ?? '';
    expect(partnerFingerprint).not.toBe('');

    const page = pageOf(a);
    await page.getByLabel(/^Partner’s key/).fill(partnerKey);
    const share = page.getByRole('group', { name: 'Fields to share (each needs consent)' });
    // Only what the person agreed to can be chosen at all.
    expect(await share.getByLabel('Birth date', { exact: true }).isDisabled()).toBe(true);
    expect(await share.getByLabel('Notes', { exact: true }).isDisabled()).toBe(true);
    await share.getByLabel('Name', { exact: true }).check();
    await share.getByLabel('Contacts', { exact: true }).check();
    await page.getByRole('button', { name: 'Seal referral' }).click();
    const made = page.getByTestId('referral-made');
    await poll(() => made.textContent()).toContain(
      `Sealed to the partner with fingerprint ${partnerFingerprint}.`,
    );
    await poll(() =>
      page.locator('[data-testid="case-referrals"] li').first().getAttribute('data-status'),
    ).toBe('sent');
    await shot(page, 'case-referred');
    const download = page.waitForEvent('download');
    await made.getByRole('button', { name: 'Download package' }).click();
    packagePath = await saved(await download, 'referral.json');
    const bytes = readFileSync(packagePath);
    for (const secret of [REPORTER_NAME, REPORTER_CONTACT])
      for (const form of encodingsOf(secret))
        expect(bytes.includes(form), `${secret} in the package`).toBe(false);
  });

  it('imports the package on B as a new case whose person holds only the consented fields, and accepts it', async () => {
    const page = pageOf(b);
    await page.getByLabel('Package file', { exact: true }).setInputFiles(packagePath);
    await importForm(page, 'Package file').getByRole('button', { name: 'Import' }).click();
    const status = page.getByRole('status');
    await poll(() => status.textContent()).toMatch(/^Opened as case K-\d{4}, sent by/);
    importedCaseCode = (/case (K-\d{4})/.exec((await status.textContent()) ?? '') ?? ['', ''])[1] ?? '';
    const listed = page.getByTestId('referral-list').locator('li');
    await poll(() => listed.count()).toBe(1);
    expect(await listed.first().textContent()).toContain('Received');
    await shot(page, 'referral-imported');

    await listed.first().getByRole('link', { name: importedCaseCode }).click();
    await page.getByRole('heading', { name: `Case ${importedCaseCode}` }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Evacuation');
    const answered = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Answer: Accepted' }).click();
    replyPath = await saved(await answered, 'reply.json');
    await poll(() => page.getByRole('status').textContent()).toBe(
      'Recorded as Accepted. Send the reply back to the partner.',
    );
    // Decided once: only closing the accepted referral is left to answer.
    await poll(() => page.getByRole('button', { name: 'Answer: Accepted' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Answer: / }).allTextContents()).toEqual([
      'Answer: Closed',
    ]);
    await shot(page, 'referral-accepted');

    // The person opened there: the consented fields, and nothing else.
    const person = page.locator('main a[href^="/persons/"]').first();
    const code = (await person.textContent()) ?? '';
    await person.click();
    await page.getByRole('heading', { name: `Person ${code}` }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(REPORTER_NAME);
    for (const [label, field, expected] of [
      ['Name', 'name', REPORTER_NAME],
      ['Contacts', 'contacts', REPORTER_CONTACT],
      ['Birth date', 'birthDate', '—'],
      ['Notes', 'note', '—'],
      ['Nationality', 'nationality', '—'],
    ] as const) {
      await page.getByRole('button', { name: `Reveal: ${label}` }).click();
      await poll(() => page.locator(`[data-field="${field}"] .revealed`).textContent()).toBe(expected);
    }
  });

  it('imports the status reply on A and shows the referral accepted', async () => {
    const page = pageOf(a);
    await page.getByRole('link', { name: 'Referrals' }).click();
    await page.getByRole('heading', { name: 'Import a status reply' }).waitFor();
    await page.getByLabel('Status reply file', { exact: true }).setInputFiles(replyPath);
    await importForm(page, 'Status reply file').getByRole('button', { name: 'Import' }).click();
    await poll(() => page.getByRole('status').textContent()).toMatch(
      /^Referral of case K-\d{4} is now: Accepted\.$/,
    );
    const listed = page.getByTestId('referral-list').locator('li');
    await poll(() => listed.first().getAttribute('data-status')).toBe('accepted');
    expect(await listed.first().textContent()).toContain(`Partner ${partnerFingerprint}`);
    await shot(page, 'referrals-accepted');
    await page.goto(caseUrl);
    await poll(() =>
      page.locator('[data-testid="case-referrals"] li').first().getAttribute('data-status'),
    ).toBe('accepted');
  });

  it("leaves the reporter's name and contact nowhere readable in either installation", async () => {
    const dumps: string[] = [];
    for (const installation of [a, b]) {
      await stopInstallation(installation);
      if (installation.databaseUrl) dumps.push(await pgDump(installation.databaseUrl));
    }
    // The search can find what is stored in clear (the organisation's name): its silence below counts.
    for (const installation of [a, b]) {
      const inFiles = filesContaining(installation.dataDir, installation.name).length > 0;
      const inDump = dumps.some((dump) => dump.includes(installation.name));
      expect(inFiles || inDump, `${installation.name} found in its own store`).toBe(true);
    }
    for (const secret of [REPORTER_NAME, REPORTER_CONTACT]) {
      for (const installation of [a, b])
        expect(filesContaining(installation.dataDir, secret), `${secret} on ${installation.name}`).toEqual(
          [],
        );
      expect(filesContaining(work, secret), `${secret} in the packages`).toEqual([]);
      for (const dump of dumps)
        for (const form of encodingsOf(secret))
          expect(dump.includes(form.toString('utf8')), `${secret} in pg_dump`).toBe(false);
    }
  });
});
