/** Search use case: validates the query and turns snippets' match markers into highlight ranges. */
import { z } from 'zod';
import { CountryCode, IsoDate, LanguageCode } from '../core/codes.ts';
import { parseWith } from '../core/validation.ts';
import { EventType, IncidentStatus } from '../core/vocabulary.ts';
import type { Queryable } from '../store/db.ts';
import {
  type FacetRows,
  MATCH_END,
  MATCH_START,
  type SearchKind,
  searchRepository,
} from '../store/search.ts';

export const SearchRequest = z.object({
  query: z.string().trim().min(1, 'empty query').max(500, 'query longer than 500 characters'),
  kind: z.enum(['source', 'incident']).optional(),
  limit: z.number().int().min(1).max(200).default(20),
});
export type SearchRequest = z.input<typeof SearchRequest>;

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** Plain text around the matches. */
  snippet: string;
  /** Where the matches are in `snippet` (UTF-16 offsets). */
  highlights: Array<{ start: number; end: number }>;
  rank: number;
}

export interface SearchResponse {
  /** Matches counted: exact unless `totalIsLowerBound`, then "at least" (SEARCH_CAP per kind). */
  total: number;
  totalIsLowerBound: boolean;
  hits: SearchHit[];
}

export async function search(db: Queryable, request: SearchRequest): Promise<SearchResponse> {
  const { query, kind, limit } = parseWith(SearchRequest, request, '', 'query');
  const { total, totalIsLowerBound, hits } = await searchRepository(db).search(
    query,
    { kind },
    { limit, offset: 0 },
    { facets: false },
  );
  return {
    total,
    totalIsLowerBound,
    hits: hits.map(({ kind, id, title, snippet, rank }) => ({
      kind,
      id,
      title,
      rank,
      ...highlightsOf(snippet),
    })),
  };
}

/** Removes the match markers, remembering where they were. */
export function highlightsOf(marked: string): Pick<SearchHit, 'snippet' | 'highlights'> {
  let snippet = '';
  const highlights: SearchHit['highlights'] = [];
  let open = -1;
  for (const char of marked) {
    if (char === MATCH_START) open = snippet.length;
    else if (char === MATCH_END) {
      if (open >= 0) highlights.push({ start: open, end: snippet.length });
      open = -1;
    } else snippet += char;
  }
  return { snippet, highlights };
}

export const FacetedSearchRequest = z.object({
  // Empty: browse every record under the filters, with their facet counts.
  query: z.string().trim().max(500, 'query longer than 500 characters'),
  kind: z.enum(['source', 'incident']).optional(),
  language: LanguageCode.optional(),
  country: CountryCode.optional(),
  type: EventType.optional(),
  status: IncidentStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.number().int().min(1).max(200).default(20),
  offset: z.number().int().min(0).max(10_000).default(0),
});
export type FacetedSearchRequest = z.input<typeof FacetedSearchRequest>;

export interface FacetedSearchHit extends SearchHit {
  language: string;
  country: string | null;
  status: string | null;
  date: string | null;
}

export interface FacetedSearchResponse {
  total: number;
  totalIsLowerBound: boolean;
  hits: FacetedSearchHit[];
  facets: FacetRows;
}

/**
 * Search with filters, paging and facet counts (for the search page). Counts, facets and pages
 * cover at most SEARCH_CAP matches per kind; past it `totalIsLowerBound` is true.
 */
export async function facetedSearch(
  db: Queryable,
  request: FacetedSearchRequest,
): Promise<FacetedSearchResponse> {
  const { query, limit, offset, ...filters } = parseWith(FacetedSearchRequest, request, '', 'query');
  const result = await searchRepository(db).search(query, filters, { limit, offset });
  return { ...result, hits: result.hits.map((hit) => ({ ...hit, ...highlightsOf(hit.snippet) })) };
}
