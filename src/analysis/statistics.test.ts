import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countViolations, periodOf, suppressRows, suppressSmallCells } from './statistics.ts';

const table = (entries: Record<string, number>, threshold = 5) =>
  suppressSmallCells('place', new Map(Object.entries(entries)), threshold);

describe('countViolations', () => {
  it('counts by type, period and place, with unknowns so cells add up', () => {
    const stats = countViolations(
      [
        ...Array.from({ length: 6 }, () => ({ type: 'killing', date: '1999-04-02', place: 'Peja' })),
        ...Array.from({ length: 7 }, () => ({ type: 'detention', date: '1999-05', place: 'Gjakova' })),
        { type: null, date: 'spring', place: ' ' },
      ],
      { suppress: false, period: 'month' },
    );
    expect(stats.byType.cells.map((c) => [c.key, c.count])).toEqual([
      ['detention', 7],
      ['killing', 6],
      ['unknown', 1],
    ]);
    expect(stats.byPeriod.cells.map((c) => c.key)).toEqual(['1999-04', '1999-05', 'unknown']);
    expect(stats.byPlace.total).toBe(14);
  });

  it('reads partial dates', () => {
    expect(periodOf('1999', 'month')).toBe('1999 (month unknown)');
    expect(periodOf('1999-13-01', 'year')).toBe('1999');
    expect(periodOf(undefined, 'year')).toBe('unknown');
  });
});

/** What a reader can prove about one hidden cell from the published total and visible cells. */
function provable(result: ReturnType<typeof table>, key: string): { low: number; high: number } {
  const hidden = result.cells.filter((c) => c.suppressed);
  const hiddenSum = result.total! - result.cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
  // Every hidden cell holds at least 1 (zeros are shown): the others take at least m − 1 of the sum.
  expect(hidden.some((c) => c.key === key)).toBe(true);
  return { low: 1, high: hiddenSum - (hidden.length - 1) };
}

describe('suppressSmallCells', () => {
  it('suppresses small cells and a complementary cell so the small one cannot be recovered', () => {
    const result = table({ a: 2, b: 10, c: 20, d: 0 });
    expect(result.cells.find((c) => c.key === 'a')).toMatchObject({ count: null, suppressed: true });
    // Alone, a = total − b − c − d: b (the smallest visible non-zero cell) is suppressed too.
    expect(result.cells.find((c) => c.key === 'b')).toMatchObject({ count: null, display: 'suppressed' });
    expect(result.cells.find((c) => c.key === 'd')).toMatchObject({ count: 0, suppressed: false });
    expect(result.total).toBe(32);
  });

  it('does not let many ones be pinned down by their sum', () => {
    // Five cells of 1: their sum 5 is recoverable and, each being ≥ 1, each would be exactly 1.
    const result = table({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 30, g: 40 });
    expect(result.cells.find((c) => c.key === 'f')!.suppressed).toBe(true);
  });

  it('withholds the table whole when nothing else can protect a small cell', () => {
    const result = table({ a: 3, b: 0 });
    expect(result).toMatchObject({ total: null, withheld: true, cells: [] });
    // Hiding the total alone would not do: the country and year tables of the same export give it.
    expect(table({ a: 2, b: 1 })).toMatchObject({ totalDisplay: 'withheld', suppressed: true, cells: [] });
  });

  it('the attack: 2 killings in one village cannot be recomputed as the total minus the visible cells', () => {
    const counts = { Peja: 2, Gjakova: 9, Prizren: 30 };
    const total = 41;
    // Primary suppression alone would publish Gjakova and Prizren: 41 − 9 − 30 = 2 for Peja.
    const result = table(counts);
    expect(result.total).toBe(total);
    for (const cell of result.cells.filter((c) => c.suppressed)) {
      const { low, high } = provable(result, cell.key);
      expect(high - low, `${cell.key} is pinned down`).toBeGreaterThan(0);
      expect(high, `${cell.key} can be shown small`).toBeGreaterThanOrEqual(5);
    }
    expect(result.cells.filter((c) => c.suppressed).map((c) => c.key)).toEqual(['Gjakova', 'Peja']);
  });

  it('no suppressed cell can be proven below the threshold from the published figures (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), fc.oneof(fc.nat(6), fc.nat(200)), {
          minKeys: 1,
          maxKeys: 8,
        }),
        fc.integer({ min: 2, max: 10 }),
        (entries, threshold) => {
          const result = table(entries, threshold);
          for (const cell of result.cells) {
            const real = entries[cell.key]!;
            if (real > 0 && real < threshold) expect(cell.suppressed).toBe(true);
            if (!cell.suppressed) expect(cell.count).toBe(real);
          }
          const hidden = result.cells.filter((c) => c.suppressed);
          if (result.withheld) expect(result.cells).toEqual([]);
          if (hidden.length > 0 && result.total !== null) {
            const visibleSum = result.cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
            const hiddenSum = result.total - visibleSum;
            // Largest value a reader can prove possible for any one hidden cell (others ≥ 1).
            expect(hidden.length).toBeGreaterThanOrEqual(2);
            expect(hiddenSum - (hidden.length - 1)).toBeGreaterThanOrEqual(threshold);
          }
        },
      ),
    );
  });
});

describe('suppressRows (acts and victims published together)', () => {
  const SERIES = [
    { name: 'acts', floor: 1, sensitive: true },
    { name: 'victims', floor: 0, sensitive: true },
    { name: 'high', floor: 0, sensitive: false },
  ] as const;
  type Name = (typeof SERIES)[number]['name'];
  const rows = (entries: Record<string, [number, number, number | null]>) =>
    Object.entries(entries).map(([key, [acts, victims, high]]) => ({
      key,
      values: { acts, victims, high } as Record<Name, number | null>,
    }));

  it('hides a row whose victims are few even when its acts are many, and a partner for it', () => {
    const result = suppressRows(rows({ a: [6, 2, 2], b: [9, 40, 50], c: [7, 30, 30] }), SERIES, 5);
    expect([...result.hidden].sort()).toEqual(['a', 'c']);
    expect(result.totalHidden).toBe(false);
  });

  it('hides the totals when a total is small', () => {
    expect(suppressRows(rows({ a: [3, 3, 3] }), SERIES, 5)).toMatchObject({ totalHidden: true });
  });

  it('nothing is hidden at threshold 1 (internal use)', () => {
    expect(suppressRows(rows({ a: [1, 1, 1], b: [9, 9, 9] }), SERIES, 1).hidden.size).toBe(0);
  });

  it('no hidden row can be proven small from any published total (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.stringMatching(/^[a-z]{1,3}$/),
          fc.tuple(fc.integer({ min: 1, max: 30 }), fc.nat(60), fc.option(fc.nat(40))),
          { minKeys: 1, maxKeys: 8 },
        ),
        fc.integer({ min: 2, max: 10 }),
        (entries, threshold) => {
          const table = rows(
            Object.fromEntries(
              Object.entries(entries).map(([key, [acts, victims, extra]]) => [
                key,
                [acts, victims, extra === null ? null : victims + extra] as [number, number, number | null],
              ]),
            ),
          );
          const { hidden, totalHidden } = suppressRows(table, SERIES, threshold);
          const small = (value: number | null) => value !== null && value > 0 && value < threshold;
          for (const row of table)
            if (small(row.values.acts) || small(row.values.victims)) expect(hidden.has(row.key)).toBe(true);
          if (hidden.size === 0 || totalHidden) return;
          expect(hidden.size).toBeGreaterThanOrEqual(2);
          const inside = table.filter((row) => hidden.has(row.key));
          const sum = (name: Name) => inside.reduce((total, row) => total + (row.values[name] ?? 0), 0);
          // Each hidden row has ≥ 1 act: the most one of them can be shown to hold reaches the threshold.
          expect(sum('acts') - (inside.length - 1)).toBeGreaterThanOrEqual(threshold);
          expect(sum('victims') === 0 || sum('victims') >= threshold).toBe(true);
          if (table.every((row) => row.values.high !== null))
            expect(sum('high') === 0 || sum('high') >= threshold).toBe(true);
        },
      ),
    );
  });
});

describe('suppressRows with groups (regions whose country figure is published) and forced rows', () => {
  const ACTS = [{ name: 'acts', floor: 1, sensitive: true }] as const;
  const grouped = (entries: Record<string, [string, number]>) =>
    Object.entries(entries).map(([key, [group, acts]]) => ({ key, group, values: { acts } }));

  it('the attack: a region cannot be recomputed as the figure of its country minus the other regions', () => {
    // The country table publishes RU 12 and UA 36; the region table has a lone small RU region.
    const regions = grouped({ Grozny: ['RU', 10], Kazan: ['RU', 2], Kharkiv: ['UA', 6], Kyiv: ['UA', 30] });
    // Without groups, the complement is the smallest row anywhere (Kharkiv) and RU − Grozny = 2.
    const flat = suppressRows(
      regions.map(({ group: _group, ...row }) => row),
      ACTS,
      5,
    );
    expect([...flat.hidden].sort()).toEqual(['Kazan', 'Kharkiv']);
    const { hidden, totalHidden } = suppressRows(regions, ACTS, 5);
    expect(totalHidden).toBe(false);
    expect([...hidden].sort()).toEqual(['Grozny', 'Kazan']);
    // RU 12 − its visible regions (none) = 12 over two hidden rows: each in [1, 11].
    const visibleRu = regions.filter((row) => row.group === 'RU' && !hidden.has(row.key));
    expect(12 - visibleRu.reduce((sum, row) => sum + row.values.acts, 0) - 1).toBeGreaterThanOrEqual(5);
  });

  it('hides forced rows as if small, with a complement for them', () => {
    const rows = grouped({ a: ['x', 8], b: ['x', 9], c: ['y', 40] }).map(({ group: _group, ...row }) => row);
    const { hidden } = suppressRows(rows, ACTS, 5, { forced: new Set(['b']) });
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('withholds when a group cannot be protected even with all its rows hidden', () => {
    // RU 5 = 4 + 1: hidden together, each is still shown to be below 5 (5 − 1 < 5).
    const rows = grouped({ Grozny: ['RU', 4], Kazan: ['RU', 1], Kyiv: ['UA', 30] });
    expect(suppressRows(rows, ACTS, 5).totalHidden).toBe(true);
  });

  it('no hidden row can be proven small from the subtotal of its group or the total (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.stringMatching(/^[a-z]{1,3}$/),
          fc.tuple(fc.constantFrom('g1', 'g2', 'g3'), fc.oneof(fc.integer({ min: 1, max: 6 }), fc.nat(80))),
          { minKeys: 1, maxKeys: 10 },
        ),
        fc.integer({ min: 2, max: 8 }),
        (entries, threshold) => {
          const rows = grouped(entries).filter((row) => row.values.acts > 0);
          const forced = new Set(rows.filter((_row, index) => index % 4 === 3).map((row) => row.key));
          const { hidden, totalHidden } = suppressRows(rows, ACTS, threshold, { forced });
          for (const row of rows)
            if (row.values.acts < threshold || forced.has(row.key)) expect(hidden.has(row.key)).toBe(true);
          if (totalHidden) return;
          const units = [
            rows,
            ...['g1', 'g2', 'g3'].map((group) => rows.filter((row) => row.group === group)),
          ];
          for (const unit of units) {
            const inside = unit.filter((row) => hidden.has(row.key));
            if (inside.length === 0) continue;
            expect(inside.length).toBeGreaterThanOrEqual(2);
            const sum = inside.reduce((total, row) => total + row.values.acts, 0);
            expect(sum - (inside.length - 1)).toBeGreaterThanOrEqual(threshold);
          }
        },
      ),
    );
  });
});
