/**
 * The overlaps of a capture table as the estimation page draws them (an UpSet chart): each list's
 * size, and each observed intersection — the people on exactly that combination of lists — with its
 * count, largest first. Strata are pooled here (the chart shows the whole table); the estimate still
 * treats them separately. Pure: no I/O.
 */
import { bitCount, type CaptureTable, observedTotal, poolStrata } from '../../analysis/mse/captureTable.ts';

export interface Intersection {
  /** The capture pattern: bit i set = on list i (list 0 is the lowest bit). */
  pattern: number;
  /** Indexes of the lists in this intersection, in list order. */
  lists: number[];
  /** People on exactly these lists and no other. */
  count: number;
}

export interface Overlaps {
  lists: Array<{ name: string; size: number }>;
  observed: number;
  /** Observed intersections (count > 0), largest first; ties: fewer lists first, then by pattern. */
  intersections: Intersection[];
  strata: Array<{ name: string | null; observed: number }>;
}

export function overlapsOf(table: CaptureTable): Overlaps {
  const pooled = poolStrata(table);
  const k = table.lists.length;
  const intersections: Intersection[] = [];
  for (let pattern = 1; pattern < pooled.length; pattern += 1) {
    const count = pooled[pattern]!;
    if (count <= 0) continue;
    const lists: number[] = [];
    for (let i = 0; i < k; i += 1) if (pattern & (1 << i)) lists.push(i);
    intersections.push({ pattern, lists, count });
  }
  intersections.sort(
    (a, b) => b.count - a.count || bitCount(a.pattern) - bitCount(b.pattern) || a.pattern - b.pattern,
  );
  return {
    lists: table.lists.map((name, i) => {
      let size = 0;
      for (let pattern = 1; pattern < pooled.length; pattern += 1)
        if (pattern & (1 << i)) size += pooled[pattern]!;
      return { name, size };
    }),
    observed: observedTotal(pooled),
    intersections,
    strata: table.strata.map((stratum) => ({ name: stratum.name, observed: observedTotal(stratum.counts) })),
  };
}

/** Pairs of lists that share nobody: their dependence cannot be estimated. */
export function disjointPairs(table: CaptureTable): Array<[number, number]> {
  const pooled = poolStrata(table);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < table.lists.length; i += 1) {
    for (let j = i + 1; j < table.lists.length; j += 1) {
      const both = (1 << i) | (1 << j);
      let shared = 0;
      for (let pattern = 1; pattern < pooled.length; pattern += 1)
        if ((pattern & both) === both) shared += pooled[pattern]!;
      if (shared === 0) pairs.push([i, j]);
    }
  }
  return pairs;
}
