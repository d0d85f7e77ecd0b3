/**
 * The public view's tables and map marks, each suppressed against the other public tables it is
 * linked to (analysis/linkedTables.ts, analysis/publicMarks.ts), not only against its own total:
 *
 * - a filtered table against every table with one filter fewer (their difference is what the
 *   filter removed), recursively, so against the unfiltered table too;
 * - a table filtered to one type, country or status: its total is that value's cell in the table
 *   by that dimension (with the other filters), so it is withheld when that cell is hidden;
 * - regions are nested in the country table (a country's row is its regions' subtotal); months
 *   in years (the dataset export publishes acts by year);
 * - map marks against the coarser grids and the maps with one filter fewer.
 *
 * One computation memoises the tables it needs, so a request with k filters reads at most 2^k
 * subsets × the dimensions involved. What it does not cover — two filters of the same kind with
 * different values (January–June against February–June) — is in docs/analysis.md.
 */
import { constraintsFromParent, nestUnder } from '../analysis/linkedTables.ts';
import { type MapMark, marksOfCells } from '../analysis/mapClusters.ts';
import { hiddenMarks, markKey } from '../analysis/publicMarks.ts';
import { type SeriesRule, type SuppressibleRow, suppressRows } from '../analysis/statistics.ts';
import type { Queryable } from '../store/db.ts';
import { type ActBreakdownRow, type StatDimension, statsRepository } from '../store/stats.ts';
import type { IncidentFiltersInput } from './incidents/incidents.ts';

export type StatsFilters = Omit<IncidentFiltersInput, 'source' | 'sort' | 'area'>;
type FilterName = keyof StatsFilters;

type Series = 'acts' | 'victims' | 'victimsLow' | 'victimsHigh';
export const SERIES: ReadonlyArray<SeriesRule<Series>> = [
  { name: 'acts', floor: 1, sensitive: true },
  { name: 'victims', floor: 0, sensitive: true },
  { name: 'victimsLow', floor: 0, sensitive: false },
  { name: 'victimsHigh', floor: 0, sensitive: false },
];

/** Filters whose value is a row of another grouping: the filtered total is that row's figure. */
const FILTER_DIMENSION: Partial<Record<FilterName, StatDimension>> = {
  country: 'country',
  type: 'type',
  status: 'status',
};

export const rowId = (row: Pick<ActBreakdownRow, 'key' | 'country'>) => `${row.country ?? ''}|${row.key}`;

export interface PublicTable {
  rows: ActBreakdownRow[];
  /** rowId of every hidden row. */
  hidden: Set<string>;
  /** Nothing of the table may be shown (no row, no name, no total). */
  withheld: boolean;
}

function suppressible(row: ActBreakdownRow): SuppressibleRow<Series> {
  return {
    key: rowId(row),
    values: {
      acts: row.acts,
      victims: row.victims,
      victimsLow: row.victimsLow,
      victimsHigh: row.victimsHigh,
    },
  };
}

/** The filters actually set, so {} and { country: undefined } are one table. */
function activeFilters(filters: StatsFilters): Array<[FilterName, string]> {
  return (Object.entries(filters) as Array<[FilterName, string | undefined]>)
    .filter((entry): entry is [FilterName, string] => entry[1] !== undefined && entry[1] !== '')
    .sort(([a], [b]) => a.localeCompare(b));
}

function without(filters: StatsFilters, name: FilterName): StatsFilters {
  const { [name]: _removed, ...fewer } = filters;
  return fewer;
}

/** Public tables at one threshold, linked to each other; one instance per request. */
export function publicTables(db: Queryable, threshold: number) {
  const repository = statsRepository(db);
  return linkedPublicTables((filters, dimension) => repository.actBreakdown(filters, dimension), threshold);
}

/** The same over any source of breakdown rows (tests give plain tables). */
export function linkedPublicTables(
  read: (filters: StatsFilters, dimension: StatDimension) => Promise<ActBreakdownRow[]>,
  threshold: number,
) {
  const memo = new Map<string, Promise<PublicTable>>();
  const table = (filters: StatsFilters, dimension: StatDimension): Promise<PublicTable> => {
    const key = `${dimension}:${JSON.stringify(activeFilters(filters))}`;
    let pending = memo.get(key);
    if (!pending) {
      pending = compute(filters, dimension);
      memo.set(key, pending);
    }
    return pending;
  };
  const withheld = (rows: ActBreakdownRow[]): PublicTable => ({ rows, hidden: new Set(), withheld: true });

  async function compute(filters: StatsFilters, dimension: StatDimension): Promise<PublicTable> {
    const rows = await read(filters, dimension);
    let units = rows.map(suppressible);
    const forced = new Set<string>();
    for (const [name, value] of activeFilters(filters)) {
      const fewer = without(filters, name);
      const parent = await table(fewer, dimension);
      if (parent.withheld) return withheld(rows);
      const linked = constraintsFromParent(
        units,
        { rows: parent.rows.map(suppressible), hidden: parent.hidden },
        SERIES,
        threshold,
      );
      if (linked.withheld) return withheld(rows);
      for (const key of linked.forced) forced.add(key);
      const along = FILTER_DIMENSION[name];
      if (along) {
        const other = await table(fewer, along);
        const cell = other.rows.find((row) => row.key === value);
        if (other.withheld || (cell && other.hidden.has(rowId(cell)))) return withheld(rows);
      }
    }
    if (dimension === 'region') {
      const countries = await table(filters, 'country');
      if (countries.withheld) return withheld(rows);
      const regionCountry = new Map(rows.map((row) => [rowId(row), row.country ?? '']));
      const nested = nestUnder(
        units,
        (unit) => rowId({ key: regionCountry.get(unit.key) ?? '', country: null }),
        { rows: countries.rows.map(suppressible), hidden: countries.hidden },
      );
      units = nested.rows;
      for (const key of nested.forced) forced.add(key);
    }
    if (dimension === 'month') {
      // A month's year is a row of the exported statistics (acts by year): its subtotal is public.
      const monthOf = new Map(rows.map((row) => [rowId(row), row.key]));
      units = units.map((unit) => {
        const month = monthOf.get(unit.key) ?? '';
        return { ...unit, group: month ? month.slice(0, 4) : undefined };
      });
    }
    const { hidden, totalHidden } = suppressRows(units, SERIES, threshold, { forced });
    return totalHidden ? withheld(rows) : { rows, hidden, withheld: false };
  }

  return { table };
}

/** Grid sizes the map may ask for: powers of two, so a cell's edges are exact in binary. */
export const MAP_CELLS = [0.25, 0.5, 1, 2, 4, 8] as const;

/** Public map marks at one threshold, linked across grids and filters; one instance per request. */
export function publicMarkLevels(db: Queryable, threshold: number) {
  const repository = statsRepository(db);
  const memo = new Map<string, Promise<Map<number, { marks: MapMark[]; hidden: Set<string> }>>>();
  const levels = [...MAP_CELLS].sort((a, b) => b - a);
  const markRows = (marks: readonly MapMark[]) =>
    marks.map((mark) => ({ key: markKey(mark), values: { acts: mark.acts } }));
  const ACTS: ReadonlyArray<SeriesRule<'acts'>> = [{ name: 'acts', floor: 1, sensitive: true }];

  const marksAt = (filters: StatsFilters) => {
    const key = JSON.stringify(activeFilters(filters));
    let pending = memo.get(key);
    if (!pending) {
      pending = compute(filters);
      memo.set(key, pending);
    }
    return pending;
  };

  async function compute(filters: StatsFilters) {
    // One grid at a time, summed in the database: the server never holds one object per act.
    const marks = new Map<number, MapMark[]>();
    for (const cell of levels)
      marks.set(cell, marksOfCells(await repository.actsOnGrid(filters, cell), cell));
    const forced = new Map(levels.map((cell) => [cell, new Set<string>()]));
    for (const [name] of activeFilters(filters)) {
      const parent = await marksAt(without(filters, name));
      for (const cell of levels) {
        const above = parent.get(cell)!;
        const linked = constraintsFromParent(
          markRows(marks.get(cell)!),
          { rows: markRows(above.marks), hidden: above.hidden },
          ACTS,
          threshold,
        );
        for (const key of linked.forced) forced.get(cell)!.add(key);
      }
    }
    const hidden = hiddenMarks(
      levels.map((cell) => ({ cell, marks: marks.get(cell)!, forced: forced.get(cell)! })),
      threshold,
    );
    return new Map(levels.map((cell) => [cell, { marks: marks.get(cell)!, hidden: hidden.get(cell)! }]));
  }

  return {
    /** The marks of one grid and which of them the public view hides. */
    async at(filters: StatsFilters, cell: number) {
      const level = (await marksAt(filters)).get(cell);
      if (!level) throw new RangeError(`cell must be one of ${MAP_CELLS.join(', ')}`);
      return level;
    },
  };
}
