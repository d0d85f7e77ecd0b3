import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { IsoDate } from '../../core/isoDate.ts';
import { EventType } from '../../core/vocabulary.ts';
import { IncidentStatusSchema } from '../../services/incidents.ts';
import { facetedSearch } from '../../services/search.ts';
import { searchSealedSources } from '../../services/sources/sealedSources.ts';
import type { Store } from '../../store/openStore.ts';
import { allows } from '../access.ts';
import { actorOf } from '../auth.ts';
import { presentSearch, SearchResponseSchema } from '../presenters/search.ts';
import { contract, parseQuery } from '../route.ts';

const SearchQuery = z.strictObject({
  q: z.string().trim().max(500).default(''),
  kind: z.enum(['source', 'incident']).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'expected an ISO 639-1 code')
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code')
    .optional(),
  type: EventType.optional(),
  status: IncidentStatusSchema.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const searchRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/search',
    contract('search', {
      summary:
        'Full-text search in every language, with filters, facet counts and highlight ranges; an empty q browses everything',
      tags: ['search'],
      querystring: SearchQuery,
      response: { 200: SearchResponseSchema },
    }),
    async (request) => {
      const { q, ...rest } = parseQuery(SearchQuery, request);
      // Whoever may not read sources gets incident hits only: a snippet of a source is a read of it.
      const actor = actorOf(request);
      const kind = allows(actor.role, 'source.read') ? rest.kind : 'incident';
      const result = await facetedSearch(store.db, { ...rest, query: q, kind });
      // Sealed sources have no index at rest: members' compartments are opened and scanned in memory.
      const sealed =
        q !== '' && kind !== 'incident' && rest.offset === 0 && allows(actor.role, 'source.readSealed')
          ? await searchSealedSources(store.db, actor, q, rest.limit)
          : null;
      return presentSearch(result, sealed);
    },
  );
};
