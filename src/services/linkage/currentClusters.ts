/**
 * The clusters of a stored run as reviewers see them now (pure): the engine's clusters with the
 * list's current labels as constraints (labelledClusters.ts). The linkage page and the estimation
 * page's person count both read clusters through here, so they never disagree.
 */
import type { LabelRow } from '../../store/linkage.ts';
import { type LabelledClustering, labelledClusters } from './labelledClusters.ts';
import type { StoredRun } from './storedRun.ts';

/** A pair's key: its two references in code-unit order. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Clusters and conflicts by record position (indexes into `stored.records`). */
export function currentClusters(stored: StoredRun, labels: readonly LabelRow[]): LabelledClustering {
  const position = new Map(stored.records.map((id, i) => [id, i]));
  const constraints = labels.flatMap((label) => {
    const a = position.get(label.recordA);
    const b = position.get(label.recordB);
    if (a === undefined || b === undefined || label.decision === 'cleared') return [];
    return [{ a, b, decision: label.decision }];
  });
  const review: Array<[number, number, number]> = stored.review.map((pair) => [
    pair.a,
    pair.b,
    pair.probability,
  ]);
  return labelledClusters(
    {
      size: stored.records.length,
      clusters: stored.clusters,
      pairs: [...stored.within, ...review],
      threshold: stored.threshold,
      mergeFloor: stored.mergeFloor,
      vetoBelow: stored.vetoBelow,
    },
    constraints,
  );
}

/** The run's pairs to review that have no current label. */
export function unreviewedPairs(stored: StoredRun, labels: readonly LabelRow[]): number {
  const labelled = new Set(labels.map((label) => `${label.recordA}\u0000${label.recordB}`));
  return stored.review.filter((pair) => {
    const [a, b] = orderedPair(stored.records[pair.a]!, stored.records[pair.b]!);
    return !labelled.has(`${a}\u0000${b}`);
  }).length;
}
