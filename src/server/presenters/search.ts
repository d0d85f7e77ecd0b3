/** Search results: hits with plain snippets and highlight ranges, and facet counts. */
import { z } from 'zod';
import type { FacetedSearchResponse } from '../../services/search.ts';
import type { SealedSearchHit } from '../../services/sources/sealedSources.ts';

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const SearchResponseSchema = z.object({
  total: z
    .number()
    .int()
    .describe(
      'matches counted: exact unless totalIsLowerBound, then at least this many (1,000 per kind are counted)',
    ),
  totalIsLowerBound: z
    .boolean()
    .describe(
      'more matches exist than were counted: total is a lower bound ("1,000+"), facets count the matches counted, and pages reach only those',
    ),
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
  sealed: z
    .object({
      total: z.number().int(),
      truncated: z.boolean().describe('more sealed sources exist than one search opens'),
      hits: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          compartment: z.string(),
          snippet: z.string(),
          highlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
        }),
      ),
    })
    .nullable()
    .describe(
      "sealed sources of the searcher's compartments that contain every word (opened in memory, audited); null without a query or on later pages",
    ),
});

export type SealedSearchResult = { hits: SealedSearchHit[]; total: number; truncated: boolean } | null;

function presentSealed(sealed: SealedSearchResult): z.infer<typeof SearchResponseSchema>['sealed'] {
  if (!sealed) return null;
  return {
    total: sealed.total,
    truncated: sealed.truncated,
    hits: sealed.hits.map(({ id, title, compartment, snippet, highlights }) => ({
      id,
      title,
      compartment,
      snippet,
      highlights,
    })),
  };
}

export function presentSearch(
  result: FacetedSearchResponse,
  sealed: SealedSearchResult = null,
): z.infer<typeof SearchResponseSchema> {
  return {
    sealed: presentSealed(sealed),
    total: result.total,
    totalIsLowerBound: result.totalIsLowerBound,
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
