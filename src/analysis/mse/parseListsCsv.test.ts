import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatListsCsv } from '../../../test/support/formatListsCsv.ts';
import { InvalidInput } from '../../core/errors.ts';
import type { CaptureTable } from './captureTable.ts';
import { parseListsCsv } from './parseListsCsv.ts';

function invalid(text: string): InvalidInput {
  try {
    parseListsCsv(text);
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error('expected InvalidInput');
}

describe('parseListsCsv', () => {
  it('reads the aggregated form', () => {
    const table = parseListsCsv('A,B,count\n1,0,40\n0,1,30\n1,1,20\n');
    expect(table.form).toBe('aggregated');
    expect(table.lists).toEqual(['A', 'B']);
    expect([...table.strata[0]!.counts]).toEqual([0, 40, 30, 20]);
  });

  it('reads the individual form with ids, strata, CRLF, BOM and quoted names', () => {
    const text =
      '\uFEFFid,"List, one",B,stratum\r\np1,1,0,north\r\np2,1,1,north\r\np3,0,1,"south"\r\np4,1,1,north\r\n';
    const table = parseListsCsv(text);
    expect(table.form).toBe('individual');
    expect(table.lists).toEqual(['List, one', 'B']);
    expect(table.strata.map((s) => s.name)).toEqual(['north', 'south']);
    expect([...table.strata[0]!.counts]).toEqual([0, 1, 0, 2]);
    expect([...table.strata[1]!.counts]).toEqual([0, 0, 1, 0]);
  });

  it.each([
    ['', 'file', 'empty'],
    ['A,B,count\n', 'file', 'no data rows'],
    ['1,0,4\n0,1,5\n', 'row 1', 'missing header'],
    ['A,count\n1,4\n', 'row 1', 'at least two list columns'],
    ['A,B,count\n1,0,4\n0,2,5\n', "row 3, column 'B'", 'must be 0 or 1'],
    ['A,B,count\n1,0,4\n0,yes,5\n', "row 3, column 'B'", 'found text'],
    ['A,B,count\n1,0,-4\n', "row 2, column 'count'", 'negative'],
    ['A,B,count\n1,0,2.5\n', "row 2, column 'count'", 'whole number'],
    ['A,B,count\n1,0,\n', "row 2, column 'count'", 'empty'],
    ['A,B,count\n1,0,4\n0,0,5\n', 'row 3', 'on no list'],
    ['A,B,count\n1,0,4\n1,0,5\n', 'row 3', 'repeats the capture pattern of row 2'],
    ['A,B,count\n1,0\n', 'row 2', '2 fields'],
    ['A,A,count\n1,0,4\n', "row 1, column 'A'", 'twice'],
    ['id,A,B\nx,1,0\nx,0,1\n', "row 3, column 'id'", 'same id as row 2'],
    ['A,B,count\n"1,0,4\n', 'row 2', 'never closed'],
  ])('rejects %j naming %s', (text, field, reason) => {
    const error = invalid(text);
    expect(error.field).toBe(field);
    expect(error.reason).toContain(reason);
  });

  it('never echoes a non-numeric value (it could be a name)', () => {
    expect(invalid('A,B\n1,Maria Ivanova\n').message).not.toContain('Maria');
  });

  const tables = fc
    .record({
      k: fc.integer({ min: 2, max: 5 }),
      strata: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z ,"0-9]{0,8}[A-Za-z0-9]$/), {
        minLength: 1,
        maxLength: 3,
      }),
      stratified: fc.boolean(),
      seedCounts: fc.array(fc.nat(40), { minLength: 31, maxLength: 31 }),
    })
    .map(({ k, strata, stratified, seedCounts }): CaptureTable => {
      const names = stratified ? strata : [null];
      return {
        lists: Array.from({ length: k }, (_, i) => `L${i},"x"`.slice(0, i % 2 ? 2 : 6)),
        strata: names.map((name, s) => {
          const counts = new Float64Array(1 << k);
          for (let c = 1; c < counts.length; c += 1) counts[c] = seedCounts[(c + s * 7) % 31]!;
          counts[1] = counts[1]! + 1; // never an empty stratum
          return { name, counts };
        }),
      };
    });

  it('round-trips formatListsCsv → parseListsCsv (property)', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const parsed = parseListsCsv(formatListsCsv(table));
        expect(parsed.lists).toEqual(table.lists);
        expect(parsed.strata.map((s) => s.name)).toEqual(table.strata.map((s) => s.name));
        for (const [i, stratum] of parsed.strata.entries()) {
          expect([...stratum.counts]).toEqual([...table.strata[i]!.counts]);
        }
      }),
    );
  });

  it('gives the individual form the same table as the aggregated form (property)', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const only = { lists: table.lists, strata: [{ name: null, counts: table.strata[0]!.counts }] };
        const rows = [`id,${table.lists.map((name) => `"${name.replace(/"/g, '""')}"`).join(',')}`];
        let id = 0;
        only.strata[0]!.counts.forEach((count, pattern) => {
          for (let i = 0; i < count; i += 1) {
            rows.push(
              [`p${id++}`, ...table.lists.map((_, bit) => ((pattern >> bit) & 1 ? '1' : '0'))].join(','),
            );
          }
        });
        const parsed = parseListsCsv(rows.join('\n'));
        expect([...parsed.strata[0]!.counts]).toEqual([...only.strata[0]!.counts]);
      }),
      { numRuns: 30 },
    );
  });

  it('never throws anything but InvalidInput on arbitrary text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('0', '1', ',', '\n', '"', 'A', 'B', 'count', '-', '.', '2') }),
        (text) => {
          try {
            parseListsCsv(text);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidInput);
          }
        },
      ),
    );
  });
});
