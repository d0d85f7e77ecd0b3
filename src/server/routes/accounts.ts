/** First-run setup (organisation + administrator) and sessions (sign in, who am I, sign out). */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { KdfParams } from '../../crypto/passwords.ts';
import { initOrganisation } from '../../services/accounts.ts';
import { releaseActor } from '../../services/accountsActor.ts';
import { login, logout } from '../../services/accountsLogin.ts';
import type { Store } from '../../store/openStore.ts';
import { organisationsRepository } from '../../store/organisationsRepository.ts';
import { actorOf, sessionTokenOf } from '../auth.ts';
import { presentUser, SessionSchema, UserSchema } from '../presenters/session.ts';
import { contract, parseBody } from '../route.ts';
import { csrfTokenFor, SESSION_COOKIE } from '../security.ts';

const SetupBody = z.strictObject({
  organisation: z.string().trim().min(1).max(200),
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1_024),
});
const SetupState = z.object({ needed: z.boolean(), csrfToken: z.string() });
const SetupResult = z.object({
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

export interface AccountRoutesOptions {
  store: Store;
  kdfParams?: KdfParams | undefined;
  signInPerMinute: number;
}

export const accountRoutes: FastifyPluginAsync<AccountRoutesOptions> = async (
  app,
  { store, kdfParams, signInPerMinute },
) => {
  const rateLimit = { max: signInPerMinute, timeWindow: '1 minute' };
  const cookieOptions = (secure: boolean, expires?: Date) => ({
    path: '/api',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    ...(expires ? { expires } : {}),
  });

  app.get(
    '/api/setup',
    contract('public', {
      summary: 'Does this installation still need its organisation and first administrator',
      tags: ['accounts'],
      response: { 200: SetupState },
    }),
    async (request, reply) => ({
      needed: (await organisationsRepository(store.db).find()) === null,
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
    const body = parseBody(SetupBody, request);
    const result = await initOrganisation(
      store.db,
      { name: body.organisation, adminEmail: body.email, password: body.password },
      kdfParams,
    );
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
    const body = parseBody(SignInBody, request);
    const { actor, token, expiresAt } = await login(store.db, {
      email: body.email,
      password: body.password,
      totpCode: body.totp,
    });
    releaseActor(actor);
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(request.protocol === 'https', expiresAt));
    return {
      user: presentUser(actor),
      expiresAt: expiresAt.toISOString(),
      csrfToken: csrfTokenFor(request, reply),
    };
  });

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
