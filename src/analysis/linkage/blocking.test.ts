import { describe, expect, it } from 'vitest';
import { blockingKeys, forEachCandidatePair } from './blocking.ts';
import { prepareRecords } from './comparisonVector.ts';

const columns = ['id', 'given_name', 'surname', 'birth_date'];
const roles = ['id', 'givenName', 'surname', 'birthDate'] as const;

describe('blocking', () => {
  it('gives swapped and transliterated names a shared key', () => {
    const { records } = prepareRecords(
      columns,
      [...roles],
      [
        ['1', 'Зелимхан', 'Бакаев', ''],
        ['2', 'Bakayev', 'Selimchan', ''],
      ],
    );
    const a = new Set(blockingKeys(records[0]!, []));
    expect(blockingKeys(records[1]!, []).some((key) => a.has(key))).toBe(true);
  });

  it('gives an initial and the full name it abbreviates a shared key, without a birth date', () => {
    const { records } = prepareRecords(
      columns,
      [...roles],
      [
        ['1', 'З.', 'Хахутаова', ''],
        ['2', 'Zarema', 'Khakhutaova', ''],
      ],
    );
    const a = new Set(blockingKeys(records[0]!, []));
    expect(blockingKeys(records[1]!, []).some((key) => a.has(key))).toBe(true);
  });

  it('gives a name with birth years one apart a shared name-and-year key', () => {
    const { records } = prepareRecords(
      columns,
      [...roles],
      [
        ['1', 'Sultan', 'Madugiov', '02.05.1970'],
        ['2', 'Sutlan', 'Madugiov', '1969-05-02'],
        ['3', 'Sultan', 'Madugiov', '1968-05-02'],
      ],
    );
    const nameYear = (i: number) => blockingKeys(records[i]!, []).filter((key) => key.startsWith('ny:'));
    const first = new Set(nameYear(0));
    expect(nameYear(1).some((key) => first.has(key))).toBe(true);
    expect(nameYear(2).some((key) => first.has(key))).toBe(false);
  });

  it('compares each candidate pair once and caps giant blocks by sorted neighbourhood', () => {
    const rows = Array.from({ length: 600 }, (_, i) => [
      String(i),
      'Magomed',
      'Magomedov',
      `19${50 + (i % 40)}`,
    ]);
    const { records } = prepareRecords(columns, [...roles], rows);
    const seen = new Set<string>();
    const stats = forEachCandidatePair(records, { maxBlockSize: 50, window: 5, exactSlots: [] }, (i, j) => {
      expect(i).toBeLessThan(j);
      const key = `${i},${j}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    });
    expect(stats.reducedBlocks).toBeGreaterThan(0);
    // Far fewer than the 179,700 pairs of the full block.
    expect(seen.size).toBeLessThan(600 * 5 * 6);
  });
});
