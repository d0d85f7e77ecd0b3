/**
 * Pairwise quality of a clustering against known truth (Christen, "Data Matching", 2012, §7.3):
 * every pair of records put in one cluster is a predicted link; precision, recall and F1 over those
 * pairs. Used by tests and benchmarks with synthetic truth, never on real lists (which have none).
 */

export interface PairwiseScores {
  truePositives: number;
  predicted: number;
  actual: number;
  precision: number;
  recall: number;
  f1: number;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** All within-cluster pairs, optionally only those `keep` accepts (e.g. across two files). */
export function clusterPairsOf(
  clusters: string[][],
  keep: (a: string, b: string) => boolean = () => true,
): Set<string> {
  const out = new Set<string>();
  for (const cluster of clusters) {
    for (let i = 0; i < cluster.length; i++) {
      for (let j = i + 1; j < cluster.length; j++) {
        if (keep(cluster[i]!, cluster[j]!)) out.add(pairKey(cluster[i]!, cluster[j]!));
      }
    }
  }
  return out;
}

export function pairwiseScores(
  clusters: string[][],
  truePairs: Array<[string, string]>,
  keep?: (a: string, b: string) => boolean,
): PairwiseScores {
  const predicted = clusterPairsOf(clusters, keep);
  const actual = new Set(truePairs.map(([a, b]) => pairKey(a, b)));
  let truePositives = 0;
  for (const key of predicted) if (actual.has(key)) truePositives++;
  const precision = predicted.size === 0 ? 0 : truePositives / predicted.size;
  const recall = actual.size === 0 ? 0 : truePositives / actual.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, predicted: predicted.size, actual: actual.size, precision, recall, f1 };
}

/** Truth from an entity label per record: all pairs sharing a label. */
export function truePairsFromEntities(entityOf: Map<string, string>): Array<[string, string]> {
  const byEntity = new Map<string, string[]>();
  for (const [id, entity] of entityOf) {
    const list = byEntity.get(entity);
    if (list) list.push(id);
    else byEntity.set(entity, [id]);
  }
  const pairs: Array<[string, string]> = [];
  for (const ids of byEntity.values()) {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i]!, ids[j]!]);
  }
  return pairs;
}
