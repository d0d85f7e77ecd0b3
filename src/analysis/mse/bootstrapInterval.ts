/**
 * Fallback 95% interval when the profile likelihood fails (a completed-table fit that does not
 * converge, or a profile too flat to give an upper bound): a parametric bootstrap in the manner of
 * SparseMSE (Chan, Silverman & Vincent 2021). Each replicate draws every observed cell from
 * Poisson(μ̂_c) of the selected model, refits the same model and records N̂* = n* + μ̂*_0; the
 * interval is the 2.5% and 97.5% percentiles. The model is held fixed (no re-selection), so the
 * interval is conditional on the model, like the profile interval. The generator is seeded, so the
 * same input always gives the same interval. Replicates whose refit fails count as +∞ (see below), so
 * when more than 2.5% fail there is no finite upper bound and the caller says so.
 */
import { seededRandom } from '../seededRandom.ts';
import { fitPoissonLogLinear } from './fitPoissonLogLinear.ts';
import { logGamma } from './logGamma.ts';

export interface BootstrapInterval {
  lower: number;
  upper: number;
  replicates: number;
  failed: number;
}

export function bootstrapInterval(
  k: number,
  fitted: Float64Array,
  terms: readonly number[],
  start: Float64Array,
  replicates = 999,
  seed = 20131129,
): BootstrapInterval {
  const random = seededRandom(seed);
  const estimates: number[] = [];
  let failed = 0;
  for (let r = 0; r < replicates; r += 1) {
    const sample = new Float64Array(fitted.length);
    let n = 0;
    for (let c = 1; c < fitted.length; c += 1) {
      sample[c] = samplePoisson(fitted[c]!, random);
      n += sample[c]!;
    }
    const fit = fitPoissonLogLinear({ k, y: sample, includeZeroCell: false, terms, start });
    if (fit.status !== 'converged') {
      // A refit fails mostly when a resampled overlap is empty, i.e. the estimate is unbounded:
      // count it as +∞ rather than drop it, which would quietly shorten the upper tail.
      failed += 1;
      estimates.push(Number.POSITIVE_INFINITY);
      continue;
    }
    estimates.push(n + fit.mu[0]!);
  }
  estimates.sort((a, b) => a - b);
  return { lower: quantile(estimates, 0.025), upper: quantile(estimates, 0.975), replicates, failed };
}

/** R's default (type 7) sample quantile of sorted values. */
export function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  if (!Number.isFinite(sorted[above]!)) return position === below ? sorted[below]! : Number.POSITIVE_INFINITY;
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/**
 * Poisson variate: multiplication method for small means, Hörmann's PTRS transformed rejection
 * (Hörmann 1993, Insurance: Mathematics and Economics 12:39; as in NumPy) for means of 10 or more.
 */
export function samplePoisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let product = random();
    let count = 0;
    while (product > limit) {
      product *= random();
      count += 1;
    }
    return count;
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const count = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return count;
    if (count < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <=
      -mean + count * logMean - logGamma(count + 1)
    ) {
      return count;
    }
  }
}
