/**
 * The whole estimate for a capture table, stratified or not: the one entry point of multiple
 * systems estimation, `estimatePopulation(table, options)`, whatever the method (`options.model`).
 *
 * Strata (region, period, sex…) are estimated separately and summed, because capture
 * probabilities that differ between strata bias a pooled estimate (heterogeneity; Sekar & Deming
 * 1949, Ball et al. 2002 for Kosovo). Each stratum gets its own model search or its own sampler,
 * seeded from `seed` and the stratum's position, so strata are independent draws. The total's
 * 95% interval is obtained from draws of the sum, which is what makes it correct for a sum of
 * independent, skewed estimates:
 * - Bayesian models (lcmcr, dga): the i-th posterior draws of the strata are summed, giving draws
 *   from the posterior of the total; its median and 2.5%/97.5% points are the total's (so the
 *   total's point estimate is the median of the sum, not the sum of medians);
 * - log-linear models: the point estimate is Σ N̂_s; every stratum's selected model is resampled by
 *   the parametric bootstrap (999 replicates) and the r-th replicates summed; the interval is the
 *   2.5% and 97.5% points of those sums (conditional on the selected models, as the strata's own
 *   intervals are). If a bootstrap cannot bound a stratum (refits without finite estimate), the
 *   strata's own intervals are combined instead by adding their half-widths in quadrature on each
 *   side, a normal approximation, and the interval says so.
 * The lower bound is never below the number observed. If any stratum cannot be estimated the
 * total is null, not a sum that quietly leaves people out.
 */
import { quantile } from './bootstrapInterval.ts';
import type { CaptureTable } from './captureTable.ts';
import { DEFAULT_OPTIONS, estimateStratum } from './estimateStratum.ts';
import type {
  EstimateOptions,
  ModelCounts,
  PopulationEstimate,
  StratumEstimate,
  TotalEstimate,
} from './estimateTypes.ts';
import { summarisePosterior } from './mcmcDiagnostics.ts';

export type { EstimateOptions, PopulationEstimate, TotalEstimate } from './estimateTypes.ts';

export function describeMethod(options: Pick<EstimateOptions, 'model' | 'criterion'>): string {
  switch (options.model) {
    case 'auto':
      return `log-linear, ${options.criterion.toUpperCase()} selection`;
    case 'independence':
      return 'log-linear, independence';
    case 'lcmcr':
      return 'LCMCR (Manrique-Vallier 2016)';
    case 'dga':
      return 'dga (Madigan & York 1997)';
  }
}

/** Stratum s's seed: distinct per stratum, the same for the same seed and position. */
function stratumSeed(seed: number, index: number): number {
  return index === 0 ? seed : (seed + Math.imul(index, 0x9e3779b9)) >>> 0;
}

export function estimatePopulation(
  table: CaptureTable,
  options: Partial<EstimateOptions> = {},
): PopulationEstimate {
  const settings: EstimateOptions = { ...DEFAULT_OPTIONS, ...options };
  const bayesian = settings.model === 'lcmcr' || settings.model === 'dga';
  const common = {
    lists: table.lists,
    model: settings.model,
    method: describeMethod(settings),
    criterion: settings.criterion,
    maxOrder: settings.maxOrder,
  };
  if (table.strata.length === 1 && table.strata[0]!.name === null) {
    const only = estimateStratum(table.lists, table.strata[0]!.counts, null, settings);
    return {
      ...common,
      observed: only.observed,
      estimate: only.estimate,
      ci95: only.ci95,
      interval: only.interval,
      selected: only.selected,
      models: only.models,
      modelCounts: only.modelCounts,
      search: only.search,
      unidentifiableTerms: only.unidentifiableTerms,
      posterior: only.posterior,
      diagnostics: only.diagnostics,
      ...(only.graphs ? { graphs: only.graphs } : {}),
      total: {
        observed: only.observed,
        estimate: only.estimate,
        ci95: only.ci95,
        interval: only.interval,
        posterior: only.posterior,
      },
      warnings: only.warnings,
    };
  }

  const strata = table.strata.map((stratum, index) =>
    estimateStratum(
      table.lists,
      stratum.counts,
      stratum.name,
      { ...settings, seed: stratumSeed(settings.seed, index) },
      { withDraws: settings.withInterval },
    ),
  );
  const observed = strata.reduce((sum, stratum) => sum + stratum.observed, 0);
  const warnings = [
    `estimated separately in ${strata.length} strata and summed; the total's interval comes from ${bayesian ? 'summed posterior draws' : 'summed bootstrap replicates'} (strata independent)`,
    ...strata.flatMap((stratum) => stratum.warnings),
  ];
  const total = combineStrata(strata, observed, bayesian, settings.withInterval, warnings);
  const modelCounts: ModelCounts = { fitted: 0, converged: 0, failed: 0, kept: 0 };
  for (const stratum of strata) {
    modelCounts.fitted += stratum.modelCounts.fitted;
    modelCounts.converged += stratum.modelCounts.converged;
    modelCounts.failed += stratum.modelCounts.failed;
  }
  return {
    ...common,
    observed,
    estimate: total.estimate,
    ci95: total.ci95,
    interval: total.interval,
    selected: null,
    models: [],
    modelCounts,
    search: 'per stratum',
    unidentifiableTerms: [],
    posterior: total.posterior,
    diagnostics: null,
    strata,
    total,
    warnings,
  };
}

function combineStrata(
  strata: readonly StratumEstimate[],
  observed: number,
  bayesian: boolean,
  withInterval: boolean,
  warnings: string[],
): TotalEstimate {
  const total: TotalEstimate = { observed, estimate: null, ci95: null, interval: null, posterior: null };
  const missing = strata.filter((stratum) => stratum.estimate === null).map((stratum) => stratum.stratum);
  if (missing.length > 0) {
    warnings.push(
      `no total: stratum ${missing.map((name) => `'${name}'`).join(', ')} cannot be estimated; merge it with a neighbouring stratum or estimate without strata`,
    );
    return total;
  }
  const pointSum = strata.reduce((sum, stratum) => sum + stratum.estimate!, 0);
  const draws = sumDraws(strata);
  if (bayesian) {
    if (!draws) {
      warnings.push('no total: the strata have posterior samples of different lengths');
      return total;
    }
    const posterior = summarisePosterior(draws);
    total.posterior = posterior;
    total.estimate = posterior.median;
    total.ci95 = [posterior.lower, posterior.upper];
    total.interval = 'posterior of the sum (summed posterior draws)';
    return total;
  }
  total.estimate = pointSum;
  if (!withInterval) return total;
  if (draws) {
    const sorted = Array.from(draws).sort((a, b) => a - b);
    const lower = Math.max(observed, quantile(sorted, 0.025));
    const upper = quantile(sorted, 0.975);
    if (Number.isFinite(upper) && lower <= pointSum && pointSum <= upper) {
      total.ci95 = [lower, upper];
      total.interval = 'parametric bootstrap of the sum';
      return total;
    }
  }
  if (strata.every((stratum) => stratum.ci95 !== null)) {
    let below = 0;
    let above = 0;
    for (const stratum of strata) {
      below += (stratum.estimate! - stratum.ci95![0]) ** 2;
      above += (stratum.ci95![1] - stratum.estimate!) ** 2;
    }
    total.ci95 = [Math.max(observed, pointSum - Math.sqrt(below)), pointSum + Math.sqrt(above)];
    total.interval = 'sum of strata (quadrature of half-widths)';
    warnings.push(
      "the bootstrap of the strata's sum has no finite upper bound; the total's interval combines the strata's intervals in quadrature instead (normal approximation)",
    );
  } else {
    warnings.push('no interval for the total: at least one stratum has none');
  }
  return total;
}

/** The strata's draws summed index by index, or null when a stratum has none or lengths differ. */
function sumDraws(strata: readonly StratumEstimate[]): Float64Array | null {
  const first = strata[0]?.draws;
  if (!first || strata.some((stratum) => stratum.draws?.length !== first.length)) return null;
  const sum = new Float64Array(first.length);
  for (const stratum of strata) {
    const draws = stratum.draws!;
    for (let i = 0; i < sum.length; i += 1) sum[i]! += draws[i]!;
  }
  return sum;
}
