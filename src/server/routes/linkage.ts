/**
 * Linkage review over HTTP (services/linkage/). An uploaded list travels as CSV text in the body of
 * the run request (never in a URL) and is not kept; names of a database list leave only through the
 * records route, to a member whose role may read persons, audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  labelHistory,
  labelPair,
  labelRequestSchema,
  listLinkageLists,
  MAX_CSV_CHARS,
  openRunRecords,
  runLinkage,
  runRequestSchema,
  showLinkageRun,
} from '../../services/linkage/linkage.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import {
  LabelHistorySchema,
  LinkageListSchema,
  LinkageRecordsSchema,
  LinkageRunResultSchema,
  LinkageRunSchema,
} from '../presenters/linkage.ts';
import { contract } from '../route.ts';

const RunParams = z.strictObject({ id: z.uuid() });
const PairQuery = z.strictObject({ a: z.string().min(1).max(200), b: z.string().min(1).max(200) });
// The CSV as JSON text: escaping can double its size, plus room for the other fields.
const RUN_BODY_LIMIT = 2 * MAX_CSV_CHARS + 64 * 1024;

export const linkageRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/linkage/lists',
    contract('linkage.read', {
      summary: 'Lists of victim records for linkage review, each with its newest run',
      tags: ['linkage'],
      response: { 200: z.object({ items: z.array(LinkageListSchema) }) },
    }),
    async (request) => ({ items: await listLinkageLists(store.db, actorOf(request)) }),
  );

  app.post(
    '/api/linkage/runs',
    {
      ...contract('linkage.run', {
        summary:
          'Run record linkage over a list: the sealed persons of a compartment (source database; needs person.read and the key) or an uploaded CSV (source csv; the file is not kept)',
        tags: ['linkage'],
        body: runRequestSchema,
        response: { 201: LinkageRunResultSchema },
        errors: [404, 413],
      }),
      bodyLimit: RUN_BODY_LIMIT,
    },
    async (request, reply) =>
      reply.status(201).send(await runLinkage(store.db, actorOf(request), request.body)),
  );

  app.get(
    '/api/linkage/runs/:id',
    contract('linkage.read', {
      summary: 'A run: the pairs to review with their waterfall, labels, clusters with labels applied',
      tags: ['linkage'],
      params: RunParams,
      response: { 200: LinkageRunSchema },
      errors: [404],
    }),
    async (request) => showLinkageRun(store.db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/linkage/runs/:id/records',
    contract('linkage.read', {
      summary:
        'Open the records of a database run shown for review (names included): person.read and the compartment key, audited',
      tags: ['linkage'],
      params: RunParams,
      response: { 200: LinkageRecordsSchema },
      errors: [404],
    }),
    async (request) => openRunRecords(store.db, actorOf(request), request.params.id),
  );

  app.put(
    '/api/linkage/runs/:id/labels',
    contract('linkage.label', {
      summary:
        'Label a pair match, non-match or unsure (decision null clears it); the run comes back re-clustered',
      tags: ['linkage'],
      params: RunParams,
      body: labelRequestSchema,
      response: { 200: LinkageRunSchema },
      errors: [404],
    }),
    async (request) => labelPair(store.db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/linkage/runs/:id/labels/history',
    contract('linkage.read', {
      summary: 'Every label a pair of the run’s list has had, oldest first',
      tags: ['linkage'],
      params: RunParams,
      querystring: PairQuery,
      response: { 200: LabelHistorySchema },
      errors: [404],
    }),
    async (request) => ({
      items: await labelHistory(
        store.db,
        actorOf(request),
        request.params.id,
        request.query.a,
        request.query.b,
      ),
    }),
  );
};
