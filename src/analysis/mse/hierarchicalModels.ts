/**
 * The model space of multiple systems estimation: hierarchical log-linear models that always hold
 * every main effect and hold interactions of order 2 … K, where a term may appear only if all of
 * its lower-order relatives do (A:B:C needs A:B, A:C and B:C; Bishop, Fienberg & Holland 1975
 * §3.3). The k-way interaction is never a candidate: with the all-zero cell missing it is
 * confounded with the quantity we estimate (Fienberg 1972). A model is a sorted list of
 * interaction masks; main effects and the intercept are implicit.
 */
import { bitCount } from './captureTable.ts';

/** Interaction masks of order 2 … min(K, k − 1), by order and then by mask. */
export function candidateInteractions(k: number, maxOrder: number): number[] {
  const top = Math.min(maxOrder, k - 1);
  const terms: number[] = [];
  for (let mask = 1; mask < 1 << k; mask += 1) {
    const order = bitCount(mask);
    if (order >= 2 && order <= top) terms.push(mask);
  }
  return terms.sort((a, b) => bitCount(a) - bitCount(b) || a - b);
}

/** The terms of order |t| − 1 (and at least 2) that must be present before t may be. */
export function parentTerms(term: number): number[] {
  if (bitCount(term) <= 2) return [];
  const parents: number[] = [];
  for (let rest = term; rest !== 0; rest &= rest - 1) parents.push(term & ~(rest & -rest));
  return parents;
}

/**
 * Every hierarchical model over the candidates, or null as soon as there would be more than
 * `limit` of them (the caller then searches stepwise instead of exhaustively).
 */
export function enumerateHierarchicalModels(candidates: readonly number[], limit: number): number[][] | null {
  if (countHierarchicalModels(candidates, limit) === null) return null;
  const models: number[][] = [];
  forEachHierarchicalModel(candidates, (model) => models.push([...model]));
  return models;
}

/** How many hierarchical models there are over the candidates, or null beyond `limit`. */
export function countHierarchicalModels(candidates: readonly number[], limit: number): number | null {
  let count = 0;
  const overflow = walk(candidates, () => {
    count += 1;
    return count <= limit;
  });
  return overflow ? null : count;
}

/**
 * Calls `visit` with every hierarchical model in turn, without holding them all: the exhaustive
 * search of six lists has 32,768 models, and keeping them (with their fits) is what made the search
 * use a quarter of a gigabyte. `visit` must copy the array if it keeps it.
 */
export function forEachHierarchicalModel(
  candidates: readonly number[],
  visit: (model: readonly number[]) => void,
): void {
  walk(candidates, (model) => {
    visit(model);
    return true;
  });
}

/** Depth-first walk over the models; `visit` returns false to stop. Returns true when stopped. */
function walk(candidates: readonly number[], visit: (model: readonly number[]) => boolean): boolean {
  const chosen = new Set<number>();
  const current: number[] = [];
  let stopped = false;
  const step = (index: number): void => {
    if (stopped) return;
    if (index === candidates.length) {
      if (!visit(current)) stopped = true;
      return;
    }
    step(index + 1);
    const term = candidates[index]!;
    if (parentTerms(term).every((parent) => chosen.has(parent))) {
      chosen.add(term);
      current.push(term);
      step(index + 1);
      current.pop();
      chosen.delete(term);
    }
  };
  step(0);
  return stopped;
}

/** Models one step away: add a term whose parents are present, or drop a term no other term needs. */
export function neighbourModels(model: readonly number[], candidates: readonly number[]): number[][] {
  const present = new Set(model);
  const neighbours: number[][] = [];
  for (const term of candidates) {
    if (present.has(term)) continue;
    if (parentTerms(term).every((parent) => present.has(parent))) {
      neighbours.push([...model, term].sort((a, b) => bitCount(a) - bitCount(b) || a - b));
    }
  }
  for (const term of model) {
    const needed = model.some((other) => other !== term && parentTerms(other).includes(term));
    if (!needed) neighbours.push(model.filter((other) => other !== term));
  }
  return neighbours;
}
