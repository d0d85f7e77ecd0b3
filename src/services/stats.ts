/** Counts for the timeline and the map, under the same filters as the incident list. */
import type { Queryable } from '../store/db.ts';
import { statsRepository } from '../store/stats.ts';
import type { IncidentFiltersInput } from './incidents/incidents.ts';

export function timeline(db: Queryable, filters: Omit<IncidentFiltersInput, 'source' | 'language'>) {
  return statsRepository(db).timeline(filters);
}

export async function byCountry(
  db: Queryable,
  filters: Omit<IncidentFiltersInput, 'source' | 'language' | 'country'>,
) {
  return { countries: await statsRepository(db).byCountry(filters) };
}

/** Acts and their chosen victim figures by country, type and month: each act counted once. */
export function actTotals(db: Queryable, filters: Omit<IncidentFiltersInput, 'source' | 'language'>) {
  return statsRepository(db).actTotals(filters);
}
