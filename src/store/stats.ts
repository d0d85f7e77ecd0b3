/** Counts for the timeline and the map: incidents and acts by month and by country. */
import type { Queryable, SqlParam } from './db.ts';
import { type IncidentFilters, incidentFilterSql } from './incidents.ts';

export interface MonthCount {
  month: string;
  incidents: number;
  acts: number;
}

export interface CountryCount {
  country: string;
  incidents: number;
  acts: number;
  victimsMin: number;
}

/**
 * The figure each act counts with: the one a person chose, else the lowest lower bound its sources
 * report (acts.victims_min is that bound: actEvidence.ts). Each act is one row, so it counts once.
 */
export const CHOSEN_VICTIMS = 'coalesce(a.victims_chosen, a.victims_min)';

export interface ActTotal {
  key: string;
  acts: number;
  victims: number;
}

/** What the statistics page groups acts by (services/statistics.ts). */
export const STAT_DIMENSIONS = ['type', 'country', 'region', 'month', 'perpetrator', 'status'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** One row of a breakdown: the acts of one key, each once, and their victims as recorded. */
export interface ActBreakdownRow {
  /** '' when the acts have no value for the dimension (no country, undated, no perpetrator named). */
  key: string;
  /** For `region`: the country the place is in ('' when unknown); null for the other dimensions. */
  country: string | null;
  acts: number;
  /** The sum of the counted figures (CHOSEN_VICTIMS) of the acts that have one. */
  victims: number;
  /** The sum of the low ends of the acts' ranges (never above the counted figure). */
  victimsLow: number;
  /** The sum of the high ends; null when any act has no upper figure (the range is open). */
  victimsHigh: number | null;
  /** Acts with no figure at all: counted as acts, never as 0 victims. */
  withoutFigure: number;
}

export interface ActPosition {
  latitude: number;
  longitude: number;
  incidentId: string;
}

// Month of the act's start (its incident's when the act has no date), only when the precision
// names a month: an act dated "1999" is not a January act.
const MONTH_KEY = `case when coalesce(a.date_precision, i.date_precision, 'day') in ('quarter', 'year', 'decade') then null
  else to_char(coalesce(a.date_from, i.date_from), 'YYYY-MM') end`;
// One kind per act, so each act is in one row: the kind its perpetrators share, 'several' when
// they differ, 'other' for a named perpetrator whose kind is not recorded, null when none is named.
const PERPETRATOR_KEY = `(select case when count(*) = 0 then null when count(distinct coalesce(ac.kind, 'other')) = 1
    then min(coalesce(ac.kind, 'other')) else 'several' end
  from jsonb_array_elements(case when jsonb_typeof(a.perpetrators) = 'array' then a.perpetrators else '[]'::jsonb end) p
  left join actors ac on ac.id::text = p ->> 'actorId')`;
const DIMENSION_KEY: Record<StatDimension, { key: string; country: string }> = {
  type: { key: 'a.type', country: 'null' },
  country: { key: 'coalesce(a.country, i.country)', country: 'null' },
  region: {
    key: "nullif(trim(coalesce(a.place_name, i.place_name)), '')",
    country: "coalesce(a.country, i.country, '')",
  },
  month: { key: MONTH_KEY, country: 'null' },
  perpetrator: { key: PERPETRATOR_KEY, country: 'null' },
  status: { key: 'i.status', country: 'null' },
};

export function statsRepository(db: Queryable) {
  return {
    /**
     * Acts grouped by one dimension under the incident filters: each act is one row of `acts`, so an
     * act reported by several sources (act_evidence) is counted once, with its chosen figure.
     */
    async actBreakdown(filters: IncidentFilters, dimension: StatDimension): Promise<ActBreakdownRow[]> {
      const params: SqlParam[] = [];
      const where = incidentFilterSql(filters, params);
      const actType = filters.type ? `and a.type = $${params.push(filters.type)}` : '';
      const { key, country } = DIMENSION_KEY[dimension];
      const rows = await db.query<{
        key: string | null;
        country: string | null;
        acts: number;
        victims: number;
        victims_low: number;
        victims_high: number | null;
        without_figure: number;
      }>(
        `with x as (
           select (${key})::text as key, (${country})::text as country, ${CHOSEN_VICTIMS} as chosen,
                  a.victims_min, a.victims_max
             from acts a join incidents i on i.id = a.incident_id
            where a.incident_id in (select i.id from incidents i ${where}) ${actType}),
         y as (
           select key, country, chosen, least(victims_min, chosen) as low,
                  case when chosen is not null and victims_max is not null then greatest(victims_max, chosen) end as high
             from x)
         select key, country, count(*)::int as acts, coalesce(sum(chosen), 0)::int as victims,
                coalesce(sum(low), 0)::int as victims_low,
                case when count(high) = count(*) then sum(high)::int end as victims_high,
                (count(*) - count(chosen))::int as without_figure
           from y group by key, country order by key nulls last, country`,
        params,
      );
      return rows.map((row) => ({
        key: row.key?.trim() ?? '',
        country: dimension === 'region' ? (row.country?.trim() ?? '') : null,
        acts: row.acts,
        victims: row.victims,
        victimsLow: row.victims_low,
        victimsHigh: row.victims_high,
        withoutFigure: row.without_figure,
      }));
    },

    /** Acts with coordinates (064_act_geolocation.sql) under the incident filters, for the map. */
    async actPositions(filters: IncidentFilters): Promise<ActPosition[]> {
      const params: SqlParam[] = [];
      const where = incidentFilterSql(filters, params);
      const actType = filters.type ? `and a.type = $${params.push(filters.type)}` : '';
      const rows = await db.query<{ latitude: number; longitude: number; incident_id: string }>(
        `select a.latitude, a.longitude, a.incident_id from acts a
          where a.latitude is not null and a.incident_id in (select i.id from incidents i ${where}) ${actType}`,
        params,
      );
      return rows.map((row) => ({
        latitude: Number(row.latitude),
        longitude: Number(row.longitude),
        incidentId: row.incident_id,
      }));
    },

    /** Incidents by the month they began; acts by their own date. Undated records are counted apart. */
    async timeline(
      filters: IncidentFilters,
    ): Promise<{ months: MonthCount[]; undated: { incidents: number; acts: number } }> {
      const params: SqlParam[] = [];
      const where = incidentFilterSql(filters, params);
      const actType = filters.type ? `and a.type = $${params.push(filters.type)}` : '';
      const rows = await db.query<{ month: string | null; incidents: number; acts: number }>(
        `with f as (select i.id, i.date_from from incidents i ${where}),
         inc as (select coalesce(to_char(date_from, 'YYYY-MM'), '') as month, count(*)::int as n from f group by 1),
         act as (select coalesce(to_char(a.date_from, 'YYYY-MM'), '') as month, count(*)::int as n
                   from acts a join f on f.id = a.incident_id where true ${actType} group by 1)
         select nullif(coalesce(inc.month, act.month), '') as month, coalesce(inc.n, 0) as incidents, coalesce(act.n, 0) as acts
           from inc full join act on inc.month = act.month
          order by 1 nulls last`,
        params,
      );
      const undated = rows.find((row) => row.month === null);
      return {
        months: rows.filter((row): row is MonthCount => row.month !== null),
        undated: { incidents: undated?.incidents ?? 0, acts: undated?.acts ?? 0 },
      };
    },

    /** Acts and their chosen victims by country, act type and month of the act (each act once). */
    async actTotals(
      filters: IncidentFilters,
    ): Promise<{ byCountry: ActTotal[]; byType: ActTotal[]; byMonth: ActTotal[] }> {
      const params: SqlParam[] = [];
      const where = incidentFilterSql(filters, params);
      const actType = filters.type ? `and a.type = $${params.push(filters.type)}` : '';
      const rows = await db.query<{ dimension: string; key: string | null; acts: number; victims: number }>(
        `with f as (select i.id, i.country from incidents i ${where}),
         x as (select a.type, coalesce(a.country, f.country) as country, to_char(a.date_from, 'YYYY-MM') as month,
                      ${CHOSEN_VICTIMS} as victims
                 from acts a join f on f.id = a.incident_id where true ${actType})
         select 'country' as dimension, country as key, count(*)::int as acts, coalesce(sum(victims), 0)::int as victims
           from x group by country
         union all
         select 'type', type, count(*)::int, coalesce(sum(victims), 0)::int from x group by type
         union all
         select 'month', month, count(*)::int, coalesce(sum(victims), 0)::int from x group by month
         order by 1, 2 nulls last`,
        params,
      );
      const of = (dimension: string) =>
        rows
          .filter((row) => row.dimension === dimension)
          .map((row) => ({ key: row.key?.trim() ?? '', acts: row.acts, victims: row.victims }));
      return { byCountry: of('country'), byType: of('type'), byMonth: of('month') };
    },

    async byCountry(filters: IncidentFilters): Promise<CountryCount[]> {
      const params: SqlParam[] = [];
      const where = incidentFilterSql({ ...filters, country: undefined }, params);
      const actType = filters.type ? `and a.type = $${params.push(filters.type)}` : '';
      const rows = await db.query<{ country: string; incidents: number; acts: number; victims_min: number }>(
        `with f as (select i.id, i.country from incidents i ${where}),
         inc as (select country, count(*)::int as n from f where country is not null group by 1),
         act as (select coalesce(a.country, f.country) as country, count(*)::int as n, coalesce(sum(${CHOSEN_VICTIMS}), 0)::int as victims
                   from acts a join f on f.id = a.incident_id where true ${actType} group by 1)
         select coalesce(inc.country, act.country) as country, coalesce(inc.n, 0) as incidents, coalesce(act.n, 0) as acts,
                coalesce(act.victims, 0) as victims_min
           from inc full join act on inc.country = act.country
          where coalesce(inc.country, act.country) is not null
          order by 2 desc, 1`,
        params,
      );
      return rows.map((row) => ({
        country: row.country.trim(),
        incidents: row.incidents,
        acts: row.acts,
        victimsMin: row.victims_min,
      }));
    },
  };
}
