/**
 * Full-text search over sources and incidents. A query is read once per supported language
 * (each with its stemmer, all accent-insensitive) and the readings are OR-ed, so "ativista preso"
 * finds "ativistas foram presos" and a Russian query finds Russian inflections, without the
 * searcher saying which language they typed in.
 */
import type { Db, Queryable, SqlParam } from './db.ts';
import { SEARCH_CONFIGS } from './searchConfig.ts';
import { LEAD_CHARACTERS } from './sources.ts';

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

/**
 * How many matches a search counts, ranks and facets at most per kind (sources, incidents). Past
 * it the total is a lower bound ("1,000+"): counting every match of a common word costs far more
 * than finding the page (issue 17: 149 ms against 5 ms at 100,000 sources).
 */
export const SEARCH_CAP = 1_000;

/**
 * How many of the most recently captured sources a word search looks through first; only when
 * they hold no more than the cap does it look through every source. A common word's matches are
 * then found among the newest sources without reading its whole posting list: the GIN index on
 * (captured_at, search) jumps to their stretch of the table (095_search_newest_first.sql). At a
 * million sources, the bitmap of every match of a common word cost 70–130 ms CPU (issue 17),
 * however few of them were kept; a word too rare to fill the window (under 4% of sources) has a
 * bitmap small enough to build whole.
 */
export const SEARCH_WINDOW = 25_000;

/**
 * The window is used once the planner's estimate of the sources (pg_class.reltuples) reaches this:
 * over fewer, a common word's whole bitmap costs about what reading the window costs, and a rare
 * word would pay for both (measured at 100,000 sources: no gain).
 */
export const WINDOW_FROM = 8 * SEARCH_WINDOW;

export interface SearchPage {
  limit: number;
  offset: number;
  /** Matches counted per kind before the total becomes a lower bound (SEARCH_CAP; tests lower it). */
  cap?: number;
  /**
   * The newest sources looked through before all of them; by default SEARCH_WINDOW once there are
   * WINDOW_FROM sources, none before (tests set it).
   */
  window?: number;
}

export interface SearchRows {
  /** Matches counted: exact when `totalIsLowerBound` is false, else at least this many. */
  total: number;
  totalIsLowerBound: boolean;
  hits: FacetedHitRow[];
  /** Over the matches counted (every match unless `totalIsLowerBound`). */
  facets: FacetRows;
}

/** The page's hits as one JSON array, best first, each with its snippet (`b` and `lead` from PAGE_TEXTS). */
const PAGE_HITS_JSON = (
  query: string,
) => `coalesce(json_agg(json_build_object('kind', kind, 'id', id, 'title', title,
    'rank', rank, 'language', language, 'country', country, 'status', status, 'date', date,
    'snippet', case when strpos(lead.snippet, '${MATCH_START}') > 0 then lead.snippet
               else ts_headline(b.config, b.body, ${query}::tsquery, '${HEADLINE_OPTIONS}') end)
    order by rank desc, date desc nulls last, id), '[]'::json)`;

/**
 * A snippet is cut from the text's lead (its first LEAD_CHARACTERS, ending on a whole word: a word
 * cut in two could match a query its whole does not) when a match is there, and from the whole
 * text only when none is. ts_headline parses and stems all the text it is given, about 0.2 ms of
 * CPU per 1,000 characters: twenty snippets of whole texts were 15 of a common word's 35 ms at
 * 100,000 sources, and a long report would cost milliseconds on its own. The lead is what ranked
 * the hit, so the best-ranked match there.
 */
const LEAD_SNIPPET = (query: string) => `cross join lateral (
    select case when length(b.body) > ${LEAD_CHARACTERS}
      then ts_headline(b.config, regexp_replace(left(b.body, ${LEAD_CHARACTERS}), '\\S*$', ''),
                       ${query}::tsquery, '${HEADLINE_OPTIONS}') end as snippet
    offset 0) lead`;

// Texts are fetched for the page only: carrying every match's full text through the match set
// would copy megabytes per query on a common word.
const PAGE_TEXTS = (query: string) => `cross join lateral (
    select s.search_config as config, s.text as body from sources s where top.kind = 'source' and s.id = top.id
    union all
    select i.search_config, i.summary from incidents i where top.kind = 'incident' and i.id = top.id
  ) b
  ${LEAD_SNIPPET(query)}`;

const FACET_ROWS = `facet_rows as (
    select 'kind' as facet, kind as value, count(*)::int as count from hits group by 2
    union all select 'language', language, count(*)::int from hits group by 2
    union all select 'country', country, count(*)::int from hits where country is not null group by 2
    union all select 'status', status, count(*)::int from hits where status is not null group by 2
    union all select 'period', extract(year from date)::int::text, count(*)::int from hits where date is not null group by 2
    union all select 'sourceKind', source_kind, count(*)::int from hits where source_kind is not null group by 2
    union all select 'type', a.type, count(distinct a.incident_id)::int from acts a
               where a.incident_id = any (array(select id from hits where kind = 'incident')) group by 2)`;

function emptyFacets(): FacetRows {
  return { kind: [], type: [], country: [], period: [], status: [], language: [], sourceKind: [] };
}

function isDb(db: Queryable): db is Db {
  return 'transaction' in db && typeof db.transaction === 'function';
}

/**
 * Settings for the search's own transaction, set by its first statement (no round trip of their
 * own), transaction-local so nothing else on the connection gets them:
 *
 * - `enable_seqscan` off: a sequential scan that stops after cap + 1 matches looks cheap to the
 *   planner when it expects many; when it expects wrongly (words common apart, rare together) it
 *   reads every row and detoasts every vector: minutes at a million sources. The index's cost is
 *   bounded by the index.
 * - `work_mem` 32 MB: with the default 4 MB, a word found in 100,000 of a million sources makes
 *   the bitmap lossy: every row on those pages is then re-checked against its full vector.
 * - `jit` off: a sequential scan the planner cannot avoid is costed 10^10 while disabled, past
 *   PostgreSQL's JIT thresholds, and compiling a plan costs more than running a search's. (No
 *   search plan measured at a million sources had one; this keeps a new filter from finding out.)
 */
const SEARCH_SETTINGS = `set_config('work_mem', '32MB', true), set_config('enable_seqscan', 'off', true),
  set_config('jit', 'off', true)`;

/**
 * Runs `work` in a transaction of its own when `db` can open one (its first statement should
 * select SEARCH_SETTINGS: `own` says so); inside a caller's transaction the settings are left
 * alone, since they would outlive the search there.
 */
async function inSearchTransaction<T>(
  db: Queryable,
  work: (tx: Queryable, own: boolean) => Promise<T>,
): Promise<T> {
  if (!isDb(db)) return work(db, false);
  return db.transaction((tx) => work(tx, true));
}

export function searchRepository(db: Queryable) {
  return {
    /**
     * One page of hits, best first, with snippets; the number of matches (capped) and, when asked,
     * facet counts. Two round trips: the first reads the query once in every language and asks
     * whether any incident exists (the incident branch is left out when none does, or when the
     * filters exclude it); the second finds at most cap + 1 matches per kind through the GIN
     * index, sources among the newest `SEARCH_WINDOW` only, ranks and facets the first `cap` of
     * them, and cuts snippets for the page only. When the window holds no more than the cap, a
     * third does the same over every source.
     *
     * Up to the cap every match is counted and ranked, so the order and the total are exact. Past
     * it the total is a lower bound and the page is the best-ranked among the matches counted
     * (matches among the newest sources; browsing without words takes the newest).
     */
    async search(
      query: string,
      filters: SearchFilters,
      page: SearchPage,
      options: { facets: boolean } = { facets: true },
    ): Promise<SearchRows> {
      const cap = page.cap ?? SEARCH_CAP;
      const browse = query.trim() === '';
      return inSearchTransaction(db, async (tx, own) => {
        const readings = SEARCH_CONFIGS.map((config) => `websearch_to_tsquery('${config}', $1)::text`);
        const [prepared] = await tx.query<{
          readings: string[] | null;
          has_incidents: boolean;
          sources_estimate: number;
        }>(
          `select ${browse ? 'null' : `array[${readings.join(', ')}]`} as readings,
                  exists (select 1 from incidents) as has_incidents,
                  (select reltuples from pg_class where oid = 'sources'::regclass)::float8 as sources_estimate
                  ${own ? `, ${SEARCH_SETTINGS}` : ''}`,
          browse ? [] : [query],
        );
        // Languages often read a query alike ('ativista' & 'preso' three times): each distinct
        // reading once keeps the tree the index checks against every candidate small.
        const distinct = [...new Set((prepared?.readings ?? []).filter((reading) => reading !== ''))];
        const tsquery = distinct.map((reading) => `( ${reading} )`).join(' | ');
        const incidentOnly = Boolean(filters.country || filters.type || filters.status);
        const withSources = filters.kind !== 'incident' && !incidentOnly;
        const withIncidents = filters.kind !== 'source' && prepared?.has_incidents === true;
        // Only stop words (or nothing searchable): nothing can match.
        if ((!browse && tsquery === '') || (!withSources && !withIncidents))
          return { total: 0, totalIsLowerBound: false, hits: [], facets: emptyFacets() };
        const matches = (window: number | null) =>
          pageOfMatches(tx, {
            tsquery: browse ? null : tsquery,
            filters,
            withSources,
            withIncidents,
            cap,
            page,
            facets: options.facets,
            window,
          });
        // Browsing takes the newest through their own index (sources_browse_idx): no window.
        const window =
          page.window ?? ((prepared?.sources_estimate ?? 0) >= WINDOW_FROM ? SEARCH_WINDOW : undefined);
        if (browse || !withSources || window === undefined) return rowsOf(await matches(null), cap);
        const newest = await matches(window);
        const foundInWindow = newest?.counts.find((entry) => entry.kind === 'source')?.n ?? 0;
        if (foundInWindow > cap || newest?.window_holds_all) return rowsOf(newest, cap);
        return rowsOf(await matches(null), cap);
      });
    },
  };
}

interface MatchesQuery {
  /** Null: browse without words. */
  tsquery: string | null;
  filters: SearchFilters;
  withSources: boolean;
  withIncidents: boolean;
  cap: number;
  page: SearchPage;
  facets: boolean;
  /** Look only through this many of the newest sources; null: all of them. */
  window: number | null;
}

interface MatchesRow {
  /** The window reached past the oldest source: what it found is every match. */
  window_holds_all: boolean;
  counts: Array<{ kind: SearchKind; n: number }>;
  facets: Array<{ facet: FacetName; value: string; count: number }> | null;
  hits: FacetedHitRow[];
}

/**
 * The second round trip: at most cap + 1 matches per kind off the GIN index, the first `cap`
 * ranked and faceted, snippets for the page only.
 */
async function pageOfMatches(tx: Queryable, request: MatchesQuery): Promise<MatchesRow | undefined> {
  const { tsquery, filters, cap, page } = request;
  const browse = tsquery === null;
  const params: SqlParam[] = [];
  const add = (value: SqlParam) => `$${params.push(value)}`;
  const q = add(tsquery ?? '');
  const over = add(cap + 1);
  const branches: string[] = [];
  // The capture time of the oldest source in the window (null when the window holds them all),
  // taken off sources_captured_order_idx in a few index pages.
  const since =
    request.window === null
      ? 'null::timestamptz'
      : `(select captured_at from sources order by captured_at desc offset ${add(request.window)} limit 1)`;
  if (request.withSources) {
    const where = ['s.compartment_id is null'];
    if (!browse) where.push(`s.search @@ ${q}::tsquery`);
    if (request.window !== null)
      where.push(`s.captured_at >= coalesce((select since from window_start), '-infinity')`);
    if (filters.language) where.push(`s.language = ${add(filters.language)}`);
    if (filters.from) where.push(`s.published_on >= ${add(filters.from)}::date`);
    if (filters.to) where.push(`s.published_on <= ${add(filters.to)}::date`);
    branches.push(`(select 'source'::text as kind, s.id, coalesce(s.title, s.file_name) as title,
          ${browse ? '0::real' : `ts_rank(s.search_lead, ${q}::tsquery)`} as rank, s.language,
          null::text as country, null::text as status, s.published_on as date, ${SOURCE_KIND_SQL} as source_kind
     from sources s where ${where.join(' and ')}
     ${browse ? 'order by s.published_on desc nulls last, s.id' : ''} limit ${over})`);
  }
  if (request.withIncidents) {
    const where: string[] = browse ? ['true'] : [`i.search @@ ${q}::tsquery`];
    if (filters.language) where.push(`i.language = ${add(filters.language)}`);
    if (filters.country) where.push(`i.country = ${add(filters.country)}`);
    if (filters.status) where.push(`i.status = ${add(filters.status)}`);
    if (filters.type)
      where.push(
        `exists (select 1 from acts a where a.incident_id = i.id and a.type = ${add(filters.type)})`,
      );
    if (filters.from) where.push(`coalesce(i.date_to, i.date_from) >= ${add(filters.from)}::date`);
    if (filters.to) where.push(`i.date_from <= ${add(filters.to)}::date`);
    branches.push(`(select 'incident'::text as kind, i.id, i.title,
          ${browse ? '0::real' : `ts_rank(i.search, ${q}::tsquery)`} as rank, i.language, trim(i.country) as country,
          i.status, i.date_from as date, null::text as source_kind
     from incidents i where ${where.join(' and ')}
     ${browse ? 'order by i.date_from desc nulls last, i.created_at desc, i.id' : ''} limit ${over})`);
  }
  const capParam = add(cap);
  const limit = add(page.limit);
  const offset = add(page.offset);
  const [row] = await tx.query<MatchesRow>(
    `with window_start as materialized (select ${since} as since),
     found as materialized (${branches.join(' union all ')}),
     numbered as (select *, row_number() over (partition by kind) as n from found),
     hits as (select * from numbered where n <= ${capParam}),
     ${request.facets ? `${FACET_ROWS},` : ''}
     top as (select * from hits order by rank desc, date desc nulls last, id limit ${limit} offset ${offset})
     select
       (select since is null from window_start) as window_holds_all,
       (select coalesce(json_agg(json_build_object('kind', kind, 'n', n)), '[]'::json)
          from (select kind, count(*)::int as n from found group by kind) c) as counts,
       ${request.facets ? `(select coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'count', count)), '[]'::json) from facet_rows)` : 'null'} as facets,
       (select ${PAGE_HITS_JSON(q)} from top ${PAGE_TEXTS(q)}) as hits`,
    params,
  );
  return row;
}

function rowsOf(row: MatchesRow | undefined, cap: number): SearchRows {
  const facets = emptyFacets();
  for (const entry of row?.facets ?? []) facets[entry.facet].push({ value: entry.value, count: entry.count });
  for (const list of Object.values(facets))
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const counts = row?.counts ?? [];
  return {
    total: counts.reduce((sum, entry) => sum + Math.min(entry.n, cap), 0),
    totalIsLowerBound: counts.some((entry) => entry.n > cap),
    hits: row?.hits ?? [],
    facets,
  };
}
