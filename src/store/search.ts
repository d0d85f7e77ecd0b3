/**
 * Full-text search over sources and incidents. A query is read once per supported language
 * (each with its stemmer, all accent-insensitive) and the readings are OR-ed, so "ativista preso"
 * finds "ativistas foram presos" and a Russian query finds Russian inflections, without the
 * searcher saying which language they typed in.
 */
import type { Queryable, SqlParam } from './db.ts';
import { SEARCH_CONFIGS } from './searchConfig.ts';

export type SearchKind = 'source' | 'incident';

export interface SearchHitRow {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string;
  rank: number;
}

// Private-use characters mark matches inside snippets: they cannot occur in stored text by accident
// the way quotes or angle brackets can.
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
const HEADLINE_OPTIONS = `MaxFragments=2, MaxWords=18, MinWords=6, StartSel=${MATCH_START}, StopSel=${MATCH_END}, FragmentDelimiter=" … "`;

export function searchRepository(db: Queryable) {
  return {
    /** One page of hits, best first, with snippets, and the exact number of matches. */
    async search(query: string, options: { kind?: SearchKind | undefined; limit: number }) {
      const params: SqlParam[] = [];
      const cte = hitsCte(query, { kind: options.kind }, params);
      const limit = `$${params.push(options.limit)}`;
      const [row] = await db.query<{ total: number; hits: SearchHitRow[] }>(
        `${cte},
         top as (select * from hits order by rank desc, id limit ${limit})
         select (select count(*)::int from hits) as total,
                (select ${PAGE_HITS_JSON} from top ${PAGE_TEXTS}) as hits`,
        params,
      );
      return { total: row?.total ?? 0, hits: row?.hits ?? [] };
    },
  };
}

export interface SearchFilters {
  kind?: SearchKind | undefined;
  language?: string | undefined;
  /** Country, act type and status describe incidents: setting one leaves sources out. */
  country?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  /** Incidents whose dates overlap the period; sources published in it. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface FacetedHitRow extends SearchHitRow {
  language: string;
  country: string | null;
  status: string | null;
  date: string | null;
}

export type FacetName = 'kind' | 'type' | 'country' | 'period' | 'status' | 'language' | 'sourceKind';
export type FacetRows = Record<FacetName, Array<{ value: string; count: number }>>;

// A coarse family of the stored media type, for the "source kind" facet.
const SOURCE_KIND_SQL = `case
  when s.media_type like 'text/html%' or s.media_type like 'application/xhtml%' then 'html'
  when s.media_type like 'application/pdf%' then 'pdf'
  when s.media_type like 'text/%' then 'text'
  when s.media_type like 'image/%' then 'image'
  when s.media_type like 'audio/%' then 'audio'
  when s.media_type like 'video/%' then 'video'
  when s.media_type like 'application/vnd.openxmlformats%' or s.media_type like 'application/msword%'
    or s.media_type like 'application/vnd.oasis.opendocument%' or s.media_type like 'application/rtf%' then 'document'
  else 'other' end`;

/** The page's hits as one JSON array, best first, each with its snippet (`b` from PAGE_TEXTS). */
const PAGE_HITS_JSON = `coalesce(json_agg(json_build_object('kind', kind, 'id', id, 'title', title, 'rank', rank,
    'language', language, 'country', country, 'status', status, 'date', date,
    'snippet', ts_headline(b.config, b.body, (select query from q), '${HEADLINE_OPTIONS}')) order by rank desc, date desc nulls last, id), '[]'::json)`;

// Texts are fetched for the page only: carrying every match's full text through the match set
// would copy megabytes per query on a common word.
const PAGE_TEXTS = `cross join lateral (
    select s.search_config as config, s.text as body from sources s where top.kind = 'source' and s.id = top.id
    union all
    select i.search_config, i.summary from incidents i where top.kind = 'incident' and i.id = top.id
  ) b`;

/**
 * The matching rows under the filters, as a CTE named `hits`; parameters go into `params`.
 * Every match is ranked, so ranking must be cheap per row: sources rank by their title and lead
 * paragraph (`search_lead`, small and stored inline) rather than their full vector, whose detoasting
 * dominated the cost of common words; the full vector only decides what matches, through the GIN
 * index. ts_rank rather than ts_rank_cd for the same reason.
 */
function hitsCte(query: string, filters: SearchFilters, params: SqlParam[]): string {
  const add = (value: SqlParam) => `$${params.push(value)}`;
  const q = add(query);
  const kind = add(filters.kind ?? null);
  const language = add(filters.language ?? null);
  const country = add(filters.country ?? null);
  const type = add(filters.type ?? null);
  const status = add(filters.status ?? null);
  const from = add(filters.from ?? null);
  const to = add(filters.to ?? null);
  const readings = SEARCH_CONFIGS.map((config) => `websearch_to_tsquery('${config}', ${q})`).join(' || ');
  // An empty query browses: every record under the filters matches (facets count them all).
  const browse = query.trim() === '' ? 'true' : 'false';
  return `with q as (select (${readings}) as query),
    hits as (
      select 'source' as kind, s.id, coalesce(s.title, s.file_name) as title,
             ts_rank(s.search_lead, q.query) as rank, s.language, null::text as country, null::text as status,
             s.published_on as date, ${SOURCE_KIND_SQL} as source_kind
        from sources s, q
       where (${kind}::text is null or ${kind} = 'source') and (${browse} or s.search @@ q.query)
         and s.compartment_id is null
         and (${language}::text is null or s.language = ${language})
         and ${country}::text is null and ${type}::text is null and ${status}::text is null
         and (${from}::date is null or s.published_on >= ${from}::date)
         and (${to}::date is null or s.published_on <= ${to}::date)
      union all
      select 'incident', i.id, i.title, ts_rank(i.search, q.query), i.language,
             trim(i.country), i.status, i.date_from, null
        from incidents i, q
       where (${kind}::text is null or ${kind} = 'incident') and (${browse} or i.search @@ q.query)
         and (${language}::text is null or i.language = ${language})
         and (${country}::text is null or i.country = ${country})
         and (${status}::text is null or i.status = ${status})
         and (${type}::text is null or exists (select 1 from acts a where a.incident_id = i.id and a.type = ${type}))
         and (${from}::date is null or coalesce(i.date_to, i.date_from) >= ${from}::date)
         and (${to}::date is null or i.date_from <= ${to}::date)
    )`;
}

export function facetedSearchRepository(db: Queryable) {
  return {
    /**
     * One page of hits (best first, with snippets) and facet counts over every hit, in ONE statement:
     * the matching set is computed (and ranked) once, then counted by facet and cut to the page;
     * snippets are made for the page only.
     */
    async search(
      query: string,
      filters: SearchFilters,
      page: { limit: number; offset: number },
    ): Promise<{ total: number; hits: FacetedHitRow[]; facets: FacetRows }> {
      const params: SqlParam[] = [];
      const cte = hitsCte(query, filters, params);
      const limit = `$${params.push(page.limit)}`;
      const offset = `$${params.push(page.offset)}`;
      const [row] = await db.query<{
        facets: Array<{ facet: FacetName; value: string; count: number }>;
        hits: FacetedHitRow[];
      }>(
        `${cte},
         facet_rows as (
           select 'kind' as facet, kind as value, count(*)::int as count from hits group by 2
           union all select 'language', language, count(*)::int from hits group by 2
           union all select 'country', country, count(*)::int from hits where country is not null group by 2
           union all select 'status', status, count(*)::int from hits where status is not null group by 2
           union all select 'period', extract(year from date)::int::text, count(*)::int from hits where date is not null group by 2
           union all select 'sourceKind', source_kind, count(*)::int from hits where source_kind is not null group by 2
           union all select 'type', a.type, count(distinct h.id)::int from hits h join acts a on a.incident_id = h.id
                      where h.kind = 'incident' group by 2),
         top as (select * from hits order by rank desc, date desc nulls last, id limit ${limit} offset ${offset})
         select
           (select coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'count', count)), '[]'::json) from facet_rows) as facets,
           (select ${PAGE_HITS_JSON} from top ${PAGE_TEXTS}) as hits`,
        params,
      );
      const facets: FacetRows = {
        kind: [],
        type: [],
        country: [],
        period: [],
        status: [],
        language: [],
        sourceKind: [],
      };
      for (const entry of row?.facets ?? [])
        facets[entry.facet].push({ value: entry.value, count: entry.count });
      for (const list of Object.values(facets))
        list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      const total = facets.kind.reduce((sum, entry) => sum + entry.count, 0);
      return { total, hits: row?.hits ?? [], facets };
    },
  };
}
