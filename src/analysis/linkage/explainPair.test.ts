import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../core/errors.ts';
import { assignColumnRoles } from './columnRoles.ts';
import { explainPair } from './explainPair.ts';
import { linkRecords } from './linkRecords.ts';

const columns = ['id', 'given_name', 'surname', 'patronymic', 'birth_date', 'sex'];
const rows = [
  ['a1', 'Зелимхан', 'Бакаев', 'Ахмедович', '12.03.1981', 'м'],
  ['b1', 'Bakayev', 'Selimchan', '', '1981-12-03', 'M'],
  ['c1', 'Руслан', 'Умаров', '', '01.02.1975', 'м'],
  ['d1', 'Magomed', 'Isaev', '', '1990', ''],
];
const result = linkRecords({
  columns,
  roles: assignColumnRoles(columns),
  records: rows.map((values) => ({ id: values[0]!, values })),
});

describe('explainPair', () => {
  it('adds up: prior log odds plus the field weights give the probability', () => {
    const x = explainPair(result, 'a1', 'b1');
    expect(x.ids).toEqual(['a1', 'b1']);
    const sum = x.fields.reduce((total, f) => total + f.weight, 0);
    expect(sum).toBeCloseTo(x.weight, 3);
    expect(x.logOdds).toBeCloseTo(x.priorWeight + x.weight, 3);
    expect(x.probability).toBeCloseTo(1 / (1 + 2 ** -x.logOdds), 3);
    expect(x.sameCluster).toBe(true);
    const byField = Object.fromEntries(x.fields.map((f) => [f.field, f]));
    expect(byField.surname).toMatchObject({ column: 'surname', role: 'surname', level: 'phonetic' });
    expect(byField.birthDate).toMatchObject({ column: 'birth_date', level: 'near' });
    // One side has no patronymic: no evidence either way.
    expect(byField.middleName).toMatchObject({ level: null, weight: 0, m: null, u: null });
    expect(byField.given!.weight).toBeGreaterThan(0);
  });

  it('explains a pair blocking never compared, by index as well as by id', () => {
    const byIndex = explainPair(result, 2, 3);
    expect(byIndex.ids).toEqual(['c1', 'd1']);
    expect(byIndex.probability).toBeLessThan(0.1);
    expect(byIndex.sameCluster).toBe(false);
    expect(explainPair(result, 'c1', 'd1')).toEqual(byIndex);
  });

  it('refuses unknown records, a record against itself and results it did not make', () => {
    expect(() => explainPair(result, 'a1', 'zz')).toThrow(InvalidInput);
    expect(() => explainPair(result, 0, 9)).toThrow(InvalidInput);
    expect(() => explainPair(result, 'a1', 0)).toThrow(/itself/);
    expect(() => explainPair(JSON.parse(JSON.stringify(result)), 'a1', 'b1')).toThrow(/link again/);
  });

  it('keeps the model out of the result JSON', () => {
    expect(Object.keys(result)).toEqual([
      'records',
      'comparisons',
      'clusters',
      'review',
      'parameters',
      'warnings',
    ]);
  });
});
