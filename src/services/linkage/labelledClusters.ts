/**
 * Reviewers' labels as constraints on the engine's clusters (pure). A "match" is a must-link, a
 * "non-match" a cannot-link, "unsure" changes nothing. Without labels the engine's clusters come
 * back unchanged; with them:
 *
 * 1. A cluster holding a cannot-linked pair is rebuilt from its records alone: must-links first,
 *    then the model's links inside it (probability at or above the threshold, strongest first) under
 *    the engine's chaining guard (mean cross probability ≥ mergeFloor, none ≤ vetoBelow), where a
 *    labelled pair counts 1 (match) or 0 (non-match). A cannot-linked pair never ends up together.
 * 2. Must-links across clusters merge them, unless a cannot-link joins the two sides: then the pair
 *    is reported as a conflict and nothing merges (the reviewer decides which label is wrong).
 *
 * Rebuilding needs only the probabilities of the pairs inside each cluster, which the run keeps; so
 * a label re-computes clusters without opening a single record.
 */

import { rootFinder } from '../../analysis/linkage/cluster.ts';

export type Constraint = 'match' | 'non-match';

export interface LabelledPair {
  a: number;
  b: number;
  decision: Constraint | 'unsure';
}

export interface ClusterBasis {
  size: number;
  /** The engine's clusters (record positions). */
  clusters: number[][];
  /** Probability of pairs inside the engine's clusters (and any other pair known). */
  pairs: Array<[number, number, number]>;
  threshold: number;
  mergeFloor: number;
  vetoBelow: number;
}

export interface LabelledClustering {
  clusters: number[][];
  /** Must-links refused because a cannot-link joins their two sides. */
  conflicts: Array<[number, number]>;
}

export function labelledClusters(basis: ClusterBasis, labels: LabelledPair[]): LabelledClustering {
  const n = basis.size;
  // A pair as one number: exact while n² < 2⁵³ (some 90 million records).
  const key = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  const clusterOf = new Int32Array(n).fill(-1);
  basis.clusters.forEach((cluster, c) => {
    for (const record of cluster) clusterOf[record] = c;
  });
  const cannot = new Set<number>();
  const must: Array<[number, number]> = [];
  const labelled = new Map<number, number>();
  // Only clusters holding a cannot-linked pair are rebuilt, and only their pairs are looked up.
  const split = new Set<number>();
  for (const label of labels) {
    if (label.a === label.b) continue;
    if (label.decision === 'non-match') {
      cannot.add(key(label.a, label.b));
      labelled.set(key(label.a, label.b), 0);
      const c = clusterOf[label.a]!;
      if (c !== -1 && c === clusterOf[label.b]) split.add(c);
    } else if (label.decision === 'match') {
      must.push([label.a, label.b]);
      labelled.set(key(label.a, label.b), 1);
    }
  }
  const known = new Map<number, number>();
  for (const [a, b, p] of basis.pairs) {
    const c = clusterOf[a]!;
    if (c !== -1 && c === clusterOf[b] && split.has(c)) known.set(key(a, b), p);
  }
  for (const [k, p] of labelled) known.set(k, p);

  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>();
  const find = rootFinder(parent);
  const membersOf = (root: number) => members.get(root) ?? [root];
  const union = (ra: number, rb: number) => {
    const [big, small] = membersOf(ra).length >= membersOf(rb).length ? [ra, rb] : [rb, ra];
    parent[small] = big;
    members.set(big, membersOf(big).concat(membersOf(small)));
    members.delete(small);
  };
  const forbidden = (A: number[], B: number[]) =>
    cannot.size > 0 && A.some((a) => B.some((b) => cannot.has(key(a, b))));
  const conflicts: Array<[number, number]> = [];

  // 1. The engine's clusters, each rebuilt when a cannot-link falls inside it.
  basis.clusters.forEach((cluster, c) => {
    if (!split.has(c)) {
      for (const record of cluster.slice(1)) union(find(cluster[0]!), find(record));
      return;
    }
    for (const [a, b] of must) {
      if (clusterOf[a] !== c || clusterOf[b] !== c) continue;
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) continue;
      if (forbidden(membersOf(ra), membersOf(rb))) conflicts.push([a, b]);
      else union(ra, rb);
    }
    const links = cluster
      .flatMap((a, i) =>
        cluster.slice(i + 1).map((b): [number, number, number] => [a, b, known.get(key(a, b)) ?? 0]),
      )
      .filter(([, , p]) => p >= basis.threshold)
      .sort((x, y) => y[2] - x[2]);
    for (const [a, b] of links) {
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) continue;
      const A = membersOf(ra);
      const B = membersOf(rb);
      if (forbidden(A, B)) continue;
      if (A.length + B.length > 2) {
        let total = 0;
        let count = 0;
        let min = 1;
        for (const x of A) {
          for (const y of B) {
            const p = known.get(key(x, y));
            if (p === undefined) continue;
            total += p;
            count++;
            min = Math.min(min, p);
          }
        }
        if (count > 0 && (total / count < basis.mergeFloor || min <= basis.vetoBelow)) continue;
      }
      union(ra, rb);
    }
  });

  // 2. Must-links across clusters.
  for (const [a, b] of must) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    if (forbidden(membersOf(ra), membersOf(rb))) {
      if (!conflicts.some(([x, y]) => key(x, y) === key(a, b))) conflicts.push([a, b]);
    } else union(ra, rb);
  }

  const clusters = [...members.entries()]
    .filter(([root, list]) => find(root) === root && list.length > 1)
    .map(([, list]) => [...list].sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
  return { clusters, conflicts };
}
