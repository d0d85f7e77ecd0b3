/**
 * The estimation page's API (docs/api.md, docs/analysis.md "The estimation page"): the lists one may
 * choose from the database, the overlaps of chosen or uploaded lists, an estimate, and saved
 * estimates. An uploaded lists file is sent as text inside the JSON body and never stored.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../core/validation.ts';
import {
  listEstimates,
  listsToChoose,
  openEstimate,
  overlaps,
  runEstimate,
  saveEstimate,
} from '../../services/estimation/estimates.ts';
import {
  EstimateAnswerSchema,
  EstimateRequestSchema,
  ListsInputSchema,
  OverlapsSchema,
  SaveEstimateSchema,
} from '../../services/estimation/schemas.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import {
  AvailableListsSchema,
  presentSaved,
  presentSavedList,
  SavedEstimateListSchema,
  SavedEstimateSchema,
} from '../presenters/estimation.ts';
import { contract } from '../route.ts';

const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const estimateRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/estimates/lists',
    contract('estimate.run', {
      summary: 'Sources, publishers and organisations that reported named victims: the lists to choose from',
      tags: ['estimates'],
      response: { 200: AvailableListsSchema },
    }),
    async (request) => listsToChoose(store.db, actorOf(request)),
  );

  app.post(
    '/api/estimates/overlaps',
    contract('estimate.run', {
      summary: 'The capture table of the chosen or uploaded lists: list sizes and intersections (UpSet)',
      tags: ['estimates'],
      body: z.strictObject({ lists: ListsInputSchema }),
      response: { 200: OverlapsSchema },
    }),
    async (request) => overlaps(store.db, actorOf(request), request.body.lists),
  );

  app.post(
    '/api/estimates/run',
    contract('estimate.run', {
      summary:
        'Estimate the total number of victims from the lists (multiple systems estimation); stores nothing',
      tags: ['estimates'],
      body: EstimateRequestSchema,
      response: { 200: EstimateAnswerSchema },
    }),
    async (request) => runEstimate(store.db, actorOf(request), request.body),
  );

  app.post(
    '/api/estimates',
    contract('estimate.save', {
      summary: 'Run an estimate and save it (aggregated counts, settings and result only)',
      tags: ['estimates'],
      body: SaveEstimateSchema,
      response: { 201: SavedEstimateSchema },
    }),
    async (request, reply) =>
      reply.status(201).send(presentSaved(await saveEstimate(store.db, actorOf(request), request.body))),
  );

  app.get(
    '/api/estimates',
    contract('estimate.read', {
      summary: 'Saved estimates, newest first',
      tags: ['estimates'],
      querystring: PageQuery,
      response: { 200: SavedEstimateListSchema },
    }),
    async (request) => presentSavedList(await listEstimates(store.db, actorOf(request), request.query)),
  );

  app.get(
    '/api/estimates/:id',
    contract('estimate.read', {
      summary: 'One saved estimate with its overlaps and result (the opening is audited)',
      tags: ['estimates'],
      params: IdParams,
      response: { 200: SavedEstimateSchema },
      errors: [404],
    }),
    async (request) => presentSaved(await openEstimate(store.db, actorOf(request), request.params.id)),
  );
};
