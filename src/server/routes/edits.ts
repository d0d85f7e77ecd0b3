/**
 * Editing after review: incidents created by hand; acts added, changed, moved and deleted; claims and
 * interventions changed; each record readable with its version, and its history. A PATCH names the
 * version it was made on; a stale one answers 409 with the record as it is now.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../core/validation.ts';
import { createAct, deleteAct, updateAct } from '../../services/incidents/edits/actEdits.ts';
import {
  ActPatchSchema,
  ClaimPatchSchema,
  DeleteSchema,
  InterventionPatchSchema,
  NewActSchema,
  NewIncidentSchema,
} from '../../services/incidents/edits/editSchemas.ts';
import { updateClaim, updateIntervention } from '../../services/incidents/edits/evidenceEdits.ts';
import { createIncident } from '../../services/incidents/edits/incidentCreation.ts';
import type { RecordKind } from '../../services/incidents/edits/recordHistory.ts';
import { getEditableRecord, getRecordHistory } from '../../services/incidents/edits/recordHistory.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import {
  presentHistory,
  RecordHistorySchema,
  SavedRecordSchema,
  VersionedRecordSchema,
} from '../presenters/edits.ts';
import { contract } from '../route.ts';

// Involvements have their own routes (routes/involvements.ts): their policy is casework's.
const PATHS: Record<Exclude<RecordKind, 'involvement'>, string> = {
  incident: '/api/incidents',
  act: '/api/acts',
  claim: '/api/claims',
  intervention: '/api/interventions',
};

export const editRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  const editorOf = (request: Parameters<typeof actorOf>[0]) => ({ userId: actorOf(request).userId });

  app.post(
    '/api/incidents',
    contract('incident.update', {
      summary: 'Create an incident by hand (acts can then be added, or sources reviewed into it)',
      tags: ['incidents'],
      body: NewIncidentSchema,
      response: { 201: SavedRecordSchema },
    }),
    async (request, reply) => {
      const input = request.body;
      const { id } = await createIncident(store.db, editorOf(request), input);
      return reply.status(201).send({ id, version: 1 });
    },
  );

  app.post(
    '/api/incidents/:id/acts',
    contract('incident.update', {
      summary: 'Add an act to an incident by hand',
      tags: ['incidents'],
      params: IdParams,
      body: NewActSchema,
      response: { 201: SavedRecordSchema },
      errors: [404],
    }),
    async (request, reply) => {
      const { id } = request.params;
      const input = request.body;
      return reply.status(201).send(await createAct(store.db, editorOf(request), id, input));
    },
  );

  app.patch(
    '/api/acts/:id',
    contract('incident.update', {
      summary: 'Change an act (type, victims, place, date, perpetrators) or move it to another incident',
      description: '`version` is the version the change was made on; a stale one answers 409 with `current`.',
      tags: ['incidents'],
      params: IdParams,
      body: ActPatchSchema,
      response: { 200: SavedRecordSchema },
      errors: [404, 409],
    }),
    async (request) => {
      const { id } = request.params;
      return updateAct(store.db, editorOf(request), id, request.body);
    },
  );

  app.delete(
    '/api/acts/:id',
    contract('incident.update', {
      summary: 'Delete an act; its history keeps its last state',
      tags: ['incidents'],
      params: IdParams,
      body: DeleteSchema,
      response: { 204: null },
      errors: [404, 409],
    }),
    async (request, reply) => {
      const { id } = request.params;
      await deleteAct(store.db, editorOf(request), id, request.body);
      return reply.status(204).send();
    },
  );

  app.patch(
    '/api/claims/:id',
    contract('incident.update', {
      summary: 'Change a claim (stance, actor, wording, the act it is about); its passage stays',
      tags: ['incidents'],
      params: IdParams,
      body: ClaimPatchSchema,
      response: { 200: SavedRecordSchema },
      errors: [404, 409],
    }),
    async (request) => {
      const { id } = request.params;
      return updateClaim(store.db, editorOf(request), id, request.body);
    },
  );

  app.patch(
    '/api/interventions/:id',
    contract('incident.update', {
      summary: 'Change an intervention (type, actor, description, date, outcome)',
      tags: ['incidents'],
      params: IdParams,
      body: InterventionPatchSchema,
      response: { 200: SavedRecordSchema },
      errors: [404, 409],
    }),
    async (request) => {
      const { id } = request.params;
      return updateIntervention(store.db, editorOf(request), id, request.body);
    },
  );

  for (const [kind, path] of Object.entries(PATHS) as [Exclude<RecordKind, 'involvement'>, string][]) {
    if (kind !== 'incident') {
      app.get(
        `${path}/:id`,
        contract('incident.read', {
          summary: `One ${kind} as stored, with the version an edit must name`,
          tags: ['incidents'],
          params: IdParams,
          response: { 200: VersionedRecordSchema },
          errors: [404],
        }),
        async (request) => getEditableRecord(store.db, kind, request.params.id),
      );
    }
    app.get(
      `${path}/:id/history`,
      contract('incident.update', {
        summary: `Every change to one ${kind}: who, when, before → after, reason (also after deletion)`,
        tags: ['incidents'],
        params: IdParams,
        response: { 200: RecordHistorySchema },
        errors: [404],
      }),
      async (request) => {
        const { id } = request.params;
        return presentHistory(kind, id, await getRecordHistory(store.db, kind, id));
      },
    );
  }
};
