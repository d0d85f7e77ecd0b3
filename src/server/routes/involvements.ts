/**
 * Involvement over HTTP: who was involved in an incident's acts, as codes; linking a person or an
 * organisation; correcting a link's role or withdrawing it (versioned, never deleted).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../core/validation.ts';
import {
  correctInvolvement,
  involvementPatchSchema,
  withdrawalSchema,
  withdrawInvolvement,
} from '../../services/persons/involvementEdits.ts';
import { involvementHistory } from '../../services/persons/involvementHistory.ts';
import {
  linkInvolvement,
  listInvolvements,
  newInvolvementSchema,
} from '../../services/persons/involvements.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import {
  InvolvementCorrectionSchema,
  InvolvementListSchema,
  LinkResultSchema,
} from '../presenters/casework.ts';
import { presentHistory, RecordHistorySchema } from '../presenters/edits.ts';
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

  app.patch(
    '/api/involvements/:id',
    contract('involvement.update', {
      summary: 'Change the role of an involvement (and its ESF detail); counts follow',
      description: '`version` is the version the change was made on; a stale one answers 409 with `current`.',
      tags: ['involvement'],
      params: IdParams,
      body: involvementPatchSchema,
      response: { 200: InvolvementCorrectionSchema },
      errors: [404, 409],
    }),
    async (request) => correctInvolvement(store.db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/involvements/:id/withdraw',
    contract('involvement.update', {
      summary: 'Withdraw an involvement entered by mistake, with a reason: kept in history, counted nowhere',
      tags: ['involvement'],
      params: IdParams,
      body: withdrawalSchema,
      response: { 200: InvolvementCorrectionSchema },
      errors: [404, 409],
    }),
    async (request) => withdrawInvolvement(store.db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/involvements/:id/history',
    contract('involvement.update', {
      summary: 'Every correction of an involvement: who, when, before → after, reason',
      description:
        'The reason a person’s link was withdrawn is sealed with the person: it is given (and the read audited) only to those who may read the person, null for others.',
      tags: ['involvement'],
      params: IdParams,
      response: { 200: RecordHistorySchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      return presentHistory('involvement', id, await involvementHistory(store.db, actorOf(request), id));
    },
  );
};
