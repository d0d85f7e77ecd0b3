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
import { samplePoisson } from './randomVariates.ts';

export interface BootstrapInterval {
  lower: number;
  upper: number;
  replicates: number;
  failed: number;
  /** Every replicate's N̂* in draw order (+∞ for a failed refit), for summing over strata. */
  draws: Float64Array;
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
  const draws = Float64Array.from(estimates);
  estimates.sort((a, b) => a - b);
  return { lower: quantile(estimates, 0.025), upper: quantile(estimates, 0.975), replicates, failed, draws };
}

/** R's default (type 7) sample quantile of sorted values. */
export function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  if (!Number.isFinite(sorted[above]!)) return position === below ? sorted[below]! : Number.POSITIVE_INFINITY;
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}
