/** A person's judgements on one act: the figure to count and "verified", each with a reason. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../core/validation.ts';
import {
  ActVerificationSchema,
  ChosenFigureSchema,
  chooseActFigure,
  verifyAct,
} from '../../services/incidents/actJudgements.ts';
import { getIncident } from '../../services/incidents/incidents.ts';
import { allows } from '../../services/policies/index.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { IncidentDetailSchema, presentIncident } from '../presenters/incidents.ts';
import { contract } from '../route.ts';

export const actRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  const editorOf = (request: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request);
    return { userId: actor.userId, mayVerify: allows(actor.role, 'incident.verify') };
  };

  app.put(
    '/api/acts/:id/chosen-figure',
    contract('incident.update', {
      summary:
        'Choose the victim figure an act counts with, with a reason (null: back to the lowest figure its sources report)',
      tags: ['incidents'],
      params: IdParams,
      body: ChosenFigureSchema,
      response: { 200: IncidentDetailSchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      const { incidentId } = await chooseActFigure(store.db, editorOf(request), id, body);
      return presentIncident(await getIncident(store.db, incidentId));
    },
  );

  app.put(
    '/api/acts/:id/verification',
    contract('incident.verify', {
      summary: 'Mark an act verified (or not), with a reason',
      tags: ['incidents'],
      params: IdParams,
      body: ActVerificationSchema,
      response: { 200: IncidentDetailSchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      const { incidentId } = await verifyAct(store.db, editorOf(request), id, body);
      return presentIncident(await getIncident(store.db, incidentId));
    },
  );
};
