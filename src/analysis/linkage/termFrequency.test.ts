import { describe, expect, it } from 'vitest';
import type { ColumnRole } from './columnRoles.ts';
import { compareRecords, prepareRecords } from './comparisonVector.ts';
import { buildTermFrequencies, pairTermFrequency, TF_PSEUDO_RECORDS } from './termFrequency.ts';

const columns = ['id', 'given_name', 'surname'];
const roles: ColumnRole[] = ['id', 'givenName', 'surname'];

const CONSONANTS = 'bdfklmnprt';
/** A made-up name per number, all distinct in spelling and skeleton. */
const nameOf = (k: number) =>
  `Ta${CONSONANTS[k % 10]}o${CONSONANTS[Math.floor(k / 10) % 10]}ik${'aeiou'[Math.floor(k / 100) % 5]}m`;
/** A deterministic random-looking surname: any two are 'different'. */
const surnameOf = (i: number) => {
  let state = i * 2654435761 + 1;
  let out = 'S';
  for (let k = 0; k < 9; k++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += 'bdfgklmnprstvz'[state % 14]! + 'aeiou'[Math.floor(state / 14) % 5]!;
  }
  return out;
};

function schemaOf(rows: string[][]) {
  return prepareRecords(columns, roles, rows);
}

function adjustmentOf(schema: ReturnType<typeof schemaOf>, a: number, b: number, field = 0) {
  const tf = buildTermFrequencies(schema.records);
  const levels = new Uint8Array(schema.fields.length);
  const orientation = compareRecords(schema, a, b, levels);
  return pairTermFrequency(tf, schema, field, levels[field]!, a, b, orientation);
}

function population(size: number, magomeds: number): string[][] {
  return Array.from({ length: size }, (_, i) => [
    String(i),
    i < magomeds ? 'Магомед' : i < magomeds + 2 ? (i % 2 ? 'Зелимхан' : 'Selimchan') : nameOf(i),
    surnameOf(i),
  ]);
}

describe('term-frequency adjustment', () => {
  it('weighs agreement on a rare name up and on a common one down, across scripts', () => {
    const schema = schemaOf(population(5000, 1500));
    const common = adjustmentOf(schema, 0, 1)!;
    const rare = adjustmentOf(schema, 1500, 1501)!;
    expect(rare.adjustment).toBeGreaterThan(3);
    expect(common.adjustment).toBeLessThan(0);
    // tf: shrunk share of the other records with the key.
    expect(common.frequency).toBeGreaterThan(0.25);
    expect(rare.frequency).toBeLessThan(0.01);
  });

  it('adjusts nothing when every name is equally common', () => {
    const rows = Array.from({ length: 4000 }, (_, i) => [String(i), nameOf(i % 40), 'Bakaev']);
    const x = adjustmentOf(schemaOf(rows), 0, 40)!;
    expect(Math.abs(x.adjustment)).toBeLessThan(0.01);
  });

  it('fades away in a small file, where every name is rare or common by chance', () => {
    const schema = schemaOf(population(40, 10));
    const rare = adjustmentOf(schema, 10, 11)!;
    const large = adjustmentOf(schemaOf(population(5000, 1250)), 1250, 1251)!;
    expect(rare.adjustment).toBeGreaterThan(0);
    expect(rare.adjustment).toBeLessThan(large.adjustment / 3);
    expect(TF_PSEUDO_RECORDS).toBeGreaterThan(40);
  });

  it('reads a swapped pair in the tables the values came from', () => {
    const rows = population(3000, 900);
    rows.push(['x', surnameOf(1), 'Магомед']); // index 3000: given name and surname swapped
    const schema = schemaOf(rows);
    // Record 1 is Магомед with a unique surname: the swapped pair agrees on a common given name...
    const given = adjustmentOf(schema, 3000, 1, 0)!;
    // ...and on a unique surname.
    const surname = adjustmentOf(schema, 3000, 1, 1)!;
    expect(given.adjustment).toBeLessThan(0);
    expect(surname.adjustment).toBeGreaterThan(2); // at most log2((N − 1 + K) / K) = 2.8 bits here
  });

  it('does not adjust an initial, nor weak agreement', () => {
    const rows = population(3000, 900);
    rows.push(['i', 'M.', surnameOf(0)]);
    const schema = schemaOf(rows);
    expect(adjustmentOf(schema, 3000, 0, 0)).toBeNull(); // M. ~ Магомед: 'similar', and an initial
    expect(adjustmentOf(schema, 0, 1, 1)).toBeNull(); // different surnames
  });
});
