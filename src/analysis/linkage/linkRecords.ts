/**
 * Record linkage end to end, pure: records in, clusters of the same person out. Steps: prepare
 * (normalise, romanise, parse dates) → block (candidate pairs) → compare (agreement levels) →
 * estimate the Fellegi–Sunter model by EM → score every pair → cluster with a chaining guard →
 * list the uncertain pairs for a person to review.
 */
import { InvalidInput } from '../../core/errors.ts';
import { attachUndated } from './attachUndated.ts';
import { type BlockingStats, DEFAULT_BLOCKING, forEachCandidatePair } from './blocking.ts';
import { clusterPairs, type ScoredPair } from './cluster.ts';
import type { ColumnRole } from './columnRoles.ts';
import { compareRecords, MISSING, type Orientation, prepareRecords } from './comparisonVector.ts';
import { explainRecords, type FieldContribution } from './explainPair.ts';
import {
  DEFAULT_EM,
  estimateFellegiSunter,
  estimateMWithFixedU,
  type FellegiSunterModel,
  levelWeights,
  matchProbability,
  patternWeight,
} from './fellegiSunter.ts';
import { type LinkScorer, type LinkState, rememberLinkState, tfWeightAdjustment } from './linkModel.ts';
import { buildTermFrequencies, TF_LEVELS } from './termFrequency.ts';

export interface LinkOptions {
  /** Posterior match probability at or above which a pair is linked. */
  threshold: number;
  /** Pairs from here up to the threshold go to the review list. */
  reviewFloor: number;
  /** Mean cross-pair probability needed to merge two clusters (see cluster.ts). */
  mergeFloor: number;
  /** A cross pair at or below this probability vetoes merging two clusters (see cluster.ts). */
  vetoBelow: number;
  /**
   * A record without a birth date joins the one person it matches at this probability or more, and
   * only if it matches no other (attachUndated.ts).
   */
  undatedFloor: number;
  maxBlockSize: number;
  window: number;
  /**
   * Term-frequency adjustment (termFrequency.ts): agreement on a rare name weighs more than on a
   * common one. On by default.
   */
  tfAdjust: boolean;
  /** Called now and then during the slow steps; the CLI draws progress with it. */
  onProgress?: (stage: 'compare' | 'cluster', done: number, total: number) => void;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = {
  threshold: 0.5,
  reviewFloor: 0.1,
  mergeFloor: 0.3,
  vetoBelow: 0.01,
  undatedFloor: 0.3,
  maxBlockSize: DEFAULT_BLOCKING.maxBlockSize,
  window: DEFAULT_BLOCKING.window,
  tfAdjust: true,
};

export interface LinkInput {
  columns: string[];
  roles: ColumnRole[];
  records: Array<{ id: string; values: string[] }>;
}

export interface ReviewPair {
  ids: [string, string];
  probability: number;
  weight: number;
  /** Agreement level per compared field (missing fields omitted). */
  agreement: Record<string, string>;
  /** uncertain: between the review floor and the threshold; chaining: linked, but refused by the guard. */
  reason: 'uncertain' | 'chaining';
  /** Every compared field's level and weight, for the reviewer (explainPair.ts has the full waterfall). */
  fields: ReviewField[];
}

export type ReviewField = Pick<FieldContribution, 'field' | 'column' | 'role' | 'level' | 'weight'>;

export interface LinkParameters {
  threshold: number;
  reviewFloor: number;
  mergeFloor: number;
  vetoBelow: number;
  undatedFloor: number;
  tfAdjust: boolean;
  prior: number;
  emIterations: number;
  emConverged: boolean;
  blocking: BlockingStats & { maxBlockSize: number; window: number };
  fields: Array<{ name: string; levels: Array<{ level: string; m: number; u: number; weight: number }> }>;
}

export interface LinkResult {
  records: number;
  comparisons: number;
  clusters: string[][];
  review: ReviewPair[];
  parameters: LinkParameters;
  warnings: string[];
}

// Pattern keys pack one base-8 digit per field into a double: exact up to 17 fields.
const MAX_FIELDS = 17;

export function linkRecords(input: LinkInput, overrides: Partial<LinkOptions> = {}): LinkResult {
  const options = { ...DEFAULT_LINK_OPTIONS, ...overrides };
  if (!(options.threshold > 0 && options.threshold <= 1))
    throw new InvalidInput('threshold', 'must be in (0, 1]');
  if (!(options.reviewFloor >= 0 && options.reviewFloor <= options.threshold)) {
    throw new InvalidInput('review floor', 'must be between 0 and the threshold');
  }
  const warnings: string[] = [];
  const schema = prepareRecords(
    input.columns,
    input.roles,
    input.records.map((r) => r.values),
  );
  if (schema.fields.length === 0) {
    throw new InvalidInput('columns', 'no column to compare (need a name, birth date or address column)');
  }
  if (!schema.fields.some((f) => f.kind === 'given' || f.kind === 'surname' || f.kind === 'name')) {
    warnings.push('no name column recognised: linking on the other fields only');
  }
  if (schema.fields.length > MAX_FIELDS) {
    warnings.push(`only the first ${MAX_FIELDS} of ${schema.fields.length} compared fields are used`);
    schema.fields.length = MAX_FIELDS;
  }
  const fields = schema.fields;
  const exactSlots = fields.flatMap((f, k) =>
    f.kind === 'string' &&
    ['postcode', 'identifier'].includes(input.roles[input.columns.indexOf(f.name)] ?? '')
      ? [fields[k]!.slot!]
      : [],
  );

  // Compare candidate pairs, keeping per pair only its pattern index and name orientation.
  const n = input.records.length;
  const pairA: number[] = [];
  const pairB: number[] = [];
  const pairPattern: number[] = [];
  const pairOrientation: Orientation[] = [];
  const patternIndex = new Map<number, number>();
  const patterns: Uint8Array[] = [];
  const counts: number[] = [];
  const levels = new Uint8Array(fields.length);
  const patternOf = (): number => {
    const key = patternKey(levels);
    let k = patternIndex.get(key);
    if (k === undefined) {
      k = patterns.length;
      patternIndex.set(key, k);
      patterns.push(levels.slice());
      counts.push(0);
    }
    return k;
  };
  let lastRow = -1;
  const stats = forEachCandidatePair(
    schema.records,
    { maxBlockSize: options.maxBlockSize, window: options.window, exactSlots },
    (a, b) => {
      pairOrientation.push(compareRecords(schema, a, b, levels));
      const k = patternOf();
      counts[k]! += 1;
      pairA.push(a);
      pairB.push(b);
      pairPattern.push(k);
      if (options.onProgress && a !== lastRow && a % 1000 === 0) {
        lastRow = a;
        options.onProgress('compare', a, n);
      }
    },
  );
  if (stats.reducedBlocks > 0) {
    warnings.push(
      `${stats.reducedBlocks} blocks larger than ${options.maxBlockSize} records (largest ${stats.largestBlock}) were compared by sorted neighbourhood (window ${options.window}): pairs far apart in them may be missed`,
    );
  }

  const levelCounts = fields.map((f) => f.levels.length);
  const model = estimateModel(
    schema,
    { levelCounts, patterns, counts },
    randomPairLevels(schema, levelCounts, n),
    n,
  );
  if (!model.converged) warnings.push(`EM did not converge in ${model.iterations} iterations`);
  const weights = levelWeights(model);
  const scorer: LinkScorer = {
    schema,
    model,
    weights,
    tf: options.tfAdjust ? buildTermFrequencies(schema.records) : null,
  };
  const patternWeights = patterns.map((p) => patternWeight(weights, p));
  // Patterns where some name field agrees exactly or phonetically: their pairs' weights depend on
  // the names' frequencies; all others are scored once per pattern.
  const nameFields = fields.flatMap((f, k) =>
    ['given', 'surname', 'name', 'middleName'].includes(f.kind) ? [k] : [],
  );
  const patternAdjusted = patterns.map(
    (p) => scorer.tf !== null && nameFields.some((f) => p[f]! < TF_LEVELS),
  );
  const weightOf = (a: number, b: number, k: number, orientation: Orientation): number =>
    patternAdjusted[k]
      ? patternWeights[k]! + tfWeightAdjustment(scorer, patterns[k]!, a, b, orientation)
      : patternWeights[k]!;

  // With a birth-date field, pairs where a side has no date are decided by attachUndated.
  const dated = fields.some((f) => f.kind === 'birthDate');
  const isUndated = (i: number) => dated && schema.records[i]!.birth === null;
  const scored: ScoredPair[] = [];
  const uncertain: ScoredPair[] = [];
  const undatedPairs: ScoredPair[] = [];
  for (let p = 0; p < pairA.length; p++) {
    const a = pairA[p]!;
    const b = pairB[p]!;
    const probability = matchProbability(weightOf(a, b, pairPattern[p]!, pairOrientation[p]!), model.prior);
    if (probability < Math.min(options.reviewFloor, options.undatedFloor)) continue;
    if (isUndated(a) || isUndated(b)) undatedPairs.push({ a, b, probability });
    else if (probability < options.reviewFloor) continue;
    else if (probability >= options.threshold) scored.push({ a, b, probability });
    else uncertain.push({ a, b, probability });
  }

  // The guard scores pairs blocking never compared, through the same model.
  const probabilityOf = (a: number, b: number): number => {
    const orientation = compareRecords(schema, a, b, levels);
    const known = patternIndex.get(patternKey(levels));
    const weight =
      known !== undefined
        ? weightOf(a, b, known, orientation)
        : patternWeight(weights, levels) + tfWeightAdjustment(scorer, levels, a, b, orientation);
    return matchProbability(weight, model.prior);
  };
  options.onProgress?.('cluster', 0, scored.length);
  const clustering = clusterPairs(n, scored, probabilityOf, {
    threshold: options.threshold,
    mergeFloor: options.mergeFloor,
    vetoBelow: options.vetoBelow,
    guardSample: 25,
  });
  const refused = clustering.refused;
  const { clusters } = attachUndated(
    n,
    clustering.clusters,
    undatedPairs,
    isUndated,
    (i) => schema.records[i]!.source,
    probabilityOf,
    {
      candidateFloor: options.undatedFloor,
      linkFloor: options.threshold,
      vetoBelow: options.vetoBelow,
      guardSample: 25,
    },
  );
  const clusterOf = new Int32Array(n).fill(-1);
  clusters.forEach((cluster, c) => {
    for (const i of cluster) clusterOf[i] = c;
  });
  const ids = input.records.map((r) => r.id);
  const state: LinkState = {
    scorer,
    ids,
    indexOf: new Map(ids.map((id, i) => [id, i])),
    columns: input.columns,
    roles: input.roles,
    clusterOf,
  };

  const reviewEntry = (pair: ScoredPair, reason: ReviewPair['reason']): ReviewPair => {
    const explained = explainRecords(state, pair.a, pair.b);
    const agreement: Record<string, string> = {};
    for (const f of explained.fields) if (f.level !== null) agreement[f.field] = f.level;
    return {
      ids: explained.ids,
      probability: explained.probability,
      weight: explained.weight,
      agreement,
      reason,
      fields: explained.fields.map(({ field, column, role, level, weight }) => ({
        field,
        column,
        role,
        level,
        weight,
      })),
    };
  };
  // Pairs without a date that did not end up together are uncertain: namesakes, or too weak a link.
  for (const pair of undatedPairs) {
    if (pair.probability < options.reviewFloor) continue;
    const cluster = clusterOf[pair.a]!;
    if (cluster < 0 || cluster !== clusterOf[pair.b]) uncertain.push(pair);
  }
  const review = [
    ...uncertain.map((pair) => reviewEntry(pair, 'uncertain')),
    ...refused.map((pair) => reviewEntry(pair, 'chaining')),
  ].sort((x, y) => y.probability - x.probability);

  const result: LinkResult = {
    records: n,
    comparisons: pairA.length,
    clusters: clusters.map((cluster) => cluster.map((i) => ids[i]!)),
    review,
    parameters: {
      threshold: options.threshold,
      reviewFloor: options.reviewFloor,
      mergeFloor: options.mergeFloor,
      vetoBelow: options.vetoBelow,
      undatedFloor: options.undatedFloor,
      tfAdjust: options.tfAdjust,
      prior: roundSignificant(model.prior),
      emIterations: model.iterations,
      emConverged: model.converged,
      blocking: { ...stats, maxBlockSize: options.maxBlockSize, window: options.window },
      fields: fields.map((f, k) => ({
        name: f.name,
        levels: f.levels.map((level, l) => ({
          level,
          m: roundSignificant(model.m[k]![l]!),
          u: roundSignificant(model.u[k]![l]!),
          weight: round(weights[k]![l]!),
        })),
      })),
    },
    warnings,
  };
  rememberLinkState(result, state);
  return result;
}

/**
 * The model used for scoring: u from random pairs; m per field from compared pairs selected on other
 * fields (see estimateMWithFixedU); the share of matches among all pairs from the pairs agreeing on
 * the birth date, scaled by how often matches agree on it. Without both a name and a birth date
 * field, falls back to EM of m and u together on the compared pairs (Winkler 1988), which serves
 * small files well but can mistake namesakes for matches in large ones.
 */
function estimateModel(
  schema: ReturnType<typeof prepareRecords>,
  compared: { levelCounts: number[]; patterns: Uint8Array[]; counts: number[] },
  u: number[][],
  n: number,
): FellegiSunterModel {
  const fields = schema.fields;
  const date = fields.findIndex((f) => f.kind === 'birthDate');
  const names = fields.flatMap((f, k) => (['given', 'surname', 'name'].includes(f.kind) ? [k] : []));
  const allPairs = Math.max(1, (n * (n - 1)) / 2);
  const subset = (keep: (p: Uint8Array) => boolean) => {
    const patterns: Uint8Array[] = [];
    const counts: number[] = [];
    compared.patterns.forEach((p, k) => {
      if (keep(p)) {
        patterns.push(p);
        counts.push(compared.counts[k]!);
      }
    });
    return { levelCounts: compared.levelCounts, patterns, counts };
  };
  const sameDate = subset((p) => p[date] === 0);
  const sameNames = subset(
    (p) => names.every((k) => p[k] === MISSING || p[k]! <= 1) && names.some((k) => p[k] !== MISSING),
  );
  const total = (d: { counts: number[] }) => d.counts.reduce((a, b) => a + b, 0);
  if (total(compared) < MIN_PAIRS_TO_ESTIMATE) {
    // Too few pairs to learn anything from: stated prior values (see DEFAULT_M) and one expected
    // duplicate per record at most.
    return {
      prior: Math.min(0.5, 1 / Math.max(2, n)),
      m: fields.map((f) => DEFAULT_M[kindGroup(f.kind)]!),
      u,
      iterations: 0,
      converged: true,
    };
  }
  if (
    date < 0 ||
    names.length === 0 ||
    total(sameDate) < MIN_PAIRS_TO_ESTIMATE ||
    total(sameNames) < MIN_PAIRS_TO_ESTIMATE
  ) {
    return estimateFellegiSunter(compared, DEFAULT_EM);
  }
  const byDate = estimateMWithFixedU(
    sameDate,
    u,
    fields.map((_, k) => k !== date),
    { ...DEFAULT_EM, initialPrior: 0.5 },
  );
  const byNames = estimateMWithFixedU(
    sameNames,
    u,
    fields.map((_, k) => k === date),
    { ...DEFAULT_EM, initialPrior: 0.5 },
  );
  const m = byDate.m.map((row, k) => (k === date ? byNames.m[date]! : row));
  // Matches among all pairs: those found agreeing on the birth date, divided by the share of matches
  // that agree on it — m of "exact" is a share among pairs where both records have a date — and by
  // the share of pairs where both do (missing dates taken to be missing at random, independently
  // on each side). Leaving out the second division undercounted matches by a third when a fifth of
  // the records had no date, and so underlinked every pair.
  const dated = datedShare(schema);
  const matches = (byDate.prior * byDate.total) / Math.max(1e-6, m[date]![0]! * dated * dated);
  const prior = Math.min(0.5, Math.max(1e-12, matches / allPairs));
  return {
    prior,
    m,
    u,
    iterations: byDate.iterations + byNames.iterations,
    converged: byDate.converged && byNames.converged,
  };
}

/** Share of records with a birth date (at least a year). */
function datedShare(schema: ReturnType<typeof prepareRecords>): number {
  let dated = 0;
  for (const record of schema.records) if (record.birth !== null) dated++;
  return Math.max(1e-6, dated / Math.max(1, schema.records.length));
}

// Below this many pairs a subset says too little for EM.
const MIN_PAIRS_TO_ESTIMATE = 50;

/**
 * Stated m and u values for files too small to estimate from, and the pseudo-counts u's estimate
 * starts from: typical values for person lists (Christen 2012, §6.3 discusses such manual setting).
 */
const DEFAULT_M: Record<string, number[]> = {
  name: [0.75, 0.15, 0.06, 0.03, 0.01],
  birthDate: [0.8, 0.12, 0.05, 0.01, 0.02],
  sex: [0.98, 0.02],
  source: [0.9, 0.1],
  string: [0.8, 0.1, 0.05, 0.05],
};
const DEFAULT_U: Record<string, number[]> = {
  name: [0.005, 0.005, 0.02, 0.1, 0.87],
  birthDate: [0.0005, 0.005, 0.005, 0.015, 0.9745],
  sex: [0.5, 0.5],
  source: [0.5, 0.5],
  string: [0.01, 0.01, 0.05, 0.93],
};
const DEFAULT_U_WEIGHT = 50;

function kindGroup(kind: string): string {
  return kind === 'given' || kind === 'surname' || kind === 'middleName' || kind === 'name' ? 'name' : kind;
}

// Random pairs drawn to estimate u: enough for frequencies to a fraction of a percent.
const POPULATION_SAMPLE = 200_000;

/**
 * u from random pairs (nearly all non-matches): the level frequencies of the population, not of the
 * compared pairs, whose agreement on names blocking itself caused. Deterministic sample.
 */
function randomPairLevels(
  schema: ReturnType<typeof prepareRecords>,
  levelCounts: number[],
  n: number,
): number[][] {
  const freq = schema.fields.map((f) => DEFAULT_U[kindGroup(f.kind)]!.map((v) => v * DEFAULT_U_WEIGHT));
  const out = new Uint8Array(levelCounts.length);
  const add = (a: number, b: number) => {
    compareRecords(schema, a, b, out);
    for (let f = 0; f < levelCounts.length; f++) if (out[f] !== MISSING) freq[f]![out[f]!]! += 1;
  };
  if ((n * (n - 1)) / 2 <= POPULATION_SAMPLE) {
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) add(a, b);
  } else {
    let state = 0x9e3779b9;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 4294967296;
    };
    for (let s = 0; s < POPULATION_SAMPLE; s++) {
      const a = Math.floor(next() * n);
      let b = Math.floor(next() * (n - 1));
      if (b >= a) b++;
      add(a, b);
    }
  }
  return freq.map((row) => {
    const sum = row.reduce((x, y) => x + y, 0);
    return row.map((v) => v / sum);
  });
}

function patternKey(v: Uint8Array): number {
  let key = 0;
  for (let f = 0; f < v.length; f++) key = key * 8 + (v[f] === MISSING ? 7 : v[f]!);
  return key;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Four significant digits: a prior of 1e-5 must not print as 0. */
function roundSignificant(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(4));
}
