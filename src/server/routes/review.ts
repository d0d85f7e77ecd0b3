import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListPageSchema, Uuid } from '../../core/validation.ts';
import { ReviewRequest } from '../../services/review/decisions.ts';
import { applyReview, getReview, reviewQueue } from '../../services/review/review.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import {
  presentQueueItem,
  presentReviewDetail,
  presentReviewResult,
  QueueSchema,
  ReviewDetailSchema,
  ReviewResultSchema,
} from '../presenters/review.ts';
import { contract } from '../route.ts';

const SourceParams = z.strictObject({ sourceId: Uuid });

export const reviewRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/review',
    contract('review.list', {
      summary: 'Sources whose suggestions nobody has reviewed yet, oldest first',
      tags: ['review'],
      querystring: ListPageSchema,
      response: { 200: QueueSchema },
    }),
    async (request) => {
      const { after: _, ...position } = request.query;
      const queue = await reviewQueue(store.db, request.query);
      return { ...queue, ...position, items: queue.items.map(presentQueueItem) };
    },
  );

  app.get(
    '/api/review/:sourceId',
    contract('review.list', {
      summary: 'A source to review: text, suggestions, incidents it may belong to',
      tags: ['review'],
      params: SourceParams,
      response: { 200: ReviewDetailSchema },
      errors: [404],
    }),
    async (request) => {
      const { sourceId } = request.params;
      return presentReviewDetail(await getReview(store.db, sourceId, actorOf(request)));
    },
  );

  app.post(
    '/api/review/:sourceId',
    contract('review.apply', {
      summary:
        'Apply a review: accept / edit / reject each suggestion, into a new or an existing incident (one transaction)',
      tags: ['review'],
      params: SourceParams,
      body: ReviewRequest,
      response: { 201: ReviewResultSchema },
      errors: [404, 409],
    }),
    async (request, reply) => {
      const { sourceId } = request.params;
      const body = request.body;
      const result = await applyReview(store.db, sourceId, actorOf(request).userId, body, actorOf(request));
      return reply.status(201).send(presentReviewResult(result));
    },
  );
};
