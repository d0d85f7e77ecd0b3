/**
 * Account administration over HTTP (administrators): the list, invitations, disabling and enabling,
 * and password resets. Role changes are in userRoles.ts, unlocking in accounts.ts. An invitation code
 * is in the response body only (never a URL the server sees in its logs): the administrator passes
 * it on, and the invitee's browser posts it back.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../core/roles.ts';
import { IdParams } from '../../core/validation.ts';
import { listUsers, setUserDisabled } from '../../services/accounts/admin.ts';
import {
  type Invitation,
  inviteUser,
  resetPasswordByAdministrator,
} from '../../services/accounts/invitations.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { Id, Instant } from '../presenters/common.ts';
import { contract } from '../route.ts';

const InviteBody = z.strictObject({ email: z.string().trim().min(3).max(320), role: z.enum(ROLES) });

export const AccountSchema = z.object({
  id: Id,
  email: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  locked: z.boolean(),
  totp: z.boolean(),
  invited: z.boolean().describe('waiting for the invitation to be accepted'),
  createdAt: Instant,
});
export const InvitationSchema = z.object({
  id: Id,
  email: z.string(),
  role: z.enum(ROLES),
  invitation: z.string().describe('the code the invitee needs; shown once, never stored'),
  expiresAt: Instant,
});
const DisabledSchema = z.object({ id: Id, email: z.string(), disabled: z.boolean() });

const presentInvitation = (invitation: Invitation): z.infer<typeof InvitationSchema> => ({
  id: invitation.id,
  email: invitation.email,
  role: invitation.role,
  invitation: invitation.code,
  expiresAt: invitation.expiresAt.toISOString(),
});

export const userRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/users',
    contract('user.list', {
      summary: 'Every account with its role and state (no key, hash or secret)',
      tags: ['accounts'],
      response: { 200: z.object({ items: z.array(AccountSchema) }) },
    }),
    async (request) => ({
      items: (await listUsers(store.db, actorOf(request))).map((user) => ({
        ...user,
        createdAt: user.createdAt.toISOString(),
      })),
    }),
  );

  app.post(
    '/api/users',
    contract('user.add', {
      summary: 'Invite a new user: the account is created with its keys; the invitee sets the password',
      tags: ['accounts'],
      body: InviteBody,
      response: { 201: InvitationSchema },
      errors: [409],
    }),
    async (request, reply) => {
      const body = request.body;
      const invitation = await inviteUser(store.db, actorOf(request), body);
      return reply.status(201).send(presentInvitation(invitation));
    },
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const)
    app.post(
      `/api/users/:id/${verb}`,
      contract('user.disable', {
        summary: disabled ? 'Disable an account: its sessions end now' : 'Enable a disabled account again',
        tags: ['accounts'],
        params: IdParams,
        response: { 200: DisabledSchema },
        errors: [404],
      }),
      async (request) => {
        const { id } = request.params;
        return setUserDisabled(store.db, actorOf(request), { userId: id }, disabled);
      },
    );

  app.post(
    '/api/users/:id/reset-password',
    contract('user.resetPassword', {
      summary:
        'Reset another user’s password: new keys holding the organisation key, sessions and TOTP end, a new invitation',
      tags: ['accounts'],
      params: IdParams,
      response: { 200: InvitationSchema },
      errors: [404, 409],
    }),
    async (request) => {
      const { id } = request.params;
      return presentInvitation(
        await resetPasswordByAdministrator(store.db, actorOf(request), { userId: id }),
      );
    },
  );
};
