/** The signed-in user's own drafts (capture text, review decisions): read, replace, discard. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DraftBody, DraftKind, deleteDraft, getDraft, saveDraft } from '../../services/drafts.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { Instant, iso } from '../presenters/common.ts';
import { contract } from '../route.ts';

const KindParams = z.strictObject({ kind: DraftKind });
export const DraftSchema = z.object({
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  updatedAt: Instant,
});

export const draftRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/drafts/:kind',
    contract('signedIn', {
      summary: 'Your draft of this kind (`capture` or `review:<sourceId>`)',
      tags: ['drafts'],
      params: KindParams,
      response: { 200: DraftSchema },
      errors: [404],
    }),
    async (request) => {
      const { kind } = request.params;
      const draft = await getDraft(store.db, actorOf(request).userId, kind);
      return { kind: draft.kind, payload: draft.payload, updatedAt: iso(draft.updatedAt)! };
    },
  );

  app.put(
    '/api/drafts/:kind',
    contract('signedIn', {
      summary: 'Save (replace) your draft of this kind; at most 512 KB',
      tags: ['drafts'],
      params: KindParams,
      body: DraftBody,
      response: { 200: z.object({ kind: z.string(), updatedAt: Instant }) },
    }),
    async (request) => {
      const { kind } = request.params;
      const { payload } = request.body;
      const updatedAt = await saveDraft(store.db, actorOf(request).userId, kind, payload);
      return { kind, updatedAt: iso(updatedAt)! };
    },
  );

  app.delete(
    '/api/drafts/:kind',
    contract('signedIn', {
      summary: 'Discard your draft of this kind (done after the capture or review is submitted)',
      tags: ['drafts'],
      params: KindParams,
      response: { 204: null },
    }),
    async (request, reply) => {
      const { kind } = request.params;
      await deleteDraft(store.db, actorOf(request).userId, kind);
      return reply.status(204).send();
    },
  );
};
