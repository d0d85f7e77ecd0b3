/**
 * Public intake over HTTP on both stores: a report sealed here with libsodium-wrappers (the library the
 * browser uses) to the key the API hands out is accepted, stored as bytes the server cannot read with
 * nothing about the sender, opened by an allowed member (audited) and refused to everyone else; bad
 * media types, oversize bodies and floods are turned away before anything is stored.
 */
import { Writable } from 'node:stream';
import sodium from 'libsodium-wrappers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/roles.ts';
import { INTAKE_BODY_LIMIT } from '../../src/server/routes/intake.ts';
import { initOrganisation } from '../../src/services/accounts/accounts.ts';
import { verifyAudit } from '../../src/services/audit/audit.ts';
import { storeSealedSubmission } from '../../src/services/intake/intake.ts';
import { auditRows } from '../protection/fixtures.ts';
import { backends } from '../support/stores.ts';
import { CSRF, LIGHT_KDF, PASSWORD, signInEveryRole, startApi, type TestApi, testServer } from './support.ts';

const REPORT = {
  version: 1,
  what: 'Three men in plain clothes took my brother Ruslan Vakhaev from the market.',
  where: 'Grozny, central market',
  when: '2026-11-20, around noon',
  contact: 'Signal +7 900 000 0000',
};

const storedCount = async (api: TestApi) =>
  (await api.store.db.query<{ n: number }>('select count(*)::int as n from intake_submissions'))[0]!.n;

async function sealedReport(api: TestApi, report: unknown = REPORT) {
  await sodium.ready;
  const key = (await api.as(null, { method: 'GET', url: '/api/intake/key' })).json();
  const sealed = sodium.crypto_box_seal(
    new TextEncoder().encode(JSON.stringify(report)),
    sodium.from_base64(key.publicKey, sodium.base64_variants.ORIGINAL),
  );
  return { sealed: sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL), keyId: key.keyId as string };
}

/** Posts as an anonymous visitor (CSRF cookie + header, no session) from `address`. */
const submit = (api: TestApi, payload: unknown, address = '192.0.2.1', contentType = 'application/json') =>
  api.as(null, {
    method: 'POST',
    url: '/api/intake',
    remoteAddress: address,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers: { 'content-type': contentType },
  });

describe.each(backends())('public intake on %s', (backend) => {
  let api: TestApi;
  let submissionId = '';
  beforeAll(async () => {
    api = await startApi(backend, { users: false });
  });
  afterAll(async () => api?.close());

  it('says clearly that there is no key before setup', async () => {
    const response = await api.as(null, { method: 'GET', url: '/api/intake/key' });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toMatch(/not set up yet/);
    await initOrganisation(
      api.store.db,
      { name: 'Test org', adminEmail: 'administrator@example.org', password: PASSWORD },
      LIGHT_KDF,
    );
    await signInEveryRole(api.store, api.tokens);
  });

  it('accepts a report sealed to the published key and stores nothing it could read or trace', async () => {
    const key = (await api.as(null, { method: 'GET', url: '/api/intake/key' })).json();
    expect(key).toMatchObject({ algorithm: 'crypto_box_seal', keyId: expect.any(String) });
    expect(Buffer.from(key.publicKey, 'base64')).toHaveLength(32);

    const response = await submit(api, await sealedReport(api), '203.0.113.77');
    expect(response.statusCode).toBe(202);
    // The reporter's reference: 128 random bits in base32 groups, and only its hash is stored.
    const { reference } = response.json();
    expect(reference).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{1,4}){6}$/);
    expect(reference.replaceAll('-', '')).toHaveLength(26);

    const rows = await api.store.db.query<{ id: string; sealed: Uint8Array; received_at: Date }>(
      'select * from intake_submissions',
    );
    expect(rows).toHaveLength(1);
    submissionId = rows[0]!.id;
    const stored = Buffer.from(rows[0]!.sealed);
    for (const secret of ['Ruslan', 'Vakhaev', 'Grozny', '+7 900'])
      expect(stored.includes(Buffer.from(secret))).toBe(false);
    expect(new Date(rows[0]!.received_at).getSeconds()).toBe(0);

    // The table has no column where an address or user agent could go, and the audit entry none either.
    const columns = await api.store.db.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'intake_submissions' order by column_name",
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'case_id',
      'discard_reason',
      'id',
      'person_code',
      'received_at',
      'reference_hash',
      'sealed',
      'source_id',
      'status',
      'status_changed_at',
    ]);
    const [hashed] = await api.store.db.query<{ reference_hash: Uint8Array }>(
      'select reference_hash from intake_submissions',
    );
    expect(Buffer.from(hashed!.reference_hash).includes(Buffer.from(reference.replaceAll('-', '')))).toBe(
      false,
    );
    const received = await auditRows(api.store.db, 'intake.receive');
    expect(received).toHaveLength(1);
    expect(received[0]!.actor).toBe('public');
    expect(JSON.stringify(received[0])).not.toMatch(/203\.0\.113|lightMyRequest|user.?agent/i);
  });

  it('lists submissions with their arrival minute only, to the roles the policy names', async () => {
    const list = await api.as('investigator', { method: 'GET', url: '/api/intake' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        id: submissionId,
        receivedAt: expect.any(String),
        status: 'new',
        discardReason: null,
        sourceId: null,
        personCode: null,
        caseId: null,
      },
    ]);
    for (const role of ['caseworker', 'analyst', 'viewer'] as Role[])
      expect((await api.as(role, { method: 'GET', url: '/api/intake' })).statusCode).toBe(403);
    expect((await api.as(null, { method: 'GET', url: '/api/intake' })).statusCode).toBe(401);
  });

  it('opens a submission for an administrator and audits the opening', async () => {
    const opened = await api.as('administrator', { method: 'POST', url: `/api/intake/${submissionId}/open` });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toEqual({
      id: submissionId,
      receivedAt: expect.any(String),
      status: 'new',
      discardReason: null,
      sourceId: null,
      personCode: null,
      caseId: null,
      report: REPORT,
      text: null,
    });
    const audited = await auditRows(api.store.db, 'intake.open');
    expect(audited.filter((row) => row.record_id === submissionId && row.outcome === 'allowed')).toHaveLength(
      1,
    );
  });

  it('refuses to open a submission for a role the policy leaves out, and for strangers', async () => {
    for (const role of ['caseworker', 'analyst', 'viewer'] as Role[]) {
      const response = await api.as(role, { method: 'POST', url: `/api/intake/${submissionId}/open` });
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('Ruslan');
    }
    const anonymous = await api.as(null, { method: 'POST', url: `/api/intake/${submissionId}/open` });
    expect(anonymous.statusCode).toBe(401);
    const missing = await api.as('investigator', {
      method: 'POST',
      url: '/api/intake/00000000-0000-4000-8000-000000000000/open',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('hands back a submission that is not the form’s JSON as text, uninterpreted', async () => {
    expect((await submit(api, await sealedReport(api, 'just words'), '192.0.2.50')).statusCode).toBe(202);
    const items = (await api.as('investigator', { method: 'GET', url: '/api/intake' })).json().items;
    const id = items.find((item: { id: string }) => item.id !== submissionId).id;
    const opened = (await api.as('investigator', { method: 'POST', url: `/api/intake/${id}/open` })).json();
    expect(opened).toMatchObject({ report: null, text: '"just words"' });
  });

  it('dates the audit entry of a receipt to the minute only, and the chain still verifies', async () => {
    // An entry before it in the same minute has a later time than the receipt's; order is by seq.
    expect((await submit(api, await sealedReport(api), '192.0.2.60')).statusCode).toBe(202);
    const rows = await api.store.db.query<{ seq: number; at: Date }>(
      "select seq, at from audit_log where action = 'intake.receive' order by seq",
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      const at = new Date(row.at);
      expect([at.getUTCSeconds(), at.getUTCMilliseconds()], `seq ${row.seq}`).toEqual([0, 0]);
    }
    expect(await verifyAudit(api.store.db)).toMatchObject({ ok: true });
  });

  it('answers 409 for a stored submission that does not open, and audits the attempt', async () => {
    // Bytes past the size check that were never sealed to the organisation's key.
    const junk = await storeSealedSubmission(api.store.db, new Uint8Array(200).fill(7));
    const response = await api.as('investigator', { method: 'POST', url: `/api/intake/${junk.id}/open` });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe('conflict');
    const audited = await auditRows(api.store.db, 'intake.open');
    expect(audited.at(-1)).toMatchObject({
      record_id: junk.id,
      outcome: 'denied',
      details: { reason: 'cannot open' },
    });
    expect(await verifyAudit(api.store.db)).toMatchObject({ ok: true });
  });

  it('turns away other media types, bad bodies, a changed key and oversize bodies, storing nothing', async () => {
    const before = await storedCount(api);
    const good = await sealedReport(api);
    const plain = await submit(api, good, '192.0.2.10', 'text/plain');
    expect(plain.statusCode).toBe(415);
    expect(plain.json().error).toBe('unsupported_media_type');
    const notBase64 = await submit(api, { sealed: 'not base64!' }, '192.0.2.11');
    expect(notBase64.json()).toMatchObject({ error: 'invalid_input', field: 'body.sealed' });
    const tooShort = await submit(api, { sealed: 'AAAA' }, '192.0.2.11');
    expect(tooShort.statusCode).toBe(400);
    const extra = await submit(api, { ...good, name: 'me' }, '192.0.2.11');
    expect(extra.statusCode).toBe(400);
    const stale = await submit(api, { ...good, keyId: 'an-older-key-id' }, '192.0.2.12');
    expect(stale.statusCode).toBe(409);
    const huge = await submit(api, { sealed: 'A'.repeat(INTAKE_BODY_LIMIT + 1024) }, '192.0.2.13');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toBe('payload_too_large');
    expect(await storedCount(api)).toBe(before);
  });

  it('rate-limits each client separately, answering 429 with Retry-After', async () => {
    const before = await storedCount(api);
    const report = await sealedReport(api);
    for (let i = 0; i < 5; i++) expect((await submit(api, report, '198.51.100.9')).statusCode).toBe(202);
    const refused = await submit(api, report, '198.51.100.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toBe('rate_limited');
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await submit(api, report, '198.51.100.10')).statusCode).toBe(202);
    expect(await storedCount(api)).toBe(before + 6);
  });

  it('logs neither the body nor the address of a submission, even at info level', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await testServer(api.store, { logLevel: 'info', logStream });
    try {
      const body = await sealedReport(api);
      const response = await logged.inject({
        method: 'POST',
        url: '/api/intake',
        remoteAddress: '203.0.113.200',
        payload: JSON.stringify(body),
        cookies: { attest_csrf: CSRF },
        headers: { 'x-csrf-token': CSRF, 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(202);
      await logged.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.200' });
      const log = lines.join('');
      expect(log).toContain('/api/health'); // the logger is on…
      expect(log).not.toContain('/api/intake'); // …but intake requests leave no line
      expect(log).not.toContain('203.0.113.200');
      expect(log).not.toContain(body.sealed.slice(0, 40));
    } finally {
      await logged.close();
    }
  });
});
