import { describe, expect, it } from 'vitest';
import { parsePartialDate } from './compareDates.ts';
import { type OracleRecord, oracleClusters } from './linkageCeiling.ts';

const record = (id: string, nameKey: string, birth: string, list: string, patronymic: string | null = null) =>
  ({ id, nameKey, birth: parsePartialDate(birth), list, patronymic }) satisfies OracleRecord;

describe('oracleClusters', () => {
  const records = [
    // One Aslan: near dates (a day/month swap), and an undated record that can only be his.
    record('a1', 'aslan', '1970-03-04', 'memorial'),
    record('a2', 'aslan', '1970-04-03', 'hrw'),
    record('a3', 'aslan', '', 'eu'),
    // Two Magomeds with different dates: the undated one could be either.
    record('m1', 'magomed', '1970-03-04', 'memorial'),
    record('m2', 'magomed', '1981-11-20', 'hrw'),
    record('m3', 'magomed', '', 'eu'),
  ];

  it('links within a name on compatible dates and leaves an undecidable record alone (strict)', () => {
    expect(oracleClusters(records, 'strict')).toEqual([['a1', 'a2', 'a3']]);
  });

  it('guesses the largest candidate under the greedy policy', () => {
    const clusters = oracleClusters(records, 'greedy');
    expect(clusters).toContainEqual(['a1', 'a2', 'a3']);
    expect(clusters).toHaveLength(2);
  });

  it('keeps apart written patronymics that differ', () => {
    const clusters = oracleClusters(
      [
        record('x1', 'k', '1970-03-04', 'memorial', 'Ахмедович'),
        record('x2', 'k', '1970-03-04', 'hrw', 'Русланович'),
      ],
      'strict',
    );
    expect(clusters).toEqual([]);
  });
});
