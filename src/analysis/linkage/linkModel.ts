/**
 * The fitted linkage model of one `linkRecords` run and how it scores a pair, shared by linkRecords
 * (which scores millions of pairs) and explainPair (which breaks one pair's score down for a
 * reviewer): both must compute exactly the same number.
 *
 * A pair's match weight is the sum over compared fields of log2(m/u) for the field's agreement level
 * (levelWeights), plus, with term-frequency adjustment, log2(ρ/tf) on name fields that agree
 * exactly or phonetically (termFrequency.ts). Its probability is Bayes' rule with the prior.
 */
import type { ColumnRole } from './columnRoles.ts';
import { type ComparisonSchema, MISSING, type Orientation } from './comparisonVector.ts';
import type { FellegiSunterModel } from './fellegiSunter.ts';
import { pairTermFrequency, type TermFrequencies } from './termFrequency.ts';

export interface LinkScorer {
  schema: ComparisonSchema;
  model: FellegiSunterModel;
  /** log2(m/u) per field and level, non-increasing along the levels. */
  weights: number[][];
  /** Term frequencies, when adjustment is on. */
  tf: TermFrequencies | null;
}

/** Weight of field f at `level` for records a and b, and the term frequency used (null if none). */
export function fieldWeight(
  scorer: LinkScorer,
  f: number,
  level: number,
  a: number,
  b: number,
  orientation: Orientation,
): { weight: number; frequency: number | null } {
  if (level === MISSING) return { weight: 0, frequency: null };
  const base = scorer.weights[f]![level]!;
  if (scorer.tf === null) return { weight: base, frequency: null };
  const adjusted = pairTermFrequency(scorer.tf, scorer.schema, f, level, a, b, orientation);
  if (adjusted === null) return { weight: base, frequency: null };
  return { weight: base + adjusted.adjustment, frequency: adjusted.frequency };
}

/** The term-frequency part of a pair's weight (0 without adjustment): added to its pattern's weight. */
export function tfWeightAdjustment(
  scorer: LinkScorer,
  levels: Uint8Array,
  a: number,
  b: number,
  orientation: Orientation,
): number {
  const tf = scorer.tf;
  if (tf === null) return 0;
  let total = 0;
  for (let f = 0; f < levels.length; f++) {
    const level = levels[f]!;
    if (level === MISSING) continue;
    const adjusted = pairTermFrequency(tf, scorer.schema, f, level, a, b, orientation);
    if (adjusted !== null) total += adjusted.adjustment;
  }
  return total;
}

/** What explainPair needs besides the scorer: ids, columns and the clustering. */
export interface LinkState {
  scorer: LinkScorer;
  ids: readonly string[];
  indexOf: ReadonlyMap<string, number>;
  columns: readonly string[];
  roles: readonly ColumnRole[];
  /** Cluster number per record, -1 when alone. */
  clusterOf: Int32Array;
}

// Keyed by the result object, so the result itself stays plain JSON-able data and the state goes
// when the result does.
const states = new WeakMap<object, LinkState>();

export function rememberLinkState(result: object, state: LinkState): void {
  states.set(result, state);
}

export function linkStateOf(result: object): LinkState | undefined {
  return states.get(result);
}
