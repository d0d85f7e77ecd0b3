/**
 * Sign-in under pressure, on both stores: a flood from many addresses gets only 401 and 429 while
 * the server keeps answering; the global limit; a lock lifted by an administrator; concurrent
 * first-run setups; the Permissions-Policy header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KDF_PARAMS } from '../../src/crypto/passwords.ts';
import { addUser } from '../../src/services/accounts/accounts.ts';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { login } from '../../src/services/accounts/login.ts';
import { auditRows } from '../protection/fixtures.ts';
import { backends } from '../support/stores.ts';
import { CSRF, PASSWORD, startApi, type TestApi, testServer } from './support.ts';

const OWNER = 'owner@example.org';

describe.each(backends())('sign-in under pressure on %s', (backend) => {
  let api: TestApi;
  let ownerId: string;
  beforeAll(async () => {
    api = await startApi(backend);
    const admin = await login(api.store.db, { email: 'administrator@example.org', password: PASSWORD });
    // Real Argon2id parameters (64 MiB), so the flood below costs what it costs in production.
    ownerId = (
      await addUser(
        api.store.db,
        admin.actor,
        { email: OWNER, role: 'investigator', password: PASSWORD },
        KDF_PARAMS,
      )
    ).id;
    releaseActor(admin.actor);
  });
  afterAll(async () => api?.close());

  const signIn = (app: TestApi['app'], remoteAddress: string, email: string, password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress,
      payload: { email, password },
      cookies: { attest_csrf: CSRF },
      headers: { 'x-csrf-token': CSRF },
    });

  it('answers a 60-way flood from 60 addresses with 401 or 429 only, and health stays 200 throughout', async () => {
    const flood = Array.from({ length: 60 }, (_, i) =>
      signIn(api.app, `198.51.100.${i + 1}`, OWNER, `wrong guess number ${i}`),
    );
    const health: number[] = [];
    for (let i = 0; i < 5; i++)
      health.push((await api.app.inject({ method: 'GET', url: '/api/health' })).statusCode);
    const answers = await Promise.all(flood);
    health.push((await api.app.inject({ method: 'GET', url: '/api/health' })).statusCode);

    expect(health).toEqual(Array(6).fill(200));
    const statuses = answers.map((answer) => answer.statusCode);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    for (const answer of answers.filter((a) => a.statusCode === 429)) {
      expect(answer.json()).toMatchObject({ error: 'rate_limited' });
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    // The flood locked the account; each lock is audited.
    const locks = (await auditRows(api.store.db, 'auth.lock')).filter((row) => row.record_id === ownerId);
    expect(locks.length).toBeGreaterThan(0);
  });

  it('lets an administrator lift a lock, audited, and the owner signs in again', async () => {
    // The flood's refusals while the short back-off ran did not count; four earlier guesses did.
    await api.store.db.query('update users set failed_logins = 4, locked_until = null where id = $1', [
      ownerId,
    ]);
    expect((await signIn(api.app, '198.51.100.200', OWNER, 'the fifth wrong guess')).statusCode).toBe(401);
    const [lock] = (await auditRows(api.store.db, 'auth.lock'))
      .filter((row) => row.record_id === ownerId)
      .slice(-1);
    expect(lock).toMatchObject({ actor: 'system', details: { failures: 5 } });
    const locked = await signIn(api.app, '192.0.2.10', OWNER, PASSWORD);
    expect(locked.statusCode).toBe(401);

    const forbidden = await api.as('investigator', { method: 'POST', url: `/api/users/${ownerId}/unlock` });
    expect(forbidden.statusCode).toBe(403);
    const unknown = await api.as('administrator', {
      method: 'POST',
      url: '/api/users/00000000-0000-4000-8000-000000000000/unlock',
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await api.as('administrator', { method: 'POST', url: '/api/users/not-a-uuid/unlock' })).statusCode,
    ).toBe(400);

    const unlocked = await api.as('administrator', { method: 'POST', url: `/api/users/${ownerId}/unlock` });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(unlocked.json()).toMatchObject({ id: ownerId, email: OWNER, wasLocked: true });
    expect(unlocked.json().failures).toBeGreaterThanOrEqual(5);

    const back = await signIn(api.app, '192.0.2.10', OWNER, PASSWORD);
    expect(back.statusCode, back.body).toBe(200);
    const [unlock] = (await auditRows(api.store.db, 'user.unlock')).filter(
      (row) => row.record_id === ownerId,
    );
    expect(unlock).toMatchObject({ outcome: 'allowed', details: { wasLocked: true } });
  });

  it('limits sign-ins for the whole server, whatever the address', async () => {
    const limited = await testServer(api.store, { signInGlobalPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 4; i++)
        statuses.push(
          (await signIn(limited, `203.0.113.${i}`, 'nobody@example.org', 'not the password')).statusCode,
        );
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('denies every browser feature through Permissions-Policy', async () => {
    const answer = await api.app.inject({ method: 'GET', url: '/api/health' });
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
      expect(answer.headers['permissions-policy']).toContain(`${feature}=()`);
  });
});

describe.each(backends())('first-run setup on %s', (backend) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(backend, { users: false });
  });
  afterAll(async () => api?.close());

  it('answers 8 concurrent setups with one 201 and seven 409, never 500', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.as(null, {
          method: 'POST',
          url: '/api/setup',
          payload: { organisation: `Org ${i}`, email: `admin${i}@example.org`, password: PASSWORD },
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(7).fill(409)]);
    expect(await api.store.db.query('select id from organisations')).toHaveLength(1);
    expect(await api.store.db.query('select id from users')).toHaveLength(1);
  });
});
