/**
 * Multiple systems estimation for one capture table (one stratum): identifiability checks, model
 * search, selection and the interval for the selected model.
 *
 * Search: every hierarchical model with interactions up to order K whose terms are identifiable,
 * when there are at most `exhaustiveLimit` of them (all 32,768 two-way models of six lists);
 * beyond that a stepwise search by the same criterion from the independence model (adding or
 * dropping one term at a time, as SparseMSE's stepwise method does, but judged by AIC/BIC rather
 * than a p-value threshold), and a warning says so. Models whose fit ends on the boundary of the
 * parameter space or does not converge are listed with their status but never selected: their
 * missing-cell prediction is not a maximum-likelihood estimate.
 */

import { bootstrapInterval } from './bootstrapInterval.ts';
import { bitCount, observedTotal, termMargin, termName } from './captureTable.ts';
import { chiSquareUpperTail } from './chiSquare.ts';
import { type FittedModel, fitModel, modelTermNames } from './fitModel.ts';
import { candidateInteractions, enumerateHierarchicalModels, neighbourModels } from './hierarchicalModels.ts';
import { profileLikelihoodInterval } from './profileInterval.ts';

export interface EstimateOptions {
  model: 'auto' | 'independence';
  criterion: 'aic' | 'bic';
  /** Highest interaction order allowed (default 2); the k-way term is never used. */
  maxOrder: number;
  /** Largest model space searched exhaustively. */
  exhaustiveLimit: number;
  /** Skip intervals (the model search benchmark measures the search alone). */
  withInterval: boolean;
}

export const DEFAULT_OPTIONS: EstimateOptions = {
  model: 'auto',
  criterion: 'aic',
  maxOrder: 2,
  exhaustiveLimit: 65_536,
  withInterval: true,
};

export interface ModelSummary {
  terms: string[];
  estimate: number;
  aic: number;
  bic: number;
  deviance: number;
  df: number;
  /** 'converged', or why the model cannot be selected ('boundary', 'not_converged', 'singular'). */
  status: string;
}

export interface StratumEstimate {
  stratum: string | null;
  observed: number;
  estimate: number | null;
  ci95: [number, number] | null;
  /** How ci95 was obtained. */
  interval: 'profile likelihood' | 'parametric bootstrap' | null;
  selected: ModelSummary | null;
  /** Every model fitted, best first by the criterion. */
  models: ModelSummary[];
  search: 'independence' | 'exhaustive' | 'stepwise';
  /** Interactions left out of every model because the data cannot identify them. */
  unidentifiableTerms: Array<{ term: string; reason: string }>;
  warnings: string[];
}

export function estimateStratum(
  lists: readonly string[],
  counts: Float64Array,
  stratum: string | null,
  options: EstimateOptions = DEFAULT_OPTIONS,
): StratumEstimate {
  const k = lists.length;
  const observed = observedTotal(counts);
  const where = stratum === null ? '' : ` in stratum '${stratum}'`;
  const base: StratumEstimate = {
    stratum,
    observed,
    estimate: null,
    ci95: null,
    interval: null,
    selected: null,
    models: [],
    search: options.model === 'independence' ? 'independence' : 'exhaustive',
    unidentifiableTerms: [],
    warnings: [],
  };
  const emptyLists = lists.filter((_, i) => termMargin(counts, 1 << i) === 0);
  if (emptyLists.length > 0) {
    base.warnings.push(
      `cannot estimate${where}: list ${emptyLists.join(', ')} records nobody, so its capture probability is zero`,
    );
    return base;
  }
  if (observed === 0) {
    base.warnings.push(`cannot estimate${where}: nobody observed`);
    return base;
  }

  const candidates: number[] = [];
  for (const term of options.model === 'independence' ? [] : candidateInteractions(k, options.maxOrder)) {
    if (termMargin(counts, term) > 0) candidates.push(term);
    else {
      const reason = bitCount(term) === 2 ? 'no one is on both lists' : 'no one is on all of these lists';
      base.unidentifiableTerms.push({ term: termName(term, lists), reason });
    }
  }
  // Higher-order terms whose parents were dropped fall out of the hierarchy by themselves.

  const fitted = new Map<string, FittedModel>();
  const fitOnce = (interactions: number[]): FittedModel => {
    const key = interactions.join(',');
    let model = fitted.get(key);
    if (!model) {
      model = fitModel(k, counts, interactions);
      fitted.set(key, model);
    }
    return model;
  };
  const score = (model: FittedModel): number =>
    model.status !== 'converged'
      ? Number.POSITIVE_INFINITY
      : options.criterion === 'aic'
        ? model.aic
        : model.bic;

  if (options.model === 'independence') {
    fitOnce([]);
  } else {
    const all = enumerateHierarchicalModels(candidates, options.exhaustiveLimit);
    if (all) for (const interactions of all) fitOnce(interactions);
    else {
      base.search = 'stepwise';
      base.warnings.push(
        `more than ${options.exhaustiveLimit} candidate models${where}: stepwise search by ${options.criterion.toUpperCase()} from the independence model; the models listed are those visited`,
      );
      let current = fitOnce([]);
      for (;;) {
        let best = current;
        for (const neighbour of neighbourModels(current.interactions, candidates)) {
          const model = fitOnce(neighbour);
          if (score(model) < score(best)) best = model;
        }
        if (best === current) break;
        current = best;
      }
    }
  }

  const ranked = [...fitted.values()].sort((a, b) => score(a) - score(b) || a.terms.length - b.terms.length);
  base.models = ranked.map((model) => summarise(model, k, lists));
  const chosen = ranked[0];
  if (chosen?.status !== 'converged') {
    base.warnings.push(`no model could be fitted${where}: every fit ended on the boundary or failed`);
    return base;
  }
  base.selected = summarise(chosen, k, lists);
  base.estimate = chosen.estimate;
  base.warnings.push(...diagnose(chosen, ranked, options, where));

  if (options.withInterval) {
    const profile = profileLikelihoodInterval(k, counts, chosen.terms, chosen.estimate);
    if (profile.ok) {
      base.ci95 = [profile.lower, profile.upper];
      base.interval = 'profile likelihood';
    } else {
      const boot = bootstrapInterval(k, chosen.fit.mu, chosen.terms, chosen.fit.beta);
      if (!Number.isFinite(boot.upper)) {
        base.warnings.push(
          `no 95% interval${where}: the profile likelihood failed (${profile.reason}) and ${boot.failed} of ${boot.replicates} bootstrap refits had no finite estimate, so nothing bounds the total from above (the lists overlap too little); the bootstrap's 2.5% point is ${Math.round(Math.max(observed, boot.lower))}`,
        );
      } else {
        base.ci95 = [Math.max(observed, boot.lower), boot.upper];
        base.interval = 'parametric bootstrap';
        base.warnings.push(
          `profile likelihood interval failed${where} (${profile.reason}); 95% interval from a parametric bootstrap of ${boot.replicates} replicates (${boot.failed} refits without a finite estimate counted as unbounded)`,
        );
      }
    }
  }
  return base;
}

function summarise(model: FittedModel, k: number, lists: readonly string[]): ModelSummary {
  return {
    terms: modelTermNames(k, model.interactions, lists),
    estimate: model.estimate,
    aic: model.aic,
    bic: model.bic,
    deviance: model.deviance,
    df: model.df,
    status: model.status,
  };
}

/** Warnings an analyst must see next to the number (never silently wrong). */
function diagnose(
  chosen: FittedModel,
  ranked: FittedModel[],
  options: EstimateOptions,
  where: string,
): string[] {
  const warnings: string[] = [];
  if (chosen.df > 0) {
    const p = chiSquareUpperTail(chosen.deviance, chosen.df);
    if (p < 0.05) {
      warnings.push(
        `the selected model fits poorly${where} (deviance ${chosen.deviance.toFixed(1)} on ${chosen.df} df, p = ${p.toExponential(1)}): lists are likely dependent or capture is heterogeneous in ways the model does not capture; treat the estimate with caution`,
      );
    }
  } else {
    warnings.push(`the selected model${where} has no residual degrees of freedom: its fit cannot be checked`);
  }
  if (options.model === 'auto') {
    const best = options.criterion === 'aic' ? chosen.aic : chosen.bic;
    const close = ranked.filter(
      (model) =>
        model.status === 'converged' && (options.criterion === 'aic' ? model.aic : model.bic) - best < 2,
    );
    if (close.length > 1) {
      const estimates = close.map((model) => model.estimate);
      const low = Math.min(...estimates);
      const high = Math.max(...estimates);
      if (high > 1.1 * low) {
        warnings.push(
          `${close.length} models are within 2 ${options.criterion.toUpperCase()} units of the selected one${where} and estimate between ${Math.round(low)} and ${Math.round(high)}: model uncertainty is not in the interval`,
        );
      }
    }
  }
  return warnings;
}
