/**
 * Linkage review at scale: what a run adds to `attest link` (the explained pairs and the pairs inside
 * clusters it stores) and what one label costs the server besides the database (re-computing the
 * clusters with every label of the list). 20,000 generated victim-list records; CPU time
 * (process.cpuUsage), since the machine is shared. Targets: a label re-clusters in under 0.2 s of
 * CPU with 500 labels; preparing the stored run costs at most half the linkage itself (it
 * prepares the records a second time, to explain pairs).
 */
import { assignColumnRoles } from '../../src/analysis/linkage/columnRoles.ts';
import { generateVictimLists } from '../../src/analysis/linkage/generateVictimLists.ts';
import { linkRecords } from '../../src/analysis/linkage/linkRecords.ts';
import { type LabelledPair, labelledClusters } from '../../src/services/linkage/labelledClusters.ts';
import { storedRun } from '../../src/services/linkage/storedRun.ts';
import { atMost, type BenchRow, type BenchSuite } from '../harness.ts';

const PERSONS = 12_000;
const LABELS = 500;

function cpuSeconds<T>(work: () => T): { value: T; seconds: number } {
  const before = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(before);
  return { value, seconds: (used.user + used.system) / 1e6 };
}

export const suite: BenchSuite = {
  name: 'linkageReview',
  async run(): Promise<BenchRow[]> {
    const lists = generateVictimLists({ persons: PERSONS, lists: 3, seed: 5, coverage: 0.5 });
    const input = {
      columns: lists.columns,
      roles: assignColumnRoles(lists.columns),
      records: lists.rows.map((values) => ({ id: values[0]!, values })),
    };
    const linked = cpuSeconds(() => linkRecords(input));
    const stored = cpuSeconds(() => storedRun(input, linked.value));
    const run = stored.value;
    const bytes = Buffer.byteLength(JSON.stringify(run));
    // Labels as a reviewer would leave them: every pair of the review list, alternating decisions,
    // plus non-matches inside clusters (the splits are the expensive case).
    const labels: LabelledPair[] = [];
    run.review.forEach((pair, i) => {
      if (labels.length < LABELS / 2)
        labels.push({ a: pair.a, b: pair.b, decision: i % 2 ? 'match' : 'non-match' });
    });
    for (const cluster of run.clusters) {
      if (labels.length >= LABELS) break;
      if (cluster.length > 2) labels.push({ a: cluster[0]!, b: cluster.at(-1)!, decision: 'non-match' });
    }
    const basis = {
      size: run.records.length,
      clusters: run.clusters,
      pairs: [...run.within, ...run.review.map((p): [number, number, number] => [p.a, p.b, p.probability])],
      threshold: run.threshold,
      mergeFloor: run.mergeFloor,
      vetoBelow: run.vetoBelow,
    };
    const relabel = cpuSeconds(() => labelledClusters(basis, labels));
    const note = `${run.records.length} records, ${run.review.length} pairs to review, ${run.clusters.length} clusters, ${labels.length} labels`;
    return [
      { metric: 'link 20k records: CPU', value: linked.seconds, unit: 's', note },
      {
        metric: 'review run: preparing what is stored, CPU',
        value: stored.seconds,
        unit: 's',
        ...atMost(stored.seconds, 0.5 * linked.seconds),
        note: 'target: half the linkage’s CPU',
      },
      { metric: 'review run: stored result', value: bytes / 2 ** 20, unit: 'MiB' },
      {
        metric: `one label: re-clustering with ${labels.length} labels, CPU`,
        value: relabel.seconds,
        unit: 's',
        ...atMost(relabel.seconds, 0.2),
        note: `${relabel.value.clusters.length} clusters after labels, ${relabel.value.conflicts.length} conflicts`,
      },
    ];
  },
};
