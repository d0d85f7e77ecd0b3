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

export function statsRepository(db: Queryable) {
  return {
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
