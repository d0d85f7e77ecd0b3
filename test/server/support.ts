/**
 * A running API over a real test store, with one signed-in user per role. Passwords use light
 * Argon2id parameters so a test file does not spend its time hashing.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { ROLES, type Role } from '../../src/core/roles.ts';
import { buildServer, type ServerOptions } from '../../src/server/buildServer.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../src/server/security.ts';
import { addUser, initOrganisation } from '../../src/services/accounts/accounts.ts';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { login } from '../../src/services/accounts/login.ts';
import { FAST_KDF, TEST_PASSWORD } from '../support/factories.ts';
import { type Backend, openTestStore, type TestStore } from '../support/stores.ts';

/** The test suite's one fast KDF and password (test/support/factories.ts). */
export const LIGHT_KDF = FAST_KDF;
export const PASSWORD = TEST_PASSWORD;
export const CSRF = 'test-csrf-token-0123456789abcdefghijklmnop';

export interface TestApi {
  app: FastifyInstance;
  store: TestStore;
  tokens: Record<Role, string>;
  /** Injects a request as `role` (or anonymously with null), with the CSRF cookie and header. */
  as(role: Role | null, options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export function testServer(store: TestStore, options: Partial<ServerOptions> = {}) {
  return buildServer({
    store,
    webDist: null,
    logLevel: 'silent',
    kdfParams: LIGHT_KDF,
    signInPerMinute: 1000,
    ...options,
  });
}

/** Creates one user per role besides the administrator (who must exist) and signs each in. */
export async function signInEveryRole(
  store: TestStore,
  tokens: Partial<Record<Role, string>>,
): Promise<void> {
  const admin = await login(store.db, { email: 'administrator@example.org', password: PASSWORD });
  tokens.administrator = admin.token;
  for (const role of ROLES) {
    if (role === 'administrator') continue;
    await addUser(
      store.db,
      admin.actor,
      { email: `${role}@example.org`, role, password: PASSWORD },
      LIGHT_KDF,
    );
    const session = await login(store.db, { email: `${role}@example.org`, password: PASSWORD });
    releaseActor(session.actor);
    tokens[role] = session.token;
  }
  releaseActor(admin.actor);
}

export async function startApi(
  backend: Backend,
  options: {
    users?: boolean;
    /** More server options, made once the store is open (a job queue on its database). */
    server?: (store: TestStore) => Promise<Partial<ServerOptions>>;
  } = {},
): Promise<TestApi> {
  const store = await openTestStore(backend);
  const app = await testServer(store, options.server ? await options.server(store) : {});
  const tokens = {} as Record<Role, string>;
  if (options.users !== false) {
    await initOrganisation(
      store.db,
      { name: 'Test org', adminEmail: 'administrator@example.org', password: PASSWORD },
      LIGHT_KDF,
    );
    await signInEveryRole(store, tokens);
  }
  return {
    app,
    store,
    tokens,
    as(role, { csrf = true, ...request }) {
      const cookies: Record<string, string> = {
        ...((request.cookies as Record<string, string> | undefined) ?? {}),
      };
      if (role) cookies[SESSION_COOKIE] = tokens[role];
      if (csrf) cookies[CSRF_COOKIE] = CSRF;
      const headers = { ...(request.headers ?? {}), ...(csrf ? { 'x-csrf-token': CSRF } : {}) };
      return app.inject({ ...request, cookies, headers });
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A multipart/form-data body: text fields and file parts. */
export function multipart(parts: Array<{ name: string; value: string | Uint8Array; fileName?: string }>) {
  const boundary = `----attest${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName ? `; filename="${part.fileName}"` : ''}`;
    const type = part.fileName ? 'Content-Type: application/octet-stream\r\n' : '';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`),
      Buffer.from(part.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
