/**
 * Getting into one's own account: accepting an invitation, the "forgot password" path with the
 * organisation recovery key, and enrolling TOTP. The two public routes are limited per address like
 * sign-in, and a wrong code or key gets the same answer whatever the reason.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type KdfParams, organisationName } from '../../services/accounts/accounts.ts';
import { acceptInvitation } from '../../services/accounts/invitations.ts';
import { confirmTotp, startTotpEnrolment } from '../../services/accounts/login.ts';
import { resetPasswordWithRecoveryKey } from '../../services/accounts/recovery.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { Id } from '../presenters/common.ts';
import { contract } from '../route.ts';

const AcceptBody = z.strictObject({
  code: z.string().trim().min(20).max(100),
  password: z.string().min(1).max(1_024),
});
const RecoverBody = z.strictObject({
  email: z.string().trim().min(3).max(320),
  recoveryKey: z.string().trim().min(10).max(200),
  password: z.string().min(1).max(1_024),
});
const TotpCodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'expected 6 digits') });
export const TotpEnrolment = z.object({
  secret: z.string().describe('base32; for typing into an authenticator app'),
  uri: z.string().describe('otpauth:// URI, for a QR code rendered by the client'),
});

export interface AccountAccessOptions {
  store: Store;
  kdfParams?: KdfParams | undefined;
  signInPerMinute: number;
}

export const accountAccessRoutes: FastifyPluginAsyncZod<AccountAccessOptions> = async (
  app,
  { store, kdfParams, signInPerMinute },
) => {
  const rateLimit = { max: signInPerMinute, timeWindow: '1 minute' };

  const accept = contract('public', {
    summary: 'Accept an invitation: set the first password (the code comes from an administrator)',
    tags: ['accounts'],
    body: AcceptBody,
    response: { 200: z.object({ id: Id, email: z.string() }) },
    errors: [429],
  });
  app.post('/api/invitation', { ...accept, config: { ...accept.config, rateLimit } }, async (request) => {
    const body = request.body;
    return acceptInvitation(store.db, { code: body.code, password: body.password }, new Date(), kdfParams);
  });

  const recover = contract('public', {
    summary: 'Forgot password: the organisation recovery key sets a new password (sessions and TOTP end)',
    tags: ['accounts'],
    body: RecoverBody,
    response: { 204: null },
    errors: [404, 429],
  });
  app.post(
    '/api/recovery',
    { ...recover, config: { ...recover.config, rateLimit } },
    async (request, reply) => {
      const body = request.body;
      await resetPasswordWithRecoveryKey(
        store.db,
        { email: body.email, recoveryKey: body.recoveryKey, newPassword: body.password },
        kdfParams,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/totp',
    contract('user.enableTotp', {
      summary: 'Start TOTP enrolment: a new secret, off until a valid code confirms it',
      tags: ['accounts'],
      response: { 200: TotpEnrolment },
    }),
    async (request) => {
      return startTotpEnrolment(store.db, actorOf(request), (await organisationName(store.db)) ?? 'Attest');
    },
  );

  app.post(
    '/api/me/totp/confirm',
    contract('user.enableTotp', {
      summary: 'Turn TOTP on with a valid code from the enrolled secret',
      tags: ['accounts'],
      body: TotpCodeBody,
      response: { 204: null },
      errors: [409],
    }),
    async (request, reply) => {
      const { code } = request.body;
      await confirmTotp(store.db, actorOf(request), code);
      return reply.status(204).send();
    },
  );
};
