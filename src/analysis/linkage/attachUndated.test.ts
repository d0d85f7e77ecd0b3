import { describe, expect, it } from 'vitest';
import { attachUndated } from './attachUndated.ts';

const options = { candidateFloor: 0.3, linkFloor: 0.5, vetoBelow: 0.01, guardSample: 25 };

/** Probabilities from a table keyed "a,b" (a < b); pairs not listed score `otherwise`. */
function table(entries: Record<string, number>, otherwise = 0.2) {
  const probabilityOf = (a: number, b: number) => entries[`${Math.min(a, b)},${Math.max(a, b)}`] ?? otherwise;
  const pairs = Object.entries(entries).map(([key, probability]) => {
    const [a, b] = key.split(',').map(Number);
    return { a: a!, b: b!, probability };
  });
  return { probabilityOf, pairs };
}

const noList = () => null;

describe('attachUndated', () => {
  it('joins a record without a date to the one person with its (rare) name', () => {
    // 0 and 1 are one dated person; 2 has no date and matches both moderately.
    const { probabilityOf, pairs } = table({ '0,2': 0.4, '1,2': 0.35 });
    const undated = (i: number) => i === 2;
    const { clusters, ambiguous } = attachUndated(
      3,
      [[0, 1]],
      pairs,
      undated,
      noList,
      probabilityOf,
      options,
    );
    expect(clusters).toEqual([[0, 1, 2]]);
    expect(ambiguous).toEqual([]);
  });

  it('leaves it apart when two dated namesakes could have written it, however high each pair scores', () => {
    // Clusters {0,1} and {2,3} are two persons of one name with different dates; 4 has no date.
    const { probabilityOf, pairs } = table({ '0,4': 0.9, '2,4': 0.6 });
    const undated = (i: number) => i === 4;
    const { clusters, ambiguous } = attachUndated(
      5,
      [
        [0, 1],
        [2, 3],
      ],
      pairs,
      undated,
      noList,
      probabilityOf,
      options,
    );
    expect(clusters).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(ambiguous).toEqual([4]);
  });

  it('of two namesakes, prefers the one not yet on its list', () => {
    // Clusters {0,1} (one record on the record's own list, 'memorial') and {2,3} (on others).
    const { probabilityOf, pairs } = table({ '0,4': 0.9, '2,4': 0.6 });
    const lists = ['memorial', 'hrw', 'hrw', 'eu', 'memorial'];
    const { clusters, ambiguous } = attachUndated(
      5,
      [
        [0, 1],
        [2, 3],
      ],
      pairs,
      (i) => i === 4,
      (i) => lists[i] ?? null,
      probabilityOf,
      options,
    );
    expect(clusters).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
    expect(ambiguous).toEqual([]);
  });

  it('does not count a namesake it cannot be (other sex or patronymic) as a candidate', () => {
    const { probabilityOf, pairs } = table({ '0,4': 0.9, '2,4': 0.6, '3,4': 0.001 });
    const undated = (i: number) => i === 4;
    const { clusters } = attachUndated(
      5,
      [
        [0, 1],
        [2, 3],
      ],
      pairs,
      undated,
      noList,
      probabilityOf,
      options,
    );
    expect(clusters).toEqual([
      [0, 1, 4],
      [2, 3],
    ]);
  });

  it('never bridges two dated persons through records without dates', () => {
    // 2 and 3 have no date and look alike (0.9); 2 is close to dated 0, 3 to dated 1. 2 joins 0, its
    // only dated candidate; 3 could then be 1's or (through 2) 0's: it stays apart for review.
    const { probabilityOf, pairs } = table({ '0,2': 0.8, '1,3': 0.8, '2,3': 0.9 });
    const undated = (i: number) => i >= 2;
    const { clusters, ambiguous } = attachUndated(4, [], pairs, undated, noList, probabilityOf, options);
    expect(clusters).toEqual([[0, 2]]);
    expect(ambiguous).toEqual([3]);
  });

  it('links records without dates with each other when no dated person claims them', () => {
    const { probabilityOf, pairs } = table({ '0,1': 0.9, '1,2': 0.7 });
    const { clusters } = attachUndated(3, [], pairs, () => true, noList, probabilityOf, options);
    expect(clusters).toEqual([[0, 1, 2]]);
  });
});
