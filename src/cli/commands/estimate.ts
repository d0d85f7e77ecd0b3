/**
 * `attest estimate`: multiple systems estimation of the total number of victims from overlapping
 * lists (docs/analysis.md). Reads the CSV, hands the pure analysis its text, prints either
 * one JSON document or a readable table of models. Methods are in docs/analysis.md.
 */
import { estimatePopulation, type PopulationEstimate } from '../../analysis/mse/estimatePopulation.ts';
import type { ModelSummary } from '../../analysis/mse/estimateStratum.ts';
import { parseListsCsv } from '../../analysis/mse/parseListsCsv.ts';
import { InvalidInput, UsageError } from '../../core/errors.ts';
import { type Command, type CommandIo, type ParsedArgs, stringOption, writeJson } from '../command.ts';
import { readInputText } from '../readInput.ts';

const SHOWN_MODELS = 15;

export const estimateCommand: Command = {
  name: 'estimate',
  summary: 'multiple systems estimation of the total number of victims',
  usage: '[--model auto|independence] [--criterion aic|bic] [--max-order K] [--stratum COLUMN] <lists.csv|->',
  options: {
    model: { type: 'string', description: 'auto (default: select by --criterion) or independence' },
    criterion: { type: 'string', description: 'aic (default) or bic (log of the number observed)' },
    'max-order': {
      type: 'string',
      description: 'highest interaction order K (default 2; never the k-way term)',
    },
    stratum: {
      type: 'string',
      description: "column holding strata, estimated separately (default 'stratum')",
    },
  },
  details: `Input: a CSV file (RFC 4180 quoting) with a header row, in one of two forms. Every column
other than count, id and the stratum column is a list, flagged 0 (not on it) or 1 (on it).

Aggregated: one row per observed capture pattern with its number of persons in a count column.
A pattern must appear once (a repeat is an error, not summed); the all-zero pattern is what is
estimated, so it is not given.

  memorial,hrw,un,count
  1,0,0,412
  0,1,0,310
  0,0,1,158
  1,1,0,95
  1,0,1,41
  0,1,1,37
  1,1,1,12

Individual: one row per person after record linkage (attest link: one row per cluster and per
unlinked record), with an optional unique id column. The same person twice is counted twice.

  id,memorial,hrw,un
  P1,1,0,1
  P2,0,1,0

Either form may have a stratum column (--stratum COLUMN, default "stratum"): strata are
estimated separately and summed. Methods and how to read the interval: docs/analysis.md.`,
  async run(args: ParsedArgs, io: CommandIo): Promise<number> {
    const settings = readSettings(args);
    const [path, ...extra] = args.positionals;
    if (!path) throw new UsageError('estimate needs a CSV file of lists (or - for stdin)');
    if (extra.length > 0) throw new UsageError('estimate takes one CSV file');
    const { label, text } = await readInputText(path, io);
    let table: ReturnType<typeof parseListsCsv>;
    try {
      table = parseListsCsv(text, settings.stratum ? { stratumColumn: settings.stratum } : {});
    } catch (error) {
      if (error instanceof InvalidInput) throw new InvalidInput(`${label} ${error.field}`, error.reason);
      throw error;
    }
    const result = estimatePopulation(table, {
      model: settings.model,
      criterion: settings.criterion,
      maxOrder: settings.maxOrder,
    });
    if (args.values.json) {
      writeJson(io, toJson(result, table.form));
      for (const warning of result.warnings) io.stderr.write(`attest: warning: ${warning}\n`);
    } else {
      io.stdout.write(renderHuman(result));
    }
    return 0;
  },
};

interface Settings {
  model: 'auto' | 'independence';
  criterion: 'aic' | 'bic';
  maxOrder: number;
  stratum: string | undefined;
}

function readSettings(args: ParsedArgs): Settings {
  const model = stringOption(args, 'model') ?? 'auto';
  if (model !== 'auto' && model !== 'independence')
    throw new UsageError('--model must be auto or independence');
  const criterion = stringOption(args, 'criterion') ?? 'aic';
  if (criterion !== 'aic' && criterion !== 'bic') throw new UsageError('--criterion must be aic or bic');
  const orderText = stringOption(args, 'max-order') ?? '2';
  if (!/^\d+$/.test(orderText) || Number(orderText) < 1 || Number(orderText) > 15) {
    throw new UsageError('--max-order must be a whole number from 1 to 15');
  }
  return { model, criterion, maxOrder: Number(orderText), stratum: stringOption(args, 'stratum') };
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function modelJson(model: ModelSummary) {
  return {
    terms: model.terms,
    estimate: round(model.estimate, 2),
    aic: round(model.aic, 3),
    bic: round(model.bic, 3),
    deviance: round(model.deviance, 3),
    df: model.df,
    ...(model.status === 'converged' ? {} : { status: model.status }),
  };
}

/** The contract's fields first, in its order, then ours. */
function toJson(result: PopulationEstimate, form: string) {
  const interval = (ci: [number, number] | null) => (ci ? [round(ci[0], 2), round(ci[1], 2)] : null);
  return {
    lists: result.lists,
    observed: result.observed,
    estimate: result.estimate === null ? null : round(result.estimate, 2),
    ci95: interval(result.ci95),
    selected: result.selected ? modelJson(result.selected) : null,
    models: result.models.map(modelJson),
    interval: result.interval,
    criterion: result.criterion,
    maxOrder: result.maxOrder,
    search: result.search,
    form,
    unidentifiableTerms: result.unidentifiableTerms,
    ...(result.strata
      ? {
          strata: result.strata.map((stratum) => ({
            stratum: stratum.stratum,
            observed: stratum.observed,
            estimate: stratum.estimate === null ? null : round(stratum.estimate, 2),
            ci95: interval(stratum.ci95),
            interval: stratum.interval,
            selected: stratum.selected ? modelJson(stratum.selected) : null,
            models: stratum.models.map(modelJson),
            search: stratum.search,
            unidentifiableTerms: stratum.unidentifiableTerms,
          })),
        }
      : {}),
    warnings: result.warnings,
  };
}

function renderHuman(result: PopulationEstimate): string {
  const out: string[] = [];
  const number = (value: number) => Math.round(value).toLocaleString('en');
  out.push(`Lists: ${result.lists.join(', ')}`);
  out.push(`Observed (on at least one list): ${number(result.observed)}`);
  if (result.estimate === null) out.push('Estimated total: none (see warnings)');
  else {
    const ci = result.ci95
      ? `, 95% interval ${number(result.ci95[0])} – ${number(result.ci95[1])} (${result.interval})`
      : '';
    out.push(`Estimated total: ${number(result.estimate)}${ci}`);
  }
  const blocks = result.strata
    ? result.strata.map((stratum) => ({ title: `Stratum '${stratum.stratum}'`, ...stratum }))
    : [{ title: 'Models', ...result }];
  for (const block of blocks) {
    out.push('');
    if (result.strata) {
      const estimate = block.estimate === null ? 'not estimable' : number(block.estimate);
      const ci = block.ci95 ? ` (95% ${number(block.ci95[0])} – ${number(block.ci95[1])})` : '';
      out.push(`${block.title}: observed ${number(block.observed)}, estimate ${estimate}${ci}`);
    } else
      out.push(
        `Models (${block.models.length}, best ${result.criterion.toUpperCase()} first; * = selected):`,
      );
    out.push(
      `  ${'estimate'.padStart(10)} ${'AIC'.padStart(9)} ${'BIC'.padStart(9)} ${'deviance'.padStart(9)} ${'df'.padStart(3)}  interactions`,
    );
    for (const [index, model] of block.models.slice(0, SHOWN_MODELS).entries()) {
      const interactions = model.terms.filter((term) => term.includes(':')).join(' + ') || '(independence)';
      const flag = model.status === 'converged' ? '' : ` [${model.status}]`;
      out.push(
        `${index === 0 && block.selected ? '*' : ' '} ${number(model.estimate).padStart(10)} ${model.aic.toFixed(2).padStart(9)} ${model.bic.toFixed(2).padStart(9)} ${model.deviance.toFixed(2).padStart(9)} ${String(model.df).padStart(3)}  ${interactions}${flag}`,
      );
    }
    if (block.models.length > SHOWN_MODELS)
      out.push(`  … ${block.models.length - SHOWN_MODELS} more (--json lists them all)`);
    if (block.unidentifiableTerms.length > 0) {
      out.push(
        `  Not identifiable: ${block.unidentifiableTerms.map((term) => `${term.term} (${term.reason})`).join('; ')}`,
      );
    }
  }
  if (result.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const warning of result.warnings) out.push(`  - ${warning}`);
  }
  return `${out.join('\n')}\n`;
}
