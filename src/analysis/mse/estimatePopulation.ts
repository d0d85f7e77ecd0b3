/**
 * The whole estimate for a capture table, stratified or not.
 *
 * Strata (region, period, sex…) are estimated separately and summed, because capture
 * probabilities that differ between strata bias a pooled estimate (heterogeneity; Sekar & Deming
 * 1949, Ball et al. 2002 for Kosovo). Each stratum gets its own model search. The combined 95%
 * interval adds the strata's half-widths in quadrature, separately on each side:
 *   lower = Σ N̂_s − √Σ (N̂_s − L_s)²,  upper = Σ N̂_s + √Σ (U_s − N̂_s)²,
 * a normal approximation that assumes independent strata and keeps each side's asymmetry; the
 * lower bound is never below the number observed. If any stratum cannot be estimated the total is
 * null, not a sum that quietly leaves people out.
 */
import type { CaptureTable } from './captureTable.ts';
import { observedTotal, poolStrata } from './captureTable.ts';
import {
  DEFAULT_OPTIONS,
  type EstimateOptions,
  estimateStratum,
  type ModelSummary,
  type StratumEstimate,
} from './estimateStratum.ts';

export interface PopulationEstimate {
  lists: string[];
  observed: number;
  estimate: number | null;
  ci95: [number, number] | null;
  interval: string | null;
  /** The selected model; null when the estimate is a sum over strata (see `strata`). */
  selected: ModelSummary | null;
  models: ModelSummary[];
  criterion: 'aic' | 'bic';
  maxOrder: number;
  search: StratumEstimate['search'] | 'per stratum';
  unidentifiableTerms: StratumEstimate['unidentifiableTerms'];
  strata?: StratumEstimate[];
  warnings: string[];
}

export function estimatePopulation(
  table: CaptureTable,
  options: Partial<EstimateOptions> = {},
): PopulationEstimate {
  const settings: EstimateOptions = { ...DEFAULT_OPTIONS, ...options };
  const common = { lists: table.lists, criterion: settings.criterion, maxOrder: settings.maxOrder };
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
      search: only.search,
      unidentifiableTerms: only.unidentifiableTerms,
      warnings: only.warnings,
    };
  }

  const strata = table.strata.map((stratum) =>
    estimateStratum(table.lists, stratum.counts, stratum.name, settings),
  );
  const warnings = [
    `estimated separately in ${strata.length} strata and summed; the total's interval combines the strata's intervals (normal approximation, strata independent)`,
    ...strata.flatMap((stratum) => stratum.warnings),
  ];
  const missing = strata.filter((stratum) => stratum.estimate === null).map((stratum) => stratum.stratum);
  let estimate: number | null = null;
  let ci95: [number, number] | null = null;
  if (missing.length > 0) {
    warnings.push(
      `no total: stratum ${missing.map((name) => `'${name}'`).join(', ')} cannot be estimated; merge it with a neighbouring stratum or estimate without strata`,
    );
  } else {
    estimate = strata.reduce((sum, stratum) => sum + stratum.estimate!, 0);
    if (strata.every((stratum) => stratum.ci95 !== null)) {
      let below = 0;
      let above = 0;
      for (const stratum of strata) {
        below += (stratum.estimate! - stratum.ci95![0]) ** 2;
        above += (stratum.ci95![1] - stratum.estimate!) ** 2;
      }
      const observed = observedTotal(poolStrata(table));
      ci95 = [Math.max(observed, estimate - Math.sqrt(below)), estimate + Math.sqrt(above)];
    } else if (settings.withInterval) {
      warnings.push('no interval for the total: at least one stratum has none');
    }
  }
  return {
    ...common,
    observed: strata.reduce((sum, stratum) => sum + stratum.observed, 0),
    estimate,
    ci95,
    interval: ci95 ? 'sum of strata (quadrature of half-widths)' : null,
    selected: null,
    models: [],
    search: 'per stratum',
    unidentifiableTerms: [],
    strata,
    warnings,
  };
}
