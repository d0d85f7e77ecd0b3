/**
 * Incidents (ESF events): the record, its list with filters, and the derived values kept on it — the
 * place, country and dates spanned by its acts, and the search vector over title, summary and places
 * (so full-text search finds incidents in their own language's stemming).
 */

import type { GeoArea } from '../core/geoArea.ts';
import type { ListPage } from '../core/validation.ts';
import { EVENT_TYPE_LABELS, type IncidentStatus, LOCALES } from '../core/vocabulary.ts';
import { sourceOriginSql } from './claims.ts';
import type { Queryable, SqlParam } from './db.ts';
import { type KeysetOrder, keysetPage, type ListSlice, type SortKey } from './keysetPage.ts';
import { searchConfigFor } from './searchConfig.ts';

export interface NewIncident {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  language: string;
  createdBy: string;
}

export interface IncidentSummary {
  id: string;
  title: string;
  status: IncidentStatus;
  placeName: string | null;
  country: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  language: string;
  tags: string[];
  types: string[];
  victims: { min: number | null; max: number | null };
  sourceCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface IncidentRecord extends IncidentSummary {
  summary: string;
  /** Bumped by every edit; an edit names the version it was made on (services/incidents/edits/). */
  version: number;
  createdBy: string;
  verifiedBy: string | null;
  verifiedAt: Date | null;
  statusChangedBy: string | null;
  statusChangedAt: Date | null;
}

/** A source an incident rests on, with its text (to cut passages) and its origin (for independence). */
export interface IncidentSource {
  id: string;
  title: string | null;
  url: string | null;
  publishedOn: string | null;
  language: string;
  origin: string;
  text: string;
}

export interface IncidentFilters {
  country?: string | undefined;
  type?: string | undefined;
  status?: IncidentStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  language?: string | undefined;
  sourceId?: string | undefined;
  tag?: string | undefined;
  /** Incidents with an act whose coordinates fall in [south, north) × [west, east): a map mark's square. */
  area?: GeoArea | undefined;
}

export const INCIDENT_SORTS = ['date', 'date-asc', 'updated', 'title'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];
const dateFrom = (nulls: { descending?: boolean }): SortKey => ({
  sql: (i) => `${i}.date_from`,
  type: 'date',
  nullsLast: true,
  ...nulls,
});
const id: SortKey = { sql: (i) => `${i}.id`, type: 'uuid' };
// Every order ends on the id, so pages never overlap or skip a row between two requests. Each is
// read off an index (migrations 097 and 096), filtered by country or status or not.
const INCIDENT_ORDER: Record<IncidentSort, KeysetOrder> = {
  date: {
    name: 'incidents:date',
    table: 'incidents',
    keys: [
      dateFrom({ descending: true }),
      { sql: (i) => `${i}.created_at`, type: 'timestamptz', descending: true },
      id,
    ],
  },
  'date-asc': {
    name: 'incidents:date-asc',
    table: 'incidents',
    keys: [dateFrom({}), { sql: (i) => `${i}.created_at`, type: 'timestamptz' }, id],
  },
  updated: {
    name: 'incidents:updated',
    table: 'incidents',
    keys: [{ sql: (i) => `${i}.updated_at`, type: 'timestamptz', descending: true }, id],
  },
  title: {
    name: 'incidents:title',
    table: 'incidents',
    keys: [{ sql: (i) => `lower(${i}.title)`, type: 'text' }, id],
    readBack: true,
  },
};

interface SummaryRow {
  id: string;
  title: string;
  status: IncidentStatus;
  place_name: string | null;
  country: string | null;
  date_from: string | null;
  date_to: string | null;
  date_precision: string | null;
  language: string;
  tags: string[];
  types: string[] | null;
  victims_min: number | null;
  victims_max: number | null;
  source_count: number;
  created_at: Date;
  updated_at: Date;
}

interface RecordRow extends SummaryRow {
  summary: string;
  version: number;
  created_by: string;
  verified_by: string | null;
  verified_at: Date | null;
  status_changed_by: string | null;
  status_changed_at: Date | null;
}

// Per incident: its act types, victims summed over acts — each act once, with its chosen figure as
// the lower bound (stats.ts CHOSEN_VICTIMS); a max only when every act states one — and how many
// sources it rests on. Lateral, so it runs only for the rows of the page.
const SUMMARY_COLUMNS = `i.id, i.title, i.status, i.place_name, i.country, i.date_from, i.date_to, i.date_precision,
  i.language, i.tags, i.created_at, i.updated_at, agg.types, agg.victims_min, agg.victims_max,
  (select count(*) from incident_sources x where x.incident_id = i.id)::int as source_count`;
const SUMMARY_JOIN = `left join lateral (
    select array_agg(distinct a.type order by a.type) as types,
           sum(coalesce(a.victims_chosen, a.victims_min))::int as victims_min,
           case when count(*) > 0 and count(*) = count(a.victims_max) then sum(a.victims_max)::int end as victims_max
      from acts a where a.incident_id = i.id
  ) agg on true`;

const toSummary = (row: SummaryRow): IncidentSummary => ({
  id: row.id,
  title: row.title,
  status: row.status,
  placeName: row.place_name,
  country: row.country?.trim() ?? null,
  dateFrom: row.date_from,
  dateTo: row.date_to,
  datePrecision: row.date_precision,
  language: row.language,
  tags: row.tags,
  types: row.types ?? [],
  victims: { min: row.victims_min, max: row.victims_max },
  sourceCount: row.source_count,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The where-clause for list and stats filters; parameters are appended to `params`. */
export function incidentFilterSql(filters: IncidentFilters, params: SqlParam[], alias = 'i'): string {
  const where = incidentConditions(filters, params, alias);
  return where.length > 0 ? `where ${where.join(' and ')}` : '';
}

/** The conditions of the filters, to be ANDed; parameters are appended to `params`. */
function incidentConditions(filters: IncidentFilters, params: SqlParam[], alias = 'i'): string[] {
  const where: string[] = [];
  const add = (value: SqlParam) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.country) where.push(`${alias}.country = ${add(filters.country)}`);
  if (filters.status) where.push(`${alias}.status = ${add(filters.status)}`);
  if (filters.language) where.push(`${alias}.language = ${add(filters.language)}`);
  if (filters.tag) where.push(`${add(filters.tag)} = any(${alias}.tags)`);
  if (filters.type)
    where.push(
      `exists (select 1 from acts ft where ft.incident_id = ${alias}.id and ft.type = ${add(filters.type)})`,
    );
  if (filters.sourceId) {
    where.push(
      `exists (select 1 from incident_sources fs where fs.incident_id = ${alias}.id and fs.source_id = ${add(filters.sourceId)})`,
    );
  }
  if (filters.area) {
    const { south, west, north, east } = filters.area;
    const ofType = filters.type ? `and fa.type = ${add(filters.type)}` : '';
    where.push(
      `exists (select 1 from acts fa where fa.incident_id = ${alias}.id and fa.latitude >= ${add(south)} and fa.latitude < ${add(north)}
         and fa.longitude >= ${add(west)} and fa.longitude < ${add(east)} ${ofType})`,
    );
  }
  // Period: incidents whose date range overlaps [from, to]; undated incidents never match a period.
  if (filters.from)
    where.push(`coalesce(${alias}.date_to, ${alias}.date_from) >= ${add(filters.from)}::date`);
  if (filters.to) where.push(`${alias}.date_from <= ${add(filters.to)}::date`);
  return where;
}

// The labels of the incident's act types in every working language, each stemmed in its own
// language: a search for "задержания", "detenção" or "détention" finds the detentions whatever
// language the incident was recorded in. $2 is ACT_TYPE_LABELS_JSON.
const ACT_TYPE_LABELS_JSON = JSON.stringify(EVENT_TYPE_LABELS);
const ACT_TYPE_LABELS_VECTOR = LOCALES.map(
  (locale) =>
    `to_tsvector('${searchConfigFor(locale)}', coalesce((select string_agg($2::jsonb -> t.type ->> '${locale}', ' ')
       from (select distinct type from acts where incident_id = $1) t), ''))`,
).join(' || ');

export function incidentsRepository(db: Queryable) {
  return {
    async insert(incident: NewIncident): Promise<void> {
      await db.query(
        `insert into incidents (id, title, summary, tags, language, search_config, created_by)
         values ($1, $2, $3, $4, $5, $6::regconfig, $7)`,
        [
          incident.id,
          incident.title,
          incident.summary,
          incident.tags,
          incident.language,
          searchConfigFor(incident.language),
          incident.createdBy,
        ],
      );
    },

    async addSource(incidentId: string, sourceId: string): Promise<void> {
      await db.query(
        'insert into incident_sources (incident_id, source_id) values ($1, $2) on conflict do nothing',
        [incidentId, sourceId],
      );
    },

    async exists(id: string): Promise<boolean> {
      const rows = await db.query<{ id: string }>('select id from incidents where id = $1', [id]);
      return rows.length === 1;
    },

    async findById(id: string): Promise<IncidentRecord | null> {
      const rows = await db.query<RecordRow>(
        `select ${SUMMARY_COLUMNS}, i.summary, i.version, i.created_by, i.verified_by, i.verified_at, i.status_changed_by, i.status_changed_at
           from incidents i ${SUMMARY_JOIN} where i.id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        ...toSummary(row),
        summary: row.summary,
        version: row.version,
        createdBy: row.created_by,
        verifiedBy: row.verified_by,
        verifiedAt: row.verified_at,
        statusChangedBy: row.status_changed_by,
        statusChangedAt: row.status_changed_at,
      };
    },

    /**
     * By default newest incident date first; undated incidents last, newest record first among
     * equals. The total is capped and the page may continue from a cursor (keysetPage.ts).
     */
    async list(
      filters: IncidentFilters,
      page: ListPage,
      sort: IncidentSort = 'date',
    ): Promise<ListSlice<IncidentSummary>> {
      const params: SqlParam[] = [];
      const where = incidentConditions(filters, params);
      return keysetPage(
        db,
        { from: 'incidents i', alias: 'i', where, params },
        INCIDENT_ORDER[sort],
        page,
        async (ids) => {
          const rows = await db.query<SummaryRow>(
            `select ${SUMMARY_COLUMNS} from unnest($1::uuid[]) with ordinality as p(id, n)
             join incidents i on i.id = p.id ${SUMMARY_JOIN} order by p.n`,
            [ids],
          );
          return rows.map(toSummary);
        },
      );
    },

    async update(
      id: string,
      fields: { title?: string | undefined; summary?: string | undefined; tags?: string[] | undefined },
    ): Promise<void> {
      await db.query(
        `update incidents set title = coalesce($2, title), summary = coalesce($3, summary), tags = coalesce($4, tags),
                updated_at = now() where id = $1`,
        [id, fields.title ?? null, fields.summary ?? null, fields.tags ?? null],
      );
    },

    /** `reason`: why a reviewer set a status above what the acts support (null when they support it). */
    async setStatus(
      id: string,
      status: IncidentStatus,
      by: string,
      reason: string | null = null,
    ): Promise<void> {
      // verified_by/at describe the current verification only: cleared when the status leaves 'verified'.
      await db.query(
        `update incidents set status = $2, status_changed_by = $3, status_changed_at = now(), updated_at = now(),
                status_reason = $4,
                verified_by = case when $2 = 'verified' then $3 else null end,
                verified_at = case when $2 = 'verified' then now() else null end
          where id = $1`,
        [id, status, by, reason],
      );
    },

    async touch(id: string): Promise<void> {
      await db.query('update incidents set updated_at = now() where id = $1', [id]);
    },

    async statusReasonOf(id: string): Promise<string | null> {
      const rows = await db.query<{ status_reason: string | null }>(
        'select status_reason from incidents where id = $1',
        [id],
      );
      return rows[0]?.status_reason ?? null;
    },

    /**
     * Recomputes what the incident derives from its acts — the earliest-to-latest date span, and the
     * place and country when all acts agree on one — and its search vector (title A, summary B,
     * places C). Call after any change to the incident or its acts, in the same transaction.
     */
    async refreshDerived(id: string): Promise<void> {
      await db.query(
        `with a as (
           select min(date_from) as date_from, max(coalesce(date_to, date_from)) as date_to,
                  case when count(distinct date_precision) = 1 and min(date_from) = max(date_from) then min(date_precision)
                       when count(date_from) > 0 then 'range' end as date_precision,
                  case when count(distinct country) = 1 then min(country) end as country,
                  case when count(distinct place_name) = 1 then min(place_name) end as place_name,
                  string_agg(distinct place_name, ' ') as places
             from acts where incident_id = $1)
         update incidents i set
           date_from = a.date_from, date_to = a.date_to, date_precision = a.date_precision,
           country = a.country, place_name = a.place_name, updated_at = now(),
           search = setweight(to_tsvector(i.search_config, i.title), 'A')
                 || setweight(to_tsvector(i.search_config, i.summary), 'B')
                 || setweight(to_tsvector(i.search_config, coalesce(a.places, '')), 'C')
                 || setweight(${ACT_TYPE_LABELS_VECTOR}, 'D')
           from a where i.id = $1`,
        [id, ACT_TYPE_LABELS_JSON],
      );
    },

    async sourcesOf(incidentId: string): Promise<IncidentSource[]> {
      const rows = await db.query<{
        id: string;
        title: string | null;
        url: string | null;
        published_on: string | null;
        language: string;
        origin: string;
        text: string;
      }>(
        `select s.id, s.title, s.url, s.published_on, s.language, s.text, ${sourceOriginSql('s')} as origin
           from incident_sources x join sources s on s.id = x.source_id
          where x.incident_id = $1 order by s.published_on nulls last, x.added_at, s.id`,
        [incidentId],
      );
      return rows.map((row) => ({
        id: row.id,
        title: row.title,
        url: row.url,
        publishedOn: row.published_on,
        language: row.language,
        origin: row.origin,
        text: row.text,
      }));
    },

    /** Incidents that may describe the same events: same country, overlapping dates or a shared act type. */
    async candidates(
      hint: { countries: string[]; types: string[]; from: string | null; to: string | null },
      limit: number,
    ) {
      if (hint.countries.length === 0 && hint.types.length === 0) return [];
      const rows = await db.query<SummaryRow>(
        `with c as (
           select i.id from incidents i
            where (cardinality($1::text[]) = 0 or i.country = any($1::text[]))
              and (cardinality($2::text[]) = 0 or exists (select 1 from acts t where t.incident_id = i.id and t.type = any($2::text[])))
              and ($3::date is null or i.date_from is null or coalesce(i.date_to, i.date_from) >= $3::date - 31)
              and ($4::date is null or i.date_from is null or i.date_from <= $4::date + 31)
            order by i.updated_at desc limit $5)
         select ${SUMMARY_COLUMNS} from c join incidents i on i.id = c.id ${SUMMARY_JOIN} order by i.updated_at desc`,
        [hint.countries, hint.types, hint.from, hint.to, limit],
      );
      return rows.map(toSummary);
    },
  };
}
