/** Counts for the timeline, the map and the statistics page, under the same filters as the incident list. */
import { type MapMark, marksOfCells } from '../analysis/mapClusters.ts';
import { type SeriesRule, suppressRows } from '../analysis/statistics.ts';
import type { Role } from '../core/roles.ts';
import { type Environment, environmentValue } from '../runtime/config.ts';
import type { Queryable } from '../store/db.ts';
import { type ActBreakdownRow, type StatDimension, statsRepository } from '../store/stats.ts';
import type { IncidentFiltersInput } from './incidents/incidents.ts';
import { holdsCompartmentKeys } from './policies/index.ts';

export { STAT_DIMENSIONS, type StatDimension } from '../store/stats.ts';

type StatsFilters = Omit<IncidentFiltersInput, 'source' | 'sort' | 'area'>;

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

type Series = 'acts' | 'victims' | 'victimsLow' | 'victimsHigh';
const SERIES: ReadonlyArray<SeriesRule<Series>> = [
  { name: 'acts', floor: 1, sensitive: true },
  { name: 'victims', floor: 0, sensitive: true },
  { name: 'victimsLow', floor: 0, sensitive: false },
  { name: 'victimsHigh', floor: 0, sensitive: false },
];

const rowId = (row: Pick<ActBreakdownRow, 'key' | 'country'>) => `${row.country ?? ''}|${row.key}`;

/**
 * Acts and victims grouped by one dimension: every act in exactly one row, once, with its counted
 * figure and range; in the public view with small-cell suppression (analysis/statistics.ts).
 */
export async function actBreakdown(
  db: Queryable,
  filters: StatsFilters,
  dimension: StatDimension,
  request: ViewRequest,
): Promise<Breakdown> {
  const { view, threshold, publicOnly } = resolveView(request);
  const rows = await statsRepository(db).actBreakdown(filters, dimension);
  const isPublic = view === 'public';
  const suppress = (table: readonly ActBreakdownRow[]) =>
    suppressRows(
      table.map((row) => ({
        key: rowId(row),
        values: {
          acts: row.acts,
          victims: row.victims,
          victimsLow: row.victimsLow,
          victimsHigh: row.victimsHigh,
        },
      })),
      SERIES,
      threshold,
    );
  const { hidden, totalHidden } = isPublic
    ? suppress(rows)
    : { hidden: new Set<string>(), totalHidden: false };
  // Several tables of the same acts are public at once, and any of them whose rows all show gives
  // the total away. So no table relies on hiding its total: one that cannot be protected with its
  // total known (or whose total is itself small) is withheld whole, rows and names of rows alike.
  const withheld = totalHidden;
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
    total: figures(total, totalHidden),
  };
}

/** Grid sizes the map may ask for: powers of two, so a cell's edges are exact in binary. */
export const MAP_CELLS = [0.25, 0.5, 1, 2, 4, 8] as const;

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
 * The map's marks: acts with coordinates, grouped on a grid (analysis/mapClusters.ts). In the
 * public view a mark with fewer acts than the threshold is left off (a dot of one act on a village
 * is the very cell suppression hides), positions are rounded to 0.01° (~1 km, as in public
 * exports) and the incident counts are not given.
 */
export async function mapMarks(
  db: Queryable,
  filters: StatsFilters,
  cell: number,
  request: ViewRequest,
): Promise<MapMarks> {
  const { view, threshold, publicOnly } = resolveView(request);
  const marks = marksOfCells(await statsRepository(db).actsOnGrid(filters, cell), cell);
  if (view === 'internal') return { view, threshold, publicOnly, cell, marks, someHidden: false };
  const shown = marks.filter((mark) => mark.acts >= threshold);
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
    someHidden: shown.length < marks.length,
  };
}
