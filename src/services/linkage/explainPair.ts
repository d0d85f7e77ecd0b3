/**
 * Why the model scored a pair as it did, field by field: the waterfall a reviewer reads (prior log
 * odds, then each compared field's weight, then the final probability), in the spirit of Splink's
 * waterfall charts.
 *
 * Interim: `src/analysis/linkage/explainPair.ts` (term-frequency adjusted, being written beside the
 * engine) will replace `explainerFor` at merge; the service depends only on the `ExplainPair`
 * shape below. Until then the contribution of a field is its level's weight, log2(m/u), from the
 * run's own parameters, so the bars add up to the engine's score.
 */

import { compareRecords, MISSING, prepareRecords } from '../../analysis/linkage/comparisonVector.ts';
import { matchProbability } from '../../analysis/linkage/fellegiSunter.ts';
import type { LinkInput, LinkResult } from '../../analysis/linkage/linkRecords.ts';

export interface FieldContribution {
  field: string;
  /** The agreement level (exact, phonetic, …), or null when a side is missing (weight 0). */
  level: string | null;
  weight: number;
}

export interface PairExplanation {
  /** log2 of the prior odds of a match: where the waterfall starts. */
  priorLogOdds: number;
  contributions: FieldContribution[];
  /** The sum of the contributions (the pair's match weight). */
  weight: number;
  probability: number;
}

/** Explains the pair of records at positions a and b of the input. */
export type ExplainPair = (a: number, b: number) => PairExplanation;

export function explainerFor(input: LinkInput, result: LinkResult): ExplainPair {
  const schema = prepareRecords(
    input.columns,
    input.roles,
    input.records.map((record) => record.values),
  );
  const fields = result.parameters.fields;
  // The engine compares at most its first fields (MAX_FIELDS): explain exactly those.
  schema.fields.length = Math.min(schema.fields.length, fields.length);
  const prior = result.parameters.prior;
  const priorLogOdds = round(Math.log2(prior / (1 - prior)));
  const levels = new Uint8Array(schema.fields.length);
  return (a, b) => {
    compareRecords(schema, a, b, levels);
    const contributions = fields.map((field, f): FieldContribution => {
      const level = levels[f]!;
      if (level === MISSING) return { field: field.name, level: null, weight: 0 };
      const entry = field.levels[level]!;
      return { field: field.name, level: entry.level, weight: entry.weight };
    });
    const weight = round(contributions.reduce((sum, c) => sum + c.weight, 0));
    return { priorLogOdds, contributions, weight, probability: round(matchProbability(weight, prior)) };
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
