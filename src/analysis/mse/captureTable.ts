/**
 * The capture table that multiple systems estimation works on: for k lists, one count per capture
 * pattern. A pattern is a bit mask over the lists (bit i set = the person is on list i, list 0 is the
 * lowest bit), so the 2^k cells are indexed 0 … 2^k − 1 and cell 0 is the unobserved "on no list"
 * cell whose size MSE predicts. Interaction terms of the log-linear model are masks too (A:B is the
 * mask with the bits of A and B), which lets the fitting code use subset/superset sums instead of a
 * dense design matrix (see fitPoissonLogLinear.ts).
 */

export interface CaptureStratum {
  /** null when the input has no stratum column. */
  name: string | null;
  /** Length 2^k; counts[0] is always 0 (nobody is observed on no list). */
  counts: Float64Array;
}

export interface CaptureTable {
  lists: string[];
  strata: CaptureStratum[];
}

export function bitCount(mask: number): number {
  let count = 0;
  let rest = mask;
  while (rest !== 0) {
    rest &= rest - 1;
    count += 1;
  }
  return count;
}

/** `A:B` for the mask of lists A and B, in list order (R's formula notation). */
export function termName(mask: number, lists: readonly string[]): string {
  const names: string[] = [];
  for (let i = 0; i < lists.length; i += 1) if (mask & (1 << i)) names.push(lists[i]!);
  return names.join(':');
}

export function observedTotal(counts: Float64Array): number {
  let total = 0;
  for (let cell = 1; cell < counts.length; cell += 1) total += counts[cell]!;
  return total;
}

/**
 * Sum over every cell that contains the term: the term's margin. A term with a zero margin (two
 * lists that share nobody) has its maximum-likelihood parameter at −∞, so no model carrying it is
 * identifiable (Bishop, Fienberg & Holland 1975, §5.1; SparseMSE's checkident does the same test).
 */
export function termMargin(counts: Float64Array, term: number): number {
  let margin = 0;
  for (let cell = 1; cell < counts.length; cell += 1) if ((cell & term) === term) margin += counts[cell]!;
  return margin;
}

/** The sum of several strata's tables, for the pooled view. */
export function poolStrata(table: CaptureTable): Float64Array {
  const pooled = new Float64Array(1 << table.lists.length);
  for (const stratum of table.strata) {
    for (let cell = 1; cell < pooled.length; cell += 1) pooled[cell]! += stratum.counts[cell]!;
  }
  return pooled;
}
