/**
 * Correcting people and involvements in Chromium against the real server on a real store: a misspelt
 * name corrected through the person's Edit form (reason kept in the sealed history, shown on demand),
 * and a victim linked to the wrong act withdrawn from the incident page, after which it no longer
 * counts. Screenshots of each screen.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { linkInvolvement } from '../../src/services/persons/involvements.ts';
import { addPerson, showPerson } from '../../src/services/persons/persons.ts';
import { involvementsRepository } from '../../src/store/involvements.ts';
import { auditRows } from '../protection/fixtures.ts';
import type { TestStore } from '../support/stores.ts';
import { seriousViolations } from './axe.ts';
import { type LaunchedBrowser, type OrganisationWebApp, organisationWebApp, screenshot } from './browser.ts';

const MISSPELT = 'Ibragim Saidulaev';
const CORRECTED = 'Ibragim Saidullaev';

describe('correcting people and involvements in Chromium', () => {
  let store: TestStore;
  let app: OrganisationWebApp | undefined;
  let origin: string;
  let launched: LaunchedBrowser;
  let page: Page;
  let admin: Actor;
  let code = '';
  const incidentId = randomUUID();
  const actId = randomUUID();

  beforeAll(async () => {
    app = await organisationWebApp();
    ({ store, admin, origin, launched } = app);
    await store.db.query(
      `insert into incidents (id, title, created_by) values ($1, 'Detentions in Argun', 'test')`,
      [incidentId],
    );
    await store.db.query(
      `insert into acts (id, incident_id, type, victims_min, victims_max) values ($1, $2, 'detention', 3, null)`,
      [actId, incidentId],
    );
    code = (await addPerson(store.db, admin, { name: MISSPELT, nationality: 'RU' })).code;
    await linkInvolvement(store.db, admin, actId, { role: 'victim', person: code, victimStatus: 'detained' });
    page = await app.signIn(undefined, undefined, { viewport: { width: 1280, height: 1000 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('corrects a misspelt name on the person page and shows the correction on demand', async () => {
    await page.goto(`${origin}/persons/${code}`);
    await page.getByRole('heading', { name: `Person ${code}` }).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(MISSPELT);
    await page.getByRole('button', { name: 'Correct', exact: true }).click();
    const form = page.getByRole('form', { name: 'Correct this person' });
    const name = form.getByLabel('Name', { exact: true });
    await expect.poll(() => name.inputValue()).toBe(MISSPELT);
    await name.fill(CORRECTED);
    await form.getByLabel('Reason for the change (optional)').fill('spelling from the passport');
    await page.getByRole('heading', { name: `Person ${code}` }).scrollIntoViewIfNeeded();
    await screenshot(page, 'person-correct');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    expect((await showPerson(store.db, admin, code)).name).toBe(CORRECTED);
    expect((await auditRows(store.db, 'person.update')).at(-1)).toMatchObject({
      record_id: code,
      details: { fields: 'name', version: 2 },
    });
    // Nothing stays on screen after the save: the corrected record is hidden again.
    expect(await page.locator('body').textContent()).not.toContain(CORRECTED);
    await page.getByRole('button', { name: 'Show corrections (audited)' }).click();
    const history = page.getByTestId(`history-${code}`);
    await expect.poll(() => history.textContent()).toContain(`Name: ${MISSPELT} → ${CORRECTED}`);
    expect(await history.textContent()).toContain('Reason: spelling from the passport');
    await screenshot(page, 'person-corrections');
  });

  it('withdraws a victim linked to the wrong act; it stays listed, struck out, and no longer counts', async () => {
    await page.goto(`${origin}/incidents/${incidentId}`);
    await page.getByRole('heading', { name: 'Who was involved' }).waitFor();
    await expect.poll(() => page.locator('.involvement-act h3').textContent()).toContain('1 named victim');
    await page.getByTestId('involvement-list').getByRole('button', { name: 'Correct' }).click();
    await page
      .getByLabel('Why is it withdrawn? (kept in its history)')
      .fill('he was detained in Shali, not Argun');
    await screenshot(page, 'involvement-correct');
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    const status = page.getByTestId('withdrawn-status');
    await expect.poll(() => status.textContent()).toContain('No named victims remain');
    expect(await status.textContent()).toContain('(3)');
    await expect.poll(() => page.locator('.involvement-act h3').textContent()).toContain('no named victims');
    await expect.poll(() => page.locator('li.withdrawn').textContent()).toContain('(withdrawn)');
    await expect
      .poll(() => page.getByTestId('involvement-list').locator('.history').textContent())
      .toContain('Version 2: withdrawn');
    // Sealed with the person, and opened for this member of the person's compartment.
    expect(await page.getByTestId('involvement-list').locator('.history').textContent()).toContain(
      'he was detained in Shali, not Argun',
    );
    expect(await involvementsRepository(store.db).namedVictims(actId)).toBe(0);
    await screenshot(page, 'involvement-withdrawn');
  });

  it('merges a second record of the same person after comparing both side by side', async () => {
    // An incident of its own, so the other tests' involvement lists stay as they were.
    const mergeIncident = randomUUID();
    const mergeAct = randomUUID();
    await store.db.query(
      `insert into incidents (id, title, created_by) values ($1, 'Detentions in Shali', 'test')`,
      [mergeIncident],
    );
    await store.db.query(`insert into acts (id, incident_id, type) values ($1, $2, 'detention')`, [
      mergeAct,
      mergeIncident,
    ]);
    const stays = (await addPerson(store.db, admin, { name: 'Khasan Umarov', birthDate: '1979-05-01' })).code;
    const goes = (await addPerson(store.db, admin, { name: 'Hasan Umarov', birthDate: '1979-05-01' })).code;
    await linkInvolvement(store.db, admin, mergeAct, { role: 'victim', person: stays });
    await linkInvolvement(store.db, admin, mergeAct, { role: 'victim', person: goes });
    expect(await involvementsRepository(store.db).namedVictims(mergeAct)).toBe(2);

    await page.goto(`${origin}/persons/${goes}`);
    await page.getByRole('button', { name: 'Merge with…' }).click();
    await page.getByLabel('Code of the record that stays (e.g. V-0001)').fill(stays);
    await page.getByRole('button', { name: 'Compare the two records (audited)' }).click();
    const compare = page.getByTestId('merge-compare');
    await expect.poll(() => compare.textContent()).toContain('Khasan Umarov');
    expect(await compare.textContent()).toContain('Hasan Umarov');
    await page
      .getByLabel('Why are they the same person? (kept in the sealed history)')
      .fill('same birth date, spelling of the first name');
    await screenshot(page, 'person-merge-compare');
    await page.getByRole('button', { name: `Merge ${goes} into ${stays}` }).click();
    const status = page.getByTestId('merged-status');
    await expect.poll(() => status.textContent()).toContain(`${goes} was merged into`);
    await screenshot(page, 'person-merged');
    // Counted once; the merged record listed nowhere; the survivor one click away.
    expect(await involvementsRepository(store.db).namedVictims(mergeAct)).toBe(1);
    await status.getByRole('link', { name: stays }).click();
    await page.getByRole('heading', { name: `Person ${stays}` }).waitFor();
    await page.goto(`${origin}/persons`);
    await page.getByRole('link', { name: stays }).waitFor();
    expect(await page.getByRole('link', { name: goes }).count()).toBe(0);
    // Its own page, visited later, points to the survivor and offers no correction.
    await page.goto(`${origin}/persons/${goes}`);
    const notice = page.getByTestId('merged-into');
    await expect.poll(() => notice.textContent()).toContain(`${goes} was merged into ${stays}`);
    expect(await page.getByRole('button', { name: 'Merge with…' }).count()).toBe(0);
  });

  it('has no serious accessibility violations in either correction form', async () => {
    // axe is injected as a script, which the app's CSP forbids: a separate context bypasses it.
    const scan = await launched.browser.newContext({
      bypassCSP: true,
      storageState: await page.context().storageState(),
    });
    const scanPage = await scan.newPage();
    await scanPage.goto(`${origin}/persons/${code}`);
    await scanPage.getByRole('button', { name: 'Correct', exact: true }).click();
    await scanPage.getByRole('form', { name: 'Correct this person' }).waitFor();
    expect(await seriousViolations(scanPage)).toEqual([]);
    const other = await addPerson(store.db, admin, { name: 'Second Person' });
    await linkInvolvement(store.db, admin, actId, { role: 'witness', person: other.code });
    await scanPage.goto(`${origin}/incidents/${incidentId}`);
    await scanPage.getByTestId('involvement-list').getByRole('button', { name: 'Correct' }).click();
    await scanPage.getByRole('form', { name: 'Correct this involvement' }).waitFor();
    expect(await seriousViolations(scanPage)).toEqual([]);
    await scan.close();
  });
});
