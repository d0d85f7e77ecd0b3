/**
 * The Fellegi–Sunter model of record linkage (Fellegi & Sunter 1969, "A theory for record linkage",
 * JASA 64:1183–1210) with m and u probabilities estimated by expectation–maximisation, as Winkler
 * (1988, "Using the EM algorithm for weight computation in the Fellegi–Sunter model") proposed, so no
 * hand-labelled training pairs are needed. Fields are assumed conditionally independent given match
 * status; each field has discrete agreement levels; a missing value contributes no evidence (m = u).
 *
 * EM runs over the distinct comparison patterns with their counts, not over pairs: a few thousand
 * patterns summarise millions of pairs, so estimation costs nothing next to comparison.
 */
import { MISSING } from './comparisonVector.ts';

export interface PatternCounts {
  /** Number of agreement levels per field. */
  levelCounts: number[];
  patterns: Uint8Array[];
  counts: number[];
}

export interface FellegiSunterModel {
  /** Estimated share of matches among the compared pairs. */
  prior: number;
  /** m[f][l] = P(field f at level l | match). */
  m: number[][];
  /** u[f][l] = P(field f at level l | non-match). */
  u: number[][];
  iterations: number;
  converged: boolean;
}

export interface EmOptions {
  maxIterations: number;
  tolerance: number;
  initialPrior: number;
}

export const DEFAULT_EM: EmOptions = { maxIterations: 500, tolerance: 1e-7, initialPrior: 0.05 };

// Pseudo-count per level: keeps every probability positive (a level never seen among matches must
// not veto a pair by itself) without visibly moving well-estimated values.
const PSEUDO_COUNT = 0.5;

export function estimateFellegiSunter(
  data: PatternCounts,
  options: EmOptions = DEFAULT_EM,
): FellegiSunterModel {
  const { levelCounts, patterns, counts } = data;
  const fields = levelCounts.length;
  // u starts at the observed level frequencies: nearly all compared pairs are non-matches. m starts
  // concentrated on full agreement. Starting on the right side of the likelihood's symmetry is what
  // makes EM find matches rather than some other two-way split (e.g. "same neighbourhood").
  const u = levelCounts.map((levels, f) => {
    const freq = new Array<number>(levels).fill(PSEUDO_COUNT);
    patterns.forEach((p, k) => {
      const level = p[f]!;
      if (level !== MISSING) freq[level]! += counts[k]!;
    });
    return normalise(freq);
  });
  const m = initialM(levelCounts);
  let prior = options.initialPrior;
  let previous = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  const posterior = new Float64Array(patterns.length);

  while (iterations < options.maxIterations) {
    iterations++;
    // E step: posterior probability of a match for each pattern; log-likelihood for convergence.
    let logLikelihood = 0;
    patterns.forEach((p, k) => {
      let pm = prior;
      let pu = 1 - prior;
      for (let f = 0; f < fields; f++) {
        const level = p[f]!;
        if (level === MISSING) continue;
        pm *= m[f]![level]!;
        pu *= u[f]![level]!;
      }
      posterior[k] = pm / (pm + pu);
      logLikelihood += counts[k]! * Math.log(pm + pu);
    });
    // M step.
    let matched = 0;
    let total = 0;
    const mNum = levelCounts.map((levels) => new Array<number>(levels).fill(PSEUDO_COUNT));
    const uNum = levelCounts.map((levels) => new Array<number>(levels).fill(PSEUDO_COUNT));
    patterns.forEach((p, k) => {
      const c = counts[k]!;
      const g = posterior[k]!;
      matched += c * g;
      total += c;
      for (let f = 0; f < fields; f++) {
        const level = p[f]!;
        if (level === MISSING) continue;
        mNum[f]![level]! += c * g;
        uNum[f]![level]! += c * (1 - g);
      }
    });
    prior = Math.min(1 - 1e-9, Math.max(1e-9, matched / total));
    for (let f = 0; f < fields; f++) {
      m[f] = normalise(mNum[f]!);
      u[f] = normalise(uNum[f]!);
    }
    if (Math.abs(logLikelihood - previous) <= options.tolerance * Math.abs(logLikelihood)) {
      converged = true;
      break;
    }
    previous = logLikelihood;
  }
  return { prior, m, u, iterations, converged };
}

/** m concentrated on full agreement (level 0), falling off by halves: the match side of the symmetry. */
function initialM(levelCounts: number[]): number[][] {
  return levelCounts.map((levels) =>
    normalise(Array.from({ length: levels }, (_, l) => (l === 0 ? 8 : 2 ** -l))),
  );
}

function normalise(values: number[]): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  return values.map((v) => v / sum);
}

/**
 * Agreement weights log2(m/u) per field and level, made non-increasing along the levels (which are
 * ordered from most to least similar): EM on a few rare patterns can otherwise reward a weaker
 * agreement more than a stronger one, which no one could defend when reading a decision.
 */
export function levelWeights(model: FellegiSunterModel): number[][] {
  return model.m.map((mf, f) => {
    const weights = mf.map((mv, l) => Math.log2(mv / model.u[f]![l]!));
    for (let l = 1; l < weights.length; l++) weights[l] = Math.min(weights[l]!, weights[l - 1]!);
    return weights;
  });
}

/** Total match weight of a pattern: the sum of its fields' weights (missing fields add 0). */
export function patternWeight(weights: number[][], pattern: Uint8Array): number {
  let total = 0;
  for (let f = 0; f < weights.length; f++) {
    const level = pattern[f]!;
    if (level !== MISSING) total += weights[f]![level]!;
  }
  return total;
}

/** Posterior match probability from a total weight and the prior (Bayes' rule in log2 odds). */
export function matchProbability(weight: number, prior: number): number {
  const logOdds = weight + Math.log2(prior / (1 - prior));
  return 1 / (1 + 2 ** -logOdds);
}

/**
 * EM for m (and the share of matches) with u held fixed, using only the fields in `use` (others are
 * treated as missing). This is how m is estimated at scale (the approach of Splink, after Winkler):
 * u comes from random pairs, and each field's m from compared pairs selected by agreement on *other*
 * fields, among which the field still varies freely for non-matches — pairs with the same birth date
 * for the name fields, pairs with the same names for the birth date. Fitting m and u together to all
 * compared pairs instead lets EM find namesakes as the "match" class once lists are large.
 */
export function estimateMWithFixedU(
  data: PatternCounts,
  u: number[][],
  use: boolean[],
  options: EmOptions = DEFAULT_EM,
): { m: number[][]; prior: number; total: number; iterations: number; converged: boolean } {
  const { levelCounts, patterns, counts } = data;
  const fields = levelCounts.length;
  const m = initialM(levelCounts);
  let prior = options.initialPrior;
  let previous = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  let total = 0;
  for (const c of counts) total += c;
  while (iterations < options.maxIterations) {
    iterations++;
    let logLikelihood = 0;
    let matched = 0;
    const mNum = levelCounts.map((levels) => new Array<number>(levels).fill(PSEUDO_COUNT));
    patterns.forEach((p, k) => {
      let pm = prior;
      let pu = 1 - prior;
      for (let f = 0; f < fields; f++) {
        const level = p[f]!;
        if (level === MISSING || !use[f]) continue;
        pm *= m[f]![level]!;
        pu *= u[f]![level]!;
      }
      const g = pm / (pm + pu);
      const c = counts[k]!;
      logLikelihood += c * Math.log(pm + pu);
      matched += c * g;
      for (let f = 0; f < fields; f++) {
        const level = p[f]!;
        if (level !== MISSING && use[f]) mNum[f]![level]! += c * g;
      }
    });
    prior = Math.min(1 - 1e-9, Math.max(1e-9, matched / Math.max(total, 1e-12)));
    for (let f = 0; f < fields; f++) if (use[f]) m[f] = normalise(mNum[f]!);
    if (Math.abs(logLikelihood - previous) <= options.tolerance * Math.abs(logLikelihood)) {
      converged = true;
      break;
    }
    previous = logLikelihood;
  }
  return { m, prior, total, iterations, converged };
}
