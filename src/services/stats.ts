/** Counts for the timeline, the map and the statistics page, under the same filters as the incident list. */
import { type MapMark, marksOfCells } from '../analysis/mapClusters.ts';
import { markKey } from '../analysis/publicMarks.ts';
import type { Role } from '../core/roles.ts';
import { type Environment, environmentValue } from '../runtime/config.ts';
import type { Queryable } from '../store/db.ts';
import { type ActBreakdownRow, type StatDimension, statsRepository } from '../store/stats.ts';
import type { IncidentFiltersInput } from './incidents/incidents.ts';
import { holdsCompartmentKeys } from './policies/index.ts';
import { publicMarkLevels, publicTables, rowId, type StatsFilters } from './publicStatistics.ts';

export { STAT_DIMENSIONS, type StatDimension } from '../store/stats.ts';
export { MAP_CELLS } from './publicStatistics.ts';

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

/** The smallest figure shown in a public view unless ATTEST_STATS_THRESHOLD says more. */
export const DEFAULT_STATS_THRESHOLD = 5;

export function configuredThreshold(env: Environment = process.env): number {
  return environmentValue(env, 'ATTEST_STATS_THRESHOLD') ?? DEFAULT_STATS_THRESHOLD;
}

export type StatsView = 'internal' | 'public';

export interface ViewRequest {
  role: Role;
  /** Asked for; roles that hold no compartment key always get the public view. */
  view?: StatsView | undefined;
  /** May raise the configured threshold, never lower it. */
  threshold?: number | undefined;
  env?: Environment;
}

/**
 * Which view a request gets. Roles without access to protected data (analysts, viewers: they hold
 * no compartment key) always get the public view: the figures they copy into a brief are safe to
 * publish as they are.
 */
export function resolveView(request: ViewRequest): {
  view: StatsView;
  threshold: number;
  publicOnly: boolean;
} {
  const floor = configuredThreshold(request.env);
  const publicOnly = !holdsCompartmentKeys(request.role);
  const view = publicOnly ? 'public' : (request.view ?? 'internal');
  return { view, threshold: Math.max(floor, request.threshold ?? floor), publicOnly };
}

export interface BreakdownFigures {
  acts: number | null;
  victims: number | null;
  victimsLow: number | null;
  victimsHigh: number | null;
  /** Internal view only (null in public): acts with no figure. */
  withoutFigure: number | null;
  suppressed: boolean;
}

export interface BreakdownRow extends BreakdownFigures {
  key: string;
  country: string | null;
}

export interface Breakdown {
  dimension: StatDimension;
  view: StatsView;
  threshold: number;
  publicOnly: boolean;
  /** Public view: too few acts to show this grouping safely; no row is given. */
  withheld: boolean;
  rows: BreakdownRow[];
  total: BreakdownFigures;
}

/**
 * Acts and victims grouped by one dimension: every act in exactly one row, once, with its counted
 * figure and range; in the public view with small-cell suppression (services/publicStatistics.ts).
 */
export async function actBreakdown(
  db: Queryable,
  filters: StatsFilters,
  dimension: StatDimension,
  request: ViewRequest,
): Promise<Breakdown> {
  const { view, threshold, publicOnly } = resolveView(request);
  const isPublic = view === 'public';
  // The public view: suppressed against its own total and against the other public tables it is
  // linked to (filters, nested groupings); one that cannot be protected is withheld whole, rows and
  // names of rows alike, since several tables of the same acts give its total away.
  const { rows, hidden, withheld } = isPublic
    ? await publicTables(db, threshold).table(filters, dimension)
    : {
        rows: await statsRepository(db).actBreakdown(filters, dimension),
        hidden: new Set<string>(),
        withheld: false,
      };
  const figures = (row: Omit<ActBreakdownRow, 'key' | 'country'>, suppressed: boolean): BreakdownFigures =>
    suppressed
      ? {
          acts: null,
          victims: null,
          victimsLow: null,
          victimsHigh: null,
          withoutFigure: null,
          suppressed: true,
        }
      : {
          acts: row.acts,
          victims: row.victims,
          victimsLow: row.victimsLow,
          victimsHigh: row.victimsHigh,
          withoutFigure: isPublic ? null : row.withoutFigure,
          suppressed: false,
        };
  const sum = (pick: (row: ActBreakdownRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const total = {
    acts: sum((row) => row.acts),
    victims: sum((row) => row.victims),
    victimsLow: sum((row) => row.victimsLow),
    victimsHigh: rows.every((row) => row.victimsHigh !== null) ? sum((row) => row.victimsHigh ?? 0) : null,
    withoutFigure: sum((row) => row.withoutFigure),
  };
  return {
    dimension,
    view,
    threshold,
    publicOnly,
    withheld,
    rows: withheld
      ? []
      : rows.map((row) => ({ key: row.key, country: row.country, ...figures(row, hidden.has(rowId(row))) })),
    total: figures(total, withheld),
  };
}

export interface MapMarks {
  view: StatsView;
  threshold: number;
  publicOnly: boolean;
  cell: number;
  marks: Array<Omit<MapMark, 'incidents'> & { incidents: number | null }>;
  /** Public view: whether marks with fewer acts than the threshold were left off. */
  someHidden: boolean;
}

/**
 * The map's marks: acts with coordinates, grouped on a grid (analysis/mapClusters.ts). The public
 * view leaves off marks with fewer acts than the threshold (a dot of one act on a village is the
 * very cell suppression hides) and the marks that would give them away across grids and filters
 * (analysis/publicMarks.ts); it rounds positions to 0.01° (~1 km, as in public exports) and gives
 * no incident counts.
 */
export async function mapMarks(
  db: Queryable,
  filters: StatsFilters,
  cell: number,
  request: ViewRequest,
): Promise<MapMarks> {
  const { view, threshold, publicOnly } = resolveView(request);
  if (view === 'internal') {
    const marks = marksOfCells(await statsRepository(db).actsOnGrid(filters, cell), cell);
    return { view, threshold, publicOnly, cell, marks, someHidden: false };
  }
  const level = await publicMarkLevels(db, threshold).at(filters, cell);
  const shown = level.marks.filter((mark) => !level.hidden.has(markKey(mark)));
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    view,
    threshold,
    publicOnly,
    cell,
    marks: shown.map((mark) => ({
      ...mark,
      latitude: round(mark.latitude),
      longitude: round(mark.longitude),
      incidents: null,
    })),
    someHidden: shown.length < level.marks.length,
  };
}
