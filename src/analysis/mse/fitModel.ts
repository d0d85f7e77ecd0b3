/**
 * One candidate model fitted to one capture table, with the figures the model search compares.
 *
 * Information criteria use the full Poisson log-likelihood over the 2^k − 1 observed cells,
 * ℓ = Σ [y log μ̂ − μ̂ − log y!], exactly as R's logLik/AIC for glm(…, family = poisson), so our AIC
 * can be checked against R to the decimal. AIC = −2ℓ + 2p and BIC = −2ℓ + p log n, where p counts
 * the intercept, main effects and interactions, and n is the number of people observed (Rcapture's
 * convention; R's BIC() would use the number of cells instead — the ranking of models can differ,
 * so we say which one we use). Differences between models equal deviance differences plus the
 * penalty difference, because the log y! constant is the same for every model of one table.
 */
import { bitCount, termName } from './captureTable.ts';
import {
  type FitStatus,
  fitPoissonLogLinear,
  type PoissonFit,
  sumLogFactorials,
} from './fitPoissonLogLinear.ts';

export interface FittedModel {
  /** Interaction masks (main effects implicit). */
  interactions: number[];
  /** Intercept, main effects, then interactions: the columns of the design. */
  terms: number[];
  status: FitStatus;
  /** n + μ̂_0. */
  estimate: number;
  aic: number;
  bic: number;
  deviance: number;
  df: number;
  fit: PoissonFit;
}

export function fitModel(k: number, counts: Float64Array, interactions: readonly number[]): FittedModel {
  const terms = [0];
  for (let i = 0; i < k; i += 1) terms.push(1 << i);
  terms.push(...interactions);
  const { n, logFactorialSum } = tableConstants(counts);
  const fit = fitPoissonLogLinear({ k, y: counts, includeZeroCell: false, terms, logFactorialSum });
  const p = terms.length;
  return {
    interactions: [...interactions],
    terms,
    status: fit.status,
    estimate: n + fit.mu[0]!,
    aic: -2 * fit.logLik + 2 * p,
    bic: -2 * fit.logLik + p * Math.log(n),
    deviance: fit.deviance,
    df: (1 << k) - 1 - p,
    fit,
  };
}

/** Per-table constants, computed once per table rather than once per model of the search. */
const constants = new WeakMap<Float64Array, { n: number; logFactorialSum: number }>();
function tableConstants(counts: Float64Array): { n: number; logFactorialSum: number } {
  let known = constants.get(counts);
  if (!known) {
    let n = 0;
    for (let c = 1; c < counts.length; c += 1) n += counts[c]!;
    known = { n, logFactorialSum: sumLogFactorials(counts, 1) };
    constants.set(counts, known);
  }
  return known;
}

/** Term names as the contract shows them: main effects first ("A","B","C"), then "A:B"… */
export function modelTermNames(
  k: number,
  interactions: readonly number[],
  lists: readonly string[],
): string[] {
  const names: string[] = [];
  for (let i = 0; i < k; i += 1) names.push(lists[i]!);
  const sorted = [...interactions].sort((a, b) => bitCount(a) - bitCount(b) || lowFirst(a, b));
  for (const term of sorted) names.push(termName(term, lists));
  return names;
}

/** Order interactions as R writes them: by the first list, then the next (A:B before A:C before B:C). */
function lowFirst(a: number, b: number): number {
  for (let bit = 0; bit < 31; bit += 1) {
    const inA = (a >> bit) & 1;
    const inB = (b >> bit) & 1;
    if (inA !== inB) return inB - inA;
  }
  return 0;
}
