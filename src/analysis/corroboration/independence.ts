/**
 * Independence is earned: reports count as independent only when their publishers differ and
 * neither is a near-copy of the other (nearDuplicate.ts). Reports joined by either relation, even
 * through a third, form one group; each group counts once, represented by its earliest report.
 */
import { isNearCopy, shingles } from './nearDuplicate.ts';

export interface Report {
  sourceId: string;
  /** Publisher (URL host) or the capture itself for a source without one. */
  publisher: string;
  text: string;
  /** Earlier reports represent their group; ties by source id, so the result is deterministic. */
  order: string;
}

export interface IndependenceResult {
  reports: number;
  independent: number;
  /** Per source: true for the report that represents its group. */
  independentBySource: Map<string, boolean>;
  /** Per source: the source it copies or shares a publisher with (its group's representative). */
  groupOf: Map<string, string>;
}

export function assessIndependence(reports: readonly Report[]): IndependenceResult {
  const unique = [...new Map(reports.map((report) => [report.sourceId, report])).values()];
  const sorted = unique.sort(
    (a, b) => a.order.localeCompare(b.order) || a.sourceId.localeCompare(b.sourceId),
  );
  const parent = sorted.map((_, index) => index);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (a: number, b: number) => {
    const [ra, rb] = [root(a), root(b)];
    // The earlier report stays the root: it is the one counted.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const sets = sorted.map((report) => shingles(report.text));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (sorted[i]!.publisher === sorted[j]!.publisher || isNearCopy(sets[i]!, sets[j]!)) join(i, j);
    }
  }
  const independentBySource = new Map<string, boolean>();
  const groupOf = new Map<string, string>();
  sorted.forEach((report, index) => {
    const representative = root(index);
    independentBySource.set(report.sourceId, representative === index);
    groupOf.set(report.sourceId, sorted[representative]!.sourceId);
  });
  const independent = [...independentBySource.values()].filter(Boolean).length;
  return { reports: independentBySource.size, independent, independentBySource, groupOf };
}
