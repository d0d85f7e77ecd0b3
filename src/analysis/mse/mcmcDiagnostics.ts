/**
 * Convergence diagnostics and posterior summaries for MCMC draws of N, computed on log N (the
 * posterior of N is skewed to the right; on the log scale the chains' means and variances are
 * meaningful):
 * - split-R̂ (Gelman et al. 2013, Bayesian Data Analysis 3rd ed. §11.4): every chain cut in halves,
 *   R̂ = √(var⁺ / W); near 1 when the halves agree, above 1.05 read as not converged;
 * - effective sample size over all chains, autocorrelations combined across chains and summed by
 *   Geyer's initial monotone sequence (Geyer 1992; as Stan computes it);
 * - Geweke's z (Geweke 1992) per chain: the first 10% of the draws against the last 50%, each
 *   mean's variance from its own autocorrelation time.
 */
import { quantile } from './bootstrapInterval.ts';
import type { PosteriorSummary, StratumEstimate } from './estimateTypes.ts';

export interface ChainDiagnostics {
  effectiveSampleSize: number;
  splitRHat: number;
  geweke: number[];
}

export function summarisePosterior(draws: Float64Array): PosteriorSummary {
  const sorted = Array.from(draws).sort((a, b) => a - b);
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    median: quantile(sorted, 0.5),
    mean: sum / sorted.length,
    lower: quantile(sorted, 0.025),
    upper: quantile(sorted, 0.975),
    draws: sorted.length,
  };
}

/** A Bayesian stratum's figures from its draws of N: the posterior median and 95% credible interval. */
export function applyPosterior(base: StratumEstimate, draws: Float64Array): void {
  const posterior = summarisePosterior(draws);
  base.posterior = posterior;
  base.estimate = posterior.median;
  base.ci95 = [posterior.lower, posterior.upper];
  base.interval = 'posterior';
  base.draws = draws;
}

export function diagnoseChains(draws: Float64Array, chains: number): ChainDiagnostics {
  const length = Math.floor(draws.length / chains);
  const logs: Float64Array[] = [];
  for (let c = 0; c < chains; c += 1) {
    logs.push(Float64Array.from(draws.subarray(c * length, (c + 1) * length), (x) => Math.log(x)));
  }
  const half = Math.floor(length / 2);
  const halves = logs.flatMap((chain) => [chain.subarray(0, half), chain.subarray(length - half)]);
  return {
    splitRHat: half >= 2 ? rHat(halves) : Number.NaN,
    effectiveSampleSize: effectiveSampleSize(logs),
    geweke: logs.map(gewekeZ),
  };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function variance(values: Float64Array, centre = mean(values)): number {
  let sum = 0;
  for (const value of values) sum += (value - centre) ** 2;
  return sum / (values.length - 1);
}

function rHat(chains: Float64Array[]): number {
  const n = chains[0]!.length;
  const means = chains.map((chain) => mean(chain));
  const within = chains.reduce((sum, chain, i) => sum + variance(chain, means[i]), 0) / chains.length;
  const grand = means.reduce((a, b) => a + b, 0) / means.length;
  const between =
    chains.length > 1 ? means.reduce((sum, m) => sum + (m - grand) ** 2, 0) / (chains.length - 1) : 0;
  if (within === 0) return between === 0 ? 1 : Number.POSITIVE_INFINITY;
  const pooled = ((n - 1) / n) * within + between;
  return Math.sqrt(pooled / within);
}

/**
 * Autocovariance of one chain (biased estimator, divisor n), computed lag by lag on demand: the
 * initial monotone sequence usually stops after a few lags, so the full O(n²) table is rarely needed.
 */
function autocovariance(chain: Float64Array): (lag: number) => number {
  const n = chain.length;
  const centre = mean(chain);
  const centred = Float64Array.from(chain, (x) => x - centre);
  const known = new Map<number, number>();
  return (lag) => {
    let value = known.get(lag);
    if (value === undefined) {
      let sum = 0;
      for (let t = 0; t + lag < n; t += 1) sum += centred[t]! * centred[t + lag]!;
      value = sum / n;
      known.set(lag, value);
    }
    return value;
  };
}

/** Integrated autocorrelation time from autocorrelations ρ_0 = 1, ρ_1 … by Geyer's initial monotone sequence. */
function autocorrelationTime(rho: (lag: number) => number, maxLag: number): number {
  let tau = -1;
  let previous = Number.POSITIVE_INFINITY;
  for (let lag = 0; lag + 1 <= maxLag; lag += 2) {
    let pair = rho(lag) + rho(lag + 1);
    if (pair <= 0) break;
    if (pair > previous) pair = previous;
    previous = pair;
    tau += 2 * pair;
  }
  return Math.max(tau, 1 / Math.log10(Math.max(10, maxLag)));
}

function effectiveSampleSize(chains: Float64Array[]): number {
  const m = chains.length;
  const n = chains[0]!.length;
  if (n < 4) return Number.NaN;
  const maxLag = n - 1;
  const covariances = chains.map((chain) => autocovariance(chain));
  const means = chains.map((chain) => mean(chain));
  const within = covariances.reduce((sum, acov) => sum + (acov(0) * n) / (n - 1), 0) / m;
  const grand = means.reduce((a, b) => a + b, 0) / m;
  const between = m > 1 ? means.reduce((sum, value) => sum + (value - grand) ** 2, 0) / (m - 1) : 0;
  const pooled = ((n - 1) / n) * within + between;
  if (!(pooled > 0)) return m * n;
  const rho = (lag: number): number => {
    if (lag === 0) return 1;
    let meanAcov = 0;
    for (const acov of covariances) meanAcov += acov(lag);
    meanAcov /= m;
    return 1 - (within - meanAcov) / pooled;
  };
  return (m * n) / autocorrelationTime(rho, maxLag);
}

function gewekeZ(chain: Float64Array): number {
  const n = chain.length;
  const first = chain.subarray(0, Math.floor(n * 0.1));
  const last = chain.subarray(n - Math.floor(n * 0.5));
  if (first.length < 4 || last.length < 4) return Number.NaN;
  const meanVariance = (part: Float64Array): number => {
    const acov = autocovariance(part);
    const zero = acov(0);
    if (zero === 0) return 0;
    const tau = autocorrelationTime((lag) => acov(lag) / zero, part.length - 1);
    return (zero * tau) / part.length;
  };
  const spread = Math.sqrt(meanVariance(first) + meanVariance(last));
  if (spread === 0) return mean(first) === mean(last) ? 0 : Number.POSITIVE_INFINITY;
  return (mean(first) - mean(last)) / spread;
}
