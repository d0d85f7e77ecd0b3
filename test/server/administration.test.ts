/**
 * Administration and public reports as work, over HTTP on both stores: invitations (the invitee's
 * keys open the organisation's records), disabling ends sessions, an administrator's password reset
 * and the recovery key re-wrap keys, TOTP turns on only after a valid code, the audit log viewer and
 * its verification, compartments by membership; a report's statuses, its conversion into a source and
 * a protected reporter (nothing of the reporter in clear), and the reporter's coarse status check.
 */
import sodium from 'libsodium-wrappers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrganisation } from '../../src/services/accounts/accounts.ts';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { authenticate } from '../../src/services/accounts/login.ts';
import { showPerson } from '../../src/services/persons/persons.ts';
import { encodingsOf, everyFile, pgDump } from '../protection/cliHarness.ts';
import { auditRows } from '../protection/fixtures.ts';
import { backends } from '../support/stores.ts';
import { totpCodeFor } from '../support/totpCode.ts';
import { LIGHT_KDF, PASSWORD, signInEveryRole, startApi, type TestApi } from './support.ts';

const REPORTER = { name: 'Zelimkhan Dudayev', contact: 'zelim.reporter@example.net' };
const ATTACHMENT_TEXT = 'Detention list page 3: cell 14 holds eleven men';

describe.each(backends())('administration and report work on %s', (backend) => {
  let api: TestApi;
  let recoveryKey = '';
  beforeAll(async () => {
    api = await startApi(backend, { users: false });
    const init = await initOrganisation(
      api.store.db,
      { name: 'Rainbow Evac', adminEmail: 'administrator@example.org', password: PASSWORD },
      LIGHT_KDF,
    );
    recoveryKey = init.recoveryKey;
    await signInEveryRole(api.store, api.tokens);
  });
  afterAll(async () => api?.close());

  const signInAs = (email: string, password: string, totpCode?: string) =>
    api.as(null, { method: 'POST', url: '/api/session', payload: { email, password, totp: totpCode } });
  const sessionOf = (response: { cookies: Array<{ name: string; value: string }> }) =>
    response.cookies.find((cookie) => cookie.name === 'attest_session')!.value;

  it('invites a user who sets their own password and can then read protected records', async () => {
    const invited = await api.as('administrator', {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'Nadia@Example.org', role: 'investigator' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const invitation = invited.json();
    expect(invitation).toMatchObject({ email: 'nadia@example.org', role: 'investigator' });
    // Before accepting, the account cannot sign in, whatever the password.
    expect((await signInAs('nadia@example.org', PASSWORD)).statusCode).toBe(401);
    const list = (await api.as('administrator', { method: 'GET', url: '/api/users' })).json().items;
    expect(list.find((user: { email: string }) => user.email === 'nadia@example.org')).toMatchObject({
      invited: true,
      disabled: false,
    });

    const wrong = await api.as(null, {
      method: 'POST',
      url: '/api/invitation',
      payload: { code: `${invitation.invitation.slice(0, -3)}AAA`, password: PASSWORD },
    });
    expect(wrong.statusCode).toBe(401);
    const accepted = await api.as(null, {
      method: 'POST',
      url: '/api/invitation',
      payload: { code: invitation.invitation, password: 'nadia chooses her own passphrase' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const again = await api.as(null, {
      method: 'POST',
      url: '/api/invitation',
      payload: { code: invitation.invitation, password: 'someone else tries it again' },
    });
    expect(again.statusCode).toBe(401);

    // The keys sealed at invitation open the organisation compartment under the new password.
    const nadia = await authenticate(api.store.db, {
      email: 'nadia@example.org',
      password: 'nadia chooses her own passphrase',
    });
    try {
      const admin = await authenticate(api.store.db, {
        email: 'administrator@example.org',
        password: PASSWORD,
      });
      const { addPerson } = await import('../../src/services/persons/persons.ts');
      const person = await addPerson(api.store.db, admin, { name: 'Aslan Test' });
      releaseActor(admin);
      expect((await showPerson(api.store.db, nadia, person.code)).name).toBe('Aslan Test');
    } finally {
      releaseActor(nadia);
    }
    expect((await auditRows(api.store.db, 'user.acceptInvitation')).length).toBe(1);
  });

  it('disables a user (their session ends at once) and enables them again', async () => {
    const session = await api.as('viewer', { method: 'GET', url: '/api/session' });
    expect(session.statusCode).toBe(200);
    const viewerId = session.json().user.id;
    const off = await api.as('administrator', { method: 'POST', url: `/api/users/${viewerId}/disable` });
    expect(off.json()).toMatchObject({ disabled: true });
    expect((await api.as('viewer', { method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    expect((await signInAs('viewer@example.org', PASSWORD)).statusCode).toBe(401);
    const on = await api.as('administrator', { method: 'POST', url: `/api/users/${viewerId}/enable` });
    expect(on.json()).toMatchObject({ disabled: false });
    const back = await signInAs('viewer@example.org', PASSWORD);
    expect(back.statusCode).toBe(200);
    api.tokens.viewer = sessionOf(back);
    const self = (await api.as('administrator', { method: 'GET', url: '/api/session' })).json().user.id;
    const refused = await api.as('administrator', { method: 'POST', url: `/api/users/${self}/disable` });
    expect(refused.statusCode).toBe(400);
    const actions = (await auditRows(api.store.db)).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('resets a password by administrator (new invitation, keys re-sealed) and with the recovery key', async () => {
    const users = (await api.as('administrator', { method: 'GET', url: '/api/users' })).json().items;
    const caseworker = users.find((user: { email: string }) => user.email === 'caseworker@example.org');
    const reset = await api.as('administrator', {
      method: 'POST',
      url: `/api/users/${caseworker.id}/reset-password`,
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await api.as('caseworker', { method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    expect((await signInAs('caseworker@example.org', PASSWORD)).statusCode).toBe(401);
    await api.as(null, {
      method: 'POST',
      url: '/api/invitation',
      payload: { code: reset.json().invitation, password: 'a brand new caseworker passphrase' },
    });
    const admin = await authenticate(api.store.db, {
      email: 'administrator@example.org',
      password: PASSWORD,
    });
    const { addPerson } = await import('../../src/services/persons/persons.ts');
    const person = await addPerson(api.store.db, admin, { name: 'After Reset' });
    releaseActor(admin);
    const worker = await authenticate(api.store.db, {
      email: 'caseworker@example.org',
      password: 'a brand new caseworker passphrase',
    });
    try {
      expect((await showPerson(api.store.db, worker, person.code)).name).toBe('After Reset');
    } finally {
      releaseActor(worker);
    }
    api.tokens.caseworker = sessionOf(
      await signInAs('caseworker@example.org', 'a brand new caseworker passphrase'),
    );

    const wrongKey = await api.as(null, {
      method: 'POST',
      url: '/api/recovery',
      payload: { email: 'investigator@example.org', recoveryKey: 'AAAA-BBBB-CCCC-DDDD', password: PASSWORD },
    });
    expect([400, 401]).toContain(wrongKey.statusCode);
    const recovered = await api.as(null, {
      method: 'POST',
      url: '/api/recovery',
      payload: {
        email: 'investigator@example.org',
        recoveryKey,
        password: 'recovered investigator passphrase',
      },
    });
    expect(recovered.statusCode, recovered.body).toBe(204);
    const back = await signInAs('investigator@example.org', 'recovered investigator passphrase');
    expect(back.statusCode).toBe(200);
    api.tokens.investigator = sessionOf(back);
  });

  it('turns TOTP on only after a valid code, then asks for it at sign-in', async () => {
    const started = await api.as('analyst', { method: 'POST', url: '/api/me/totp' });
    expect(started.statusCode).toBe(200);
    const { secret, uri } = started.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Rainbow%20Evac/);
    expect((await signInAs('analyst@example.org', PASSWORD)).statusCode).toBe(200);
    const wrong = totpCodeFor(secret, Date.now() / 1000 + 3600);
    const refused = await api.as('analyst', {
      method: 'POST',
      url: '/api/me/totp/confirm',
      payload: { code: wrong },
    });
    expect(refused.statusCode).toBe(400);
    const confirmed = await api.as('analyst', {
      method: 'POST',
      url: '/api/me/totp/confirm',
      payload: { code: totpCodeFor(secret, Date.now() / 1000) },
    });
    expect(confirmed.statusCode).toBe(204);
    expect((await signInAs('analyst@example.org', PASSWORD)).statusCode).toBe(401);
  });

  it('shows the audit log filtered and paged to administrators only, and verifies the chain', async () => {
    const page = await api.as('administrator', {
      method: 'GET',
      url: '/api/audit?action=auth.login&limit=2',
    });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.items).toHaveLength(2);
    expect(body.items.every((entry: { action: string }) => entry.action === 'auth.login')).toBe(true);
    expect(body.items[0].seq).toBeGreaterThan(body.items[1].seq);
    const older = (
      await api.as('administrator', {
        method: 'GET',
        url: `/api/audit?action=auth.login&before=${body.nextBefore}`,
      })
    ).json();
    expect(older.items[0].seq).toBeLessThan(body.items[1].seq);
    for (const role of ['investigator', 'caseworker', 'analyst', 'viewer'] as const)
      expect((await api.as(role, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    const verdict = await api.as('administrator', { method: 'POST', url: '/api/audit/verify' });
    expect(verdict.json()).toMatchObject({ ok: true, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The viewer holds no key and no right to the log.
    expect((await api.as('viewer', { method: 'POST', url: '/api/audit/verify' })).statusCode).toBe(403);
  });

  it('lists compartments: administrators all, a caseworker only their own', async () => {
    const all = (await api.as('administrator', { method: 'GET', url: '/api/compartments' })).json().items;
    expect(all.map((c: { code: string }) => c.code)).toContain('C-0001');
    const mine = await api.as('caseworker', { method: 'GET', url: '/api/compartments' });
    expect(mine.statusCode).toBe(200);
    for (const compartment of mine.json().items)
      expect(compartment.members.map((m: { email: string }) => m.email)).toContain('caseworker@example.org');
    expect((await api.as('analyst', { method: 'GET', url: '/api/compartments' })).statusCode).toBe(403);
  });

  it('turns a public report into a source and a protected reporter, with nothing of the reporter in clear', async () => {
    await sodium.ready;
    const key = (await api.as(null, { method: 'GET', url: '/api/intake/key' })).json();
    expect(key.organisation).toBe('Rainbow Evac');
    const report = {
      version: 2,
      what: `Men from the police took people from the club. ${REPORTER.name} saw it; write to ${REPORTER.contact}.`,
      where: 'Grozny',
      when: '2026-11-20',
      contact: REPORTER.contact,
      name: REPORTER.name,
      attachments: [
        { name: 'list.txt', type: 'text/plain', data: Buffer.from(ATTACHMENT_TEXT).toString('base64') },
      ],
    };
    const sealed = sodium.crypto_box_seal(
      new TextEncoder().encode(JSON.stringify(report)),
      sodium.from_base64(key.publicKey, sodium.base64_variants.ORIGINAL),
    );
    const sent = await api.as(null, {
      method: 'POST',
      url: '/api/intake',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ sealed: Buffer.from(sealed).toString('base64'), keyId: key.keyId }),
    });
    expect(sent.statusCode).toBe(202);
    const { reference } = sent.json();
    const status = (ref: string) =>
      api.as(null, {
        method: 'POST',
        url: '/api/intake/status',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ reference: ref }),
        remoteAddress: '192.0.2.99',
      });
    expect((await status(reference.toLowerCase())).json()).toEqual({ status: 'received' });
    expect((await status('AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AA')).statusCode).toBe(404);

    expect((await api.as('investigator', { method: 'GET', url: '/api/intake/counts' })).json()).toEqual({
      new: 1,
    });
    expect((await api.as('caseworker', { method: 'GET', url: '/api/intake/counts' })).statusCode).toBe(403);
    const id = (await api.as('investigator', { method: 'GET', url: '/api/intake' })).json().items[0].id;

    const early = await api.as('investigator', {
      method: 'POST',
      url: `/api/intake/${id}/convert`,
      payload: {},
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().field).toBe('status');
    const triaged = await api.as('investigator', { method: 'POST', url: `/api/intake/${id}/triage` });
    expect(triaged.json()).toMatchObject({ status: 'triaged' });
    expect((await status(reference)).json()).toEqual({ status: 'in-progress' });
    const unknownCase = await api.as('investigator', {
      method: 'POST',
      url: `/api/intake/${id}/convert`,
      payload: { case: { type: 'holiday' } },
    });
    expect(unknownCase.statusCode).toBe(400);
    expect(unknownCase.json().field).toBe('body.case.type');
    const converted = await api.as('investigator', {
      method: 'POST',
      url: `/api/intake/${id}/convert`,
      payload: { case: { type: 'evacuation' } },
    });
    expect(converted.statusCode, converted.body).toBe(200);
    const result = converted.json();
    expect(result).toMatchObject({
      status: 'converted',
      sourceId: expect.any(String),
      personCode: expect.any(String),
      caseId: expect.any(String),
    });
    // The case was opened for the reporter, in a compartment the converting investigator belongs to.
    const opened = await api.as('investigator', { method: 'GET', url: `/api/cases/${result.caseId}` });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ type: 'evacuation', status: 'open' });
    expect(JSON.stringify(opened.json())).toContain(result.personCode);
    expect((await status(reference)).json()).toEqual({ status: 'in-progress' });
    expect((await api.as('investigator', { method: 'GET', url: '/api/intake/counts' })).json()).toEqual({
      new: 0,
    });

    // The source holds the narrative, the reporter's name and contact replaced.
    const source = (
      await api.as('investigator', { method: 'GET', url: `/api/sources/${result.sourceId}` })
    ).json();
    expect(source.text).toContain('Men from the police took people from the club.');
    expect(source.text).not.toContain(REPORTER.name);
    expect(source.text).not.toContain(REPORTER.contact);
    // The person record is sealed, and opens for a member.
    const investigator = await authenticate(api.store.db, {
      email: 'investigator@example.org',
      password: 'recovered investigator passphrase',
    });
    try {
      const person = await showPerson(api.store.db, investigator, result.personCode);
      expect(person).toMatchObject({ name: REPORTER.name, contacts: [REPORTER.contact] });
    } finally {
      releaseActor(investigator);
    }
    // Nowhere in the database in clear: every table, every column, as text.
    const tables = await api.store.db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    for (const { table_name } of tables) {
      const rows = await api.store.db.query<{ t: string }>(`select t::text as t from ${table_name} t`);
      const dump = rows.map((row) => row.t).join('\n');
      for (const secret of [REPORTER.name, REPORTER.contact, ATTACHMENT_TEXT, 'Zelimkhan'])
        expect(dump.includes(secret), `${secret} in ${table_name}`).toBe(false);
    }
    // The data directory byte for byte, and on PostgreSQL a pg_dump of the database.
    const files = everyFile(api.store.dataDir);
    const dump = api.store.databaseUrl ? Buffer.from(await pgDump(api.store.databaseUrl)) : Buffer.alloc(0);
    if (backend === 'postgres') expect(dump.length).toBeGreaterThan(1000);
    for (const secret of [REPORTER.name, REPORTER.contact, ATTACHMENT_TEXT])
      for (const needle of encodingsOf(secret)) {
        expect(
          files.filter((file) => file.bytes.includes(needle)).map((file) => file.path),
          secret,
        ).toEqual([]);
        expect(dump.includes(needle), `${secret} in pg_dump`).toBe(false);
      }
    const actions = (await auditRows(api.store.db)).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'intake.triage',
        'intake.convert',
        'person.create',
        'source.create',
        'case.open',
      ]),
    );

    // A discarded report is "closed" to its reporter, with a reason from the list only.
    const second = await api.as(null, {
      method: 'POST',
      url: '/api/intake',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ sealed: Buffer.from(sealed).toString('base64') }),
      remoteAddress: '192.0.2.5',
    });
    const otherId = (await api.as('investigator', { method: 'GET', url: '/api/intake' }))
      .json()
      .items.find((item: { id: string }) => item.id !== id).id;
    const freeText = await api.as('investigator', {
      method: 'POST',
      url: `/api/intake/${otherId}/discard`,
      payload: { reason: 'the reporter is Zelimkhan' },
    });
    expect(freeText.statusCode).toBe(400);
    const discarded = await api.as('investigator', {
      method: 'POST',
      url: `/api/intake/${otherId}/discard`,
      payload: { reason: 'duplicate' },
    });
    expect(discarded.json()).toMatchObject({ status: 'discarded', discardReason: 'duplicate' });
    expect((await status(second.json().reference)).json()).toEqual({ status: 'closed' });
  });
});
