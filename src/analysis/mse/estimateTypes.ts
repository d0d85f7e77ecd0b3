/**
 * The options and result shapes of `estimatePopulation(table, options)`, the one entry point of
 * multiple systems estimation (CLI `attest estimate` and the web estimation page call it alike).
 * Kept in their own module so that callers can import the types without the engines.
 */

/**
 * - `auto`: log-linear models, every hierarchical model searched and one selected by AIC/BIC;
 * - `independence`: the log-linear main-effects model only;
 * - `lcmcr`: the Bayesian non-parametric latent-class model of Manrique-Vallier (2016);
 * - `dga`: Bayesian model averaging over decomposable graphical models (Madigan & York 1997).
 */
export type EstimationModel = 'auto' | 'independence' | 'lcmcr' | 'dga';

export const ESTIMATION_MODELS: readonly EstimationModel[] = ['auto', 'independence', 'lcmcr', 'dga'];

export interface EstimateOptions {
  model: EstimationModel;
  criterion: 'aic' | 'bic';
  /** Highest interaction order allowed (default 2); the k-way term is never used. */
  maxOrder: number;
  /** Largest model space searched exhaustively. */
  exhaustiveLimit: number;
  /** Skip intervals (the model search benchmark measures the search alone). */
  withInterval: boolean;
  /** Log-linear search: how many of the best models are kept in `models` (the rest are only counted). */
  keepModels: number;
  /** Log-linear search: called once for every model fitted, in search order (`--all-models` streams them). */
  onModel?: (model: ModelSummary, stratum: string | null) => void;
  /** Seed of every random draw (LCMCR and dga samplers, bootstrap intervals): same seed, same figures. */
  seed: number;
  /** LCMCR: truncation K* of the stick-breaking latent classes (default 10). */
  maxClasses: number;
  /** LCMCR: iterations discarded per chain before sampling (default 10,000). */
  burnIn: number;
  /** LCMCR: draws kept per chain (default 1,000). */
  samples: number;
  /** LCMCR: iterations per kept draw (default 10). */
  thinning: number;
  /** LCMCR: independent chains, each seeded from `seed` (default 4; split-R̂ needs at least 1). */
  chains: number;
  /** LCMCR: Gamma(shape, rate) prior of the stick-breaking concentration α (package default 0.25, 0.25). */
  alphaPrior: [number, number];
  /** dga: Dirichlet hyper-parameter of every cell of the completed table (dga's δ, default 2^-k). */
  dgaDelta?: number;
}

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

/** What the log-linear search did, counted over every model it fitted (only the best few are kept). */
export interface ModelCounts {
  fitted: number;
  converged: number;
  /** Fitted but not selectable: boundary, not converged or singular. */
  failed: number;
  /** Length of `models`. */
  kept: number;
}

/** Posterior of the total N (Bayesian models): median, mean and the equal-tailed 95% credible interval. */
export interface PosteriorSummary {
  median: number;
  mean: number;
  lower: number;
  upper: number;
  /** Number of posterior draws summarised. */
  draws: number;
}

/** Convergence diagnostics of an MCMC run (on the draws of N). */
export interface McmcDiagnostics {
  seed: number;
  chains: number;
  burnIn: number;
  thinning: number;
  samplesPerChain: number;
  /** LCMCR truncation K*. */
  maxClasses?: number;
  /** Mean number of occupied latent classes over the kept draws (LCMCR). */
  occupiedClasses?: number;
  /** Effective sample size of N over all chains (Geyer's initial monotone sequence). */
  effectiveSampleSize: number;
  /** Split-R̂ of log N over the chains (Gelman et al. 2013); ≤ 1.05 is read as converged. */
  splitRHat: number;
  /** Geweke z-score of log N per chain (first 10% against last 50%). */
  geweke: number[];
  converged: boolean;
}

export interface StratumEstimate {
  stratum: string | null;
  model: EstimationModel;
  observed: number;
  /** Log-linear: the selected model's N̂; Bayesian: the posterior median. */
  estimate: number | null;
  ci95: [number, number] | null;
  /** How ci95 was obtained. */
  interval: 'profile likelihood' | 'parametric bootstrap' | 'posterior' | null;
  selected: ModelSummary | null;
  /** The best `keepModels` models fitted, best first by the criterion (log-linear only). */
  models: ModelSummary[];
  modelCounts: ModelCounts;
  search: 'independence' | 'exhaustive' | 'stepwise' | 'mcmc' | 'all decomposable graphs';
  /** Interactions left out of every model because the data cannot identify them. */
  unidentifiableTerms: Array<{ term: string; reason: string }>;
  posterior: PosteriorSummary | null;
  diagnostics: McmcDiagnostics | null;
  /** dga: the most probable decomposable graphs (edges as 'A:B') with their posterior probabilities. */
  graphs?: GraphWeight[];
  /**
   * Draws of N used to combine strata: posterior draws (Bayesian) or parametric-bootstrap
   * replicates of the selected log-linear model; not printed.
   */
  draws: Float64Array | null;
  warnings: string[];
}

export interface GraphWeight {
  edges: string[];
  probability: number;
}

/**
 * One stratum by one method (LCMCR, dga): fills `base` (already checked: every list records
 * someone) and returns it. `where` names the stratum in warnings (' in stratum …' or '').
 */
export type StratumMethod = (
  lists: readonly string[],
  counts: Float64Array,
  base: StratumEstimate,
  options: EstimateOptions,
  where: string,
) => StratumEstimate;

/** The combined figure: the single table's estimate, or the sum over strata. */
export interface TotalEstimate {
  observed: number;
  estimate: number | null;
  ci95: [number, number] | null;
  /** How the total's interval was obtained. */
  interval: string | null;
  posterior: PosteriorSummary | null;
}

export interface PopulationEstimate {
  lists: string[];
  model: EstimationModel;
  /** A readable name of the method, e.g. 'log-linear, AIC selection' or 'LCMCR (Manrique-Vallier 2016)'. */
  method: string;
  observed: number;
  estimate: number | null;
  ci95: [number, number] | null;
  interval: string | null;
  /** The selected model; null when the estimate is a sum over strata (see `strata`) or Bayesian. */
  selected: ModelSummary | null;
  models: ModelSummary[];
  modelCounts: ModelCounts;
  criterion: 'aic' | 'bic';
  maxOrder: number;
  search: StratumEstimate['search'] | 'per stratum';
  unidentifiableTerms: StratumEstimate['unidentifiableTerms'];
  posterior: PosteriorSummary | null;
  diagnostics: McmcDiagnostics | null;
  graphs?: GraphWeight[];
  strata?: StratumEstimate[];
  total: TotalEstimate;
  warnings: string[];
}
