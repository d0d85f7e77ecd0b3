/** An administrator changes a user's role; the user's keys follow (services/accounts/roles.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../core/roles.ts';
import { IdParams } from '../../core/validation.ts';
import { changeUserRole } from '../../services/accounts/roles.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { presentRoleChange, RoleChangeSchema } from '../presenters/roleChange.ts';
import { contract } from '../route.ts';

const RoleBody = z.strictObject({ role: z.enum(ROLES) });

export const userRoleRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.patch(
    '/api/users/:id',
    contract('user.changeRole', {
      summary: 'Change a user’s role: compartment keys are given or taken back (and rotated) with it',
      tags: ['accounts'],
      params: IdParams,
      body: RoleBody,
      response: { 200: RoleChangeSchema },
      errors: [404, 409],
    }),
    async (request) => {
      const { id } = request.params;
      const { role } = request.body;
      return presentRoleChange(await changeUserRole(store.db, actorOf(request), { user: { id }, role }));
    },
  );
};
