/**
 * Grouping linked pairs into persons. Plain transitive closure chains: A~B and B~C put A and C
 * together however unlike they are, and with common names one weak link can merge two families into
 * one "person", inflating or deflating counts that estimation then relies on. So links are applied
 * strongest first (greedy agglomeration), and two existing clusters merge only if, on average over
 * all their cross pairs, the model still thinks they match (average linkage; Christen, "Data
 * Matching", 2012, §6.8 on clustering and its pitfalls), and no cross pair is a confident non-match
 * (a cannot-link veto, as in constrained clustering). Refused links go to the review list.
 */

export interface ScoredPair {
  a: number;
  b: number;
  probability: number;
}

export interface ClusterOptions {
  /** Links at or above this posterior probability are applied. */
  threshold: number;
  /** Minimum mean cross-pair probability for merging two clusters when either has two or more members. */
  mergeFloor: number;
  /**
   * Veto: no merge if any cross pair is at or below this probability — the model is then confident
   * that two of the records are different people (e.g. two full birth dates that disagree).
   */
  vetoBelow: number;
  /** At most this many members of each side are used to compute the mean (keeps merges cheap). */
  guardSample: number;
}

export interface Clustering {
  /** Clusters of two or more record indices, each sorted, ordered by their first member. */
  clusters: number[][];
  /** Links above the threshold that the chaining guard refused. */
  refused: Array<ScoredPair & { support: number }>;
}

/**
 * The root of an element in the union-find forest `parent` (parent[i] === i at a root), halving
 * later searches by pointing every element on the way straight at the root (path compression).
 */
export function rootFinder(parent: Int32Array): (x: number) => number {
  return (x) => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
}

export function clusterPairs(
  size: number,
  pairs: ScoredPair[],
  probabilityOf: (a: number, b: number) => number,
  options: ClusterOptions,
): Clustering {
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  const members: number[][] = Array.from({ length: size }, (_, i) => [i]);
  const find = rootFinder(parent);
  const refused: Clustering['refused'] = [];
  const strong = pairs
    .filter((p) => p.probability >= options.threshold)
    .sort((x, y) => y.probability - x.probability);
  for (const pair of strong) {
    const ra = find(pair.a);
    const rb = find(pair.b);
    if (ra === rb) continue;
    const A = members[ra]!;
    const B = members[rb]!;
    if (A.length + B.length > 2) {
      const { mean: support, min } = crossProbability(A, B, probabilityOf, options.guardSample);
      if (support < options.mergeFloor || min <= options.vetoBelow) {
        refused.push({ ...pair, support });
        continue;
      }
    }
    const [big, small] = A.length >= B.length ? [ra, rb] : [rb, ra];
    parent[small] = big;
    members[big] = members[big]!.concat(members[small]!);
    members[small] = [];
  }
  const clusters = members
    .filter((list, i) => list.length > 1 && find(i) === i)
    .map((list) => [...list].sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
  return { clusters, refused };
}

function crossProbability(
  A: number[],
  B: number[],
  probabilityOf: (a: number, b: number) => number,
  sample: number,
): { mean: number; min: number } {
  let total = 0;
  let n = 0;
  let min = 1;
  for (const a of A.slice(0, sample)) {
    for (const b of B.slice(0, sample)) {
      const p = probabilityOf(a, b);
      total += p;
      min = Math.min(min, p);
      n++;
    }
  }
  return { mean: total / n, min };
}
