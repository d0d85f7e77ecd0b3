/**
 * dga: Bayesian model averaging over decomposable graphical models for capture–recapture
 * (Madigan & York 1997, "Bayesian methods for estimation of the size of a closed population",
 * Biometrika 84:19; the R package dga of Johndrow, Lum & Madigan, used by HRDAG).
 *
 * For k lists (3 to 5 here), each decomposable (chordal) graph g on the lists is a log-linear model
 * whose interactions are the graph's cliques. Given the total N, the completed 2^k table is
 * multinomial; its cell probabilities have the hyper-Dirichlet prior with δ per cell (dga's
 * suggested δ = 2^-k, a prior worth one observation), so every margin S has Dirichlet parameters
 * δ·2^(k−|S|) and the marginal likelihood of a decomposable model factorises over a perfect
 * elimination ordering v_1 … v_k (F_v = v's neighbours eliminated after it):
 *   p(table | g, N) = N! / (n_0! ∏ n_c!) · ∏_v D(F_v ∪ {v}) / D(F_v),
 * D(S) = Γ(A)/Γ(A + N) ∏_{cells i of S} Γ(α_S + n_S(i)) / Γ(α_S), A = δ·2^k
 * (Dawid & Lauritzen 1993). The prior on N is p(N) ∝ 1/N (as dga's examples and LCMCR), graphs are
 * equally likely a priori. The posterior over (g, N) is computed exactly on a grid of the number
 * unobserved n_0 = N − n (every integer up to 10,000, then as many points again spaced
 * geometrically up to 1,000 times the number observed, each weighted by the stretch it stands for). Only cells holding the unobserved count
 * change with n_0, so each margin's term is computed once per grid point and shared by all graphs.
 */
import { seededStream } from '../seededRandom.ts';
import { bitCount, termName } from './captureTable.ts';
import type { StratumMethod } from './estimateTypes.ts';
import { logGamma } from './logGamma.ts';
import { applyPosterior } from './mcmcDiagnostics.ts';

/** Every n_0 up to this is a grid point; beyond it, as many points again, spaced geometrically. */
const DENSE_POINTS = 10_000;
/** Largest number unobserved searched, as a multiple of the number observed. */
const MAX_RATIO = 1_000;
/** Draws taken from the posterior of N (for the summary and for summing strata). */
const DRAWS = 4_000;

export interface DecomposableGraph {
  /** Edges as pair masks. */
  edges: number[];
  /** For each list v in a perfect elimination ordering: the mask F_v ∪ {v} and F_v. */
  factors: Array<[number, number]>;
}

/** Every decomposable graph on k vertices (all 2^(k choose 2) graphs, the chordal ones kept). */
export function decomposableGraphs(k: number): DecomposableGraph[] {
  const pairs: number[] = [];
  for (let a = 0; a < k; a += 1) for (let b = a + 1; b < k; b += 1) pairs.push((1 << a) | (1 << b));
  const graphs: DecomposableGraph[] = [];
  for (let subset = 0; subset < 1 << pairs.length; subset += 1) {
    const edges = pairs.filter((_, index) => subset & (1 << index));
    const neighbours = new Array<number>(k).fill(0);
    for (const edge of edges) {
      const a = Math.log2(edge & -edge);
      const b = Math.log2(edge & ~(edge & -edge));
      neighbours[a]! |= 1 << b;
      neighbours[b]! |= 1 << a;
    }
    const factors = perfectElimination(k, neighbours);
    if (factors) graphs.push({ edges, factors });
  }
  return graphs;
}

/** Eliminates simplicial vertices one by one; null when none is left (the graph has a chordless cycle). */
function perfectElimination(k: number, neighbours: readonly number[]): Array<[number, number]> | null {
  let remaining = (1 << k) - 1;
  const factors: Array<[number, number]> = [];
  while (remaining !== 0) {
    let found = -1;
    for (let v = 0; v < k && found < 0; v += 1) {
      if (!(remaining & (1 << v))) continue;
      const later = neighbours[v]! & remaining;
      let clique = true;
      for (let u = 0; u < k && clique; u += 1) {
        if (later & (1 << u) && (later & ~(1 << u) & ~neighbours[u]!) !== 0) clique = false;
      }
      if (clique) found = v;
    }
    if (found < 0) return null;
    const later = neighbours[found]! & remaining;
    factors.push([later | (1 << found), later]);
    remaining &= ~(1 << found);
  }
  return factors;
}

export interface DgaResult {
  /** Posterior draws of N. */
  draws: Float64Array;
  /** Graphs by posterior probability, best first (at most 10). */
  topGraphs: Array<{ edges: number[]; probability: number }>;
  /** Posterior mass beyond a quarter of the largest n_0 searched (large: the grid cuts the tail). */
  tailMass: number;
  graphs: number;
}

export function runDga(k: number, counts: Float64Array, delta: number, seed: number): DgaResult {
  const cells = 1 << k;
  let n = 0;
  for (let c = 1; c < cells; c += 1) n += counts[c]!;
  const total = delta * cells;
  const graphs = decomposableGraphs(k);
  const upper = MAX_RATIO * Math.max(n, 10);
  const { grid, width } = unobservedGrid(upper);
  const subsetTerm = marginTerms(k, counts, n, delta, total, grid);
  // N!/n_0! and the 1/N prior, the same for every graph.
  const common = Float64Array.from(grid, (n0) => logGamma(n + n0 + 1) - logGamma(n0 + 1) - Math.log(n + n0));
  // One pass over the graphs with one row buffer, rescaling the sums whenever a larger log
  // weight appears (a 5-list grid for all 822 graphs would otherwise hold 130 MB).
  const row = new Float64Array(grid.length);
  const byN = new Float64Array(grid.length);
  const byGraph = new Float64Array(graphs.length);
  let top = Number.NEGATIVE_INFINITY;
  graphs.forEach((graph, index) => {
    row.set(common);
    for (const [withV, without] of graph.factors) {
      const add = subsetTerm[withV]!;
      const remove = subsetTerm[without]!;
      for (let g = 0; g < grid.length; g += 1) row[g]! += add[g]! - remove[g]!;
    }
    let rowTop = Number.NEGATIVE_INFINITY;
    for (let g = 0; g < grid.length; g += 1) if (row[g]! > rowTop) rowTop = row[g]!;
    if (rowTop > top) {
      const scale = Math.exp(top - rowTop);
      for (let g = 0; g < grid.length; g += 1) byN[g]! *= scale;
      for (let i = 0; i < index; i += 1) byGraph[i]! *= scale;
      top = rowTop;
    }
    let sum = 0;
    for (let g = 0; g < grid.length; g += 1) {
      const weight = Math.exp(row[g]! - top);
      byN[g]! += weight;
      sum += weight;
    }
    byGraph[index] = sum;
  });
  let mass = 0;
  let tailMass = 0;
  for (let g = 0; g < grid.length; g += 1) {
    byN[g]! *= width[g]!;
    mass += byN[g]!;
    if (grid[g]! > upper / 4) tailMass += byN[g]!;
  }
  tailMass /= mass;
  for (let index = 0; index < graphs.length; index += 1) byGraph[index]! /= mass;
  const random = seededStream(seed, 0);
  const cumulative = new Float64Array(grid.length);
  let running = 0;
  for (let g = 0; g < grid.length; g += 1) {
    running += byN[g]!;
    cumulative[g] = running;
  }
  const draws = new Float64Array(DRAWS);
  for (let d = 0; d < DRAWS; d += 1) {
    const u = random() * running;
    let low = 0;
    let high = grid.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < u) low = middle + 1;
      else high = middle;
    }
    // Uniform within the stretch of n_0 the grid point stands for (one integer near zero).
    draws[d] = n + Math.max(0, Math.round(grid[low]! + (random() - 0.5) * width[low]!));
  }
  const order = graphs.map((_, index) => index).sort((a, b) => byGraph[b]! - byGraph[a]!);
  return {
    draws,
    topGraphs: order.slice(0, 10).map((index) => ({
      edges: graphs[index]!.edges,
      probability: byGraph[index]!,
    })),
    tailMass,
    graphs: graphs.length,
  };
}

/**
 * log D(S) for every margin S (bit mask of lists) at every grid value of n_0, without the
 * Γ(A)/Γ(A + N) factor for S = ∅ (D(∅) = 1).
 */
function marginTerms(
  k: number,
  counts: Float64Array,
  n: number,
  delta: number,
  total: number,
  grid: readonly number[],
): Float64Array[] {
  const cells = 1 << k;
  const terms: Float64Array[] = [];
  const logTotal = logGamma(total);
  const totalTerm = Float64Array.from(grid, (n0) => logTotal - logGamma(total + n + n0));
  for (let subset = 0; subset < cells; subset += 1) {
    const row = new Float64Array(grid.length);
    terms.push(row);
    if (subset === 0) continue;
    const alpha = delta * 2 ** (k - bitCount(subset));
    const margin = new Map<number, number>();
    for (let c = 1; c < cells; c += 1) margin.set(c & subset, (margin.get(c & subset) ?? 0) + counts[c]!);
    let fixed = 0;
    for (let sub = subset; ; sub = (sub - 1) & subset) {
      if (sub !== 0) fixed += logGamma(alpha + (margin.get(sub) ?? 0)) - logGamma(alpha);
      if (sub === 0) break;
    }
    const zeroObserved = margin.get(0) ?? 0;
    for (let g = 0; g < grid.length; g += 1) {
      row[g] = totalTerm[g]! + fixed + logGamma(alpha + zeroObserved + grid[g]!) - logGamma(alpha);
    }
  }
  return terms;
}

/** Grid of n_0 = 0 … upper and the stretch of n_0 each point stands for (its quadrature weight). */
function unobservedGrid(upper: number): { grid: number[]; width: number[] } {
  const grid: number[] = [];
  for (let n0 = 0; n0 <= Math.min(upper, DENSE_POINTS); n0 += 1) grid.push(n0);
  if (upper > DENSE_POINTS) {
    const ratio = (upper / DENSE_POINTS) ** (1 / DENSE_POINTS);
    let value = DENSE_POINTS;
    while (value < upper) {
      value = Math.min(upper, Math.max(value + 1, Math.round(value * ratio)));
      grid.push(value);
    }
  }
  const width = grid.map((value, g) => {
    const below = g === 0 ? value : (value - grid[g - 1]!) / 2;
    const above = g === grid.length - 1 ? 0.5 : (grid[g + 1]! - value) / 2;
    return g === 0 ? 0.5 + above : below + above;
  });
  return { grid, width };
}

export const estimateDga: StratumMethod = (lists, counts, base, options, where) => {
  const k = lists.length;
  if (k < 3 || k > 5) {
    base.warnings.push(
      `cannot estimate${where} with dga: it averages over decomposable graphs of 3 to 5 lists, and there are ${k}`,
    );
    return base;
  }
  const delta = options.dgaDelta ?? 2 ** -k;
  const run = runDga(k, counts, delta, options.seed);
  applyPosterior(base, run.draws);
  base.graphs = run.topGraphs.map((graph) => ({
    edges: graph.edges.map((edge) => termName(edge, lists)),
    probability: graph.probability,
  }));
  if (run.tailMass > 1e-3) {
    base.warnings.push(
      `dga${where}: the posterior of N is not negligible even at ${MAX_RATIO} times the number observed (the lists overlap too little); the upper bound is cut off there and understates the uncertainty`,
    );
  }
  return base;
};
