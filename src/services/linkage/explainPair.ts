/**
 * Why the model scored a pair as it did, field by field: the waterfall a reviewer reads (prior log
 * odds, then each compared field's weight, then the final probability), in the spirit of Splink's
 * waterfall charts. The figures come from the engine's own `explainPair` (term-frequency adjusted,
 * scored by the same functions as the linkage), so the bars add up to the probability that decided
 * the pair; this module only keeps what a stored run needs.
 */

import { explainPair } from '../../analysis/linkage/explainPair.ts';
import type { LinkResult } from '../../analysis/linkage/linkRecords.ts';

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

/** For a result just made by `linkRecords` in this process (the engine keeps its model aside). */
export function explainerFor(result: LinkResult): ExplainPair {
  return (a, b) => {
    const explained = explainPair(result, a, b);
    return {
      priorLogOdds: explained.priorWeight,
      contributions: explained.fields.map(({ field, level, weight }) => ({ field, level, weight })),
      weight: explained.weight,
      probability: explained.probability,
    };
  };
}
