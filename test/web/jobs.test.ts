/**
 * The Jobs screen in Debian's Chromium against the real server on a real (PGlite) store with its
 * in-process queue: an administrator opens it from Administration and sees this server as the working
 * process, the jobs per kind and state, and a job that failed on every attempt with its reason in
 * words; retrying it puts it back in the queue and writes a `job.retry` entry to the audit log. The
 * screen passes axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueIngest } from '../../src/services/jobs/enqueueIngest.ts';
import { inProcessQueue } from '../../src/services/jobs/inProcessQueue.ts';
import type { JobQueue } from '../../src/services/jobs/jobQueue.ts';
import type { TestStore } from '../support/stores.ts';
import { seriousViolations } from './axe.ts';
import { type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

const ADMIN_EMAIL = 'admin@example.org';
const MISSING = 'b'.repeat(64);

describe('the Jobs screen in Chromium', () => {
  let store: TestStore;
  let app: OrganisationWebApp | undefined;
  let jobs: JobQueue;
  let browser: Browser;
  let page: Page;
  let failedId: string;

  beforeAll(async () => {
    // No delay between attempts, so the failing job is out of attempts at once.
    jobs = inProcessQueue({ retryDelaySeconds: 0 });
    app = await organisationWebApp({ server: { logLevel: 'silent', jobs } });
    store = app.store;
    browser = app.launched.browser;
    const adminId = app.admin.userId;

    const done = await enqueueIngest(
      store,
      jobs,
      {
        fileName: 'report.txt',
        bytes: new TextEncoder().encode('Police detained 4 protesters in Tbilisi on 1 May 2024.'),
        capturedBy: adminId,
      },
      { maxBytes: 1_000_000 },
    );
    // An original that is not in the file store: every attempt fails, with a reason in words.
    failedId = (
      await jobs.enqueue('ingest', { sha256: MISSING, fileName: 'missing.txt', capturedBy: adminId })
    ).id;
    for (let i = 0; i < 200; i += 1) {
      const [first, second] = await Promise.all([jobs.get(done.jobId ?? ''), jobs.get(failedId)]);
      if (first?.state === 'done' && second?.state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    page = await app.signIn();
  }, 240_000);

  /** axe is injected as a script, which the CSP rightly refuses: a copy of the page in a context that bypasses it. */
  async function accessibilityProblems(from: Page): Promise<string[]> {
    const scan = await browser.newContext({
      bypassCSP: true,
      storageState: await from.context().storageState(),
    });
    try {
      const copy = await scan.newPage();
      await copy.goto(from.url());
      await copy.getByTestId('failed-jobs').waitFor();
      return (await seriousViolations(copy)).map((v) => `${v.impact} ${v.id} (${v.help})`);
    } finally {
      await scan.close();
    }
  }

  afterAll(async () => {
    await app?.close();
  });

  it('shows the working process, the counts and a failed job with its reason, and retries it (audited)', async () => {
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Background jobs' }).click();
    await page.getByRole('heading', { name: 'Background jobs', level: 1 }).waitFor();
    await page.getByText('this server runs every job itself').waitFor();

    const processes = page.getByTestId('job-processes');
    await processes.getByRole('cell', { name: String(process.pid), exact: true }).waitFor();

    const ingestRow = page.getByTestId('job-counts').getByRole('row', { name: /Ingest/ });
    // Queued, Running, Waiting to retry, Done, Failed, Cancelled.
    expect(await ingestRow.getByRole('cell').allInnerTexts()).toEqual(['0', '0', '0', '1', '1', '0']);

    const failed = page.getByTestId('failed-jobs').getByRole('row', { name: new RegExp(failedId) });
    const reason = await failed.textContent();
    expect(reason).toContain("not in this process's file store");
    expect(reason).toContain(MISSING.slice(0, 12));
    expect(await failed.getByRole('cell').nth(2).textContent()).toBe('4');
    expect(await failed.getByRole('cell').nth(3).textContent()).toBe(ADMIN_EMAIL);
    await screenshot(page, 'jobs');
    expect(await accessibilityProblems(page)).toEqual([]);

    await failed.getByRole('button', { name: 'Retry' }).click();
    expect(await page.getByRole('status').textContent()).toBe('The job is queued again.');
    const audit = await store.db.query<{ action: string; record_id: string }>(
      "select action, record_id from audit_log where action = 'job.retry'",
    );
    expect(audit).toEqual([{ action: 'job.retry', record_id: failedId }]);
  });
});
