/**
 * `attest estimate`: multiple systems estimation of the total number of victims from overlapping
 * lists (docs/analysis.md). Reads the CSV, hands the pure analysis its text, prints either
 * one JSON document, JSON lines (--all-models) or a readable summary. Methods are in
 * docs/analysis.md.
 */
import { estimatePopulation } from '../../analysis/mse/estimatePopulation.ts';
import {
  ESTIMATION_MODELS,
  type EstimateOptions,
  type EstimationModel,
  type McmcDiagnostics,
  type ModelSummary,
  type PopulationEstimate,
  type PosteriorSummary,
  type StratumEstimate,
} from '../../analysis/mse/estimateTypes.ts';
import { parseListsCsv } from '../../analysis/mse/parseListsCsv.ts';
import { InvalidInput, UsageError } from '../../core/errors.ts';
import { type Command, type CommandIo, type ParsedArgs, stringOption, writeJson } from '../command.ts';
import { readInputText } from '../readInput.ts';

const SHOWN_MODELS = 15;

const FORMATS = `Input (CSV, header row required; details in docs/analysis.md):
  aggregated   one 0/1 column per list and a 'count' column, one row per capture pattern:
                 A,B,C,count
                 1,0,0,120
                 1,1,0,14
  individual   one 0/1 column per list, one row per person after record linkage, and an
               optional 'id' column (must be unique):
                 id,A,B,C
                 p1,1,0,1
  Either form may add a stratum column ('stratum', or the one --stratify names); each stratum is
  estimated separately and the total's interval comes from summed draws. The pattern with every
  list 0 is what is estimated and must not appear.

Output: --json prints one document (lists, observed, estimate, ci95, selected, models, ..., model,
method, modelCounts, posterior, diagnostics, strata, total, warnings); --all-models prints JSON
lines instead, one {"kind":"model",...} per log-linear model fitted, then {"kind":"result",...}.
Log-linear models (auto, independence) report a 95% confidence interval; lcmcr and dga report the
posterior median as the estimate and a 95% credible interval.`;

export const estimateCommand: Command = {
  name: 'estimate',
  summary: 'multiple systems estimation of the total number of victims',
  usage:
    '[--model auto|independence|lcmcr|dga] [--criterion aic|bic] [--max-order K] [--stratify COLUMN] [--seed N] [--all-models] <lists.csv|->',
  options: {
    model: {
      type: 'string',
      description:
        'auto (default: log-linear, select by --criterion), independence, lcmcr (Bayesian latent classes) or dga (Bayesian model averaging)',
    },
    criterion: { type: 'string', description: 'aic (default) or bic (log of the number observed)' },
    'max-order': {
      type: 'string',
      description: 'highest interaction order K (default 2; never the k-way term)',
    },
    stratify: {
      type: 'string',
      description: "column holding strata, estimated separately and summed (default 'stratum')",
    },
    stratum: { type: 'string', description: 'the same as --stratify (older name)' },
    seed: { type: 'string', description: 'seed of every random draw, 0 … 4294967295 (default 20131129)' },
    'burn-in': { type: 'string', description: 'lcmcr: sweeps discarded per chain (default 10000)' },
    samples: { type: 'string', description: 'lcmcr: draws kept per chain (default 1000)' },
    thinning: { type: 'string', description: 'lcmcr: sweeps per kept draw (default 10)' },
    chains: { type: 'string', description: 'lcmcr: independent chains (default 4)' },
    'max-classes': { type: 'string', description: 'lcmcr: latent classes K* (default 10)' },
    'keep-models': {
      type: 'string',
      description: 'log-linear: best models kept in the output (default 50; all are counted)',
    },
    'all-models': {
      type: 'boolean',
      description: 'log-linear: stream every model fitted as JSON lines, then the result',
    },
  },
  details: FORMATS,
  async run(args: ParsedArgs, io: CommandIo): Promise<number> {
    const settings = readSettings(args);
    const [path, ...extra] = args.positionals;
    if (!path) throw new UsageError('estimate needs a CSV file of lists (or - for stdin)');
    if (extra.length > 0) throw new UsageError('estimate takes one CSV file');
    const { label, text } = await readInputText(path, io);
    let table: ReturnType<typeof parseListsCsv>;
    try {
      table = parseListsCsv(text, settings.stratify ? { stratumColumn: settings.stratify } : {});
    } catch (error) {
      if (error instanceof InvalidInput) throw new InvalidInput(`${label} ${error.field}`, error.reason);
      throw error;
    }
    const allModels = args.values['all-models'] === true;
    const result = estimatePopulation(table, {
      ...settings.options,
      ...(allModels
        ? {
            onModel: (model: ModelSummary, stratum: string | null) =>
              io.stdout.write(`${JSON.stringify({ kind: 'model', stratum, ...modelJson(model, true) })}\n`),
          }
        : {}),
    });
    if (allModels) {
      io.stdout.write(`${JSON.stringify({ kind: 'result', ...toJson(result, table.form) })}\n`);
      for (const warning of result.warnings) io.stderr.write(`attest: warning: ${warning}\n`);
    } else if (args.values.json) {
      writeJson(io, toJson(result, table.form));
      for (const warning of result.warnings) io.stderr.write(`attest: warning: ${warning}\n`);
    } else {
      io.stdout.write(renderHuman(result));
    }
    return 0;
  },
};

interface Settings {
  options: Partial<EstimateOptions>;
  stratify: string | undefined;
}

function wholeNumber(args: ParsedArgs, name: string, low: number, high: number): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < low || Number(text) > high) {
    throw new UsageError(`--${name} must be a whole number from ${low} to ${high}`);
  }
  return Number(text);
}

function isModel(value: string): value is EstimationModel {
  return (ESTIMATION_MODELS as readonly string[]).includes(value);
}

function readSettings(args: ParsedArgs): Settings {
  const model = stringOption(args, 'model') ?? 'auto';
  if (!isModel(model)) throw new UsageError(`--model must be ${ESTIMATION_MODELS.join(', ')}`);
  const criterion = stringOption(args, 'criterion') ?? 'aic';
  if (criterion !== 'aic' && criterion !== 'bic') throw new UsageError('--criterion must be aic or bic');
  const stratify = stringOption(args, 'stratify');
  const stratum = stringOption(args, 'stratum');
  if (stratify !== undefined && stratum !== undefined && stratify !== stratum) {
    throw new UsageError('--stratify and --stratum name the same thing; give one');
  }
  const bayesianOnly = ['burn-in', 'samples', 'thinning', 'chains', 'max-classes'].filter(
    (name) => args.values[name] !== undefined,
  );
  if (model !== 'lcmcr' && bayesianOnly.length > 0) {
    throw new UsageError(`--${bayesianOnly[0]} applies to --model lcmcr only`);
  }
  const logLinearOnly = ['criterion', 'max-order', 'keep-models', 'all-models'].filter(
    (name) => args.values[name] !== undefined,
  );
  if ((model === 'lcmcr' || model === 'dga') && logLinearOnly.length > 0) {
    throw new UsageError(`--${logLinearOnly[0]} applies to the log-linear models (auto, independence) only`);
  }
  const options: Partial<EstimateOptions> = {
    model,
    criterion,
    maxOrder: wholeNumber(args, 'max-order', 1, 15) ?? 2,
  };
  const numbers: Array<[keyof EstimateOptions, string, number, number]> = [
    ['seed', 'seed', 0, 4_294_967_295],
    ['burnIn', 'burn-in', 0, 10_000_000],
    ['samples', 'samples', 10, 1_000_000],
    ['thinning', 'thinning', 1, 100_000],
    ['chains', 'chains', 1, 16],
    ['maxClasses', 'max-classes', 2, 50],
    ['keepModels', 'keep-models', 1, 1_000_000],
  ];
  const values: Record<string, number> = {};
  for (const [key, name, low, high] of numbers) {
    const value = wholeNumber(args, name, low, high);
    if (value !== undefined) values[key] = value;
  }
  return { options: { ...options, ...values }, stratify: stratify ?? stratum };
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function modelJson(model: ModelSummary, withStatus = false) {
  return {
    terms: model.terms,
    estimate: round(model.estimate, 2),
    aic: round(model.aic, 3),
    bic: round(model.bic, 3),
    deviance: round(model.deviance, 3),
    df: model.df,
    ...(model.status === 'converged' && !withStatus ? {} : { status: model.status }),
  };
}

const interval = (ci: [number, number] | null) => (ci ? [round(ci[0], 2), round(ci[1], 2)] : null);

function posteriorJson(posterior: PosteriorSummary | null) {
  return posterior
    ? {
        median: round(posterior.median, 2),
        mean: round(posterior.mean, 2),
        lower: round(posterior.lower, 2),
        upper: round(posterior.upper, 2),
        draws: posterior.draws,
      }
    : null;
}

function diagnosticsJson(diagnostics: McmcDiagnostics | null) {
  return diagnostics
    ? {
        ...diagnostics,
        ...(diagnostics.occupiedClasses === undefined
          ? {}
          : { occupiedClasses: round(diagnostics.occupiedClasses, 2) }),
        effectiveSampleSize: round(diagnostics.effectiveSampleSize, 1),
        splitRHat: round(diagnostics.splitRHat, 4),
        geweke: diagnostics.geweke.map((z) => round(z, 3)),
      }
    : null;
}

function graphsJson(graphs: StratumEstimate['graphs']) {
  return graphs
    ? { graphs: graphs.map((g) => ({ edges: g.edges, probability: round(g.probability, 4) })) }
    : {};
}

/** The contract's fields first, in its order, then ours. */
function toJson(result: PopulationEstimate, form: string) {
  return {
    lists: result.lists,
    observed: result.observed,
    estimate: result.estimate === null ? null : round(result.estimate, 2),
    ci95: interval(result.ci95),
    selected: result.selected ? modelJson(result.selected) : null,
    models: result.models.map((model) => modelJson(model)),
    interval: result.interval,
    criterion: result.criterion,
    maxOrder: result.maxOrder,
    search: result.search,
    form,
    unidentifiableTerms: result.unidentifiableTerms,
    model: result.model,
    method: result.method,
    modelCounts: result.modelCounts,
    posterior: posteriorJson(result.posterior),
    diagnostics: diagnosticsJson(result.diagnostics),
    ...graphsJson(result.graphs),
    ...(result.strata
      ? {
          strata: result.strata.map((stratum) => ({
            stratum: stratum.stratum,
            observed: stratum.observed,
            estimate: stratum.estimate === null ? null : round(stratum.estimate, 2),
            ci95: interval(stratum.ci95),
            interval: stratum.interval,
            selected: stratum.selected ? modelJson(stratum.selected) : null,
            models: stratum.models.map((model) => modelJson(model)),
            modelCounts: stratum.modelCounts,
            search: stratum.search,
            unidentifiableTerms: stratum.unidentifiableTerms,
            posterior: posteriorJson(stratum.posterior),
            diagnostics: diagnosticsJson(stratum.diagnostics),
            ...graphsJson(stratum.graphs),
          })),
        }
      : {}),
    total: {
      observed: result.total.observed,
      estimate: result.total.estimate === null ? null : round(result.total.estimate, 2),
      ci95: interval(result.total.ci95),
      interval: result.total.interval,
      posterior: posteriorJson(result.total.posterior),
    },
    warnings: result.warnings,
  };
}

const number = (value: number) => Math.round(value).toLocaleString('en');

function bayesianLines(block: StratumEstimate | PopulationEstimate, indent: string): string[] {
  const out: string[] = [];
  if (block.posterior) {
    out.push(
      `${indent}Posterior: median ${number(block.posterior.median)}, mean ${number(block.posterior.mean)}, 95% credible interval ${number(block.posterior.lower)} – ${number(block.posterior.upper)} (${block.posterior.draws} draws)`,
    );
  }
  const d = block.diagnostics;
  if (d) {
    out.push(
      `${indent}Chains: ${d.chains} × ${d.samplesPerChain} draws (burn-in ${d.burnIn}, thinning ${d.thinning}, seed ${d.seed}); split-R̂ ${d.splitRHat.toFixed(3)}, effective sample size ${Math.round(d.effectiveSampleSize)}${d.converged ? '' : ' — NOT CONVERGED'}`,
    );
  }
  if (block.graphs) {
    for (const graph of block.graphs.slice(0, 5)) {
      out.push(
        `${indent}  ${(graph.probability * 100).toFixed(1).padStart(5)}%  ${graph.edges.join(' + ') || '(independence)'}`,
      );
    }
  }
  return out;
}

function modelTable(block: StratumEstimate | PopulationEstimate): string[] {
  const out = [
    `  ${'estimate'.padStart(10)} ${'AIC'.padStart(9)} ${'BIC'.padStart(9)} ${'deviance'.padStart(9)} ${'df'.padStart(3)}  interactions`,
  ];
  for (const [index, model] of block.models.slice(0, SHOWN_MODELS).entries()) {
    const interactions = model.terms.filter((term) => term.includes(':')).join(' + ') || '(independence)';
    const flag = model.status === 'converged' ? '' : ` [${model.status}]`;
    out.push(
      `${index === 0 && block.selected ? '*' : ' '} ${number(model.estimate).padStart(10)} ${model.aic.toFixed(2).padStart(9)} ${model.bic.toFixed(2).padStart(9)} ${model.deviance.toFixed(2).padStart(9)} ${String(model.df).padStart(3)}  ${interactions}${flag}`,
    );
  }
  const more = block.modelCounts.fitted - Math.min(SHOWN_MODELS, block.models.length);
  if (more > 0)
    out.push(`  … ${more} more (--json keeps the best ${block.models.length}; --all-models lists every one)`);
  if (block.unidentifiableTerms.length > 0) {
    out.push(
      `  Not identifiable: ${block.unidentifiableTerms.map((term) => `${term.term} (${term.reason})`).join('; ')}`,
    );
  }
  return out;
}

function renderHuman(result: PopulationEstimate): string {
  const out: string[] = [];
  const bayesian = result.model === 'lcmcr' || result.model === 'dga';
  // A posterior gives a credible interval, a log-linear fit a confidence interval: not the same claim.
  const intervalName = bayesian ? '95% credible interval' : '95% confidence interval';
  out.push(`Lists: ${result.lists.join(', ')}`);
  out.push(`Method: ${result.method}`);
  out.push(`Observed (on at least one list): ${number(result.observed)}`);
  if (result.estimate === null) out.push('Estimated total: none (see warnings)');
  else {
    const ci = result.ci95
      ? `, ${intervalName} ${number(result.ci95[0])} – ${number(result.ci95[1])} (${result.interval})`
      : '';
    out.push(`Estimated total${bayesian ? ' (posterior median)' : ''}: ${number(result.estimate)}${ci}`);
  }
  if (result.strata) {
    for (const stratum of result.strata) {
      out.push('');
      const estimate = stratum.estimate === null ? 'not estimable' : number(stratum.estimate);
      const ci = stratum.ci95
        ? ` (${intervalName} ${number(stratum.ci95[0])} – ${number(stratum.ci95[1])})`
        : '';
      out.push(
        `Stratum '${stratum.stratum}': observed ${number(stratum.observed)}, estimate ${estimate}${ci}`,
      );
      out.push(...(bayesian ? bayesianLines(stratum, '  ') : modelTable(stratum)));
    }
  } else {
    out.push('');
    if (bayesian) out.push(...bayesianLines(result, ''));
    else {
      out.push(
        `Models (${result.modelCounts.fitted} fitted, best ${result.criterion.toUpperCase()} first; * = selected):`,
      );
      out.push(...modelTable(result));
    }
  }
  if (result.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const warning of result.warnings) out.push(`  - ${warning}`);
  }
  return `${out.join('\n')}\n`;
}
