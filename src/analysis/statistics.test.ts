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

  it('suppresses the total when nothing else can protect a small cell', () => {
    const result = table({ a: 3, b: 0 });
    expect(result.total).toBeNull();
    expect(table({ a: 2, b: 1 }).totalDisplay).toBe('suppressed');
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
