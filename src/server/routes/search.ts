import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CountryCode, IsoDate, LanguageCode } from '../../core/codes.ts';
import { EventType, IncidentStatus } from '../../core/vocabulary.ts';
import { allows } from '../../services/policies/index.ts';
import { facetedSearch } from '../../services/search.ts';
import { searchSealedSources } from '../../services/sources/sealedSources.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { presentSearch, SearchResponseSchema } from '../presenters/search.ts';
import { contract } from '../route.ts';

const SearchQuery = z.strictObject({
  q: z.string().trim().max(500).default(''),
  kind: z.enum(['source', 'incident']).optional(),
  language: LanguageCode.optional(),
  country: CountryCode.optional(),
  type: EventType.optional(),
  status: IncidentStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const searchRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
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
      const { q, ...rest } = request.query;
      // Whoever may not read sources gets incident hits only: a snippet of a source is a read of it.
      const actor = actorOf(request);
      const kind = allows(actor.role, 'source.read') ? rest.kind : 'incident';
      // Sealed sources have no index at rest: members' compartments are opened and scanned in memory,
      // on another connection while the index answers the rest.
      const withSealed =
        q !== '' && kind !== 'incident' && rest.offset === 0 && allows(actor.role, 'source.readSealed');
      const [result, sealed] = await Promise.all([
        facetedSearch(store.db, { ...rest, query: q, kind }),
        withSealed ? searchSealedSources(store.db, actor, q, rest.limit) : null,
      ]);
      return presentSearch(result, sealed);
    },
  );
};
