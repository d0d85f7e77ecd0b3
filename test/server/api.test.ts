/**
 * The API's boundary on both stores: setup and sessions, sources, bad input of every kind, the
 * access-control matrix generated from the route table, the OpenAPI document, the web app fallback,
 * logging, and one run over real HTTP for headers and CSRF.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/core/roles.ts';
import { allows } from '../../src/services/policies/index.ts';
import { sourcesRepository } from '../../src/store/sources.ts';
import { backends } from '../support/stores.ts';
import { CSRF, multipart, PASSWORD, signInEveryRole, startApi, type TestApi, testServer } from './support.ts';

const ADMIN = 'administrator@example.org';
const sourceCount = (api: TestApi) => sourcesRepository(api.store.db).count();

describe.each(backends())('HTTP API on %s', (backend) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(backend, { users: false });
  });
  afterAll(async () => api?.close());

  describe('first run and sessions', () => {
    it('says setup is needed, refuses it without the CSRF token, creates the organisation once', async () => {
      const state = await api.as(null, { method: 'GET', url: '/api/setup', csrf: false });
      expect(state.statusCode).toBe(200);
      expect(state.json()).toMatchObject({ needed: true, csrfToken: expect.any(String) });
      // The CSRF cookie is issued on the GET, and it is the token returned.
      const issued = state.cookies.find((cookie) => cookie.name === 'attest_csrf');
      expect(issued).toMatchObject({ value: state.json().csrfToken, sameSite: 'Strict' });

      const body = { organisation: 'Memorial Test', email: ADMIN, password: PASSWORD };
      const noCsrf = await api.as(null, { method: 'POST', url: '/api/setup', payload: body, csrf: false });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().message).toMatch(/CSRF/);

      const weak = await api.as(null, {
        method: 'POST',
        url: '/api/setup',
        payload: { ...body, password: 'short' },
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().field).toBe('password');

      const created = await api.as(null, { method: 'POST', url: '/api/setup', payload: body });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        organisation: { name: 'Memorial Test' },
        user: { email: ADMIN, role: 'administrator' },
        recoveryKey: expect.any(String),
      });
      expect((await api.as(null, { method: 'POST', url: '/api/setup', payload: body })).statusCode).toBe(409);
      expect((await api.as(null, { method: 'GET', url: '/api/setup' })).json().needed).toBe(false);
      await signInEveryRole(api.store, api.tokens);
    });

    it('signs in with a cookie, tells who is signed in, signs out', async () => {
      const wrong = await api.as(null, {
        method: 'POST',
        url: '/api/session',
        payload: { email: ADMIN, password: 'wrong password here' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toEqual({
        error: 'unauthenticated',
        message: 'wrong e-mail, password or TOTP code',
      });

      const signIn = await api.as(null, {
        method: 'POST',
        url: '/api/session',
        payload: { email: ADMIN, password: PASSWORD },
      });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json()).toMatchObject({ user: { email: ADMIN, role: 'administrator' }, csrfToken: CSRF });
      const session = signIn.cookies.find((cookie) => cookie.name === 'attest_session')!;
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
      expect(signIn.body).not.toContain(session.value);

      const me = await api.app.inject({
        method: 'GET',
        url: '/api/session',
        cookies: { attest_session: session.value },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.email).toBe(ADMIN);
      const bearer = await api.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { authorization: `Bearer ${session.value}` },
      });
      expect(bearer.statusCode).toBe(200);

      const out = await api.app.inject({
        method: 'DELETE',
        url: '/api/session',
        cookies: { attest_session: session.value, attest_csrf: CSRF },
        headers: { 'x-csrf-token': CSRF },
      });
      expect(out.statusCode).toBe(204);
      expect(out.cookies.find((cookie) => cookie.name === 'attest_session')?.value).toBe('');
      const after = await api.app.inject({
        method: 'GET',
        url: '/api/session',
        cookies: { attest_session: session.value },
      });
      expect(after.statusCode).toBe(401);
      const garbage = await api.app.inject({
        method: 'GET',
        url: '/api/session',
        cookies: { attest_session: 'not-a-token' },
      });
      expect(garbage.statusCode).toBe(401);
    });

    it('rate-limits sign-in attempts', async () => {
      const limited = await testServer(api.store, { signInPerMinute: 3 });
      try {
        const attempt = () =>
          limited.inject({
            method: 'POST',
            url: '/api/session',
            remoteAddress: '203.0.113.7',
            payload: {},
            cookies: { attest_csrf: CSRF },
            headers: { 'x-csrf-token': CSRF },
          });
        for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(400);
        const refused = await attempt();
        expect(refused.statusCode).toBe(429);
        expect(refused.json().error).toBe('rate_limited');
        expect(refused.headers['retry-after']).toBeDefined();
      } finally {
        await limited.close();
      }
    });
  });

  describe('sources', () => {
    let pastedId: string;

    it('preserves a paste and an upload, lists them, shows one, hands back the original safely', async () => {
      const paste = await api.as('caseworker', {
        method: 'POST',
        url: '/api/sources',
        payload: {
          text: 'Cinco ativistas foram presos em Moscou na quinta-feira.',
          title: 'Prisões em Moscou',
          published: '2017-05-12',
        },
      });
      expect(paste.statusCode).toBe(201);
      pastedId = paste.json().id;
      expect(paste.json()).toMatchObject({
        duplicate: false,
        language: 'pt',
        title: 'Prisões em Moscou',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });

      const html =
        '<html><body><script>alert(1)</script><p>Journalists were threatened in Grozny.</p></body></html>';
      const form = multipart([
        { name: 'file', value: html, fileName: 'relatório;1.html' },
        { name: 'url', value: 'https://example.org/report' },
      ]);
      const upload = await api.as('investigator', { method: 'POST', url: '/api/sources', ...form });
      expect(upload.statusCode).toBe(201);
      const uploadedId = upload.json().id;

      const list = (await api.as('analyst', { method: 'GET', url: '/api/sources?limit=10' })).json();
      expect(list).toMatchObject({ total: 2, limit: 10, offset: 0 });
      expect(list.items.map((item: { id: string }) => item.id)).toEqual([uploadedId, pastedId]);
      expect(
        (await api.as('analyst', { method: 'GET', url: '/api/sources?reviewed=true' })).json().total,
      ).toBe(0);

      const detail = (await api.as('analyst', { method: 'GET', url: `/api/sources/${pastedId}` })).json();
      expect(detail).toMatchObject({
        id: pastedId,
        text: 'Cinco ativistas foram presos em Moscou na quinta-feira.',
        byteSize: Buffer.byteLength('Cinco ativistas foram presos em Moscou na quinta-feira.'),
        mediaType: expect.stringMatching(/^text\/plain/),
        capturedBy: expect.any(String),
        capturedAt: expect.any(String),
        publishedOn: '2017-05-12',
        reviewed: false,
        review: null,
        suggestions: { language: 'pt' },
      });

      const original = await api.as('analyst', { method: 'GET', url: `/api/sources/${uploadedId}/original` });
      expect(original.statusCode).toBe(200);
      expect(original.body).toBe(html);
      expect(original.headers['content-type']).toBe('application/octet-stream');
      expect(original.headers['content-disposition']).toBe(
        `attachment; filename="relat_rio_1.html"; filename*=UTF-8''${encodeURIComponent('relatório;1.html')}`,
      );
      expect(original.headers['content-security-policy']).toContain('sandbox');
      expect(original.headers['x-content-type-options']).toBe('nosniff');
    });

    it('refuses missing, mistyped and unknown fields, naming them, and stores nothing', async () => {
      const before = await sourceCount(api);
      const post = (payload: unknown) =>
        api.as('investigator', { method: 'POST', url: '/api/sources', payload: payload as object });
      const cases: Array<[unknown, string]> = [
        [{}, 'body.text'],
        [{ text: 5 }, 'body.text'],
        [{ text: '' }, 'body.text'],
        [{ text: 'x', colour: 'red' }, 'body.colour'],
        [{ text: 'x', published: '2017-02-30' }, 'body.published'],
        [{ text: 'x', url: 'javascript:alert(1)' }, 'body.url'],
      ];
      for (const [payload, field] of cases) {
        const response = await post(payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json()).toMatchObject({ error: 'invalid_input', field });
      }
      const notJson = await api.as('investigator', {
        method: 'POST',
        url: '/api/sources',
        payload: '{"text": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(notJson.statusCode).toBe(400);
      const wrongType = await api.as('investigator', {
        method: 'POST',
        url: '/api/sources',
        payload: '<text>hello</text>',
        headers: { 'content-type': 'application/xml' },
      });
      expect(wrongType.statusCode).toBe(415);
      const noFile = await api.as('investigator', {
        method: 'POST',
        url: '/api/sources',
        ...multipart([{ name: 'title', value: 'x' }]),
      });
      expect(noFile.json()).toMatchObject({ field: 'body.file' });
      const extraField = await api.as('investigator', {
        method: 'POST',
        url: '/api/sources',
        ...multipart([
          { name: 'file', value: 'abc', fileName: 'a.txt' },
          { name: 'colour', value: 'red' },
        ]),
      });
      expect(extraField.json()).toMatchObject({ field: 'body.colour' });
      expect(await sourceCount(api)).toBe(before);
    });

    it('answers 413 to a 50 MB JSON body and to an upload over the limit, storing nothing', async () => {
      const before = await sourceCount(api);
      const huge = JSON.stringify({ text: 'a'.repeat(50 * 1024 * 1024) });
      const response = await api.as('investigator', {
        method: 'POST',
        url: '/api/sources',
        payload: huge,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toEqual({ error: 'payload_too_large', message: 'request body too large' });

      const small = await testServer(api.store, { uploadLimitBytes: 1024 });
      try {
        const form = multipart([{ name: 'file', value: new Uint8Array(4096).fill(65), fileName: 'big.txt' }]);
        const upload = await small.inject({
          method: 'POST',
          url: '/api/sources',
          ...form,
          cookies: { attest_session: api.tokens.investigator, attest_csrf: CSRF },
          headers: { ...form.headers, 'x-csrf-token': CSRF },
        });
        expect(upload.statusCode).toBe(413);
      } finally {
        await small.close();
      }
      expect(await sourceCount(api)).toBe(before);
    });

    it('maps bad query strings, bad ids and unknown records to 400 and 404', async () => {
      const get = (url: string) => api.as('analyst', { method: 'GET', url });
      expect((await get('/api/incidents?limit=abc')).json()).toMatchObject({
        error: 'invalid_input',
        field: 'query.limit',
      });
      expect((await get('/api/incidents?bogus=1')).json()).toMatchObject({
        error: 'invalid_input',
        field: 'query.bogus',
      });
      expect((await get('/api/incidents?status=rumoured')).json()).toMatchObject({ field: 'query.status' });
      expect((await get('/api/incidents/42')).json()).toMatchObject({ field: 'params.id' });
      expect((await get(`/api/search?q=${'x'.repeat(501)}`)).json()).toMatchObject({ field: 'query.q' });
      expect((await get('/api/search?q=x&from=2017-13-01')).json()).toMatchObject({ field: 'query.from' });
      const missing = await get('/api/incidents/00000000-0000-4000-8000-000000000000');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error).toBe('not_found');
      expect((await get(`/api/sources/00000000-0000-4000-8000-000000000000/original`)).statusCode).toBe(404);
      expect((await get('/api/nothing-here')).statusCode).toBe(404);
      const patch = await api.as('investigator', {
        method: 'PATCH',
        url: '/api/incidents/00000000-0000-4000-8000-000000000000',
        payload: {},
      });
      expect(patch.json()).toMatchObject({ error: 'invalid_input', field: 'body' });
      const review = await api.as('investigator', {
        method: 'POST',
        url: `/api/review/${pastedId}`,
        payload: { events: [{ index: 0, decision: 'maybe' }] },
      });
      expect(review.json()).toMatchObject({
        error: 'invalid_input',
        field: expect.stringMatching(/^body\.events\.0/),
      });
    });
  });

  describe('access control', () => {
    it('allows and denies every route for every role as the route table declares', async () => {
      const routes = api.app.routeTable.filter((route) => !route.url.startsWith('/api/docs'));
      expect(routes.length).toBeGreaterThanOrEqual(20);
      // The job queue's screen and its audited retry are in the matrix (administrators only).
      expect(routes.map((route) => `${route.method} ${route.url} ${route.access}`)).toEqual(
        expect.arrayContaining(['GET /api/jobs jobs.manage', 'POST /api/jobs/:id/retry jobs.manage']),
      );
      const id = '00000000-0000-4000-8000-000000000000';
      const denied: string[] = [];
      for (const route of routes) {
        const url = route.url.replace(/:[A-Za-z]+/g, id);
        for (const role of [null, ...ROLES] as Array<Role | null>) {
          // Signing out would end the test's own session.
          const who = route.method === 'DELETE' && route.url === '/api/session' ? null : role;
          const response = await api.as(who, {
            method: route.method as 'GET',
            url,
            payload: route.method === 'GET' ? undefined : {},
          });
          const expected =
            route.access === 'public'
              ? 'allow'
              : role === null
                ? 'unauthenticated'
                : allows(role, route.access)
                  ? 'allow'
                  : 'forbidden';
          const actual =
            response.statusCode === 401
              ? 'unauthenticated'
              : response.statusCode === 403
                ? 'forbidden'
                : 'allow';
          if (actual !== expected)
            denied.push(
              `${route.method} ${route.url} as ${role ?? 'anonymous'}: expected ${expected}, got ${response.statusCode}`,
            );
        }
      }
      expect(denied).toEqual([]);
    });
  });

  describe('documentation and the web app', () => {
    it('documents every route in OpenAPI 3 and serves the docs UI locally', async () => {
      const doc = (await api.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
      expect(doc.openapi).toMatch(/^3\./);
      for (const route of api.app.routeTable) {
        if (route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') continue;
        const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
        expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
      }
      expect(doc.paths['/api/incidents'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['country', 'type', 'status', 'from', 'to', 'limit']),
      );
      const docs = await api.as(null, { method: 'GET', url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.body).not.toMatch(/https?:\/\/(?!localhost)/);
      expect(docs.headers['content-security-policy']).toContain("default-src 'self'");
      const vocabulary = (await api.as(null, { method: 'GET', url: '/api/vocabulary' })).json();
      expect(vocabulary.eventTypes.find((t: { code: string }) => t.code === 'detention').labels.ru).toBe(
        'Произвольное задержание',
      );
      expect((await api.as(null, { method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    });

    it('serves the built web app with SPA fallback, or says how to build it', async () => {
      const unbuilt = await api.as(null, { method: 'GET', url: '/' });
      expect(unbuilt.statusCode).toBe(200);
      expect(unbuilt.body).toContain('npm run build:web');

      const dist = mkdtempSync(join(tmpdir(), 'attest-web-'));
      mkdirSync(join(dist, 'assets'));
      writeFileSync(
        join(dist, 'index.html'),
        '<!doctype html><title>Attest app</title><script type="module" src="/assets/app.js"></script>',
      );
      writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
      const web = await testServer(api.store, { webDist: dist });
      try {
        const page = await web.inject({ method: 'GET', url: '/incidents/123' });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('Attest app');
        expect(page.headers['content-security-policy']).toContain("script-src 'self'");
        expect((await web.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
        const apiMissing = await web.inject({ method: 'GET', url: '/api/nope' });
        expect(apiMissing.statusCode).toBe(404);
        expect(apiMissing.json().error).toBe('not_found');
      } finally {
        await web.close();
        rmSync(dist, { recursive: true, force: true });
      }
    });

    it('sends HSTS and Secure cookies only behind a trusted TLS proxy', async () => {
      const proxied = await testServer(api.store, { trustProxy: true });
      try {
        const response = await proxied.inject({
          method: 'GET',
          url: '/api/health',
          headers: { 'x-forwarded-proto': 'https' },
        });
        expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        expect(response.cookies.find((cookie) => cookie.name === 'attest_csrf')?.secure).toBe(true);
        const plain = await proxied.inject({ method: 'GET', url: '/api/health' });
        expect(plain.headers['strict-transport-security']).toBeUndefined();
      } finally {
        await proxied.close();
      }
    });

    it('behind the proxy, rate-limits by the address the proxy saw, not one the client wrote', async () => {
      const proxied = await testServer(api.store, { trustProxy: true, signInPerMinute: 3 });
      try {
        const statuses: number[] = [];
        for (let i = 1; i <= 5; i++) {
          const response = await proxied.inject({
            method: 'POST',
            url: '/api/session',
            payload: { email: 'nobody@example.org', password: 'wrong password here' },
            cookies: { attest_csrf: CSRF },
            // The client forges a fresh leftmost address each time; our proxy appends the real one.
            headers: { 'x-csrf-token': CSRF, 'x-forwarded-for': `${i}.6.6.6, 10.0.0.1` },
          });
          statuses.push(response.statusCode);
        }
        expect(statuses.slice(0, 3)).not.toContain(429);
        expect(statuses.slice(3)).toEqual([429, 429]);
        // Another client, as our proxy saw it, still has its own allowance (not one shared bucket).
        const other = await proxied.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: 'nobody@example.org', password: 'wrong password here' },
          cookies: { attest_csrf: CSRF },
          headers: { 'x-csrf-token': CSRF, 'x-forwarded-for': '6.6.6.6, 10.0.0.2' },
        });
        expect(other.statusCode).not.toBe(429);
      } finally {
        await proxied.close();
      }
    });

    it('logs no password, token, cookie or search query', async () => {
      const lines: string[] = [];
      const logStream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const logged = await testServer(api.store, { logLevel: 'info', logStream });
      try {
        await logged.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: ADMIN, password: PASSWORD },
          cookies: { attest_csrf: CSRF },
          headers: { 'x-csrf-token': CSRF },
        });
        await logged.inject({
          method: 'GET',
          url: '/api/search?q=Zelimkhan%20secret',
          headers: { authorization: `Bearer ${api.tokens.analyst}` },
        });
      } finally {
        await logged.close();
      }
      const log = lines.join('');
      expect(log).toContain('/api/search');
      for (const secret of [PASSWORD, api.tokens.analyst, CSRF, 'Zelimkhan'])
        expect(log).not.toContain(secret);
    });
  });

  describe('over real HTTP', () => {
    it('sends secure headers and rejects a state-changing request without the CSRF token', async () => {
      const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
      const session = `attest_session=${api.tokens.investigator}`;
      const health = await fetch(`${address}/api/health`);
      expect(health.status).toBe(200);
      const csp = health.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(health.headers.get('referrer-policy')).toBe('no-referrer');
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      expect(health.headers.get('x-frame-options')).toBe('DENY');
      expect(health.headers.get('strict-transport-security')).toBeNull(); // plain HTTP: no HSTS
      const csrfCookie = /attest_csrf=([^;]+)/.exec(health.headers.get('set-cookie') ?? '')?.[1];
      expect(csrfCookie).toBeDefined();

      const before = await sourceCount(api);
      const body = JSON.stringify({ text: 'Forged from another site.' });
      const forged = await fetch(`${address}/api/sources`, {
        method: 'POST',
        body,
        headers: { cookie: session, 'content-type': 'application/json' },
      });
      expect(forged.status).toBe(403);
      const wrong = await fetch(`${address}/api/sources`, {
        method: 'POST',
        body,
        headers: {
          cookie: `${session}; attest_csrf=${csrfCookie}`,
          'x-csrf-token': 'something-else-entirely-0123456789abc',
          'content-type': 'application/json',
        },
      });
      expect(wrong.status).toBe(403);
      expect(await sourceCount(api)).toBe(before);
      const genuine = await fetch(`${address}/api/sources`, {
        method: 'POST',
        body,
        headers: {
          cookie: `${session}; attest_csrf=${csrfCookie}`,
          'x-csrf-token': csrfCookie!,
          'content-type': 'application/json',
        },
      });
      expect(genuine.status).toBe(201);
    });
  });
});
