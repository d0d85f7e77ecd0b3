/** Involvement over HTTP: who was involved in an incident's acts, as codes; linking a person or organisation. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../core/validation.ts';
import {
  linkInvolvement,
  listInvolvements,
  newInvolvementSchema,
} from '../../services/persons/involvements.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { InvolvementListSchema, LinkResultSchema } from '../presenters/casework.ts';
import { contract } from '../route.ts';

export const involvementRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/incidents/:id/involvements',
    contract('involvement.list', {
      summary: 'Who was involved in each act of an incident: person codes, organisations, ESF details',
      tags: ['involvement'],
      params: IdParams,
      response: { 200: InvolvementListSchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      return { items: await listInvolvements(store.db, actorOf(request), id) };
    },
  );

  app.post(
    '/api/acts/:id/involvements',
    contract('involvement.create', {
      summary:
        'Link a person (code) or an organisation to an act with a role; raises the count to named victims',
      tags: ['involvement'],
      params: IdParams,
      body: newInvolvementSchema,
      response: { 201: LinkResultSchema },
      errors: [404],
    }),
    async (request, reply) => {
      const { id } = request.params;
      return reply.status(201).send(await linkInvolvement(store.db, actorOf(request), id, request.body));
    },
  );
};
