/**
 * The linked public tables against an attacker who reads every public table of a small dataset —
 * acts by type and by country, under every combination of a country and a type filter — and
 * solves for the hidden figures by brute force: every dataset that would have published the same
 * visible figures, the same row names and the same totals is possible to the attacker. No act
 * count from 1 to threshold − 1 may be pinned down to one value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActBreakdownRow, StatDimension } from '../store/stats.ts';
import { linkedPublicTables, rowId, type StatsFilters } from './publicStatistics.ts';

const COUNTRIES = ['AM', 'GE'] as const;
const TYPES = ['detention', 'killing'] as const;
const CELLS = COUNTRIES.flatMap((country) => TYPES.map((type) => ({ country, type })));
type Cells = readonly number[];

function rowsOf(cells: Cells, filters: StatsFilters, dimension: StatDimension): ActBreakdownRow[] {
  const totals = new Map<string, number>();
  CELLS.forEach(({ country, type }, index) => {
    if ((filters.country && filters.country !== country) || (filters.type && filters.type !== type)) return;
    const key = dimension === 'country' ? country : type;
    totals.set(key, (totals.get(key) ?? 0) + cells[index]!);
  });
  return [...totals]
    .filter(([, acts]) => acts > 0)
    .map(([key, acts]) => ({
      key,
      country: null,
      acts,
      victims: 0,
      victimsLow: 0,
      victimsHigh: 0,
      withoutFigure: 0,
    }));
}

const FILTERS: StatsFilters[] = [undefined, ...COUNTRIES].flatMap((country) =>
  [undefined, ...TYPES].map((type) => ({ ...(country ? { country } : {}), ...(type ? { type } : {}) })),
);
const DIMENSIONS: StatDimension[] = ['type', 'country'];

interface Published {
  filters: StatsFilters;
  dimension: StatDimension;
  withheld: boolean;
  /** Every listed row: its figure, or null when hidden. */
  rows: Map<string, number | null>;
  total: number;
}

async function publish(cells: Cells, threshold: number): Promise<Published[]> {
  const tables = linkedPublicTables(
    async (filters, dimension) => rowsOf(cells, filters, dimension),
    threshold,
  );
  const published: Published[] = [];
  for (const filters of FILTERS)
    for (const dimension of DIMENSIONS) {
      const table = await tables.table(filters, dimension);
      published.push({
        filters,
        dimension,
        withheld: table.withheld,
        rows: new Map(
          table.withheld
            ? []
            : table.rows.map((row) => [row.key, table.hidden.has(rowId(row)) ? null : row.acts] as const),
        ),
        total: table.rows.reduce((sum, row) => sum + row.acts, 0),
      });
    }
  return published;
}

/** Whether a dataset would have shown the attacker exactly what was published. */
function consistent(candidate: Cells, published: readonly Published[]): boolean {
  return published.every((table) => {
    if (table.withheld) return true;
    const rows = rowsOf(candidate, table.filters, table.dimension);
    if (rows.reduce((sum, row) => sum + row.acts, 0) !== table.total) return false;
    if (rows.length !== table.rows.size) return false;
    return rows.every((row) => {
      if (!table.rows.has(row.key)) return false;
      const shown = table.rows.get(row.key);
      return shown === null || shown === row.acts;
    });
  });
}

function* candidates(limit: number): Generator<number[]> {
  const values = Array.from({ length: limit + 1 }, (_unused, value) => value);
  for (const a of values)
    for (const b of values) for (const c of values) for (const d of values) yield [a, b, c, d];
}

describe('linkedPublicTables against an attacker reading every filtered table', () => {
  it('the attack the issue names: a country total minus its visible country-and-type cells', async () => {
    // AM: 2 killings and 10 detentions; GE: 20 detentions and 6 killings. Without linking, the
    // table by type for AM hides the 2 killings and, as their complement, AM's 10 detentions; but
    // the table by country for detentions shows AM 10, and AM 12 − 10 = 2.
    const cells = [10, 2, 20, 6];
    const published = await publish(cells, 5);
    const detentionsByCountry = published.find(
      (table) =>
        table.dimension === 'country' && table.filters.type === 'detention' && !table.filters.country,
    )!;
    const amByType = published.find(
      (table) => table.dimension === 'type' && table.filters.country === 'AM' && !table.filters.type,
    )!;
    const amDetentionsShown = !detentionsByCountry.withheld && detentionsByCountry.rows.get('AM') !== null;
    const amKillingsHidden = amByType.withheld || amByType.rows.get('killing') === null;
    expect(amKillingsHidden).toBe(true);
    // Either the AM detentions are hidden in the detentions table too, or the AM table is withheld.
    expect(amDetentionsShown && !amByType.withheld).toBe(false);
    const possible = new Set<number>();
    for (const candidate of candidates(24)) if (consistent(candidate, published)) possible.add(candidate[1]!);
    expect(possible.size).toBeGreaterThan(1);
  });

  it('no small count is pinned down by all the public tables together (property, brute force)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12), fc.nat(12)),
        fc.integer({ min: 3, max: 5 }),
        async (cells, threshold) => {
          const published = await publish(cells, threshold);
          const possible = cells.map(() => new Set<number>());
          for (const candidate of candidates(16))
            if (consistent(candidate, published))
              for (const [index, value] of candidate.entries()) possible[index]!.add(value);
          cells.forEach((value, index) => {
            if (value > 0 && value < threshold)
              expect(possible[index]!.size, `cell ${index} (${value}) of ${cells} pinned`).toBeGreaterThan(1);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
