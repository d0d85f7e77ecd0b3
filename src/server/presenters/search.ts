/** Search results: hits with plain snippets and highlight ranges, and facet counts. */
import { z } from 'zod';
import type { FacetedSearchResponse } from '../../services/search.ts';

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const SearchResponseSchema = z.object({
  total: z.number().int(),
  hits: z.array(
    z.object({
      kind: z.enum(['source', 'incident']),
      id: z.string(),
      title: z.string(),
      snippet: z.string(),
      highlights: z
        .array(z.object({ start: z.number().int(), end: z.number().int() }))
        .describe('UTF-16 offsets into snippet'),
      rank: z.number(),
      language: z.string(),
      country: z.string().nullable(),
      status: z.string().nullable(),
      date: z.string().nullable(),
    }),
  ),
  facets: z.object({
    kind: Facet,
    type: Facet,
    country: Facet,
    period: Facet,
    status: Facet,
    language: Facet,
    sourceKind: Facet,
  }),
});

export function presentSearch(result: FacetedSearchResponse): z.infer<typeof SearchResponseSchema> {
  return {
    total: result.total,
    hits: result.hits.map((hit) => ({
      kind: hit.kind,
      id: hit.id,
      title: hit.title,
      snippet: hit.snippet,
      highlights: hit.highlights,
      rank: hit.rank,
      language: hit.language,
      country: hit.country,
      status: hit.status,
      date: hit.date,
    })),
    facets: result.facets,
  };
}
