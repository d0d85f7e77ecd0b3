/**
 * Multiple systems estimation for one capture table (one stratum), by the method the options name:
 * the log-linear model search (`auto`, `independence`), LCMCR (`lcmcr`, lcmcrStratum.ts) or
 * Bayesian model averaging over decomposable graphs (`dga`, dga.ts).
 *
 * Log-linear search: every hierarchical model with interactions up to order K whose terms are
 * identifiable, when there are at most `exhaustiveLimit` of them (all 32,768 two-way models of six
 * lists); beyond that a stepwise search by the same criterion from the independence model (adding or
 * dropping one term at a time, as SparseMSE's stepwise method does, but judged by AIC/BIC rather
 * than a p-value threshold), and a warning says so. Models whose fit ends on the boundary of the
 * parameter space or does not converge are counted with their status but never selected: their
 * missing-cell prediction is not a maximum-likelihood estimate. Only the best `keepModels` models
 * are kept (with counts of all those fitted); `onModel` sees every one as it is fitted.
 */

import { bootstrapInterval } from './bootstrapInterval.ts';
import { bitCount, observedTotal, termMargin, termName } from './captureTable.ts';
import { chiSquareUpperTail } from './chiSquare.ts';
import { estimateDga } from './dga.ts';
import type { EstimateOptions, ModelSummary, StratumEstimate } from './estimateTypes.ts';
import { type FittedModel, fitModel, modelTermNames } from './fitModel.ts';
import {
  candidateInteractions,
  countHierarchicalModels,
  forEachHierarchicalModel,
  neighbourModels,
} from './hierarchicalModels.ts';
import { estimateLcmcr } from './lcmcrStratum.ts';
import { profileLikelihoodInterval } from './profileInterval.ts';

export type {
  EstimateOptions,
  EstimationModel,
  ModelCounts,
  ModelSummary,
  StratumEstimate,
} from './estimateTypes.ts';

export const DEFAULT_OPTIONS: EstimateOptions = {
  model: 'auto',
  criterion: 'aic',
  maxOrder: 2,
  exhaustiveLimit: 65_536,
  withInterval: true,
  keepModels: 50,
  seed: 20131129,
  maxClasses: 10,
  burnIn: 10_000,
  samples: 1_000,
  thinning: 10,
  chains: 4,
  alphaPrior: [0.25, 0.25],
};

export interface StratumContext {
  /** Also return draws of N (bootstrap replicates for log-linear models) to combine strata. */
  withDraws: boolean;
}

export function estimateStratum(
  lists: readonly string[],
  counts: Float64Array,
  stratum: string | null,
  options: Partial<EstimateOptions> = {},
  context: StratumContext = { withDraws: false },
): StratumEstimate {
  const settings: EstimateOptions = { ...DEFAULT_OPTIONS, ...options };
  const observed = observedTotal(counts);
  const where = stratum === null ? '' : ` in stratum '${stratum}'`;
  const base: StratumEstimate = {
    stratum,
    model: settings.model,
    observed,
    estimate: null,
    ci95: null,
    interval: null,
    selected: null,
    models: [],
    modelCounts: { fitted: 0, converged: 0, failed: 0, kept: 0 },
    search:
      settings.model === 'independence'
        ? 'independence'
        : settings.model === 'lcmcr'
          ? 'mcmc'
          : settings.model === 'dga'
            ? 'all decomposable graphs'
            : 'exhaustive',
    unidentifiableTerms: [],
    posterior: null,
    diagnostics: null,
    draws: null,
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
  if (settings.model === 'lcmcr') return estimateLcmcr(lists, counts, base, settings, where);
  if (settings.model === 'dga') return estimateDga(lists, counts, base, settings, where);
  return estimateLogLinear(lists, counts, base, settings, where, context);
}

interface Ranked {
  summary: ModelSummary;
  interactions: number[];
  score: number;
}

function estimateLogLinear(
  lists: readonly string[],
  counts: Float64Array,
  base: StratumEstimate,
  options: EstimateOptions,
  where: string,
  context: StratumContext,
): StratumEstimate {
  const k = lists.length;
  const candidates: number[] = [];
  for (const term of options.model === 'independence' ? [] : candidateInteractions(k, options.maxOrder)) {
    if (termMargin(counts, term) > 0) candidates.push(term);
    else {
      const reason = bitCount(term) === 2 ? 'no one is on both lists' : 'no one is on all of these lists';
      base.unidentifiableTerms.push({ term: termName(term, lists), reason });
    }
  }
  // Higher-order terms whose parents were dropped fall out of the hierarchy by themselves.

  const score = (model: FittedModel): number =>
    model.status !== 'converged'
      ? Number.POSITIVE_INFINITY
      : options.criterion === 'aic'
        ? model.aic
        : model.bic;
  // The best models so far, ordered by score then size, ties in the order fitted (a stable sort).
  const kept: Ranked[] = [];
  const keep = Math.max(1, options.keepModels);
  const consider = (model: FittedModel): void => {
    base.modelCounts.fitted += 1;
    if (model.status === 'converged') base.modelCounts.converged += 1;
    else base.modelCounts.failed += 1;
    const summary = summarise(model, k, lists);
    options.onModel?.(summary, base.stratum);
    const entry: Ranked = { summary, interactions: [...model.interactions], score: score(model) };
    const before = (a: Ranked, b: Ranked): boolean =>
      a.score < b.score || (a.score === b.score && a.summary.terms.length < b.summary.terms.length);
    if (kept.length === keep && !before(entry, kept[kept.length - 1]!)) return;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before(entry, kept[middle]!)) high = middle;
      else low = middle + 1;
    }
    kept.splice(low, 0, entry);
    if (kept.length > keep) kept.pop();
  };

  if (options.model === 'independence') {
    consider(fitModel(k, counts, []));
  } else if (countHierarchicalModels(candidates, options.exhaustiveLimit) !== null) {
    forEachHierarchicalModel(candidates, (interactions) => consider(fitModel(k, counts, interactions)));
  } else {
    base.search = 'stepwise';
    base.warnings.push(
      `more than ${options.exhaustiveLimit} candidate models${where}: stepwise search by ${options.criterion.toUpperCase()} from the independence model; the models listed are those visited`,
    );
    const visited = new Map<string, FittedModel>();
    const fitOnce = (interactions: number[]): FittedModel => {
      const key = interactions.join(',');
      let model = visited.get(key);
      if (!model) {
        model = fitModel(k, counts, interactions);
        visited.set(key, model);
        consider(model);
      }
      return model;
    };
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

  base.models = kept.map((entry) => entry.summary);
  base.modelCounts.kept = kept.length;
  const top = kept[0];
  if (top?.summary.status !== 'converged') {
    base.warnings.push(`no model could be fitted${where}: every fit ended on the boundary or failed`);
    return base;
  }
  // Only summaries are kept; the selected model is refitted (one fit) for its interval.
  const chosen = fitModel(k, counts, top.interactions);
  base.selected = top.summary;
  base.estimate = chosen.estimate;
  base.warnings.push(...diagnose(chosen, base.models, options, where));

  if (options.withInterval) {
    const observed = base.observed;
    const profile = profileLikelihoodInterval(k, counts, chosen.terms, chosen.estimate);
    const needBootstrap = !profile.ok || context.withDraws;
    const boot = needBootstrap
      ? bootstrapInterval(k, chosen.fit.mu, chosen.terms, chosen.fit.beta, 999, options.seed)
      : null;
    if (boot && context.withDraws) base.draws = boot.draws;
    if (profile.ok) {
      base.ci95 = [profile.lower, profile.upper];
      base.interval = 'profile likelihood';
    } else if (boot && !Number.isFinite(boot.upper)) {
      base.warnings.push(
        `no 95% interval${where}: the profile likelihood failed (${profile.reason}) and ${boot.failed} of ${boot.replicates} bootstrap refits had no finite estimate, so nothing bounds the total from above (the lists overlap too little); the bootstrap's 2.5% point is ${Math.round(Math.max(observed, boot.lower))}`,
      );
    } else if (boot) {
      base.ci95 = [Math.max(observed, boot.lower), boot.upper];
      base.interval = 'parametric bootstrap';
      base.warnings.push(
        `profile likelihood interval failed${where} (${profile.reason}); 95% interval from a parametric bootstrap of ${boot.replicates} replicates (${boot.failed} refits without a finite estimate counted as unbounded)`,
      );
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
  ranked: readonly ModelSummary[],
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
    const criterion = (model: ModelSummary | FittedModel) =>
      options.criterion === 'aic' ? model.aic : model.bic;
    const best = criterion(chosen);
    const close = ranked.filter((model) => model.status === 'converged' && criterion(model) - best < 2);
    if (close.length > 1) {
      const estimates = close.map((model) => model.estimate);
      const low = Math.min(...estimates);
      const high = Math.max(...estimates);
      if (high > 1.1 * low) {
        const more = close.length === ranked.length && ranked.length >= options.keepModels ? ' or more' : '';
        warnings.push(
          `${close.length}${more} models are within 2 ${options.criterion.toUpperCase()} units of the selected one${where} and estimate between ${Math.round(low)} and ${Math.round(high)}: model uncertainty is not in the interval`,
        );
      }
    }
  }
  return warnings;
}
