/**
 * The incident page's "Dossier" button in Chromium against the real server (PGlite): an administrator
 * chooses the public level and downloads a PDF that says so and names no protected person; an analyst
 * is offered the partner level only (the export's rules); a viewer sees no button.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN, seedDossierIncident, WITNESS } from '../dossier/dossierFixture.ts';
import { pdfText } from '../support/poppler.ts';
import { type OrganisationWebApp, organisationWebApp, screenshotDir } from './browser.ts';

describe('the dossier button in Chromium', () => {
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let signIn: OrganisationWebApp['signIn'];
  let incidentId: string;

  const incidentPage = async (email: string): Promise<Page> => {
    const page = await signIn(email);
    await page.goto(`${origin}/incidents/${incidentId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  };

  beforeAll(async () => {
    app = await organisationWebApp({
      // The seeded incident's organisation is the app's.
      organisation: async (store) => {
        const seeded = await seedDossierIncident(store, GOLDEN);
        incidentId = seeded.incidentId;
        return seeded.admin;
      },
      users: [
        { email: 'analyst@example.org', role: 'analyst' },
        { email: 'viewer@example.org', role: 'viewer' },
      ],
    });
    ({ origin, signIn } = app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('downloads a public dossier that names no protected person', async () => {
    const page = await incidentPage('admin@example.org');
    await page.getByRole('button', { name: 'Dossier' }).click();
    const level = page.getByLabel('Level', { exact: true });
    expect(await level.locator('option').allTextContents()).toHaveLength(2);
    await level.selectOption('public');
    await page.locator('.dossier-panel').screenshot({ path: join(screenshotDir, 'dossier-panel.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download dossier' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^dossier-[0-9a-f]{8}-public\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(path);
    expect(text).toContain('PUBLIC LEVEL');
    expect(text).toContain(GOLDEN.denial);
    expect(text).not.toContain(WITNESS);
    await page.context().close();
  });

  it('offers an analyst the partner level only, and a viewer no dossier', async () => {
    const analyst = await incidentPage('analyst@example.org');
    await analyst.getByRole('button', { name: 'Dossier' }).click();
    expect(await analyst.getByLabel('Level', { exact: true }).locator('option').allTextContents()).toEqual([
      'Partner — texts as recorded, with the hashes of the originals',
    ]);
    await analyst.context().close();
    const viewer = await incidentPage('viewer@example.org');
    expect(await viewer.getByRole('button', { name: 'Dossier' }).count()).toBe(0);
    await viewer.context().close();
  });
});
