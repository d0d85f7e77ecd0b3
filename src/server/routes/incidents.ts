import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, ListPageSchema } from '../../core/validation.ts';
import {
  getIncident,
  IncidentFiltersSchema,
  IncidentPatchSchema,
  listIncidents,
  updateIncident,
} from '../../services/incidents/incidents.ts';
import { allows } from '../../services/policies/index.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import {
  IncidentDetailSchema,
  IncidentListSchema,
  presentIncident,
  presentIncidentSummary,
} from '../presenters/incidents.ts';
import { contract } from '../route.ts';

const ListQuery = IncidentFiltersSchema.extend(ListPageSchema.shape);

export const incidentRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/incidents',
    contract('incident.list', {
      summary: 'Incidents, newest first, with filters',
      tags: ['incidents'],
      querystring: ListQuery,
      response: { 200: IncidentListSchema },
    }),
    async (request) => {
      const { limit, offset, after, ...filters } = request.query;
      const result = await listIncidents(store.db, filters, { limit, offset, after });
      return { ...result, limit, offset, items: result.items.map(presentIncidentSummary) };
    },
  );

  app.get(
    '/api/incidents/:id',
    contract('incident.read', {
      summary: 'One incident with its evidence: claims with source passages, denials, acts, interventions',
      tags: ['incidents'],
      params: IdParams,
      response: { 200: IncidentDetailSchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      return presentIncident(await getIncident(store.db, id));
    },
  );

  app.patch(
    '/api/incidents/:id',
    contract('incident.update', {
      summary:
        'Change title, summary, tags or status (corroborated needs 2 independent sources; verified needs incident.verify)',
      tags: ['incidents'],
      params: IdParams,
      body: IncidentPatchSchema,
      response: { 200: IncidentDetailSchema },
      errors: [404, 409],
    }),
    async (request) => {
      const { id } = request.params;
      const patch = request.body;
      const actor = actorOf(request);
      const editor = { userId: actor.userId, mayVerify: allows(actor.role, 'incident.verify') };
      return presentIncident(await updateIncident(store.db, editor, id, patch));
    },
  );
};
