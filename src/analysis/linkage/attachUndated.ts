/**
 * Records without a birth date, decided by person rather than by pair. Without a date, a pair's
 * probability rests on the names alone; whether two records are one person then depends less on
 * that number than on how many persons could have written the record: a name carried by one
 * person only (a rare surname, by term frequency) can be linked; a name shared by two people whose
 * dates differ cannot, however high each pair scores. So a record without a date joins a cluster
 * only if it is its one candidate: every record it was compared with at or above `candidateFloor`
 * belongs to that one cluster (or is that one record). With two or more candidate persons it stays
 * apart and its pairs go to review (they are namesakes no field tells apart). A cannot-link veto
 * applies as in clustering (cluster.ts): no member may be a confident non-match (e.g. another sex
 * or patronymic).
 */
import type { ScoredPair } from './cluster.ts';

export interface AttachOptions {
  /** A pair at or above this probability makes the other record's cluster a candidate. */
  candidateFloor: number;
  /** Undated records no dated person claims link with each other from this probability up. */
  linkFloor: number;
  /** No attachment if a cross pair is at or below this probability. */
  vetoBelow: number;
  /** At most this many members of the cluster are checked for the veto. */
  guardSample: number;
}

export interface Attachment {
  /** Clusters of two or more, sorted, ordered by their first member (as clusterPairs returns). */
  clusters: number[][];
  /** Undated records left apart because two or more persons could have written them. */
  ambiguous: number[];
}

/**
 * `pairs` are the compared pairs with at least one undated side; `clusters` the clustering of the
 * rest. Undated records are taken strongest candidate first, so that one attached record can make
 * the next one's only candidate.
 */
export function attachUndated(
  size: number,
  clusters: number[][],
  pairs: ScoredPair[],
  isUndated: (i: number) => boolean,
  listOf: (i: number) => string | null,
  probabilityOf: (a: number, b: number) => number,
  options: AttachOptions,
): Attachment {
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  const members: number[][] = Array.from({ length: size }, (_, i) => [i]);
  for (const cluster of clusters) {
    const root = cluster[0]!;
    members[root] = [...cluster];
    for (const i of cluster) {
      parent[i] = root;
      if (i !== root) members[i] = [];
    }
  }
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const neighbours = new Map<number, ScoredPair[]>();
  const best = new Map<number, number>();
  const note = (x: number, pair: ScoredPair) => {
    if (!isUndated(x)) return;
    const list = neighbours.get(x);
    if (list) list.push(pair);
    else neighbours.set(x, [pair]);
    best.set(x, Math.max(best.get(x) ?? 0, pair.probability));
  };
  for (const pair of pairs) {
    if (pair.probability < options.candidateFloor) continue;
    note(pair.a, pair);
    note(pair.b, pair);
  }
  const dated = new Uint8Array(size);
  for (let i = 0; i < size; i++) if (!isUndated(i)) dated[find(i)] = 1;
  const merge = (x: number, y: number) => {
    const [big, small] = members[x]!.length >= members[y]!.length ? [x, y] : [y, x];
    parent[small] = big;
    members[big] = members[big]!.concat(members[small]!);
    members[small] = [];
    dated[big] = dated[big]! | dated[small]!;
  };

  // First to the one dated person that could have written the record.
  const order = [...neighbours.keys()].sort((x, y) => best.get(y)! - best.get(x)! || x - y);
  const ambiguous = new Set<number>();
  for (const x of order) {
    const own = find(x);
    const candidates = new Set<number>();
    for (const pair of neighbours.get(x)!) {
      const root = find(pair.a === x ? pair.b : pair.a);
      if (root !== own && dated[root] === 1) {
        candidates.add(root);
      }
    }
    // Clusters with a member that cannot be x's person (other sex, patronymic) are no candidates.
    for (const root of candidates) {
      if (vetoed(members[own]!, members[root]!, probabilityOf, options)) candidates.delete(root);
    }
    // Of several, those not yet on x's list are likelier: a person is rarely named twice on one list.
    const list = listOf(x);
    if (candidates.size > 1 && list !== null) {
      const elsewhere = [...candidates].filter((root) => !members[root]!.some((i) => listOf(i) === list));
      if (elsewhere.length > 0 && elsewhere.length < candidates.size) {
        candidates.clear();
        for (const root of elsewhere) candidates.add(root);
      }
    }
    if (candidates.size > 1 || (candidates.size === 1 && dated[own] === 1)) ambiguous.add(x);
    const target = candidates.values().next().value;
    if (candidates.size === 1 && target !== undefined && dated[own] === 0) merge(own, target);
  }
  // Then records no dated person claims, with each other (or through one that was attached), by
  // their pair's probability; never joining two dated persons that clustering kept apart.
  const strong = pairs
    .filter((p) => p.probability >= options.linkFloor && !ambiguous.has(p.a) && !ambiguous.has(p.b))
    .sort((x, y) => y.probability - x.probability);
  for (const pair of strong) {
    const ra = find(pair.a);
    const rb = find(pair.b);
    if (ra === rb || (dated[ra] === 1 && dated[rb] === 1)) continue;
    if (!vetoed(members[ra]!, members[rb]!, probabilityOf, options)) merge(ra, rb);
  }
  const out = members
    .filter((list, i) => list.length > 1 && find(i) === i)
    .map((list) => [...list].sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
  return { clusters: out, ambiguous: [...ambiguous].sort((x, y) => x - y) };
}

function vetoed(
  A: number[],
  B: number[],
  probabilityOf: (a: number, b: number) => number,
  options: AttachOptions,
): boolean {
  for (const a of A.slice(0, options.guardSample)) {
    for (const b of B.slice(0, options.guardSample)) {
      if (probabilityOf(a, b) <= options.vetoBelow) return true;
    }
  }
  return false;
}
