import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { StorageUnavailable } from '../../core/errors.ts';
import type { Store } from '../../services/store.ts';
import { contract } from '../route.ts';

const Health = z.object({ status: z.literal('ok') });

export const healthRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/health',
    contract('public', {
      summary: 'Is the server up and its database reachable',
      tags: ['system'],
      response: { 200: Health },
      errors: [503],
    }),
    async () => {
      try {
        await store.db.query('select 1');
      } catch {
        throw new StorageUnavailable('the database does not answer');
      }
      return { status: 'ok' as const };
    },
  );
};
