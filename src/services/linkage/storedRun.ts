/**
 * What a linkage run keeps (linkage_runs.result), made from the records and the engine's result
 * (pure): record references by position, the model, the engine's clusters, the pairs to review with
 * their explanation, and the probabilities of the pairs inside each cluster, which is all
 * labelledClusters needs to re-compute clusters without the records. No name, no field value.
 */
import { z } from 'zod';
import type { LinkResult } from '../../analysis/linkage/linkRecords.ts';
import { parseStoredJson } from '../../core/validation.ts';
import type { LinkageRunRow } from '../../store/linkage.ts';
import { explainerFor, type PairExplanation } from './explainPair.ts';
import type { RecordsTable } from './records.ts';

/** Pairs inside one engine cluster kept for re-clustering: a cluster larger than this is a data problem. */
const MAX_CLUSTER_FOR_PAIRS = 200;

/** What a run keeps (linkage_runs.result): positions index `records`. */
export interface StoredRun {
  records: string[];
  prior: number;
  threshold: number;
  reviewFloor: number;
  mergeFloor: number;
  vetoBelow: number;
  fields: LinkResult['parameters']['fields'];
  clusters: number[][];
  review: Array<{ a: number; b: number; probability: number; reason: 'uncertain' | 'chaining' } & Explained>;
  within: Array<[number, number, number]>;
  warnings: string[];
}
interface Explained {
  explanation: PairExplanation;
}

const position = z.number().int().nonnegative();

const pairExplanationSchema: z.ZodType<PairExplanation> = z.object({
  priorLogOdds: z.number(),
  contributions: z.array(z.object({ field: z.string(), level: z.string().nullable(), weight: z.number() })),
  weight: z.number(),
  probability: z.number(),
});

const storedRunSchema: z.ZodType<StoredRun> = z.object({
  records: z.array(z.string()),
  prior: z.number(),
  threshold: z.number(),
  reviewFloor: z.number(),
  mergeFloor: z.number(),
  vetoBelow: z.number(),
  fields: z.array(
    z.object({
      name: z.string(),
      levels: z.array(z.object({ level: z.string(), m: z.number(), u: z.number(), weight: z.number() })),
    }),
  ),
  clusters: z.array(z.array(position)),
  review: z.array(
    z.object({
      a: position,
      b: position,
      probability: z.number(),
      reason: z.enum(['uncertain', 'chaining']),
      explanation: pairExplanationSchema,
    }),
  ),
  within: z.array(z.tuple([position, position, z.number()])),
  warnings: z.array(z.string()),
});

/** What `run` keeps, checked: a damaged result is a DamagedRecord naming the run, not a crash later. */
export function storedRunOf(run: LinkageRunRow): StoredRun {
  return parseStoredJson(storedRunSchema, run.result, 'linkage run', run.id);
}

export function storedRun(table: RecordsTable, result: LinkResult): StoredRun {
  const position = new Map(table.records.map((record, i) => [record.id, i]));
  const explain = explainerFor(result);
  const clusters = result.clusters.map((cluster) => cluster.map((id) => position.get(id)!));
  const within: StoredRun['within'] = [];
  for (const cluster of clusters) {
    if (cluster.length > MAX_CLUSTER_FOR_PAIRS) continue;
    for (let i = 0; i < cluster.length; i++) {
      for (let j = i + 1; j < cluster.length; j++) {
        within.push([cluster[i]!, cluster[j]!, explain(cluster[i]!, cluster[j]!).probability]);
      }
    }
  }
  return {
    records: table.records.map((record) => record.id),
    prior: result.parameters.prior,
    threshold: result.parameters.threshold,
    reviewFloor: result.parameters.reviewFloor,
    mergeFloor: result.parameters.mergeFloor,
    vetoBelow: result.parameters.vetoBelow,
    fields: result.parameters.fields,
    clusters,
    review: result.review.map((pair) => {
      const a = position.get(pair.ids[0])!;
      const b = position.get(pair.ids[1])!;
      return { a, b, probability: pair.probability, reason: pair.reason, explanation: explain(a, b) };
    }),
    within,
    warnings: result.warnings,
  };
}
