import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constraintsFromParent, nestUnder } from './linkedTables.ts';
import { suppressRows } from './statistics.ts';

const ACTS = [{ name: 'acts', floor: 1, sensitive: true }] as const;
const rows = (entries: Record<string, number>) =>
  Object.entries(entries).map(([key, acts]) => ({ key, values: { acts } }));

describe('constraintsFromParent (a filtered table and the table with one filter fewer)', () => {
  it('the attack: all killings minus the killings since March cannot give the 2 before March', () => {
    const all = rows({ killing: 10, detention: 20, torture: 7 });
    const sinceMarch = rows({ killing: 8, detention: 13, torture: 7 });
    const parent = { rows: all, hidden: suppressRows(all, ACTS, 5).hidden };
    expect(parent.hidden.size).toBe(0);
    const { forced, withheld } = constraintsFromParent(sinceMarch, parent, ACTS, 5);
    expect(withheld).toBe(false);
    // 10 − 8 = 2 killings before March: the filtered killing row is hidden (with a complement).
    expect([...forced]).toEqual(['killing']);
    const { hidden } = suppressRows(sinceMarch, ACTS, 5, { forced });
    expect([...hidden].sort()).toEqual(['killing', 'torture']);
    // Every shown row differs from the unfiltered one by 0 or at least the threshold.
    for (const row of sinceMarch.filter((each) => !hidden.has(each.key))) {
      const difference = all.find((each) => each.key === row.key)!.values.acts - row.values.acts;
      expect(difference === 0 || difference >= 5).toBe(true);
    }
  });

  it('withholds a filtered table whose population is the parent one less a few acts', () => {
    const all = rows({ killing: 10, detention: 20 });
    const parent = { rows: all, hidden: new Set<string>() };
    // 30 − 28: the filter removed 2 acts, whatever rows they were in.
    expect(constraintsFromParent(rows({ killing: 10, detention: 18 }), parent, ACTS, 5).withheld).toBe(true);
    expect(constraintsFromParent(rows({ killing: 10, detention: 20 }), parent, ACTS, 5).withheld).toBe(false);
    expect(constraintsFromParent(rows({ killing: 10, detention: 10 }), parent, ACTS, 5).withheld).toBe(false);
  });

  it('hides what the parent hides: else the filtered figure is a floor on the hidden one', () => {
    const all = rows({ killing: 3, torture: 6, detention: 40 });
    const parent = { rows: all, hidden: suppressRows(all, ACTS, 5).hidden };
    expect([...parent.hidden].sort()).toEqual(['killing', 'torture']);
    // Torture 6 shown here says the parent's torture is ≥ 6; the parent's hidden rows hold 9, so
    // killing would be at most 3, and exactly 3 if torture were known to be 6.
    const filtered = rows({ torture: 6, detention: 30 });
    expect([...constraintsFromParent(filtered, parent, ACTS, 5).forced]).toEqual(['torture']);
  });

  it('every shown row of a filtered table differs from the parent by 0 or ≥ threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 8 }),
        (pairs, threshold) => {
          const parentRows = pairs.map(([kept, removed], index) => ({
            key: `k${index}`,
            values: { acts: kept + removed },
          }));
          const childRows = pairs
            .map(([kept], index) => ({ key: `k${index}`, values: { acts: kept } }))
            .filter((row) => row.values.acts > 0);
          const parent = { rows: parentRows, hidden: suppressRows(parentRows, ACTS, threshold).hidden };
          const { forced, withheld } = constraintsFromParent(childRows, parent, ACTS, threshold);
          const removed = pairs.reduce((sum, [, gone]) => sum + gone, 0);
          expect(withheld).toBe(removed > 0 && removed < threshold);
          const { hidden } = suppressRows(childRows, ACTS, threshold, { forced });
          for (const row of childRows) {
            if (hidden.has(row.key)) continue;
            expect(parent.hidden.has(row.key)).toBe(false);
            const difference = parentRows.find((each) => each.key === row.key)!.values.acts - row.values.acts;
            expect(difference === 0 || difference >= threshold).toBe(true);
          }
        },
      ),
    );
  });
});

describe('nestUnder (regions in the country table)', () => {
  it('hides the rows of a hidden country and groups the others under theirs', () => {
    const countries = { rows: rows({ RU: 12, UA: 36, BY: 3 }), hidden: new Set(['BY', 'RU']) };
    const regions = rows({ Grozny: 10, Kazan: 2, Kyiv: 36, Minsk: 3 });
    const countryOf: Record<string, string> = { Grozny: 'RU', Kazan: 'RU', Kyiv: 'UA', Minsk: 'BY' };
    const nested = nestUnder(regions, (row) => countryOf[row.key]!, countries);
    expect([...nested.forced].sort()).toEqual(['Grozny', 'Kazan', 'Minsk']);
    expect(nested.rows.find((row) => row.key === 'Kyiv')).toMatchObject({ group: 'UA' });
    expect(nested.rows.find((row) => row.key === 'Kazan')?.group).toBeUndefined();
  });
});
