import { describe, expect, it } from 'vitest';
import { type ClusterBasis, labelledClusters } from './labelledClusters.ts';

// Records 0–2 one engine cluster (0~1 strong, 1~2 strong, 0~2 weak), 3 and 4 alone, 5~6 a pair.
const basis: ClusterBasis = {
  size: 7,
  clusters: [
    [0, 1, 2],
    [5, 6],
  ],
  pairs: [
    [0, 1, 0.99],
    [1, 2, 0.9],
    [0, 2, 0.4],
    [5, 6, 0.8],
    [3, 4, 0.3],
  ],
  threshold: 0.5,
  mergeFloor: 0.3,
  vetoBelow: 0.01,
};

describe('labelledClusters', () => {
  it('returns the engine clusters when nothing is labelled (unsure labels change nothing)', () => {
    expect(labelledClusters(basis, [])).toEqual({ clusters: basis.clusters, conflicts: [] });
    expect(labelledClusters(basis, [{ a: 3, b: 4, decision: 'unsure' }]).clusters).toEqual(basis.clusters);
  });

  it('merges a must-link across clusters and singletons', () => {
    const { clusters } = labelledClusters(basis, [
      { a: 3, b: 4, decision: 'match' },
      { a: 4, b: 5, decision: 'match' },
    ]);
    expect(clusters).toEqual([
      [0, 1, 2],
      [3, 4, 5, 6],
    ]);
  });

  it('splits a cluster on a cannot-link, keeping the strongest links that remain allowed', () => {
    const { clusters } = labelledClusters(basis, [{ a: 0, b: 2, decision: 'non-match' }]);
    expect(clusters).toEqual([
      [0, 1],
      [5, 6],
    ]);
    // A must-link inside the split cluster is applied first.
    const withMust = labelledClusters(basis, [
      { a: 0, b: 2, decision: 'non-match' },
      { a: 1, b: 2, decision: 'match' },
    ]);
    expect(withMust.clusters).toEqual([
      [1, 2],
      [5, 6],
    ]);
  });

  it('reports a must-link that a cannot-link contradicts and never joins a cannot-linked pair', () => {
    const result = labelledClusters(basis, [
      { a: 0, b: 5, decision: 'non-match' },
      { a: 2, b: 6, decision: 'match' },
    ]);
    expect(result.conflicts).toEqual([[2, 6]]);
    expect(result.clusters).toEqual(basis.clusters);
  });
});
