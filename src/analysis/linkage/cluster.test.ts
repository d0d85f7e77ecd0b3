import { describe, expect, it } from 'vitest';
import { clusterPairs } from './cluster.ts';

const options = { threshold: 0.5, mergeFloor: 0.3, vetoBelow: 0.01, guardSample: 25 };

describe('clusterPairs', () => {
  it('closes strong links transitively', () => {
    const probability = () => 0.9;
    const { clusters } = clusterPairs(
      5,
      [
        { a: 0, b: 1, probability: 0.9 },
        { a: 1, b: 2, probability: 0.8 },
      ],
      probability,
      options,
    );
    expect(clusters).toEqual([[0, 1, 2]]);
  });

  it('refuses a chain through one record when the ends are confidently different people', () => {
    // 0–1 and 1–2 link (e.g. a record without a birth date between two with different dates); 0–2 cannot.
    const table: Record<string, number> = { '0,1': 0.95, '1,2': 0.9, '0,2': 0.001 };
    const probability = (a: number, b: number) => table[`${Math.min(a, b)},${Math.max(a, b)}`] ?? 0;
    const { clusters, refused } = clusterPairs(
      3,
      [
        { a: 0, b: 1, probability: 0.95 },
        { a: 1, b: 2, probability: 0.9 },
      ],
      probability,
      options,
    );
    expect(clusters).toEqual([[0, 1]]);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ a: 1, b: 2 });
  });

  it('refuses to merge two clusters whose members mostly do not match', () => {
    const strong = new Set(['0,1', '2,3', '1,2']);
    const probability = (a: number, b: number) =>
      strong.has(`${Math.min(a, b)},${Math.max(a, b)}`) ? 0.9 : 0.05;
    const pairs = [...strong].map((key) => {
      const [a, b] = key.split(',').map(Number);
      return { a: a!, b: b!, probability: key === '1,2' ? 0.6 : 0.9 };
    });
    const { clusters } = clusterPairs(4, pairs, probability, options);
    expect(clusters).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
