/**
 * First-run setup (organisation + administrator), sessions (sign in, who am I, sign out) and lifting
 * a sign-in lock. Sign-in is limited per client address (@fastify/rate-limit, at onRequest) and for
 * the whole server (one token bucket here), so changing address does not buy unlimited attempts;
 * the password-hashing pool bounds what gets through (429 when it is full).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RateLimited } from '../../core/errors.ts';
import { Uuid } from '../../core/validation.ts';
import {
  initOrganisation,
  KDF_PARAMS,
  type KdfParams,
  setupNeeded,
} from '../../services/accounts/accounts.ts';
import { releaseActor } from '../../services/accounts/actor.ts';
import { login, logout } from '../../services/accounts/login.ts';
import { unlockAccount } from '../../services/accounts/unlock.ts';
import { sharedRateLimiter } from '../../services/limits/rateLimits.ts';
import type { Store } from '../../services/store.ts';
import { actorOf, sessionTokenOf } from '../auth.ts';
import { Id } from '../presenters/common.ts';
import { presentUser, SessionSchema, UserSchema } from '../presenters/session.ts';
import { contract } from '../route.ts';
import { csrfTokenFor, SESSION_COOKIE } from '../security.ts';

const SetupBody = z.strictObject({
  organisation: z.string().trim().min(1).max(200),
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1_024),
});
export const SetupState = z.object({ needed: z.boolean(), csrfToken: z.string() });
export const SetupResult = z.object({
  organisation: z.object({ id: z.string(), name: z.string() }),
  user: UserSchema,
  recoveryKey: z.string().describe('shown once, never stored: the administrator must write it down'),
});
const SignInBody = z.strictObject({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1_024),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'expected 6 digits')
    .optional(),
});

const UserParams = z.strictObject({ id: Uuid });
const UnlockResult = z.object({
  id: Id,
  email: z.string(),
  wasLocked: z.boolean().describe('false: the account was not locked (its failure count is reset anyway)'),
  failures: z.number().int().describe('consecutive failed sign-ins before the unlock'),
});

export interface AccountRoutesOptions {
  store: Store;
  kdfParams?: KdfParams | undefined;
  signInPerMinute: number;
  /** Sign-in attempts per minute from all clients together. */
  signInGlobalPerMinute: number;
}

export const accountRoutes: FastifyPluginAsyncZod<AccountRoutesOptions> = async (
  app,
  { store, kdfParams, signInPerMinute, signInGlobalPerMinute },
) => {
  const rateLimit = { max: signInPerMinute, timeWindow: '1 minute' };
  // One bucket for the whole installation, in the database: every server takes from the same one.
  const allSignIns = sharedRateLimiter(store.db, 'sign-in', {
    capacity: signInGlobalPerMinute,
    refillPerSecond: signInGlobalPerMinute / 60,
  });
  const takeGlobalSignIn = async () => {
    if (!(await allSignIns.tryTake('all')))
      throw new RateLimited(
        'too many sign-ins on this server; try again in a minute',
        Math.ceil(60 / signInGlobalPerMinute),
      );
  };
  const cookieOptions = (secure: boolean, expires?: Date) => ({
    path: '/api',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    ...(expires ? { expires } : {}),
  });

  // Setups run one at a time: the first creates the organisation, the others then find it and get
  // 409 before hashing a password (concurrent ones would all hash, crowd the pool and get 429).
  // Across servers the database's setup lock (in initOrganisation) still makes it 409.
  let setups: Promise<unknown> = Promise.resolve();

  app.get(
    '/api/setup',
    contract('public', {
      summary: 'Does this installation still need its organisation and first administrator',
      tags: ['accounts'],
      response: { 200: SetupState },
    }),
    async (request, reply) => ({
      needed: await setupNeeded(store.db),
      csrfToken: csrfTokenFor(request, reply),
    }),
  );

  const setup = contract('public', {
    summary: 'Create the organisation, its keys and the first administrator (only once)',
    tags: ['accounts'],
    body: SetupBody,
    response: { 201: SetupResult },
    errors: [409, 429],
  });
  app.post('/api/setup', { ...setup, config: { ...setup.config, rateLimit } }, async (request, reply) => {
    const body = request.body;
    const setup = setups.then(() =>
      initOrganisation(
        store.db,
        { name: body.organisation, adminEmail: body.email, password: body.password },
        kdfParams,
      ),
    );
    setups = setup.catch(() => undefined);
    const result = await setup;
    return reply.status(201).send({
      organisation: { id: result.organisationId, name: body.organisation },
      user: { id: result.adminId, email: body.email.toLowerCase(), role: 'administrator' },
      recoveryKey: result.recoveryKey,
    });
  });

  const signIn = contract('public', {
    summary: 'Sign in with e-mail, password and (if enabled) a TOTP code; sets the session cookie',
    tags: ['accounts'],
    body: SignInBody,
    response: { 200: SessionSchema },
    errors: [429],
  });
  app.post('/api/session', { ...signIn, config: { ...signIn.config, rateLimit } }, async (request, reply) => {
    const body = request.body;
    await takeGlobalSignIn();
    const { actor, token, expiresAt } = await login(
      store.db,
      { email: body.email, password: body.password, totpCode: body.totp },
      { rehashTo: kdfParams ?? KDF_PARAMS },
    );
    releaseActor(actor);
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(request.protocol === 'https', expiresAt));
    return {
      user: presentUser(actor),
      expiresAt: expiresAt.toISOString(),
      csrfToken: csrfTokenFor(request, reply),
    };
  });

  app.post(
    '/api/users/:id/unlock',
    contract('user.unlock', {
      summary: 'Lift a sign-in lock and reset the failure count (audited)',
      tags: ['accounts'],
      params: UserParams,
      response: { 200: UnlockResult },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      return unlockAccount(store.db, actorOf(request), { userId: id });
    },
  );

  app.get(
    '/api/session',
    contract('signedIn', {
      summary: 'The signed-in user',
      tags: ['accounts'],
      response: { 200: SessionSchema },
    }),
    async (request, reply) => ({
      user: presentUser(actorOf(request)),
      expiresAt: null,
      csrfToken: csrfTokenFor(request, reply),
    }),
  );

  app.delete(
    '/api/session',
    contract('public', {
      summary: 'Sign out: revokes the session and clears the cookie',
      tags: ['accounts'],
      response: { 204: null },
    }),
    async (request, reply) => {
      const token = sessionTokenOf(request);
      // Signing out must always succeed from the client's point of view, even for a dead session.
      if (token) await logout(store.db, token).catch(() => {});
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request.protocol === 'https'));
      return reply.status(204).send();
    },
  );
};
