/**
 * LCMCR: the Bayesian non-parametric latent-class model for capture–recapture of Manrique-Vallier
 * (2016, "Bayesian population size estimation using Dirichlet process mixtures", Biometrics
 * 72:1246), the model HRDAG uses (R package LCMCR).
 *
 * Model. Every person i of the N belongs to a latent class z_i ∈ {1 … K*}; within a class the lists
 * are independent: P(x_ij = 1 | z_i = k) = λ_jk. The class weights follow a truncated
 * stick-breaking (Dirichlet process) prior, π_k = V_k ∏_{l<k} (1 − V_l), V_k ~ Beta(1, α),
 * V_K* = 1; α ~ Gamma(a_α, b_α) (shape, rate; package default 0.25, 0.25); λ_jk ~ Beta(1, 1);
 * p(N) ∝ 1/N. Heterogeneous capture (some people more visible to every list) is what the classes
 * absorb; the independence log-linear model cannot, and underestimates.
 *
 * Sampler: Gibbs with data augmentation of the unobserved people, in the package's order:
 *   1. classes of the observed, per distinct capture pattern: (count of pattern m in class k)_k ~
 *      Multinomial(c_m, π_k ∏_j λ_jk^x_mj (1 − λ_jk)^(1−x_mj)) — sufficient statistics, so a
 *      sweep costs (patterns × K* × J) whatever the number of people;
 *   2. λ_jk ~ Beta(1 + captured in class k by list j, 1 + not captured, unobserved included);
 *   3. V_k ~ Beta(1 + m_k, α + Σ_{l>k} m_l) (on the log scale, as the package, so that tiny weights
 *      do not underflow);
 *   4. n0 ~ NegBinomial(n, 1 − π0), π0 = Σ_k π_k ∏_j (1 − λ_jk): the number unobserved, whose
 *      form follows from the 1/N prior; N = n + n0;
 *   5. the n0 unobserved people's classes ~ Multinomial(n0, π_k ∏_j (1 − λ_jk));
 *   6. α ~ Gamma(a_α + K* − 1, b_α − log π_K*).
 * Each chain starts at λ_jk = list j's share of the observed (jittered per class), equal weights,
 * α = 1, n0 = 0, and runs `burnIn` sweeps before keeping every `thinning`-th of `samples` draws.
 * Chains use independent seeded streams, so a seed reproduces a run bit for bit.
 */
import { seededStream } from '../seededRandom.ts';
import type { EstimateOptions } from './estimateTypes.ts';
import {
  sampleBeta,
  sampleGamma,
  sampleLogGamma,
  sampleMultinomial,
  sampleNegativeBinomial,
} from './randomVariates.ts';

export type LcmcrSettings = Pick<
  EstimateOptions,
  'maxClasses' | 'burnIn' | 'samples' | 'thinning' | 'chains' | 'alphaPrior' | 'seed'
>;

export interface LcmcrRun {
  /** N per kept draw, chain after chain (chains × samples). */
  draws: Float64Array;
  chains: number;
  samplesPerChain: number;
  /** Mean number of classes holding anyone, over the kept draws. */
  occupiedClasses: number;
  /** Sweeps in which π0 reached 1 to machine precision (the unobserved count is then unbounded). */
  degenerate: number;
}

/** Unobserved counts beyond this are treated as divergence (π0 → 1: the lists say nothing about N). */
const MAX_UNOBSERVED = 1e12;

export function runLcmcr(k: number, counts: Float64Array, settings: LcmcrSettings): LcmcrRun {
  const patterns: number[] = [];
  const frequencies: number[] = [];
  let n = 0;
  for (let cell = 1; cell < counts.length; cell += 1) {
    if (counts[cell]! > 0) {
      patterns.push(cell);
      frequencies.push(counts[cell]!);
      n += counts[cell]!;
    }
  }
  const draws = new Float64Array(settings.chains * settings.samples);
  let occupied = 0;
  let degenerate = 0;
  for (let chain = 0; chain < settings.chains; chain += 1) {
    const result = runChain(k, patterns, frequencies, n, settings, chain, draws, chain * settings.samples);
    occupied += result.occupied;
    degenerate += result.degenerate;
  }
  return {
    draws,
    chains: settings.chains,
    samplesPerChain: settings.samples,
    occupiedClasses: occupied / Math.max(1, draws.length),
    degenerate,
  };
}

function runChain(
  J: number,
  patterns: readonly number[],
  frequencies: readonly number[],
  n: number,
  settings: LcmcrSettings,
  chain: number,
  draws: Float64Array,
  offset: number,
): { occupied: number; degenerate: number } {
  const random = seededStream(settings.seed, chain);
  const K = settings.maxClasses;
  const M = patterns.length;
  const [aAlpha, bAlpha] = settings.alphaPrior;
  // λ[j * K + k]; counts of observed pattern m in class k at zM[m * K + k].
  const lambda = new Float64Array(J * K);
  const nu = new Float64Array(K).fill(1 / K);
  const logNu = new Float64Array(K).fill(-Math.log(K));
  const zM = new Float64Array(M * K);
  const z0 = new Float64Array(K);
  const classTotal = new Float64Array(K);
  const captured = new Float64Array(J * K);
  const weights = new Float64Array(K);
  const row = new Float64Array(K);
  const missWeight = new Float64Array(K);
  let alpha = 1;
  let n0 = 0;
  let degenerate = 0;

  for (let j = 0; j < J; j += 1) {
    let onList = 0;
    for (let m = 0; m < M; m += 1) if (patterns[m]! & (1 << j)) onList += frequencies[m]!;
    const share = onList / n;
    for (let c = 0; c < K; c += 1) {
      lambda[j * K + c] = Math.min(0.99, Math.max(0.01, share * (0.75 + 0.5 * random())));
    }
  }

  const sweep = (): void => {
    // 1. classes of the observed, per pattern.
    for (let m = 0; m < M; m += 1) {
      const pattern = patterns[m]!;
      for (let c = 0; c < K; c += 1) {
        let w = nu[c]!;
        for (let j = 0; j < J; j += 1) {
          const l = lambda[j * K + c]!;
          w *= pattern & (1 << j) ? l : 1 - l;
        }
        weights[c] = w;
      }
      sampleMultinomial(frequencies[m]!, weights, row, random);
      zM.set(row, m * K);
    }
    // 2. λ given the classes (observed and augmented unobserved).
    classTotal.set(z0);
    captured.fill(0);
    for (let m = 0; m < M; m += 1) {
      const pattern = patterns[m]!;
      for (let c = 0; c < K; c += 1) {
        const x = zM[m * K + c]!;
        if (x === 0) continue;
        classTotal[c]! += x;
        for (let j = 0; j < J; j += 1) if (pattern & (1 << j)) captured[j * K + c]! += x;
      }
    }
    for (let j = 0; j < J; j += 1) {
      for (let c = 0; c < K; c += 1) {
        const yes = captured[j * K + c]!;
        lambda[j * K + c] = sampleBeta(1 + yes, 1 + classTotal[c]! - yes, random);
      }
    }
    // 3. stick-breaking weights, on the log scale.
    let rest = n + n0;
    let logRemaining = 0;
    for (let c = 0; c < K - 1; c += 1) {
      rest -= classTotal[c]!;
      const g1 = sampleLogGamma(1 + classTotal[c]!, random);
      const g2 = sampleLogGamma(alpha + rest, random);
      const top = Math.max(g1, g2);
      const logSum = top + Math.log(Math.exp(g1 - top) + Math.exp(g2 - top));
      logNu[c] = g1 - logSum + logRemaining;
      logRemaining += g2 - logSum;
      nu[c] = Math.exp(logNu[c]!);
    }
    logNu[K - 1] = logRemaining;
    nu[K - 1] = Math.exp(logRemaining);
    // 4. the number unobserved.
    let probabilityZero = 0;
    for (let c = 0; c < K; c += 1) {
      let w = nu[c]!;
      for (let j = 0; j < J; j += 1) w *= 1 - lambda[j * K + c]!;
      missWeight[c] = w;
      probabilityZero += w;
    }
    if (probabilityZero >= 1) {
      degenerate += 1;
      n0 = MAX_UNOBSERVED;
    } else {
      n0 = Math.min(MAX_UNOBSERVED, sampleNegativeBinomial(n, 1 - probabilityZero, random));
    }
    // 5. their classes.
    sampleMultinomial(n0, missWeight, z0, random);
    // 6. the concentration.
    alpha = sampleGamma(aAlpha + K - 1, random) / (bAlpha - logNu[K - 1]!);
  };

  for (let s = 0; s < settings.burnIn; s += 1) sweep();
  let occupied = 0;
  for (let d = 0; d < settings.samples; d += 1) {
    for (let s = 0; s < settings.thinning; s += 1) sweep();
    draws[offset + d] = n + n0;
    for (let c = 0; c < K; c += 1) {
      let members = z0[c]!;
      for (let m = 0; m < M && members === 0; m += 1) members += zM[m * K + c]!;
      if (members > 0) occupied += 1;
    }
  }
  return { occupied, degenerate };
}
