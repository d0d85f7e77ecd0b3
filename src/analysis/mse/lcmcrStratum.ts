/**
 * One stratum estimated by LCMCR (lcmcr.ts): the posterior of N summarised (median as the point
 * estimate, equal-tailed 95% credible interval) with the chains' convergence diagnostics, and
 * warnings whenever the diagnostics say the figures cannot be trusted yet.
 */
import type { StratumMethod } from './estimateTypes.ts';
import { runLcmcr } from './lcmcr.ts';
import { applyPosterior, diagnoseChains } from './mcmcDiagnostics.ts';

/** Split-R̂ above this reads as not converged (Gelman et al. 2013). */
export const R_HAT_LIMIT = 1.05;
/** Fewer effective draws than this make the 2.5% and 97.5% points imprecise. */
export const ESS_WARNING = 400;

export const estimateLcmcr: StratumMethod = (lists, counts, base, options, where) => {
  if (lists.length < 3) {
    base.warnings.push(
      `cannot estimate${where} with LCMCR: a latent-class model needs at least three lists (two lists identify only the independence model)`,
    );
    return base;
  }
  const run = runLcmcr(lists.length, counts, options);
  applyPosterior(base, run.draws);
  const checks = diagnoseChains(run.draws, run.chains);
  const converged =
    Number.isFinite(checks.splitRHat) &&
    checks.splitRHat <= R_HAT_LIMIT &&
    checks.effectiveSampleSize >= 100 &&
    run.degenerate === 0;
  base.diagnostics = {
    seed: options.seed,
    chains: run.chains,
    burnIn: options.burnIn,
    thinning: options.thinning,
    samplesPerChain: run.samplesPerChain,
    maxClasses: options.maxClasses,
    occupiedClasses: run.occupiedClasses,
    effectiveSampleSize: checks.effectiveSampleSize,
    splitRHat: checks.splitRHat,
    geweke: checks.geweke,
    converged,
  };
  if (run.degenerate > 0) {
    base.warnings.push(
      `LCMCR${where}: in ${run.degenerate} sweeps the probability of being on no list reached 1, so the number unobserved was unbounded: the lists carry too little overlap to bound N; do not use this estimate`,
    );
  }
  if (!converged) {
    base.warnings.push(
      `LCMCR${where} has not converged (split-R̂ ${checks.splitRHat.toFixed(3)}, effective sample size ${Math.round(checks.effectiveSampleSize)}): run longer (--burn-in, --samples, --thinning) and compare seeds before using the estimate`,
    );
  } else if (checks.effectiveSampleSize < ESS_WARNING) {
    base.warnings.push(
      `LCMCR${where}: only ${Math.round(checks.effectiveSampleSize)} effective draws of N; the interval's ends are imprecise (increase --samples or --thinning)`,
    );
  }
  const maxGeweke = Math.max(...checks.geweke.map((z) => (Number.isNaN(z) ? 0 : Math.abs(z))));
  if (converged && maxGeweke > 3) {
    base.warnings.push(
      `LCMCR${where}: a chain's early and late draws differ (Geweke |z| = ${maxGeweke.toFixed(1)}); a longer burn-in is advisable`,
    );
  }
  if (run.occupiedClasses > options.maxClasses - 0.5) {
    base.warnings.push(
      `LCMCR${where}: nearly all ${options.maxClasses} latent classes are in use; raise --max-classes so the truncation does not constrain the model`,
    );
  }
  return base;
};
