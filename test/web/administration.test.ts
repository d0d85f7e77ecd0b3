/**
 * Administration and public reports in Debian's Chromium against the real server on a real (PGlite)
 * store: an administrator invites a user, who sets a password and enrols TOTP by reading the secret
 * (the code computed here with the same TOTP function); the administrator disables and re-enables
 * them, views the audit log and verifies it. A public report with an attachment is sent, shows as new
 * in the navigation, is triaged and converted into a source and a protected reporter; the reporter
 * checks its status with the reference code; and the data directory holds neither the reporter's
 * name and contact nor the attachment's text.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrganisation } from '../../src/services/accounts/accounts.ts';
import { encodingsOf, everyFile } from '../protection/cliHarness.ts';
import { FAST_KDF } from '../protection/fixtures.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';
import { totpCodeFor } from '../support/totpCode.ts';
import { seriousViolations } from './axe.ts';
import { type LaunchedBrowser, type ServedWebApp, screenshot, serveWebApp } from './browser.ts';

const ADMIN = { email: 'admin@example.org', password: 'correct horse battery staple' };
const INVITEE = { email: 'marina@example.org', password: 'marina picks her own passphrase' };
const REPORTER = { name: 'Ibragim Saidullaev', contact: 'ibragim.signal@example.net' };
const ATTACHMENT_TEXT = 'Handwritten list: basement of the old police station, nine names';

describe('administration and report work in Chromium', () => {
  let store: TestStore;
  let app: ServedWebApp | undefined;
  let origin: string;
  let launched: LaunchedBrowser;
  let browser: Browser;
  let admin: Page;
  const contexts: BrowserContext[] = [];
  const requests: string[] = [];
  let invitationLink = '';
  let reference = '';

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('request', (request) => requests.push(request.url()));
    contexts.push(context);
    return context.newPage();
  }
  /** axe is injected as a script, which the CSP rightly refuses: a copy of the page in a context that bypasses it. */
  async function accessibilityProblems(page: Page): Promise<string[]> {
    const scan = await browser.newContext({
      bypassCSP: true,
      storageState: await page.context().storageState(),
    });
    try {
      const copy = await scan.newPage();
      await copy.goto(page.url());
      await copy.locator('main h1').first().waitFor();
      return (await seriousViolations(copy)).map((v) => `${v.impact} ${v.id} (${v.help})`);
    } finally {
      await scan.close();
    }
  }
  async function signIn(page: Page, email: string, password: string, code?: string) {
    await page.goto(origin);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    if (code) await page.getByLabel(/code/i).fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Capture a source' }).waitFor();
  }

  beforeAll(async () => {
    store = await openTestStore('pglite');
    await initOrganisation(
      store.db,
      { name: 'Rainbow Evac', adminEmail: ADMIN.email, password: ADMIN.password },
      FAST_KDF,
    );
    app = await serveWebApp(store, { logLevel: 'silent' });
    ({ origin, launched } = app);
    browser = launched.browser;
    admin = await newPage();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await app?.close();
    await store?.close();
  });

  it('an administrator invites a user and sees the invitation link once', async () => {
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('heading', { name: 'Users' }).waitFor();
    const invite = admin.getByRole('form', { name: 'Invite a user' });
    await invite.getByLabel('Email').fill(INVITEE.email);
    await invite.getByLabel('Role').selectOption('investigator');
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    const link = admin.getByTestId('invitation').locator('code');
    await link.waitFor();
    invitationLink = (await link.textContent()) ?? '';
    expect(invitationLink).toMatch(new RegExp(`^${origin}/invitation#code=[A-Za-z0-9_-]{43}$`));
    await expect
      .poll(() => admin.locator(`tr[data-email="${INVITEE.email}"]`).textContent())
      .toContain('invited');
    await screenshot(admin, 'admin-users');
    expect(await accessibilityProblems(admin)).toEqual([]);
  });

  it('says why the server refused in the interface language, by the error code, with the server’s words apart', async () => {
    await admin.getByLabel('Language').selectOption('pt');
    const invite = admin.getByRole('form', { name: 'Convidar um usuário' });
    await invite.getByLabel('E-mail').fill(INVITEE.email);
    await invite.getByRole('button', { name: 'Criar convite' }).click();
    const alert = admin.getByRole('alert');
    await alert.waitFor();
    // The sentence is Portuguese throughout; the server's English explanation stands apart, marked as English.
    expect(await alert.locator('p').first().textContent()).toBe(
      'Isto entra em conflito com o que já está registrado.',
    );
    const detail = alert.locator('[lang="en"]');
    expect(await detail.textContent()).toContain('already exists');
    expect(await alert.textContent()).toContain('Explicação do servidor (em inglês):');
    await screenshot(admin, 'admin-error-pt');
    await admin.getByLabel('Idioma').selectOption('en');
    await admin.getByRole('heading', { name: 'Users' }).waitFor();
  });

  let invitee: Page;
  let secret = '';
  it('the invitee sets a password and enrols TOTP by reading the secret', async () => {
    invitee = await newPage();
    await invitee.goto(invitationLink);
    await invitee.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await invitee.getByLabel('New password').fill(INVITEE.password);
    await invitee.getByLabel('Repeat the password').fill(INVITEE.password);
    await screenshot(invitee, 'invitation');
    await invitee.getByRole('button', { name: 'Set password' }).click();
    await invitee.getByRole('status').filter({ hasText: 'Your password is set' }).waitFor();
    // The code left the address bar once used.
    expect(invitee.url()).toBe(`${origin}/invitation`);

    await signIn(invitee, INVITEE.email, INVITEE.password);
    await invitee.getByRole('link', { name: INVITEE.email }).click();
    await invitee.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await invitee.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    secret = (await invitee.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(invitee, 'account-totp');
    expect(await accessibilityProblems(invitee)).toEqual([]);
    await invitee.getByLabel('Code from the app').fill(totpCodeFor(secret, Date.now() / 1000 + 3600));
    await invitee.getByRole('button', { name: 'Turn on' }).click();
    await invitee.getByRole('alert').waitFor();
    await invitee.getByLabel('Code from the app').fill(totpCodeFor(secret, Date.now() / 1000));
    await invitee.getByRole('button', { name: 'Turn on' }).click();
    await invitee.getByRole('status').filter({ hasText: 'Two-factor sign-in is on.' }).waitFor();
  });

  it('the administrator disables the user (their session ends), re-enables them, and they sign in with TOTP', async () => {
    await admin.reload();
    const row = admin.locator(`tr[data-email="${INVITEE.email}"]`);
    await expect.poll(() => row.textContent()).toContain('two-factor on');
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => row.textContent()).toContain('disabled');
    // The invitee's next request finds the session gone: back to sign-in.
    await invitee.getByRole('link', { name: 'Incidents' }).click();
    await invitee.getByRole('heading', { name: 'Sign in' }).waitFor();

    await row.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => row.textContent()).toContain('active');
    // A later step than the enrolment's: each code is used once.
    await signIn(invitee, INVITEE.email, INVITEE.password, totpCodeFor(secret, Date.now() / 1000 + 30));
  });

  it('the administrator views the audit log, filters it, and verifies the chain', async () => {
    await admin.getByRole('link', { name: 'Audit log' }).click();
    await admin.getByRole('heading', { name: 'Audit log' }).waitFor();
    const rows = admin.getByTestId('audit-entries').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    await admin.getByLabel('Action').fill('user.disable');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('user.disable');
    await admin.getByRole('button', { name: 'Verify the chain' }).click();
    const verdict = admin.getByTestId('audit-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(/The chain verifies: \d+ entries\./);
    expect(await verdict.locator('code').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(admin, 'audit-log');
    expect(await accessibilityProblems(admin)).toEqual([]);
  });

  it('a public report with an attachment is sent and gets a reference code', async () => {
    const reporter = await newPage();
    await reporter.goto(`${origin}/report`);
    await reporter.getByText('Your report goes to Rainbow Evac.').waitFor();
    await reporter
      .getByLabel('What happened', { exact: true })
      .fill('Police took young men from a café on Putin Avenue on Friday night.');
    await reporter.getByLabel('Where it happened').fill('Grozny');
    await reporter.getByLabel('When it happened').fill('Friday night');
    await reporter.getByLabel('Your name (optional)').fill(REPORTER.name);
    await reporter.getByLabel('How to contact you (optional)').fill(REPORTER.contact);
    await reporter.getByLabel('Attachments (optional)').setInputFiles({
      name: 'list.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(ATTACHMENT_TEXT),
    });
    await screenshot(reporter, 'report-form');
    await reporter.getByRole('button', { name: 'Encrypt and send' }).click();
    const code = reporter.getByTestId('report-reference');
    await code.waitFor();
    reference = (await code.textContent()) ?? '';
    expect(reference).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{1,4}){6}$/);
    await screenshot(reporter, 'report-sent');

    await reporter.goto(`${origin}/report/status`);
    await reporter.getByLabel('Your reference code').fill(reference);
    await reporter.getByRole('button', { name: 'Check' }).click();
    expect(await reporter.getByTestId('report-status').textContent()).toBe('Received, not yet looked at.');
  });

  it('shows as new in the navigation, is triaged and converted into a source and a protected reporter', async () => {
    await admin.goto(`${origin}/capture`);
    const count = admin.getByTestId('new-reports');
    await expect.poll(() => count.textContent()).toBe('1 new');
    await admin.getByRole('link', { name: /Reports/ }).click();
    const card = admin.getByTestId('intake-submission').first();
    await card.getByRole('button', { name: 'Open' }).click();
    await card.getByText(REPORTER.name).waitFor();
    await card.getByRole('button', { name: 'Save list.txt' }).waitFor();
    await card.getByRole('button', { name: 'Mark triaged' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('triaged');
    await expect.poll(() => admin.getByTestId('new-reports').count()).toBe(0);
    await card.getByRole('button', { name: 'Convert into a source and a protected reporter' }).click();
    // Decoding the new source starts a sandboxed worker: allow it time. An error would show as an alert.
    await expect
      .poll(
        async () =>
          (await admin.getByRole('alert').allTextContents()).join(' ') || card.getAttribute('data-status'),
        { timeout: 60_000 },
      )
      .toBe('converted');
    expect(await card.textContent()).toMatch(/reporter recorded as V-\d{4}/);
    await screenshot(admin, 'intake-converted');
    expect(await accessibilityProblems(admin)).toEqual([]);
    await card.getByRole('link', { name: 'Open the source' }).click();
    await admin.getByText('Police took young men from a café').first().waitFor();

    const reporter = await newPage();
    await reporter.goto(`${origin}/report/status`);
    await reporter.getByLabel('Your reference code').fill(reference);
    await reporter.getByRole('button', { name: 'Check' }).click();
    expect(await reporter.getByTestId('report-status').textContent()).toBe('Being handled.');
  });

  it('fits a 360 px phone, and speaks Russian', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 780 },
      storageState: await admin.context().storageState(),
    });
    phone.on('request', (request) => requests.push(request.url()));
    contexts.push(phone);
    const page = await phone.newPage();
    for (const path of ['/admin', '/admin/audit', '/intake', '/account']) {
      await page.goto(`${origin}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect({ path, width }).toEqual({ path, width: 360 });
    }
    await admin.goto(`${origin}/admin`);
    await admin.getByLabel('Language').selectOption('ru');
    await admin.getByRole('heading', { name: 'Пользователи' }).waitFor();
    await screenshot(admin, 'admin-ru');
    await admin.getByLabel('Язык').selectOption('en');
  });

  it('leaves neither the reporter nor the attachment readable in the data directory, and speaks to no one else', async () => {
    const files = everyFile(store.dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const secret of [REPORTER.name, REPORTER.contact, ATTACHMENT_TEXT, 'Saidullaev'])
      for (const needle of encodingsOf(secret))
        expect(
          files.filter((file) => file.bytes.includes(needle)).map((file) => file.path),
          secret,
        ).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  });
});
