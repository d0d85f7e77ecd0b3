/**
 * Poisson log-linear model fitted by iteratively reweighted least squares (IRLS; McCullagh & Nelder
 * 1989 §2.5), the same estimator as R's glm(count ~ …, family = poisson) that Rcapture and
 * SparseMSE use for multiple systems estimation.
 *
 * The design matrix is never built. Its rows are capture patterns c and its columns are terms t
 * (the intercept is the empty mask 0, main effects single bits, interactions several bits), with
 * X[c, t] = 1 exactly when t ⊆ c. Hence
 *   (X'WX)[s, t] = Σ_{c ⊇ s∪t} w_c     (a superset sum of the weights, looked up at s|t)
 *   (X'Wz)[t]    = Σ_{c ⊇ t} w_c z_c
 *   η_c          = Σ_{t ⊆ c} β_t        (a subset sum of the coefficients)
 * and each transform costs k·2^k operations (Yates / fast zeta transform). That is what makes an
 * exhaustive search over all 32,768 two-way hierarchical models of six lists take a second or two.
 */
import { logFactorial } from './logGamma.ts';
import { CholeskyWorkspace, solveSymmetric } from './solveSymmetric.ts';

export interface PoissonFitInput {
  /** Number of lists. */
  k: number;
  /** Counts per cell, length 2^k. */
  y: Float64Array;
  /** Whether cell 0 (on no list) is part of the data: false for MSE, true for the profile likelihood. */
  includeZeroCell: boolean;
  /** Term masks; must contain 0 (intercept) and every main effect. */
  terms: readonly number[];
  /** Starting coefficients (same order as terms), e.g. from a neighbouring fit. */
  start?: Float64Array;
  maxIterations?: number;
  /** Σ log y! over the cells in the data, when the caller has it (saves work in model searches). */
  logFactorialSum?: number;
}

export type FitStatus = 'converged' | 'boundary' | 'not_converged' | 'singular';

export interface PoissonFit {
  status: FitStatus;
  beta: Float64Array;
  /** Fitted means for every cell, including cell 0 even when it was not part of the data. */
  mu: Float64Array;
  /** Residual deviance 2 Σ [y log(y/μ) − (y − μ)] over the cells in the data. */
  deviance: number;
  /** Full Poisson log-likelihood Σ [y log μ − μ − log y!] over the cells in the data (as R's logLik). */
  logLik: number;
  iterations: number;
}

/** Coefficients beyond this size mean fitted counts of e^-30 ≈ 1e-13: the MLE is on the boundary. */
const BOUNDARY_COEFFICIENT = 30;
const BOUNDARY_MEAN = 1e-8;

export function fitPoissonLogLinear(input: PoissonFitInput): PoissonFit {
  const { k, y, terms, includeZeroCell } = input;
  const size = 1 << k;
  const p = terms.length;
  const first = includeZeroCell ? 0 : 1;
  const maxIterations = input.maxIterations ?? 100;

  // Buffers are allocated once per fit: the model search runs tens of thousands of fits.
  let beta: Float64Array = new Float64Array(p);
  let eta = new Float64Array(size);
  let mu = new Float64Array(size);
  let candidateEta = new Float64Array(size);
  let candidateMu = new Float64Array(size);
  const workspace = new CholeskyWorkspace(p);
  if (input.start) {
    beta = Float64Array.from(input.start);
    linearPredictor(beta, terms, k, eta, mu);
  } else {
    // R's glm start: μ = y + 0.1, i.e. the first step regresses log(y + 0.1).
    for (let c = first; c < size; c += 1) {
      mu[c] = y[c]! + 0.1;
      eta[c] = Math.log(mu[c]!);
    }
  }

  let deviance = devianceOf(y, mu, first);
  let previous = Number.POSITIVE_INFINITY;
  const weights = new Float64Array(size);
  const weightedResponse = new Float64Array(size);
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  const halfway = new Float64Array(p);
  let iterations = 0;
  let converged = false;

  for (; iterations < maxIterations; iterations += 1) {
    weights.fill(0);
    weightedResponse.fill(0);
    for (let c = first; c < size; c += 1) {
      const m = mu[c]!;
      // Working response z = η + (y − μ)/μ with weight μ; w·z = μη + y − μ.
      weights[c] = m;
      weightedResponse[c] = m * eta[c]! + y[c]! - m;
    }
    supersetSum(weights, k);
    supersetSum(weightedResponse, k);
    for (let i = 0; i < p; i += 1) {
      b[i] = weightedResponse[terms[i]!]!;
      for (let j = 0; j <= i; j += 1) {
        const value = weights[terms[i]! | terms[j]!]!;
        a[i * p + j] = value;
        a[j * p + i] = value;
      }
    }
    const proposal = solveSymmetric(a, b, p, 1e-11, workspace);
    if (!proposal) return finish('singular');
    linearPredictor(proposal, terms, k, candidateEta, candidateMu);
    let candidateDeviance = devianceOf(y, candidateMu, first);
    // Step halving when the deviance rises or overflows (glm.fit does the same).
    let step = proposal;
    for (
      let halving = 0;
      halving < 30 && !(candidateDeviance <= deviance * (1 + 1e-12) + 1e-9);
      halving += 1
    ) {
      if (iterations === 0 && !input.start) break;
      for (let i = 0; i < p; i += 1) halfway[i] = (beta[i]! + step[i]!) / 2;
      step = Float64Array.from(halfway);
      linearPredictor(step, terms, k, candidateEta, candidateMu);
      candidateDeviance = devianceOf(y, candidateMu, first);
    }
    if (!Number.isFinite(candidateDeviance)) return finish('not_converged');
    let largestChange = 0;
    for (let i = 0; i < p; i += 1) {
      largestChange = Math.max(largestChange, Math.abs(step[i]! - beta[i]!) / (1 + Math.abs(beta[i]!)));
    }
    beta = step;
    [eta, candidateEta] = [candidateEta, eta];
    [mu, candidateMu] = [candidateMu, mu];
    previous = deviance;
    deviance = candidateDeviance;
    // Converged when the deviance stops moving (glm's test, tighter than its 1e-8) or, for tables
    // with very large counts where the deviance carries rounding noise, when the coefficients do.
    if (Math.abs(deviance - previous) / (Math.abs(deviance) + 0.1) < 1e-10 || largestChange < 1e-10) {
      converged = true;
      iterations += 1;
      break;
    }
  }
  if (!converged) return finish('not_converged');
  for (let i = 1; i < p; i += 1) if (Math.abs(beta[i]!) > BOUNDARY_COEFFICIENT) return finish('boundary');
  // A fitted count below 1e-8 in a cell of the data means a parameter is still running off to −∞
  // and IRLS stopped only because the deviance no longer moves (non-existence of the MLE;
  // Fienberg & Rinaldo 2012): not a usable fit.
  for (let c = first; c < size; c += 1) if (mu[c]! < BOUNDARY_MEAN) return finish('boundary');
  return finish('converged');

  function finish(status: FitStatus): PoissonFit {
    let logLik = -(input.logFactorialSum ?? sumLogFactorials(y, first));
    for (let c = first; c < size; c += 1) {
      const observed = y[c]!;
      const m = mu[c]!;
      logLik += (observed > 0 ? observed * eta[c]! : 0) - m;
    }
    return { status, beta, mu, deviance, logLik, iterations };
  }
}

export function sumLogFactorials(y: Float64Array, first = 1): number {
  let sum = 0;
  for (let c = first; c < y.length; c += 1) sum += logFactorial(y[c]!);
  return sum;
}

/** η_c = Σ_{t ⊆ c} β_t and μ_c = exp(η_c), into the given buffers. */
function linearPredictor(
  beta: Float64Array,
  terms: readonly number[],
  k: number,
  eta: Float64Array,
  mu: Float64Array,
): void {
  eta.fill(0);
  for (let i = 0; i < terms.length; i += 1) eta[terms[i]!]! += beta[i]!;
  subsetSum(eta, k);
  for (let c = 0; c < eta.length; c += 1) mu[c] = Math.exp(eta[c]!);
}

function devianceOf(y: Float64Array, mu: Float64Array, first: number): number {
  let deviance = 0;
  for (let c = first; c < y.length; c += 1) {
    const observed = y[c]!;
    const m = mu[c]!;
    deviance += observed > 0 ? 2 * (observed * Math.log(observed / m) - (observed - m)) : 2 * m;
  }
  // A saturated fit can round to −1e-12; a negative deviance would only confuse a reader.
  return Math.max(0, deviance);
}

/** In place: v[s] ← Σ_{c ⊇ s} v[c]. */
function supersetSum(values: Float64Array, k: number): void {
  const size = values.length;
  for (let bit = 0; bit < k; bit += 1) {
    const flag = 1 << bit;
    for (let mask = 0; mask < size; mask += 1) if ((mask & flag) === 0) values[mask]! += values[mask | flag]!;
  }
}

/** In place: v[c] ← Σ_{s ⊆ c} v[s]. */
function subsetSum(values: Float64Array, k: number): void {
  const size = values.length;
  for (let bit = 0; bit < k; bit += 1) {
    const flag = 1 << bit;
    for (let mask = 0; mask < size; mask += 1) if (mask & flag) values[mask]! += values[mask ^ flag]!;
  }
}
