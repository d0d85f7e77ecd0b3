/** Counts for the timeline and the map: incidents and acts by month and by country. */
import type { GridCellActs } from '../analysis/mapClusters.ts';
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

// Month of the act's start (its incident's when the act has no date), only when the precision
// names a month: an act dated "1999" is not a January act. Grouped on the truncated date and
// written as YYYY-MM only per group: formatting every act's date cost more than the grouping.
const MONTH_KEY = `case when coalesce(a.date_precision, i.date_precision, 'day') in ('quarter', 'year', 'decade') then null
  else date_trunc('month', coalesce(a.date_from, i.date_from)::timestamp) end`;
const MONTH_LABEL = (key: string) => `to_char(${key}, 'YYYY-MM')`;
// One kind per act, so each act is in one row: the kind its perpetrators share, 'several' when
// they differ, 'other' for a named perpetrator whose kind is not recorded, null when none is named.
// Only acts that name a known actor (acts.perpetrators_name_actor, 097_statistics_at_scale.sql)
// need the lookup of actors, the cost of this dimension at scale; the others are 'other' or none.
const PERPETRATOR_KEY = `case
  when jsonb_typeof(a.perpetrators) is distinct from 'array' or jsonb_array_length(a.perpetrators) = 0 then null
  when not a.perpetrators_name_actor then 'other'
  else (select case when count(distinct coalesce(ac.kind, 'other')) = 1 then min(coalesce(ac.kind, 'other')) else 'several' end
  from jsonb_array_elements(a.perpetrators) p
  left join actors ac on ac.id::text = p ->> 'actorId') end`;
/**
 * Per dimension: what acts are grouped on, how a group's key is written, the region's country, and
 * whether any of them reads the incident (`i`).
 */
const DIMENSION_KEY: Record<
  StatDimension,
  { key: string; label?: (key: string) => string; country: string; readsIncident?: false }
> = {
  type: { key: 'a.type', country: 'null', readsIncident: false },
  country: { key: 'coalesce(a.country, i.country)', country: 'null' },
  region: {
    key: "nullif(trim(coalesce(a.place_name, i.place_name)), '')",
    country: "coalesce(a.country, i.country, '')",
  },
  month: { key: MONTH_KEY, label: MONTH_LABEL, country: 'null' },
  perpetrator: { key: PERPETRATOR_KEY, country: 'null', readsIncident: false },
  status: { key: 'i.status', country: 'null' },
};

/**
 * The from- and where-clause of a statistic over acts (`a`) and their incident (`i`): the incident
 * filters, and with a type only the acts of that type. An act of the type makes its incident pass
 * the incident list's type filter, so that test is left out (unless a map square names the type
 * too). Without incident filters, and when the statistic reads nothing of the incident
 * (`readsIncident` false), the acts are read alone: every act has its incident, so the join would
 * change no count, only cost a hash of every incident.
 */
function actsFromSql(
  filters: IncidentFilters,
  params: SqlParam[],
  { readsIncident = true, conditions = [] }: { readsIncident?: boolean; conditions?: string[] } = {},
): string {
  const incidentFilters = filters.type && !filters.area ? { ...filters, type: undefined } : filters;
  const where = incidentFilterSql(incidentFilters, params);
  const from =
    where || readsIncident ? 'from acts a join incidents i on i.id = a.incident_id' : 'from acts a';
  const onActs = [...conditions];
  if (filters.type) onActs.push(`a.type = $${params.push(filters.type)}`);
  if (onActs.length === 0) return `${from} ${where}`;
  return `${from} ${where ? `${where} and` : 'where'} ${onActs.join(' and ')}`;
}

export function statsRepository(db: Queryable) {
  return {
    /**
     * Acts grouped by one dimension under the incident filters: each act is one row of `acts`, so an
     * act reported by several sources (act_evidence) is counted once, with its chosen figure.
     */
    async actBreakdown(filters: IncidentFilters, dimension: StatDimension): Promise<ActBreakdownRow[]> {
      const params: SqlParam[] = [];
      const {
        key,
        label = (grouped: string) => `${grouped}::text`,
        country,
        readsIncident,
      } = DIMENSION_KEY[dimension];
      const from = actsFromSql(filters, params, { readsIncident: readsIncident ?? true });
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
           select ${key} as key, (${country})::text as country, ${CHOSEN_VICTIMS} as chosen, a.victims_min, a.victims_max
             ${from}),
         y as (
           select key, country, chosen, least(victims_min, chosen) as low,
                  case when chosen is not null and victims_max is not null then greatest(victims_max, chosen) end as high
             from x),
         g as (
           select ${label('key')} as key, country, count(*)::int as acts, coalesce(sum(chosen), 0)::int as victims,
                  coalesce(sum(low), 0)::int as victims_low,
                  case when count(high) = count(*) then sum(high)::int end as victims_high,
                  (count(*) - count(chosen))::int as without_figure
             from y group by y.key, country)
         select * from g order by key nulls last, country`,
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

    /**
     * Acts with coordinates (064_act_geolocation.sql) under the incident filters, summed per square
     * of a `cell`-degree grid inside the database: the map needs one row per square, never a row
     * per act (200,000 acts were 200,000 objects in the server's memory).
     */
    async actsOnGrid(filters: IncidentFilters, cell: number): Promise<GridCellActs[]> {
      const params: SqlParam[] = [cell];
      const from = actsFromSql(filters, params, {
        readsIncident: false,
        conditions: ['a.latitude is not null'],
      });
      // The cell of a coordinate: floor(value / cell), corrected where the division rounds across
      // an edge, exactly as analysis/mapClusters.ts cellIndex does (the same IEEE doubles).
      const rows = await db.query<{
        row: number;
        col: number;
        acts: number;
        incidents: number;
        lat_sum: number;
        lon_sum: number;
        lat_min: number;
        lat_max: number;
        lon_min: number;
        lon_max: number;
      }>(
        `with p as (
           select a.latitude as lat, a.longitude as lon, a.incident_id,
                  floor(a.latitude / $1::float8) as r, floor(a.longitude / $1::float8) as c
             ${from}),
         q as (
           select lat, lon, incident_id,
                  case when lat < r * $1::float8 then r - 1 when lat >= (r + 1) * $1::float8 then r + 1 else r end as row,
                  case when lon < c * $1::float8 then c - 1 when lon >= (c + 1) * $1::float8 then c + 1 else c end as col
             from p)
         select row::int as row, col::int as col, count(*)::int as acts, count(distinct incident_id)::int as incidents,
                sum(lat) as lat_sum, sum(lon) as lon_sum, min(lat) as lat_min, max(lat) as lat_max,
                min(lon) as lon_min, max(lon) as lon_max
           from q group by row, col`,
        params,
      );
      return rows.map((row) => ({
        row: row.row,
        column: row.col,
        acts: row.acts,
        incidents: row.incidents,
        latitudeSum: Number(row.lat_sum),
        longitudeSum: Number(row.lon_sum),
        latitudeMin: Number(row.lat_min),
        latitudeMax: Number(row.lat_max),
        longitudeMin: Number(row.lon_min),
        longitudeMax: Number(row.lon_max),
      }));
    },

    /** Incidents by the month they began; acts by their own date. Undated records are counted apart. */
    async timeline(
      filters: IncidentFilters,
    ): Promise<{ months: MonthCount[]; undated: { incidents: number; acts: number } }> {
      const params: SqlParam[] = [];
      const incidentsWhere = incidentFilterSql(filters, params);
      const actsFrom = actsFromSql(filters, params, { readsIncident: false });
      const rows = await db.query<{ month: string | null; incidents: number; acts: number }>(
        `with m as (
           select date_trunc('month', i.date_from::timestamp) as month, count(*) as incidents, 0 as acts
             from incidents i ${incidentsWhere} group by 1
           union all
           select date_trunc('month', a.date_from::timestamp), 0, count(*)
             ${actsFrom} group by 1)
         select to_char(m.month, 'YYYY-MM') as month, sum(incidents)::int as incidents, sum(acts)::int as acts
           from m group by m.month order by m.month nulls last`,
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
      const from = actsFromSql(filters, params);
      // One pass over the acts for the three groupings (grouping sets), not one per grouping.
      const rows = await db.query<{ dimension: string; key: string | null; acts: number; victims: number }>(
        `with g as (
           select grouping(a.type) = 0 as by_type, grouping(coalesce(a.country, i.country)) = 0 as by_country,
                  a.type, coalesce(a.country, i.country) as country, date_trunc('month', a.date_from::timestamp) as month,
                  count(*)::int as acts, coalesce(sum(${CHOSEN_VICTIMS}), 0)::int as victims
             ${from}
            group by grouping sets ((coalesce(a.country, i.country)), (a.type), (date_trunc('month', a.date_from::timestamp))))
         select case when by_country then 'country' when by_type then 'type' else 'month' end as dimension,
                case when by_country then country::text when by_type then type else to_char(month, 'YYYY-MM') end as key,
                acts, victims
           from g order by 1, 2 nulls last`,
        params,
      );
      const of = (dimension: string) =>
        rows
          .filter((row) => row.dimension === dimension)
          .map((row) => ({ key: row.key?.trim() ?? '', acts: row.acts, victims: row.victims }));
      return { byCountry: of('country'), byType: of('type'), byMonth: of('month') };
    },

    async byCountry(filters: IncidentFilters): Promise<CountryCount[]> {
      const withoutCountry = { ...filters, country: undefined };
      const params: SqlParam[] = [];
      const incidentsWhere = incidentFilterSql(withoutCountry, params);
      const actsFrom = actsFromSql(withoutCountry, params);
      const rows = await db.query<{ country: string; incidents: number; acts: number; victims_min: number }>(
        `with c as (
           select i.country, count(*) as incidents, 0 as acts, 0 as victims
             from incidents i ${incidentsWhere} group by 1
           union all
           select coalesce(a.country, i.country), 0, count(*), coalesce(sum(${CHOSEN_VICTIMS}), 0)
             ${actsFrom} group by 1)
         select country, sum(incidents)::int as incidents, sum(acts)::int as acts, sum(victims)::int as victims_min
           from c where country is not null
          group by country order by 2 desc, 1`,
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
